// Host side of the WebAssembly SIMD element-wise kernels (assembly/elementwise.ts): x op y for same-size
// operands, a scalar, or a row repeated over leading dims (a bias), and relu with its derivative. Operands
// are copied into the module's scratch region, computed there in place and copied back, as the matrix
// multiply does (tensors never live in wasm memory, so growing it cannot break one). Bit-identical to the
// TypeScript loops they replace; below EW_WASM_MIN_ELEMENTS the call costs more than it saves.
import { wasmKernels } from './wasm-kernels';

export const EW_WASM_MIN_ELEMENTS = 1024;

// As assembly/elementwise.ts.
export const EW_ADD = 0;
export const EW_SUB_SCALED = 1;
export const EW_MUL = 2;
const B_FULL = 0;
const B_SCALAR = 1;
const B_ROW = 2;

const align = (bytes: number) => (bytes + 63) & ~63;

/** The kernels are float32 only; float64 tensors (typed as Float32Array by some callers) keep their loops. */
function allFloat32(a: unknown, b: unknown, c: unknown): boolean {
  return a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array;
}

/**
 * out = x op y, where y has x's length, length 1, or divides it (a row repeated). `alpha` scales y for
 * EW_SUB_SCALED (x + alpha * y fused, one rounding, as PyTorch's fmadd). Returns false, having done nothing,
 * when the tensors are small or WebAssembly SIMD is unavailable.
 */
export function ewBinaryWasm(op: number, x: Float32Array, y: Float32Array, alpha: number, out: Float32Array): boolean {
  const n = out.length;
  if (n < EW_WASM_MIN_ELEMENTS || x.length !== n || !allFloat32(x, y, out)) return false;
  const m = y.length;
  const layout = m === n ? B_FULL : m === 1 ? B_SCALAR : n % m === 0 ? B_ROW : -1;
  if (layout < 0) return false;
  const k = wasmKernels();
  if (!k) return false;
  const xBytes = align(n * 4);
  k.reserve(xBytes + align(m * 4));
  const a = k.base;
  const b = a + xBytes;
  k.put(x, 0, n, a);
  k.put(y, 0, m, b);
  k.ex.ewBinary(op, layout, n, m, a, b, a, alpha);
  k.get(a, n, out, 0);
  return true;
}

/** y = relu(x) (PyTorch's clamp_min bits); false when small or without WebAssembly SIMD. */
export function reluWasm(x: Float32Array, y: Float32Array): boolean {
  const n = x.length;
  if (n < EW_WASM_MIN_ELEMENTS || !allFloat32(x, y, y)) return false;
  const k = wasmKernels();
  if (!k) return false;
  k.reserve(align(n * 4));
  k.put(x, 0, n, k.base);
  k.ex.ewRelu(n, k.base, k.base);
  k.get(k.base, n, y, 0);
  return true;
}

/** r = y <= 0 ? +0 : g (a NaN output passes g); false when small or without WebAssembly SIMD. */
export function reluBackwardWasm(y: Float32Array, g: Float32Array, r: Float32Array): boolean {
  const n = y.length;
  if (n < EW_WASM_MIN_ELEMENTS || !allFloat32(y, g, r)) return false;
  const k = wasmKernels();
  if (!k) return false;
  const bytes = align(n * 4);
  k.reserve(2 * bytes);
  const yAt = k.base;
  const gAt = yAt + bytes;
  k.put(y, 0, n, yAt);
  k.put(g, 0, n, gAt);
  k.ex.ewReluBackward(n, yAt, gAt, gAt);
  k.get(gAt, n, r, 0);
  return true;
}

// As assembly/transcendental.ts.
export const TR_EXP = 0;
export const TR_SIGMOID = 1;
export const TR_TANH = 2;

/**
 * y = exp(x), sigmoid(x) or tanh(x) (TR_*), the same float32 bits as the TypeScript loops and PyTorch's
 * (sleefExp.ts, sleefTanh.ts; sigmoid before its scalar tail); false when small or without WebAssembly SIMD.
 * Four lanes at a time where multiply-adds are fused.
 */
export function transcendentalWasm(fn: number, x: Float32Array, y: Float32Array): boolean {
  const n = x.length;
  if (n < EW_WASM_MIN_ELEMENTS || !allFloat32(x, y, y)) return false;
  const k = wasmKernels();
  if (!k) return false;
  k.reserve(align(n * 4));
  k.put(x, 0, n, k.base);
  if (k.fusedMadd) k.ex.trForwardFused(fn, n, k.base, k.base);
  else k.ex.trForward(fn, n, k.base, k.base);
  k.get(k.base, n, y, 0);
  return true;
}

/** r = g * (1 - y) * y (sigmoid) or g * (1 - y * y) (tanh), bit-identical to the TypeScript loops. */
export function activationBackwardWasm(isTanh: boolean, y: Float32Array, g: Float32Array, r: Float32Array): boolean {
  const n = y.length;
  if (n < EW_WASM_MIN_ELEMENTS || !allFloat32(y, g, r)) return false;
  const k = wasmKernels();
  if (!k) return false;
  const bytes = align(n * 4);
  k.reserve(2 * bytes);
  const yAt = k.base;
  const gAt = yAt + bytes;
  k.put(y, 0, n, yAt);
  k.put(g, 0, n, gAt);
  k.ex.trBackward(isTanh ? 1 : 0, n, yAt, gAt, gAt);
  k.get(gAt, n, r, 0);
  return true;
}

/**
 * A float32 view of `floats` values at the start of the kernels' scratch region, for a caller that writes
 * operands there, runs transcendentalInScratch over parts of it and reads the results in place (no copy in
 * or out). Valid until the next call into the kernels; null when small or without WebAssembly SIMD.
 */
export function transcendentalScratch(floats: number): Float32Array | null {
  if (floats < EW_WASM_MIN_ELEMENTS) return null;
  const k = wasmKernels();
  if (!k) return null;
  k.reserve(align(floats * 4));
  const at = k.base >> 2;
  return k.heap.subarray(at, at + floats);
}

/** fn (TR_*) in place over `n` values of transcendentalScratch's view, from value `at` on. */
export function transcendentalInScratch(fn: number, at: number, n: number): void {
  const k = wasmKernels()!;
  const p = k.base + at * 4;
  if (k.fusedMadd) k.ex.trForwardFused(fn, n, p, p);
  else k.ex.trForward(fn, n, p, p);
}

/**
 * exp(x[i] * scale) for the first `n` values (each product rounded to float32 as it is stored, as the
 * activation kernels round it), in transcendentalScratch's view; null where that view is (small n, no SIMD).
 */
export function scaledExpInScratch(x: ArrayLike<number>, scale: number, n: number): Float32Array | null {
  const e = transcendentalScratch(n);
  if (e === null) return null;
  for (let i = 0; i < n; i++) e[i] = x[i] * scale;
  transcendentalInScratch(TR_EXP, 0, n);
  return e;
}
