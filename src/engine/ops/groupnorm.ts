// Group normalisation (F.group_norm, nn.GroupNorm) over input [N, C, *]: the C channels split into G groups,
// each (sample, group) normalised by its own moments, as PyTorch 1.13's CPU kernel (GroupNormKernel.cpp):
// RowwiseMoments over the group's D * HxW values (rowMoments.ts), rstd = 1 / sqrt(max(var, 0) + eps), then
// per channel scale = rstd * gamma, shift = -scale * mean + beta and y = scale * x + shift. The backward is
// NativeGroupNormBackward's formula, computed in double and rounded once.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { fmaf } from '../random';
import { rowMoments } from './rowMoments';

/** F.group_norm(x, num_groups, weight, bias, eps). */
export function group_norm(x: Tensor, groups: number, weight: Tensor | null, bias: Tensor | null, eps = 1e-5): Tensor {
  if (!isFloatDType(x.dtype)) throw pyError('RuntimeError', `"GroupNormKernelImpl" not implemented for '${x.dtype}'`);
  if (x.ndim < 2) {
    throw pyError('RuntimeError', `Expected at least 2 dimensions for input tensor but received ${x.ndim}`);
  }
  const [n, c] = x.shape;
  if (c % groups !== 0) {
    throw pyError(
      'RuntimeError',
      `Expected number of channels in input to be divisible by num_groups, but got input of shape [${x.shape.join(', ')}] and num_groups=${groups}`,
    );
  }
  for (const [name, p] of [
    ['weight', weight],
    ['bias', bias],
  ] as const) {
    if (p && p.data.length !== c) {
      throw pyError(
        'RuntimeError',
        `Expected ${name} to be a vector of size equal to the number of channels in input, but got ${name} of shape [${p.shape.join(', ')}] and input of shape [${x.shape.join(', ')}]`,
      );
    }
  }
  const hw = n * c === 0 ? 0 : x.data.length / (n * c);
  const d = c / groups;
  const size = d * hw;
  const single = x.dtype === 'float32';
  const round = single ? Math.fround : (v: number) => v;
  const fma = single ? fmaf : (a: number, b: number, s: number) => a * b + s;
  const X = x.data;
  const out = allocate(x.dtype, X.length);
  const means = new Float64Array(n * groups);
  const rstds = new Float64Array(n * groups);
  for (let i = 0; i < n * groups; i++) {
    const [mean, variance] = rowMoments(X, i * size, size, round, single ? 8 : 4);
    const rstd = round(1 / round(Math.sqrt(round(Math.max(variance, 0) + round(eps)))));
    means[i] = mean;
    rstds[i] = rstd;
    const g = i % groups;
    for (let j = 0; j < d; j++) {
      const ch = g * d + j;
      const base = (i * d + j) * hw;
      if (!weight && !bias) {
        for (let k = 0; k < hw; k++) out[base + k] = round(X[base + k] - mean) * rstd;
        continue;
      }
      const scale = round(rstd * (weight ? weight.data[ch] : 1));
      const shift = fma(-scale, mean, bias ? bias.data[ch] : 0);
      for (let k = 0; k < hw; k++) out[base + k] = fma(scale, X[base + k], shift);
    }
  }
  if (!needsGrad(x, weight, bias)) return new Tensor(out, x.shape, x.dtype);
  const node = new Node('NativeGroupNormBackward0', [x, weight, bias], (gOut) =>
    groupNormBackward(gOut, x, weight, bias, { groups, d, hw, means, rstds }),
  );
  return new Tensor(out, x.shape, x.dtype, true, node);
}

interface GroupStats {
  groups: number;
  /** Channels per group. */
  d: number;
  /** Values per channel. */
  hw: number;
  means: Float64Array;
  rstds: Float64Array;
}

/** dx = rstd * (g*w - mean(g*w) - xhat * mean(g*w * xhat)) over each group; dw = sum of g * xhat; db = sum of g. */
function groupNormBackward(
  gOut: Float32Array,
  x: Tensor,
  weight: Tensor | null,
  bias: Tensor | null,
  { groups, d, hw, means, rstds }: GroupStats,
): (Float32Array | null)[] {
  const X = x.data;
  const c = groups * d;
  const n = means.length / groups;
  const size = d * hw;
  const dx = x.requiresGrad ? (allocate(x.dtype, X.length) as Float32Array) : null;
  const dw = weight?.requiresGrad ? new Float64Array(c) : null;
  const db = bias?.requiresGrad ? new Float64Array(c) : null;
  for (let i = 0; i < n * groups; i++) {
    const g = i % groups;
    let sumGw = 0;
    let sumGwXhat = 0;
    for (let j = 0; j < d; j++) {
      const ch = g * d + j;
      const w = weight ? weight.data[ch] : 1;
      for (let k = 0; k < hw; k++) {
        const at = (i * d + j) * hw + k;
        const xhat = (X[at] - means[i]) * rstds[i];
        sumGw += gOut[at] * w;
        sumGwXhat += gOut[at] * w * xhat;
        if (dw) dw[ch] += gOut[at] * xhat;
        if (db) db[ch] += gOut[at];
      }
    }
    if (!dx) continue;
    for (let j = 0; j < d; j++) {
      const w = weight ? weight.data[g * d + j] : 1;
      for (let k = 0; k < hw; k++) {
        const at = (i * d + j) * hw + k;
        const xhat = (X[at] - means[i]) * rstds[i];
        dx[at] = rstds[i] * (gOut[at] * w - sumGw / size - (xhat * sumGwXhat) / size);
      }
    }
  }
  const asGrad = (v: Float64Array | null, like: Tensor | null) =>
    v && like ? (allocate(like.dtype, c) as Float32Array).map((_, j) => v[j]) : null;
  return [dx, asGrad(dw, weight), asGrad(db, bias)];
}
