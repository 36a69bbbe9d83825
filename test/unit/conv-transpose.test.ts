// conv1d, the transposed convolutions and prelu/threshold/rrelu (src/engine/ops/conv.ts, convTranspose.ts,
// rectifiers.ts): values and every gradient against real PyTorch 1.13 (conv-transpose-torch113.json, made by
// conv-transpose-fixture.py), float64 finite-difference checks, and the layers as learners use them through
// our torch in Pyodide (conv-layers-fixture.py, run by both: seeded weights, reprs, training step, errors).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import type { Pair } from '../../src/engine/ops/conv';
import { assertClose, fixtureRunner, pytorchResults } from './pyodide-fixture';
import { gradcheck as checkGradients } from './finite-differences';

interface Encoded {
  shape: number[];
  f32: string;
}
interface ConvCase {
  name: string;
  fn: 'conv1d' | 'conv_transpose1d' | 'conv_transpose2d';
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
interface ActCase {
  name: string;
  fn: 'prelu' | 'threshold' | 'rrelu' | 'rrelu_train';
  x: Encoded;
  w: Encoded | null;
  gy: Encoded;
  y: Encoded;
  gx: Encoded;
  gw: Encoded | null;
  grad_fn: string;
}

interface SeededModule {
  weight: unknown[];
  bias: number[] | null;
  repr: string;
}

const fixture = pytorchResults('conv-transpose-torch113.json') as { conv: ConvCase[]; act: ActCase[] };

function decode(e: Encoded, requiresGrad = false): Tensor {
  const bytes = Buffer.from(e.f32, 'base64');
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return new Tensor(data, e.shape, 'float32', requiresGrad);
}

const num = (v: unknown, dflt: number): number => (v === undefined ? dflt : Number(v));
const pair = (v: unknown, dflt: number): Pair =>
  v === undefined ? [dflt, dflt] : Array.isArray(v) ? [v[0], v[1]] : [Number(v), Number(v)];

function runConv(c: ConvCase, x: Tensor, w: Tensor, b: Tensor | null): Tensor {
  const k = c.kwargs;
  const groups = num(k.groups, 1);
  if (c.fn === 'conv1d') {
    const padding = k.padding === 'same' || k.padding === 'valid' ? k.padding : num(k.padding, 0);
    return torch.conv1d(x, w, b, { stride: num(k.stride, 1), padding, dilation: num(k.dilation, 1), groups });
  }
  if (c.fn === 'conv_transpose1d') {
    return torch.conv_transpose1d(x, w, b, {
      stride: num(k.stride, 1),
      padding: num(k.padding, 0),
      outputPadding: num(k.output_padding, 0),
      groups,
      dilation: num(k.dilation, 1),
    });
  }
  return torch.conv_transpose2d(x, w, b, {
    stride: pair(k.stride, 1),
    padding: pair(k.padding, 0),
    outputPadding: pair(k.output_padding, 0),
    groups,
    dilation: pair(k.dilation, 1),
  });
}

// Off PyTorch's order, to a few float32 steps of the largest value: conv1d through oneDNN's gemm fallback
// (groups) or ATen's BLAS path (a batch of one) as conv2d (conv-pool.test.ts), and the transposed
// convolutions' gemms that OpenBLAS blocks in another order (more than 16 channels in; strided, padded).
const NOT_EXACT: Record<string, string[]> = {
  'conv1d groups 2': ['weight grad', 'bias grad'],
  'conv1d unbatched': ['output', 'input grad', 'weight grad', 'bias grad'],
  'conv_transpose2d stride 2 padding 1 output_padding 1': ['input grad', 'weight grad'],
  'conv_transpose2d DCGAN 4x4 -> 8x8': ['input grad', 'weight grad'],
  'conv_transpose2d 24 channels in': ['output', 'weight grad'],
};

/** Largest difference in units of float32 spacing at the expected value (0: identical bits). */
function ulps(actual: ArrayLike<number>, expected: Tensor): number {
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const e = expected.data[i];
    worst = Math.max(worst, Math.abs(actual[i] - e) / (Math.max(Math.abs(e), 1e-6) * 2 ** -23));
  }
  return worst;
}

function compare(name: string, what: string, actual: ArrayLike<number>, expected: Encoded): void {
  const e = decode(expected);
  assert.equal(actual.length, e.data.length, `${what}: length`);
  if (NOT_EXACT[name]?.includes(what)) {
    const values = Array.from(e.data);
    const scale = Math.max(...values.map(Math.abs)) * 2 ** -23;
    const off = Math.max(...values.map((v, i) => Math.abs(actual[i] - v))) / scale;
    assert.ok(off < 16, `${what}: off by ${off} float32 steps of the largest value`);
  } else {
    assert.equal(ulps(actual, e), 0, `${what}: ${ulps(actual, e)} ulps from PyTorch`);
  }
}

for (const c of fixture.conv) {
  test(`${c.name}: output and gradients equal PyTorch's`, () => {
    const x = decode(c.x, true);
    const w = decode(c.w, true);
    const b = c.b ? decode(c.b, true) : null;
    const y = runConv(c, x, w, b);
    assert.deepEqual(y.shape, c.y.shape);
    assert.equal(y.gradFn?.name, c.grad_fn);
    y.backward(decode(c.gy));
    compare(c.name, 'output', y.data, c.y);
    compare(c.name, 'input grad', x.grad!.data, c.gx);
    compare(c.name, 'weight grad', w.grad!.data, c.gw);
    if (c.gb) compare(c.name, 'bias grad', b!.grad!.data, c.gb);
  });
}

for (const c of fixture.act) {
  test(`${c.name}: output and gradients equal PyTorch's bit for bit`, () => {
    const x = decode(c.x, true);
    const w = c.w ? decode(c.w, true) : null;
    const run: Record<ActCase['fn'], () => Tensor> = {
      prelu: () => torch.prelu(x, w!),
      threshold: () => torch.threshold(x, 0.1, 20),
      rrelu: () => torch.rrelu(x, 1 / 8, 1 / 3),
      rrelu_train: () => (torch.manual_seed(5), torch.rrelu(x, 0.1, 0.3, true)),
    };
    const y = run[c.fn]();
    assert.equal(y.gradFn?.name, c.grad_fn);
    y.backward(decode(c.gy));
    compare(c.name, 'output', y.data, c.y);
    compare(c.name, 'input grad', x.grad!.data, c.gx);
    if (c.gw) compare(c.name, 'weight grad', w!.grad!.data, c.gw);
  });
}

// ---- float64 finite differences --------------------------------------------------------------------------
let seed = 20261205;
const rnd = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const input = (shape: number[]): Tensor =>
  new Tensor(
    Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rnd() * 4 - 2),
    shape,
    'float64',
    true,
  );

const gradcheck = (name: string, inputs: Tensor[], fn: (...x: Tensor[]) => Tensor): void =>
  checkGradients(name, inputs, fn, { rnd });

test('conv1d and the transposed convolutions match finite differences (float64)', () => {
  const c1 = { stride: 2, padding: 1, dilation: 1, groups: 2 };
  gradcheck('conv1d', [input([2, 4, 9]), input([6, 2, 3]), input([6])], (x, w, b) => torch.conv1d(x, w, b, c1));
  const t2 = {
    stride: [2, 1] as Pair,
    padding: [1, 0] as Pair,
    outputPadding: [1, 0] as Pair,
    groups: 2,
    dilation: [1, 2] as Pair,
  };
  gradcheck('conv_transpose2d', [input([2, 4, 3, 4]), input([4, 3, 3, 2]), input([6])], (x, w, b) =>
    torch.conv_transpose2d(x, w, b, t2),
  );
  const t1 = { stride: 3, padding: 1, outputPadding: 2, groups: 1, dilation: 1 };
  gradcheck('conv_transpose1d', [input([3, 5]), input([3, 2, 4])], (x, w) => torch.conv_transpose1d(x, w, null, t1));
  gradcheck('prelu', [input([2, 3, 4]), input([3])], (x, w) => torch.prelu(x, w));
});

// ---- the layers through our torch (Pyodide) against the same script under PyTorch ------------------------
const python = fixtureRunner();

test('Conv1d, ConvTranspose1d/2d, PReLU, RReLU and Threshold behave as in PyTorch (seeds, reprs, training, draws, errors)', () => {
  const got = python.run('conv-layers-fixture.py') as Record<string, unknown>;
  const want = pytorchResults('conv-layers-torch113.json') as Record<string, unknown>;
  assertClose('modules', got.modules, want.modules, () => 0); // the same generator draws: identical weights
  assert.deepEqual(got.reprs, want.reprs);
  assertClose('forward', got.forward, want.forward, (v) => 1e-6 + 1e-5 * Math.abs(v));
  assertClose('rrelu_train', got.rrelu_train, want.rrelu_train, () => 0); // the same draws, the same slopes
  assert.deepEqual(got.output_size, want.output_size);
  assert.deepEqual(got.errors, want.errors);
});

test("the engine's nn.Conv1d, ConvTranspose2d and PReLU start from PyTorch's seeded weights and print as PyTorch's", () => {
  const want = (pytorchResults('conv-layers-torch113.json') as { modules: Record<string, SeededModule> }).modules;
  const layers: Record<string, () => torch.nn.Module & { weight: Tensor; bias?: Tensor | null }> = {
    'Conv1d(3, 8, 5)': () => new torch.nn.Conv1d(3, 8, 5),
    'Conv1d same grouped': () => new torch.nn.Conv1d(4, 6, 3, { padding: 'same', groups: 2, bias: false }),
    'ConvTranspose2d(16, 8, 4, 2, 1)': () => new torch.nn.ConvTranspose2d(16, 8, 4, { stride: 2, padding: 1 }),
    'ConvTranspose2d grouped': () =>
      new torch.nn.ConvTranspose2d(4, 6, [3, 2], { stride: 2, padding: 1, output_padding: 1, groups: 2, dilation: 2 }),
    'PReLU()': () => new torch.nn.PReLU(),
    'PReLU(3, init=0.1)': () => new torch.nn.PReLU(3, 0.1),
  };
  for (const [name, make] of Object.entries(layers)) {
    torch.manual_seed(0);
    const m = make();
    assert.deepEqual(Array.from(m.weight.data), want[name].weight.flat(Infinity), `${name} weight`);
    const bias = m.bias ? Array.from(m.bias.data) : null;
    assert.deepEqual(bias, want[name].bias, `${name} bias`);
    assert.equal(m.repr(), want[name].repr, `${name} repr`);
  }
});
