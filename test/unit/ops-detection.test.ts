// torchvision 0.14's nms and roi_pool kernels (src/engine/ops/detection.ts), pinned to what torchvision 0.14.1
// on PyTorch 1.13 printed: kept indices by score with ties in index order, suppression strictly above the
// threshold, RoI pooling's rounded corners, floor/ceil bins, empty bins of 0 and the gradient routed to each
// bin's maximum, and the kernels' errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import { nms, roi_pool } from '../../src/engine/ops/detection';

const f32 = (values: number[], shape: number[]) => new Tensor(Float32Array.from(values), shape);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('nms keeps [0, 2] of three boxes at threshold 0.1, int64', () => {
  const boxes = f32([0, 0, 10, 10, 5, 5, 15, 15, 20, 20, 30, 30], [3, 4]);
  const keep = nms(boxes, f32([0.9, 0.8, 0.7], [3]), 0.1);
  assert.equal(keep.dtype, 'int64');
  assert.deepEqual(Array.from(keep.data), [0, 2]);
});

test('nms: equal scores keep index order, and an IoU equal to the threshold is not suppressed', () => {
  const same = f32([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1], [3, 4]);
  const scores = f32([0.5, 0.5, 0.7], [3]);
  assert.deepEqual(Array.from(nms(same, scores, 0.5).data), [2]);
  assert.deepEqual(Array.from(nms(same, scores, 1.0).data), [2, 0, 1]);
  assert.deepEqual(Array.from(nms(f32([], [0, 4]), f32([], [0]), 0.5).data), []);
});

test("nms errors: torchvision's wording", () => {
  assert.throws(() => nms(f32(range(15), [3, 5]), f32([1, 2, 3], [3]), 0.5), {
    message: 'boxes should have 4 elements in dimension 1, got 5',
  });
  assert.throws(() => nms(f32(range(12), [3, 4]), f32([1, 2], [2]), 0.5), {
    message: 'boxes and scores should have same number of elements in dimension 0, got 3 and 2',
  });
  const ints = new Tensor(Float64Array.from(range(12)), [3, 4], 'int64');
  assert.throws(() => nms(ints, f32([1, 2, 3], [3]), 0.5), { message: `"nms_kernel" not implemented for 'Long'` });
});

test('roi_pool: d2l 14.8 example, clipped and empty regions, rounded half-integer corners', () => {
  const X = f32(range(16), [1, 1, 4, 4]);
  const y = roi_pool(X, f32([0, 0, 0, 20, 20, 0, 0, 10, 30, 30], [2, 5]), 0.1, 2, 2);
  assert.deepEqual(y.shape, [2, 1, 2, 2]);
  assert.deepEqual(Array.from(y.data), [5, 6, 9, 10, 9, 11, 13, 15]);
  const rois = f32([0, -5, -5, 1, 1, 0, 10, 10, 12, 12, 0, 0.5, 0.5, 2.5, 2.5], [3, 5]);
  const z = roi_pool(X, rois, 1.0, 2, 3);
  assert.deepEqual(Array.from(z.data), [0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 9, 10, 11, 13, 14, 15]);
});

test('roi_pool backward routes each bin to its maximum (torchvision ROIPoolFunction)', () => {
  const X = f32(range(32), [1, 2, 4, 4]);
  X.requires_grad_(true);
  const rois = f32([0, 0, 0, 20, 20, 0, 0, 10, 30, 30, 0, 35, 35, 50, 50], [3, 5]);
  const y = roi_pool(X, rois, 0.1, 2, 2);
  y.backward(new Tensor(new Float32Array(y.numel()).fill(1), y.shape));
  const channel = [0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 1, 1, 0, 1, 0, 1];
  assert.deepEqual(Array.from(X.grad!.data), [...channel, ...channel]);
});

test('roi_pool errors: mismatched dtypes and integer maps', () => {
  const X = f32(range(16), [1, 1, 4, 4]);
  const rois64 = new Tensor(new Float64Array(5), [1, 5], 'float64');
  assert.throws(() => roi_pool(X, rois64, 1, 2, 2), {
    message:
      "Expected tensor for argument #1 'input' to have the same type as tensor for argument #2 'rois'; but type " +
      'torch.FloatTensor does not equal torch.DoubleTensor (while checking arguments for roi_pool_forward_kernel)',
  });
  const Xi = new Tensor(Float64Array.from(range(16)), [1, 1, 4, 4], 'int64');
  const roisI = new Tensor(new Float64Array(5), [1, 5], 'int64');
  assert.throws(() => roi_pool(Xi, roisI, 1, 2, 2), {
    message: `"roi_pool_forward_kernel" not implemented for 'Long'`,
  });
});
