// glibc 2.36's expf (sysdeps/ieee754/flt-32/e_expf.c, the FMA build x86-64 picks on AVX2 machines), step for
// step in double: PyTorch's scalar loops call it, and it misrounds about one value in 1500 (its result is
// within 0.502 ulp), so Math.exp rounded once differs there. x = (k + r) ln2 / 32 with k rounded to an integer
// by adding 1.5 * 2^52; 2^(k/32) from a 32-entry table; a cubic in r; GCC fuses the multiply-adds.
import { fmaDouble } from '../random';

const N = 32;
const INV_LN2_N = 1.4426950408889634 * N; // 0x1.71547652b82fep0;
const SHIFT = 6755399441055744; // 0x1.8p52
const C0 = 0.05550361559341535 / N / N / N; // 0x1.c6af84b912394p-5
const C1 = 0.2402284522445722 / N / N; // 0x1.ebfce50fac4f3p-3
const C2 = 0.6931471806916203 / N; // 0x1.62e42ff0c52d6p-1
// 2^(i/32) as double bits less i << 47 (the exponent the index adds back), high and low 32-bit words.
const TABLE_HI = new Uint32Array([
  0x3ff00000, 0x3fefd9b0, 0x3fefb558, 0x3fef9301, 0x3fef72b8, 0x3fef5487, 0x3fef387a, 0x3fef1e9d, 0x3fef06fe,
  0x3feef1a7, 0x3feedea6, 0x3feece08, 0x3feebfda, 0x3feeb42b, 0x3feeab07, 0x3feea47e, 0x3feea09e, 0x3fee9f75,
  0x3feea114, 0x3feea589, 0x3feeace5, 0x3feeb737, 0x3feec491, 0x3feed503, 0x3feee89f, 0x3feeff76, 0x3fef199b,
  0x3fef3720, 0x3fef5818, 0x3fef7c97, 0x3fefa4af, 0x3fefd076,
]);
const TABLE_LO = new Uint32Array([
  0x00000000, 0xd3158574, 0x6cf9890f, 0xd0125b51, 0x3c7d517b, 0x3168b9aa, 0x6e756238, 0xf51fdee1, 0x0a31b715,
  0x373aa9cb, 0x4c123422, 0x6061892d, 0xd5362a27, 0x569d4f82, 0xdd485429, 0xb03a5585, 0x667f3bcd, 0xe8ec5f74,
  0x73eb0187, 0x994cce13, 0x422aa0db, 0xb0cdc5e5, 0x82a3f090, 0xb23e255d, 0x995ad3ad, 0xf2fb5e47, 0xdd85529c,
  0xdcef9069, 0xdcfba487, 0x337b9b5f, 0xa2a490da, 0x5b6e4540,
]);
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer); // little-endian: [low, high]

/** glibc's expf of a float32 value. */
export function glibcExpf(x: number): number {
  if (x !== x) return x;
  if (x > 0x162e42e / 2 ** 18) return Infinity; // 0x1.62e42ep6
  if (x < -0x19fe368 / 2 ** 18) return 0; // -0x1.9fe368p6: underflows to +0
  const kd0 = fmaDouble(INV_LN2_N, x, SHIFT);
  bits[0] = kd0;
  const ki = words[0]; // k's low bits (k = ki - 1.5 * 2^52's bits); only its low 17 reach the result
  const kd = kd0 - SHIFT;
  const r = fmaDouble(INV_LN2_N, x, -kd);
  const t = ki & (N - 1);
  words[0] = TABLE_LO[t];
  words[1] = (TABLE_HI[t] + (ki << 15)) >>> 0;
  const s = bits[0];
  const z = fmaDouble(C0, r, C1);
  const r2 = r * r;
  const y = fmaDouble(z, r2, fmaDouble(C2, r, 1));
  return Math.fround(y * s);
}
