// Gradient bookkeeping shortcuts keep PyTorch's results: recycled backward buffers (large tensors), the copy
// into a gradient zero_grad just cleared (only for buffers that cannot hold -0, since 0 + -0 = +0), and
// accumulation across several backward passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../../src/engine/tensor';
import { Parameter } from '../../src/engine/nn/parameter';
import { linear } from '../../src/engine/ops/matmul';
import { relu } from '../../src/engine/ops/activation';
import { mul } from '../../src/engine/ops/arith';
import { sum } from '../../src/engine/ops/reduce';
import { SGD } from '../../src/engine/optim';

function seeded(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = (s / 2 ** 32) * 2 - 1;
  }
  return out;
}

/** A two-layer relu net large enough (> 8 KB buffers) for the buffer pool; returns the loss tensor. */
function forward(x: Tensor, w1: Parameter, w2: Parameter): Tensor {
  return sum(linear(relu(linear(x, w1)), w2));
}

test('gradients of large layers accumulate exactly across backward passes, with zero_grad in between', () => {
  const x = new Tensor(seeded(64 * 96, 1), [64, 96]);
  const w1 = new Parameter(new Tensor(seeded(80 * 96, 2), [80, 96]));
  const w2 = new Parameter(new Tensor(seeded(40 * 80, 3), [40, 80]));
  const opt = new SGD([w1, w2], { lr: 0 });
  forward(x, w1, w2).backward();
  const g1 = Float32Array.from(w1.grad!.data);
  const g2 = Float32Array.from(w2.grad!.data);
  // Accumulating a second identical pass doubles each value exactly (x + x is exact in float32).
  forward(x, w1, w2).backward();
  assert.deepEqual(
    Array.from(w1.grad!.data),
    Array.from(g1, (v) => Math.fround(v + v)),
  );
  assert.deepEqual(
    Array.from(w2.grad!.data),
    Array.from(g2, (v) => Math.fround(v + v)),
  );
  // After zero_grad, one pass gives the single-pass gradient again (into the same buffers).
  const kept = w1.grad!;
  opt.zero_grad();
  forward(x, w1, w2).backward();
  assert.equal(w1.grad, kept);
  assert.deepEqual(Array.from(w1.grad!.data), Array.from(g1));
  assert.deepEqual(Array.from(w2.grad!.data), Array.from(g2));
  // Many more steps with recycled buffers do not disturb the values.
  for (let i = 0; i < 5; i++) {
    opt.zero_grad();
    forward(x, w1, w2).backward();
  }
  assert.deepEqual(Array.from(w1.grad!.data), Array.from(g1));
});

test('a -0 gradient: kept on first accumulation, +0 after zero_grad (0 + -0), as in PyTorch', () => {
  const n = 4096; // a standalone buffer, where the zeroed-gradient copy applies
  const w = new Parameter(new Tensor(seeded(n, 4), [n]));
  const c = new Tensor(new Float32Array(n).fill(-0), [n]);
  const opt = new SGD([w], { lr: 0 });
  sum(mul(w, c)).backward();
  assert.ok(Object.is(w.grad!.data[0], -0));
  opt.zero_grad();
  sum(mul(w, c)).backward();
  assert.ok(w.grad!.data.every((v) => Object.is(v, 0)));
});

test('a retained intermediate gradient keeps its values while later passes recycle buffers', () => {
  const x = new Tensor(seeded(64 * 96, 5), [64, 96]);
  const w1 = new Parameter(new Tensor(seeded(80 * 96, 6), [80, 96]));
  const w2 = new Parameter(new Tensor(seeded(40 * 80, 7), [40, 80]));
  const h = relu(linear(x, w1));
  h.retain_grad();
  sum(linear(h, w2)).backward();
  const snapshot = Array.from(h.grad!.data);
  for (let i = 0; i < 4; i++) forward(x, w1, w2).backward();
  assert.deepEqual(Array.from(h.grad!.data), snapshot);
});
