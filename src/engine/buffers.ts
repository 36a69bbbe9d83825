// Float buffers for op results and gradients: a slab allocator for mid-sized ones, a bounded pool that the
// backward pass refills with large gradient buffers nothing references any more, and what is known about a
// large buffer's contents (all +0 after zero_grad, no -0 from a gemm) so accumulating a gradient can copy.
// No tensor or autograd import: tensor.ts and autograd.ts both build on this file.
import { checkAllocation } from './memory';

/**
 * float32 in a Float32Array; float64 and every integer dtype in a Float64Array (integers exact to 2^53, the
 * narrow ones wrapped to their range by the ops that make them); bool in a Uint8Array. float16 and bfloat16
 * live in a Float32Array too, every value rounded to its 16-bit format (reducedFloat.ts).
 */
export type DType =
  'float32' | 'float64' | 'float16' | 'bfloat16' | 'int64' | 'int32' | 'int16' | 'int8' | 'uint8' | 'bool';
export type Storage = Float32Array | Float64Array | Uint8Array;

export function isFloatDType(d: DType): boolean {
  return d === 'float32' || d === 'float64' || d === 'float16' || d === 'bfloat16';
}

/** float16 or bfloat16: stored as float32 values rounded to 16 bits (reducedFloat.ts). */
export function isReducedFloat(d: DType): boolean {
  return d === 'float16' || d === 'bfloat16';
}

export function isIntDType(d: DType): boolean {
  return d === 'int64' || d === 'int32' || d === 'int16' || d === 'int8' || d === 'uint8';
}

// torch.set_default_dtype: the dtype of float literals and of creation functions without dtype=.
let defaultFloat: 'float32' | 'float64' = 'float32';

export function defaultFloatDType(): 'float32' | 'float64' {
  return defaultFloat;
}

export function setDefaultFloatDType(d: 'float32' | 'float64'): void {
  defaultFloat = d;
}

// The width of the float buffers ops allocate with floats()/scratchFloats(): float64 while an op whose
// result is float64 runs (the bridge sets it from the operands' promoted dtype) and while the backward pass
// runs a float64 node. Ops are written once over Float32Array; a float64 buffer passes through the same
// code (typed as Float32Array) and keeps every value in double precision. Float32 programs never see one.
let float64Mode = false;

/** Sets whether floats() makes float64 buffers; returns the previous setting. */
export function setFloat64Mode(on: boolean): boolean {
  const previous = float64Mode;
  float64Mode = on;
  return previous;
}

export function inFloat64Mode(): boolean {
  return float64Mode;
}

/** A zeroed float64 buffer, typed as the Float32Array the op code is written over. */
function doubles(n: number): Float32Array {
  checkAllocation(n, 8);
  return new Float64Array(n) as unknown as Float32Array;
}

const SLAB_BYTES = 1 << 16;
/** Buffers of more bytes than this are standalone ArrayBuffers (never slab views). */
export const SLAB_MAX = 1 << 13;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/**
 * Zeroed float32 buffer for op results and gradients. Mid-sized ones are carved from 64 KiB slabs: one
 * ArrayBuffer allocation serves many ops (typed-array backing stores are the dominant per-op cost for small
 * tensors). Slabs are never reused, so every buffer starts zeroed; a slab is freed when all its views are.
 * Code that transfers `.buffer` must copy first (`slice()`), as it must for any view.
 */
export function floats(n: number): Float32Array {
  return float64Mode ? doubles(n) : floats32(n);
}

function floats32(n: number): Float32Array {
  const bytes = n * 4;
  if (bytes > SLAB_MAX) {
    const reused = pooled(n);
    if (reused) return reused.fill(0);
    checkAllocation(n, 4);
    return new Float32Array(n);
  }
  if (bytes <= 64) return new Float32Array(n);
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = new Float32Array(slab, slabUsed, n);
  slabUsed += (bytes + 15) & ~15;
  return out;
}

/**
 * A float32 buffer whose contents are unspecified: for a caller that writes every element before anything
 * reads it (a gemm output with accumulate off). Large ones may be recycled gradient buffers, which saves the
 * allocation and the zeroing that dominate big ops' bookkeeping (an MNIST-size weight gradient is 800 KB).
 */
export function scratchFloats(n: number): Float32Array {
  if (float64Mode) return doubles(n);
  if (n * 4 <= SLAB_MAX) return floats32(n);
  const reused = pooled(n);
  if (reused) return reused;
  checkAllocation(n, 4);
  return new Float32Array(n);
}

export function allocate(dtype: DType, n: number): Storage {
  if (dtype === 'float32' || dtype === 'float16' || dtype === 'bfloat16') return floats32(n);
  checkAllocation(n, dtype === 'bool' ? 1 : 8);
  if (dtype === 'bool') return new Uint8Array(n);
  return new Float64Array(n);
}

// Gradient buffers known to be all +0 (cleared by zero_grad, not written since: checkInplace and
// accumulateGrad forget them). Only large standalone buffers: a slab is shared with unrelated tensors, and
// for small ones the bookkeeping (WeakSet updates) costs more than the add loop it saves.
const zeroedBuffers = new WeakSet<ArrayBufferLike>();

/** Records that `d` (a gradient's data) was just filled with +0, so the next accumulation may copy. */
export function markZeroed(d: Storage): void {
  if (
    d.byteLength > SLAB_MAX &&
    d instanceof Float32Array &&
    d.byteOffset === 0 &&
    d.buffer.byteLength === d.byteLength
  ) {
    zeroedBuffers.add(d.buffer);
  }
}

/** For any write into `d` (in-place ops, optimizer updates): its memory is no longer known to be zero. */
export function forgetZeroed(d: Storage): void {
  if (d.byteLength > SLAB_MAX) zeroedBuffers.delete(d.buffer);
}

// Large gradient buffers that contain no -0: outputs of a non-accumulating gemm (sums that start at +0 can
// never be -0). Marked by the op that made them; see accumulateInto.
const noNegativeZero = new WeakSet<Float32Array>();

export function markNoNegativeZero(a: Float32Array): Float32Array {
  if (a.byteLength > SLAB_MAX) noNegativeZero.add(a);
  return a;
}

/**
 * dst += g, as AccumulateGrad does. Into a gradient zero_grad just cleared, 0 + g is g bit for bit unless g
 * holds -0 (0 + -0 = +0): a buffer known to have no -0 (a gemm output) is copied, ~10x faster than the loop
 * on big weights.
 */
export function accumulateInto(dst: Storage, g: Float32Array | Float64Array): void {
  if (dst.byteLength > SLAB_MAX && zeroedBuffers.has(dst.buffer)) {
    zeroedBuffers.delete(dst.buffer);
    if (g instanceof Float32Array && noNegativeZero.has(g) && dst.length === g.length) {
      dst.set(g);
      return;
    }
  }
  for (let i = 0; i < dst.length; i++) dst[i] += g[i];
}

/** Buffers of more than this many elements are standalone (not slab views) and may be pooled. */
export const POOLED_MIN_LENGTH = SLAB_MAX / 4;

// Free lists of large standalone buffers by length, fed only by the backward pass with gradient buffers
// nothing can reference any more (see runBackward). Bounded, so a model that changes shapes cannot hoard memory.
const pool = new Map<number, Float32Array[]>();
const POOL_PER_LENGTH = 8;
const POOL_MAX_BYTES = 64 << 20;
let pooledBytes = 0;

function pooled(n: number): Float32Array | undefined {
  const list = pool.get(n);
  const a = list?.pop();
  if (a) pooledBytes -= a.byteLength;
  return a;
}

/**
 * Hands a large buffer back for reuse. The caller guarantees no tensor, view or closure still references it.
 * Slab views and subarrays are ignored (their memory is shared with other buffers).
 */
export function recycleFloats(a: Float32Array): void {
  if (!(a instanceof Float32Array)) return; // a float64 gradient: the pool serves float32 buffers only
  const bytes = a.byteLength;
  if (bytes <= SLAB_MAX || a.byteOffset !== 0 || a.buffer.byteLength !== bytes) return;
  if (pooledBytes + bytes > POOL_MAX_BYTES) return;
  // Its next user makes new contents: what was known about these ones no longer holds.
  noNegativeZero.delete(a);
  zeroedBuffers.delete(a.buffer);
  let list = pool.get(a.length);
  if (!list) pool.set(a.length, (list = []));
  if (list.length >= POOL_PER_LENGTH || list.includes(a)) return;
  list.push(a);
  pooledBytes += bytes;
}
