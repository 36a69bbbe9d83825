// Gradients whose float32 rounding order shows, bit for bit against test/unit/broadcast-grad-torch113.json
// (made by broadcast-grad-fixture.py with Debian's python3-torch): a broadcast operand's gradient summed
// down to its shape as autograd's sum_to does (the cascade order of `grad.sum(dims, keepdim=True)`), and
// pow_backward for a Python-number exponent. Learners check hand-written gradients against these with
// `torch.all(dt == t.grad)` (Karpathy's backprop-ninja `cmp`), so "close" is not enough.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';

interface BinaryCase {
  op: 'add' | 'sub' | 'add_alpha' | 'sub_alpha' | 'mul' | 'div' | 'maximum';
  seed: number;
  a: number[];
  b: number[];
  grad_a: number[] | null;
  grad_b: number[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(fs.readFileSync(path.join(here, 'broadcast-grad-torch113.json'), 'utf8')) as {
  binary: BinaryCase[];
  pow: { e: number; seed: number; grad: number[] }[];
};

function draw(seed: number, shape: number[]): Tensor {
  torch.manual_seed(seed);
  return torch.randn(shape);
}

function bitsEqual(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      assert.fail(`${what}: element ${i} is ${actual[i]}, PyTorch ${expected[i]}`);
  }
}

function forward(op: BinaryCase['op'], a: Tensor, b: Tensor): Tensor {
  if (op === 'add') return torch.add(a, b);
  if (op === 'sub') return torch.sub(a, b);
  if (op === 'add_alpha') return torch.add(a, b, 0.3);
  if (op === 'sub_alpha') return torch.sub(a, b, 1.7);
  if (op === 'mul') return torch.mul(a, b);
  if (op === 'div') return torch.div(a, b);
  return torch.maximum(a, b);
}

test('broadcast operands of add/sub/mul/div/maximum get sum_to gradients bit for bit', () => {
  assert.ok(fixture.binary.length >= 60);
  for (const c of fixture.binary) {
    const a = draw(c.seed, c.a).requires_grad_();
    let b = draw(c.seed + 1, c.b);
    if (c.op === 'div') b = torch.add(torch.abs(b), 0.5);
    b.requires_grad_();
    const y = forward(c.op, a, b);
    y.backward(draw(c.seed + 2, y.shape.slice()));
    const what = `${c.op}(${c.a.join('x')}, ${c.b.join('x')})`;
    bitsEqual(b.grad!.data, c.grad_b, `${what} grad of b`);
    if (c.grad_a !== null) bitsEqual(a.grad!.data, c.grad_a, `${what} grad of a`);
  }
});

test('x ** e for a Python number e: pow_backward rounds as PyTorch does', () => {
  for (const c of fixture.pow) {
    const x = torch.add(torch.abs(draw(c.seed, [64])), 0.05).requires_grad_();
    torch.pow(x, c.e).backward(draw(c.seed + 1, [64]));
    bitsEqual(x.grad!.data, c.grad, `x ** ${c.e}`);
  }
});
