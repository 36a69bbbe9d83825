// Convolution and pooling (src/engine/ops/conv.ts, pool.ts): values and all gradients against real
// PyTorch 1.13 (conv-pool-torch113.json, made by conv-pool-fixture.py), bit for bit where the engine follows
// PyTorch's summation order, and float64 finite-difference gradient checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { manual_seed } from '../../src/engine/random';
import type { Conv2dOptions, Pair } from '../../src/engine/ops/conv';
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

interface ModuleCase {
  weight: Encoded;
  bias: Encoded | null;
  repr: string;
}

const fixture = JSON.parse(readFileSync(join(__dirname, 'conv-pool-torch113.json'), 'utf8')) as {
  conv: ConvCase[];
  pool: PoolCase[];
  modules: { 'seed0 Conv2d(1, 6, 5)': ModuleCase; 'seed1 grouped': ModuleCase; reprs: string[] };
};

function decode(e: Encoded, requiresGrad = false): Tensor {
  const bytes = Buffer.from(e.f32, 'base64');
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return new Tensor(data, e.shape, 'float32', requiresGrad);
}

const pair = (v: unknown, dflt: number): Pair =>
  v === undefined || v === null ? [dflt, dflt] : Array.isArray(v) ? [v[0], v[1]] : [Number(v), Number(v)];

function convOptions(kw: Record<string, unknown>): Conv2dOptions {
  const padding = kw.padding === 'same' || kw.padding === 'valid' ? kw.padding : pair(kw.padding, 0);
  return { stride: pair(kw.stride, 1), padding, dilation: pair(kw.dilation, 1), groups: Number(kw.groups ?? 1) };
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

// Off PyTorch's order, to a few float32 steps: a batch of one with a 3x3 kernel on a small image (also the
// unbatched case) goes through ATen's im2col + BLAS sgemm, and the weight and bias gradients of oneDNN's
// gemm fallback (groups, padding as wide as the kernel) come from a blocked sgemm.
const NOT_EXACT: Record<string, string[]> = {
  'batch 1, 3x3 (the thnn/BLAS path)': ['output', 'input grad', 'weight grad', 'bias grad'],
  unbatched: ['output', 'input grad', 'weight grad', 'bias grad'],
  'rectangular kernel, stride (2, 1), padding (1, 2)': ['weight grad', 'bias grad'],
  'groups 2': ['weight grad', 'bias grad'],
};

for (const c of fixture.conv) {
  test(`conv2d ${c.name}: output and gradients equal PyTorch's`, () => {
    const x = decode(c.x, true);
    const w = decode(c.w, true);
    const b = c.b ? decode(c.b, true) : null;
    const y = torch.conv2d(x, w, b, convOptions(c.kwargs));
    assert.deepEqual(y.shape, c.y.shape);
    assert.equal(y.gradFn?.name, c.grad_fn);
    y.backward(decode(c.gy));
    const pairs: [string, ArrayLike<number>, Encoded | null][] = [
      ['output', y.data, c.y],
      ['input grad', x.grad!.data, c.gx],
      ['weight grad', w.grad!.data, c.gw],
      ['bias grad', b?.grad?.data ?? [], c.gb],
    ];
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
  });
}

function runPool(c: PoolCase, x: Tensor): { y: Tensor; indices?: Tensor } {
  const kw = c.kwargs;
  if (c.kind === 'adaptive') return { y: torch.adaptive_avg_pool2d(x, pair(kw.output_size, 1)) };
  const kernel = pair(kw.kernel_size, 1);
  const common = {
    kernel,
    stride: kw.stride === undefined ? kernel : pair(kw.stride, 1),
    padding: pair(kw.padding, 0),
    ceilMode: Boolean(kw.ceil_mode),
  };
  if (c.kind === 'max') {
    const r = torch.max_pool2d_with_indices(x, { ...common, dilation: pair(kw.dilation, 1) });
    return { y: r.values, indices: r.indices };
  }
  const y = torch.avg_pool2d(x, {
    ...common,
    countIncludePad: kw.count_include_pad !== false,
    divisorOverride: kw.divisor_override === undefined ? null : Number(kw.divisor_override),
  });
  return { y };
}

for (const c of fixture.pool) {
  test(`${c.kind} pool ${c.name}: output, indices and gradient equal PyTorch's`, () => {
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
const rnd = lcg(20261205);

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

const conv = (o: Partial<Conv2dOptions>) => (x: Tensor, w: Tensor, b?: Tensor) =>
  torch.conv2d(x, w, b ?? null, { stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1, ...o });

test('conv2d gradients match finite differences (float64): stride, padding, dilation, groups, same', () => {
  gradcheck('plain', [input([2, 3, 6, 5]), input([4, 3, 3, 2]), input([4])], conv({}));
  gradcheck(
    'stride 2 padding 1',
    [input([1, 2, 7, 6]), input([3, 2, 3, 3]), input([3])],
    conv({ stride: [2, 2], padding: [1, 1] }),
  );
  gradcheck('dilation (2, 1)', [input([1, 2, 7, 6]), input([2, 2, 2, 3])], conv({ dilation: [2, 1] }));
  gradcheck('groups 2', [input([2, 4, 5, 5]), input([6, 2, 3, 3]), input([6])], conv({ groups: 2 }));
  gradcheck("padding 'same'", [input([1, 2, 5, 5]), input([2, 2, 4, 3])], conv({ padding: 'same' }));
});

test('pooling gradients match finite differences (float64)', () => {
  const k: Pair = [3, 3];
  gradcheck('max', [input([2, 2, 7, 6], true)], (x) =>
    torch.max_pool2d(x, { kernel: k, stride: [2, 2], padding: [1, 1], dilation: [1, 1], ceilMode: true }),
  );
  gradcheck('avg', [input([2, 2, 7, 6])], (x) =>
    torch.avg_pool2d(x, {
      kernel: k,
      stride: [2, 1],
      padding: [1, 1],
      ceilMode: false,
      countIncludePad: false,
      divisorOverride: null,
    }),
  );
  gradcheck('adaptive', [input([1, 2, 7, 5])], (x) => torch.adaptive_avg_pool2d(x, [3, 2]));
});

test("conv2d and pooling reject bad shapes with PyTorch's messages, naming both shapes", () => {
  const opts: Conv2dOptions = { stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 };
  const w = new Tensor(new Float32Array(150), [6, 1, 5, 5]);
  assert.throws(() => torch.conv2d(new Tensor(new Float32Array(3 * 1024), [1, 3, 32, 32]), w, null, opts), {
    name: 'RuntimeError',
    message:
      'Given groups=1, weight of size [6, 1, 5, 5], expected input[1, 3, 32, 32] to have 1 channels, but got 3 channels instead',
  });
  assert.throws(() => torch.conv2d(new Tensor(new Float32Array(32), [1, 32]), w, null, opts), {
    message: 'Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [1, 32]',
  });
  assert.throws(() => torch.conv2d(new Tensor(new Float32Array(16), [1, 1, 4, 4]), w, null, opts), {
    message:
      "Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size",
  });
  assert.throws(
    () => torch.conv2d(new Tensor(new Float32Array(64), [1, 1, 8, 8]), w, new Tensor(new Float32Array(5), [5]), opts),
    {
      message:
        'Given weight of size [6, 1, 5, 5], expected bias to be 1-dimensional with 6 elements, but got bias of size [5] instead',
    },
  );
  const pool = {
    kernel: [2, 2] as Pair,
    stride: [2, 2] as Pair,
    padding: [0, 0] as Pair,
    dilation: [1, 1] as Pair,
    ceilMode: false,
  };
  assert.throws(() => torch.max_pool2d(new Tensor(new Float32Array(1), [1, 1, 1, 1]), pool), {
    message: 'Given input size: (1x1x1). Calculated output size: (1x0x0). Output size is too small',
  });
  assert.throws(() => torch.max_pool2d(new Tensor(new Float32Array(64), [8, 8]), pool), {
    message: 'non-empty 3D or 4D (batch mode) tensor expected for input',
  });
});

test("nn.Conv2d starts from PyTorch's seeded weights; the layers print as PyTorch's", () => {
  const m = fixture.modules;
  manual_seed(0);
  const conv = new torch.nn.Conv2d(1, 6, 5);
  assert.deepEqual(Array.from(conv.weight.data), Array.from(decode(m['seed0 Conv2d(1, 6, 5)'].weight).data));
  assert.deepEqual(Array.from(conv.bias!.data), Array.from(decode(m['seed0 Conv2d(1, 6, 5)'].bias!).data));
  assert.equal(conv.repr(), m['seed0 Conv2d(1, 6, 5)'].repr);
  manual_seed(1);
  const grouped = new torch.nn.Conv2d(4, 6, [3, 2], {
    stride: 2,
    padding: 1,
    dilation: [2, 1],
    groups: 2,
    bias: false,
  });
  assert.deepEqual(Array.from(grouped.weight.data), Array.from(decode(m['seed1 grouped'].weight).data));
  assert.equal(grouped.repr(), m['seed1 grouped'].repr);
  assert.deepEqual(
    [
      new torch.nn.Conv2d(3, 8, 3, { padding: 'same' }).repr(),
      new torch.nn.MaxPool2d(2).repr(),
      new torch.nn.MaxPool2d(3, 1, 1).repr(),
      new torch.nn.AvgPool2d(2).repr(),
    ],
    m.reprs,
  );
});
