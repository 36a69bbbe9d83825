// PyTorch 1.13 CPU's float32 sum, bit for bit: the order in which aten/src/ATen/native/cpu/SumKernel.cpp
// (`cascade_sum`) adds the elements, replayed in float32 arithmetic. Learners compare losses with their
// classmates' PyTorch to the last digit, and long runs at a high learning rate amplify a last-bit difference
// into a visible one, so `sum`, `mean` and the losses reduced with them follow the same order.
//
// What PyTorch does for a contiguous float32 input (AVX2 or the default build: 8-lane vectors):
//   - TensorIterator moves the reduced dims to the front, orders the others by stride, merges dims that are
//     contiguous with each other, and hands the kernel 2-D slices (size0 x size1) over the remaining dims;
//   - the kernel sums each output along the reduced dim with `multi_row_sum`: running sums at 4 levels,
//     each level passed up every 2^k additions (k = max(4, ceil(log2 n) / 4)), so only numbers of similar
//     magnitude meet; vector lanes (8 floats) and "rows" (4 interleaved accumulators) are independent sums;
//   - each slice's result is added into the output (`out += partial`), which starts at 0.
// Exact for inputs under 32768 elements (GRAIN_SIZE) or with torch.set_num_threads(1): larger reductions on
// several threads split the work per thread first, which depends on the machine.
import { numel } from '../shape';
import { cascadeSum64, cascadeSumDims64 } from './cascadeSum64';

const LEVELS = 4;
const ILP = 4;
const LANES = 8;
/** Scratch accumulators: LEVELS x nrows x lanes, at most 4 x 4 x 8. */
const acc = new Float32Array(LEVELS * ILP * LANES);
/** rowSum's result, one vector. */
const rowAcc = new Float32Array(ILP * LANES);

/** utils::CeilLog2 */
function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return 32 - Math.clz32(x - 1);
}

/**
 * multi_row_sum: `nrows` independent sums of `lanes`-wide vectors; vector i of sum k starts at
 * base + i * rowStride + k * colStride. Leaves the sums in acc[0 .. nrows * lanes).
 */
function multiRowSum(
  x: Float32Array,
  base: number,
  rowStride: number,
  colStride: number,
  size: number,
  nrows: number,
  lanes: number,
): void {
  const w = nrows * lanes;
  acc.fill(0, 0, LEVELS * w);
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) addRow(x, base + i * rowStride, colStride, nrows, lanes);
    for (let j = 1; j < LEVELS; j++) {
      for (let k = 0; k < w; k++) {
        acc[j * w + k] += acc[(j - 1) * w + k];
        acc[(j - 1) * w + k] = 0;
      }
      if ((i & (levelMask << (j * levelPower))) !== 0) break;
    }
  }
  for (; i < size; i++) addRow(x, base + i * rowStride, colStride, nrows, lanes);
  for (let j = 1; j < LEVELS; j++) for (let k = 0; k < w; k++) acc[k] += acc[j * w + k];
}

/** acc[0] += one vector per row (Float32Array stores round each double sum of two floats exactly once). */
function addRow(x: Float32Array, at: number, colStride: number, nrows: number, lanes: number): void {
  for (let k = 0; k < nrows; k++) {
    const src = at + k * colStride;
    const dst = k * lanes;
    for (let l = 0; l < lanes; l++) acc[dst + l] += x[src + l];
  }
}

/** row_sum: one sum of `size` vectors `stride` apart, as 4 interleaved sums; the result in rowAcc[0 .. lanes). */
function rowSum(x: Float32Array, base: number, stride: number, size: number, lanes: number): void {
  const sizeIlp = Math.floor(size / ILP);
  multiRowSum(x, base, stride * ILP, stride, sizeIlp, ILP, lanes);
  for (let i = sizeIlp * ILP; i < size; i++) {
    const at = base + i * stride;
    for (let l = 0; l < lanes; l++) acc[l] += x[at + l];
  }
  for (let k = 1; k < ILP; k++) for (let l = 0; l < lanes; l++) acc[l] += acc[k * lanes + l];
  for (let l = 0; l < lanes; l++) rowAcc[l] = acc[l];
}

/** vectorized_inner_sum of one contiguous run: 8-lane row_sum, then the scalar tail, then the lanes in order. */
function innerSum(x: Float32Array, base: number, n: number): number {
  const vecSize = Math.floor(n / LANES);
  rowSum(x, base, LANES, vecSize, LANES);
  let s = 0;
  for (let k = vecSize * LANES; k < n; k++) s = Math.fround(s + x[base + k]);
  for (let l = 0; l < LANES; l++) s = Math.fround(s + rowAcc[l]);
  return s;
}

/** The float32 sum of x[offset .. offset + n), contiguous, in PyTorch's order (`torch.sum` of a 1-D tensor). */
export function cascadeSum(x: Float32Array, offset = 0, n = x.length - offset): number {
  // A float64 buffer (typed as Float32Array, see buffers.ts): the double kernels.
  if (!(x instanceof Float32Array)) return cascadeSum64(x, offset, n);
  if (n >= LANES) return Math.fround(0 + innerSum(x, offset, n));
  rowSum(x, offset, 1, n, 1);
  return Math.fround(0 + rowAcc[0]);
}

export interface IterDim {
  size: number;
  inStride: number;
  outStride: number;
}

/** TensorIterator's reorder_dimensions for a reduction: reduced dims first, then by stride (innermost first). */
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

/**
 * out (the reduction's output, contiguous, zeroed) += the float32 sums of contiguous `x` of `shape` over
 * `reduced` dims, element by element in PyTorch's order.
 */
export function cascadeSumDims(
  x: Float32Array,
  shape: readonly number[],
  reduced: readonly number[],
  out: Float32Array,
): void {
  if (numel(shape) === 0) return;
  if (!(x instanceof Float32Array)) {
    cascadeSumDims64(x as unknown as Float64Array, shape, reduced, out as unknown as Float64Array);
    return;
  }
  const dims = iterationDims(shape, reduced);
  const d0 = dims[0] ?? { size: 1, inStride: 0, outStride: 0 };
  const d1 = dims[1] ?? { size: 1, inStride: 0, outStride: 0 };
  const outer = dims.slice(2);
  const counter = outer.map(() => 0);
  let inBase = 0;
  let outBase = 0;
  for (;;) {
    sliceSum(x, inBase, out, outBase, d0, d1);
    let k = 0;
    for (; k < outer.length; k++) {
      counter[k]++;
      inBase += outer[k].inStride;
      outBase += outer[k].outStride;
      if (counter[k] < outer[k].size) break;
      inBase -= outer[k].inStride * outer[k].size;
      outBase -= outer[k].outStride * outer[k].size;
      counter[k] = 0;
    }
    if (k === outer.length) return;
  }
}

/** cascade_sum's loop over one 2-D slice: picks the inner, outer, vectorised or scalar kernel as PyTorch. */
function sliceSum(x: Float32Array, inBase: number, out: Float32Array, outBase: number, a: IterDim, b: IterDim): void {
  // Move the reduction to the first dim.
  if (a.outStride !== 0 && b.outStride === 0) [a, b] = [b, a];
  if (a.outStride !== 0 && b.outStride !== 0) {
    // Not a true reduction: out = out + x, element by element.
    for (let j = 0; j < b.size; j++) {
      for (let i = 0; i < a.size; i++) {
        const o = outBase + j * b.outStride + i * a.outStride;
        out[o] += x[inBase + j * b.inStride + i * a.inStride];
      }
    }
    return;
  }
  const os = b.outStride;
  const size0 = a.size;
  const size1 = b.size;
  if (a.inStride === 1 && size0 >= LANES) {
    for (let j = 0; j < size1; j++) out[outBase + j * os] += innerSum(x, inBase + j * b.inStride, size0);
  } else if (b.inStride === 1 && size1 >= LANES) {
    outerSum(x, inBase, a.inStride, size0, size1, out, outBase, os);
  } else if (a.inStride < b.inStride) {
    for (let j = 0; j < size1; j++) {
      rowSum(x, inBase + j * b.inStride, a.inStride, size0, 1);
      out[outBase + j * os] += rowAcc[0];
    }
  } else {
    let j = 0;
    for (; j + (ILP - 1) < size1; j += ILP) {
      multiRowSum(x, inBase + j * b.inStride, a.inStride, b.inStride, size0, ILP, 1);
      for (let k = 0; k < ILP; k++) out[outBase + (j + k) * os] += acc[k];
    }
    for (; j < size1; j++) {
      rowSum(x, inBase + j * b.inStride, a.inStride, size0, 1);
      out[outBase + j * os] += rowAcc[0];
    }
  }
}

/** vectorized_outer_sum: columns contiguous, 32 at a time (4 vectors), then 8 at a time, then one by one. */
function outerSum(
  x: Float32Array,
  inBase: number,
  rowStride: number,
  size0: number,
  size1: number,
  out: Float32Array,
  outBase: number,
  os: number,
): void {
  let j = 0;
  for (; j + ILP * LANES <= size1; j += ILP * LANES) {
    multiRowSum(x, inBase + j, rowStride, LANES, size0, ILP, LANES);
    for (let k = 0; k < ILP * LANES; k++) out[outBase + (j + k) * os] += acc[k];
  }
  for (; j + LANES <= size1; j += LANES) {
    rowSum(x, inBase + j, rowStride, size0, LANES);
    for (let l = 0; l < LANES; l++) out[outBase + (j + l) * os] += rowAcc[l];
  }
  for (; j < size1; j++) {
    rowSum(x, inBase + j, rowStride, size0, 1);
    out[outBase + j * os] += rowAcc[0];
  }
}
