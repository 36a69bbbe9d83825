// Rectifiers and clamps at -0 and NaN, pinned to what PyTorch 1.13 printed: its clamp_min/clamp/hardtanh keep x
// when it ties the bound (relu(-0.) and clamp(-0., min=0) are -0., which `float()` shows as -0.0 and a printed
// tensor as -0.), and its threshold_backward / hardtanh_backward test `x <= bound`, so a NaN passes its gradient
// while clamp's `min <= x <= max` mask does not. The relu case runs at 1200 elements too, where the WebAssembly
// kernel takes over from the TypeScript bit loop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import { hardtanh, relu, relu6 } from '../../src/engine/ops/activation';
import { threshold } from '../../src/engine/ops/rectifiers';
import { clamp } from '../../src/engine/ops/unary';

function leaf(values: number[], repeat = 1, dtype: 'float32' | 'float64' = 'float32'): Tensor {
  const all = Array.from({ length: repeat }, () => values).flat();
  const data = dtype === 'float32' ? Float32Array.from(all) : Float64Array.from(all);
  const t = new Tensor(data as Float32Array, [all.length], dtype);
  t.requires_grad_(true);
  return t;
}

function head(a: ArrayLike<number>, n: number): number[] {
  return Array.from(a).slice(0, n);
}

function ones(like: Tensor): Tensor {
  const data = like.dtype === 'float64' ? new Float64Array(like.numel()) : new Float32Array(like.numel());
  data.fill(1);
  return new Tensor(data as Float32Array, like.shape, like.dtype);
}

for (const [repeat, dtype] of [
  [1, 'float32'],
  [1200, 'float32'],
  [1, 'float64'],
] as const) {
  test(`relu of [-2, -0., 0., 3, nan] (x${repeat}, ${dtype}): [0., -0., 0., 3., nan], gradient [0, 0, 0, 4, 5]`, () => {
    const x = leaf([-2, -0, 0, 3, NaN], repeat, dtype);
    const y = relu(x);
    assert.deepEqual(head(y.data, 5), [0, -0, 0, 3, NaN]);
    const g = Array.from({ length: 5 * repeat }, (_, i) => i + 1);
    y.backward(new Tensor((dtype === 'float32' ? Float32Array : Float64Array).from(g) as Float32Array, y.shape, dtype));
    assert.deepEqual(head(x.grad!.data, 5), [0, 0, 0, 4, 5]);
  });
}

test('relu6 of [nan, -0., 0., 0.5, 2]: [nan, -0., 0., 0.5, 2.], gradient [1, 0, 0, 1, 1]', () => {
  const x = leaf([NaN, -0, 0, 0.5, 2]);
  const y = relu6(x);
  assert.deepEqual(Array.from(y.data), [NaN, -0, 0, 0.5, 2]);
  y.backward(ones(y));
  assert.deepEqual(Array.from(x.grad!.data), [1, 0, 0, 1, 1]);
});

test('hardtanh(x, 0., 1.) of [nan, -0., 2.]: gradient [1, 0, 0]', () => {
  const x = leaf([NaN, -0, 2]);
  const y = hardtanh(x, 0, 1);
  assert.deepEqual(Array.from(y.data), [NaN, -0, 1]);
  y.backward(ones(y));
  assert.deepEqual(Array.from(x.grad!.data), [1, 0, 0]);
});

test('clamp(x, min=0.) of [nan, -0., 2.]: [nan, -0., 2.], gradient [0, 1, 1]', () => {
  const x = leaf([NaN, -0, 2]);
  const y = clamp(x, 0, null);
  assert.deepEqual(Array.from(y.data), [NaN, -0, 2]);
  y.backward(ones(y));
  assert.deepEqual(Array.from(x.grad!.data), [0, 1, 1]);
  assert.deepEqual(Array.from(clamp(leaf([-0, 3]), 0, 1).data), [-0, 1]);
});

test('F.threshold(x, 0.5, 9.) of [nan, -0., 0., 0.5, 2.]: [nan, 9., 9., 9., 2.], gradient [1, 0, 0, 0, 1]', () => {
  const x = leaf([NaN, -0, 0, 0.5, 2]);
  const y = threshold(x, 0.5, 9);
  assert.deepEqual(Array.from(y.data), [NaN, 9, 9, 9, 2]);
  y.backward(ones(y));
  assert.deepEqual(Array.from(x.grad!.data), [1, 0, 0, 0, 1]);
});
