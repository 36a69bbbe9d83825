// PyTorch 1.13 CPU's float64 sum, bit for bit: the order of cascadeSum.ts (SumKernel.cpp's `cascade_sum`)
// with Vectorized<double>'s 4 lanes and double accumulators. A copy of the float32 kernels on Float64Arrays
// rather than one generic version: the float32 ones run in every training step and keep their constants
// (lanes, accumulator arrays, Math.fround) compile-time fixed. torch.float64 tensors (`.double()`, micrograd
// checks) sum here, so their losses and gradients match PyTorch's to the last bit.
import { numel } from '../shape';
import { IterDim, iterationDims } from './cascadeSum';

const LEVELS = 4;
const ILP = 4;
const LANES = 4;
const acc = new Float64Array(LEVELS * ILP * LANES);
const rowAcc = new Float64Array(ILP * LANES);

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
  x: Float64Array,
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

/** acc[0] += one vector per row (Float64Array stores round each double sum of two floats exactly once). */
function addRow(x: Float64Array, at: number, colStride: number, nrows: number, lanes: number): void {
  for (let k = 0; k < nrows; k++) {
    const src = at + k * colStride;
    const dst = k * lanes;
    for (let l = 0; l < lanes; l++) acc[dst + l] += x[src + l];
  }
}

/** row_sum: one sum of `size` vectors `stride` apart, as 4 interleaved sums; the result in rowAcc[0 .. lanes). */
function rowSum(x: Float64Array, base: number, stride: number, size: number, lanes: number): void {
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
function innerSum(x: Float64Array, base: number, n: number): number {
  const vecSize = Math.floor(n / LANES);
  rowSum(x, base, LANES, vecSize, LANES);
  let s = 0;
  for (let k = vecSize * LANES; k < n; k++) s = s + x[base + k];
  for (let l = 0; l < LANES; l++) s = s + rowAcc[l];
  return s;
}

/** The float32 sum of x[offset .. offset + n), contiguous, in PyTorch's order (`torch.sum` of a 1-D tensor). */
export function cascadeSum64(x: Float64Array, offset = 0, n = x.length - offset): number {
  if (n >= LANES) return 0 + innerSum(x, offset, n);
  rowSum(x, offset, 1, n, 1);
  return 0 + rowAcc[0];
}

/**
 * out (the reduction's output, contiguous, zeroed) += the float32 sums of contiguous `x` of `shape` over
 * `reduced` dims, element by element in PyTorch's order.
 */
export function cascadeSumDims64(
  x: Float64Array,
  shape: readonly number[],
  reduced: readonly number[],
  out: Float64Array,
): void {
  if (numel(shape) === 0) return;
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
function sliceSum(x: Float64Array, inBase: number, out: Float64Array, outBase: number, a: IterDim, b: IterDim): void {
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
  x: Float64Array,
  inBase: number,
  rowStride: number,
  size0: number,
  size1: number,
  out: Float64Array,
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
