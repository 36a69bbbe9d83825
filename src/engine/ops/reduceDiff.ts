// The differentiable backward forms (Node.diff, used by create_graph=True) of the reductions in reduce.ts.
import type { DiffBackwardFn } from '../autograd';
import { Tensor } from '../tensor';
import { div, mul, sub } from './arith';
import { exp } from './unary';
import { mean } from './reduce';
import { constantLike, expandBack, scatterOffsets } from './gradOps';

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
