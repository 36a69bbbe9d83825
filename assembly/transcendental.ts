// exp, sigmoid and tanh of float32 arrays, two float64 lanes at a time, and the backward of sigmoid and tanh.
// exp and sigmoid follow PyTorch's AVX2 kernels bit for bit: e^x is SLEEF's expf_u10 replayed in float32 steps
// (expf in src/engine/ops/sleefExp.ts, whose header says how), each float32 rounding done by a demote and
// promote of the double lanes; sigmoid is 1 / (1 + e^-x) in float32 steps from that. tanh is evaluated in
// double (Cody-Waite reduction by ln 2, a degree-13 Taylor polynomial on |r| <= ln2 / 2 by Estrin's scheme,
// scaling by 2^k) and rounded once, as the TypeScript loop (tanhF64) computes it: the same float32 bits except
// when a value lies within ~1e-16 of a float32 rounding boundary (about one element in 10^8;
// test/unit/transcendental-kernels.test.ts checks millions). The backward loops are PyTorch's float32
// formulas, bit-identical to the TypeScript loops.
// Pointers are byte addresses of float32 arrays in this module's memory; n is the element count.

const LN2_HI: f64 = 6.93147180369123816490e-1; // high bits of ln 2: k * LN2_HI is exact for |k| < 2^11
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.44269504088896338700;

/** e^x on two float64 lanes (x already limited to [-750, 710]: beyond, the result is 0 or inf). */
// @ts-ignore: decorator
@inline function exp2lanes(x: v128): v128 {
  const k = f64x2.nearest(f64x2.mul(x, f64x2.splat(INV_LN2)));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI))), f64x2.mul(k, f64x2.splat(LN2_LO)));
  // Taylor coefficients 1/i! by Estrin's scheme: independent pairs, then powers r^2, r^4, r^8 (short chains).
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const q0 = f64x2.add(f64x2.splat(1.0), r);
  const q1 = f64x2.add(f64x2.splat(0.5), f64x2.mul(f64x2.splat(1.0 / 6.0), r));
  const q2 = f64x2.add(f64x2.splat(1.0 / 24.0), f64x2.mul(f64x2.splat(1.0 / 120.0), r));
  const q3 = f64x2.add(f64x2.splat(1.0 / 720.0), f64x2.mul(f64x2.splat(1.0 / 5040.0), r));
  const q4 = f64x2.add(f64x2.splat(1.0 / 40320.0), f64x2.mul(f64x2.splat(1.0 / 362880.0), r));
  const q5 = f64x2.add(f64x2.splat(1.0 / 3628800.0), f64x2.mul(f64x2.splat(1.0 / 39916800.0), r));
  const q6 = f64x2.add(f64x2.splat(1.0 / 479001600.0), f64x2.mul(f64x2.splat(1.0 / 6227020800.0), r));
  const s0 = f64x2.add(q0, f64x2.mul(q1, r2));
  const s1 = f64x2.add(q2, f64x2.mul(q3, r2));
  const s2 = f64x2.add(q4, f64x2.mul(q5, r2));
  const t0 = f64x2.add(s0, f64x2.mul(s1, r4));
  const t1 = f64x2.add(s2, f64x2.mul(q6, r4));
  const p = f64x2.add(t0, f64x2.mul(t1, r8));
  // 2^k as two factors 2^(k >> 1) and 2^(k - (k >> 1)), each a valid double exponent for k in [-1082, 1025].
  const ki = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
  const k1 = i64x2.shr_s(ki, 1);
  const k2 = i64x2.sub(ki, k1);
  const scale1 = i64x2.shl(i64x2.add(k1, i64x2.splat(1023)), 52);
  const scale2 = i64x2.shl(i64x2.add(k2, i64x2.splat(1023)), 52);
  return f64x2.mul(f64x2.mul(p, scale1), scale2);
}

// SLEEF's expf_u10 constants, float32 values held as doubles (sleefExp.ts).
const R_LN2: f64 = <f64>(<f32>1.442695040888963407359924681001892137426645954152985934135449406931);
const L2U: f64 = <f64>(<f32>0.693145751953125);
const L2L: f64 = <f64>(<f32>1.428606765330187045e-6);
const E0: f64 = <f64>(<f32>0.000198527617612853646278381);
const E1: f64 = <f64>(<f32>0.00139304355252534151077271);
const E2: f64 = <f64>(<f32>0.00833336077630519866943359);
const E3: f64 = <f64>(<f32>0.0416664853692054748535156);
const E4: f64 = <f64>(<f32>0.166666671633720397949219);

/** Double lanes rounded to float32 (and back): one float32 operation's rounding. */
// @ts-ignore: decorator
@inline function r32(v: v128): v128 {
  return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v));
}

/** a * b + c rounded once to float32 (SLEEF's fused vmla: a * b of two float32 numbers is exact in double). */
// @ts-ignore: decorator
@inline function fma32(a: v128, b: v128, c: v128): v128 {
  return r32(f64x2.add(f64x2.mul(a, b), c));
}

/** SLEEF's expf_u10 on two lanes of float32 values held as doubles, as expf in sleefExp.ts. */
// @ts-ignore: decorator
@inline function expf2lanes(x: v128): v128 {
  const d = f64x2.pmin(f64x2.pmax(x, f64x2.splat(-104.5)), f64x2.splat(89)); // keeps 2^q a valid double
  const q = f64x2.nearest(r32(f64x2.mul(d, f64x2.splat(R_LN2))));
  let s = fma32(q, f64x2.splat(-L2U), d);
  s = fma32(q, f64x2.splat(-L2L), s);
  let u = fma32(f64x2.splat(E0), s, f64x2.splat(E1));
  u = fma32(u, s, f64x2.splat(E2));
  u = fma32(u, s, f64x2.splat(E3));
  u = fma32(u, s, f64x2.splat(E4));
  u = fma32(u, s, f64x2.splat(0.5));
  u = r32(f64x2.add(f64x2.splat(1), fma32(r32(f64x2.mul(s, s)), u, s)));
  const qi = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(q));
  const q1 = i64x2.shr_s(qi, 1);
  const q2 = i64x2.sub(qi, q1);
  const scale1 = i64x2.shl(i64x2.add(q1, i64x2.splat(1023)), 52);
  const scale2 = i64x2.shl(i64x2.add(q2, i64x2.splat(1023)), 52);
  let y = r32(f64x2.mul(r32(f64x2.mul(u, scale1)), scale2));
  y = v128.bitselect(f64x2.splat(0), y, f64x2.lt(x, f64x2.splat(-104)));
  y = v128.bitselect(f64x2.splat(Infinity), y, f64x2.gt(x, f64x2.splat(88.8)));
  return v128.bitselect(x, y, f64x2.ne(x, x));
}

// @ts-ignore: decorator
@inline function clampExp(x: v128): v128 {
  return f64x2.pmin(f64x2.pmax(x, f64x2.splat(-750)), f64x2.splat(710));
}

export const TR_EXP: i32 = 0; // e^x
export const TR_SIGMOID: i32 = 1; // 1 / (1 + e^-x)
export const TR_TANH: i32 = 2; // as tanhF64 in src/engine/ops/activation.ts

/** One function on two float64 lanes; NaN inputs give NaN (the clamps keep NaN through pmin/pmax). */
// @ts-ignore: decorator
@inline function apply2(fn: i32, x: v128): v128 {
  const one = f64x2.splat(1);
  if (fn == TR_EXP) return expf2lanes(x);
  // e^-x only: the rest of sigmoid is float32 arithmetic, done after rounding (see transcendentalOf).
  if (fn == TR_SIGMOID) return expf2lanes(f64x2.neg(x));
  // tanh: a [7/6] rational near 0, 1 - 2 / (e^2|x| + 1) beyond, +-1 past 20.
  const a = f64x2.abs(x);
  const x2 = f64x2.mul(x, x);
  const num = f64x2.mul(
    x,
    f64x2.add(
      f64x2.splat(135135),
      f64x2.mul(x2, f64x2.add(f64x2.splat(17325), f64x2.mul(x2, f64x2.add(f64x2.splat(378), x2)))),
    ),
  );
  const den = f64x2.add(
    f64x2.splat(135135),
    f64x2.mul(
      x2,
      f64x2.add(f64x2.splat(62370), f64x2.mul(x2, f64x2.add(f64x2.splat(3150), f64x2.mul(f64x2.splat(28), x2)))),
    ),
  );
  const small = f64x2.div(num, den);
  const e = exp2lanes(clampExp(f64x2.mul(f64x2.splat(2), a)));
  const t = f64x2.sub(one, f64x2.div(f64x2.splat(2), f64x2.add(e, one)));
  const big = v128.bitselect(f64x2.neg(t), t, f64x2.lt(x, f64x2.splat(0)));
  const sat = v128.bitselect(f64x2.splat(-1), one, f64x2.lt(x, f64x2.splat(0)));
  let y = v128.bitselect(small, big, f64x2.lt(a, f64x2.splat(0.6)));
  y = v128.bitselect(sat, y, f64x2.gt(a, f64x2.splat(20)));
  return v128.bitselect(x, y, f64x2.ne(x, x));
}

/** sigmoid = 1 / (1 + e^-x) in float32 steps, as PyTorch computes it, from e^-x rounded to float32. */
// @ts-ignore: decorator
@inline function finish(fn: i32, v: v128): v128 {
  if (fn != TR_SIGMOID) return v;
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, v));
}

// @ts-ignore: decorator
@inline function transcendentalOf(fn: i32, n: i32, x: usize, y: usize): void {
  let i = 0;
  // Eight floats per iteration: four independent chains keep the multipliers busy.
  for (; i + 8 <= n; i += 8) {
    const o = (<usize>i) << 2;
    const v = v128.load(x + o);
    const w = v128.load(x + o + 16);
    const a = f32x4.demote_f64x2_zero(apply2(fn, f64x2.promote_low_f32x4(v)));
    const b = f32x4.demote_f64x2_zero(apply2(fn, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3))));
    const c = f32x4.demote_f64x2_zero(apply2(fn, f64x2.promote_low_f32x4(w)));
    const d = f32x4.demote_f64x2_zero(apply2(fn, f64x2.promote_low_f32x4(v128.shuffle<f32>(w, w, 2, 3, 2, 3))));
    v128.store(y + o, finish(fn, v128.shuffle<i64>(a, b, 0, 2)));
    v128.store(y + o + 16, finish(fn, v128.shuffle<i64>(c, d, 0, 2)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    const v = f64x2.splat(<f64>load<f32>(x + o));
    const r = f32x4.splat(<f32>f64x2.extract_lane(apply2(fn, v), 0));
    store<f32>(y + o, f32x4.extract_lane(finish(fn, r), 0));
  }
}

/** y = fn(x), fn one of TR_*. */
export function trForward(fn: i32, n: i32, x: usize, y: usize): void {
  if (fn == TR_EXP) transcendentalOf(TR_EXP, n, x, y);
  else if (fn == TR_SIGMOID) transcendentalOf(TR_SIGMOID, n, x, y);
  else transcendentalOf(TR_TANH, n, x, y);
}

// ---- exp and sigmoid on four float32 lanes, where relaxed SIMD's multiply-add is fused -----------------

/** Whether a * a + c is fused here (one rounding): the host passes 1 + 2^-12 and -(1 + 2^-11), whose fused
 * result is 2^-24 and unfused 0. Only then do the 4-lane kernels below give SLEEF's bits. */
export function maddFused(a: f32, c: f32): i32 {
  if (!ASC_FEATURE_RELAXED_SIMD) return 0;
  const r = f32x4.relaxed_madd(f32x4.splat(a), f32x4.splat(a), f32x4.splat(c));
  return <i32>(f32x4.extract_lane(r, 0) != 0);
}

// @ts-ignore: decorator
@inline function madd4(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c); // unreachable: the host calls trForwardFused only where maddFused
}

/** 2^k as float32 lanes for k in [-126, 127] (vpow2i_vf_vi2). */
// @ts-ignore: decorator
@inline function pow2i4(k: v128): v128 {
  return i32x4.shl(i32x4.add(k, i32x4.splat(127)), 23);
}

/** SLEEF's expf_u10 on four float32 lanes with fused multiply-adds: exactly its AVX2 code's steps. */
// @ts-ignore: decorator
@inline function expf4(x: v128): v128 {
  const d = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-104.5)), f32x4.splat(89)); // keeps 2^q a normal float
  const q = f32x4.nearest(f32x4.mul(d, f32x4.splat(<f32>R_LN2)));
  let s = madd4(q, f32x4.splat(<f32>-L2U), d);
  s = madd4(q, f32x4.splat(<f32>-L2L), s);
  let u = madd4(f32x4.splat(<f32>E0), s, f32x4.splat(<f32>E1));
  u = madd4(u, s, f32x4.splat(<f32>E2));
  u = madd4(u, s, f32x4.splat(<f32>E3));
  u = madd4(u, s, f32x4.splat(<f32>E4));
  u = madd4(u, s, f32x4.splat(0.5));
  u = f32x4.add(f32x4.splat(1), madd4(f32x4.mul(s, s), u, s));
  const qi = i32x4.trunc_sat_f32x4_s(q);
  const q1 = i32x4.shr_s(qi, 1);
  let y = f32x4.mul(f32x4.mul(u, pow2i4(q1)), pow2i4(i32x4.sub(qi, q1)));
  y = v128.bitselect(f32x4.splat(0), y, f32x4.lt(x, f32x4.splat(-104)));
  y = v128.bitselect(f32x4.splat(Infinity), y, f32x4.gt(x, f32x4.splat(88.8)));
  return v128.bitselect(x, y, f32x4.ne(x, x));
}

// @ts-ignore: decorator
@inline function fused4(fn: i32, x: v128): v128 {
  if (fn == TR_EXP) return expf4(x);
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, expf4(f32x4.neg(x))));
}

// @ts-ignore: decorator
@inline function fusedOf(fn: i32, n: i32, x: usize, y: usize): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = (<usize>i) << 2;
    v128.store(y + o, fused4(fn, v128.load(x + o)));
    v128.store(y + o + 16, fused4(fn, v128.load(x + o + 16)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(y + o, f32x4.extract_lane(fused4(fn, f32x4.splat(load<f32>(x + o))), 0));
  }
}

/** y = exp(x) (TR_EXP) or sigmoid(x) (TR_SIGMOID), four lanes at a time; only where maddFused() is 1. */
export function trForwardFused(fn: i32, n: i32, x: usize, y: usize): void {
  if (fn == TR_EXP) fusedOf(TR_EXP, n, x, y);
  else fusedOf(TR_SIGMOID, n, x, y);
}

/**
 * PyTorch's sigmoid_backward, g * (1 - y) * y, each step rounded to float32; tanh_backward, g * (1 - y * y),
 * with 1 - y * y fused (one rounding, as its AVX2 kernel compiles to an FMA) and the product rounded.
 */
// @ts-ignore: decorator
@inline function backward4(isTanh: bool, y: v128, g: v128): v128 {
  const one = f32x4.splat(1);
  if (!isTanh) return f32x4.mul(f32x4.mul(g, f32x4.sub(one, y)), y);
  // 1 - y * y in double is exact enough to round once: y * y is exact there.
  const d1 = f64x2.promote_low_f32x4(y);
  const d2 = f64x2.promote_low_f32x4(v128.shuffle<f32>(y, y, 2, 3, 2, 3));
  const o = f64x2.splat(1);
  const lo = f32x4.demote_f64x2_zero(f64x2.sub(o, f64x2.mul(d1, d1)));
  const hi = f32x4.demote_f64x2_zero(f64x2.sub(o, f64x2.mul(d2, d2)));
  return f32x4.mul(g, v128.shuffle<i64>(lo, hi, 0, 2));
}

// @ts-ignore: decorator
@inline function backwardOf(isTanh: bool, n: i32, y: usize, g: usize, r: usize): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(r + o, backward4(isTanh, v128.load(y + o), v128.load(g + o)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    const v = backward4(isTanh, f32x4.splat(load<f32>(y + o)), f32x4.splat(load<f32>(g + o)));
    store<f32>(r + o, f32x4.extract_lane(v, 0));
  }
}

/** r = sigmoid or tanh backward from the output y and the gradient g (bit-identical to the TypeScript loops). */
export function trBackward(isTanh: i32, n: i32, y: usize, g: usize, r: usize): void {
  if (isTanh) backwardOf(true, n, y, g, r);
  else backwardOf(false, n, y, g, r);
}
