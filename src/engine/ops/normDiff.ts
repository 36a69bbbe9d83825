// The differentiable backward forms (Node.diff, used by create_graph=True) of batch_norm (batchnorm.ts) and
// layer_norm (layernorm.ts): their gradients written with recorded ops, the statistics recomputed from x so
// that a second derivative sees how they move with it (PyTorch's batchnorm_double_backward and
// layer_norm_double_backward give the same values). The plain backward keeps the fused CPU-ordered loops.
import type { DiffBackwardFn } from '../autograd';
import { Tensor } from '../tensor';
import { add, mul, sub } from './arith';
import { rsqrt } from './unary';
import { mean, sum } from './reduce';
import { reshape } from './view';
import { sumTo } from './gradOps';

/** x normalised over `dims` (keepdim statistics from x itself): (x - mean) / sqrt(var + eps), biased var. */
function normalized(x: Tensor, dims: number[], eps: number): { xhat: Tensor; invstd: Tensor } {
  const centred = sub(x, mean(x, dims, true));
  const invstd = rsqrt(add(mean(mul(centred, centred), dims, true), eps));
  return { xhat: mul(centred, invstd), invstd };
}

/**
 * The input gradient of a normalisation over `dims` given gw = g * weight: invstd * (gw - mean(gw) -
 * xhat * mean(gw * xhat)).
 */
function normalizedInputGrad(gw: Tensor, xhat: Tensor, invstd: Tensor, dims: number[]): Tensor {
  const centred = sub(gw, mean(gw, dims, true));
  return mul(invstd, sub(centred, mul(xhat, mean(mul(gw, xhat), dims, true))));
}

/** [1, C, 1, ...]: a per-channel tensor shaped to broadcast over x [N, C, ...]. */
function channelShape(x: Tensor): number[] {
  return x.shape.map((s, i) => (i === 1 ? s : 1));
}

/** Constant per-channel statistics (eval mode's running mean and invstd) shaped to broadcast over x. */
function channelConstant(values: ArrayLike<number>, x: Tensor): Tensor {
  const shape = channelShape(x);
  const data = x.dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
  return new Tensor(data, shape, x.dtype);
}

/**
 * NativeBatchNormBackward0 for create_graph. Training normalises with the batch statistics (recomputed
 * from x); eval with the running ones (`mean`, `invstd`: constants).
 */
export function batchNormDiff(
  x: Tensor,
  weight: Tensor | null,
  bias: Tensor | null,
  training: boolean,
  eps: number,
  stats: { mean: ArrayLike<number>; invstd: ArrayLike<number> },
): DiffBackwardFn {
  const dims = x.shape.map((_, i) => i).filter((i) => i !== 1);
  return (g) => {
    let xhat: Tensor;
    let invstd: Tensor;
    if (training) ({ xhat, invstd } = normalized(x, dims, eps));
    else {
      invstd = channelConstant(stats.invstd, x);
      xhat = mul(sub(x, channelConstant(stats.mean, x)), invstd);
    }
    const gw = weight ? mul(g, reshape(weight, channelShape(x))) : g;
    let gx: Tensor | null = null;
    if (x.requiresGrad) gx = training ? normalizedInputGrad(gw, xhat, invstd, dims) : mul(gw, invstd);
    return [
      gx,
      weight && weight.requiresGrad ? reshape(sum(mul(g, xhat), dims), weight.shape.slice()) : null,
      bias && bias.requiresGrad ? reshape(sum(g, dims), bias.shape.slice()) : null,
    ];
  };
}

/** NativeLayerNormBackward0 for create_graph: statistics over the last `k` dims, weight and bias of that shape. */
export function layerNormDiff(
  x: Tensor,
  k: number,
  weight: Tensor | null,
  bias: Tensor | null,
  eps: number,
): DiffBackwardFn {
  const dims = x.shape.map((_, i) => i).slice(x.ndim - k);
  const inner = x.shape.slice(x.ndim - k);
  return (g) => {
    const { xhat, invstd } = normalized(x, dims, eps);
    const gw = weight ? mul(g, reshape(weight, inner)) : g;
    return [
      x.requiresGrad ? normalizedInputGrad(gw, xhat, invstd, dims) : null,
      weight && weight.requiresGrad ? reshape(sumTo(mul(g, xhat), inner), weight.shape.slice()) : null,
      bias && bias.requiresGrad ? reshape(sumTo(g, inner), bias.shape.slice()) : null,
    ];
  };
}
