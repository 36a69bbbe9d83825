// Host side of the WebAssembly SIMD matrix multiply (assembly/gemm.ts). Operands are copied into the
// module's scratch region, multiplied there and the result copied back: O(mk + kn + mn) copying against
// O(mnk) work, measured at 2-12% of the kernel time on the benchmark shapes (bench/RESULTS.md).
import { WasmFlavor, WasmKernels, loadWasmKernels, wasmKernels } from './wasm-kernels';
import { pairedRows } from './gemm-order';

// Must match assembly/gemm.ts: micro-kernel rows (MR) and columns (NR).
const MR = 4;
const NR = 8;

export interface WasmGemm {
  readonly flavor: WasmFlavor;
  gemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    A: Float32Array,
    aOff: number,
    B: Float32Array,
    bOff: number,
    C: Float32Array,
    cOff: number,
    accumulate: boolean,
    rows?: Float32Array,
  ): void;
}

const align = (bytes: number) => (bytes + 63) & ~63;

export function gemmOn(kernels: WasmKernels): WasmGemm {
  const ex = kernels.ex;
  let bytes = new Uint8Array(ex.memory.buffer);
  return {
    flavor: kernels.flavor,
    gemm(transA, transB, m, n, k, A, aOff, B, bOff, C, cOff, accumulate, rows) {
      const aBytes = align(m * k * 4);
      const bBytes = align(k * n * 4);
      const cBytes = align(m * n * 4);
      const rowBytes = rows ? align(n * 4) : 0;
      // Which rows of each 8-column group OpenBLAS adds up in two chains (gemm-order.ts), one byte each.
      const paired = n >= NR ? pairedRows(m, n) : null;
      const flagBytes = paired ? align(paired.length) : 0;
      // Packed panels of op(A) and op(B), zero-padded to whole MR / NR, plus two MR x NR edge tiles.
      const scratch = (Math.ceil(m / MR) * MR + Math.ceil(n / NR) * NR) * k * 4 + 2 * MR * NR * 4;
      kernels.reserve(aBytes + bBytes + cBytes + rowBytes + flagBytes + scratch);
      const a = kernels.base;
      const b = a + aBytes;
      const c = b + bBytes;
      const row = c + cBytes;
      const flags = row + rowBytes;
      if (paired) {
        if (bytes.buffer !== ex.memory.buffer) bytes = new Uint8Array(ex.memory.buffer); // memory grew
        bytes.set(paired, flags);
      }
      kernels.put(A, aOff, m * k, a);
      kernels.put(B, bOff, k * n, b);
      if (rows) {
        // C starts as the row on every line (Linear's bias), made here rather than copied in.
        kernels.put(rows, 0, n, row);
        ex.fillRows(m, n, row, c);
      } else if (accumulate) kernels.put(C, cOff, m * n, c);
      ex.gemm(
        transA ? 1 : 0,
        transB ? 1 : 0,
        m,
        n,
        k,
        a,
        b,
        c,
        accumulate || rows ? 1 : 0,
        flags + flagBytes,
        paired ? flags : 0,
        kernels.fusedMadd ? 1 : 0,
      );
      kernels.get(c, m * n, C, cOff);
    },
  };
}

let shared: WasmGemm | null | undefined;

/** The matrix multiply of the shared kernels (wasmKernels()), or null without WebAssembly SIMD. */
export function wasmGemm(): WasmGemm | null {
  if (shared === undefined) {
    const kernels = wasmKernels();
    shared = kernels ? gemmOn(kernels) : null;
  }
  return shared;
}

/** One flavor on its own instance, regardless of the others (tests check each kernel the runtime supports). */
export function loadWasmGemm(flavor: WasmFlavor): WasmGemm | null {
  const kernels = loadWasmKernels(flavor);
  return kernels ? gemmOn(kernels) : null;
}
