// create_graph through max pooling: the gradient is PyTorch's max_pool2d_with_indices_backward node
// (MaxPool2DWithIndicesBackwardBackward0, MaxPool3D..., AdaptiveMaxPool2DBackwardBackward0) with its two edges,
// the incoming gradient and the pooled input (whose derivative is zeros), and the second derivative of
// sum(pool(x) ** 2) is 2 at each window's maximum. PyTorch 1.13 printed, for the 4x4 x below:
//   grad_fn MaxPool2DWithIndicesBackwardBackward0, next_functions [MulBackward0, AccumulateGrad],
//   g = [0, 10, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 12, 0, 0, 14], d(sum g)/dx = 2 at the same places.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tensor, pow, sum } from '../../src/engine';
import { gradientsOfGraph } from '../../src/engine/autogradGraph';
import { adaptive_max_pool2d } from '../../src/engine/ops/adaptiveMaxPool';
import { type PoolOptions, max_pool2d_with_indices } from '../../src/engine/ops/pool';
import { type Pool3dOptions, max_pool3d_with_indices } from '../../src/engine/ops/pool3d';

const X = [1, 5, 2, 0, 3, -1, 4, 4, 0, 2, -3, 1, 6, 1, 2, 7];
const G = [0, 10, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 12, 0, 0, 14];
const GG = G.map((v) => (v ? 2 : 0));
const one = () => new Tensor(Float32Array.from([1]), []);

function check(shape: number[], pool: (x: Tensor) => Tensor, name: string): void {
  const x = new Tensor(Float32Array.from(X), shape, 'float32', true);
  const y = pool(x);
  const [g] = gradientsOfGraph([sum(pow(y, 2))], [one()], [x], true, false);
  assert.equal(g!.gradFn?.name, name);
  const [incoming, self] = g!.gradFn!.inputs;
  assert.equal(incoming?.gradFn?.name, 'MulBackward0');
  assert.equal(self, x);
  assert.deepEqual(Array.from(g!.data), G);
  const [gg] = gradientsOfGraph([sum(g!)], [one()], [x], false, false);
  assert.deepEqual(Array.from(gg!.data), GG);
}

test('max_pool2d: MaxPool2DWithIndicesBackwardBackward0 over (grad, self)', () => {
  const o: PoolOptions = { kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: false };
  check([1, 1, 4, 4], (x) => max_pool2d_with_indices(x, o).values, 'MaxPool2DWithIndicesBackwardBackward0');
});

test('max_pool3d and adaptive_max_pool2d name their double backward as PyTorch does', () => {
  const o: Pool3dOptions = {
    kernel: [1, 2, 2],
    stride: [1, 2, 2],
    padding: [0, 0, 0],
    dilation: [1, 1, 1],
    ceilMode: false,
  };
  check([1, 1, 1, 4, 4], (x) => max_pool3d_with_indices(x, o).values, 'MaxPool3DWithIndicesBackwardBackward0');
  check([1, 1, 4, 4], (x) => adaptive_max_pool2d(x, [2, 2]).values, 'AdaptiveMaxPool2DBackwardBackward0');
});
