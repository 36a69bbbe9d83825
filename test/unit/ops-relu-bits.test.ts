// The branch-free relu kernels (bit operations on the float32 patterns) against the plain definitions, bit for
// bit, on every special value (NaNs with payloads and signs, ±0, ±inf, subnormals, extremes) and random floats,
// at offsets inside a shared buffer as small tensors have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reluBits, reluBackwardBits, relu } from '../../src/engine/ops/activation';
import { Tensor } from '../../src/engine/tensor';

const SPECIAL_BITS = [
  0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0xff800001, 0x7fbfffff,
  0xffffffff, 0x7fffffff, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff,
  0xff7fffff, 0x3f800000, 0xbf800000,
];

/** Special values followed by random bit patterns, as a view at a nonzero offset of a larger buffer. */
function sample(count: number, seed: number, offset: number): Float32Array {
  const buf = new ArrayBuffer((offset + SPECIAL_BITS.length + count) * 4);
  const u = new Uint32Array(buf, offset * 4);
  SPECIAL_BITS.forEach((b, i) => (u[i] = b));
  let s = seed >>> 0;
  for (let i = SPECIAL_BITS.length; i < u.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    u[i] = s;
  }
  return new Float32Array(buf, offset * 4, u.length);
}

function bitsOf(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

test('relu forward on bits: +0 where x < 0, else x (bits kept: -0 and NaN too, as std::max(x, 0))', () => {
  const x = sample(4000, 1, 3);
  const y = new Float32Array(x.length);
  reluBits(x, y);
  const xb = bitsOf(x);
  const yb = bitsOf(y);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const expected = v < 0 ? 0 : xb[i];
    assert.equal(yb[i], expected, `x bits 0x${xb[i].toString(16)}`);
  }
});

test('relu backward on bits: +0 where y <= 0 (±0, negative), else g with its bits (y > 0 or NaN)', () => {
  const y = sample(3000, 2, 1);
  const g = sample(3000, 3, 5);
  const r = new Float32Array(y.length);
  reluBackwardBits(y, g, r);
  const gb = bitsOf(g);
  const rb = bitsOf(r);
  for (let i = 0; i < y.length; i++) {
    const expected = y[i] <= 0 ? 0 : gb[i];
    assert.equal(rb[i], expected, `y ${y[i]} g bits 0x${gb[i].toString(16)}`);
  }
});

test('torch.relu and its gradient through the tensor API keep these semantics', () => {
  const x = new Tensor(Float32Array.from([-2, -0, 0, 3, Infinity, -Infinity, NaN, 1e-45]), [8]);
  x.requires_grad_(true);
  const y = relu(x);
  const tiny = Math.fround(1e-45);
  // deepEqual tells -0 from +0 (Object.is). PyTorch 1.13 prints relu([-2., -0., 0., 3., inf, -inf, nan, 1e-45])
  // as [0.0, -0.0, 0.0, 3.0, inf, 0.0, nan, 1.401298464324817e-45] and the gradient of (y * [1..8]).sum() as
  // [0.0, 0.0, 0.0, 4.0, 5.0, 0.0, 7.0, 8.0]: threshold_backward zeroes only where the result is <= 0.
  assert.deepEqual(Array.from(y.data), [0, -0, 0, 3, Infinity, 0, NaN, tiny]);
  y.backward(new Tensor(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), [8]));
  assert.deepEqual(Array.from(x.grad!.data), [0, 0, 0, 4, 5, 0, 7, 8]);
});
