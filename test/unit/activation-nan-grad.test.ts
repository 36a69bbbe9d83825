// Rectifier and clamp gradients at NaN, ±inf and ±0 against what PyTorch 1.13 printed for
// x = [nan, inf, -inf, 0., -0., 1., -1., 6.] (values and x.grad after y.backward(ones)): PyTorch's backward
// kernels zero the gradient where a comparison holds (result <= 0, x <= min || x >= max, self < other), so a
// NaN, which fails every comparison, passes its gradient; clamp's mask is the other way round (min <= x <= max)
// and zeroes it. Forward values keep -0 where PyTorch's std::max(x, 0) does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { fmax, fmin } from '../../src/engine/ops/pointwiseExtra';

const X = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 6];

/** [y, x.grad] of f at X after backward with a gradient of ones (deepEqual tells -0 from +0). */
function run(f: (x: Tensor) => Tensor): [number[], number[]] {
  const x = new Tensor(Float32Array.from(X), [X.length]);
  x.requires_grad_(true);
  const y = f(x);
  y.backward(torch.ones_like(y));
  return [Array.from(y.data), Array.from(x.grad!.data)];
}

test('relu: NaN passes its gradient, -0 stays -0 (torch.relu)', () => {
  assert.deepEqual(run(torch.relu), [
    [NaN, Infinity, 0, 0, -0, 1, 0, 6],
    [1, 1, 0, 0, 0, 1, 0, 1],
  ]);
});

test('relu6 and hardtanh: NaN passes, the bounds themselves and beyond do not', () => {
  assert.deepEqual(run(torch.relu6), [
    [NaN, 6, 0, 0, -0, 1, 0, 6],
    [1, 0, 0, 0, 0, 1, 0, 0],
  ]);
  assert.deepEqual(run(torch.hardtanh), [
    [NaN, 1, -1, 0, -0, 1, -1, 1],
    [1, 0, 0, 1, 1, 0, 0, 0],
  ]);
});

test('clamp, clamp_min, clamp_max: NaN gets no gradient, -0 survives clamp_min(0)', () => {
  assert.deepEqual(
    run((x) => torch.clamp(x, -1, 1)),
    [
      [NaN, 1, -1, 0, -0, 1, -1, 1],
      [0, 0, 0, 1, 1, 1, 1, 0],
    ],
  );
  assert.deepEqual(
    run((x) => torch.clamp_min(x, 0)),
    [
      [NaN, Infinity, 0, 0, -0, 1, 0, 6],
      [0, 1, 0, 1, 1, 1, 0, 1],
    ],
  );
  assert.deepEqual(
    run((x) => torch.clamp_max(x, 0)),
    [
      [NaN, 0, -Infinity, 0, -0, 0, -1, 0],
      [0, 0, 1, 1, 1, 0, 1, 0],
    ],
  );
});

test('F.threshold(x, 0.5, 2.0): a NaN stays NaN and passes its gradient', () => {
  assert.deepEqual(
    run((x) => torch.threshold(x, 0.5, 2)),
    [
      [NaN, Infinity, 2, 2, 2, 1, 2, 6],
      [1, 1, 0, 0, 0, 1, 0, 1],
    ],
  );
});

test('leaky_relu and elu at NaN and ±inf (unchanged, pinned)', () => {
  const s = Math.fround(0.1);
  assert.deepEqual(
    run((x) => torch.leaky_relu(x, 0.1)),
    [
      [NaN, Infinity, -Infinity, 0, -0, 1, -s, 6],
      [s, 1, s, s, s, 1, s, 1],
    ],
  );
  const [, g] = run((x) => torch.elu(x));
  assert.deepEqual(g.slice(0, 6), [1, 1, 0, 1, 1, 1]);
});

test('maximum/minimum: both inputs get the whole gradient where either is NaN, half on ties', () => {
  for (const f of [torch.maximum, torch.minimum]) {
    const a = new Tensor(Float32Array.from([NaN, 1, NaN, 2, 0, -0]), [6]);
    const b = new Tensor(Float32Array.from([0, NaN, NaN, 2, -0, 0]), [6]);
    a.requires_grad_(true);
    b.requires_grad_(true);
    torch.sum(f(a, b)).backward();
    assert.deepEqual(Array.from(a.grad!.data), [1, 1, 1, 0.5, 0.5, 0.5]);
    assert.deepEqual(Array.from(b.grad!.data), [1, 1, 1, 0.5, 0.5, 0.5]);
  }
});

test('fmax/fmin return the first operand on a tie of 0 and -0', () => {
  const a = new Tensor(Float32Array.from([0, -0, NaN]), [3]);
  const b = new Tensor(Float32Array.from([-0, 0, 1]), [3]);
  assert.deepEqual(Array.from(fmax(a, b).data), [0, -0, 1]);
  assert.deepEqual(Array.from(fmin(a, b).data), [0, -0, 1]);
});
