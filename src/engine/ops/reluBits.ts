// relu's float32 kernels on the bit patterns (branch-free, the same bits as the WebAssembly kernels in
// assembly/elementwise.ts), used where WebAssembly SIMD is missing or the tensor is small.

/** An Int32Array over the same bytes (small arrays share a slab, hence offset and length). */
function bits(a: Float32Array): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.length);
}

/**
 * y = relu(x) on the float32 bit patterns, branch-free: +0 where x < 0 (sign bit set, not -0, not a NaN: the
 * bits 0x80000001..0xff800000, int32 -2147483647..-8388608), else x itself. The same bits as PyTorch's
 * clamp_min(x, 0) (std::max(x, 0), which keeps -0 and NaN), without the unpredictable branch on random signs.
 */
export function reluBits(x: Float32Array, y: Float32Array): void {
  const xi = bits(x);
  const yi = bits(y);
  const n = xi.length;
  for (let i = 0; i < n; i++) {
    const b = xi[i];
    // (b >> 31): negative; (b + 8388607) >> 31: at most -inf's bits; the last term drops -0 (|b| = 0).
    const negative = (b >> 31) & ((b + 8388607) >> 31) & ~(((b & 0x7fffffff) - 1) >> 31);
    yi[i] = b & ~negative;
  }
}

/**
 * r = y <= 0 ? +0 : g (PyTorch's threshold_backward on relu's output) on the bit patterns: g passes where y is
 * positive (-b < 0 as int32, with -0's sign bit excluded since its negation overflows) or a NaN of either sign
 * (|bits| above +inf's). g's bits pass through untouched.
 */
export function reluBackwardBits(y: Float32Array, g: Float32Array, r: Float32Array): void {
  const yi = bits(y);
  const gi = bits(g);
  const ri = bits(r);
  const n = yi.length;
  for (let i = 0; i < n; i++) {
    const b = yi[i];
    const keep = ((-b >> 31) & ~(b >> 31)) | ((0x7f800000 - (b & 0x7fffffff)) >> 31);
    ri[i] = gi[i] & keep;
  }
}
