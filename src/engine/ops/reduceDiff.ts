// The differentiable backward forms (Node.diff, used by create_graph=True) of the reductions in reduce.ts.
import type { DiffBackwardFn } from '../autograd';
import { Tensor } from '../tensor';
import { div, mul, sub } from './arith';
import { exp } from './unary';
import { mean, prod } from './reduce';
import { constantLike, expandBack, gatherOffsets, scatterOffsets } from './gradOps';
import { splitAt } from './util';
import { reshape } from './view';

/** amax/amin and max()/min() of everything: g spread over the tied extremes, weights[i] = 1/ties or 0. */
export function extremeDiff(t: Tensor, dims: readonly number[], weights: () => ArrayLike<number>): DiffBackwardFn {
  return (g) => {
    const w = weights();
    return [
      mul(
        expandBack(g, t.shape, dims),
        constantLike(t, (i) => w[i]),
      ),
    ];
  };
}

/** max/min along a dim: g scattered to the flat offsets of the chosen elements. */
export function indexedExtremeDiff(t: Tensor, offsets: () => Int32Array): DiffBackwardFn {
  return (g) => [scatterOffsets(g, offsets(), t.shape)];
}

/** var: g 2 (x - mean) / denom; std divides that by 2 std (the recorded output). */
export function varianceDiff(t: Tensor, dims: number[], denom: number, std: Tensor | null): DiffBackwardFn {
  return (g) => {
    const d = mul(sub(t, mean(t, dims, true)), 2 / denom);
    const full = mul(expandBack(g, t.shape, dims), d);
    return [std ? div(full, mul(expandBack(std, t.shape, dims), 2)) : full];
  };
}

/** logsumexp: g exp(x - out), out the recorded output. */
export function logsumexpDiff(t: Tensor, dims: number[], out: Tensor): DiffBackwardFn {
  return (g) => [mul(expandBack(g, t.shape, dims), exp(sub(t, expandBack(out, t.shape, dims))))];
}

/**
 * prod (over everything when `d` is null): g times the product of the other elements. Without zeros that is
 * g * result / x (PyTorch's prod_backward), `result` the recorded output; with zeros, each element's others
 * are gathered into a row of their own and multiplied by prod again, so every order stays exact.
 */
export function prodDiff(t: Tensor, d: number | null, result: Tensor): DiffBackwardFn {
  const dims = d === null ? t.shape.map((_, i) => i) : [d];
  return (g) => {
    const back = (v: Tensor) => expandBack(v, t.shape, dims);
    if (!t.data.some((v) => v === 0)) return [div(mul(back(g), back(result)), t)];
    return [mul(back(g), othersProduct(t, d))];
  };
}

/** For each element of t, the product of the others along `d` (of all others when d is null). */
function othersProduct(t: Tensor, d: number | null): Tensor {
  const { outer, size, inner } = d === null ? { outer: 1, size: t.data.length, inner: 1 } : splitAt(t.shape, d);
  const offsets = new Int32Array(t.data.length * Math.max(size - 1, 0));
  let p = 0;
  // Rows in t's own element order (o, k, i); row (o, k, i) lists the elements j != k of its line.
  for (let o = 0; o < outer; o++)
    for (let k = 0; k < size; k++)
      for (let i = 0; i < inner; i++)
        for (let m = 0; m < size - 1; m++) offsets[p++] = o * size * inner + (m < k ? m : m + 1) * inner + i;
  const rows = gatherOffsets(t, offsets, [t.data.length, Math.max(size - 1, 0)]);
  return reshape(prod(rows, 1), t.shape.slice());
}
