// Float32 matrix @ vector (torch.mv, `W @ x` with a 2-D W and a 1-D x) in the order PyTorch 1.13 gives on CPU:
// BLAS sgemv with trans='T' (the row-major matrix is column-major transposed), which OpenBLAS 0.3.21 runs on
// AVX2 + FMA machines as kernel/x86_64/sgemv_t_4.c with the Haswell micro-kernel. Measured bit for bit against
// Debian's python3-torch over that OpenBLAS (one thread; test/unit/matmul-bits.test.ts):
//  - the length k is cut into blocks of 4096 (the last block the rest, less k mod 4); within a block:
//  - rows in whole groups of 4 (sgemv_kernel_4x4, Haswell): 8 float32 lanes of fused multiply-adds, after a
//    first 4 elements into lanes 0-3 when the block length has a 4 in it; element i then into lane
//    (i - first) mod 8; the result (l0 + l4) + (l1 + l5) and (l2 + l6) + (l3 + l7), added pairwise;
//  - the next 2 rows when rows mod 4 >= 2 (sgemv_kernel_4x2): 4 lanes of products rounded then added (SSE);
//  - a last odd row (sgemv_kernel_4x1): two registers of 4 lanes, the first 4 elements (when the block length
//    has a 4) and the first half of each 8 into one, the second halves into the other, then added;
//  - each block's sum is added to y (from 0); the last k mod 4 elements are products rounded and added left to
//    right, then added to y.
// Only the forward product; MvBackward's own products (an outer product, which is exact, and sgemv 'N' for the
// vector's gradient) go through the gemm order.
import { fmaf } from '../random';

const f32 = Math.fround;
const BLOCK = 4096;
const lanes = new Float64Array(8);

/** y[0 .. m) = A (m x k, row-major from aOff) times x (k values from xOff), in OpenBLAS's sgemv_t order. */
export function sgemvT(
  m: number,
  k: number,
  A: ArrayLike<number>,
  aOff: number,
  x: ArrayLike<number>,
  xOff: number,
  y: Float32Array,
  yOff: number,
): void {
  const tail = k & 3;
  const groups = m & ~3;
  const pairEnd = m & 2 ? groups + 2 : groups;
  y.fill(0, yOff, yOff + m);
  for (let start = 0, left = k - tail; left > 0;) {
    const nb = Math.min(BLOCK, left);
    for (let r = 0; r < m; r++) {
      const a = aOff + r * k + start;
      const v = xOff + start;
      const sum = r < groups ? fused8(A, a, x, v, nb) : r < pairEnd ? rounded4(A, a, x, v, nb) : split4(A, a, x, v, nb);
      y[yOff + r] = f32(y[yOff + r] + sum);
    }
    start += nb;
    left -= nb;
  }
  if (tail === 0) return;
  for (let r = 0; r < m; r++) {
    const a = aOff + r * k + k - tail;
    const v = xOff + k - tail;
    let t = f32(A[a] * x[v]);
    for (let l = 1; l < tail; l++) t = f32(t + f32(A[a + l] * x[v + l]));
    y[yOff + r] = f32(y[yOff + r] + t);
  }
}

/** The Haswell 4x4 kernel's sum for one row: 8 lanes of fused multiply-adds. */
function fused8(A: ArrayLike<number>, a: number, x: ArrayLike<number>, v: number, n: number): number {
  lanes.fill(0);
  let i = 0;
  if (n & 4) {
    for (let l = 0; l < 4; l++) lanes[l] = fmaf(A[a + l], x[v + l], lanes[l]);
    i = 4;
  }
  for (; i < n; i += 8) for (let l = 0; l < 8; l++) lanes[l] = fmaf(A[a + i + l], x[v + i + l], lanes[l]);
  const s0 = f32(lanes[0] + lanes[4]);
  const s1 = f32(lanes[1] + lanes[5]);
  const s2 = f32(lanes[2] + lanes[6]);
  const s3 = f32(lanes[3] + lanes[7]);
  return f32(f32(s0 + s1) + f32(s2 + s3));
}

/** The 4x2 kernel's sum for one row: 4 lanes, each product rounded, then added. */
function rounded4(A: ArrayLike<number>, a: number, x: ArrayLike<number>, v: number, n: number): number {
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  for (let i = 0; i < n; i += 4) {
    l0 = f32(l0 + f32(A[a + i] * x[v + i]));
    l1 = f32(l1 + f32(A[a + i + 1] * x[v + i + 1]));
    l2 = f32(l2 + f32(A[a + i + 2] * x[v + i + 2]));
    l3 = f32(l3 + f32(A[a + i + 3] * x[v + i + 3]));
  }
  return f32(f32(l0 + l1) + f32(l2 + l3));
}

/** The 4x1 kernel's sum for one row: two registers of 4 rounded-product lanes (halves of each 8), added. */
function split4(A: ArrayLike<number>, a: number, x: ArrayLike<number>, v: number, n: number): number {
  const lo = [0, 0, 0, 0];
  const hi = [0, 0, 0, 0];
  let i = 0;
  if (n & 4) {
    for (let l = 0; l < 4; l++) lo[l] = f32(A[a + l] * x[v + l]);
    i = 4;
  }
  for (; i < n; i += 8) {
    for (let l = 0; l < 4; l++) lo[l] = f32(lo[l] + f32(A[a + i + l] * x[v + i + l]));
    for (let l = 0; l < 4; l++) hi[l] = f32(hi[l] + f32(A[a + i + 4 + l] * x[v + i + 4 + l]));
  }
  const s = lo.map((value, l) => f32(value + hi[l]));
  return f32(f32(s[0] + s[1]) + f32(s[2] + s[3]));
}
