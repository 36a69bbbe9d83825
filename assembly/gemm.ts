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

const MR: i32 = 4;
const NR: i32 = 8;

// a * b + c, rounded twice in every build. Relaxed SIMD's multiply-add would be fused where the CPU has FMA
// and not elsewhere, and fused or not it does not give PyTorch's bits either (OpenBLAS's sgemm kernels add
// in their own order): the same file would print different last digits in VS Code (relaxed SIMD on) and in
// Node 20 (off). It was no faster here (bench/RESULTS.md, matrix-multiply kernels), so one rounding rule
// serves every runtime and the tests check what learners run.
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.add(f32x4.mul(a, b), c);
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
 * One MR x NR block: out[r * outStride + c] (+)= sum_p pa[p][r] * pb[p][c].
 * `out` is C itself for whole blocks, or the scratch tile (stride NR) for edge blocks.
 */
// @ts-ignore: decorator
@inline function microKernel(k: i32, pa: usize, pb: usize, out: usize, outStride: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
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
 * C (+)= op(A) op(B). a, b, c: byte addresses of row-major operands (A is m x k, or k x m when transA;
 * B is k x n, or n x k when transB; C is m x n). scratch: free bytes for the packed panels and one tile,
 * (ceil(m / MR) * MR + ceil(n / NR) * NR) * k * 4 + MR * NR * 4 (computed by the host, gemm-wasm.ts).
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
): void {
  const mp = <usize>((m + MR - 1) / MR) * MR;
  const np = <usize>((n + NR - 1) / NR) * NR;
  const pa = scratch;
  const pb = pa + ((mp * <usize>k) << 2);
  const tile = pb + ((np * <usize>k) << 2);
  packA(transA, m, k, a, pa);
  packB(transB, n, k, b, pb);
  const cStride = <usize>n << 2;
  const aPanelBytes = (<usize>k * MR) << 2;
  const bPanelBytes = (<usize>k * NR) << 2;
  for (let i0 = 0; i0 < m; i0 += MR) {
    const rows = min(MR, m - i0);
    const aPanel = pa + <usize>(i0 / MR) * aPanelBytes;
    for (let j0 = 0; j0 < n; j0 += NR) {
      const cols = min(NR, n - j0);
      const bPanel = pb + <usize>(j0 / NR) * bPanelBytes;
      const out = c + <usize>i0 * cStride + (<usize>j0 << 2);
      if (rows == MR && cols == NR) {
        microKernel(k, aPanel, bPanel, out, cStride, accumulate);
      } else {
        microKernel(k, aPanel, bPanel, tile, NR << 2, false);
        for (let r = 0; r < rows; r++) {
          for (let cc = 0; cc < cols; cc++) {
            const dst = out + <usize>r * cStride + (<usize>cc << 2);
            const v = load<f32>(tile + ((<usize>(r * NR + cc)) << 2));
            store<f32>(dst, accumulate ? load<f32>(dst) + v : v);
          }
        }
      }
    }
  }
}

/**
 * C (m x n, row-major at byte address c) = `row` (n floats) repeated on every row: where Linear's forward
 * starts, so that the product then accumulates onto its bias (gemm with accumulate) as addmm does.
 */
export function fillRows(m: i32, n: i32, row: usize, c: usize): void {
  const rowBytes = <usize>n << 2;
  for (let r = 0; r < m; r++) memory.copy(c + <usize>r * rowBytes, row, rowBytes);
}
