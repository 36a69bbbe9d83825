// exp, sigmoid and tanh of float32 arrays, two float64 lanes at a time, and the backward of sigmoid and tanh.
// All three follow PyTorch's AVX2 kernels bit for bit: e^x is SLEEF's expf_u10 replayed in float32 steps
// (expf in src/engine/ops/sleefExp.ts, whose header says how) and tanh SLEEF's tanhf_u10 (tanhf in
// src/engine/ops/sleefTanh.ts), each float32 rounding done by a demote and promote of the double lanes;
// sigmoid is 1 / (1 + e^-x) in float32 steps from that. The backward loops are PyTorch's float32 formulas,
// bit-identical to the TypeScript loops.
// Pointers are byte addresses of float32 arrays in this module's memory; n is the element count.

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

// SLEEF's tanhf_u10 constants (sleefTanh.ts): its cut-off and expk2f's polynomial; and where tanh in double
// settles SLEEF's result (times T_LOWER and T_UPPER, the band [T_BAND_LOW, T_BAND_HIGH) excluded; sleefTanh.ts
// says why).
const T_LIMIT: f64 = <f64>(<f32>8.664339742);
const T_LOWER: f64 = 1 - 1.0 / 536870912.0; // 1 - 2^-29
const T_UPPER: f64 = 1 + 1.0 / 536870912.0;
const T_BAND_LOW: f64 = 1.0 / 33554432.0; // 2^-25
const T_BAND_HIGH: f64 = 1.0 / 65536.0; // 2^-16
const LN2_HI: f64 = 6.93147180369123816490e-1; // high bits of ln 2: k * LN2_HI is exact for |k| < 2^11
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.4426950408889634074;
const K0: f64 = <f64>(<f32>0.1980960224e-3);
const K1: f64 = <f64>(<f32>0.1394256484e-2);
const K2: f64 = <f64>(<f32>0.8333456703e-2);
const K3: f64 = <f64>(<f32>0.4166637361e-1);
const K4: f64 = <f64>(<f32>0.166666659414234244790680580464);

/** a * b - c rounded once to float32 (vfmapn): exact in double; the rounding only matters below float32's normals. */
// @ts-ignore: decorator
@inline function fms32(a: v128, b: v128, c: v128): v128 {
  return r32(f64x2.sub(f64x2.mul(a, b), c));
}

/** c - a * b rounded once to float32 (vfmanp). */
// @ts-ignore: decorator
@inline function fnma32(a: v128, b: v128, c: v128): v128 {
  return r32(f64x2.sub(c, f64x2.mul(a, b)));
}

// @ts-ignore: decorator
@inline function add32(a: v128, b: v128): v128 {
  return r32(f64x2.add(a, b));
}

// @ts-ignore: decorator
@inline function sub32(a: v128, b: v128): v128 {
  return r32(f64x2.sub(a, b));
}

/**
 * SLEEF's tanhf_u10 of d = |x| in [0, T_LIMIT] on two lanes of float32 values held as doubles, step for step as
 * sleefTanhf in sleefTanh.ts (whose comments name SLEEF's double-float routines): e^d as a double-float, then
 * (e^d - e^-d) / (e^d + e^-d).
 */
// @ts-ignore: decorator
@inline function sleefTanhf2lanes(d: v128): v128 {
  const q = f64x2.nearest(r32(f64x2.mul(d, f64x2.splat(R_LN2))));
  const m1 = r32(f64x2.mul(q, f64x2.splat(-L2U)));
  let sx = add32(d, m1);
  let v = sub32(sx, d);
  let sy = add32(sub32(d, sub32(sx, v)), sub32(m1, v));
  const m2 = r32(f64x2.mul(q, f64x2.splat(-L2L)));
  const s2 = add32(sx, m2);
  v = sub32(s2, sx);
  sy = add32(add32(sub32(sx, sub32(s2, v)), sub32(m2, v)), sy);
  sx = s2;
  let u = fma32(f64x2.splat(K0), sx, f64x2.splat(K1));
  u = fma32(u, sx, f64x2.splat(K2));
  u = fma32(u, sx, f64x2.splat(K3));
  let px = r32(f64x2.mul(sx, u));
  let py = fma32(sy, u, fms32(sx, u, px));
  const c4 = f64x2.splat(K4);
  let tx = add32(px, c4);
  v = sub32(tx, px);
  let ty = add32(add32(sub32(px, sub32(tx, v)), sub32(c4, v)), py);
  px = r32(f64x2.mul(sx, tx));
  py = fma32(sx, ty, fma32(sy, tx, fms32(sx, tx, px)));
  const half = f64x2.splat(0.5);
  tx = add32(px, half);
  v = sub32(tx, px);
  ty = add32(add32(sub32(px, sub32(tx, v)), sub32(half, v)), py);
  const qx = r32(f64x2.mul(sx, sx));
  const qy = fma32(add32(sx, sx), sy, fms32(sx, sx, qx));
  px = r32(f64x2.mul(qx, tx));
  py = fma32(qx, ty, fma32(qy, tx, fms32(qx, tx, px)));
  const wx = add32(sx, px);
  v = sub32(wx, sx);
  const wy = add32(add32(sub32(sx, sub32(wx, v)), sub32(px, v)), add32(sy, py));
  const one = f64x2.splat(1);
  const ex = add32(one, wx);
  const ey = add32(add32(sub32(one, ex), wx), wy);
  const qi = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(q));
  const p2 = i64x2.shl(i64x2.add(qi, i64x2.splat(1023)), 52); // 2^q, q in [0, 13]: exact scaling
  const dx = f64x2.mul(ex, p2);
  const dy = f64x2.mul(ey, p2);
  const r = r32(f64x2.div(one, dx));
  const ry = r32(f64x2.mul(r, fnma32(dy, r, fnma32(dx, r, one))));
  const nx = sub32(dx, r);
  const ny = sub32(add32(sub32(sub32(dx, nx), r), dy), ry);
  const mx = add32(dx, r);
  const my = add32(add32(add32(sub32(dx, mx), r), dy), ry);
  const t = r32(f64x2.div(one, mx));
  const s = r32(f64x2.mul(nx, t));
  const w = fnma32(my, t, fnma32(mx, t, one));
  return add32(s, fma32(s, w, fma32(ny, t, fms32(t, nx, s))));
}

/** e^x on two float64 lanes for x in [0, 2 T_LIMIT] (Cody-Waite reduction by ln 2, Taylor to degree 13). */
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
  const ki = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k)); // k in [0, 25]
  return f64x2.mul(p, i64x2.shl(i64x2.add(ki, i64x2.splat(1023)), 52));
}

/** tanh in double of a in [0, T_LIMIT] on two lanes, as tanhF64 in sleefTanh.ts. */
// @ts-ignore: decorator
@inline function tanhNear2lanes(a: v128): v128 {
  const one = f64x2.splat(1);
  const x2 = f64x2.mul(a, a);
  const num = f64x2.mul(
    a,
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
  const e = exp2lanes(f64x2.mul(f64x2.splat(2), a));
  const big = f64x2.sub(one, f64x2.div(f64x2.splat(2), f64x2.add(e, one)));
  return v128.bitselect(f64x2.div(num, den), big, f64x2.lt(a, f64x2.splat(0.6)));
}

/**
 * SLEEF's tanhf_u10 on two lanes, as tanhf in sleefTanh.ts: tanh in double wherever it times T_LOWER and
 * T_UPPER round to one float32 (outside [2^-25, 2^-16)), which then is SLEEF's result too; the replay for the rest.
 */
// @ts-ignore: decorator
@inline function tanhf2lanes(x: v128): v128 {
  const a = f64x2.pmin(f64x2.abs(x), f64x2.splat(T_LIMIT)); // keeps 2^q small; larger |x| gives 1 below
  const t = tanhNear2lanes(a);
  const lo = f32x4.demote_f64x2_zero(f64x2.mul(t, f64x2.splat(T_LOWER)));
  const agree = i64x2.extend_low_i32x4_s(i32x4.eq(lo, f32x4.demote_f64x2_zero(f64x2.mul(t, f64x2.splat(T_UPPER)))));
  const inBand = v128.and(f64x2.ge(a, f64x2.splat(T_BAND_LOW)), f64x2.lt(a, f64x2.splat(T_BAND_HIGH)));
  const sure = v128.andnot(agree, inBand);
  let y = f64x2.promote_low_f32x4(lo);
  if (!i64x2.all_true(sure)) y = v128.bitselect(y, sleefTanhf2lanes(a), sure);
  y = v128.bitselect(f64x2.splat(1), y, f64x2.gt(f64x2.abs(x), f64x2.splat(T_LIMIT)));
  y = v128.or(y, v128.and(x, f64x2.splat(-0.0))); // the sign of x (y is +0 or positive)
  return v128.bitselect(x, y, f64x2.ne(x, x));
}

export const TR_EXP: i32 = 0; // e^x
export const TR_SIGMOID: i32 = 1; // 1 / (1 + e^-x)
export const TR_TANH: i32 = 2; // SLEEF's tanhf_u10, as tanhf in src/engine/ops/sleefTanh.ts

/** One function on two float64 lanes; NaN inputs give NaN (the clamps keep NaN through pmin/pmax). */
// @ts-ignore: decorator
@inline function apply2(fn: i32, x: v128): v128 {
  if (fn == TR_EXP) return expf2lanes(x);
  // e^-x only: the rest of sigmoid is float32 arithmetic, done after rounding (see transcendentalOf).
  if (fn == TR_SIGMOID) return expf2lanes(f64x2.neg(x));
  return tanhf2lanes(x);
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

// ---- exp, sigmoid and tanh on four float32 lanes, where relaxed SIMD's multiply-add is fused --------------

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

/** SLEEF's tanhf_u10 on four float32 lanes with fused multiply-adds: exactly its AVX2 code's steps. */
// @ts-ignore: decorator
@inline function tanhf4(x: v128): v128 {
  const a = f32x4.abs(x);
  const d = f32x4.pmin(a, f32x4.splat(<f32>T_LIMIT)); // keeps 2^q small; larger |x| gives 1 below
  const q = f32x4.nearest(f32x4.mul(d, f32x4.splat(<f32>R_LN2)));
  const m1 = f32x4.mul(q, f32x4.splat(<f32>-L2U));
  let sx = f32x4.add(d, m1);
  let v = f32x4.sub(sx, d);
  let sy = f32x4.add(f32x4.sub(d, f32x4.sub(sx, v)), f32x4.sub(m1, v));
  const m2 = f32x4.mul(q, f32x4.splat(<f32>-L2L));
  const s2 = f32x4.add(sx, m2);
  v = f32x4.sub(s2, sx);
  sy = f32x4.add(f32x4.add(f32x4.sub(sx, f32x4.sub(s2, v)), f32x4.sub(m2, v)), sy);
  sx = s2;
  let u = madd4(f32x4.splat(<f32>K0), sx, f32x4.splat(<f32>K1));
  u = madd4(u, sx, f32x4.splat(<f32>K2));
  u = madd4(u, sx, f32x4.splat(<f32>K3));
  let px = f32x4.mul(sx, u);
  let py = madd4(sy, u, madd4(sx, u, f32x4.neg(px)));
  const c4 = f32x4.splat(<f32>K4);
  let tx = f32x4.add(px, c4);
  v = f32x4.sub(tx, px);
  let ty = f32x4.add(f32x4.add(f32x4.sub(px, f32x4.sub(tx, v)), f32x4.sub(c4, v)), py);
  px = f32x4.mul(sx, tx);
  py = madd4(sx, ty, madd4(sy, tx, madd4(sx, tx, f32x4.neg(px))));
  const half = f32x4.splat(0.5);
  tx = f32x4.add(px, half);
  v = f32x4.sub(tx, px);
  ty = f32x4.add(f32x4.add(f32x4.sub(px, f32x4.sub(tx, v)), f32x4.sub(half, v)), py);
  const qx = f32x4.mul(sx, sx);
  const qy = madd4(f32x4.add(sx, sx), sy, madd4(sx, sx, f32x4.neg(qx)));
  px = f32x4.mul(qx, tx);
  py = madd4(qx, ty, madd4(qy, tx, madd4(qx, tx, f32x4.neg(px))));
  const wx = f32x4.add(sx, px);
  v = f32x4.sub(wx, sx);
  const wy = f32x4.add(f32x4.add(f32x4.sub(sx, f32x4.sub(wx, v)), f32x4.sub(px, v)), f32x4.add(sy, py));
  const one = f32x4.splat(1);
  const ex = f32x4.add(one, wx);
  const ey = f32x4.add(f32x4.add(f32x4.sub(one, ex), wx), wy);
  const p2 = pow2i4(i32x4.trunc_sat_f32x4_s(q)); // 2^q, q in [0, 13]: exact scaling
  const dx = f32x4.mul(ex, p2);
  const dy = f32x4.mul(ey, p2);
  const r = f32x4.div(one, dx);
  const ry = f32x4.mul(r, madd4(f32x4.neg(dy), r, madd4(f32x4.neg(dx), r, one)));
  const nx = f32x4.sub(dx, r);
  const ny = f32x4.sub(f32x4.add(f32x4.sub(f32x4.sub(dx, nx), r), dy), ry);
  const mx = f32x4.add(dx, r);
  const my = f32x4.add(f32x4.add(f32x4.add(f32x4.sub(dx, mx), r), dy), ry);
  const t = f32x4.div(one, mx);
  const s = f32x4.mul(nx, t);
  const w = madd4(f32x4.neg(my), t, madd4(f32x4.neg(mx), t, one));
  let y = f32x4.add(s, madd4(s, w, madd4(ny, t, madd4(t, nx, f32x4.neg(s)))));
  y = v128.bitselect(one, y, f32x4.gt(a, f32x4.splat(<f32>T_LIMIT)));
  y = v128.or(y, v128.and(x, f32x4.splat(-0.0))); // the sign of x (y is +0 or positive)
  return v128.bitselect(x, y, f32x4.ne(x, x));
}

// @ts-ignore: decorator
@inline function fused4(fn: i32, x: v128): v128 {
  if (fn == TR_EXP) return expf4(x);
  if (fn == TR_TANH) return tanhf4(x);
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

/** y = fn(x), fn one of TR_*, four lanes at a time; only where maddFused() is 1. */
export function trForwardFused(fn: i32, n: i32, x: usize, y: usize): void {
  if (fn == TR_EXP) fusedOf(TR_EXP, n, x, y);
  else if (fn == TR_SIGMOID) fusedOf(TR_SIGMOID, n, x, y);
  else fusedOf(TR_TANH, n, x, y);
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
