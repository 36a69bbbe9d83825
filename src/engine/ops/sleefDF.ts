// SLEEF's double-float arithmetic (df.h) in float32 steps, in the FMA form its AVX2 build compiles: a value
// carried as the unevaluated sum hi + lo of two float32 numbers, each fused multiply-add rounded once (fma32).
// The SLEEF replays (sleefLog.ts, sleefErf.ts, sleefExpm1.ts, sleefTrig.ts, sleefPow.ts) are written with it;
// each function's comment names the df.h routine it is. Checked against libsleef 3.5's FMA build
// (Sleef_finz_*f1_u10purecfma, the same code as the AVX2 one lane at a time) on 300,000 values a function.
const f = Math.fround;

/**
 * A fused multiply-add of float32 values: a b is exact in double, so a b + c rounded to double and then to
 * float32 is the fused result unless that double lands exactly halfway between two float32 numbers, as
 * sleefExp.ts does (the replays agree with libsleef's FMA build on every value tried). Faster than the exact
 * fmaf of random.ts, which matters in the activations of every training step.
 */
export function fma32(a: number, b: number, c: number): number {
  return f(a * b + c);
}

/** A double-float: hi + lo, |lo| at most half an ulp of hi. */
export interface DF {
  hi: number;
  lo: number;
}

/** vcast_vf2_d: a double constant split into float32 hi and lo. */
export function dfConst(d: number): DF {
  const hi = f(d);
  return { hi, lo: f(d - hi) };
}

/** dfadd_vf2_vf_vf (|x| >= |y|): x + y. */
export function dfAddFF(x: number, y: number): DF {
  const s = f(x + y);
  return { hi: s, lo: f(f(x - s) + y) };
}

/** dfadd2_vf2_vf_vf: x + y, any magnitudes. */
export function dfAdd2FF(x: number, y: number): DF {
  const s = f(x + y);
  const v = f(s - x);
  return { hi: s, lo: f(f(x - f(s - v)) + f(y - v)) };
}

/** dfadd_vf2_vf_vf2 (|x| >= |y|): x + y. */
export function dfAddFD(x: number, y: DF): DF {
  const s = f(x + y.hi);
  return { hi: s, lo: f(f(f(x - s) + y.hi) + y.lo) };
}

/** dfadd2_vf2_vf_vf2: x + y, any magnitudes. */
export function dfAdd2FD(x: number, y: DF): DF {
  const s = f(x + y.hi);
  const v = f(s - x);
  return { hi: s, lo: f(f(f(x - f(s - v)) + f(y.hi - v)) + y.lo) };
}

/** dfadd_vf2_vf2_vf (|x| >= |y|): x + y. */
export function dfAddDF(x: DF, y: number): DF {
  const s = f(x.hi + y);
  return { hi: s, lo: f(f(f(x.hi - s) + y) + x.lo) };
}

/** dfadd2_vf2_vf2_vf: x + y, any magnitudes. */
export function dfAdd2DF(x: DF, y: number): DF {
  const s = f(x.hi + y);
  const v = f(s - x.hi);
  return { hi: s, lo: f(f(f(x.hi - f(s - v)) + f(y - v)) + x.lo) };
}

/** dfadd_vf2_vf2_vf2 (|x| >= |y|): x + y. */
export function dfAddDD(x: DF, y: DF): DF {
  const s = f(x.hi + y.hi);
  return { hi: s, lo: f(f(f(f(x.hi - s) + y.hi) + x.lo) + y.lo) };
}

/** dfadd2_vf2_vf2_vf2: x + y, any magnitudes. */
export function dfAdd2DD(x: DF, y: DF): DF {
  const s = f(x.hi + y.hi);
  const v = f(s - x.hi);
  const t = f(f(x.hi - f(s - v)) + f(y.hi - v));
  return { hi: s, lo: f(t + f(x.lo + y.lo)) };
}

/** dfmul_vf2_vf_vf: x y exactly. */
export function dfMulFF(x: number, y: number): DF {
  const s = f(x * y);
  return { hi: s, lo: fma32(x, y, -s) };
}

/** dfmul_vf2_vf2_vf: x y. */
export function dfMulDF(x: DF, y: number): DF {
  const s = f(x.hi * y);
  return { hi: s, lo: fma32(x.lo, y, fma32(x.hi, y, -s)) };
}

/** dfmul_vf2_vf2_vf2: x y. */
export function dfMulDD(x: DF, y: DF): DF {
  const s = f(x.hi * y.hi);
  return { hi: s, lo: fma32(x.hi, y.lo, fma32(x.lo, y.hi, fma32(x.hi, y.hi, -s))) };
}

/** dfsqu_vf2_vf2: x^2. */
export function dfSqu(x: DF): DF {
  const s = f(x.hi * x.hi);
  return { hi: s, lo: fma32(f(x.hi + x.hi), x.lo, fma32(x.hi, x.hi, -s)) };
}

/** dfdiv_vf2_vf2_vf2: n / d. */
export function dfDiv(n: DF, d: DF): DF {
  const t = f(1 / d.hi);
  const s = f(n.hi * t);
  const u = fma32(t, n.hi, -s);
  const v = fma32(-d.lo, t, fma32(-d.hi, t, 1));
  return { hi: s, lo: fma32(s, v, fma32(n.lo, t, u)) };
}

/** dfscale_vf2_vf2_vf: x s (s a power of two). */
export function dfScale(x: DF, s: number): DF {
  return { hi: f(x.hi * s), lo: f(x.lo * s) };
}

/** dfneg_vf2_vf2: -x. */
export function dfNeg(x: DF): DF {
  return { hi: -x.hi, lo: -x.lo };
}

/** dfnormalize_vf2_vf2: hi + lo rounded, and what that rounding lost. */
export function dfNormalize(x: DF): DF {
  const s = f(x.hi + x.lo);
  return { hi: s, lo: f(f(x.hi - s) + x.lo) };
}

/** dfsub_vf2_vf2_vf (|x| >= |y|): x - y. */
export function dfSubDF(x: DF, y: number): DF {
  const s = f(x.hi - y);
  return { hi: s, lo: f(f(f(x.hi - s) - y) + x.lo) };
}

/** dfsub_vf2_vf2_vf2 (|x| >= |y|): x - y. */
export function dfSubDD(x: DF, y: DF): DF {
  const s = f(x.hi - y.hi);
  return { hi: s, lo: f(f(f(f(x.hi - s) - y.hi) + x.lo) - y.lo) };
}

/** dfmul_vf_vf2_vf2: x y rounded to float32. */
export function dfMulValue(x: DF, y: DF): number {
  return fma32(x.hi, y.hi, fma32(x.lo, y.hi, f(x.hi * y.lo)));
}

/** dfrec_vf2_vf: 1 / d. */
export function dfRecF(d: number): DF {
  const s = f(1 / d);
  return { hi: s, lo: f(s * fma32(-d, s, 1)) };
}

/** dfrec_vf2_vf2: 1 / d. */
export function dfRec(d: DF): DF {
  const s = f(1 / d.hi);
  return { hi: s, lo: f(s * fma32(-d.lo, s, fma32(-d.hi, s, 1))) };
}

/** dfsqrt_vf2_vf: the square root of d as a double-float. */
export function dfSqrtF(d: number): DF {
  const t = f(Math.sqrt(d));
  return dfScale(dfMulDD(dfAdd2FD(d, dfMulFF(t, t)), dfRecF(t)), 0.5);
}

/** hi + lo rounded to float32. */
export function dfValue(x: DF): number {
  return f(x.hi + x.lo);
}

/** 2^k for k in [-POW2_BIAS, POW2_BIAS] from a table: Math.pow is slow in these loops. */
const POW2_BIAS = 300;
const POW2 = Float64Array.from({ length: 2 * POW2_BIAS + 1 }, (_, i) => 2 ** (i - POW2_BIAS));
export function pow2(k: number): number {
  return k >= -POW2_BIAS && k <= POW2_BIAS ? POW2[k + POW2_BIAS] : 2 ** k;
}

/** vldexp2_vf_vf_vi2: d 2^q as two float32 multiplies, by 2^(q >> 1) and 2^(q - (q >> 1)). */
export function ldexp2(d: number, q: number): number {
  const q1 = q >> 1;
  return f(f(d * pow2(q1)) * pow2(q - q1));
}
