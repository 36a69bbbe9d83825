// Layer normalisation (F.layer_norm, nn.LayerNorm): each row over the last dims (normalized_shape) scaled
// to zero mean and unit variance, then by weight and shifted by bias, in PyTorch 1.13's CPU order: the row's
// moments (rowMoments.ts), rstd = 1 / sqrt(var + eps), then y = fma(fma(x, rstd, -rstd * mean), w, b).
// The backward is LayerNormBackward's formula: in float32 as ATen's layer_norm_backward_frame computes it on
// an AVX2 build (layerNormBackwardF32, bit for bit), in double for float64.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { fmtShape } from '../shape';
import { fmaf } from '../random';
import { rowMoments } from './rowMoments';
import { layerNormDiff } from './normDiff';

function checkShapes(x: Tensor, normalized: readonly number[], weight: Tensor | null, bias: Tensor | null): number {
  const k = normalized.length;
  const tail = x.shape.slice(x.ndim - k);
  if (k === 0 || x.ndim < k || tail.some((s, i) => s !== normalized[i])) {
    throw pyError(
      'RuntimeError',
      `Given normalized_shape=${fmtShape(normalized)}, expected input with shape [*, ${normalized.join(', ')}], ` +
        `but got input of size${fmtShape(x.shape)}`,
    );
  }
  const n = normalized.reduce((a, b) => a * b, 1);
  for (const [name, p] of [
    ['weight', weight],
    ['bias', bias],
  ] as const) {
    if (p && p.data.length !== n) {
      throw pyError(
        'RuntimeError',
        `Expected ${name} to be of same shape as normalized_shape, but got ${name} of shape ${fmtShape(p.shape)} and normalized_shape = ${fmtShape(normalized)}`,
      );
    }
  }
  return n;
}

/** F.layer_norm(x, normalized_shape, weight, bias, eps). */
export function layer_norm(
  x: Tensor,
  normalized: readonly number[],
  weight: Tensor | null,
  bias: Tensor | null,
  eps = 1e-5,
): Tensor {
  if (!isFloatDType(x.dtype)) throw pyError('RuntimeError', `"LayerNormKernelImpl" not implemented for '${x.dtype}'`);
  const n = checkShapes(x, normalized, weight, bias);
  const rows = n === 0 ? 0 : x.data.length / n;
  const single = x.dtype === 'float32';
  const round = single ? Math.fround : (v: number) => v;
  const fma = single ? fmaf : (a: number, b: number, c: number) => a * b + c;
  const means = new Float64Array(rows);
  const rstds = new Float64Array(rows);
  const out = allocate(x.dtype, x.data.length);
  for (let r = 0; r < rows; r++) {
    const [mean, variance] = rowMoments(x.data, r * n, n, round, single ? 8 : 4);
    const rstd = round(1 / round(Math.sqrt(round(variance + round(eps)))));
    const shift = round(-rstd * mean);
    means[r] = mean;
    rstds[r] = rstd;
    for (let j = 0; j < n; j++) {
      const y = fma(x.data[r * n + j], rstd, shift);
      out[r * n + j] = weight || bias ? fma(y, weight ? weight.data[j] : 1, bias ? bias.data[j] : 0) : y;
    }
  }
  if (!needsGrad(x, weight, bias)) return new Tensor(out, x.shape, x.dtype);
  const node = new Node('NativeLayerNormBackward0', [x, weight, bias], (g) =>
    single
      ? layerNormBackwardF32(g, x, weight, bias, n, means, rstds)
      : layerNormBackward(g, x, weight, bias, n, means, rstds),
  );
  node.diff = layerNormDiff(x, normalized.length, weight, bias, eps);
  return new Tensor(out, x.shape, x.dtype, true, node);
}

/** dx = rstd * (g*w - mean(g*w) - xhat * mean(g*w * xhat)); dw = sum over rows of g * xhat; db = sum of g. */
function layerNormBackward(
  g: Float32Array,
  x: Tensor,
  weight: Tensor | null,
  bias: Tensor | null,
  n: number,
  means: Float64Array,
  rstds: Float64Array,
): (Float32Array | null)[] {
  const dx = x.requiresGrad ? (allocate(x.dtype, x.data.length) as Float32Array) : null;
  const dw = weight?.requiresGrad ? new Float64Array(n) : null;
  const db = bias?.requiresGrad ? new Float64Array(n) : null;
  for (let r = 0; r < means.length; r++) {
    const base = r * n;
    let sumGw = 0;
    let sumGwXhat = 0;
    for (let j = 0; j < n; j++) {
      const xhat = (x.data[base + j] - means[r]) * rstds[r];
      const gw = g[base + j] * (weight ? weight.data[j] : 1);
      sumGw += gw;
      sumGwXhat += gw * xhat;
      if (dw) dw[j] += g[base + j] * xhat;
      if (db) db[j] += g[base + j];
    }
    if (!dx) continue;
    for (let j = 0; j < n; j++) {
      const xhat = (x.data[base + j] - means[r]) * rstds[r];
      const gw = g[base + j] * (weight ? weight.data[j] : 1);
      dx[base + j] = rstds[r] * (gw - sumGw / n - (xhat * sumGwXhat) / n);
    }
  }
  const asGrad = (v: Float64Array | null, like: Tensor | null) =>
    v && like ? (allocate(like.dtype, n) as Float32Array).map((_, j) => v[j]) : null;
  return [dx, asGrad(dw, weight), asGrad(db, bias)];
}

/**
 * Sum over a row of p[j] * q[j] as ATen's vec::map*_reduce_all on 8 float lanes: under 8 values, the rounded
 * products added one after another; else lane l starts at the product of value l and takes every 8th
 * further one as a fused multiply-add (GCC fuses the map into the reduction), and the lanes meet as
 * ((l0+l4) + (l2+l6)) + ((l1+l5) + (l3+l7)). `q` null: the values p[j] themselves, plain adds.
 */
function laneSum(p: ArrayLike<number>, q: ArrayLike<number> | null, at: number, qAt: number, n: number): number {
  return q === null ? laneSumValues(p, at, n) : laneSumProducts(p, q, at, qAt, n);
}

/** Eight float32 lanes (laneSum's), reused: the lanes of one sum never outlive it. */
const lanes = new Float64Array(8);

/** The lanes met as ((l0+l4) + (l2+l6)) + ((l1+l5) + (l3+l7)). */
function foldLanes(): number {
  const f = Math.fround;
  const a0 = f(lanes[0] + lanes[4]);
  const a1 = f(lanes[1] + lanes[5]);
  const a2 = f(lanes[2] + lanes[6]);
  const a3 = f(lanes[3] + lanes[7]);
  return f(f(a0 + a2) + f(a1 + a3));
}

/** laneSum of the products p[at + j] * q[qAt + j]. */
function laneSumProducts(p: ArrayLike<number>, q: ArrayLike<number>, at: number, qAt: number, n: number): number {
  const f = Math.fround;
  if (n < 8) {
    let acc = f(p[at] * q[qAt]);
    for (let j = 1; j < n; j++) acc = f(acc + f(p[at + j] * q[qAt + j]));
    return acc;
  }
  for (let l = 0; l < 8; l++) lanes[l] = f(p[at + l] * q[qAt + l]);
  for (let j = 8; j < n; j++) lanes[j & 7] = fmaf(p[at + j], q[qAt + j], lanes[j & 7]);
  return foldLanes();
}

/** laneSum of the values p[at + j]. */
function laneSumValues(p: ArrayLike<number>, at: number, n: number): number {
  const f = Math.fround;
  if (n < 8) {
    let acc = p[at];
    for (let j = 1; j < n; j++) acc = f(acc + p[at + j]);
    return acc;
  }
  for (let l = 0; l < 8; l++) lanes[l] = p[at + l];
  for (let j = 8; j < n; j++) lanes[j & 7] = f(lanes[j & 7] + p[at + j]);
  return foldLanes();
}

/**
 * layerNormBackward in PyTorch 1.13's float32 steps (measured bit for bit against it): per row, with
 * a = rstd, ds = sum (dy x) w and db = sum dy w (laneSum), b = (db mean - ds) a^3 / n and c = -b mean -
 * db a / n, dx = (a dy w + b x) + c with GCC's fused multiply-adds; dgamma and dbeta added row by row.
 */
function layerNormBackwardF32(
  g: Float32Array,
  x: Tensor,
  weight: Tensor | null,
  bias: Tensor | null,
  n: number,
  means: Float64Array,
  rstds: Float64Array,
): (Float32Array | null)[] {
  const f = Math.fround;
  const X = x.data as Float32Array;
  const w = weight ? (weight.data as Float32Array) : null;
  const dx = x.requiresGrad ? new Float32Array(X.length) : null;
  const dw = weight?.requiresGrad ? new Float32Array(n) : null;
  const db = bias?.requiresGrad ? new Float32Array(n) : null;
  const scale = f(1 / n);
  const dyw = w ? new Float32Array(n) : null;
  const dyx = new Float32Array(n);
  for (let r = 0; r < means.length; r++) {
    const base = r * n;
    const a = rstds[r];
    const mean = means[r];
    if (dw) {
      const shift = f(-a * mean);
      for (let j = 0; j < n; j++) dw[j] = fmaf(g[base + j], fmaf(a, X[base + j], shift), dw[j]);
    }
    if (db) for (let j = 0; j < n; j++) db[j] = f(db[j] + g[base + j]);
    if (!dx) continue;
    let ds: number;
    let dsum: number;
    if (w) {
      for (let j = 0; j < n; j++) dyx[j] = f(g[base + j] * X[base + j]);
      ds = laneSum(dyx, w, 0, 0, n);
      dsum = laneSum(g, w, base, 0, n);
      for (let j = 0; j < n; j++) dyw![j] = f(f(a * g[base + j]) * w[j]);
    } else {
      ds = laneSum(g, X, base, base, n);
      dsum = laneSum(g, null, base, 0, n);
    }
    const b = f(f(f(f(fmaf(dsum, mean, -ds) * a) * a) * a) * scale);
    const c = fmaf(-b, mean, -f(f(dsum * a) * scale));
    for (let j = 0; j < n; j++) {
      const lead = dyw ? dyw[j] : f(a * g[base + j]);
      dx[base + j] = f(fmaf(b, X[base + j], lead) + c);
    }
  }
  return [dx, dw, db];
}
