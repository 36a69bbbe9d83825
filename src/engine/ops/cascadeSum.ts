// PyTorch 1.13 CPU's sum, bit for bit: the order in which aten/src/ATen/native/cpu/SumKernel.cpp
// (`cascade_sum`) adds the elements, replayed in the tensor's own precision. Learners compare losses with
// their classmates' PyTorch to the last digit, and long runs at a high learning rate amplify a last-bit
// difference into a visible one, so `sum`, `mean` and the losses reduced with them follow the same order.
//
// What PyTorch does for a contiguous input (AVX2 or the default build: 32-byte vectors, so 8 float32 lanes
// or 4 float64 lanes):
//   - TensorIterator moves the reduced dims to the front, orders the others by stride, merges dims that are
//     contiguous with each other (reductionOrder.ts), and hands the kernel 2-D slices (size0 x size1);
//   - the kernel sums each output along the reduced dim with `multi_row_sum`: running sums at 4 levels,
//     each level passed up every 2^k additions (k = max(4, ceil(log2 n) / 4)), so only numbers of similar
//     magnitude meet; vector lanes and "rows" (4 interleaved accumulators) are independent sums;
//   - each slice's result is added into the output (`out += partial`), which starts at 0.
// Exact for inputs under 32768 elements (GRAIN_SIZE) or with torch.set_num_threads(1): larger reductions on
// several threads split the work per thread first, which depends on the machine.
//
// One kernel serves both precisions: its accumulators are typed arrays of the tensor's element type, and
// storing into them rounds each addition exactly once, as the C++ kernel's registers do. (A run that also
// sums float64 tensors makes V8's element loads here polymorphic: float32 sums then take ~1.3x as long.)
import { numel } from '../shape';
import { IterDim, iterationDims } from './reductionOrder';
import { columnCascadeSumWasm } from '../kernels/columnSum';

type Floats = Float32Array | Float64Array;

const LEVELS = 4;
const ILP = 4;

/** utils::CeilLog2 */
export function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return 32 - Math.clz32(x - 1);
}

/** Each level of the cascade passes its sum up every 2^levelPowerOf(n) additions. */
function levelPowerOf(size: number): number {
  return Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
}

class CascadeKernel {
  /** outerSum's column sums from WebAssembly, grown as needed. */
  private columnSums = new Float32Array(0);

  /** Scratch accumulators: LEVELS x nrows x lanes. */
  private readonly acc: Floats;
  /** rowSum's result, one vector. */
  private readonly rowAcc: Floats;
  /** A scalar running sum, rounded to the element type on every store. */
  private readonly scalar: Floats;

  constructor(
    private readonly lanes: number,
    floats: (n: number) => Floats,
  ) {
    this.acc = floats(LEVELS * ILP * lanes);
    this.rowAcc = floats(ILP * lanes);
    this.scalar = floats(1);
  }

  /** The sum of x[offset .. offset + n), contiguous, in PyTorch's order (`torch.sum` of a 1-D tensor). */
  sum(x: Floats, offset: number, n: number): number {
    if (n >= this.lanes) return this.innerSum(x, offset, n);
    this.rowSum(x, offset, 1, n, 1);
    return this.rowAcc[0];
  }

  /** out (contiguous, zeroed) += the sums of contiguous `x` of `shape` over `reduced` dims, in PyTorch's order. */
  sumDims(x: Floats, shape: readonly number[], reduced: readonly number[], out: Floats): void {
    if (numel(shape) === 0) return;
    const dims = iterationDims(shape, reduced);
    const d0 = dims[0] ?? { size: 1, inStride: 0, outStride: 0 };
    const d1 = dims[1] ?? { size: 1, inStride: 0, outStride: 0 };
    const outer = dims.slice(2);
    const counter = outer.map(() => 0);
    let inBase = 0;
    let outBase = 0;
    for (;;) {
      this.sliceSum(x, inBase, out, outBase, d0, d1);
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

  /**
   * multi_row_sum: `nrows` independent sums of `lanes`-wide vectors; vector i of sum k starts at
   * base + i * rowStride + k * colStride. Leaves the sums in acc[0 .. nrows * lanes).
   */
  private multiRowSum(
    x: Floats,
    base: number,
    rowStride: number,
    colStride: number,
    size: number,
    nrows: number,
    lanes: number,
  ): void {
    const acc = this.acc;
    const w = nrows * lanes;
    acc.fill(0, 0, LEVELS * w);
    const levelPower = levelPowerOf(size);
    const levelStep = 1 << levelPower;
    const levelMask = levelStep - 1;
    let i = 0;
    while (i + levelStep <= size) {
      for (let j = 0; j < levelStep; j++, i++) this.addRow(x, base + i * rowStride, colStride, nrows, lanes);
      for (let j = 1; j < LEVELS; j++) {
        for (let k = 0; k < w; k++) {
          acc[j * w + k] += acc[(j - 1) * w + k];
          acc[(j - 1) * w + k] = 0;
        }
        if ((i & (levelMask << (j * levelPower))) !== 0) break;
      }
    }
    for (; i < size; i++) this.addRow(x, base + i * rowStride, colStride, nrows, lanes);
    for (let j = 1; j < LEVELS; j++) for (let k = 0; k < w; k++) acc[k] += acc[j * w + k];
  }

  /** acc[0] += one vector per row. */
  private addRow(x: Floats, at: number, colStride: number, nrows: number, lanes: number): void {
    const acc = this.acc;
    for (let k = 0; k < nrows; k++) {
      const src = at + k * colStride;
      const dst = k * lanes;
      for (let l = 0; l < lanes; l++) acc[dst + l] += x[src + l];
    }
  }

  /** row_sum: one sum of `size` vectors `stride` apart, as 4 interleaved sums; the result in rowAcc[0 .. lanes). */
  private rowSum(x: Floats, base: number, stride: number, size: number, lanes: number): void {
    const acc = this.acc;
    const sizeIlp = Math.floor(size / ILP);
    this.multiRowSum(x, base, stride * ILP, stride, sizeIlp, ILP, lanes);
    for (let i = sizeIlp * ILP; i < size; i++) {
      const at = base + i * stride;
      for (let l = 0; l < lanes; l++) acc[l] += x[at + l];
    }
    for (let k = 1; k < ILP; k++) for (let l = 0; l < lanes; l++) acc[l] += acc[k * lanes + l];
    for (let l = 0; l < lanes; l++) this.rowAcc[l] = acc[l];
  }

  /** vectorized_inner_sum of one contiguous run: a full-width row_sum, the scalar tail, then the lanes in order. */
  private innerSum(x: Floats, base: number, n: number): number {
    const lanes = this.lanes;
    const s = this.scalar;
    const vecSize = Math.floor(n / lanes);
    this.rowSum(x, base, lanes, vecSize, lanes);
    s[0] = 0;
    for (let k = vecSize * lanes; k < n; k++) s[0] += x[base + k];
    for (let l = 0; l < lanes; l++) s[0] += this.rowAcc[l];
    return s[0];
  }

  /** cascade_sum's loop over one 2-D slice: picks the inner, outer, vectorised or scalar kernel as PyTorch. */
  private sliceSum(x: Floats, inBase: number, out: Floats, outBase: number, a: IterDim, b: IterDim): void {
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
    if (a.inStride === 1 && size0 >= this.lanes) {
      for (let j = 0; j < size1; j++) out[outBase + j * os] += this.innerSum(x, inBase + j * b.inStride, size0);
    } else if (b.inStride === 1 && size1 >= this.lanes) {
      this.outerSum(x, inBase, a.inStride, size0, size1, out, outBase, os);
    } else if (a.inStride < b.inStride) {
      for (let j = 0; j < size1; j++) {
        this.rowSum(x, inBase + j * b.inStride, a.inStride, size0, 1);
        out[outBase + j * os] += this.rowAcc[0];
      }
    } else {
      let j = 0;
      for (; j + (ILP - 1) < size1; j += ILP) {
        this.multiRowSum(x, inBase + j * b.inStride, a.inStride, b.inStride, size0, ILP, 1);
        for (let k = 0; k < ILP; k++) out[outBase + (j + k) * os] += this.acc[k];
      }
      for (; j < size1; j++) {
        this.rowSum(x, inBase + j * b.inStride, a.inStride, size0, 1);
        out[outBase + j * os] += this.rowAcc[0];
      }
    }
  }

  private columns(n: number): Float32Array {
    if (this.columnSums.length < n) this.columnSums = new Float32Array(n);
    return this.columnSums;
  }

  /** vectorized_outer_sum: columns contiguous, 4 vectors at a time, then one vector, then one by one. */
  private outerSum(
    x: Floats,
    inBase: number,
    rowStride: number,
    size0: number,
    size1: number,
    out: Floats,
    outBase: number,
    os: number,
  ): void {
    const lanes = this.lanes;
    let j = 0;
    const blocks = size1 - (size1 % (ILP * lanes));
    if (blocks > 0 && x instanceof Float32Array) {
      // Float32: the whole blocks of 4 vectors in WebAssembly, where each column is still its own sum.
      const res = this.columns(blocks);
      if (columnCascadeSumWasm(x, inBase, rowStride, size0, blocks, levelPowerOf(size0), res)) {
        for (let k = 0; k < blocks; k++) out[outBase + k * os] += res[k];
        j = blocks;
      }
    }
    for (; j + ILP * lanes <= size1; j += ILP * lanes) {
      this.multiRowSum(x, inBase + j, rowStride, lanes, size0, ILP, lanes);
      for (let k = 0; k < ILP * lanes; k++) out[outBase + (j + k) * os] += this.acc[k];
    }
    for (; j + lanes <= size1; j += lanes) {
      this.rowSum(x, inBase + j, rowStride, size0, lanes);
      for (let l = 0; l < lanes; l++) out[outBase + (j + l) * os] += this.rowAcc[l];
    }
    for (; j < size1; j++) {
      this.rowSum(x, inBase + j, rowStride, size0, 1);
      out[outBase + j * os] += this.rowAcc[0];
    }
  }
}

/** Vectorized<float> on AVX2: 8 lanes. */
const float32Kernel = new CascadeKernel(8, (n) => new Float32Array(n));
/** Vectorized<double> on AVX2: 4 lanes. */
const float64Kernel = new CascadeKernel(4, (n) => new Float64Array(n));

/**
 * The sum of x[offset .. offset + n), contiguous, in PyTorch's order. A float64 buffer (typed as
 * Float32Array, see buffers.ts) sums with the double kernel.
 */
export function cascadeSum(x: Float32Array, offset = 0, n = x.length - offset): number {
  const kernel = x instanceof Float32Array ? float32Kernel : float64Kernel;
  return kernel.sum(x, offset, n);
}

/** out (the reduction's output, contiguous, zeroed) += the sums of contiguous `x` over `reduced` dims. */
export function cascadeSumDims(
  x: Float32Array,
  shape: readonly number[],
  reduced: readonly number[],
  out: Float32Array,
): void {
  const kernel = x instanceof Float32Array ? float32Kernel : float64Kernel;
  kernel.sumDims(x, shape, reduced, out);
}
