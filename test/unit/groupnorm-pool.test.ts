// F.group_norm (src/engine/ops/groupnorm.ts) and F.adaptive_max_pool2d (adaptiveMaxPool.ts) against PyTorch
// 1.13 (groupnorm-pool-torch113.json, made by groupnorm-pool-fixture.py): output, grad_fn name, indices and the
// gradients of input, weight and bias.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import { group_norm } from '../../src/engine/ops/groupnorm';
import { adaptive_max_pool2d } from '../../src/engine/ops/adaptiveMaxPool';
import { floats, type Encoded } from './float32-bits';

interface Case {
  op: string;
  groups?: number;
  size?: [number, number];
  x: Encoded;
  w?: Encoded | null;
  b?: Encoded | null;
  out: Encoded;
  indices?: number[];
  grad_fn: string;
  grad_out: Encoded;
  gx: Encoded;
  gw?: Encoded | null;
  gb?: Encoded | null;
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'groupnorm-pool-torch113.json'), 'utf8')) as {
  cases: Case[];
};

const leaf = (e: Encoded) => new Tensor(floats(e), e.shape, 'float32', true);

function assertClose(actual: ArrayLike<number>, expected: Float32Array, tol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) {
    const ok = Math.abs(actual[i] - expected[i]) <= tol * (1 + Math.abs(expected[i]));
    assert.ok(ok, `${what}[${i}]: ${actual[i]} != ${expected[i]}`);
  }
}

test('the fixture holds both ops', () => {
  assert.deepEqual([...new Set(cases.map((c) => c.op))].sort(), ['adaptive_max_pool2d', 'group_norm']);
});

cases.forEach((c, k) => {
  test(`${c.op} #${k} on ${JSON.stringify(c.x.shape)} equals PyTorch`, () => {
    const x = leaf(c.x);
    if (c.op === 'group_norm') {
      const w = c.w ? leaf(c.w) : null;
      const b = c.b ? leaf(c.b) : null;
      const out = group_norm(x, c.groups!, w, b, 1e-5);
      assertClose(out.data, floats(c.out), 2e-6, 'value');
      assert.equal(out.gradFn?.name, c.grad_fn);
      out.backward(new Tensor(floats(c.grad_out), c.grad_out.shape));
      assertClose(x.grad!.data, floats(c.gx), 1e-5, 'grad x');
      if (w) assertClose(w.grad!.data, floats(c.gw!), 1e-5, 'grad weight');
      if (b) assertClose(b.grad!.data, floats(c.gb!), 1e-5, 'grad bias');
      return;
    }
    const { values, indices } = adaptive_max_pool2d(x, c.size!);
    assertClose(values.data, floats(c.out), 0, 'value');
    assert.deepEqual(Array.from(indices.data), c.indices);
    assert.equal(values.gradFn?.name, c.grad_fn);
    values.backward(new Tensor(floats(c.grad_out), c.grad_out.shape));
    assertClose(x.grad!.data, floats(c.gx), 0, 'grad x');
  });
});

test('group_norm refuses channels its groups do not divide', () => {
  assert.throws(
    () => group_norm(new Tensor(new Float32Array(12), [2, 6]), 4, null, null),
    /divisible by num_groups, but got input of shape \[2, 6\] and num_groups=4/,
  );
});
