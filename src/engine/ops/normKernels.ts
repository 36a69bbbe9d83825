// The float32 2-norm (torch.norm, Tensor.norm, linalg.vector_norm, clip_grad_norm_'s total) as PyTorch 1.13's
// CPU code computes it (LinearAlgebra.cpp linalg_vector_norm, cpu/ReduceOpsKernel.cpp norm_kernel), so that a
// printed norm matches to the last digit:
//   - reducing only dims of size 1 is |x| (no square root of a square, which could underflow);
//   - reduced dims that are the last ones (dim=None included: a contiguous tensor is one row) take the
//     vectorized fast path: 8 float32 lanes accumulate x * x with fused multiply-adds, the lanes are added
//     left to right, then the tail of row length % 8 values: GCC's in-order vectorization of that loop adds
//     whole groups of 4 separately rounded squares one by one, and the last length % 4 values as fused
//     multiply-adds (measured on Debian's torch 1.13.1, AVX2 build: equal in every row of every length);
//   - other dims go through binary_kernel_reduce with NormTwoOps: per output, one fused multiply-add chain
//     over its values in memory order.
// The square root is IEEE's (correctly rounded in double, then to float32: the same as sqrtf).
import { fmaf } from '../random';

const f = Math.fround;
const LANES = 8;
const TAIL_GROUP = 4;

/** The sum of squares of x[start .. start + len) in the fast path's order. */
function rowSumOfSquares(x: Float32Array, start: number, len: number, acc: Float32Array): number {
  acc.fill(0);
  const vectorEnd = len - (len % LANES);
  for (let d = 0; d < vectorEnd; d += LANES) {
    for (let k = 0; k < LANES; k++) {
      const v = x[start + d + k];
      acc[k] = fmaf(v, v, acc[k]);
    }
  }
  let total = acc[0];
  for (let k = 1; k < LANES; k++) total = f(total + acc[k]);
  const tail = len - vectorEnd;
  const groupEnd = vectorEnd + tail - (tail % TAIL_GROUP);
  for (let d = vectorEnd; d < groupEnd; d++) {
    const v = x[start + d];
    total = f(total + f(v * v));
  }
  for (let d = groupEnd; d < len; d++) {
    const v = x[start + d];
    total = fmaf(v, v, total);
  }
  return total;
}

/**
 * The 2-norm of contiguous float32 `x` (of `shape`) over `dims` into `out` (the reduction's outputs, in order);
 * `map` gives each input element's output slot (null: a full reduction).
 */
export function normTwoF32(
  x: Float32Array,
  shape: readonly number[],
  dims: readonly number[],
  map: Int32Array | null,
  out: Float32Array,
): void {
  if (dims.every((d) => shape[d] === 1)) {
    for (let i = 0; i < x.length; i++) out[map ? map[i] : 0] = Math.abs(x[i]);
    return;
  }
  const rowLength = lastDimsLength(shape, dims);
  if (rowLength > 0) {
    const acc = new Float32Array(LANES);
    for (let o = 0; o < out.length; o++) out[o] = Math.sqrt(rowSumOfSquares(x, o * rowLength, rowLength, acc));
    return;
  }
  const sums = new Float32Array(out.length);
  for (let i = 0; i < x.length; i++) {
    const o = map ? map[i] : 0;
    sums[o] = fmaf(x[i], x[i], sums[o]);
  }
  for (let o = 0; o < out.length; o++) out[o] = Math.sqrt(sums[o]);
}

/**
 * The length of the rows a reduction over `dims` sums when those are the trailing dims (ignoring size-1
 * dims), as TensorIterator coalesces them into one last dim; 0 when they are not.
 */
function lastDimsLength(shape: readonly number[], dims: readonly number[]): number {
  let length = 1;
  let inSuffix = true;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 1) continue;
    if (dims.includes(d)) {
      if (!inSuffix) return 0;
      length *= shape[d];
    } else inSuffix = false;
  }
  return length;
}
