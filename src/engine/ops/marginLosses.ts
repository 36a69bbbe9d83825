// The margin and embedding losses (margin_ranking, hinge_embedding, cosine_embedding, triplet_margin) and the
// pairwise distance under the triplet loss. PyTorch 1.13 builds each of them from ordinary ops in ATen
// (aten/src/ATen/native/Loss.cpp, Distance.cpp), so they are composed here from the same ops in the same
// order: the values round as PyTorch's do and the graph has PyTorch's nodes (MeanBackward0,
// ClampMinBackward0, AddBackward0, NormBackward1), the derivatives coming from those ops.
import { pyError } from '../errors';
import type { Tensor } from '../tensor';
import { fmtShape } from '../shape';
import { add, div, minimum, mul, neg, rsub, sub } from './arith';
import { eq, ne, where } from './compare';
import { zeros_like } from './create';
import { mean, norm, sum } from './reduce';
import { clamp_min, sqrt } from './unary';
import type { Reduction } from './lossReduction';

/** A tensor's size as Python prints it. */
const size = (t: Tensor): string => `torch.Size(${fmtShape(t.shape)})`;

/** ATen's apply_loss_reduction: mean() or sum() of the per-element losses, or the losses themselves. */
function applyReduction(losses: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'mean') return mean(losses);
  if (reduction === 'sum') return sum(losses);
  return losses;
}

/** max(0, -target * (input1 - input2) + margin). */
export function margin_ranking_loss(
  input1: Tensor,
  input2: Tensor,
  target: Tensor,
  margin = 0,
  reduction: Reduction = 'mean',
): Tensor {
  if (input1.ndim !== input2.ndim || input1.ndim !== target.ndim) {
    throw pyError(
      'RuntimeError',
      `margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: ${size(input1)}, input2: ${size(input2)}, target: ${size(target)} `,
    );
  }
  const unclamped = add(mul(neg(target), sub(input1, input2)), margin);
  return applyReduction(clamp_min(unclamped, 0), reduction);
}

/** input where target is 1, max(0, margin - input) where it is -1 (both for other targets, as PyTorch). */
export function hinge_embedding_loss(input: Tensor, target: Tensor, margin = 1, reduction: Reduction = 'mean'): Tensor {
  const zeros = zeros_like(input);
  const marginClamp = clamp_min(rsub(input, margin), 0);
  const outputMargin = where(ne(target, 1), marginClamp, zeros);
  const outputSelf = where(ne(target, -1), input, zeros);
  return applyReduction(add(outputMargin, outputSelf), reduction);
}

/** ATen's EPSILON of cosine_embedding_loss, added to both squared magnitudes. */
const COSINE_EPSILON = 1e-12;

/** 1 - cos(x1, x2) where target is 1, max(0, cos(x1, x2) - margin) where it is -1. */
export function cosine_embedding_loss(
  input1: Tensor,
  input2: Tensor,
  target: Tensor,
  margin = 0,
  reduction: Reduction = 'mean',
): Tensor {
  const targDim = target.ndim;
  if (targDim !== 0 && targDim !== 1) {
    throw pyError('RuntimeError', '0D or 1D target tensor expected, multi-target not supported');
  }
  const prodSum = sum(mul(input1, input2), targDim);
  const magSquare1 = add(sum(mul(input1, input1), targDim), COSINE_EPSILON);
  const magSquare2 = add(sum(mul(input2, input2), targDim), COSINE_EPSILON);
  const cos = div(prodSum, sqrt(mul(magSquare1, magSquare2)));
  const zeros = zeros_like(cos);
  const pos = rsub(cos, 1);
  const negative = clamp_min(sub(cos, margin), 0);
  const outputPos = where(eq(target, 1), pos, zeros);
  const outputNeg = where(eq(target, -1), negative, zeros);
  return applyReduction(add(outputPos, outputNeg), reduction);
}

/** ||x1 - x2 + eps||_p over the last dimension (of the broadcast shape). */
export function pairwise_distance(x1: Tensor, x2: Tensor, p = 2, eps = 1e-6, keepdim = false): Tensor {
  const innermost = Math.max(x1.ndim, x2.ndim) - 1;
  return norm(add(sub(x1, x2), eps), p, innermost, keepdim);
}

/** max(0, margin + d(anchor, positive) - d(anchor, negative)), d the pairwise p-distance. */
export function triplet_margin_loss(
  anchor: Tensor,
  positive: Tensor,
  negative: Tensor,
  margin = 1,
  p = 2,
  eps = 1e-6,
  swap = false,
  reduction: Reduction = 'mean',
): Tensor {
  const a = anchor.ndim;
  if (a !== positive.ndim || a !== negative.ndim) {
    throw pyError(
      'RuntimeError',
      `All inputs should have same dimension but got ${a}D, ${positive.ndim}D and ${negative.ndim}D inputs.`,
    );
  }
  const distPos = pairwise_distance(anchor, positive, p, eps);
  let distNeg = pairwise_distance(anchor, negative, p, eps);
  if (swap) distNeg = minimum(distNeg, pairwise_distance(positive, negative, p, eps));
  return applyReduction(clamp_min(sub(add(distPos, margin), distNeg), 0), reduction);
}
