// F.fractional_max_pool2d / fractional_max_pool3d (src/engine/ops/fractionalMaxPool.ts) against PyTorch 1.13
// (fractional-max-pool-torch113.json, made by fractional-max-pool-fixture.py): for given random samples the
// pooled values, indices, grad_fn name and input gradient bit for bit (the windows start where PyTorch's
// float32 or float64 arithmetic puts them; the maxima and the routed gradients are exact), then PyTorch's
// messages for bad arguments and the create_graph form of the backward pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import { fractional_max_pool2d, fractional_max_pool3d } from '../../src/engine/ops/fractionalMaxPool';
import { gradientsOfGraph } from '../../src/engine/autogradGraph';
import { assertSameBits, floats, type Encoded } from './float32-bits';
import { inDouble } from './finite-differences';

interface Doubles {
  f64: number[];
  shape: number[];
}
type Stored = Encoded | Doubles;

interface Case {
  dims: 2 | 3;
  kernel: number[];
  size: number[];
  x: Stored;
  samples: Stored;
  out: Stored;
  indices: number[];
  grad_fn: string;
  grad_out: Stored;
  gx: Stored;
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'fractional-max-pool-torch113.json'), 'utf8')) as {
  cases: Case[];
};

const isDoubles = (s: Stored): s is Doubles => 'f64' in s;
const values = (s: Stored) => (isDoubles(s) ? Float64Array.from(s.f64) : floats(s));
const tensor = (s: Stored, requiresGrad = false) =>
  new Tensor(values(s), s.shape, isDoubles(s) ? 'float64' : 'float32', requiresGrad);
const pool = (c: Case) => (c.dims === 2 ? fractional_max_pool2d : fractional_max_pool3d);

function assertSame(actual: ArrayLike<number>, expected: Stored, what: string): void {
  if (isDoubles(expected)) assert.deepEqual(Array.from(actual), expected.f64, what);
  else assertSameBits(Float32Array.from(actual), floats(expected), what);
}

test('the fixture holds both ops, float32 and float64', () => {
  assert.deepEqual([...new Set(cases.map((c) => c.dims))].sort(), [2, 3]);
  assert.ok(cases.some((c) => isDoubles(c.x)));
});

cases.forEach((c, k) => {
  test(`fractional_max_pool${c.dims}d #${k} on ${JSON.stringify(c.x.shape)} equals PyTorch`, () => {
    const x = tensor(c.x, true);
    const samples = tensor(c.samples);
    const run = () => pool(c)(x, c.kernel, c.size, samples);
    const { values: out, indices } = isDoubles(c.x) ? inDouble(run) : run();
    assert.deepEqual(out.shape, c.out.shape);
    assertSame(out.data, c.out, 'values');
    assert.deepEqual(Array.from(indices.data), c.indices);
    assert.equal(indices.dtype, 'int64');
    assert.equal(out.gradFn?.name, c.grad_fn);
    out.backward(tensor(c.grad_out));
    assertSame(x.grad!.data, c.gx, 'grad x');
  });
});

const ones = (...shape: number[]) => new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(1), shape);
const half = (...shape: number[]) => new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.5), shape);

test("bad arguments raise PyTorch 1.13's messages", () => {
  const x = ones(2, 3, 7, 6);
  const s = half(2, 3, 2);
  const cases2d: [() => unknown, RegExp][] = [
    [
      () => fractional_max_pool2d(x, [2, 2, 2], [3, 3], s),
      /^fractional_max_pool2d: kernel_size must either be a single Int or tuple of Ints$/,
    ],
    [
      () => fractional_max_pool2d(x, [2, 2], [3], s),
      /^fractional_max_pool2d: output_size must either be a single Int or tuple of Ints$/,
    ],
    [
      () => fractional_max_pool2d(ones(4, 4), [2, 2], [2, 2], s),
      /^fractional_max_pool2d\(\): Expected 3D or 4D tensor, but got: \[4, 4\]$/,
    ],
    [
      () => fractional_max_pool2d(ones(1, 0, 4, 4), [2, 2], [2, 2], s),
      /^fractional_max_pool2d\(\): Expected input to have non-zero size for non-batch dimensions, but got\[1, 0, 4, 4\] with dimension 1 being empty\.$/,
    ],
    [
      () => fractional_max_pool2d(x, [3, 3], [6, 3], s),
      /^fractional_max_pool2d\(\): pool height 3 too large relative to input height 7$/,
    ],
    [
      () => fractional_max_pool2d(x, [3, 3], [4, 5], s),
      /^fractional_max_pool2d\(\): pool width 3 too large relative to input width 6$/,
    ],
    [
      () => fractional_max_pool2d(x, [2, 2], [-1, -1], s),
      /^Trying to create tensor with negative dimension -1: \[2, 3, -1, -1\]$/,
    ],
    [
      () => fractional_max_pool2d(new Tensor(new Float64Array(16), [1, 1, 4, 4], 'int64'), [2, 2], [2, 2], s),
      /^"fractional_max_pool2d_out_frame" not implemented for 'Long'$/,
    ],
    [
      () => fractional_max_pool2d(x, [2, 2], [3, 3], new Tensor(new Float64Array(12), [2, 3, 2], 'float64')),
      /^expected scalar type Float but found Double$/,
    ],
  ];
  const v = ones(1, 2, 5, 6, 7);
  const cases3d: [() => unknown, RegExp][] = [
    [
      () => fractional_max_pool3d(v, [2, 2, 2], [4, 4, 4], half(1, 2, 3)),
      /^fractional_max_pool3d_out\(\): pool time 2 too large relative to input time 5$/,
    ],
    [
      () => fractional_max_pool3d(v, [2, 2], [3, 3, 3], half(1, 2, 3)),
      /^fractional_max_pool3d: kernel_size must either be a single Int or tuple of three Ints$/,
    ],
    [
      () => fractional_max_pool3d(ones(4, 4, 4), [2, 2, 2], [2, 2, 2], half(1, 4, 3)),
      /^fractional_max_pool3d_out\(\): Expected 4D or 5D tensor, but got: \[4, 4, 4\]$/,
    ],
  ];
  for (const [call, message] of [...cases2d, ...cases3d]) {
    assert.throws(call, (e: Error) => e.name === 'RuntimeError' && message.test(e.message));
  }
});

test('a channel may be empty in unbatched input, and a batch of none pools to none', () => {
  assert.deepEqual(fractional_max_pool2d(ones(0, 4, 4), [2, 2], [2, 2], half(1, 0, 2)).values.shape, [0, 2, 2]);
  assert.deepEqual(fractional_max_pool2d(ones(0, 1, 4, 4), [2, 2], [2, 2], half(0, 1, 2)).values.shape, [0, 1, 2, 2]);
});

test('create_graph: the backward pass is FractionalMaxPool2DBackwardBackward0 over (grad, input)', () => {
  const c = cases.find((e) => e.dims === 2 && !isDoubles(e.x))!;
  const x = tensor(c.x, true);
  const { values: out } = fractional_max_pool2d(x, c.kernel, c.size, tensor(c.samples));
  const g = tensor(c.grad_out, true);
  const [gx] = gradientsOfGraph([out], [g], [x], true, false);
  assert.equal(gx!.gradFn?.name, 'FractionalMaxPool2DBackwardBackward0');
  assertSame(gx!.data, c.gx, 'grad x');
  // Its gradient with respect to g gathers at the indices: summing x's gradient weighted by w gives w[index].
  const w = Float32Array.from({ length: x.data.length }, (_, i) => i);
  const [gg] = gradientsOfGraph([gx!], [new Tensor(w, x.shape)], [g], false, false);
  const plane = c.x.shape.slice(-2).reduce((a, b) => a * b, 1);
  const perPlane = c.size[0] * c.size[1];
  assert.deepEqual(
    Array.from(gg!.data),
    c.indices.map((at, k) => Math.floor(k / perPlane) * plane + at),
  );
});
