// How the losses reduce their per-element values as PyTorch does: float32 (or float64) values summed in
// PyTorch's order (cascadeSum.ts), divided by the count for 'mean', the matching gradient scale, and the
// checked weights they multiply by.
import { Tensor, floats } from '../tensor';
import { pyError } from '../errors';
import { Shape, fmtShape, sameShape } from '../shape';
import { binaryPlan, floatData } from './util';
import { cascadeSum, ceilLog2 } from './cascadeSum';
import { inFloat64Mode } from '../buffers';

export type Reduction = 'mean' | 'sum' | 'none';

// Per-element losses waiting to be summed: reused, since only the sum outlives the call.
// A float64 loss (its input is float64, see buffers.ts) keeps doubles: its own scratch, no float32 rounding.
let lossBuffer = new Float32Array(1024);
let lossBuffer64 = new Float64Array(0);
export function lossScratch(n: number): Float32Array {
  if (inFloat64Mode()) {
    if (lossBuffer64.length < n) lossBuffer64 = new Float64Array(Math.max(n, lossBuffer64.length * 2, 1024));
    return lossBuffer64 as unknown as Float32Array;
  }
  if (lossBuffer.length < n) lossBuffer = new Float32Array(Math.max(n, lossBuffer.length * 2));
  return lossBuffer;
}

/** Math.fround for a float32 loss; the value itself for a float64 one. */
export function lossRounding(): (v: number) => number {
  return inFloat64Mode() ? (v) => v : Math.fround;
}

/** PyTorch's reduction of float32 per-element losses: the cascade sum, divided by `denom` for 'mean'. */
export function reduceLosses(losses: Float32Array, n: number, reduction: 'mean' | 'sum', denom: number): Float32Array {
  const s = cascadeSum(losses, 0, n);
  const out = floats(1);
  out[0] = reduction === 'mean' ? s / denom : s;
  return out;
}

/** Applies the reduction to per-element losses (rounded to float32 first, as PyTorch stores them). */
export function reduce(
  losses: Float64Array,
  shape: number[],
  reduction: Reduction,
  denom: number,
): { out: Float32Array; shape: number[] } {
  if (reduction === 'none') {
    const out = floats(losses.length);
    out.set(losses);
    return { out, shape };
  }
  const n = losses.length;
  const rounded = lossScratch(n);
  for (let i = 0; i < n; i++) rounded[i] = losses[i];
  return { out: reduceLosses(rounded, n, reduction, denom), shape: [] };
}

/** Per-element gradient factor: g[i] for 'none', g[0] (/ denom for 'mean') otherwise. */
export function gradScale(g: Float32Array, reduction: Reduction, denom: number): (i: number) => number {
  if (reduction === 'none') return (i) => g[i];
  const k = reduction === 'mean' ? g[0] / denom : g[0];
  return () => k;
}

/** A class-weight tensor's values, checked against the number of classes. */
export function checkWeight(weight: Tensor | null, size: number, op: string): Float32Array | null {
  if (!weight) return null;
  if (weight.data.length !== size && weight.data.length !== 1) {
    throw pyError(
      'RuntimeError',
      `${op}: weight of shape ${fmtShape(weight.shape)} cannot be broadcast to ${size} elements`,
    );
  }
  return floatData(weight);
}

/** A per-element weight (or pos_weight) broadcast to the input's shape. */
export function broadcastWeight(weight: Tensor, shape: Shape): Float32Array {
  const p = binaryPlan(shape, weight.shape, 'binary_cross_entropy');
  if (!sameShape(p.shape, shape)) {
    throw pyError(
      'RuntimeError',
      `weight of shape ${fmtShape(weight.shape)} cannot be broadcast to input shape ${fmtShape(shape)}`,
    );
  }
  const w = floatData(weight);
  const out = floats(p.n);
  for (let i = 0; i < p.n; i++) out[i] = w[p.ib ? p.ib[i] : w.length === 1 ? 0 : i];
  return out;
}

const NLL_LEVELS = 8;

/**
 * nll_loss's own reduction over a batch of class indices (aten/src/ATen/native/LossNLL.cpp,
 * nll_loss_out_frame), which cross_entropy uses too: running float32 sums at 8 levels, each passed up every 2^k
 * positions (k = max(4, ceil(log2 n) / 8)), then added from the lowest level; 'mean' divides by the count of
 * positions not ignored, or by the class weights summed the same way. losses[b] is -weight * log-probability.
 */
export function nllReduce(
  losses: Float64Array,
  target: ArrayLike<number>,
  weight: Float32Array | null,
  ignoreIndex: number,
  reduction: 'mean' | 'sum',
): Float32Array {
  const n = losses.length;
  const power = Math.max(4, Math.floor(ceilLog2(n) / NLL_LEVELS));
  const mask = (1 << power) - 1;
  const lossSums = new Float32Array(NLL_LEVELS);
  const weightSums = new Float32Array(NLL_LEVELS);
  let ignored = 0;
  for (let b = 0; b < n; b++) {
    const t = target[b];
    if (t === ignoreIndex) {
      ignored++;
      continue;
    }
    lossSums[0] += Math.fround(losses[b]);
    if (weight) weightSums[0] += weight[t];
    for (let j = 0; j + 1 < NLL_LEVELS && (b & (mask << (j * power))) === 0; j++) {
      lossSums[j + 1] += lossSums[j];
      weightSums[j + 1] += weightSums[j];
      lossSums[j] = 0;
      weightSums[j] = 0;
    }
  }
  const out = new Float32Array(1);
  for (let l = 0; l < NLL_LEVELS; l++) out[0] += lossSums[l];
  if (reduction === 'sum') return out;
  let total = n - ignored;
  if (weight) {
    const acc = new Float32Array(1);
    for (let l = 0; l < NLL_LEVELS; l++) acc[0] += weightSums[l];
    total = acc[0];
  }
  out[0] /= total;
  return out;
}

/**
 * cross_entropy against class probabilities as PyTorch 1.13 reduces it (cross_entropy_loss_prob_target):
 * -(log_softmax(x) * target [* weight]).sum(), each product rounded to float32 and the sum in torch.sum's
 * order, divided by the number of positions for 'mean'. logp and target are outer x C x inner, contiguous.
 */
export function probTargetReduce(
  logp: Float64Array,
  target: ArrayLike<number>,
  weight: Float32Array | null,
  C: number,
  inner: number,
  reduction: 'mean' | 'sum',
): Float32Array {
  const n = logp.length;
  const products = lossScratch(n);
  for (let j = 0; j < n; j++) {
    products[j] = logp[j] * target[j];
    if (weight) products[j] *= weight[Math.floor(j / inner) % C];
  }
  const out = new Float32Array(1);
  out[0] = -cascadeSum(products, 0, n);
  if (reduction === 'mean') out[0] /= n / C;
  return out;
}
