// cross_entropy and nll_loss over float32 tensors as PyTorch 1.13's CPU code composes them
// (aten/src/ATen/native/LossNLL.cpp, LossNLL2d.cpp), so that losses and gradients match to the last bit for
// any layout ((C), (N, C), (N, C, d1, ...)), class weights, ignored positions and label smoothing:
//   - log_softmax over the class dim by its own kernels (softmaxKernels.ts: the last-dim kernel for 1-D and
//     2-D inputs, the inner-dim one for 3+ dims, even where the inner size is 1);
//   - nll_loss (1-D, 2-D) and nll_loss2d (3+ dims, viewed as N x C x 1 x rest) sum the picked -w_t logp_t
//     in float32 running sums at 8 levels (the class weights of counted positions likewise), 'mean' divides
//     by the count or that weight sum; their backward puts -(g / total) w_t at each target;
//   - label smoothing adds (ls / C) * smooth to (1 - ls) * nll, where smooth is -sum_c(w_c logp_c) per
//     position (torch.sum's order, cascadeSum.ts), 0 where ignored, then summed and divided by the count or
//     by the summed weights of the counted targets; each scalar factor is rounded to float32 first;
//   - probability targets: -(logp * target [* w]).sum(), the target smoothed as target * (1 - ls) + ls / C;
// and each backward follows the autograd nodes' own float32 steps, the two gradients that meet at
// log_softmax's output added before its backward.
import { pyError } from '../errors';
import { cascadeSum, cascadeSumDims, ceilLog2 } from './cascadeSum';
import type { ClassLayout } from './classLogProbs';
import type { Reduction } from './lossReduction';
import { SoftmaxLayout, softmaxForward, softmaxGrad } from './softmaxKernels';

const f = Math.fround;
const NLL_LEVELS = 8;

export interface ClassIndexOptions {
  ignoreIndex: number;
  reduction: Reduction;
  labelSmoothing: number;
  /** true: the input holds logits (cross_entropy); false: log-probabilities (nll_loss). */
  logits: boolean;
  /** The loss is 0-dim (any reduction but 'none', or a 1-D input): see classIndexF32's backward. */
  zeroDim: boolean;
}

export interface ClassLossF32 {
  /** The loss: one value, or one per position for 'none'. */
  out: Float32Array;
  /** What a 'mean' divides by (the count or the weight sum of the positions not ignored). */
  denom: number;
}

function softmaxLayout({ outer, C, inner }: ClassLayout, lastDim: boolean): SoftmaxLayout {
  return { outer, size: C, inner, lastDim };
}

/** log_softmax over the class dim by PyTorch's float32 kernels. */
export function logSoftmaxF32(x: Float32Array, layout: ClassLayout, lastDim: boolean): Float32Array {
  const y = new Float32Array(x.length);
  softmaxForward(x, y, softmaxLayout(layout, lastDim), true);
  return y;
}

/** nll_loss's forward over log-probabilities; `total` is its saved total_weight. */
function nllForward(
  logp: Float32Array,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  o: ClassIndexOptions,
  { outer, C, inner }: ClassLayout,
): { out: Float32Array; total: number } {
  const positions = outer * inner;
  const at = (pos: number, t: number) => Math.floor(pos / inner) * C * inner + t * inner + (pos % inner);
  const check = (t: number) => {
    if (!(t >= 0 && t < C)) throw pyError('IndexError', `Target ${t} is out of bounds.`);
  };
  if (o.reduction === 'none') {
    const out = new Float32Array(positions);
    for (let pos = 0; pos < positions; pos++) {
      const t = tg[pos];
      if (t === o.ignoreIndex) continue;
      check(t);
      out[pos] = -logp[at(pos, t)] * (w ? w[t] : 1);
    }
    return { out, total: 0 };
  }
  const power = Math.max(4, Math.floor(ceilLog2(positions) / NLL_LEVELS));
  const mask = (1 << power) - 1;
  const lossSums = new Float32Array(NLL_LEVELS);
  const weightSums = new Float32Array(NLL_LEVELS);
  let ignored = 0;
  for (let pos = 0; pos < positions; pos++) {
    const t = tg[pos];
    if (t === o.ignoreIndex) {
      ignored++;
      continue;
    }
    check(t);
    const v = logp[at(pos, t)];
    if (w) {
      lossSums[0] -= f(v * w[t]);
      weightSums[0] += w[t];
    } else lossSums[0] -= v;
    for (let j = 0; j + 1 < NLL_LEVELS && (pos & (mask << (j * power))) === 0; j++) {
      lossSums[j + 1] += lossSums[j];
      weightSums[j + 1] += weightSums[j];
      lossSums[j] = 0;
      weightSums[j] = 0;
    }
  }
  const acc = new Float32Array(2);
  for (let l = 0; l < NLL_LEVELS; l++) {
    acc[0] += lossSums[l];
    acc[1] += weightSums[l];
  }
  const total = w ? acc[1] : positions - ignored;
  const out = new Float32Array(1);
  out[0] = o.reduction === 'mean' ? acc[0] / total : acc[0];
  return { out, total };
}

/** nll_loss's backward into `gl` (zeros): -(g / total) w_t at each target, or -w_t g per position for 'none'. */
function nllBackward(
  g: Float32Array,
  total: number,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  o: ClassIndexOptions,
  { outer, C, inner }: ClassLayout,
  gl: Float32Array,
): void {
  const grad = o.reduction === 'none' ? 0 : -(o.reduction === 'mean' ? f(g[0] / total) : g[0]);
  for (let pos = 0; pos < outer * inner; pos++) {
    const t = tg[pos];
    if (t === o.ignoreIndex) continue;
    const j = Math.floor(pos / inner) * C * inner + t * inner + (pos % inner);
    if (o.reduction === 'none') gl[j] = f(-(w ? w[t] : 1) * g[pos]);
    else gl[j] = w ? f(w[t] * grad) : grad;
  }
}

/** Per position -sum_c(w_c logp_c), in torch.sum's order over the class dim; 0 where ignored. */
function smoothLosses(
  logp: Float32Array,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  ignoreIndex: number,
  { outer, C, inner }: ClassLayout,
): Float32Array {
  let terms = logp;
  if (w) {
    terms = new Float32Array(logp.length);
    for (let j = 0; j < logp.length; j++) terms[j] = logp[j] * w[Math.floor(j / inner) % C];
  }
  const s = new Float32Array(outer * inner);
  cascadeSumDims(terms, [outer, C, inner], [1], s);
  for (let pos = 0; pos < s.length; pos++) s[pos] = tg[pos] === ignoreIndex ? 0 : -s[pos];
  return s;
}

/** The summed weights of the targets not ignored, in target order (weight.gather(...).sum()). */
function targetWeightSum(tg: ArrayLike<number>, w: Float32Array, ignoreIndex: number): number {
  const picked: number[] = [];
  for (let pos = 0; pos < tg.length; pos++) if (tg[pos] !== ignoreIndex) picked.push(w[tg[pos]]);
  return picked.length === 0 ? 0 : cascadeSum(Float32Array.from(picked));
}

export interface ClassIndexF32 extends ClassLossF32 {
  /** The input's gradient from the loss's gradient g. */
  backward(g: Float32Array): Float32Array;
}

/**
 * cross_entropy (logits) or nll_loss (log-probabilities) of float32 `x` against class indices `tg`, one per
 * position (outer x inner), classes along the middle of outer x C x inner. `lastDim`: the class dim is the
 * input's last (a 1-D or 2-D input), which picks log_softmax's kernel.
 */
export function classIndexF32(
  x: Float32Array,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  o: ClassIndexOptions,
  layout: ClassLayout,
  lastDim: boolean,
): ClassIndexF32 {
  const logp = o.logits ? logSoftmaxF32(x, layout, lastDim) : x;
  const nll = nllForward(logp, tg, w, o, layout);
  const ls = o.labelSmoothing;
  let out = nll.out;
  let denom = nll.total;
  if (ls > 0) {
    const smooth = smoothLosses(logp, tg, w, o.ignoreIndex, layout);
    let ret = smooth;
    if (o.reduction === 'sum' || (o.reduction === 'mean' && w)) {
      // smooth.sum(), for 'mean' divided by the counted targets' weights.
      const s = cascadeSum(smooth);
      if (w) denom = targetWeightSum(tg, w, o.ignoreIndex);
      ret = Float32Array.of(o.reduction === 'mean' ? s / denom : s);
    } else if (o.reduction === 'mean') {
      // Unweighted: smooth.masked_select(not ignored).mean(), the counted positions' sum over their count.
      const kept = smooth.filter((_, pos) => tg[pos] !== o.ignoreIndex);
      denom = kept.length;
      ret = Float32Array.of(cascadeSum(kept) / denom);
    }
    // A Python scalar times a tensor: the scalar rounded to float32 first.
    const keep = f(1 - ls);
    const scale = f(ls / layout.C);
    out = new Float32Array(ret.length);
    for (let i = 0; i < out.length; i++) out[i] = f(keep * nll.out[i]) + f(ret[i] * scale);
  }
  const backward = (g: Float32Array): Float32Array => {
    const gl = new Float32Array(x.length);
    // MulBackward multiplies by the scalar as a 0-dim double tensor: a 0-dim gradient takes it in double
    // (the product rounded once), a tensor of gradients rounded to float32.
    const scalar = (v: number) => (o.zeroDim ? v : f(v));
    const gn = ls > 0 ? g.map((v) => v * scalar(1 - ls)) : g;
    nllBackward(gn, nll.total, tg, w, o, layout, gl);
    if (ls > 0) addSmoothGrad(g, scalar(ls / layout.C), denom, tg, w, o, layout, gl);
    if (!o.logits) return gl;
    const gx = new Float32Array(x.length);
    softmaxGrad(gl, logp, gx, softmaxLayout(layout, lastDim), true);
    return gx;
  };
  return { out, denom, backward };
}

/** The smoothing term's gradient added into gl: g (ls / C) [/ denom], negated, times w_c; 0 where ignored. */
function addSmoothGrad(
  g: Float32Array,
  smoothScale: number,
  denom: number,
  tg: ArrayLike<number>,
  w: Float32Array | null,
  o: ClassIndexOptions,
  { outer, C, inner }: ClassLayout,
  gl: Float32Array,
): void {
  const one = o.reduction === 'none' ? 0 : f(g[0] * smoothScale);
  const scalar = o.reduction === 'mean' ? f(one / denom) : one;
  for (let pos = 0; pos < outer * inner; pos++) {
    const gs = tg[pos] === o.ignoreIndex ? 0 : o.reduction === 'none' ? f(g[pos] * smoothScale) : scalar;
    const base = Math.floor(pos / inner) * C * inner + (pos % inner);
    for (let c = 0; c < C; c++) {
      const j = base + c * inner;
      gl[j] += w ? f(-gs * w[c]) : -gs;
    }
  }
}

export interface ClassProbF32 extends ClassLossF32 {
  /** The input's and the target's gradients (null where not asked for) from the loss's gradient g. */
  backward(g: Float32Array, needX: boolean, needY: boolean): [Float32Array | null, Float32Array | null];
}

/** cross_entropy of float32 logits `x` against class probabilities `y` (the same layout). */
export function classProbF32(
  x: Float32Array,
  y: Float32Array,
  w: Float32Array | null,
  ls: number,
  reduction: Reduction,
  layout: ClassLayout,
  lastDim: boolean,
): ClassProbF32 {
  const { outer, C, inner } = layout;
  const n = x.length;
  const logp = logSoftmaxF32(x, layout, lastDim);
  const keep = f(1 - ls);
  const shift = f(ls / C);
  let t = y;
  if (ls > 0) {
    t = new Float32Array(n);
    for (let j = 0; j < n; j++) t[j] = f(y[j] * keep) + shift;
  }
  const wAt = (j: number) => (w ? w[Math.floor(j / inner) % C] : 1);
  const terms = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    terms[j] = logp[j] * t[j];
    if (w) terms[j] *= wAt(j);
  }
  const positions = outer * inner;
  let out: Float32Array;
  if (reduction === 'none') {
    out = new Float32Array(positions);
    cascadeSumDims(terms, [outer, C, inner], [1], out);
    for (let pos = 0; pos < positions; pos++) out[pos] = -out[pos];
  } else {
    const s = -cascadeSum(terms);
    out = Float32Array.of(reduction === 'mean' ? s / positions : s);
  }
  const backward = (g: Float32Array, needX: boolean, needY: boolean): [Float32Array | null, Float32Array | null] => {
    const scalar = reduction === 'mean' ? f(g[0] / positions) : g[0];
    const gTerms = new Float32Array(n);
    for (let j = 0; j < n; j++) {
      const gp = -(reduction === 'none' ? g[Math.floor(j / (C * inner)) * inner + (j % inner)] : scalar);
      gTerms[j] = w ? gp * wAt(j) : gp;
    }
    let gx: Float32Array | null = null;
    let gy: Float32Array | null = null;
    if (needX) {
      const gl = new Float32Array(n);
      for (let j = 0; j < n; j++) gl[j] = gTerms[j] * t[j];
      gx = new Float32Array(n);
      softmaxGrad(gl, logp, gx, softmaxLayout(layout, lastDim), true);
    }
    if (needY) {
      gy = new Float32Array(n);
      for (let j = 0; j < n; j++) gy[j] = ls > 0 ? f(gTerms[j] * logp[j]) * keep : gTerms[j] * logp[j];
    }
    return [gx, gy];
  };
  return { out, denom: positions, backward };
}
