// Upsampling ops (src/engine/ops/upsample.ts) against PyTorch 1.13 (upsample-torch113.json, made by
// upsample-fixture.py): nearest and bilinear interpolation by size and by scale factor (integer, fractional,
// one per dimension; align_corners both ways), max_unpool2d with default and explicit sizes and overlapping
// windows, pixel_shuffle and pixel_unshuffle; the output, the grad_fn name and the input's gradient. Nearest,
// unpooling and shuffling only move values: those must match bit for bit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import * as up from '../../src/engine/ops/upsample';
import { floats, type Encoded } from './float32-bits';

interface Case {
  op: string;
  x: Encoded;
  options: { size?: number[]; scales?: number[] | null; align_corners?: boolean; r?: number };
  out: Encoded;
  grad_fn: string;
  grad_out: Encoded;
  grad: Encoded;
  indices?: number[];
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'upsample-torch113.json'), 'utf8')) as { cases: Case[] };

function run(c: Case, x: Tensor, indices: Tensor | null): Tensor {
  const o = c.options;
  const size = (o.size ?? []) as up.Size2;
  const scales: up.Scales2 = o.scales ? [o.scales[0], o.scales[1]] : [null, null];
  switch (c.op) {
    case 'nearest':
      return up.upsample_nearest2d(x, size, scales);
    case 'bilinear':
      return up.upsample_bilinear2d(x, size, !!o.align_corners, scales);
    case 'pixel_shuffle':
      return up.pixel_shuffle(x, o.r!);
    case 'pixel_unshuffle':
      return up.pixel_unshuffle(x, o.r!);
    case 'max_unpool2d':
      return up.max_unpool2d(x, indices!, size);
  }
  throw new Error(`no op ${c.op}`);
}

function assertClose(actual: ArrayLike<number>, expected: Float32Array, exact: boolean, what: string): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) {
    const tol = exact ? 0 : 1e-6 + 1e-6 * Math.abs(expected[i]);
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `${what}[${i}]: ${actual[i]} != ${expected[i]}`);
  }
}

test('the fixture covers every op', () => {
  const ops = new Set(cases.map((c) => c.op));
  for (const op of ['nearest', 'bilinear', 'pixel_shuffle', 'pixel_unshuffle', 'max_unpool2d']) assert.ok(ops.has(op));
});

cases.forEach((c, k) => {
  test(`${c.op} #${k} ${JSON.stringify(c.options)} equals PyTorch`, () => {
    const x = new Tensor(floats(c.x), c.x.shape, 'float32', true);
    const indices = c.indices ? new Tensor(Float64Array.from(c.indices), c.x.shape, 'int64') : null;
    const out = run(c, x, indices);
    // Only bilinear computes new values; the others copy them (and their gradients add at most a few terms).
    const exact = c.op !== 'bilinear';
    assert.deepEqual(out.shape, c.out.shape);
    assertClose(out.data, floats(c.out), exact, 'value');
    assert.equal(out.gradFn?.name, c.grad_fn);
    out.backward(new Tensor(floats(c.grad_out), c.grad_out.shape));
    assertClose(x.grad!.data, floats(c.grad), exact, 'grad');
  });
});

test('create_graph: the differentiable backward of each op gives its plain backward and records a graph', () => {
  const x = new Tensor(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), [1, 2, 2, 2], 'float32', true);
  const ops: [string, (t: Tensor) => Tensor][] = [
    ['bilinear', (t) => up.upsample_bilinear2d(t, [3, 5], false)],
    ['nearest', (t) => up.upsample_nearest2d(t, [3, 5])],
    ['pixel_unshuffle', (t) => up.pixel_unshuffle(t, 2)],
  ];
  for (const [name, f] of ops) {
    x.grad = null;
    const y = f(x);
    const w = new Tensor(
      Float32Array.from(y.data, (_, i) => (i % 7) - 3),
      y.shape,
      'float32',
      true,
    );
    const gx = y.gradFn!.diff!(w)[0];
    assert.ok(gx, `${name}: a gradient for x`);
    y.backward(w.detach());
    // The recorded form sums in float64 (scatterOffsets), the plain one in float32 as PyTorch: last bits apart.
    assertClose(gx.data, x.grad!.data as Float32Array, false, name);
    assert.ok(gx.requiresGrad, `${name}: the gradient depends on w through a recorded op`);
  }
});

test('PyTorch 1.13 messages for bad indices and shapes', () => {
  const x = new Tensor(Float32Array.from([1, 2]), [1, 1, 1, 2]);
  const bad = new Tensor(Float64Array.from([0, 9]), [1, 1, 1, 2], 'int64');
  assert.throws(
    () => up.max_unpool2d(x, bad, [2, 2]),
    /Found an invalid max index: 9 \(output volumes are of size 2x2$/,
  );
  assert.throws(
    () => up.pixel_shuffle(new Tensor(new Float32Array(12), [1, 3, 2, 2]), 2),
    /input.size\(-3\)=3 is not divisible by 4/,
  );
  assert.throws(() => up.pixel_unshuffle(new Tensor(new Float32Array(6), [1, 1, 3, 2]), 2), /input.size\(-2\)=3/);
});
