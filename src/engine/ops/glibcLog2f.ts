// Base-2 log of a float32 value as glibc 2.28+ computes log2f (sysdeps/ieee754/flt-32/e_log2f.c and
// e_log2f_data.c): the same 16 subintervals and 1/c as logf (glibcLogf.ts), log2(c) tabulated, and
// log1p(z/c - 1) / ln 2 by a cubic in double, rounded to float32 once. It is not log2(x) rounded once for some
// values; PyTorch's scalar kernels call it (logaddexp2's std::log2 on the last n % 16 values of a row).
import { INV_C, OFF, TABLE_BITS } from './glibcLogf';

// glibc's log2(c) for each subinterval and its coefficients (hexadecimal there), as the same doubles.
const LOG2_C = [
  -0.48430022186289673, -0.42257122959194704, -0.3633754347673556, -0.30651309567405577, -0.25180720160537634,
  -0.19910014943794563, -0.14825100623281615, -0.09913323807318392, -0.051632812977629436, 0.0, 0.07508531937943004,
  0.15987125980713107, 0.2384046664317681, 0.31288288605863257, 0.38370422656453185, 0.451211048935815,
];
const A0 = -0.36051725506874704;
const A1 = 0.4811247078767291;
const A2 = -0.7213476299867769;
const A3 = 1.4426950186867042;

const word = new Float32Array(1);
const bits = new Uint32Array(word.buffer);

/** glibc's log2f of a float32 value (NaN for negatives and NaN, -Infinity at zero). */
export function glibcLog2f(x: number): number {
  word[0] = x;
  let ix = bits[0];
  if (ix === 0x3f800000) return 0;
  if (ix < 0x00800000 || ix >= 0x7f800000) {
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix >= 0x7f800000) return NaN;
    word[0] = x * 2 ** 23; // subnormal: scale into the normal range, take the 23 back from the exponent
    ix = bits[0] - (23 << 23);
  }
  const tmp = ix - OFF;
  const i = (tmp >>> (23 - TABLE_BITS)) % (1 << TABLE_BITS);
  const k = tmp >> 23;
  bits[0] = ix - (tmp & (0x1ff << 23));
  const z = word[0];
  const r = z * INV_C[i] - 1;
  const y0 = LOG2_C[i] + k;
  const r2 = r * r;
  let y = A1 * r + A2;
  y = A0 * r2 + y;
  const p = A3 * r + y0;
  y = y * r2 + p;
  return Math.fround(y);
}
