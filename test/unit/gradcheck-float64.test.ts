// Finite-difference gradient checks in float64: with double-precision forward and backward, a five-point
// central difference pins every gradient to ~1e-9 relative, far tighter than the float32 checks in
// gradcheck.test.ts allow (a gradient computed anywhere in float32 is ~1e-7 off and fails here). The ops run
// as the bridge runs them for float64 operands: with float64 buffers (setFloat64Mode, see buffers.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { setFloat64Mode } from '../../src/engine/buffers';
import { computesInFloat64, promoteOperands } from '../../src/engine/ops/util';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rnd = lcg(20261205);

function input(shape: number[], lo = -2, hi = 2, avoid: number[] = []): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = lo + (hi - lo) * rnd();
    for (const k of avoid) if (Math.abs(v - k) < 0.1) v = k + (v >= k ? 0.1 : -0.1);
    data[i] = v;
  }
  return new Tensor(data, shape, 'float64', true);
}

/** fn in float64 mode, as the bridge calls an op whose operands are float64. */
function inDouble<T>(fn: () => T): T {
  const previous = setFloat64Mode(true);
  try {
    return fn();
  } finally {
    setFloat64Mode(previous);
  }
}

function gradcheck(name: string, inputs: Tensor[], fn: (...x: Tensor[]) => Tensor): void {
  for (const x of inputs) x.grad = null;
  const out = inDouble(() => fn(...inputs));
  assert.equal(out.dtype, 'float64', `${name}: result dtype`);
  const r = new Float64Array(out.data.length);
  for (let i = 0; i < r.length; i++) r[i] = rnd() * 2 - 1;
  out.backward(new Tensor(Float64Array.from(r), out.shape, 'float64'));
  const loss = (x: Tensor, i: number, v: number) => {
    x.data[i] = v;
    const o = torch.noGrad(() => inDouble(() => fn(...inputs)));
    let l = 0;
    for (let k = 0; k < r.length; k++) l += o.data[k] * r[k];
    return l;
  };
  inputs.forEach((x, k) => {
    if (!x.requiresGrad) return;
    const analytic = x.grad;
    assert.ok(analytic, `${name}: input ${k} got no gradient`);
    assert.equal(analytic.dtype, 'float64', `${name}: gradient dtype`);
    for (let i = 0; i < x.data.length; i++) {
      const orig = x.data[i];
      const h = 1e-3 * Math.max(1, Math.abs(orig));
      const d1 = loss(x, i, orig + h) - loss(x, i, orig - h);
      const d2 = loss(x, i, orig + 2 * h) - loss(x, i, orig - 2 * h);
      x.data[i] = orig;
      const numeric = (8 * d1 - d2) / (12 * h);
      const a = analytic.data[i];
      assert.ok(
        Math.abs(a - numeric) <= 1e-9 * Math.max(1, Math.abs(numeric)),
        `${name}: d/dx${k}[${i}] analytic ${a} vs numeric ${numeric}`,
      );
    }
  });
}

test('float64 arithmetic, math and activations: gradients exact to 1e-9', () => {
  gradcheck('add broadcast', [input([3, 4]), input([4])], (a, b) => torch.add(a, b));
  gradcheck('mul broadcast', [input([3, 1]), input([1, 4])], (a, b) => torch.mul(a, b));
  gradcheck('div', [input([5]), input([5], 0.5, 2)], (a, b) => torch.div(a, b));
  gradcheck('pow tensor', [input([4], 0.3, 2), input([4])], (a, b) => torch.pow(a, b));
  gradcheck('pow scalar', [input([4], 0.3, 2)], (a) => torch.pow(a, 2.5));
  gradcheck('exp log', [input([4], 0.3, 2)], (a) => torch.add(torch.exp(a), torch.log(a)));
  gradcheck('tanh sigmoid', [input([6])], (a) => torch.mul(torch.tanh(a), torch.sigmoid(a)));
  gradcheck('relu', [input([6], -2, 2, [0])], (a) => torch.relu(a));
  gradcheck('sqrt', [input([4], 0.3, 2)], (a) => torch.sqrt(a));
  gradcheck('softmax', [input([2, 5])], (a) => torch.softmax(a, 1));
  gradcheck('log_softmax', [input([2, 5])], (a) => torch.log_softmax(a, 1));
});

test('float64 products, reductions and losses: gradients exact to 1e-9', () => {
  gradcheck('matmul', [input([3, 4]), input([4, 2])], (a, b) => torch.matmul(a, b));
  gradcheck('batched matmul', [input([2, 3, 4]), input([4, 2])], (a, b) => torch.matmul(a, b));
  gradcheck('linear', [input([5, 3]), input([2, 3]), input([2])], (x, w, b) => torch.linear(x, w, b));
  gradcheck('sum dim', [input([3, 4])], (a) => torch.sum(a, 1));
  gradcheck('mean', [input([3, 4])], (a) => torch.mean(a));
  gradcheck('mse_loss', [input([6]), input([6])], (a, b) => torch.mse_loss(a, b));
  const target = new Tensor(new Float64Array([2, 0, 1]), [3], 'int64');
  gradcheck('cross_entropy', [input([3, 4])], (a) => torch.cross_entropy(a, target));
});

test('a float32 op beside a float64 one: each input gets its gradient in its own dtype', () => {
  const x32 = new Tensor(new Float32Array([1.5, -2]), [2], 'float32', true);
  const x64 = new Tensor(new Float64Array([0.1, 0.7]), [2], 'float64', true);
  const y = inDouble(() => torch.mul(x32, x64));
  assert.equal(y.dtype, 'float64');
  inDouble(() => torch.sum(y)).backward();
  assert.equal(x32.grad?.dtype, 'float32');
  assert.deepEqual(Array.from(x32.grad!.data), [Math.fround(0.1), Math.fround(0.7)]);
  assert.equal(x64.grad?.dtype, 'float64');
  assert.deepEqual(Array.from(x64.grad!.data), [1.5, -2]);
});

test('result dtypes follow torch.result_type: 0-d tensors and scalars only lift the category', () => {
  const t = (dtype: torch.DType, shape: number[]) =>
    new Tensor(torch.allocate(dtype, shape.length ? 2 : 1), shape, dtype);
  assert.equal(promoteOperands(t('float32', [2]), t('float64', [])), 'float32');
  assert.equal(promoteOperands(t('float32', [2]), t('float64', [2])), 'float64');
  assert.equal(promoteOperands(t('int32', [2]), t('float64', [])), 'float64');
  assert.equal(promoteOperands(t('int32', [2]), t('int64', [])), 'int32');
  assert.equal(promoteOperands(t('uint8', [2]), t('int8', [2])), 'int16');
  assert.equal(promoteOperands(t('bool', [2]), t('int64', [])), 'int64');
  assert.equal(computesInFloat64([t('float32', [2]), t('float64', [])]), false);
  assert.equal(computesInFloat64([t('float32', []), t('float64', [])]), true);
  assert.equal(computesInFloat64([t('int64', [2]), t('float64', [])]), true);
  assert.equal(computesInFloat64([t('float32', [2]), 2.5]), false);
});
