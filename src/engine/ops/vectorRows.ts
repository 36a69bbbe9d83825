// Which values of a strided view PyTorch's vectorised unary loop hands to its scalar code. cpu_kernel_vec
// (aten/src/ATen/native/cpu/Loops.h) walks TensorIterator's coalesced dims: the innermost run of values that
// are contiguous in memory is one row, each row gets the vector code over whole blocks of 16 float32 values
// and the scalar code over the rest, and an input whose innermost stride is not 1 takes the scalar code
// everywhere. A contiguous tensor is one row of n values; an LSTM gate chunk of [batch, 4 * hidden] is
// `batch` rows of `hidden` values (so a hidden size under 16 is all scalar), which is where sigmoid's two
// codes (SLEEF's expf against glibc's) give different last bits.
import type { Tensor } from '../tensor';

/** Values per vectorised row of `t` as PyTorch walks it: numel for a contiguous tensor, 0 for all-scalar. */
export function vectorRowLength(t: Tensor): number {
  const n = t.numel();
  const layout = t.layout;
  if (layout === null) return n;
  const sizes: number[] = [];
  const strides: number[] = [];
  t.shape.forEach((size, d) => {
    if (size !== 1) {
      sizes.push(size);
      strides.push(layout.strides[d]);
    }
  });
  if (sizes.length === 0) return n;
  // Only views whose strides fall from the outer dims inwards (slices, chunks, narrow): TensorIterator
  // would reorder a transposed view's dims by stride, a walk this does not model; those keep the whole-tensor
  // split they had.
  for (let d = 0; d + 1 < strides.length; d++) if (strides[d] < strides[d + 1]) return n;
  const last = sizes.length - 1;
  if (strides[last] !== 1) return 0;
  let row = sizes[last];
  for (let d = last - 1; d >= 0 && strides[d] === row; d--) row *= sizes[d];
  return row;
}

/** Calls `scalar(from, to)` for the values of each row the vector code leaves to the scalar code. */
export function forScalarParts(
  n: number,
  row: number,
  block: number,
  scalar: (from: number, to: number) => void,
): void {
  if (row >= n) return; // one row: the caller's own tail handling
  if (row <= 0) {
    scalar(0, n);
    return;
  }
  const vectorPart = row - (row % block);
  for (let start = 0; start < n; start += row) if (vectorPart < row) scalar(start + vectorPart, start + row);
}
