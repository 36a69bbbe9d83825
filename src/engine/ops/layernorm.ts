// Layer normalisation (F.layer_norm, nn.LayerNorm): each row over the last dims (normalized_shape) scaled
// to zero mean and unit variance, then by weight and shifted by bias, in PyTorch 1.13's CPU order: the row's
// moments (rowMoments.ts), rstd = 1 / sqrt(var + eps), then y = fma(fma(x, rstd, -rstd * mean), w, b).
// The backward is LayerNormBackward's formula, computed in double and rounded once.
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
    layerNormBackward(g, x, weight, bias, n, means, rstds),
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
