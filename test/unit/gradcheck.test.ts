// Finite-difference gradient checks: for every op, the gradient from backward must match a float64 central
// difference of the op's own forward (L = sum(out * r) for a random r), on random inputs and shapes,
// including broadcasting. Inputs are kept away from kinks (relu at 0, abs at 0, clamp bounds, ties).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import * as fused from '../../src/engine/ops/addmm';
import * as nanops from '../../src/engine/ops/nanops';
import { erfinv } from '../../src/engine/ops/unary';

/** Deterministic uniform generator (the checks must be reproducible). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rnd = lcg(20261127);

interface Spec {
  shape: number[];
  lo?: number;
  hi?: number;
  /** values within `gap` of any of these are pushed away (kinks, bounds) */
  avoid?: number[];
  gap?: number;
  /** values are a shuffled grid 0.25 apart, so perturbations never reorder them (max/min, sorting) */
  distinct?: boolean;
}

function input(spec: Spec | number[]): Tensor {
  const s: Spec = Array.isArray(spec) ? { shape: spec } : spec;
  const lo = s.lo ?? -2;
  const hi = s.hi ?? 2;
  const n = s.shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let v = lo + (hi - lo) * rnd();
    for (const k of s.avoid ?? []) {
      const gap = s.gap ?? 0.1;
      if (Math.abs(v - k) < gap) v = k + (v >= k ? gap : -gap);
    }
    data[i] = v;
  }
  if (s.distinct) {
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
    order.forEach((k, i) => (data[k] = -3 + 0.25 * i));
  }
  return new Tensor(data, s.shape, 'float32', true);
}

/**
 * Compares backward's gradients of fn(...inputs) with a five-point central difference of the forward,
 * evaluated in float64 from the float32 outputs. Steps are powers of two scaled to |x|, so x +- k*step are
 * exact float32 values. The tolerance is the rounding noise of the float32 forward seen through the stencil,
 * plus 1e-4 relative: a gradient off by a fraction of a percent fails.
 */
function gradcheck(
  name: string,
  inputs: Tensor[],
  fn: (...x: Tensor[]) => Tensor,
  opts: { h?: number; tol?: number } = {},
): void {
  const rel = opts.tol ?? 1e-4;
  for (const x of inputs) x.grad = null;
  const out = fn(...inputs);
  const r = new Float64Array(out.data.length);
  for (let i = 0; i < r.length; i++) r[i] = rnd() * 2 - 1;
  out.backward(new Tensor(Float32Array.from(r), out.shape));
  const evalAt = (x: Tensor, i: number, v: number) => {
    x.data[i] = v;
    const o = torch.noGrad(() => fn(...inputs));
    let l = 0;
    let mag = 0;
    for (let k = 0; k < r.length; k++) {
      l += o.data[k] * r[k];
      mag += Math.abs(o.data[k] * r[k]);
    }
    return { l, mag };
  };
  inputs.forEach((x, k) => {
    if (!x.requiresGrad) return;
    const analytic = x.grad;
    assert.ok(analytic, `${name}: input ${k} got no gradient`);
    for (let i = 0; i < x.data.length; i++) {
      const orig = x.data[i];
      const scale = 2 ** Math.ceil(Math.log2(Math.max(1, Math.abs(orig))));
      const step = (opts.h ?? 2 ** -7) * scale;
      const p1 = evalAt(x, i, orig + step);
      const m1 = evalAt(x, i, orig - step);
      const p2 = evalAt(x, i, orig + 2 * step);
      const m2 = evalAt(x, i, orig - 2 * step);
      x.data[i] = orig;
      const numeric = (8 * (p1.l - m1.l) - (p2.l - m2.l)) / (12 * step);
      // Each output carries a few float32 roundings (16 ulp allowed), amplified by the stencil's 18 / (12 step).
      const noise = (16 * 2 ** -24 * Math.max(p1.mag, m1.mag, p2.mag, m2.mag) * 18) / (12 * step);
      const a = analytic.data[i];
      assert.ok(
        Math.abs(a - numeric) <= rel * Math.abs(numeric) + noise + 1e-6,
        `${name}: d/dx${k}[${i}] analytic ${a} vs numeric ${numeric} (allowed ${rel * Math.abs(numeric) + noise + 1e-6})`,
      );
    }
  });
}

const BROADCAST_PAIRS: [number[], number[]][] = [
  [
    [3, 4],
    [3, 4],
  ],
  [[3, 4], [4]],
  [
    [3, 1],
    [1, 4],
  ],
  [
    [2, 3, 4],
    [3, 1],
  ],
  [[4], []],
  [[], [2, 3]],
  [
    [2, 1, 3],
    [4, 1],
  ],
  [[1], [2, 2]],
];

test('binary arithmetic with broadcasting', () => {
  for (const [sa, sb] of BROADCAST_PAIRS) {
    const tag = `${JSON.stringify(sa)} ${JSON.stringify(sb)}`;
    gradcheck(`add ${tag}`, [input(sa), input(sb)], (a, b) => torch.add(a, b));
    gradcheck(`sub alpha ${tag}`, [input(sa), input(sb)], (a, b) => torch.sub(a, b, 2));
    gradcheck(`mul ${tag}`, [input(sa), input(sb)], (a, b) => torch.mul(a, b));
    gradcheck(`div ${tag}`, [input(sa), input({ shape: sb, lo: 0.5, hi: 2 })], (a, b) => torch.div(a, b));
    gradcheck(`pow ${tag}`, [input({ shape: sa, lo: 0.3, hi: 2 }), input(sb)], (a, b) => torch.pow(a, b));
    gradcheck(`maximum ${tag}`, [input({ shape: sa, avoid: [0] }), input({ shape: sb, lo: 2.5, hi: 4 })], (a, b) =>
      torch.maximum(torch.mul(a, b), a),
    );
    gradcheck(`rsub ${tag}`, [input(sa), input(sb)], (a, b) => torch.rsub(a, b));
    gradcheck(`where ${tag}`, [input({ shape: sa, avoid: [0] }), input(sb)], (a, b) =>
      torch.where(torch.gt(a, 0), torch.mul(a, 2), b),
    );
  }
});

test('scalar operands', () => {
  gradcheck('x + 3.5', [input([2, 3])], (a) => torch.add(a, 3.5));
  gradcheck('x * -2', [input([2, 3])], (a) => torch.mul(a, -2));
  gradcheck('2 / x', [input({ shape: [5], lo: 0.5, hi: 2 })], (a) => torch.div(2, a));
  gradcheck('2 - x', [input([5])], (a) => torch.rsub(a, 2));
  gradcheck('x ** 3', [input([5])], (a) => torch.pow(a, 3));
  gradcheck('x ** 0.5', [input({ shape: [5], lo: 0.3, hi: 3 })], (a) => torch.pow(a, 0.5));
  gradcheck('x ** -1.5', [input({ shape: [5], lo: 0.5, hi: 3 })], (a) => torch.pow(a, -1.5));
  gradcheck('2 ** x', [input([5])], (a) => torch.pow(2, a));
  gradcheck('neg', [input([3, 2])], (a) => torch.neg(a));
});

test('unary math and activations', () => {
  const pos = { lo: 0.2, hi: 3 };
  const cases: [string, Partial<Spec>, (t: Tensor) => Tensor][] = [
    ['exp', {}, torch.exp],
    ['log', pos, torch.log],
    ['log2', pos, torch.log2],
    ['log1p', { lo: -0.5, hi: 2 }, torch.log1p],
    ['expm1', {}, torch.expm1],
    ['sqrt', pos, torch.sqrt],
    ['rsqrt', pos, torch.rsqrt],
    ['reciprocal', pos, torch.reciprocal],
    ['square', {}, torch.square],
    ['abs', { avoid: [0] }, torch.abs],
    ['sin', {}, torch.sin],
    ['cos', {}, torch.cos],
    ['tan', { lo: -1, hi: 1 }, torch.tan],
    ['asin', { lo: -0.8, hi: 0.8 }, torch.asin],
    ['atan', {}, torch.atan],
    ['sinh', {}, torch.sinh],
    ['cosh', {}, torch.cosh],
    ['clamp', { lo: -3, hi: 3, avoid: [-1, 1.5] }, (t) => torch.clamp(t, -1, 1.5)],
    ['clamp_min', { avoid: [0.3] }, (t) => torch.clamp(t, 0.3)],
    ['relu', { avoid: [0] }, torch.relu],
    ['sigmoid', { lo: -5, hi: 5 }, torch.sigmoid],
    ['tanh', { lo: -3, hi: 3 }, torch.tanh],
    ['leaky_relu', { avoid: [0] }, (t) => torch.leaky_relu(t, 0.2)],
    ['elu', { avoid: [0] }, (t) => torch.elu(t, 0.7)],
    ['selu', { avoid: [0] }, torch.selu],
    ['celu', { avoid: [0] }, (t) => torch.celu(t, 0.5)],
    ['gelu', {}, (t) => torch.gelu(t)],
    ['gelu tanh', {}, (t) => torch.gelu(t, 'tanh')],
    ['silu', {}, torch.silu],
    ['mish', {}, torch.mish],
    ['softplus', { lo: -4, hi: 4 }, (t) => torch.softplus(t)],
    ['softplus beta', { lo: -2, hi: 2, avoid: [1.5] }, (t) => torch.softplus(t, 2, 3)],
    ['hardtanh', { avoid: [-0.5, 0.5] }, (t) => torch.hardtanh(t, -0.5, 0.5)],
    ['logsigmoid', { lo: -6, hi: 6 }, torch.logsigmoid],
  ];
  for (const [name, spec, fn] of cases) gradcheck(name, [input({ shape: [2, 5], ...spec })], fn);
});

test('reductions over all, one dim, several dims, keepdim', () => {
  const x = () => input({ shape: [2, 3, 4], distinct: true });
  gradcheck('sum all', [x()], (a) => torch.sum(a));
  gradcheck('sum dim', [x()], (a) => torch.sum(a, 1));
  gradcheck('sum dims keep', [x()], (a) => torch.sum(a, [0, 2], true));
  gradcheck('mean all', [x()], (a) => torch.mean(a));
  gradcheck('mean neg dim keep', [x()], (a) => torch.mean(a, -1, true));
  gradcheck('amax dim', [x()], (a) => torch.amax(a, 1));
  gradcheck('amin dims', [x()], (a) => torch.amin(a, [0, 2]));
  gradcheck('max all', [x()], (a) => torch.max(a));
  gradcheck('max dim values', [x()], (a) => torch.max(a, 2).values);
  gradcheck('min dim keep values', [x()], (a) => torch.min(a, 0, true).values);
  gradcheck('prod all', [input({ shape: [5], lo: 0.5, hi: 1.5 })], (a) => torch.prod(a));
  gradcheck('prod dim', [input({ shape: [3, 4], lo: -1.5, hi: 1.5 })], (a) => torch.prod(a, 1));
  const withZero = input({ shape: [2, 3] });
  withZero.data[1] = 0;
  gradcheck('prod with a zero', [withZero], (a) => torch.prod(a, 1));
  gradcheck('var all', [x()], (a) => torch.var_(a));
  gradcheck('var dim biased', [x()], (a) => torch.var_(a, 1, false));
  gradcheck('std dims keep', [x()], (a) => torch.std(a, [0, 1], true, true));
  gradcheck('norm 2', [x()], (a) => torch.norm(a));
  gradcheck('norm 1 dim', [input({ shape: [3, 4], avoid: [0] })], (a) => torch.norm(a, 1, 1));
  gradcheck('norm 3 dim', [input({ shape: [3, 4], avoid: [0] })], (a) => torch.norm(a, 3, 0));
  gradcheck('norm inf', [x()], (a) => torch.norm(a, Infinity, 2));
  gradcheck('logsumexp', [x()], (a) => torch.logsumexp(a, 1));
  gradcheck('cumsum', [x()], (a) => torch.cumsum(a, 2));
  gradcheck('softmax dim1', [x()], (a) => torch.softmax(a, 1));
  gradcheck('softmax dim-1', [x()], (a) => torch.softmax(a, -1));
  gradcheck('log_softmax dim0', [x()], (a) => torch.log_softmax(a, 0));
  gradcheck('log_softmax dim2', [x()], (a) => torch.log_softmax(a, 2));
});

test('matmul in every rank combination, bmm, linear', () => {
  const mm: [number[], number[]][] = [
    [
      [3, 4],
      [4, 5],
    ],
    [[4], [4]],
    [[3, 4], [4]],
    [[4], [4, 5]],
    [
      [2, 3, 4],
      [4, 5],
    ],
    [[2, 3, 4], [4]],
    [[4], [2, 4, 5]],
    [
      [3, 4],
      [2, 4, 5],
    ],
    [
      [2, 1, 3, 4],
      [3, 4, 2],
    ],
    [
      [2, 3, 4],
      [2, 4, 5],
    ],
  ];
  for (const [sa, sb] of mm)
    gradcheck(`matmul ${JSON.stringify(sa)} @ ${JSON.stringify(sb)}`, [input(sa), input(sb)], (a, b) =>
      torch.matmul(a, b),
    );
  gradcheck('mm', [input([2, 3]), input([3, 4])], (a, b) => torch.mm(a, b));
  gradcheck('mv', [input([2, 3]), input([3])], (a, b) => torch.mv(a, b));
  gradcheck('dot', [input([3]), input([3])], (a, b) => torch.dot(a, b));
  gradcheck('bmm', [input([2, 3, 4]), input([2, 4, 2])], (a, b) => torch.bmm(a, b));
  for (const xs of [[3], [5, 3], [2, 5, 3], [2, 2, 2, 3]]) {
    gradcheck(`linear ${JSON.stringify(xs)} bias`, [input(xs), input([4, 3]), input([4])], (x, w, b) =>
      torch.linear(x, w, b),
    );
    gradcheck(`linear ${JSON.stringify(xs)}`, [input(xs), input([4, 3])], (x, w) => torch.linear(x, w));
  }
});

test('shape and layout ops', () => {
  const x = () => input([2, 3, 4]);
  gradcheck('transpose', [x()], (a) => torch.transpose(a, 0, 2));
  gradcheck('permute', [x()], (a) => torch.permute(a, [1, 2, 0]));
  gradcheck('t', [input([3, 4])], (a) => torch.mul(torch.t(a), torch.t(a)));
  gradcheck('T', [x()], (a) => torch.T(a));
  gradcheck('reshape -1', [x()], (a) => torch.mul(torch.reshape(a, [-1, 4]), 2));
  gradcheck('view', [x()], (a) => torch.view(a, 4, 6));
  gradcheck('reshape after t', [input([3, 4])], (a) => torch.reshape(torch.t(a), [12]));
  gradcheck('contiguous', [input([3, 4])], (a) => torch.contiguous(torch.t(a)));
  gradcheck('flatten', [x()], (a) => torch.flatten(a, 1));
  gradcheck('squeeze/unsqueeze', [input([3, 1, 2])], (a) => torch.unsqueeze(torch.squeeze(a), 0));
  gradcheck('squeeze dim', [input([3, 1, 2])], (a) => torch.squeeze(a, 1));
  gradcheck('expand', [input([3, 1])], (a) => torch.expand(a, 2, 3, 4));
  gradcheck('repeat', [input([2, 3])], (a) => torch.repeat(a, 2, 1, 2));
  gradcheck('cat dim1', [input([2, 3]), input([2, 1]), input([2, 2])], (a, b, c) => torch.cat([a, b, c], 1));
  gradcheck('cat dim0', [input([2, 3]), input([1, 3])], (a, b) => torch.cat([a, b], 0));
  gradcheck('stack dim2', [input([2, 3]), input([2, 3])], (a, b) => torch.stack([a, b], 2));
  gradcheck('flip', [x()], (a) => torch.flip(a, [0, 2]));
  gradcheck('clone', [x()], (a) => torch.clone(a));
});

test('indexing, gathers and index assignment', () => {
  const all = {};
  const x = () => input([3, 4, 2]);
  const i64 = (v: number[]) => torch.tensor(v, { dtype: 'int64' });
  gradcheck('int', [x()], (a) => torch.index(a, [1]));
  gradcheck('neg int and slice', [x()], (a) => torch.index(a, [-1, { start: 1, stop: 3 }]));
  gradcheck('step slice', [x()], (a) => torch.index(a, [{ step: 2 }, all, 1]));
  gradcheck('None and ellipsis', [x()], (a) => torch.index(a, [null, 'ellipsis', 0]));
  gradcheck('tensor with repeats', [x()], (a) => torch.index(a, [i64([2, 0, 2, 2])]));
  gradcheck('bool mask', [x()], (a) => torch.index(a, [torch.gt(torch.detach(a), 0)]));
  gradcheck('adjacent advanced', [x()], (a) => torch.index(a, [all, i64([0, 3, 3]), i64([1, 0, 1])]));
  gradcheck('split advanced', [x()], (a) => torch.index(a, [i64([0, 2]), all, i64([1, 1])]));
  gradcheck('gather', [input([3, 4])], (a) =>
    torch.gather(
      a,
      1,
      torch.tensor(
        [
          [0, 0],
          [3, 1],
          [2, 2],
        ],
        { dtype: 'int64' },
      ),
    ),
  );
  gradcheck('index_select', [input([3, 4])], (a) => torch.index_select(a, 0, i64([2, 2, 0])));
  gradcheck('narrow', [input([3, 4])], (a) => torch.narrow(a, 1, 1, 2));
  gradcheck('masked_fill', [input([3, 4])], (a) => torch.masked_fill(a, torch.gt(torch.detach(a), 0.5), -1));
  gradcheck('setitem slice with tensor value', [input([3, 4]), input([2])], (a, v) => {
    const b = torch.mul(a, 1);
    torch.setitem(b, [{ start: 1 }, 2], torch.mul(v, v));
    return torch.mul(b, a);
  });
  gradcheck('setitem advanced broadcast value', [input([3, 4]), input([4])], (a, v) => {
    const b = torch.mul(a, 2);
    torch.setitem(b, [i64([0, 2])], v);
    return b;
  });
});

test('sort, topk, split, triangles, diag, outer', () => {
  const x = () => input({ shape: [3, 4], distinct: true });
  gradcheck('sort', [x()], (a) => torch.sort(a, 1, true).values);
  gradcheck('topk dim0', [x()], (a) => torch.topk(a, 2, 0).values);
  gradcheck('split', [x()], (a) => torch.mul(torch.split(a, [1, 3], 1)[1], 2));
  gradcheck('chunk', [x()], (a) => torch.chunk(a, 2, 0)[0]);
  gradcheck('unbind', [x()], (a) => torch.unbind(a, 1)[2]);
  gradcheck('tril', [x()], (a) => torch.tril(a, -1));
  gradcheck('triu', [x()], (a) => torch.triu(a));
  gradcheck('diag of matrix', [x()], (a) => torch.diag(a, 1));
  gradcheck('diag of vector', [input([3])], (a) => torch.diag(a, -1));
  gradcheck('outer', [input([3]), input([2])], (a, b) => torch.outer(a, b));
});

test('roll, diagonal, trace and einsum (permutes, sums and a batched matmul)', () => {
  const x = () => input({ shape: [3, 4] });
  gradcheck('roll flat', [x()], (a) => torch.roll(a, [5], []));
  gradcheck('roll two dims', [x()], (a) => torch.roll(a, [1, -2], [0, 1]));
  gradcheck('diagonal offset', [x()], (a) => torch.diagonal(a, 1));
  gradcheck('diagonal of a 3-d tensor', [input([2, 3, 3])], (a) => torch.diagonal(a, -1, 1, 2));
  gradcheck('trace', [input([3, 3])], (a) => torch.trace(a));
  gradcheck('einsum ij,jk->ik', [x(), input([4, 2])], (a, b) => torch.einsum('ij,jk->ik', [a, b]));
  gradcheck('einsum bij,bjk->bik', [input([2, 2, 3]), input([2, 3, 2])], (a, b) =>
    torch.einsum('bij,bjk->bik', [a, b]),
  );
  gradcheck('einsum ii->i', [input([3, 3])], (a) => torch.einsum('ii->i', [a]));
  gradcheck('einsum ij->', [x()], (a) => torch.einsum('ij->', [a]));
  gradcheck('einsum i,j->ij', [input([3]), input([2])], (a, b) => torch.einsum('i,j->ij', [a, b]));
  gradcheck('einsum ij,kj,k', [x(), input([2, 4]), input([2])], (a, b, c) => torch.einsum('ij,kj,k->i', [a, b, c]));
});

test('cumprod (with a zero), constant pad (and crop), inverse and det of square matrices', () => {
  gradcheck('cumprod dim 1', [input([3, 4])], (a) => torch.cumprod(a, 1));
  const withZero = input([2, 4]);
  withZero.data[1] = 0;
  gradcheck('cumprod through a zero', [withZero], (a) => torch.cumprod(a, 1));
  const wellConditioned = () => {
    const m = input({ shape: [3, 3], lo: -0.5, hi: 0.5 });
    for (let i = 0; i < 3; i++) m.data[i * 4] += 2;
    return m;
  };
  gradcheck('pad', [input([2, 3])], (a) => torch.pad(a, [1, 2, -1, 1], 0.5));
  gradcheck('inv', [wellConditioned()], (a) => torch.inv(a));
  gradcheck('det', [wellConditioned()], (a) => torch.det(a));
});

test('cross product along dim 0 and dim 1, both inputs', () => {
  gradcheck('cross dim 1', [input([2, 3]), input([2, 3])], (a, b) => torch.cross(a, b, 1));
  gradcheck('cross dim 0', [input([3, 4]), input([3, 4])], (a, b) => torch.cross(a, b, 0));
});

test('layer_norm: input, weight and bias, over one and two trailing dims', () => {
  gradcheck('layer_norm affine', [input([3, 5]), input([5]), input([5])], (a, w, b) => torch.layer_norm(a, [5], w, b));
  gradcheck('layer_norm plain', [input([2, 2, 3])], (a) => torch.layer_norm(a, [2, 3], null, null));
  gradcheck('layer_norm long rows', [input([2, 21]), input([21]), input([21])], (a, w, b) =>
    torch.layer_norm(a, [21], w, b, 1e-3),
  );
});

test('losses, every reduction, weights, targets with gradients', () => {
  const reductions = ['mean', 'sum', 'none'] as const;
  for (const red of reductions) {
    gradcheck(`mse ${red}`, [input([4, 3]), input([4, 3])], (a, b) => torch.mse_loss(a, b, red));
    gradcheck(`l1 ${red}`, [input([4, 3]), input({ shape: [4, 3], lo: 2.5, hi: 4 })], (a, b) =>
      torch.l1_loss(a, b, red),
    );
    gradcheck(`smooth_l1 ${red}`, [input({ shape: [4, 3], avoid: [-0.5, 0.5], gap: 0.15 })], (a) =>
      torch.smooth_l1_loss(a, torch.zeros([4, 3]), red, 0.5),
    );
    gradcheck(`huber ${red}`, [input({ shape: [4, 3], lo: -3, hi: 3, avoid: [-0.7, 0.7], gap: 0.15 })], (a) =>
      torch.huber_loss(a, torch.zeros([4, 3]), red, 0.7),
    );
    gradcheck(
      `bce ${red}`,
      [input({ shape: [6, 1], lo: 0.1, hi: 0.9 })],
      (p) =>
        torch.binary_cross_entropy(p, torch.tensor([[0], [1], [1], [0], [1], [0]], { dtype: 'float32' }), null, red),
      { h: 1e-3 },
    );
    gradcheck(`bce_logits ${red}`, [input({ shape: [6], lo: -4, hi: 4 })], (x) =>
      torch.binary_cross_entropy_with_logits(x, torch.tensor([0, 1, 1, 0, 0.3, 1], { dtype: 'float32' }), null, red),
    );
    const t = torch.tensor([1, 0, 3, 2, 3], { dtype: 'int64' });
    gradcheck(`cross_entropy ${red}`, [input([5, 4])], (x) => torch.cross_entropy(x, t, null, -100, red));
    gradcheck(`nll ${red}`, [input([5, 4])], (x) => torch.nll_loss(x, t, null, -100, red));
  }
  const t = torch.tensor([1, -100, 3, 2, 3], { dtype: 'int64' });
  const w = torch.tensor([0.5, 2, 1, 1.5], { dtype: 'float32' });
  gradcheck('ce weight ignore_index', [input([5, 4])], (x) => torch.cross_entropy(x, t, w, -100));
  gradcheck('ce label smoothing weight', [input([5, 4])], (x) => torch.cross_entropy(x, t, w, -100, 'mean', 0.15));
  gradcheck('ce label smoothing sum', [input([5, 4])], (x) => torch.cross_entropy(x, t, null, -100, 'sum', 0.3));
  gradcheck('ce probs with target grad', [input([3, 4]), input({ shape: [3, 4], lo: 0, hi: 1 })], (x, p) =>
    torch.cross_entropy(x, p),
  );
  gradcheck('ce probs smoothing weight', [input([3, 4]), input({ shape: [3, 4], lo: 0, hi: 1 })], (x, p) =>
    torch.cross_entropy(x, p, w, -100, 'none', 0.2),
  );
  gradcheck('ce 3-d input', [input([2, 4, 3])], (x) =>
    torch.cross_entropy(
      x,
      torch.tensor(
        [
          [0, 1, 3],
          [2, 2, 0],
        ],
        { dtype: 'int64' },
      ),
    ),
  );
  gradcheck('ce 1-d input', [input([4])], (x) => torch.cross_entropy(x, torch.tensor(2, { dtype: 'int64' })));
  gradcheck(
    'bce weight',
    [input({ shape: [4], lo: 0.1, hi: 0.9 })],
    (p) => torch.binary_cross_entropy(p, torch.tensor([0, 1, 1, 0], { dtype: 'float32' }), w, 'mean'),
    { h: 1e-3 },
  );
  gradcheck('bce_logits pos_weight', [input([4])], (x) =>
    torch.binary_cross_entropy_with_logits(
      x,
      torch.tensor([0, 1, 1, 0], { dtype: 'float32' }),
      w,
      'mean',
      torch.tensor([3], { dtype: 'float32' }),
    ),
  );
  gradcheck('mse broadcast target', [input([4, 3]), input([3])], (a, b) => torch.mse_loss(a, b));
});

test('in-place ops on non-leaf tensors keep the gradient right', () => {
  gradcheck('add_ then mul_ by the input', [input([3, 2])], (a) => {
    const b = torch.mul(a, 2);
    torch.add_(b, 1);
    torch.mul_(b, a);
    return b;
  });
  gradcheck('div_ by a tensor', [input([4]), input({ shape: [4], lo: 1, hi: 2 })], (a, d) => {
    const b = torch.mul(a, 3);
    torch.div_(b, d);
    return torch.mul(b, b);
  });
  gradcheck('clamp_', [input({ shape: [6], avoid: [-2 / 3, 2 / 3] })], (a) => {
    const b = torch.mul(a, 1.5);
    torch.clamp_(b, -1, 1);
    return torch.mul(b, a);
  });
  // tanh_ straight on sigmoid_'s result would overwrite the output SigmoidBackward0 saved: PyTorch raises.
  gradcheck('sigmoid_ / tanh_', [input([5])], (a) => torch.tanh_(torch.mul(torch.sigmoid_(torch.mul(a, 1.5)), 2)));
  gradcheck('copy_ from a broadcast source', [input([4])], (v) => {
    const b = torch.zeros([3, 4]);
    torch.copy_(b, torch.mul(v, v));
    return b;
  });
});

test('ops the bridge used to compute, and the reflected operators of Python', () => {
  gradcheck('erf', [input([2, 5])], (a) => torch.erf(a));
  gradcheck('exp2', [input([2, 5])], (a) => torch.exp2(a));
  gradcheck('frac', [input({ shape: [2, 5], lo: -3, hi: 3, avoid: [-2, -1, 0, 1, 2] })], (a) => torch.frac(a));
  gradcheck('sgn (zero gradient)', [input({ shape: [5], avoid: [0] })], (a) => torch.mul(torch.sgn(a), a));
  gradcheck('1 / x (rdiv)', [input({ shape: [5], lo: 0.5, hi: 2 })], (a) => torch.rdiv(a, 1));
  gradcheck('2.5 / x with a tensor numerator', [input({ shape: [3, 4], lo: 0.5, hi: 2 }), input([4])], (a, b) =>
    torch.rdiv(a, b),
  );
  gradcheck('2.0 - x (wrapped float)', [input([5])], (a) => torch.rsub(a, torch.floatScalar(2)));
  gradcheck('x ** 2.0 (wrapped float)', [input([5])], (a) => torch.pow(a, torch.floatScalar(2)));
  gradcheck('2.5 ** x (rpow)', [input([5])], (a) => torch.rpow(a, 2.5));
  gradcheck('torch.pow(2, x)', [input([2, 3])], (a) => torch.pow(2, a));
  for (const w of [0.3, 0.7, -0.2, 1.4]) {
    gradcheck(`lerp weight ${w}`, [input([3, 4]), input([4])], (a, b) => torch.lerp(a, b, w));
  }
  gradcheck(
    'lerp tensor weight, all broadcast',
    [input([3, 1]), input([4]), input({ shape: [2, 1, 1], lo: -0.3, hi: 1.3 })],
    (a, b, w) => torch.lerp(a, b, w),
  );
  // Dividends chosen so a / b stays between two integers under the perturbations (the quotient is constant).
  const dividend = () => input({ shape: [2, 3], lo: 2.2, hi: 2.8 });
  const divisor = () => input({ shape: [3], lo: 1, hi: 1.05 });
  gradcheck('remainder by a scalar', [dividend()], (a) => torch.remainder(a, 1.5));
  gradcheck('remainder by a tensor', [dividend(), divisor()], (a, b) => torch.remainder(a, b));
  gradcheck('remainder of negatives', [input({ shape: [2, 3], lo: -2.8, hi: -2.2 }), divisor()], (a, b) =>
    torch.remainder(a, b),
  );
  gradcheck('fmod by a scalar', [dividend()], (a) => torch.fmod(a, 1.5));
  gradcheck('fmod of negatives by a tensor', [input({ shape: [2, 3], lo: -2.8, hi: -2.2 }), divisor()], (a, b) =>
    torch.fmod(a, b),
  );
  gradcheck('div rounding trunc (zero gradient)', [input({ shape: [5], lo: 0.2, hi: 1.8 })], (a) =>
    torch.mul(torch.div(a, 2, 'trunc'), a),
  );
  gradcheck(
    'div rounding floor (zero gradient)',
    [input({ shape: [5], lo: 0.2, hi: 1.8 }), input({ shape: [5], lo: 2.5, hi: 3 })],
    (a, b) => torch.add(torch.div(a, b, 'floor'), a),
  );
  // Values 0.02 or more from the jumps at 0.05 + 0.1k.
  const toRound = new Tensor(Float32Array.from([0.12, -0.73, 1.4, 0.88, -1.4]), [5], 'float32', true);
  gradcheck('round decimals (zero gradient)', [toRound], (a) => torch.add(torch.round(a, 1), a));
  gradcheck('masked_fill_ on a non-leaf', [input({ shape: [3, 4], avoid: [0] })], (a) => {
    const b = torch.mul(a, 3);
    torch.masked_fill_(b, torch.gt(torch.detach(a), 0), -1);
    return torch.mul(b, a);
  });
});

test('no derivative where PyTorch has none: floor_divide and a scalar % tensor', () => {
  const x = input({ shape: [3], lo: 1, hi: 2 });
  for (const [name, y, op] of [
    ['x // 2', torch.floor_divide(x, 2), 'floor_divide'],
    ['2 % x', torch.remainder(2, x), 'remainder'],
  ] as const) {
    assert.equal(y.gradFn?.name, 'NotImplemented', name);
    assert.throws(() => torch.sum(y).backward(), {
      name: 'RuntimeError',
      message: `derivative for aten::${op} is not implemented`,
    });
  }
});

test('scatter, scatter_add, their in-place forms, batch_norm and a custom Function node', () => {
  const i64 = (v: number[][]) => torch.tensor(v, { dtype: 'int64' });
  const index = i64([
    [0, 2, 1, 0],
    [2, 0, 0, 1],
  ]);
  gradcheck('scatter src', [input([3, 4]), input([2, 4])], (a, s) => torch.scatter(a, 0, index, s));
  gradcheck('scatter value', [input([3, 4])], (a) => torch.scatter(a, 0, index, 1.5));
  gradcheck('scatter_add', [input([3, 4]), input([2, 4])], (a, s) => torch.scatter_add(a, 0, index, s));
  gradcheck('scatter_ on a non-leaf', [input([3, 4]), input([2, 5])], (a, s) => {
    const b = torch.mul(a, 2);
    torch.scatter_(b, 0, index, torch.mul(torch.narrow(s, 1, 0, 4), 3));
    return torch.mul(b, a);
  });
  gradcheck('scatter_add_ on a non-leaf', [input([3, 4]), input([2, 4])], (a, s) => {
    const b = torch.mul(a, a);
    torch.scatter_add_(
      b,
      1,
      i64([
        [3, 3, 0, 1],
        [2, 2, 2, 0],
      ]),
      s,
    );
    return b;
  });
  const stats = () => ({ mean: torch.zeros([4]), var: torch.ones([4]) });
  for (const shape of [
    [6, 4],
    [3, 4, 5],
  ]) {
    gradcheck(`batch_norm training ${shape}`, [input(shape), input([4]), input([4])], (x, w, b) => {
      const s = stats();
      return torch.batch_norm(x, s.mean, s.var, w, b, { training: true, momentum: 0.1, eps: 1e-5 });
    });
    const running = { mean: torch.detach(input([4])), var: torch.detach(input({ shape: [4], lo: 0.5, hi: 2 })) };
    gradcheck(`batch_norm eval ${shape}`, [input(shape), input([4]), input([4])], (x, w, b) =>
      torch.batch_norm(x, running.mean, running.var, w, b, { training: false, momentum: 0.1, eps: 1e-5 }),
    );
  }
  // A custom node whose backward is given (here: y = x^3 with dy/dx = 3x^2, and z = x * w with two outputs).
  gradcheck('custom Function, one output', [input([5])], (x) => {
    const y = torch.noGrad(() => torch.pow(x, 3));
    return torch.customFunction('CubeBackward', [x], [y], ([g]) => [torch.mul(g, torch.mul(torch.mul(x, x), 3))])[0];
  });
  gradcheck('custom Function, two outputs', [input([4]), input([4])], (x, w) => {
    const [p, q] = torch.noGrad(() => [torch.mul(x, w), torch.sub(x, w)]);
    const [a, b] = torch.customFunction('TwoBackward', [x, w], [p, q], ([gp, gq]) => [
      torch.add(torch.mul(gp, w), gq),
      torch.sub(torch.mul(gp, x), gq),
    ]);
    return torch.add(torch.mul(a, 2), b);
  });
});

test('fused products (beta, alpha, broadcast input), NaN-aware reductions, median, erfinv', () => {
  const [b, a] = [0.5, 2];
  gradcheck('addmm', [input([3]), input([2, 4]), input([4, 3])], (i, x, y) => fused.addmm(i, x, y, b, a));
  gradcheck('addmv', [input([2]), input([2, 4]), input([4])], (i, x, y) => fused.addmv(i, x, y, b, a));
  gradcheck('addr', [input([2, 1]), input([2]), input([3])], (i, x, y) => fused.addr(i, x, y, b, a));
  gradcheck('baddbmm', [input([2, 3]), input([2, 2, 4]), input([2, 4, 3])], (i, x, y) => fused.baddbmm(i, x, y, b, a));
  gradcheck('addbmm', [input([2, 3]), input([2, 2, 4]), input([2, 4, 3])], (i, x, y) => fused.addbmm(i, x, y, b, a));
  gradcheck('nan_to_num', [input([2, 5])], (x) => nanops.nan_to_num(x, 0));
  gradcheck('nansum over dim 1', [input([3, 4])], (x) => nanops.nansum(x, 1, true));
  gradcheck('nanmean over dim 0', [input([3, 4])], (x) => nanops.nanmean(x, 0));
  gradcheck('median of all', [input({ shape: [3, 5], distinct: true })], (x) => nanops.medianAll(x, false));
  gradcheck(
    'median along dim 1',
    [input({ shape: [3, 4], distinct: true })],
    (x) => nanops.medianDim(x, 1, false, false)[0],
  );
  gradcheck('erfinv', [input({ shape: [2, 5], lo: -0.9, hi: 0.9 })], (x) => erfinv(x));
});
