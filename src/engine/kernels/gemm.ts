// General matrix multiply, the one hot kernel: C[m x n] (+)= op(A) * op(B), where op(X) is X or X^T.
// Linear's forward (X W^T) and both backward products (G W and G^T X) go through here, so all three
// orientations must be fast. Row-major, contiguous.
//
// Dispatch: products of at least WASM_MIN_WORK multiply-adds run in the WebAssembly SIMD kernel
// (assembly/gemm.ts, via gemm-wasm.ts); smaller ones, and everything on runtimes without WebAssembly SIMD,
// run in plain TypeScript (gemm-ts.ts), where there is no copy in and out of wasm memory to pay for.
// BACKPROP_LENS_WASM=0 in the environment forces TypeScript everywhere (see wasm-kernels.ts).
// Both add up in PyTorch's order (OpenBLAS sgemm's, gemm-order.ts), so every path gives PyTorch's bits.
import { gemmTs } from './gemm-ts';
import { gemmF64 } from './gemm-f64';
import { WasmGemm, wasmGemm } from './gemm-wasm';

/** Measured crossover (~4x4x4 on x64): below it the ~200 ns of copies and call into wasm outweigh SIMD. */
export const WASM_MIN_WORK = 128;

let wasm: WasmGemm | null | undefined;

/** Which kernel large products use in this runtime: 'relaxed-simd', 'simd' or 'ts'. */
export function gemmBackend(): string {
  if (wasm === undefined) wasm = wasmGemm();
  return wasm ? wasm.flavor : 'ts';
}

/** C[cOff ..] = `row` (n floats) on each of m rows. */
function fillRows(C: Float32Array, cOff: number, m: number, n: number, row: Float32Array): void {
  for (let r = 0; r < m; r++) C.set(row, cOff + r * n);
}

/**
 * @param transA false: A is m x k; true: A is stored k x m and used transposed
 * @param transB false: B is k x n; true: B is stored n x k and used transposed
 * @param accumulate when true C += product, else C = product
 * @param rows when given (n floats), C = rows repeated + product: Linear's forward onto its bias, as addmm
 */
export function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  A: Float32Array,
  aOffset: number,
  B: Float32Array,
  bOffset: number,
  C: Float32Array,
  cOffset: number,
  accumulate: boolean,
  rows?: Float32Array,
): void {
  // A float64 product (see buffers.ts): the double-precision kernel.
  if (!(C instanceof Float32Array)) {
    if (rows) fillRows(C, cOffset, m, n, rows);
    gemmF64(transA, transB, m, n, k, A, aOffset, B, bOffset, C as Float64Array, cOffset, accumulate || !!rows);
    return;
  }
  if (m * n * k >= WASM_MIN_WORK) {
    if (wasm === undefined) wasm = wasmGemm();
    if (wasm) {
      try {
        wasm.gemm(transA, transB, m, n, k, A, aOffset, B, bOffset, C, cOffset, accumulate, rows);
        return;
      } catch (err) {
        // Wasm memory could not grow (32-bit address space or a browser limit): C is untouched until the
        // kernel has run, so the TypeScript kernel can still do the product.
        if (!(err instanceof RangeError)) throw err;
      }
    }
  }
  if (rows) fillRows(C, cOffset, m, n, rows);
  gemmTs(transA, transB, m, n, k, A, aOffset, B, bOffset, C, cOffset, accumulate || !!rows);
}
