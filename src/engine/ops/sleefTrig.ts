// Trigonometry in float32 as PyTorch 1.13's CPU kernels compute it on an AVX2 machine: torch.sin, cos, tan,
// asin, acos and atan map SLEEF's `*f8_u10` over every value (vml kernels, tail included), within one ulp but
// not correctly rounded. This replays SLEEF 3.5's xsinf_u1, xcosf_u1, xtanf_u1, xasinf_u1, xacosf_u1 and
// xatanf_u1 (sleefsimdsp.c) with its double-float arithmetic (sleefDF.ts). sin, cos and tan reduce by pi in
// three float32 parts when every value of a vector of eight is below 125 in magnitude, else the whole vector
// by Payne-Hanek (sleefRempi.ts); trigKernel makes the same choice. test/unit/unary-bits.test.ts compares
// with PyTorch.
import { rint } from './sleefExp';
import { rempif } from './sleefRempi';
import type { Float32Kernel } from './float32Kernels';
import {
  type DF,
  dfAdd2DD,
  dfAdd2DF,
  dfAdd2FF,
  dfAddDD,
  dfAddDF,
  dfAddFD,
  dfAddFF,
  dfDiv,
  dfMulDD,
  dfMulDF,
  dfMulValue,
  dfNeg,
  dfNormalize,
  dfRec,
  dfScale,
  dfSqrtF,
  dfSqu,
  dfSubDD,
  dfSubDF,
  dfValue,
  fma32,
} from './sleefDF';

const f = Math.fround;

const TRIG_MAX = 125;
const M_1_PI = f(0.3183098861837907);
const M_2_PI = f(2 * 0.3183098861837907);
const PI_A2 = f(3.1414794921875);
const PI_B2 = f(0.00011315941810607910156);
const PI_C2 = f(1.9841872589410058936e-9);
const PI_HI = f(3.1415927410125732422);
const PI_LO = f(-8.7422776573475857731e-8);
const SIN_C = [2.6083159809786593541503e-6, -0.0001981069071916863322258, 0.00833307858556509017944336].map(f);
const SIN_C3 = f(-0.166666597127914428710938);
const TAN_C = [
  0.00446636462584137916564941, -8.3920182078145444393158e-5, 0.0109639242291450500488281, 0.0212360303848981857299805,
  0.0540687143802642822265625,
].map(f);
const TAN_C5 = f(0.133325666189193725585938);
const TAN_C6 = f(0.33333361148834228515625);
const ASIN_C = [0.4197454825e-1, 0.2424046025e-1, 0.4547423869e-1, 0.7495029271e-1, 0.1666677296].map(f);
const ATAN_C = [
  -0.00176397908944636583328247, 0.0107900900766253471374512, -0.0309564601629972457885742, 0.0577365085482597351074219,
  -0.0838950723409652709960938, 0.109463557600975036621094, -0.142626821994781494140625, 0.199983194470405578613281,
].map(f);
const ATAN_C8 = f(-0.333332866430282592773438);
const HALF_PI: DF = { hi: f(1.5707963705062866211), lo: f(-4.3711388286737928865e-8) };

/** c[0] z^(n-1) + ... + c[n-1] by fused multiply-adds. */
function horner(c: readonly number[], z: number): number {
  let u = c[0];
  for (let i = 1; i < c.length; i++) u = fma32(u, z, c[i]);
  return u;
}

const negative = (v: number) => v < 0 || Object.is(v, -0);

/** sin(t) for the reduced argument t as a double-float: t (1 + t^2 p(t^2)). */
function sinPoly(t: DF): number {
  const s = dfSqu(t);
  const u = horner(SIN_C, s.hi);
  const x = dfAddFD(1, dfMulDD(dfAddFF(SIN_C3, f(u * s.hi)), s));
  return dfMulValue(t, x);
}

function sinFast(d: number): number {
  const u = rint(f(d * M_1_PI));
  const v = fma32(u, -PI_A2, d);
  const s = dfAddDF(dfAdd2FF(v, f(u * -PI_B2)), f(u * -PI_C2));
  const r = sinPoly(s);
  if (Object.is(d, -0)) return -0;
  return (u & 1) === 1 ? -r : r;
}

function cosFast(d: number): number {
  const dq = fma32(rint(fma32(d, M_1_PI, -0.5)), 2, 1);
  let s = dfAdd2FF(d, f(dq * f(-PI_A2 * 0.5)));
  s = dfAdd2DF(s, f(dq * f(-PI_B2 * 0.5)));
  s = dfAdd2DF(s, f(dq * f(-PI_C2 * 0.5)));
  const r = sinPoly(s);
  return (dq & 2) === 0 ? -r : r;
}

function tanFast(d: number): number {
  const u = rint(f(d * M_2_PI));
  const v = fma32(u, f(-PI_A2 * 0.5), d);
  return tanReduced(d, dfAddDF(dfAdd2FF(v, f(u * f(-PI_B2 * 0.5))), f(u * f(-PI_C2 * 0.5))), u);
}

/** tan from the reduced argument s and the count q of quarter turns (odd: -1 / tan). */
function tanReduced(d: number, reduced: DF, q: number): number {
  const odd = (q & 1) === 1;
  let s = odd ? dfNeg(reduced) : reduced;
  const t = s;
  s = dfNormalize(dfSqu(s));
  const p = horner(TAN_C, s.hi);
  let x = dfAddFF(TAN_C5, f(p * s.hi));
  x = dfAddFD(1, dfMulDD(dfAddFD(TAN_C6, dfMulDD(s, x)), s));
  x = dfMulDD(t, x);
  if (odd) x = dfRec(x);
  return Object.is(d, -0) ? -0 : dfValue(x);
}

const HALF_PI_NEG = f(PI_HI * -0.5);
const HALF_PI_LO_NEG = f(PI_LO * -0.5);
const finite = (d: number) => d - d === 0;

/** sin after Payne-Hanek (rempif): a half turn and a quarter folded into the sign and a pi / 2 shift. */
function sinSlow(d: number): number {
  const { r, q: qi } = rempif(d);
  const q = ((qi & 3) * 2 + (r.hi > 0 ? 2 : 1)) >> 2;
  let s = r;
  if ((qi & 1) === 1)
    s = dfAdd2DD(r, { hi: r.hi < 0 ? -HALF_PI_NEG : HALF_PI_NEG, lo: r.hi < 0 ? -HALF_PI_LO_NEG : HALF_PI_LO_NEG });
  s = dfNormalize(s);
  if (!finite(d)) return NaN;
  const u = sinPoly(s);
  if (Object.is(d, -0)) return -0;
  return (q & 1) === 1 ? -u : u;
}

function cosSlow(d: number): number {
  const { r, q: qi } = rempif(d);
  const q = ((qi & 3) * 2 + (r.hi > 0 ? 8 : 7)) >> 1;
  let s = r;
  if ((qi & 1) === 0) {
    const neg = r.hi > 0 ? 1 : -1;
    s = dfAdd2DD(r, { hi: neg * HALF_PI_NEG, lo: neg * HALF_PI_LO_NEG });
  }
  s = dfNormalize(s);
  if (!finite(d)) return NaN;
  const u = sinPoly(s);
  return (q & 2) === 0 ? -u : u;
}

function tanSlow(d: number): number {
  const { r, q } = rempif(d);
  return finite(d) ? tanReduced(d, r, q) : NaN;
}

/**
 * A kernel for sin, cos or tan: SLEEF decides per vector of eight (from the first value; the last, partial
 * vector padded with zeros) whether every value is below 125 in magnitude, and reduces all eight the cheap way
 * (`fast`) if so, by Payne-Hanek (`slow`) if not.
 */
function trigKernel(fast: (d: number) => number, slow: (d: number) => number): Float32Kernel {
  return (x, y) => {
    if (!(y instanceof Float32Array)) return false;
    for (let start = 0; start < y.length; start += 8) {
      const end = Math.min(start + 8, y.length);
      let cheap = true;
      for (let i = start; i < end; i++) if (!(Math.abs(x[i]) < TRIG_MAX)) cheap = false;
      for (let i = start; i < end; i++) y[i] = (cheap ? fast : slow)(x[i]);
    }
    return true;
  };
}

/** SLEEF's sinf_u10 (xsinf_u1) as PyTorch's vml kernel maps it over a tensor. */
export const sinKernel = trigKernel(sinFast, sinSlow);
/** SLEEF's cosf_u10 (xcosf_u1). */
export const cosKernel = trigKernel(cosFast, cosSlow);
/** SLEEF's tanf_u10 (xtanf_u1). */
export const tanKernel = trigKernel(tanFast, tanSlow);

/** sin, cos, tan of one value as SLEEF computes it alone (or among values below 125). */
export const sinf = (d: number) => (Math.abs(d) < TRIG_MAX ? sinFast(d) : sinSlow(d));
export const cosf = (d: number) => (Math.abs(d) < TRIG_MAX ? cosFast(d) : cosSlow(d));
export const tanf = (d: number) => (Math.abs(d) < TRIG_MAX ? tanFast(d) : tanSlow(d));

/** The shared part of asin and acos: |d| below 1/2 directly, else by sqrt((1 - |d|) / 2). */
function arcsinParts(d: number): { small: boolean; x: DF; u: number } {
  const a = Math.abs(d);
  const small = a < 0.5;
  const x2 = small ? f(d * d) : f(f(1 - a) * 0.5);
  let x: DF = small ? { hi: a, lo: 0 } : dfSqrtF(x2);
  if (a === 1) x = { hi: 0, lo: 0 };
  return { small, x, u: f(horner(ASIN_C, x2) * f(x2 * x.hi)) };
}

/** SLEEF's asinf_u10 (xasinf_u1). */
export function asinf(d: number): number {
  const { small, x, u } = arcsinParts(d);
  const r = small ? f(u + x.hi) : f(dfValue(dfSubDF(dfSubDD({ hi: PI_HI / 4, lo: PI_LO / 4 }, x), u)) * 2);
  return negative(d) ? -r : r;
}

/** SLEEF's acosf_u10 (xacosf_u1). */
export function acosf(d: number): number {
  const { small, x, u } = arcsinParts(d);
  const sign = negative(d) ? -1 : 1;
  let y = small ? dfSubDD({ hi: PI_HI / 2, lo: PI_LO / 2 }, dfAddFF(sign * x.hi, sign * u)) : dfScale(dfAddDF(x, u), 2);
  if (!small && d < 0) y = dfSubDD({ hi: PI_HI, lo: PI_LO }, y);
  return dfValue(y);
}

/**
 * SLEEF's atan2kf_u1 for y >= 0 (as double-floats with a zero low part): the angle of (x, y) as a double-float,
 * by a quadrant count q (-2 for negative x, +1 where |x| < y) and atan of the ratio below 1.
 */
function atan2K(y: number, x: number): DF {
  let q = x < 0 ? -2 : 0;
  const ax = x < 0 ? -x : x;
  if (ax < y) q += 1;
  const swap = ax < y;
  const s = dfDiv({ hi: swap ? -ax : y, lo: 0 }, { hi: swap ? y : ax, lo: 0 });
  let t = dfNormalize(dfSqu(s));
  const u = horner(ATAN_C, t.hi);
  t = dfMulDD(t, dfAddFF(ATAN_C8, f(u * t.hi)));
  t = dfMulDD(s, dfAddFD(1, t));
  return dfAddDD(dfMulDF(HALF_PI, q), t);
}

/** SLEEF's atan2kf_u1 for x = 1 and y = |d| >= 0: atan |d| as a double-float. */
const atanK = (a: number): DF => atan2K(a, 1);

const F_PI = f(Math.PI);
const F_HALF_PI = f(Math.PI / 2);
const F_QUARTER_PI = f(Math.PI / 4);

/** SLEEF's atan2f_u10 (xatan2f_u1): PyTorch's vectorised atan2 over whole blocks of 16 values. */
export function atan2f(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  if (Math.abs(x) < 2.9387372783541830947e-39) {
    // Tiny x: both scaled up by 2^24 so that the ratio stays finite.
    x = f(x * 16777216);
    y = f(y * 16777216);
  }
  const d = atan2K(Math.abs(y), x);
  let r = f(d.hi + d.lo);
  if (negative(x)) r = -r;
  // visinf2(x, m): where x is infinite, m with x's sign bit or-ed in; 0 elsewhere.
  const inf2 = (m: number) => (Math.abs(x) === Infinity ? (x < 0 ? -Math.abs(m) : m) : 0);
  if (Math.abs(x) === Infinity || x === 0) r = f(F_HALF_PI - inf2(negative(x) ? -F_HALF_PI : F_HALF_PI));
  if (Math.abs(y) === Infinity) r = f(F_HALF_PI - inf2(negative(x) ? -F_QUARTER_PI : F_QUARTER_PI));
  if (y === 0) r = negative(x) ? F_PI : 0;
  return negative(y) ? -r : r;
}

const ATAN_INF = f(1.570796326794896557998982);

/** SLEEF's atanf_u10 (xatanf_u1). */
export function atanf(d: number): number {
  if (d !== d) return NaN;
  const r = Number.isFinite(d) ? dfValue(atanK(Math.abs(d))) : ATAN_INF;
  return negative(d) ? -r : r;
}
