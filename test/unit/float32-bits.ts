// What the tests of PyTorch's exact float32 bits share: decoding the fixtures' base64 float32 arrays,
// comparing bits (NaN equal to NaN, whatever its payload), and, for the child processes started with relaxed
// SIMD, the kernels whose four-lane paths they check. Not a test file itself.
import assert from 'node:assert/strict';
import { loadWasmKernels, type WasmKernels } from '../../src/engine/kernels/wasm-kernels';

/** A float32 array as the fixture scripts write it: little-endian bytes in base64, and its shape. */
export interface Encoded {
  f32: string;
  shape: number[];
}

export function decodeFloats(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export const floats = (e: Encoded): Float32Array => decodeFloats(e.f32);

/** The first index where the float32 bits differ (NaN equal to NaN), or -1. */
export function firstDifference(a: Float32Array, b: Float32Array): number {
  const ai = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bi = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) && Number.isNaN(b[i])) continue;
    if (ai[i] !== bi[i]) return i;
  }
  return -1;
}

/** Asserts the same bits, naming the first input (of `x`, when given) whose result differs. */
export function assertSameBits(actual: Float32Array, expected: Float32Array, what: string, x?: Float32Array): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const i = firstDifference(actual, expected);
  assert.equal(i, -1, i < 0 ? '' : `${what}[${i}]${x ? ` of ${x[i]}` : ''}: ${actual[i]}, PyTorch ${expected[i]}`);
}

/**
 * In a child Node started with relaxed SIMD: its kernels, or null (having said why on stdout) where the
 * machine does not fuse relaxed multiply-adds and the four-lane paths are never taken. Exits with status 1
 * when the module does not load even with the flag.
 */
export function fusedRelaxedKernels(): WasmKernels | null {
  const k = loadWasmKernels('relaxed-simd');
  if (!k) {
    console.error('relaxed SIMD kernels failed to load even with the flag');
    process.exit(1);
  }
  if (!k.fusedMadd) {
    console.log('not fused: four-lane kernel unused');
    return null;
  }
  return k;
}
