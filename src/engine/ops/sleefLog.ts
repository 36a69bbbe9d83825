// Logarithms in float32 exactly as PyTorch 1.13's CPU kernels compute them. torch.log, log2, log10 and log1p
// of float32 tensors (and log_softmax's log of each row's sum) map SLEEF's `logf8_u10`, `log2f8_u10`,
// `log10f8_u10` and `log1pf8_u10` over every value (the vml kernels, tail included), which are within one ulp
// but not correctly rounded: about one result in a hundred differs in its last bit from the logarithm rounded
// once. This replays SLEEF 3.5's algorithms (sleefsimdsp.c: xlogf_u1, xlog2f, xlog10f, xlog1pf) in float32
// steps with its double-float arithmetic (sleefDF.ts). test/unit/unary-bits.test.ts compares with PyTorch.
import {
  type DF,
  dfAdd2DF,
  dfAdd2FD,
  dfAdd2FF,
  dfAddDD,
  dfAddDF,
  dfAddFF,
  dfDiv,
  dfMulDD,
  dfMulDF,
  dfScale,
  dfValue,
  fma32,
} from './sleefDF';

const f = Math.fround;

/** The log reduction's constants, shared with pow's logk (sleefPow.ts). */
export const FLT_MIN = 2 ** -126;
const TWO64 = 2 ** 64;
export const R_075 = f(1 / 0.75);
export const LN2: DF = { hi: f(0.69314718246459960938), lo: f(-1.904654323148236017e-9) };
const LOG_C = [f(0.3027294874), f(0.3996108174), f(0.666669488)];
const LOG2_C = [f(0.4374550283), f(0.5764790177), f(0.961801290512)];
const LOG10_C = [f(0.1314289868), f(0.1735493541), f(0.2895309627)];
const LOG2E2: DF = { hi: f(2.8853900432586669922), lo: f(3.273447448356849e-8) };
const LOG10_2: DF = { hi: f(0.30103001), lo: f(-1.432098889e-8) };
const LOG10E2: DF = { hi: f(0.868588984), lo: f(-2.170757285e-8) };
const BIG = f(1e38);

// A float32 and its bit pattern, for the exponent manipulations (typed arrays: much faster than a DataView).
const word = new Float32Array(1);
const wordBits = new Int32Array(word.buffer);

/** The unbiased exponent field of a float32 (vilogb2k: no special cases). */
function exponentField(v: number): number {
  word[0] = v;
  return ((wordBits[0] >>> 23) & 0xff) - 0x7f;
}

/** v * 2^q by adding q to the exponent bits (vldexp3: exact while the result stays normal). */
function ldexp3(v: number, q: number): number {
  word[0] = v;
  wordBits[0] = (wordBits[0] + (q << 23)) | 0;
  return word[0];
}

/** t0 x2^2 + t1 x2 + t2 by two fused multiply-adds. */
function poly3(c: readonly number[], x2: number): number {
  return fma32(fma32(c[0], x2, c[1]), x2, c[2]);
}

/** The reduction shared by log, log2 and log10: d = m 2^e with m in [0.75, 1.5), then x = (m - 1) / (m + 1). */
function reduce(d: number): { e: number; x: DF; x2: number } {
  const tiny = d < FLT_MIN;
  const v = tiny ? f(d * TWO64) : d;
  let e = exponentField(f(v * R_075));
  const m = ldexp3(v, -e);
  if (tiny) e -= 64;
  const x = dfDiv(dfAdd2FF(-1, m), dfAdd2FF(1, m));
  return { e, x, x2: f(x.hi * x.hi) };
}

/** The special values of log, log2 and log10: +inf, NaN below 0, -inf at 0; else r. */
function special(d: number, r: number): number {
  if (d === Infinity) return Infinity;
  if (d < 0 || d !== d) return NaN;
  return d === 0 ? -Infinity : r;
}

const [LOG_C0, LOG_C1, LOG_C2] = LOG_C;

/**
 * SLEEF's logf_u10 (xlogf_u1) of a float32 value. Its double-float steps (df.h: dfadd2, dfdiv, dfmul, dfscale,
 * dfadd, as log2f and log10f below use them) are written out in locals here: the same float32 operations in the
 * same order (checked equal on 70 million inputs), about 5x faster than with DF objects, and torch.log runs it
 * over every element of a tensor.
 */
export function logf(d: number): number {
  if (!(d > 0 && d < Infinity)) return special(d, 0);
  const tiny = d < FLT_MIN;
  const v = tiny ? f(d * TWO64) : d;
  let e = exponentField(f(v * R_075));
  const m = ldexp3(v, -e);
  if (tiny) e -= 64;
  // x = (m - 1) / (m + 1): dfdiv of dfadd2(-1, m) by dfadd2(1, m).
  const nHi = f(m - 1);
  const nV = f(nHi + 1);
  const nLo = f(f(-1 - f(nHi - nV)) + f(m - nV));
  const dHi = f(m + 1);
  const dV = f(dHi - 1);
  const dLo = f(f(1 - f(dHi - dV)) + f(m - dV));
  const t = f(1 / dHi);
  const xHi = f(nHi * t);
  const u = fma32(t, nHi, -xHi);
  const w = fma32(-dLo, t, fma32(-dHi, t, 1));
  const xLo = fma32(xHi, w, fma32(nLo, t, u));
  const x2 = f(xHi * xHi);
  const p = fma32(fma32(LOG_C0, x2, LOG_C1), x2, LOG_C2);
  // s = LN2 e + 2 x (dfadd of dfmul and dfscale), then + x2 x p (dfadd), rounded.
  const aHi = f(LN2.hi * e);
  const aLo = fma32(LN2.lo, e, fma32(LN2.hi, e, -aHi));
  const bHi = f(xHi * 2);
  const sHi = f(aHi + bHi);
  const sLo = f(f(f(f(aHi - sHi) + bHi) + aLo) + f(xLo * 2));
  const y = f(f(x2 * xHi) * p);
  const rHi = f(sHi + y);
  return f(rHi + f(f(f(sHi - rHi) + y) + sLo));
}

/** SLEEF's log2f_u10 (xlog2f). */
export function log2f(d: number): number {
  const { e, x, x2 } = reduce(d);
  const t = poly3(LOG2_C, x2);
  const s = dfAdd2FD(e, dfMulDD(x, LOG2E2));
  return special(d, dfValue(dfAdd2DF(s, f(f(x2 * x.hi) * t))));
}

/** SLEEF's log10f_u10 (xlog10f). */
export function log10f(d: number): number {
  const { e, x, x2 } = reduce(d);
  const t = poly3(LOG10_C, x2);
  const s = dfAddDD(dfMulDF(LOG10_2, e), dfMulDD(x, LOG10E2));
  return special(d, dfValue(dfAddDF(s, f(f(x2 * x.hi) * t))));
}

/** SLEEF's log1pf_u10 (xlog1pf): log(1 + d) from d itself, so small d keep their digits. */
export function log1pf(d: number): number {
  let dp1 = f(d + 1);
  const tiny = dp1 < FLT_MIN;
  if (tiny) dp1 = f(dp1 * TWO64);
  let e = exponentField(f(dp1 * R_075));
  const t = ldexp3(1, -e);
  const m = fma32(d, t, f(t - 1));
  if (tiny) e -= 64;
  const x = dfDiv({ hi: m, lo: 0 }, dfAddFF(2, m));
  const x2 = f(x.hi * x.hi);
  const p = poly3(LOG_C, x2);
  const s = dfAddDD(dfMulDF(LN2, e), dfScale(x, 2));
  let r = dfValue(dfAddDF(s, f(f(x2 * x.hi) * p)));
  if (d > BIG) r = Infinity;
  if (d < -1 || d !== d) r = NaN;
  if (d === -1) r = -Infinity;
  return Object.is(d, -0) ? -0 : r;
}
