// float32 sums in PyTorch 1.13's order, bit for bit (src/engine/ops/cascadeSum.ts), against
// test/unit/sum-torch113.json (made by sum-fixture.py with Debian's python3-torch): full sums of 1..5000
// elements, sums and means over each dim and dim pairs of 2-D and 3-D tensors, and the losses reduced
// with them. Inputs are drawn again here with the engine's PyTorch-exact generator.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { cascadeSum } from '../../src/engine/ops/cascadeSum';

interface ReductionCase {
  op: 'sum' | 'mean';
  seed: number;
  shape: number[];
  dim: number | number[] | null;
  scale: number;
  in_fsum: number;
  out: number[];
}
interface LossCase {
  loss: 'mse_mean' | 'mse_sum' | 'l1_mean' | 'bce_mean';
  seed: number;
  n: number;
  out: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(fs.readFileSync(path.join(here, 'sum-torch113.json'), 'utf8')) as {
  reductions: ReductionCase[];
  losses: LossCase[];
  activations: { fn: 'sigmoid' | 'tanh'; seed: number; n: number; out: number[]; grad: number[] }[];
};

function draw(seed: number, shape: number[], scale: number): Tensor {
  torch.manual_seed(seed);
  return torch.mul(torch.randn(shape), scale);
}

/** The exact sum of the values (as math.fsum), to show the input is the one PyTorch summed. */
function exactSum(values: ArrayLike<number>): number {
  const parts: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let x = values[i];
    let k = 0;
    for (const y of parts) {
      const hi = x + y;
      const lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
      if (lo !== 0) parts[k++] = lo;
      x = hi;
    }
    parts.length = k;
    parts.push(x);
  }
  return parts.reduce((a, b) => a + b, 0);
}

function bitsEqual(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      assert.fail(`${what}: element ${i} is ${actual[i]}, PyTorch ${expected[i]}`);
  }
}

test('sum and mean of contiguous float32 tensors match PyTorch 1.13 bit for bit', () => {
  assert.ok(fixture.reductions.length > 250);
  for (const c of fixture.reductions) {
    const x = draw(c.seed, c.shape, c.scale);
    const what = `${c.op}(shape ${c.shape.join('x')}, dim ${JSON.stringify(c.dim)})`;
    assert.ok(Math.abs(exactSum(x.data) - c.in_fsum) <= 1e-9 * Math.max(1, Math.abs(c.in_fsum)), `${what}: input`);
    const fn = c.op === 'sum' ? torch.sum : torch.mean;
    const out = c.dim === null ? fn(x) : fn(x, c.dim);
    bitsEqual(out.data, c.out, what);
  }
});

test('the issue example: a sum of 8 floats that float64 accumulation rounds differently', () => {
  const x = new Float32Array([
    4.622988224029541, -0.880286693572998, -6.536368370056152, 1.7052937746047974, -3.2535672187805176,
    -4.195786476135254, 1.21004056930542, 2.5140790939331055,
  ]);
  assert.equal(cascadeSum(x), -4.813607692718506);
  assert.equal(torch.sum(new Tensor(x, [8])).item(), -4.813607692718506);
});

test('losses reduced with the cascade sum match PyTorch 1.13 bit for bit', () => {
  for (const c of fixture.losses) {
    let x = draw(c.seed, [c.n, 1], 1);
    let y = draw(c.seed + 100000, [c.n, 1], 1);
    let out: Tensor;
    if (c.loss === 'mse_mean') out = torch.mse_loss(x, y);
    else if (c.loss === 'mse_sum') out = torch.mse_loss(x, y, 'sum');
    else if (c.loss === 'l1_mean') out = torch.l1_loss(x, y);
    else {
      torch.manual_seed(c.seed);
      x = torch.rand([c.n, 1]);
      y = new Tensor(
        y.data.map((v) => (v > 0 ? 1 : 0)),
        y.shape,
      );
      out = torch.binary_cross_entropy(x, y);
    }
    assert.ok(Object.is(out.item(), c.out), `${c.loss}, n=${c.n}: ${out.item()}, PyTorch ${c.out}`);
  }
});

test('gradients of sum and mean are unchanged: ones, and 1/count', () => {
  const x = torch.randn([3, 5]);
  x.requires_grad_();
  torch.sum(torch.mean(x, 0)).backward();
  bitsEqual(x.grad!.data, new Array(15).fill(Math.fround(1 / 3)), 'mean grad');
});

test("sigmoid and tanh of small tensors (PyTorch's scalar path) and their gradients, bit for bit", () => {
  for (const c of fixture.activations) {
    const x = draw(c.seed, [c.n], 3);
    x.requires_grad_();
    const g = draw(c.seed + 500, [c.n], 1);
    const y = c.fn === 'sigmoid' ? torch.sigmoid(x) : torch.tanh(x);
    bitsEqual(y.data, c.out, `${c.fn}, n ${c.n}`);
    y.backward(g);
    bitsEqual(x.grad!.data, c.grad, `${c.fn} grad, n ${c.n}`);
  }
});
