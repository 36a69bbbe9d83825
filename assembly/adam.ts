// Adam / AdamW update for one parameter tensor, four float32 lanes at a time, following PyTorch 1.13's
// single-tensor Adam (torch/optim/adam.py) operation by operation with float32 rounding after each:
//   g = maximize ? -grad : grad
//   AdamW: p = p * (1 - lr * wd)          Adam: g = g + wd * p            (only with ADAM_WEIGHT_DECAY)
//   m = m * beta1 + g * (1 - beta1)
//   v = v * beta2 + (1 - beta2) * g * g
//   s = amsgrad ? (vmax = max(vmax, v)) : v
//   p = p - (stepSize * m) / (sqrt(s) / bc2Sqrt + eps)
// With ADAM_FUSED the three "x + y * z" updates (add with alpha, addcmul) are single-rounding fused
// multiply-adds, which is what PyTorch's AVX2 CPU kernels compute (vec::fmadd; addcmul as
// fma((1 - beta2) * g, g, v * beta2)); without it every product is rounded first, with g * g squared
// before scaling, as the TypeScript loop in src/engine/optim/adam.ts did when this was written. WebAssembly has no exact float32 FMA, so it is computed in float64 with round-to-odd, which
// then rounds to float32 exactly as a true fused operation would.
// Pointers are byte addresses of n-float arrays in this module's memory.

export const ADAM_MAXIMIZE: i32 = 1;
export const ADAM_DECOUPLED: i32 = 2;
export const ADAM_AMSGRAD: i32 = 4;
export const ADAM_WEIGHT_DECAY: i32 = 8;
export const ADAM_FUSED: i32 = 16;

/** a * b + c on two float64 lanes, rounded to odd (correct for a later rounding to float32). */
// @ts-ignore: decorator
@inline function fmaOdd2(a: v128, b: v128, c: v128): v128 {
  const p = f64x2.mul(a, b); // exact: a and b are floats
  const s = f64x2.add(p, c);
  // Two-sum: the exact rounding error of s.
  const bb = f64x2.sub(s, p);
  const err = f64x2.add(f64x2.sub(p, f64x2.sub(s, bb)), f64x2.sub(c, bb));
  // Round to odd: when s is inexact and its last bit is even, step it one ulp toward the exact value.
  const inexact = f64x2.ne(err, f64x2.splat(0));
  const finite = f64x2.lt(f64x2.abs(s), f64x2.splat(Infinity));
  const even = i64x2.eq(v128.and(s, i64x2.splat(1)), i64x2.splat(0));
  const step = v128.or(i64x2.shr_s(v128.xor(s, err), 63), i64x2.splat(1)); // +1 away from zero, -1 toward
  return i64x2.add(s, v128.and(step, v128.and(v128.and(inexact, finite), even)));
}

/** Single-rounding float32 a * b + c on four lanes. */
// @ts-ignore: decorator
@inline function fma4(a: v128, b: v128, c: v128): v128 {
  const lo = f32x4.demote_f64x2_zero(fmaOdd2(f64x2.promote_low_f32x4(a), f64x2.promote_low_f32x4(b), f64x2.promote_low_f32x4(c)));
  const ah = v128.shuffle<f32>(a, a, 2, 3, 2, 3);
  const bh = v128.shuffle<f32>(b, b, 2, 3, 2, 3);
  const ch = v128.shuffle<f32>(c, c, 2, 3, 2, 3);
  const hi = f32x4.demote_f64x2_zero(fmaOdd2(f64x2.promote_low_f32x4(ah), f64x2.promote_low_f32x4(bh), f64x2.promote_low_f32x4(ch)));
  return v128.shuffle<i64>(lo, hi, 0, 2);
}

/** a * b + c, fused or not. */
// @ts-ignore: decorator
@inline function madd4(fused: bool, a: v128, b: v128, c: v128): v128 {
  return fused ? fma4(a, b, c) : f32x4.add(f32x4.mul(a, b), c);
}

export function adamStep(
  n: i32, p: usize, g: usize, m: usize, v: usize, vmax: usize, flags: i32,
  beta1: f32, beta2: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, eps: f32,
  weightDecay: f32, decay: f32, stepSize: f32, bc2Sqrt: f32,
): void {
  const maximize = (flags & ADAM_MAXIMIZE) != 0;
  const decoupled = (flags & ADAM_DECOUPLED) != 0;
  const amsgrad = (flags & ADAM_AMSGRAD) != 0;
  const useWd = (flags & ADAM_WEIGHT_DECAY) != 0;
  const fused = (flags & ADAM_FUSED) != 0;
  const vb1 = f32x4.splat(beta1), vb2 = f32x4.splat(beta2);
  const v1b1 = f32x4.splat(oneMinusBeta1), v1b2 = f32x4.splat(oneMinusBeta2);
  const veps = f32x4.splat(eps), vwd = f32x4.splat(weightDecay), vdecay = f32x4.splat(decay);
  const vstep = f32x4.splat(stepSize), vbc2 = f32x4.splat(bc2Sqrt);
  const zero = f32x4.splat(0);
  // Whole vectors, then the last n % 4 elements through a zero-padded vector (same arithmetic, no scalar copy
  // of the formula to keep in sync).
  for (let i = 0; i < n; i += 4) {
    const o = <usize>i << 2;
    const whole = i + 4 <= n;
    const lanes = n - i;
    let pi = whole ? v128.load(p + o) : loadPartial(p + o, lanes);
    let gi = whole ? v128.load(g + o) : loadPartial(g + o, lanes);
    let mo = whole ? v128.load(m + o) : loadPartial(m + o, lanes);
    let vo = whole ? v128.load(v + o) : loadPartial(v + o, lanes);
    if (maximize) gi = f32x4.neg(gi);
    if (useWd) {
      if (decoupled) pi = f32x4.mul(pi, vdecay);
      else gi = madd4(fused, pi, vwd, gi);
    }
    const mi = madd4(fused, gi, v1b1, f32x4.mul(mo, vb1));
    const vi = fused
      ? fma4(f32x4.mul(v1b2, gi), gi, f32x4.mul(vo, vb2))
      : f32x4.add(f32x4.mul(vo, vb2), f32x4.mul(f32x4.mul(gi, gi), v1b2));
    let s = vi;
    let smax = zero;
    if (amsgrad) {
      // vmax > v ? vmax : v (pmax(a, b) = a < b ? b : a).
      smax = f32x4.pmax(vi, whole ? v128.load(vmax + o) : loadPartial(vmax + o, lanes));
      s = smax;
    }
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(s), vbc2), veps);
    const pn = f32x4.sub(pi, f32x4.div(f32x4.mul(vstep, mi), denom));
    if (whole) {
      v128.store(p + o, pn);
      v128.store(m + o, mi);
      v128.store(v + o, vi);
      if (amsgrad) v128.store(vmax + o, smax);
    } else {
      storePartial(p + o, pn, lanes);
      storePartial(m + o, mi, lanes);
      storePartial(v + o, vi, lanes);
      if (amsgrad) storePartial(vmax + o, smax, lanes);
    }
  }
}

function loadPartial(at: usize, lanes: i32): v128 {
  let x = f32x4.splat(0);
  x = f32x4.replace_lane(x, 0, load<f32>(at));
  if (lanes > 1) x = f32x4.replace_lane(x, 1, load<f32>(at, 4));
  if (lanes > 2) x = f32x4.replace_lane(x, 2, load<f32>(at, 8));
  return x;
}

function storePartial(at: usize, x: v128, lanes: i32): void {
  store<f32>(at, f32x4.extract_lane(x, 0));
  if (lanes > 1) store<f32>(at, f32x4.extract_lane(x, 1), 4);
  if (lanes > 2) store<f32>(at, f32x4.extract_lane(x, 2), 8);
}
