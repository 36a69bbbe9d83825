// 3-D convolution, transposed convolution and pooling (src/engine/ops/conv3d.ts, convTranspose3d.ts,
// pool3d.ts): values and all gradients against real PyTorch 1.13 (conv3d-pool3d-torch113.json, made by
// conv3d-pool3d-fixture.py), bit for bit where the engine follows PyTorch's summation order, and float64
// finite-difference gradient checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import type { Conv3dOptions, Triple } from '../../src/engine/ops/conv3d';
import { gradcheck as checkGradients } from './finite-differences';

interface Encoded {
  shape: number[];
  f32: string;
}
interface ConvCase {
  name: string;
  kwargs: Record<string, unknown>;
  x: Encoded;
  w: Encoded;
  b: Encoded | null;
  gy: Encoded;
  y: Encoded;
  gx: Encoded;
  gw: Encoded;
  gb: Encoded | null;
  grad_fn: string;
}
interface PoolCase {
  name: string;
  kind: 'max' | 'avg' | 'adaptive';
  kwargs: Record<string, unknown>;
  x: Encoded;
  gy: Encoded;
  y: Encoded;
  gx: Encoded;
  grad_fn: string;
  indices?: number[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, 'conv3d-pool3d-torch113.json'), 'utf8')) as {
  conv: ConvCase[];
  conv_transpose: ConvCase[];
  pool: PoolCase[];
};

function decode(e: Encoded, requiresGrad = false): Tensor {
  const bytes = Buffer.from(e.f32, 'base64');
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return new Tensor(data, e.shape, 'float32', requiresGrad);
}

const triple = (v: unknown, dflt: number): Triple =>
  v === undefined || v === null
    ? [dflt, dflt, dflt]
    : Array.isArray(v)
      ? [v[0], v[1], v[2]]
      : [Number(v), Number(v), Number(v)];

function convOptions(kw: Record<string, unknown>): Conv3dOptions {
  const padding = kw.padding === 'same' || kw.padding === 'valid' ? kw.padding : triple(kw.padding, 0);
  return { stride: triple(kw.stride, 1), padding, dilation: triple(kw.dilation, 1), groups: Number(kw.groups ?? 1) };
}

/** Largest difference in units of float32 spacing at the expected value (0: identical bits). */
function ulps(actual: ArrayLike<number>, expected: Tensor): number {
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const e = expected.data[i];
    const spacing = Math.max(Math.abs(e), 1e-6) * 2 ** -23;
    worst = Math.max(worst, Math.abs(actual[i] - e) / spacing);
  }
  return worst;
}

// Off PyTorch's order, to a few float32 steps: an unbatched volume with a 3x3x3 kernel goes through ATen's
// vol2col + BLAS sgemm; the weight and bias gradients of oneDNN's gemm fallback (groups, padding as wide as
// the kernel) come from a blocked sgemm, and so does the weight gradient of a dilated, strided, padded
// anisotropic kernel.
const NOT_EXACT: Record<string, string[]> = {
  unbatched: ['output', 'input grad', 'weight grad', 'bias grad'],
  'anisotropic kernel, stride, padding, dilation': ['weight grad'],
  'groups 2': ['weight grad', 'bias grad'],
  'depthwise, stride 2, padding 1': ['weight grad', 'bias grad'],
  'padding as wide as the kernel': ['weight grad', 'bias grad'],
};

function compare(c: ConvCase, pairs: [string, ArrayLike<number>, Encoded | null][]): void {
  for (const [what, actual, expected] of pairs) {
    if (!expected) continue;
    const e = decode(expected);
    if (NOT_EXACT[c.name]?.includes(what)) {
      // Within a few float32 steps of the largest value: the same sums, added in another order.
      const values = Array.from(e.data);
      const scale = Math.max(...values.map(Math.abs)) * 2 ** -23;
      const off = Math.max(...values.map((v, i) => Math.abs(actual[i] - v))) / scale;
      assert.ok(off < 16, `${what}: off by ${off} float32 steps of the largest value`);
    } else {
      const worst = ulps(actual, e);
      assert.equal(worst, 0, `${what}: ${worst} ulps from PyTorch`);
    }
  }
}

function runConv(c: ConvCase, op: (x: Tensor, w: Tensor, b: Tensor | null) => Tensor): void {
  const x = decode(c.x, true);
  const w = decode(c.w, true);
  const b = c.b ? decode(c.b, true) : null;
  const y = op(x, w, b);
  assert.deepEqual(y.shape, c.y.shape);
  assert.equal(y.gradFn?.name, c.grad_fn);
  y.backward(decode(c.gy));
  compare(c, [
    ['output', y.data, c.y],
    ['input grad', x.grad!.data, c.gx],
    ['weight grad', w.grad!.data, c.gw],
    ['bias grad', b?.grad?.data ?? [], c.gb],
  ]);
}

for (const c of fixture.conv) {
  test(`conv3d ${c.name}: output and gradients equal PyTorch's`, () =>
    runConv(c, (x, w, b) => torch.conv3d(x, w, b, convOptions(c.kwargs))));
}

for (const c of fixture.conv_transpose) {
  test(`conv_transpose3d ${c.name}: output and gradients equal PyTorch's`, () =>
    runConv(c, (x, w, b) =>
      torch.conv_transpose3d(x, w, b, {
        stride: triple(c.kwargs.stride, 1),
        padding: triple(c.kwargs.padding, 0),
        outputPadding: triple(c.kwargs.output_padding, 0),
        groups: Number(c.kwargs.groups ?? 1),
        dilation: triple(c.kwargs.dilation, 1),
      }),
    ));
}

function runPool(c: PoolCase, x: Tensor): { y: Tensor; indices?: Tensor } {
  const kw = c.kwargs;
  if (c.kind === 'adaptive') return { y: torch.adaptive_avg_pool3d(x, triple(kw.output_size, 1)) };
  const kernel = triple(kw.kernel_size, 1);
  const common = {
    kernel,
    stride: kw.stride === undefined ? kernel : triple(kw.stride, 1),
    padding: triple(kw.padding, 0),
    ceilMode: Boolean(kw.ceil_mode),
  };
  if (c.kind === 'max') {
    const r = torch.max_pool3d_with_indices(x, { ...common, dilation: triple(kw.dilation, 1) });
    return { y: r.values, indices: r.indices };
  }
  const y = torch.avg_pool3d(x, {
    ...common,
    countIncludePad: kw.count_include_pad !== false,
    divisorOverride: kw.divisor_override === undefined ? null : Number(kw.divisor_override),
  });
  return { y };
}

for (const c of fixture.pool) {
  test(`${c.kind} pool 3d ${c.name}: output, indices and gradient equal PyTorch's`, () => {
    const x = decode(c.x, true);
    const { y, indices } = runPool(c, x);
    assert.deepEqual(y.shape, c.y.shape);
    assert.equal(y.gradFn?.name, c.grad_fn);
    if (c.indices) assert.deepEqual(Array.from(indices!.data), c.indices);
    y.backward(decode(c.gy));
    assert.equal(ulps(y.data, decode(c.y)), 0, 'output');
    assert.equal(ulps(x.grad!.data, decode(c.gx)), 0, 'input grad');
  });
}

// ---- float64 finite differences --------------------------------------------------------------------------
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rnd = lcg(20261207);

function input(shape: number[], distinct = false): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float64Array.from({ length: n }, () => rnd() * 4 - 2);
  if (distinct) {
    // Values 0.25 apart in shuffled order: a perturbation never changes which element is a window's max.
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
    order.forEach((k, i) => (data[k] = -3 + 0.25 * i));
  }
  return new Tensor(data, shape, 'float64', true);
}

const gradcheck = (name: string, inputs: Tensor[], fn: (...x: Tensor[]) => Tensor): void =>
  checkGradients(name, inputs, fn, { rnd });

const conv = (o: Partial<Conv3dOptions>) => (x: Tensor, w: Tensor, b?: Tensor) =>
  torch.conv3d(x, w, b ?? null, { stride: [1, 1, 1], padding: [0, 0, 0], dilation: [1, 1, 1], groups: 1, ...o });

test('conv3d and conv_transpose3d gradients match finite differences (float64)', () => {
  gradcheck('plain', [input([2, 2, 4, 4, 3]), input([3, 2, 2, 3, 2]), input([3])], conv({}));
  gradcheck(
    'stride 2 padding 1 dilation',
    [input([1, 2, 5, 6, 5]), input([2, 2, 3, 2, 3]), input([2])],
    conv({ stride: [2, 1, 2], padding: [1, 1, 0], dilation: [1, 2, 1] }),
  );
  gradcheck('groups 2', [input([1, 4, 3, 4, 3]), input([4, 2, 2, 2, 2]), input([4])], conv({ groups: 2 }));
  gradcheck("padding 'same'", [input([1, 2, 4, 4, 4]), input([2, 2, 2, 3, 2])], conv({ padding: 'same' }));
  gradcheck('transposed', [input([1, 2, 2, 3, 2]), input([2, 3, 2, 2, 3]), input([3])], (x, w, b) =>
    torch.conv_transpose3d(x, w, b, {
      stride: [2, 1, 2],
      padding: [0, 1, 1],
      outputPadding: [1, 0, 0],
      groups: 1,
      dilation: [1, 1, 1],
    }),
  );
});

test('3-D pooling gradients match finite differences (float64)', () => {
  gradcheck(
    'max',
    [input([1, 2, 5, 5, 4], true)],
    (x) =>
      torch.max_pool3d_with_indices(x, {
        kernel: [2, 3, 2],
        stride: [2, 2, 1],
        padding: [1, 1, 0],
        dilation: [1, 1, 2],
        ceilMode: true,
      }).values,
  );
  gradcheck('avg', [input([1, 2, 5, 4, 5])], (x) =>
    torch.avg_pool3d(x, {
      kernel: [3, 2, 3],
      stride: [2, 1, 2],
      padding: [1, 1, 1],
      ceilMode: false,
      countIncludePad: false,
      divisorOverride: null,
    }),
  );
  gradcheck('adaptive', [input([2, 1, 5, 7, 4])], (x) => torch.adaptive_avg_pool3d(x, [2, 3, 3]));
});
