// How the losses reduce their per-element values as PyTorch does: float32 (or float64) values summed in
// PyTorch's order (cascadeSum.ts), divided by the count for 'mean', the matching gradient scale, and the
// checked weights they multiply by.
import { Tensor, floats } from '../tensor';
import { pyError } from '../errors';
import { Shape, fmtShape, numel, sameShape } from '../shape';
import { binaryPlan, floatData } from './util';
import { cascadeSum, cascadeSumDims } from './cascadeSum';
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

/**
 * A broadcast operand's gradient: `full` (of the broadcast shape) summed over the dims the operand was
 * broadcast along, in torch.sum's order (cascadeSum.ts), as autograd's sum_to does.
 */
export function sumToShape(full: Float32Array, fullShape: readonly number[], shape: readonly number[]): Float32Array {
  const lead = fullShape.length - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < fullShape.length; i++)
    if (i < lead || (shape[i - lead] === 1 && fullShape[i] !== 1)) dims.push(i);
  const out = floats(numel(shape));
  cascadeSumDims(full, fullShape, dims, out);
  return out;
}

/** Per-element gradient factor: g[i] for 'none', g[0] (/ denom for 'mean') otherwise. */
export function gradScale(g: Float32Array, reduction: Reduction, denom: number): (i: number) => number {
  if (reduction === 'none') return (i) => g[i];
  const k = reduction === 'mean' ? g[0] / denom : g[0];
  return () => k;
}

/**
 * A class-weight tensor's values, checked against the number of classes as PyTorch checks them: nll_loss wants
 * a 1-D weight of `size` elements (its message prefixed with `prefix`, e.g. 'cross_entropy: ' for class
 * probabilities), nll_loss2d (inputs of 3+ dims) only `size` elements in any shape.
 */
export function checkWeight(weight: Tensor | null, size: number, prefix: string, spatial = false): Float32Array | null {
  if (!weight) return null;
  if (spatial) {
    if (weight.data.length !== size) {
      throw pyError('RuntimeError', 'weight tensor should be defined either for all or no classes');
    }
  } else if (weight.ndim !== 1 || weight.data.length !== size) {
    throw pyError(
      'RuntimeError',
      `${prefix}weight tensor should be defined either for all ${size} classes or no classes but got weight ` +
        `tensor of shape: ${fmtShape(weight.shape)}`,
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
