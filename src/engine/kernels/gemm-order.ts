// The order in which PyTorch 1.13 on CPU adds up a float32 matrix product, so that ours gives its bits.
// PyTorch hands every float32 mm / addmm (Linear) / matmul of 2-D operands to BLAS sgemm; Debian's
// python3-torch 1.13.1 runs over OpenBLAS 0.3.21, whose dynamic dispatch picks its Haswell kernels on
// AVX2 + FMA CPUs (AVX-512 ones it does not know as SkylakeX included). Measured against that build, one
// thread (as the conformance outputs run, OMP_NUM_THREADS=1), bit for bit on shapes with k up to 2000:
//  - PyTorch's row-major C = A B is BLAS's column-major C^T = B^T A^T: BLAS's M is our columns (n), its N
//    our rows (m).
//  - K is cut into blocks (driver/level3/level3.c, GEMM_Q = 320, GEMM_UNROLL_M = 8): 320 while at least
//    640 remain, half of what remains (rounded up to 8) when between 321 and 639, the rest otherwise. Each
//    block's sum is added to C with one rounding (C starts at 0 for mm, at the bias rows for addmm).
//  - Within a block each element is a chain of fused multiply-adds in k order from 0, except where the
//    micro-kernel (sgemm_kernel_8x4_haswell_2.c) keeps two chains: its 8 x 4 tile (8 columns of ours x 4
//    rows) and its 8 x 6 head and tail tiles of the 12-row panels give the even steps of each run of
//    8 steps to one chain and the odd steps to another, the last (block length mod 8) steps to the first,
//    and add the two chains (one rounding) before adding to C. pairedRows says which elements that is.
//  - Which tiles: columns go in groups of 8 (within blocks of GEMM_P = 320 columns, cut like K); rows in
//    panels of 12, then 8, 4, 2, 1 (the first column block cuts rows into 12s, then 4s, then the rest).
//    A 4-row panel: every whole group of 8 columns is paired. A 12-row panel over at least 16 columns: the
//    first group on rows 0-5, and the last group the staggered 16 x 6 tiles leave, on rows 0-5 or 6-11.
// Not reproduced: several OpenBLAS threads (products over 262144 multiply-adds, with more threads) cut M
// and N otherwise. dot (sdot) has its own order (dotOrder.ts), matrix @ vector (sgemv_t) too (gemvOrder.ts),
// small bmm entries PyTorch's loop (bmmSmall.ts).

/** OpenBLAS's K (and M) blocking: [start, length] pairs. */
export function blasBlocks(k: number, q = 320): number[] {
  const out: number[] = [];
  for (let ls = 0; ls < k;) {
    let len = k - ls;
    if (len >= 2 * q) len = q;
    else if (len > q) len = ((((len / 2) | 0) + 7) >> 3) << 3;
    out.push(ls, len);
    ls += len;
  }
  return out;
}

/** Marks the paired rows of one kernel call over `cols` columns (from group g0) and rows r0 .. r0 + rows. */
function markCall(flags: Uint8Array, m: number, g0: number, cols: number, r0: number, rows: number): void {
  const groups = cols >> 3;
  const mark = (g: number, from: number, count: number) =>
    flags.fill(1, (g0 + g) * m + from, (g0 + g) * m + from + count);
  let j = 0;
  for (; rows - j > 11; j += 12) {
    if (cols < 16) continue;
    const r = r0 + j;
    mark(0, r, 6);
    // The staggered 16 x 6 tiles: right half one 8-column step ahead of the left; the last 8 columns of
    // whichever half ends first go through the paired 8 x 6 tail.
    for (let c = 0, left = cols; ;) {
      c += 8;
      left -= 8;
      if (left < 16) {
        mark(c >> 3, r, 6);
        break;
      }
      c += 8;
      left -= 8;
      if (left < 16) {
        mark(c >> 3, r + 6, 6);
        break;
      }
    }
  }
  for (; rows - j > 7; j += 8);
  for (; rows - j > 3; j += 4) for (let g = 0; g < groups; g++) mark(g, r0 + j, 4);
}

const cache = new Map<number, Uint8Array>();

/**
 * flags[g * m + i] = 1 where output row i, columns 8g .. 8g + 7, adds up in two chains (see above), for
 * g < floor(n / 8); the columns after the last whole group are single chains. Cached per shape.
 */
export function pairedRows(m: number, n: number): Uint8Array {
  const key = m * 2 ** 26 + n;
  let flags = cache.get(key);
  if (flags) return flags;
  flags = new Uint8Array((n >> 3) * m);
  const blocks = blasBlocks(n);
  for (let b = 0; b < blocks.length; b += 2) {
    const g0 = blocks[b] >> 3;
    const cols = blocks[b + 1];
    if (b > 0) {
      markCall(flags, m, g0, cols, 0, m);
      continue;
    }
    for (let r = 0; r < m;) {
      let rows = m - r;
      if (rows >= 12) rows = 12;
      else if (rows > 4) rows = 4;
      markCall(flags, m, g0, cols, r, rows);
      r += rows;
    }
  }
  if (cache.size > 64) cache.clear();
  cache.set(key, flags);
  return flags;
}
