// multi_margin_loss: the multi-class hinge loss of a linear SVM, sum over classes i != y of
// max(0, margin - x[y] + x[i])^p (times weight[y]) / C per sample. PyTorch 1.13 has its own CPU kernel for it
// (ATen's LossMultiMargin.cpp) with the derivative MultiMarginLossBackward0, so this is one op whose forward and
// backward take the kernel's float32 steps: each sample's sum in float32, divided by C, the samples summed in
// double for 'mean' and 'sum'; the gradient scale 1 / (N * C) (or 1 / C) rounded once, then multiplied by the
// output gradient. PyTorch has no derivative of that backward, so a create_graph gradient is NotImplemented.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, floats, isFloatDType } from '../tensor';
import { fmtShape } from '../shape';
import { dtypeName, floatData } from './util';
import { notImplemented } from './modulo';
import type { Reduction } from './lossReduction';

/** Samples and classes: a 2-D input is (N, C); a 1-D one a single sample of C scores; a 0-d one one score. */
interface Layout {
  nframe: number;
  dim: number;
}

/** ATen's shape checks, and the weight size check of later PyTorch (1.13 reads past a short weight). */
function layout(input: Tensor, target: Tensor, weight: Tensor | null): Layout {
  const s = input.shape;
  const nd = s.length;
  const valid = (nd === 2 && s[1] !== 0) || (nd === 1 && s[0] !== 0) || nd === 0;
  if (!valid) {
    throw pyError(
      'RuntimeError',
      `Expected non-empty vector or matrix with optional 0-dim batch size, but got: ${fmtShape(s)}`,
    );
  }
  const nframe = nd <= 1 ? 1 : s[0];
  const dim = nd === 0 ? 1 : nd === 1 ? s[0] : s[1];
  if (target.ndim > 1 || target.data.length !== nframe) {
    throw pyError('RuntimeError', `inconsistent target size, got: ${fmtShape(target.shape)}`);
  }
  if (weight && (weight.ndim > 1 || weight.data.length !== dim)) {
    throw pyError('RuntimeError', `inconsistent weight size, expected ${dim} but got ${fmtShape(weight.shape)}`);
  }
  return { nframe, dim };
}

/** The dtype checks ATen's dispatch makes once the shapes pass: float input, int64 target, weight as input. */
function checkDTypes(input: Tensor, target: Tensor, weight: Tensor | null): void {
  if (!isFloatDType(input.dtype)) {
    throw pyError('RuntimeError', `"multi_margin_loss_cpu_kernel" not implemented for '${dtypeName(input.dtype)}'`);
  }
  if (target.dtype !== 'int64') {
    throw pyError('RuntimeError', `expected scalar type Long but found ${dtypeName(target.dtype)}`);
  }
  if (weight && weight.dtype !== input.dtype) {
    throw pyError(
      'RuntimeError',
      `expected scalar type ${dtypeName(input.dtype)} but found ${dtypeName(weight.dtype)}`,
    );
  }
}

function targetIndex(targets: ArrayLike<number>, t: number, dim: number): number {
  const idx = targets[t];
  if (!(idx >= 0 && idx < dim)) throw pyError('RuntimeError', 'target out of range');
  return idx;
}

/** What the kernels read: values in the input's precision, `rd` rounding to it (float32 or float64). */
interface Operands {
  x: Float32Array;
  targets: ArrayLike<number>;
  w: Float32Array | null;
  p: number;
  margin: number;
  rd: (v: number) => number;
  nframe: number;
  dim: number;
}

/** One sample's loss: its hinge terms added in class order in the input's precision, then divided by C. */
function sampleLoss(o: Operands, row: number): number {
  const { x, w, p, margin, rd, dim } = o;
  const base = row * dim;
  const idx = targetIndex(o.targets, row, dim);
  const xTarget = x[base + idx];
  let s = 0;
  for (let d = 0; d < dim; d++) {
    if (d === idx) continue;
    const z = rd(rd(margin - xTarget) + x[base + d]);
    if (z > 0) {
      let h = p === 1 ? z : rd(z * z);
      if (w) h = rd(h * w[idx]);
      s = rd(s + h);
    }
  }
  return rd(s / dim);
}

/** The losses: one per sample for 'none' with a target of one dimension, else their sum (or mean) in double. */
function forward(o: Operands, perSample: boolean, reduction: Reduction): Float32Array {
  if (perSample) {
    const out = floats(o.nframe);
    for (let t = 0; t < o.nframe; t++) out[t] = sampleLoss(o, t);
    return out;
  }
  let acc = 0;
  for (let t = 0; t < o.nframe; t++) acc += sampleLoss(o, t);
  // 1.13 returns its uninitialised output for an empty batch; the empty sum is 0 and the empty mean NaN.
  if (reduction === 'mean') acc /= o.nframe;
  const out = floats(1);
  out[0] = acc;
  return out;
}

/**
 * The input's gradient for the output gradient `g` (one value, or one per sample): each hinge that is active
 * sends g0 (p = 1) or 2 * g0 * z (p = 2), times weight[y], to its class and takes it from the target class,
 * g0 = 1 / (N * C) for 'mean' and 1 / C otherwise, rounded once; the whole then scaled by g.
 */
function backward(o: Operands, g: ArrayLike<number>, reduction: Reduction, perSample: boolean): Float32Array {
  const { x, w, p, margin, rd, nframe, dim } = o;
  const gi = floats(nframe * dim);
  const g0 = rd(reduction === 'mean' ? 1 / (nframe * dim) : 1 / dim);
  for (let t = 0; t < nframe; t++) {
    const base = t * dim;
    const idx = targetIndex(o.targets, t, dim);
    const xTarget = x[base + idx];
    let gTarget = 0;
    for (let d = 0; d < dim; d++) {
      if (d === idx) continue;
      const z = rd(rd(margin - xTarget) + x[base + d]);
      if (z > 0) {
        let h = p === 1 ? g0 : rd(2 * g0 * z);
        if (w) h = rd(h * w[idx]);
        gTarget = rd(gTarget - h);
        gi[base + d] = h;
      } else gi[base + d] = 0;
    }
    gi[base + idx] = gTarget;
  }
  if (!perSample) {
    const k = g[0];
    for (let i = 0; i < gi.length; i++) gi[i] = rd(gi[i] * k);
  } else {
    for (let t = 0; t < nframe; t++) for (let d = 0; d < dim; d++) gi[t * dim + d] = rd(gi[t * dim + d] * g[t]);
  }
  return gi;
}

function checkReduction(r: string): asserts r is Reduction {
  if (r !== 'mean' && r !== 'sum' && r !== 'none') {
    throw pyError('ValueError', `${r} is not a valid value for reduction`);
  }
}

/**
 * torch._C._nn.multi_margin_loss(input, target, p, margin, weight, reduction): input (N, C), (C) or a scalar,
 * target int64 class indices (N) or one; p 1 or 2. 'none' gives one loss per sample, a scalar for a 0-d target.
 */
export function multi_margin_loss(
  input: Tensor,
  target: Tensor,
  p = 1,
  margin = 1,
  weight: Tensor | null = null,
  reduction: Reduction = 'mean',
): Tensor {
  checkReduction(reduction);
  if (weight && weight.requiresGrad && isGradEnabled()) {
    throw pyError(
      'RuntimeError',
      "The function 'multi_margin_loss' is not differentiable with respect to argument 'weight'. " +
        'This input cannot have requires_grad True.',
    );
  }
  if (p !== 1 && p !== 2) throw pyError('RuntimeError', 'only p == 1 and p == 2 supported');
  const { nframe, dim } = layout(input, target, weight);
  const perSample = reduction === 'none' && target.ndim > 0;
  const outShape = perSample ? [nframe] : [];
  let out: Float32Array;
  let operands: Operands | null = null;
  if (input.data.length === 0) {
    out = floats(perSample ? 0 : 1);
    if (!perSample && reduction === 'mean') out[0] = NaN;
  } else {
    checkDTypes(input, target, weight);
    const rd = input.dtype === 'float32' ? Math.fround : (v: number) => v;
    operands = {
      x: floatData(input),
      targets: target.data,
      w: weight ? floatData(weight) : null,
      p,
      margin: rd(margin),
      rd,
      nframe,
      dim,
    };
    out = forward(operands, perSample, reduction);
  }
  const o = operands;
  const gradOf = (g: ArrayLike<number>): Float32Array => (o ? backward(o, g, reduction, perSample) : floats(0));
  const node =
    isGradEnabled() && input.requiresGrad
      ? new Node(
          'MultiMarginLossBackward0',
          [input],
          (g) => [gradOf(g)],
          // The same values for create_graph, from a node that raises if backward reaches it, as PyTorch's.
          (g) => {
            const recording = isGradEnabled() && (g.requiresGrad || input.requiresGrad);
            const node = recording ? notImplemented('multi_margin_loss_backward', [g, input]) : null;
            return [Tensor.result(gradOf(g.data), input.shape, node)];
          },
        )
          .save(input)
          .save(target)
          .save(weight)
      : null;
  return Tensor.result(out, outShape, node);
}
