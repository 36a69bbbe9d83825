// Loss functions (torch.nn.functional names), each one fused op: a direct forward loop and its gradient,
// with `reduction` 'mean' | 'sum' | 'none'. grad_fn names follow PyTorch 1.13 (l1_loss is composite there,
// so its node is the reduction's; cross_entropy shows NllLossBackward0, or the last op of its formula).
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { saveBroadcast } from '../savedVersions';
import type { Derivatives } from './gradOps';
import { bceDiff, bceLogitsDiff, classIndexDiff, mseDerivatives, pointwiseDiff } from './lossDiff';
import { Tensor, floats, isFloatDType } from '../tensor';
import { Shape, sameShape } from '../shape';
import { BinaryPlan, SAME, binaryPlan, dtypeName, floatData } from './util';
import { ClassLayout, logProbabilities } from './classLogProbs';
import { checkTarget, classLayout } from './classTargets';
import { classIndexF32, classProbF32 } from './classLossF32';
import { bceInputGrad, bceLosses, bceTargetGrad } from './bceKernels';
import { bceLogitsGrad32, huberGrad32, mseGrad32, smoothL1Grad32 } from './lossGradKernels';
import { sigmoidfLoop } from './sleefExp';
import { inFloat64Mode, setFloat64Mode } from '../buffers';
import {
  Reduction,
  broadcastWeight,
  checkWeight,
  gradScale,
  lossRounding,
  lossScratch,
  reduce,
  reduceLosses,
  sumToShape,
} from './lossReduction';

export type { Reduction } from './lossReduction';

function checkReduction(r: string): asserts r is Reduction {
  if (r !== 'mean' && r !== 'sum' && r !== 'none')
    throw pyError('ValueError', `${r} is not a valid value for reduction`);
}

function torchSize(s: Shape): string {
  return `torch.Size([${s.join(', ')}])`;
}

/**
 * Elementwise loss of input and target with broadcasting, reduced. `f(d)` is the loss of one difference
 * d = input - target and `derivs` its derivatives in d (the gradient, create_graph's op `gradName` beyond);
 * the target's gradient is the negative.
 */
function pointwiseLoss(
  input: Tensor,
  target: Tensor,
  reduction: string,
  op: string,
  names: { mean: string; sum: string; none: string },
  f: (d: number) => number,
  derivs: Derivatives,
  gradName: string,
  grad32?: Grad32,
): Tensor {
  checkReduction(reduction);
  const df = derivs[0];
  const x = floatData(input);
  const y = floatData(target);
  const p: BinaryPlan = binaryPlan(input.shape, target.shape, op);
  const n = p.n;
  const diff = new Float64Array(n);
  if (p.mode === SAME) for (let i = 0; i < n; i++) diff[i] = x[i] - y[i];
  else {
    const xi = (i: number) => (p.ia ? p.ia[i] : x.length === 1 ? 0 : i);
    const yi = (i: number) => (p.ib ? p.ib[i] : y.length === 1 ? 0 : i);
    for (let i = 0; i < n; i++) diff[i] = x[xi(i)] - y[yi(i)];
  }
  let out: Float32Array;
  let outShape: number[];
  const rd = lossRounding();
  if (reduction === 'none') {
    out = floats(n);
    for (let i = 0; i < n; i++) out[i] = f(rd(diff[i]));
    outShape = p.shape;
  } else {
    const losses = lossScratch(n);
    for (let i = 0; i < n; i++) losses[i] = f(rd(diff[i]));
    out = reduceLosses(losses, n, reduction, n);
    outShape = [];
  }
  const needs = isGradEnabled() && (input.requiresGrad || target.requiresGrad);
  const node = needs
    ? new Node(names[reduction], [input, target], (g) => {
        const fused = grad32 && !inFloat64Mode() && isFloatDType(target.dtype);
        const inputGrad = (d: Float64Array) => {
          const full = floats(n);
          if (fused) grad32(d, g, full);
          else if (reduction === 'none') for (let i = 0; i < n; i++) full[i] = g[i] * df(rd(d[i]));
          else {
            const k = reduction === 'mean' ? g[0] / n : g[0];
            for (let i = 0; i < n; i++) full[i] = k * df(rd(d[i]));
          }
          return full;
        };
        // The target's gradient: PyTorch's backward with the operands swapped (target - input, +0 where equal)
        // for the fused kernels, else the input's negated (SubBackward0); either is then summed to its shape.
        const targetGrad = () => {
          if (fused) return inputGrad(diff.map((v) => (v === 0 ? 0 : -v)));
          return (gx ?? inputGrad(diff)).map((v) => -v);
        };
        const to = (t: Tensor, full: Float32Array) => (t.data.length === n ? full : sumToShape(full, p.shape, t.shape));
        const gx = input.requiresGrad ? inputGrad(diff) : null;
        return [gx && to(input, gx), target.requiresGrad ? to(target, targetGrad()) : null];
      })
    : null;
  if (node && isFloatDType(target.dtype)) node.diff = pointwiseDiff(input, target, reduction, gradName, derivs);
  return Tensor.result(out, outShape, node);
}

const zero = () => 0;

/** A loss's float32 input gradient in PyTorch's steps (lossGradKernels.ts) from d = input - target and g. */
type Grad32 = (d: Float64Array, g: Float32Array, out: Float32Array) => void;

function warnBroadcast(input: Tensor, target: Tensor, op: string): void {
  if (!sameShape(input.shape, target.shape)) {
    // PyTorch warns (UserWarning) and broadcasts; a learner's shape slip should be visible.
    lossWarning(
      `Using a target size (${torchSize(target.shape)}) that is different to the input size (${torchSize(input.shape)}). ` +
        'This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.',
      op,
    );
  }
}

type WarningSink = (message: string, op: string) => void;
let lossWarning: WarningSink = () => {};

/** The runtime routes PyTorch's UserWarnings (e.g. mse_loss broadcasting) to the script's stderr. */
export function setWarningSink(sink: WarningSink): void {
  lossWarning = sink;
}

export function mse_loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  warnBroadcast(input, target, 'mse_loss');
  if (
    reduction === 'mean' &&
    sameShape(input.shape, target.shape) &&
    input.dtype === 'float32' &&
    target.dtype === 'float32'
  ) {
    return mseMeanFast(input, target);
  }
  const names = { mean: 'MseLossBackward0', sum: 'MseLossBackward0', none: 'MseLossBackward0' };
  const loss = pointwiseLoss(
    input,
    target,
    reduction,
    'mse_loss',
    names,
    (d) => d * d,
    mseDerivatives(input, target),
    'MseLossBackwardBackward0',
    (d, g, out) => mseGrad32(d, g, reduction, out),
  );
  saveBroadcast(loss.gradFn, input, target);
  return loss;
}

/** The training-loop case: same shapes, mean. One pass, no intermediate buffers. */
function mseMeanFast(input: Tensor, target: Tensor): Tensor {
  const x = input.data as Float32Array;
  const y = target.data as Float32Array;
  const n = x.length;
  const sq = lossScratch(n);
  for (let i = 0; i < n; i++) {
    const d = Math.fround(x[i] - y[i]);
    sq[i] = d * d;
  }
  const out = reduceLosses(sq, n, 'mean', n);
  const needs = isGradEnabled() && (input.requiresGrad || target.requiresGrad);
  const node = needs
    ? new Node('MseLossBackward0', [input, target], (g) => {
        // mse_loss_backward's float32 steps: norm = 2/n rounded, then norm * (x - y) * g (lossGradKernels.ts).
        const norm = Math.fround(2 / n);
        const gx = input.requiresGrad ? floats(n) : null;
        const gy = target.requiresGrad ? floats(n) : null;
        for (let i = 0; i < n; i++) {
          const v = Math.fround(Math.fround(norm * Math.fround(x[i] - y[i])) * g[0]);
          if (gx) gx[i] = v;
          // mse_loss_backward with the operands swapped: (y - x) is +0, not -0, where they are equal.
          if (gy) gy[i] = x[i] === y[i] ? v : -v;
        }
        return [gx, gy];
      })
    : null;
  if (node) node.diff = pointwiseDiff(input, target, 'mean', 'MseLossBackwardBackward0', mseDerivatives(input, target));
  return Tensor.result(out, [], node?.save(input).save(target) ?? null);
}

export function l1_loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  warnBroadcast(input, target, 'l1_loss');
  const names = { mean: 'MeanBackward0', sum: 'SumBackward0', none: 'AbsBackward0' };
  const sign = (d: number) => (d > 0 ? 1 : d < 0 ? -1 : 0);
  // l1_loss is composite in PyTorch: its first derivative prints MulBackward0 (sign(d) * g).
  return pointwiseLoss(input, target, reduction, 'l1_loss', names, Math.abs, [sign, zero, zero], 'MulBackward0');
}

export function smooth_l1_loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean', beta = 1): Tensor {
  warnBroadcast(input, target, 'smooth_l1_loss');
  if (beta < 0) throw pyError('RuntimeError', 'smooth_l1_loss does not support negative values for beta.');
  if (beta === 0) return l1_loss(input, target, reduction);
  const names = { mean: 'SmoothL1LossBackward0', sum: 'SmoothL1LossBackward0', none: 'SmoothL1LossBackward0' };
  return pointwiseLoss(
    input,
    target,
    reduction,
    'smooth_l1_loss',
    names,
    (d) => (Math.abs(d) < beta ? (0.5 * d * d) / beta : Math.abs(d) - 0.5 * beta),
    [
      (d) => (Math.abs(d) < beta ? d / beta : d > 0 ? 1 : d < 0 ? -1 : 0),
      (d) => (Math.abs(d) < beta ? 1 / beta : 0),
      zero,
    ],
    'SmoothL1LossBackwardBackward0',
    (d, g, out) => smoothL1Grad32(d, g, reduction, beta, out),
  );
}

export function huber_loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean', delta = 1): Tensor {
  warnBroadcast(input, target, 'huber_loss');
  if (!(delta > 0)) throw pyError('RuntimeError', 'huber_loss does not support non-positive values for delta.');
  const names = { mean: 'HuberLossBackward0', sum: 'HuberLossBackward0', none: 'HuberLossBackward0' };
  return pointwiseLoss(
    input,
    target,
    reduction,
    'huber_loss',
    names,
    (d) => (Math.abs(d) < delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta)),
    [(d) => (Math.abs(d) < delta ? d : d > 0 ? delta : d < 0 ? -delta : 0), (d) => (Math.abs(d) < delta ? 1 : 0), zero],
    'HuberLossBackwardBackward0',
    (d, g, out) => huberGrad32(d, g, reduction, delta, out),
  );
}

export function binary_cross_entropy(
  input: Tensor,
  target: Tensor,
  weight: Tensor | null = null,
  reduction: Reduction = 'mean',
): Tensor {
  checkReduction(reduction);
  if (!sameShape(input.shape, target.shape)) {
    throw pyError(
      'ValueError',
      `Using a target size (${torchSize(target.shape)}) that is different to the input size (${torchSize(input.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  }
  if (!isFloatDType(target.dtype)) {
    throw pyError('RuntimeError', `Found dtype ${dtypeName(target.dtype)} but expected ${dtypeName(input.dtype)}`);
  }
  const x = floatData(input);
  const y = floatData(target);
  const n = x.length;
  const w = weight ? broadcastWeight(weight, input.shape) : null;
  const losses = bceLosses(x, y, w);
  const r = reduce(losses, input.shape, reduction, n);
  const needs = isGradEnabled() && (input.requiresGrad || target.requiresGrad);
  const node = needs
    ? new Node('BinaryCrossEntropyBackward0', [input, target], (g) => [
        input.requiresGrad ? bceInputGrad(g, x, y, w, reduction) : null,
        target.requiresGrad ? bceTargetGrad(g, x, w, reduction) : null,
      ])
    : null;
  if (node) node.save(input).save(target).diff = bceDiff(input, target, w, reduction);
  return Tensor.result(r.out, r.shape, node);
}

/** BCE on logits, stable for large |x|: (1 - y) x + log(1 + e^-x) written via max(-x, 0). */
export function binary_cross_entropy_with_logits(
  input: Tensor,
  target: Tensor,
  weight: Tensor | null = null,
  reduction: Reduction = 'mean',
  posWeight: Tensor | null = null,
): Tensor {
  checkReduction(reduction);
  if (!sameShape(input.shape, target.shape)) {
    throw pyError(
      'ValueError',
      `Target size (${torchSize(target.shape)}) must be the same as input size (${torchSize(input.shape)})`,
    );
  }
  if (!isFloatDType(target.dtype)) {
    throw pyError(
      'RuntimeError',
      `result type ${dtypeName(input.dtype)} can't be cast to the desired output type ${dtypeName(target.dtype)}`,
    );
  }
  const x = floatData(input);
  const y = floatData(target);
  const n = x.length;
  const w = weight ? broadcastWeight(weight, input.shape) : null;
  const pw = posWeight ? broadcastWeight(posWeight, input.shape) : null;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const t = y[i];
    // log(1 + e^-v) = max(-v, 0) + log(e^-max + e^(-v-max)), no overflow at either end.
    const m = Math.max(-v, 0);
    const softplusNeg = m + Math.log(Math.exp(-m) + Math.exp(-v - m));
    const l = pw ? (1 - t) * v + (1 + (pw[i] - 1) * t) * softplusNeg : (1 - t) * v + softplusNeg;
    losses[i] = (w ? w[i] : 1) * l;
  }
  // PyTorch builds the loss in place on `1 - target`, so its dtype is the target's: float64 logits against a
  // float32 target (torch.tensor of numpy logits) give a float32 loss, reduced in float32.
  const narrow = target.dtype === 'float32' && input.dtype === 'float64';
  const mode = narrow ? setFloat64Mode(false) : false;
  let r: ReturnType<typeof reduce>;
  try {
    r = reduce(losses, input.shape, reduction, n);
  } finally {
    if (narrow) setFloat64Mode(mode);
  }
  const needs = isGradEnabled() && input.requiresGrad;
  const node = needs
    ? new Node('BinaryCrossEntropyWithLogitsBackward0', [input, target], (g) => {
        const gx = floats(n);
        if (x instanceof Float32Array && y instanceof Float32Array && gx instanceof Float32Array) {
          // PyTorch's float32 steps: torch.sigmoid's kernel, then its backward's ops (lossGradKernels.ts).
          const s = new Float32Array(n);
          sigmoidfLoop(x, s);
          bceLogitsGrad32(s, y, g, w, pw, reduction, gx);
          return [gx, null];
        }
        const k = gradScale(g, reduction, n);
        for (let i = 0; i < n; i++) {
          const s = 1 / (1 + Math.exp(-x[i]));
          const t = y[i];
          const d = pw ? (pw[i] * t + 1 - t) * s - pw[i] * t : s - t;
          gx[i] = k(i) * (w ? w[i] : 1) * d;
        }
        return [gx, null];
      })
    : null;
  if (node) node.save(input).save(target).diff = bceLogitsDiff(input, target, w, pw, reduction);
  return Tensor.result(r.out, r.shape, node);
}

interface ClassLossOptions {
  weight: Tensor | null;
  ignoreIndex: number;
  reduction: Reduction;
  labelSmoothing: number;
  /** true: input holds logits (cross_entropy); false: log-probabilities (nll_loss). */
  logits: boolean;
}

/** Per-position losses against class indices (ignored positions 0) and the sum of their weights. */
function classIndexLosses(
  logp: Float64Array,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  o: ClassLossOptions,
  { outer, C, inner }: ClassLayout,
): { losses: Float64Array; denom: number } {
  const ls = o.labelSmoothing;
  const losses = new Float64Array(outer * inner);
  let denom = 0;
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      const pos = a * inner + b;
      const t = tg[pos];
      if (t === o.ignoreIndex) continue;
      if (!(t >= 0 && t < C)) throw pyError('IndexError', `Target ${t} is out of bounds.`);
      const base = a * C * inner + b;
      const wt = w ? w[t] : 1;
      denom += wt;
      let l = -wt * logp[base + t * inner];
      if (ls > 0) {
        let smooth = 0;
        for (let c = 0; c < C; c++) smooth -= (w ? w[c] : 1) * logp[base + c * inner];
        l = (1 - ls) * l + (ls / C) * smooth;
      }
      losses[pos] = l;
    }
  }
  return { losses, denom };
}

/** Gradient of a class-index loss for its input, given the per-position scale of the output gradient. */
function classIndexGrad(
  scaleAt: (pos: number) => number,
  logp: Float64Array,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  o: ClassLossOptions,
  { outer, C, inner }: ClassLayout,
): Float32Array {
  const ls = o.labelSmoothing;
  let wSum = C;
  if (w) {
    wSum = 0;
    for (let c = 0; c < C; c++) wSum += w[c];
  }
  const gx = floats(logp.length);
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      const pos = a * inner + b;
      const t = tg[pos];
      if (t === o.ignoreIndex) continue;
      const base = a * C * inner + b;
      const scale = scaleAt(pos);
      const wt = w ? w[t] : 1;
      for (let c = 0; c < C; c++) {
        const j = base + c * inner;
        let d: number;
        if (o.logits) {
          // d/dx_c of -w_t log p_t = w_t (p_c - [c = t]); the smoothing term gives p_c W - w_c.
          const p = Math.exp(logp[j]);
          d = (1 - ls) * wt * (p - (c === t ? 1 : 0));
          if (ls > 0) d += (ls / C) * (p * wSum - (w ? w[c] : 1));
        } else {
          d = (1 - ls) * (c === t ? -wt : 0);
          if (ls > 0) d -= (ls / C) * (w ? w[c] : 1);
        }
        gx[j] = scale * d;
      }
    }
  }
  return gx;
}

/** Fused log_softmax + nll (+ label smoothing) over class indices. */
function classIndexLoss(input: Tensor, target: Tensor, o: ClassLossOptions, opName: string): Tensor {
  const layout = classLayout(input);
  checkTarget(input, target, layout.targetShape);
  if (!isFloatDType(input.dtype)) throw pyError('RuntimeError', `"${opName}" not implemented for 'Long'`);
  const w = checkWeight(o.weight, layout.C, '', input.ndim > 2);
  const tg = target.data;
  // PyTorch routes inputs of 3+ dims through nll_loss2d (a view around it for 'none' unless exactly 4-D).
  const name =
    o.labelSmoothing > 0
      ? 'AddBackward0'
      : input.ndim <= 2
        ? 'NllLossBackward0'
        : o.reduction === 'none' && input.ndim !== 4
          ? 'ViewBackward0'
          : 'NllLoss2DBackward0';
  const x = input.data;
  if (x instanceof Float32Array && (!w || w.length === layout.C)) {
    // float32: PyTorch's own kernels and steps, forward and backward (classLossF32.ts).
    const zeroDim = input.ndim === 1 || o.reduction !== 'none';
    const r = classIndexF32(x, tg, w, { ...o, zeroDim }, layout, input.ndim <= 2);
    const node =
      isGradEnabled() && input.requiresGrad ? new Node(name, [input, target], (g) => [r.backward(g), null]) : null;
    // nll_loss saves the target (its version is checked; an inference target is refused).
    if (node) node.save(target).diff = classIndexDiff(input, tg, w, o, layout, r.denom);
    const out = floats(r.out.length);
    out.set(r.out);
    return Tensor.result(out, o.reduction === 'none' ? layout.targetShape : [], node);
  }
  const logp = logProbabilities(input.data as Float32Array, layout, o.logits);
  const { losses, denom } = classIndexLosses(logp, tg, w, o, layout);
  const r = reduce(losses, layout.targetShape, o.reduction, denom);
  const node =
    isGradEnabled() && input.requiresGrad
      ? new Node(name, [input, target], (g) => {
          const scale = gradScale(g, o.reduction, denom);
          return [classIndexGrad(scale, logp, tg, w, o, layout), null];
        })
      : null;
  if (node) node.save(target).diff = classIndexDiff(input, tg, w, o, layout, denom);
  return Tensor.result(r.out, r.shape, node);
}

/** Cross entropy against class probabilities (target has the input's shape). */
function classProbLoss(input: Tensor, target: Tensor, o: ClassLossOptions): Tensor {
  const { outer, C, inner, targetShape } = classLayout(input);
  const w = checkWeight(o.weight, C, 'cross_entropy: ');
  const x = input.data as Float32Array;
  const y = floatData(target);
  const name = o.reduction === 'mean' ? 'DivBackward1' : 'NegBackward0';
  if (x instanceof Float32Array && y instanceof Float32Array && (!w || w.length === C)) {
    // float32: PyTorch's composition of kernels, forward and backward (classLossF32.ts).
    const r = classProbF32(x, y, w, o.labelSmoothing, o.reduction, { outer, C, inner }, input.ndim <= 2);
    const node =
      isGradEnabled() && (input.requiresGrad || target.requiresGrad)
        ? new Node(name, [input, target], (g) => r.backward(g, input.requiresGrad, target.requiresGrad))
        : null;
    const out = floats(r.out.length);
    out.set(r.out);
    return Tensor.result(out, o.reduction === 'none' ? targetShape : [], node);
  }
  const ls = o.labelSmoothing;
  const positions = outer * inner;
  const logp = logProbabilities(x, { outer, C, inner }, true);
  const tsm = (j: number) => (ls > 0 ? y[j] * (1 - ls) + ls / C : y[j]);
  /** Each position's loss, summed over its classes in double (reduced by `reduce`). */
  const positionLosses = () => {
    const losses = new Float64Array(positions);
    for (let a = 0; a < outer; a++) {
      for (let b = 0; b < inner; b++) {
        const base = a * C * inner + b;
        let l = 0;
        for (let c = 0; c < C; c++) l -= (w ? w[c] : 1) * tsm(base + c * inner) * logp[base + c * inner];
        losses[a * inner + b] = l;
      }
    }
    return losses;
  };
  const denom = positions;
  const r = reduce(positionLosses(), targetShape, o.reduction, denom);
  const needs = isGradEnabled() && (input.requiresGrad || target.requiresGrad);
  const node = needs
    ? new Node(name, [input, target], (g) => {
        const k = gradScale(g, o.reduction, denom);
        const gx = input.requiresGrad ? floats(x.length) : null;
        const gy = target.requiresGrad ? floats(y.length) : null;
        for (let a = 0; a < outer; a++) {
          for (let b = 0; b < inner; b++) {
            const base = a * C * inner + b;
            const scale = k(a * inner + b);
            // d/dx_c = p_c S - w_c T_c with S = sum_k w_k T_k
            let S = 0;
            for (let c = 0; c < C; c++) S += (w ? w[c] : 1) * tsm(base + c * inner);
            for (let c = 0; c < C; c++) {
              const j = base + c * inner;
              const wc = w ? w[c] : 1;
              if (gx) gx[j] = scale * (Math.exp(logp[j]) * S - wc * tsm(j));
              if (gy) gy[j] = -scale * wc * logp[j] * (ls > 0 ? 1 - ls : 1);
            }
          }
        }
        return [gx, gy];
      })
    : null;
  return Tensor.result(r.out, r.shape, node);
}

export function cross_entropy(
  input: Tensor,
  target: Tensor,
  weight: Tensor | null = null,
  ignoreIndex = -100,
  reduction: Reduction = 'mean',
  labelSmoothing = 0,
): Tensor {
  checkReduction(reduction);
  if (labelSmoothing < 0 || labelSmoothing > 1) {
    throw pyError('RuntimeError', `label_smoothing must be between 0.0 and 1.0. Got: ${labelSmoothing}`);
  }
  const opts: ClassLossOptions = { weight, ignoreIndex, reduction, labelSmoothing, logits: true };
  if (sameShape(target.shape, input.shape)) {
    // ATen picks class probabilities by shape alone, so an integer one-hot target fails here.
    if (!isFloatDType(target.dtype)) {
      throw pyError(
        'RuntimeError',
        `Expected floating point type for target with class probabilities, got ${dtypeName(target.dtype)}`,
      );
    }
    return classProbLoss(input, target, opts);
  }
  return classIndexLoss(input, target, opts, 'cross_entropy');
}

export function nll_loss(
  input: Tensor,
  target: Tensor,
  weight: Tensor | null = null,
  ignoreIndex = -100,
  reduction: Reduction = 'mean',
): Tensor {
  checkReduction(reduction);
  return classIndexLoss(
    input,
    target,
    { weight, ignoreIndex, reduction, labelSmoothing: 0, logits: false },
    'nll_loss',
  );
}
