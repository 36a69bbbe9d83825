// log1p, e^x - 1, tanh, sinh and cosh in float32 as glibc 2.36 computes them (sysdeps/ieee754/flt-32/
// s_log1pf.c, s_expm1f.c, s_tanhf.c, e_sinhf.c, e_coshf.c: the Sun/Cygnus float ports, every step rounded to
// float32, no fused multiply-adds). Each differs in its last bit from the value rounded once in about one
// result in twenty. PyTorch's scalar code calls them (std::log1p, std::tanh...) on the last n % 16 values of
// softplus, mish, gelu's tanh form (activationBits.ts), sinh and cosh (unary.ts). log1pf, expm1f and tanhf
// agree with the system's libm on every value tried; sinhf and coshf but where glibc's expf misrounds.
import { glibcExpf } from './glibcExpf';
const f = Math.fround;

const LN2_HI = f(6.9313812256e-1);
const LN2_LO = f(9.0580006145e-6);
const LP = [6.6666668653e-1, 4.0000000596e-1, 2.8571429849e-1, 2.2222198546e-1, 1.818357259e-1, 1.5313838422e-1]
  .concat([1.479819864e-1])
  .map(f);
const TWO_THIRDS = f(0.6666666666666666);

const word = new Float32Array(1);
const wordBits = new Int32Array(word.buffer);
const bitsOf = (v: number) => {
  word[0] = v;
  return wordBits[0];
};
const fromBits = (b: number) => {
  wordBits[0] = b;
  return word[0];
};

/** z (Lp1 + z (Lp2 + ... + z Lp7)), each step rounded. */
function series(z: number): number {
  let acc = LP[6];
  for (let i = 5; i >= 0; i--) acc = f(LP[i] + f(z * acc));
  return f(z * acc);
}

/** 1 + x split as 2^k u (u in [sqrt(2)/2, sqrt(2))): k, f = u - 1, the rounding correction c and hu's test. */
function split(x: number, hx: number): { k: number; fr: number; c: number; hu: number } {
  let u: number;
  let k: number;
  let c: number;
  let hu: number;
  if (hx < 0x5a000000) {
    u = f(1 + x);
    hu = bitsOf(u);
    k = (hu >> 23) - 127;
    c = f((k > 0 ? f(1 - f(u - x)) : f(x - f(u - 1))) / u);
  } else {
    hu = bitsOf(x);
    k = (hu >> 23) - 127;
    c = 0;
  }
  hu &= 0x007fffff;
  if (hu < 0x3504f7) u = fromBits(hu | 0x3f800000);
  else {
    k += 1;
    u = fromBits(hu | 0x3f000000);
    hu = (0x00800000 - hu) >> 2;
  }
  return { k, fr: f(u - 1), c, hu };
}

/** glibc's log1pf of a float32 value. */
export function glibcLog1pf(x: number): number {
  const hx = bitsOf(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let fr = 0;
  let c = 0;
  let hu = 1;
  if (hx < 0x3ed413d7) {
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x31000000) return ax < 0x24800000 ? x : f(x - f(f(x * x) * 0.5));
    if (hx > 0 || hx <= (0xbe95f61f | 0)) {
      k = 0;
      fr = x;
    }
  }
  if (hx >= 0x7f800000) return x + x;
  if (k !== 0) ({ k, fr, c, hu } = split(x, hx));
  const hfsq = f(f(0.5 * fr) * fr);
  const kf = f(k);
  if (hu === 0) {
    if (fr === 0) return k === 0 ? 0 : f(f(kf * LN2_HI) + f(c + f(kf * LN2_LO)));
    const R = f(hfsq * f(1 - f(TWO_THIRDS * fr)));
    return k === 0 ? f(fr - R) : f(f(kf * LN2_HI) - f(f(R - f(f(kf * LN2_LO) + c)) - fr));
  }
  const s = f(fr / f(2 + fr));
  const R = series(f(s * s));
  if (k === 0) return f(fr - f(hfsq - f(s * f(hfsq + R))));
  return f(f(kf * LN2_HI) - f(f(hfsq - f(f(s * f(hfsq + R)) + f(f(kf * LN2_LO) + c))) - fr));
}

const EXPM1_MAX = f(8.8721679688e1);
const INV_LN2 = f(1.4426950216);
const Q = [-3.3333335072e-2, 1.5873016091e-3, -7.936507609e-5, 4.0082177293e-6, -2.0109921195e-7].map(f);

/** x 2^k by adding k to the exponent bits. */
const scaleBits = (y: number, k: number) => fromBits((bitsOf(y) + (k << 23)) | 0);

/** x = hi - lo reduced by k ln 2 (|x| > ln 2 / 2), with the rounding correction c. */
function expm1Reduce(x: number, negative: boolean, hx: number): { k: number; r: number; c: number } {
  let hi: number;
  let lo: number;
  let k: number;
  if (hx < 0x3f851592) {
    hi = negative ? f(x + LN2_HI) : f(x - LN2_HI);
    lo = negative ? -LN2_LO : LN2_LO;
    k = negative ? -1 : 1;
  } else {
    k = Math.trunc(f(f(INV_LN2 * x) + (negative ? -0.5 : 0.5)));
    hi = f(x - f(k * LN2_HI));
    lo = f(k * LN2_LO);
  }
  const r = f(hi - lo);
  return { k, r, c: f(f(hi - r) - lo) };
}

/** 2^k (1 + x - e) - 1 for the reduced x, its correction term e, k != 0. */
function expm1Scale(x: number, e: number, k: number): number {
  if (k === -1) return f(f(0.5 * f(x - e)) - 0.5);
  if (k === 1) return x < -0.25 ? f(-2 * f(e - f(x + 0.5))) : f(1 + f(2 * f(x - e)));
  if (k <= -2 || k > 56) return f(scaleBits(f(1 - f(e - x)), k) - 1);
  if (k < 23) return scaleBits(f(fromBits(0x3f800000 - (0x1000000 >> k)) - f(e - x)), k);
  return scaleBits(f(f(x - f(e + fromBits((0x7f - k) << 23))) + 1), k);
}

/** glibc's expm1f of a float32 value. */
export function glibcExpm1f(x: number): number {
  const hx = bitsOf(x) & 0x7fffffff;
  const negative = bitsOf(x) < 0;
  if (hx >= 0x4195b844) {
    if (hx > 0x7f800000) return NaN;
    if (hx === 0x7f800000) return negative ? -1 : x;
    if (!negative && hx >= 0x42b17218 && x > EXPM1_MAX) return Infinity;
    if (negative) return -1;
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3eb17218) ({ k, r: x, c } = expm1Reduce(x, negative, hx));
  else if (hx < 0x33000000) return x;
  const hfx = f(0.5 * x);
  const hxs = f(x * hfx);
  let r1 = Q[4];
  for (let i = 3; i >= 0; i--) r1 = f(Q[i] + f(hxs * r1));
  r1 = f(1 + f(hxs * r1));
  const t = f(3 - f(r1 * hfx));
  let e = f(hxs * f(f(r1 - t) / f(6 - f(x * t))));
  if (k === 0) return f(x - f(f(x * e) - hxs));
  e = f(f(f(x * f(e - c)) - c) - hxs);
  return expm1Scale(x, e, k);
}

/** glibc's tanhf of a float32 value. */
export function glibcTanhf(x: number): number {
  const ix = bitsOf(x) & 0x7fffffff;
  if (ix >= 0x7f800000) return x !== x ? NaN : x > 0 ? 1 : -1;
  if (ix === 0) return x;
  if (ix >= 0x41b00000) return x > 0 ? 1 : -1;
  if (ix < 0x24000000) return f(x * f(1 + x));
  const a = Math.abs(x);
  let z: number;
  if (ix >= 0x3f800000) z = f(1 - f(2 / f(glibcExpm1f(f(2 * a)) + 2)));
  else {
    const t = glibcExpm1f(f(-2 * a));
    z = f(-t / f(t + 2));
  }
  return x > 0 ? z : -z;
}

/** glibc's expf, step for step (glibcExpf.ts). */
const expf = glibcExpf;

/** glibc's sinhf (e_sinhf.c): from expm1f below 22, from expf beyond. */
export function glibcSinhf(x: number): number {
  const ix = bitsOf(x) & 0x7fffffff;
  if (ix >= 0x7f800000) return x + x;
  const h = x < 0 || Object.is(x, -0) ? -0.5 : 0.5;
  const a = Math.abs(x);
  if (ix < 0x41b00000) {
    if (ix < 0x31800000) return x;
    const t = glibcExpm1f(a);
    if (ix < 0x3f800000) return f(h * f(f(2 * t) - f(f(t * t) / f(t + 1))));
    return f(h * f(t + f(t / f(t + 1))));
  }
  if (ix < 0x42b17180) return f(h * expf(a));
  if (ix <= 0x42b2d4fc) {
    const w = expf(f(0.5 * a));
    return f(f(h * w) * w);
  }
  return f(x * 1e37);
}

/** glibc's coshf (e_coshf.c). */
export function glibcCoshf(x: number): number {
  const ix = bitsOf(x) & 0x7fffffff;
  const a = Math.abs(x);
  if (ix < 0x41b00000) {
    if (ix < 0x3eb17218) {
      const t = glibcExpm1f(a);
      const w = f(1 + t);
      return ix < 0x24000000 ? w : f(1 + f(f(t * t) / f(w + w)));
    }
    const t = expf(a);
    return f(f(0.5 * t) + f(0.5 / t));
  }
  if (ix < 0x42b17180) return f(0.5 * expf(a));
  if (ix <= 0x42b2d4fc) {
    const w = expf(f(0.5 * a));
    return f(f(0.5 * w) * w);
  }
  return ix >= 0x7f800000 ? x * x : Infinity;
}
