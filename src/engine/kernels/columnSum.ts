// Host side of the WebAssembly column sums (assembly/cascadeSum.ts): PyTorch's cascade sum of each column of
// a row-major float32 block, the widest path of ops/cascadeSum.ts (a bias gradient summed over the batch).
// The block is copied into the module's scratch region and the sums copied out, as the other kernels do.
import { wasmKernels } from './wasm-kernels';

/** Below this many elements the copy and the call cost more than the TypeScript loop they replace. */
const MIN_ELEMENTS = 4096;

const align = (bytes: number) => (bytes + 63) & ~63;

/**
 * res[0 .. cols) = the cascade sums over `rows` rows of x[base + r * rowStride + c] (cols a multiple of 8),
 * with PyTorch's level step 2^levelPower. False, having done nothing, when small or without WebAssembly.
 */
export function columnCascadeSumWasm(
  x: Float32Array,
  base: number,
  rowStride: number,
  rows: number,
  cols: number,
  levelPower: number,
  res: Float32Array,
): boolean {
  if (rows * cols < MIN_ELEMENTS || cols % 8 !== 0 || !(x instanceof Float32Array)) return false;
  const k = wasmKernels();
  if (!k) return false;
  const span = (rows - 1) * rowStride + cols;
  const xBytes = align(span * 4);
  k.reserve(xBytes + cols * 4);
  const at = k.base;
  k.put(x, base, span, at);
  k.ex.columnCascadeSum(rows, cols, rowStride, levelPower, at, at + xBytes);
  k.get(at + xBytes, cols, res, 0);
  return true;
}
