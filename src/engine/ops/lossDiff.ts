// The differentiable backward forms (Node.diff, used by create_graph=True) of the fused losses in loss.ts:
// each gradient written with recorded ops, so that a gradient penalty on it can be differentiated again.
import type { DiffBackwardFn } from '../autograd';
import { pyError } from '../errors';
import { Tensor, isFloatDType } from '../tensor';
import { dtypeName } from './util';
import { div, mul, neg, sub } from './arith';
import { log_softmax, sigmoid, softmaxBackward } from './activation';
import { clamp_min, log } from './unary';
import { expand, unsqueeze } from './view';
import { constantLike, elementwiseBackward, named, sumTo, type Derivatives } from './gradOps';
import type { Reduction } from './lossReduction';

/**
 * mse's derivatives in d = input - target. PyTorch 1.13 computes the loss of an integer target, but its
 * backward refuses it.
 */
export function mseDerivatives(input: Tensor, target: Tensor): Derivatives {
  if (isFloatDType(target.dtype)) return [(d) => 2 * d, () => 2, () => 0];
  return [
    () => {
      throw pyError('RuntimeError', `Found dtype ${dtypeName(target.dtype)} but expected ${dtypeName(input.dtype)}`);
    },
  ];
}

/** The output gradient g as the per-element factor of the loss gradient: divided by `denom` for 'mean'. */
function reductionScale(g: Tensor, reduction: Reduction, denom: number): Tensor {
  return reduction === 'mean' ? div(g, denom) : g;
}

/**
 * A pointwise loss of d = input - target (mse, l1, smooth_l1, huber): g scaled by the reduction times the
 * loss's derivative in d, one op `name` (MseLossBackwardBackward0...), summed back over broadcast dims.
 */
export function pointwiseDiff(
  input: Tensor,
  target: Tensor,
  reduction: Reduction,
  name: string,
  derivs: Derivatives,
): DiffBackwardFn {
  return (g) => {
    const d = sub(input, target);
    const full = elementwiseBackward(name, expand(reductionScale(g, reduction, d.data.length), d.shape), d, derivs);
    return [
      input.requiresGrad ? sumTo(full, input.shape) : null,
      target.requiresGrad ? sumTo(neg(full), target.shape) : null,
    ];
  };
}

export interface ClassIndexTerms {
  reduction: Reduction;
  ignoreIndex: number;
  labelSmoothing: number;
  logits: boolean;
}

/**
 * cross_entropy / nll_loss against class indices. nll_loss's input gradient is -G M with G the reduction's
 * scale of g and per element M = (1 - ls) w_t [c = t] + ls w_c / C (0 at ignored positions); cross_entropy
 * passes that through log_softmax's backward, as PyTorch composes it (and names its grad_fn).
 */
export function classIndexDiff(
  input: Tensor,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  o: ClassIndexTerms,
  { outer, C, inner }: { outer: number; C: number; inner: number },
  denom: number,
): DiffBackwardFn {
  return (g) => {
    const ls = o.labelSmoothing;
    const M = new Float64Array(input.data.length);
    for (let a = 0; a < outer; a++) {
      for (let b = 0; b < inner; b++) {
        const t = tg[a * inner + b];
        if (t === o.ignoreIndex) continue;
        for (let c = 0; c < C; c++) {
          M[a * C * inner + b + c * inner] = (1 - ls) * (c === t ? (w ? w[t] : 1) : 0) + (ls * (w ? w[c] : 1)) / C;
        }
      }
    }
    const classDim = input.ndim === 1 ? 0 : 1;
    let scale = reductionScale(g, o.reduction, denom);
    if (o.reduction === 'none') scale = unsqueeze(scale, classDim);
    const nllGrad = mul(
      scale,
      constantLike(input, (i) => -M[i]),
    );
    return [o.logits ? softmaxBackward(nllGrad, log_softmax(input, classDim), classDim, true) : nllGrad, null];
  };
}

/** G times a per-element core, dividing last for 'mean' as PyTorch's formulas do (its grad_fn DivBackward1). */
function scaled(core: Tensor, g: Tensor, reduction: Reduction, n: number): Tensor {
  // PyTorch's C++ formula divides by a Scalar (div.Scalar, DivBackward1), unlike Python's `t / n`.
  return reduction === 'mean' ? named(div(mul(core, g), n), 'DivBackward1') : mul(core, g);
}

/**
 * binary_cross_entropy, in the order of PyTorch's backward so that each step rounds as its does: the input's
 * g (x - y) / max((1 - x) x, 1e-12) and the target's (log(1 - x) - log(x)) g, each times w, divided by n for
 * 'mean'.
 */
export function bceDiff(input: Tensor, target: Tensor, w: Float32Array | null, reduction: Reduction): DiffBackwardFn {
  const finish = (t: Tensor): Tensor => {
    const weighted = w
      ? mul(
          t,
          constantLike(input, (i) => w[i]),
        )
      : t;
    return reduction === 'mean' ? named(div(weighted, input.data.length), 'DivBackward1') : weighted;
  };
  return (g) => {
    let gx: Tensor | null = null;
    if (input.requiresGrad) {
      gx = finish(div(mul(g, sub(input, target)), clamp_min(mul(sub(1, input), input), Math.fround(1e-12))));
    }
    const gt = target.requiresGrad ? finish(mul(sub(log(sub(1, input)), log(input)), g)) : null;
    return [gx, gt];
  };
}

/** binary_cross_entropy_with_logits: G w ((pw y + 1 - y) sigmoid(x) - pw y), pw = 1 without pos_weight. */
export function bceLogitsDiff(
  input: Tensor,
  target: Tensor,
  w: Float32Array | null,
  pw: Float32Array | null,
  reduction: Reduction,
): DiffBackwardFn {
  return (g) => {
    const y = target.data;
    const a = constantLike(input, (i) => (pw ? pw[i] * y[i] + 1 - y[i] : 1));
    const b = constantLike(input, (i) => (pw ? pw[i] * y[i] : y[i]));
    let core = sub(mul(a, sigmoid(input)), b);
    if (w)
      core = mul(
        core,
        constantLike(input, (i) => w[i]),
      );
    return [scaled(core, g, reduction, input.data.length), null];
  };
}
