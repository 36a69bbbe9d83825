// TensorIterator's order of dimensions for a reduction (aten/src/ATen/TensorIterator.cpp, reorder_dimensions
// and coalesce_dimensions): which dim the kernel walks innermost decides the order of the additions, so the
// cascade sums (cascadeSum.ts) need it to add in PyTorch's order.

export interface IterDim {
  size: number;
  inStride: number;
  outStride: number;
}

/** reorder_dimensions' comparison: reduced dims first, then by stride (innermost first). */
function shouldSwap(a: IterDim, b: IterDim): number {
  if ((a.outStride === 0) !== (b.outStride === 0)) return b.outStride === 0 ? 1 : -1;
  for (const [s0, s1] of [
    [a.outStride, b.outStride],
    [a.inStride, b.inStride],
  ]) {
    if (s0 === 0 || s1 === 0) continue;
    if (s0 < s1) return -1;
    if (s0 > s1) return 1;
    if (a.size > b.size) return 1;
  }
  return 0;
}

/** The dims of a contiguous input of `shape` reduced over `reduced`, innermost first, merged where contiguous. */
export function iterationDims(shape: readonly number[], reduced: readonly number[]): IterDim[] {
  let outStride = 1;
  const byDim: IterDim[] = [];
  let inStride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    const isReduced = reduced.includes(d);
    byDim.push({ size: shape[d], inStride, outStride: isReduced ? 0 : outStride });
    inStride *= shape[d];
    if (!isReduced) outStride *= shape[d];
  }
  // byDim is innermost first, as TensorIterator's initial permutation; size-1 dims never matter.
  const perm = byDim.filter((d) => d.size !== 1);
  for (let i = 1; i < perm.length; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1], perm[d0]];
        d1 = d0;
      } else if (c < 0) break;
    }
  }
  const merged: IterDim[] = [];
  for (const d of perm) {
    const prev = merged[merged.length - 1];
    if (prev && prev.inStride * prev.size === d.inStride && prev.outStride * prev.size === d.outStride) {
      prev.size *= d.size;
    } else merged.push({ ...d });
  }
  return merged;
}
