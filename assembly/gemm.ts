// WebAssembly SIMD matrix multiply, compiled by AssemblyScript (scripts/build-wasm.mjs) into the bytes that
// src/engine/kernels/wasm-kernels.ts instantiates. Same contract as the TypeScript kernel:
//   C[m x n] (+)= op(A) * op(B), row-major, op(X) = X or X^T,
// except that every pointer is a byte address in this module's memory, which the host fills and reads.
//
// Method (the classic one): pack op(A) into panels of MR rows and op(B) into panels of NR columns, each laid
// out k-major so the inner loop reads both sequentially (operands stored the other way round are
// transposed 4x4 in registers while packing); then a MR x NR micro-kernel keeps its block of C in
// SIMD registers across the whole k loop. MR = 4 rows x NR = 8 columns = 8 f32x4 accumulators, which leaves
// room in the 16 vector registers V8 uses on x64 for the two B vectors and the broadcast A value.
// Panels are zero-padded to whole MR / NR, so the micro-kernel never branches; edge blocks go through a
// scratch tile and only their valid part is written to C.
// Each element's sum is PyTorch's (OpenBLAS sgemm's order, src/engine/kernels/gemm-order.ts): one chain of
// fused multiply-adds in k order per K block of up to 320 steps, each block added to C, and the paired-chain
// variant on the rows and 8-column groups the host marks.

const MR: i32 = 4;
const NR: i32 = 8;

// a * b + c rounded once to float32, the FMA instruction of OpenBLAS's sgemm kernels (see
// src/engine/kernels/gemm-order.ts for the order they add in). Relaxed SIMD's multiply-add is that
// instruction where the CPU has FMA (the host checks, and passes `fused`); elsewhere the lanes go through
// float64, where a * b of two float32 values is exact, and are rounded once more to float32: the same bits,
// except where the double sum lands exactly halfway between two floats (about once in 2^28 steps), at some
// eight times the instructions.
// @ts-ignore: decorator
@inline function fma4(a: v128, b: v128, c: v128, fused: bool): v128 {
  if (ASC_FEATURE_RELAXED_SIMD && fused) return f32x4.relaxed_madd(a, b, c);
  const lo = f64x2.add(f64x2.mul(f64x2.promote_low_f32x4(a), f64x2.promote_low_f32x4(b)), f64x2.promote_low_f32x4(c));
  const ah = f64x2.promote_low_f32x4(v128.shuffle<f32>(a, a, 2, 3, 2, 3));
  const bh = f64x2.promote_low_f32x4(v128.shuffle<f32>(b, b, 2, 3, 2, 3));
  const ch = f64x2.promote_low_f32x4(v128.shuffle<f32>(c, c, 2, 3, 2, 3));
  const hi = f64x2.add(f64x2.mul(ah, bh), ch);
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/** Transposes the 4x4 block whose rows are r0..r3 and stores its columns at dst, dst + stride, ... */
// @ts-ignore: decorator
@inline function storeTransposed4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, stride: usize): void {
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<i64>(t0, t1, 0, 2));
  v128.store(dst + stride, v128.shuffle<i64>(t0, t1, 1, 3));
  v128.store(dst + 2 * stride, v128.shuffle<i64>(t2, t3, 0, 2));
  v128.store(dst + 3 * stride, v128.shuffle<i64>(t2, t3, 1, 3));
}

/**
 * Packs `width` consecutive rows of a row-major matrix with `k` columns (rows start at src, row stride
 * k floats) into k-major order at dst: dst[p * width + r] = row r, column p. 4x4 blocks are transposed in
 * registers; width is a multiple of 4.
 */
function packRowsTransposed(src: usize, k: i32, width: i32, dst: usize): void {
  const rowBytes = <usize>k << 2;
  const outStride = <usize>width << 2;
  const k4 = k & ~3;
  for (let r = 0; r < width; r += 4) {
    const s0 = src + <usize>r * rowBytes;
    const s1 = s0 + rowBytes;
    const s2 = s1 + rowBytes;
    const s3 = s2 + rowBytes;
    const d = dst + (<usize>r << 2);
    for (let p = 0; p < k4; p += 4) {
      const o = <usize>p << 2;
      storeTransposed4(v128.load(s0 + o), v128.load(s1 + o), v128.load(s2 + o), v128.load(s3 + o), d + <usize>p * outStride, outStride);
    }
    for (let p = k4; p < k; p++) {
      const o = <usize>p << 2;
      const out = d + <usize>p * outStride;
      store<f32>(out, load<f32>(s0 + o));
      store<f32>(out, load<f32>(s1 + o), 4);
      store<f32>(out, load<f32>(s2 + o), 8);
      store<f32>(out, load<f32>(s3 + o), 12);
    }
  }
}

/** Packs op(A) (m x k) into ceil(m / MR) panels of k x MR floats at `dst`. */
function packA(transA: bool, m: i32, k: i32, a: usize, dst: usize): void {
  for (let i0 = 0; i0 < m; i0 += MR) {
    const rows = min(MR, m - i0);
    if (transA) {
      // A is stored k x m: the MR values for one p are adjacent.
      let src = a + (<usize>i0 << 2);
      const stride = <usize>m << 2;
      if (rows == MR) {
        for (let p = 0; p < k; p++) {
          v128.store(dst, v128.load(src));
          src += stride;
          dst += MR << 2;
        }
      } else {
        for (let p = 0; p < k; p++) {
          for (let r = 0; r < MR; r++) store<f32>(dst + (<usize>r << 2), r < rows ? load<f32>(src + (<usize>r << 2)) : 0);
          src += stride;
          dst += MR << 2;
        }
      }
    } else if (rows == MR) {
      // A is stored m x k: transpose MR rows into the panel.
      packRowsTransposed(a + ((<usize>i0 * <usize>k) << 2), k, MR, dst);
      dst += (<usize>k * MR) << 2;
    } else {
      // The last, partial panel: read each row sequentially, scatter with stride MR, zero the rest.
      for (let r = 0; r < MR; r++) {
        let out = dst + (<usize>r << 2);
        if (r < rows) {
          let src = a + ((<usize>(i0 + r) * <usize>k) << 2);
          for (let p = 0; p < k; p++) {
            store<f32>(out, load<f32>(src));
            src += 4;
            out += MR << 2;
          }
        } else {
          for (let p = 0; p < k; p++) {
            store<f32>(out, 0);
            out += MR << 2;
          }
        }
      }
      dst += (<usize>k * MR) << 2;
    }
  }
}

/** Packs op(B) (k x n) into ceil(n / NR) panels of k x NR floats at `dst`. */
function packB(transB: bool, n: i32, k: i32, b: usize, dst: usize): void {
  for (let j0 = 0; j0 < n; j0 += NR) {
    const cols = min(NR, n - j0);
    if (!transB) {
      // B is stored k x n: the NR values for one p are adjacent.
      let src = b + (<usize>j0 << 2);
      const stride = <usize>n << 2;
      if (cols == NR) {
        for (let p = 0; p < k; p++) {
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
          src += stride;
          dst += NR << 2;
        }
      } else {
        for (let p = 0; p < k; p++) {
          for (let c = 0; c < NR; c++) store<f32>(dst + (<usize>c << 2), c < cols ? load<f32>(src + (<usize>c << 2)) : 0);
          src += stride;
          dst += NR << 2;
        }
      }
    } else if (cols == NR) {
      // B is stored n x k: its rows are the columns of op(B); transpose NR of them into the panel.
      packRowsTransposed(b + ((<usize>j0 * <usize>k) << 2), k, NR, dst);
      dst += (<usize>k * NR) << 2;
    } else {
      // The last, partial panel: read each row of B sequentially, scatter with stride NR, zero the rest.
      for (let c = 0; c < NR; c++) {
        let out = dst + (<usize>c << 2);
        if (c < cols) {
          let src = b + ((<usize>(j0 + c) * <usize>k) << 2);
          for (let p = 0; p < k; p++) {
            store<f32>(out, load<f32>(src));
            src += 4;
            out += NR << 2;
          }
        } else {
          for (let p = 0; p < k; p++) {
            store<f32>(out, 0);
            out += NR << 2;
          }
        }
      }
      dst += (<usize>k * NR) << 2;
    }
  }
}

/**
 * One MR x NR block, one chain per element: out[r * outStride + c] (+)= sum_p pa[p][r] * pb[p][c].
 * `out` is C itself for whole blocks, or a scratch tile (stride NR) for edge blocks.
 */
// @ts-ignore: decorator
@inline function microKernel(k: i32, pa: usize, pb: usize, out: usize, outStride: usize, accumulate: bool, fused: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = fma4(a, b0, c00, fused);
    c01 = fma4(a, b1, c01, fused);
    a = v128.load32_splat(pa, 4);
    c10 = fma4(a, b0, c10, fused);
    c11 = fma4(a, b1, c11, fused);
    a = v128.load32_splat(pa, 8);
    c20 = fma4(a, b0, c20, fused);
    c21 = fma4(a, b1, c21, fused);
    a = v128.load32_splat(pa, 12);
    c30 = fma4(a, b0, c30, fused);
    c31 = fma4(a, b1, c31, fused);
    pa += MR << 2;
    pb += NR << 2;
  }
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(out));
    c01 = f32x4.add(c01, v128.load(out, 16));
    c10 = f32x4.add(c10, v128.load(out + outStride));
    c11 = f32x4.add(c11, v128.load(out + outStride, 16));
    c20 = f32x4.add(c20, v128.load(out + 2 * outStride));
    c21 = f32x4.add(c21, v128.load(out + 2 * outStride, 16));
    c30 = f32x4.add(c30, v128.load(out + 3 * outStride));
    c31 = f32x4.add(c31, v128.load(out + 3 * outStride, 16));
  }
  v128.store(out, c00);
  v128.store(out, c01, 16);
  v128.store(out + outStride, c10);
  v128.store(out + outStride, c11, 16);
  v128.store(out + 2 * outStride, c20);
  v128.store(out + 2 * outStride, c21, 16);
  v128.store(out + 3 * outStride, c30);
  v128.store(out + 3 * outStride, c31, 16);
}

/**
 * Four columns (pb: their offset in the NR-wide panel) of one MR-row block where rows 0-1 (`low`) and / or
 * rows 2-3 (`high`) add up in OpenBLAS's paired order: in each run of 8 steps the even ones go to one chain
 * and the odd ones to another, the last k mod 8 steps to the first, then the two chains are added
 * (gemm-order.ts); the other rows are single chains.
 */
// @ts-ignore: decorator
@inline function pairedHalf(k: i32, pa: usize, pb: usize, out: usize, outStride: usize, accumulate: bool, fused: bool, low: bool, high: bool): void {
  let e0 = f32x4.splat(0), e1 = f32x4.splat(0), e2 = f32x4.splat(0), e3 = f32x4.splat(0);
  let o0 = f32x4.splat(0), o1 = f32x4.splat(0), o2 = f32x4.splat(0), o3 = f32x4.splat(0);
  const pairs = k & ~7;
  let p = 0;
  for (; p < pairs; p += 2) {
    let b = v128.load(pb);
    e0 = fma4(v128.load32_splat(pa), b, e0, fused);
    e1 = fma4(v128.load32_splat(pa, 4), b, e1, fused);
    e2 = fma4(v128.load32_splat(pa, 8), b, e2, fused);
    e3 = fma4(v128.load32_splat(pa, 12), b, e3, fused);
    b = v128.load(pb, NR << 2);
    if (low) {
      o0 = fma4(v128.load32_splat(pa, 16), b, o0, fused);
      o1 = fma4(v128.load32_splat(pa, 20), b, o1, fused);
    } else {
      e0 = fma4(v128.load32_splat(pa, 16), b, e0, fused);
      e1 = fma4(v128.load32_splat(pa, 20), b, e1, fused);
    }
    if (high) {
      o2 = fma4(v128.load32_splat(pa, 24), b, o2, fused);
      o3 = fma4(v128.load32_splat(pa, 28), b, o3, fused);
    } else {
      e2 = fma4(v128.load32_splat(pa, 24), b, e2, fused);
      e3 = fma4(v128.load32_splat(pa, 28), b, e3, fused);
    }
    pa += MR << 3;
    pb += NR << 3;
  }
  for (; p < k; p++) {
    const b = v128.load(pb);
    e0 = fma4(v128.load32_splat(pa), b, e0, fused);
    e1 = fma4(v128.load32_splat(pa, 4), b, e1, fused);
    e2 = fma4(v128.load32_splat(pa, 8), b, e2, fused);
    e3 = fma4(v128.load32_splat(pa, 12), b, e3, fused);
    pa += MR << 2;
    pb += NR << 2;
  }
  if (low) {
    e0 = f32x4.add(e0, o0);
    e1 = f32x4.add(e1, o1);
  }
  if (high) {
    e2 = f32x4.add(e2, o2);
    e3 = f32x4.add(e3, o3);
  }
  if (accumulate) {
    e0 = f32x4.add(e0, v128.load(out));
    e1 = f32x4.add(e1, v128.load(out + outStride));
    e2 = f32x4.add(e2, v128.load(out + 2 * outStride));
    e3 = f32x4.add(e3, v128.load(out + 3 * outStride));
  }
  v128.store(out, e0);
  v128.store(out + outStride, e1);
  v128.store(out + 2 * outStride, e2);
  v128.store(out + 3 * outStride, e3);
}

// One wasm function per kernel, rounding rule and paired rows: each loop then gets the register allocation
// of a small function (inlined into one large one they ran at a third of the speed), with constant flags.
function singleFused(k: i32, pa: usize, pb: usize, out: usize, outStride: usize, accumulate: bool): void {
  microKernel(k, pa, pb, out, outStride, accumulate, true);
}
function singleExact(k: i32, pa: usize, pb: usize, out: usize, outStride: usize, accumulate: bool): void {
  microKernel(k, pa, pb, out, outStride, accumulate, false);
}
// @ts-ignore: decorator
@inline function pairedBoth(k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool, fused: bool, low: bool, high: bool): void {
  pairedHalf(k, pa, pb, out, stride, acc, fused, low, high);
  pairedHalf(k, pa, pb + 16, out + 16, stride, acc, fused, low, high);
}
function pairedFused(k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool): void {
  pairedBoth(k, pa, pb, out, stride, acc, true, true, true);
}
function pairedExact(k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool): void {
  pairedBoth(k, pa, pb, out, stride, acc, false, true, true);
}
function pairedLowFused(k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool): void {
  pairedBoth(k, pa, pb, out, stride, acc, true, true, false);
}
function pairedLowExact(k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool): void {
  pairedBoth(k, pa, pb, out, stride, acc, false, true, false);
}
function pairedHighFused(k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool): void {
  pairedBoth(k, pa, pb, out, stride, acc, true, false, true);
}
function pairedHighExact(k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool): void {
  pairedBoth(k, pa, pb, out, stride, acc, false, false, true);
}

/** The micro-kernel for paired-row bits `bits` (0, 0b0011, 0b1100 or 0b1111), writing out (stride NR for a tile). */
function kernelFor(bits: i32, k: i32, pa: usize, pb: usize, out: usize, stride: usize, acc: bool, fused: bool): void {
  if (bits == 0) {
    if (fused) singleFused(k, pa, pb, out, stride, acc);
    else singleExact(k, pa, pb, out, stride, acc);
  } else if (bits == 0b1111) {
    if (fused) pairedFused(k, pa, pb, out, stride, acc);
    else pairedExact(k, pa, pb, out, stride, acc);
  } else if (bits == 0b0011) {
    if (fused) pairedLowFused(k, pa, pb, out, stride, acc);
    else pairedLowExact(k, pa, pb, out, stride, acc);
  } else {
    if (fused) pairedHighFused(k, pa, pb, out, stride, acc);
    else pairedHighExact(k, pa, pb, out, stride, acc);
  }
}

/** Adds (or, when not accumulating, copies) the valid rows x cols of a scratch tile (stride NR) into C. */
function addTile(tile: usize, out: usize, cStride: usize, rows: i32, cols: i32, accumulate: bool): void {
  for (let r = 0; r < rows; r++) {
    for (let cc = 0; cc < cols; cc++) {
      const dst = out + <usize>r * cStride + (<usize>cc << 2);
      const v = load<f32>(tile + (<usize>(r * NR + cc) << 2));
      store<f32>(dst, accumulate ? load<f32>(dst) + v : v);
    }
  }
}

/**
 * One MR x NR block of C over K steps from panel offsets pa, pb (C += the block's sum when accumulating).
 * bits: bit r set where row r adds up in two chains (only whole blocks of NR columns have any). A 12-row
 * panel's halves meet at its row 6, so a block's rows pair as 0-3, 0-1 or 2-3 (gemm-order.ts).
 */
function block(k: i32, pa: usize, pb: usize, out: usize, cStride: usize, rows: i32, cols: i32, bits: i32, accumulate: bool, tile: usize, fused: bool): void {
  if (rows == MR && cols == NR) kernelFor(bits, k, pa, pb, out, cStride, accumulate, fused);
  else {
    // Edge blocks: the padded block into a scratch tile, then its valid part into C.
    kernelFor(bits, k, pa, pb, tile, NR << 2, false, fused);
    addTile(tile, out, cStride, rows, cols, accumulate);
  }
}

/** The paired-row bits of the block at rows i0 .. i0 + rows, columns of group g (flags: see the host). */
// @ts-ignore: decorator
@inline function pairedBits(flags: usize, m: i32, g: i32, i0: i32, rows: i32): i32 {
  let bits = 0;
  const at = flags + <usize>g * <usize>m + <usize>i0;
  for (let r = 0; r < rows; r++) bits |= <i32>load<u8>(at + <usize>r) << r;
  return bits;
}

function gemmBlocks(m: i32, n: i32, k: i32, pa: usize, pb: usize, c: usize, accumulate: bool, tile: usize, flags: usize, fused: bool): void {
  const cStride = <usize>n << 2;
  const aPanelBytes = (<usize>k * MR) << 2;
  const bPanelBytes = (<usize>k * NR) << 2;
  const wholeCols = n & ~(NR - 1);
  for (let i0 = 0; i0 < m; i0 += MR) {
    const rows = min(MR, m - i0);
    const aPanel = pa + <usize>(i0 / MR) * aPanelBytes;
    for (let j0 = 0; j0 < n; j0 += NR) {
      const cols = min(NR, n - j0);
      const bPanel = pb + <usize>(j0 / NR) * bPanelBytes;
      const out = c + <usize>i0 * cStride + (<usize>j0 << 2);
      const paired = flags != 0 && j0 < wholeCols ? pairedBits(flags, m, j0 / NR, i0, rows) : 0;
      // OpenBLAS's K blocks (GEMM_Q = 320), each summed on its own and added to C.
      for (let ls = 0; ls < k; ) {
        let len = k - ls;
        if (len >= 640) len = 320;
        else if (len > 320) len = (((len >> 1) + 7) >> 3) << 3;
        block(len, aPanel + ((<usize>ls * MR) << 2), bPanel + ((<usize>ls * NR) << 2), out, cStride, rows, cols, paired, accumulate || ls > 0, tile, fused);
        ls += len;
      }
    }
  }
}

/**
 * C (+)= op(A) op(B) in OpenBLAS's order (src/engine/kernels/gemm-order.ts). a, b, c: byte addresses of
 * row-major operands (A is m x k, or k x m when transA; B is k x n, or n x k when transB; C is m x n).
 * scratch: free bytes for the packed panels and two tiles, (ceil(m / MR) * MR + ceil(n / NR) * NR) * k * 4
 * + 2 * MR * NR * 4 (computed by the host, gemm-wasm.ts). flags: 0, or floor(n / 8) * m bytes, 1 where
 * output row i of column group g adds up in two chains (byte g * m + i). fused: relaxed SIMD's
 * multiply-add is fused on this machine.
 */
export function gemm(
  transA: bool,
  transB: bool,
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  b: usize,
  c: usize,
  accumulate: bool,
  scratch: usize,
  flags: usize,
  fused: bool,
): void {
  const mp = <usize>((m + MR - 1) / MR) * MR;
  const np = <usize>((n + NR - 1) / NR) * NR;
  const pa = scratch;
  const pb = pa + ((mp * <usize>k) << 2);
  const tile = pb + ((np * <usize>k) << 2);
  packA(transA, m, k, a, pa);
  packB(transB, n, k, b, pb);
  gemmBlocks(m, n, k, pa, pb, c, accumulate, tile, flags, fused);
}

/**
 * C (m x n, row-major at byte address c) = `row` (n floats) repeated on every row: where Linear's forward
 * starts, so that the product then accumulates onto its bias (gemm with accumulate) as addmm does.
 */
export function fillRows(m: i32, n: i32, row: usize, c: usize): void {
  const rowBytes = <usize>n << 2;
  for (let r = 0; r < m; r++) memory.copy(c + <usize>r * rowBytes, row, rowBytes);
}
