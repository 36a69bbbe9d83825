// How to compute a graph node's output again from its inputs: for each autograd node name, the candidate
// forward functions (engine ops) that may have produced it. A node keeps its inputs but not its arguments
// (an exponent, a softmax dim, a LeakyReLU slope, a loss's reduction), so candidates cover the arguments a
// training loop uses, some read off the recorded values; replay.ts keeps the first candidate that gives the
// recorded output exactly. Nothing here raises a warning to the user's script (a loss over broadcast shapes
// is composed from plain ops, never the loss function that would warn).
import { Tensor } from '../../engine/tensor';
import * as arith from '../../engine/ops/arith';
import * as unary from '../../engine/ops/unary';
import * as act from '../../engine/ops/activation';
import * as red from '../../engine/ops/reduce';
import * as mm from '../../engine/ops/matmul';
import * as view from '../../engine/ops/view';
import * as loss from '../../engine/ops/loss';

/** How a replay differs from the recorded step: another batch size through the model, and evaluation mode (no dropout). */
export interface ReplayContext {
  /** Tensors whose first dimension was `from` now have `to` rows (a grid through the model). */
  batch: { from: number; to: number } | null;
  /** Dropout masks are left out (the model as `model.eval()` computes it). */
  eval: boolean;
}

export type OpFn = (args: Tensor[], ctx: ReplayContext) => Tensor;
type Builder = (inputs: Tensor[], out: Tensor) => OpFn[];

/** A recorded shape in this replay: the batch dimension follows the replay's batch. */
export function mapShape(shape: readonly number[], ctx: ReplayContext): number[] {
  const b = ctx.batch;
  return b && shape.length > 0 && shape[0] === b.from ? [b.to, ...shape.slice(1)] : shape.slice();
}

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** A unary op that ignores the context. */
const u =
  (f: (t: Tensor) => Tensor): Builder =>
  () => [(a) => f(a[0])];
/** A binary op. */
const b2 =
  (f: (a: Tensor, b: Tensor) => Tensor): Builder =>
  () => [(a) => f(a[0], a[1])];

/** Candidate values of a scalar argument read off (input, output) pairs: `estimate` of the first usable element. */
function readArgument(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  estimate: (x: number, y: number) => number | null,
): number[] {
  for (let i = 0; i < x.length; i++) {
    const e = estimate(x[i], y[i]);
    if (e !== null && Number.isFinite(e)) {
      // Simplest first: a value read off float32 numbers is a little off the integer or half the code wrote,
      // and only the exact one is right for every input (x ** 3.9999 is NaN for x < 0, x ** 4 is not).
      const out = [Math.round(e), Math.round(e * 2) / 2, Math.round(e * 1e6) / 1e6, e].filter(
        (v) => Math.abs(v - e) < 1e-3 * Math.max(1, Math.abs(e)),
      );
      return [...new Set(out)];
    }
  }
  return [];
}

function powBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  if (inputs.length === 2) return [(a) => arith.pow(a[0], a[1])];
  const guesses = readArgument(inputs[0].data, out.data, (x, y) => {
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    if (ax === 0 || ax === 1 || ay === 0 || !Number.isFinite(y)) return null;
    return Math.log(ay) / Math.log(ax);
  });
  const exponents = [...guesses, 2, 3, 4, 0.5, -1, -2, -0.5, 1, 0];
  return exponents.map((e) => (a) => arith.pow(a[0], e));
}

/** Dims of a reduction: every single dim (with and without keepdim) whose result has the recorded shape. */
function reduceBuilder(f: (t: Tensor, dim?: number | number[], keepdim?: boolean) => Tensor): Builder {
  return (inputs, out) => {
    const x = inputs[0];
    const fns: OpFn[] = [];
    for (let d = 0; d < x.shape.length; d++) {
      for (const keep of [false, true]) {
        const shape = keep ? x.shape.map((s, i) => (i === d ? 1 : s)) : x.shape.filter((_, i) => i !== d);
        if (sameShape(shape, out.shape)) fns.push((a) => f(a[0], d, keep));
      }
    }
    return fns;
  };
}

/** A leaf multiplied in by F.dropout: every value 0 or one constant above 1 (1 / (1 - p)). */
export function isDropoutMask(t: Tensor): boolean {
  if (t.gradFn !== null || t.requiresGrad || t.dtype !== 'float32' || t.data.length < 2) return false;
  let c = 0;
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i];
    if (v === 0) continue;
    if (c === 0) c = v;
    else if (v !== c) return false;
  }
  return c > 1;
}

function mulBuilder(inputs: Tensor[]): OpFn[] {
  const maskAt = inputs.findIndex(isDropoutMask);
  if (maskAt < 0) return [(a) => arith.mul(a[0], a[1])];
  const other = 1 - maskAt;
  return [(a, ctx) => (ctx.eval ? a[other] : arith.mul(a[0], a[1]))];
}

/** F.linear's nodes (AddmmBackward0 and the names it takes for other input ranks), or a plain matrix product. */
function linearBuilder(inputs: Tensor[]): OpFn[] {
  if (inputs.length === 3) return [(a) => mm.linear(a[0], a[1], a[2])];
  if (inputs.length !== 2) return [];
  return [(a) => mm.linear(a[0], a[1]), (a) => mm.matmul(a[0], a[1])];
}

function viewBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  if (inputs.length > 1) return linearBuilder(inputs);
  return [(a, ctx) => view.reshape(a[0], mapShape(out.shape, ctx))];
}

function unsqueezeBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  const fns: OpFn[] = [];
  for (let d = 0; d <= inputs[0].shape.length; d++) {
    const shape = inputs[0].shape.slice();
    shape.splice(d, 0, 1);
    if (sameShape(shape, out.shape)) fns.push((a) => view.unsqueeze(a[0], d));
  }
  return fns;
}

function squeezeBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  if (inputs.length === 2) return linearBuilder(inputs); // F.linear of a 1-D input
  const x = inputs[0];
  const fns: OpFn[] = [(a) => view.squeeze(a[0])];
  for (let d = 0; d < x.shape.length; d++) {
    if (
      sameShape(
        x.shape.filter((s, i) => i !== d || s !== 1),
        out.shape,
      )
    )
      fns.push((a) => view.squeeze(a[0], d));
  }
  return fns;
}

function transposeBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  const n = inputs[0].shape.length;
  const fns: OpFn[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const shape = inputs[0].shape.slice();
      [shape[i], shape[j]] = [shape[j], shape[i]];
      if (sameShape(shape, out.shape)) fns.push((a) => view.transpose(a[0], i, j));
    }
  }
  return fns;
}

function catBuilder(f: (ts: Tensor[], dim: number) => Tensor): Builder {
  return (inputs, out) => {
    const fns: OpFn[] = [];
    for (let d = 0; d < out.shape.length; d++) fns.push((a) => f(a, d));
    return fns;
  };
}

function leakyBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  const slopes = readArgument(inputs[0].data, out.data, (x, y) => (x < 0 ? y / x : null));
  return [...slopes, 0.01].map((s) => (a) => act.leaky_relu(a[0], s));
}

function eluBuilder(f: (t: Tensor, alpha: number) => Tensor): Builder {
  return (inputs, out) => {
    const alphas = readArgument(inputs[0].data, out.data, (x, y) => (x < -1e-3 ? y / Math.expm1(x) : null));
    return [...alphas, 1].map((alpha) => (a) => f(a[0], alpha));
  };
}

function clampBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  let lo: number | null = null;
  let hi: number | null = null;
  const x = inputs[0].data;
  for (let i = 0; i < x.length; i++) {
    if (out.data[i] > x[i]) lo = out.data[i];
    if (out.data[i] < x[i]) hi = out.data[i];
  }
  return [(a) => unary.clamp(a[0], lo, hi)];
}

function softmaxBuilder(log: boolean): Builder {
  return (inputs) => {
    const fns: OpFn[] = [];
    for (let d = 0; d < Math.max(1, inputs[0].shape.length); d++)
      fns.push((a) => (log ? act.log_softmax(a[0], d) : act.softmax(a[0], d)));
    return fns;
  };
}

/** A pointwise loss: the engine's own when the shapes agree (it warns otherwise), else composed of plain ops. */
function pointwiseLoss(
  f: (a: Tensor, b: Tensor, r: loss.Reduction) => Tensor,
  composed: ((d: Tensor) => Tensor) | null,
): Builder {
  return (inputs, out) => {
    const [x, y] = inputs;
    const reductions: loss.Reduction[] = out.shape.length === 0 ? ['mean', 'sum'] : ['none'];
    if (sameShape(x.shape, y.shape)) return reductions.map((r) => (a) => f(a[0], a[1], r));
    if (!composed) return [];
    return reductions.map((r) => (a) => {
      const d = composed(arith.sub(a[0], a[1]));
      return r === 'mean' ? red.mean(d) : r === 'sum' ? red.sum(d) : d;
    });
  };
}

function classLossBuilder(inputs: Tensor[], out: Tensor): OpFn[] {
  const reductions: loss.Reduction[] = out.shape.length === 0 ? ['mean', 'sum'] : ['none'];
  const fns: OpFn[] = [];
  for (const r of reductions) {
    fns.push((a) => loss.cross_entropy(a[0], a[1], null, -100, r, 0));
    fns.push((a) => loss.nll_loss(a[0], a[1], null, -100, r));
  }
  return fns;
}

/** An L1 loss's node takes the reduction's name (MeanBackward0 with two inputs); one input is a reduction. */
function meanOrL1(
  f: (t: Tensor, dim?: number | number[], keepdim?: boolean) => Tensor,
  r: loss.Reduction,
  all: boolean,
): Builder {
  const reduce = reduceBuilder(f);
  return (inputs, out) => {
    if (inputs.length === 2)
      return pointwiseLoss(loss.l1_loss, unary.abs)(inputs, out).filter((_, i) => (r === 'sum' ? i === 1 : i === 0));
    return all ? [(a) => f(a[0])] : reduce(inputs, out);
  };
}

export const BUILDERS: Record<string, Builder> = {
  AddBackward0: (inputs) => (inputs.length === 3 ? linearBuilder(inputs) : [(a) => arith.add(a[0], a[1])]),
  SubBackward0: b2((a, b) => arith.sub(a, b)),
  RsubBackward0: b2((a, b) => arith.sub(a, b)),
  RsubBackward1: b2((a, b) => arith.sub(a, b)),
  MulBackward0: mulBuilder,
  DivBackward0: b2((a, b) => arith.div(a, b)),
  NegBackward0: u(arith.neg),
  PowBackward0: powBuilder,
  PowBackward1: b2(arith.pow),
  PowBackward2: b2(arith.pow),
  MaximumBackward0: b2(arith.maximum),
  MinimumBackward0: b2(arith.minimum),
  ExpBackward0: u(unary.exp),
  Exp2Backward0: u(unary.exp2),
  LogBackward0: u(unary.log),
  Log2Backward0: u(unary.log2),
  Log10Backward0: u(unary.log10),
  Log1PBackward0: u(unary.log1p),
  Expm1Backward0: u(unary.expm1),
  SqrtBackward0: u(unary.sqrt),
  RsqrtBackward0: u(unary.rsqrt),
  ReciprocalBackward0: u(unary.reciprocal),
  SinBackward0: u(unary.sin),
  CosBackward0: u(unary.cos),
  TanBackward0: u(unary.tan),
  AsinBackward0: u(unary.asin),
  AcosBackward0: u(unary.acos),
  AtanBackward0: u(unary.atan),
  SinhBackward0: u(unary.sinh),
  CoshBackward0: u(unary.cosh),
  ErfBackward0: u(unary.erf),
  AbsBackward0: (inputs, out) =>
    inputs.length === 2 ? pointwiseLoss(loss.l1_loss, unary.abs)(inputs, out) : [(a) => unary.abs(a[0])],
  SignBackward0: u(unary.sign),
  SgnBackward0: u(unary.sgn),
  ClampBackward1: clampBuilder,
  ClampMinBackward0: clampBuilder,
  ClampMaxBackward0: clampBuilder,
  ReluBackward0: u(act.relu),
  SigmoidBackward0: u(act.sigmoid),
  TanhBackward0: u(act.tanh),
  LeakyReluBackward0: leakyBuilder,
  EluBackward0: eluBuilder(act.elu),
  CeluBackward0: eluBuilder(act.celu),
  GeluBackward0: () => [(a) => act.gelu(a[0], 'none'), (a) => act.gelu(a[0], 'tanh')],
  SiluBackward0: u(act.silu),
  MishBackward0: u(act.mish),
  SoftplusBackward0: () => [(a) => act.softplus(a[0], 1, 20)],
  HardtanhBackward0: () => [(a) => act.hardtanh(a[0], -1, 1), (a) => act.hardtanh(a[0], 0, 6)],
  LogSigmoidBackward0: u(act.logsigmoid),
  SoftmaxBackward0: softmaxBuilder(false),
  LogSoftmaxBackward0: softmaxBuilder(true),
  SumBackward0: meanOrL1(red.sum, 'sum', true),
  MeanBackward0: meanOrL1(red.mean, 'mean', true),
  SumBackward1: reduceBuilder(red.sum),
  MeanBackward1: reduceBuilder(red.mean),
  AddmmBackward0: linearBuilder,
  MmBackward0: linearBuilder,
  MvBackward0: b2(mm.matmul),
  DotBackward0: b2(mm.dot),
  BmmBackward0: b2(mm.bmm),
  UnsafeViewBackward0: viewBuilder,
  ViewBackward0: viewBuilder,
  ReshapeAliasBackward0: viewBuilder,
  AliasBackward0: viewBuilder,
  CloneBackward0: u(view.clone),
  UnsqueezeBackward0: unsqueezeBuilder,
  SqueezeBackward0: squeezeBuilder,
  SqueezeBackward1: squeezeBuilder,
  SqueezeBackward3: squeezeBuilder,
  TBackward0: u(view.t),
  TransposeBackward0: transposeBuilder,
  ExpandBackward0: (inputs, out) => [(a, ctx) => view.expand(a[0], mapShape(out.shape, ctx))],
  CatBackward0: catBuilder(view.cat),
  StackBackward0: catBuilder(view.stack),
  MseLossBackward0: pointwiseLoss(loss.mse_loss, (d) => arith.mul(d, d)),
  SmoothL1LossBackward0: pointwiseLoss((a, b, r) => loss.smooth_l1_loss(a, b, r, 1), null),
  HuberLossBackward0: pointwiseLoss((a, b, r) => loss.huber_loss(a, b, r, 1), null),
  BinaryCrossEntropyBackward0: (inputs, out) =>
    sameShape(inputs[0].shape, inputs[1].shape)
      ? (out.shape.length === 0 ? ['mean', 'sum'] : ['none']).map(
          (r) => (a: Tensor[]) => loss.binary_cross_entropy(a[0], a[1], null, r as loss.Reduction),
        )
      : [],
  BinaryCrossEntropyWithLogitsBackward0: (inputs, out) =>
    sameShape(inputs[0].shape, inputs[1].shape)
      ? (out.shape.length === 0 ? ['mean', 'sum'] : ['none']).map(
          (r) => (a: Tensor[]) => loss.binary_cross_entropy_with_logits(a[0], a[1], null, r as loss.Reduction, null),
        )
      : [],
  NllLossBackward0: classLossBuilder,
};
