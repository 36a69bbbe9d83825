// e^x in float32 exactly as PyTorch 1.13's CPU kernels compute it. Its vectorised exp (Vectorized<float>::exp,
// used by torch.exp, sigmoid, softmax and log_softmax on AVX2 machines) is SLEEF's `expf8_u10`, which is
// within one ulp but not correctly rounded: about one result in ten differs in the last bit from e^x rounded
// once, and softmax rows, sigmoid outputs and the losses built on them carry that difference on. This replays
// SLEEF's algorithm (sleefsimdsp.c, xexpf: Cody-Waite reduction by ln 2 in two parts, a degree-5 polynomial,
// scaling by 2^q in two steps) in float32 steps. SLEEF's AVX2 build fuses each multiply-add (one rounding);
// here the product of two float32 numbers is exact in double and the sum is rounded to double and then to
// float32, which differs from one rounding only when the double lands exactly on a float32 rounding
// boundary (never seen in millions of inputs: test/unit/softmax-exp.test.ts compares with PyTorch).
import { glibcExpf } from './glibcExpf';
import { forScalarParts } from './vectorRows';
const f = Math.fround;

/** 1 / ln 2 and ln 2 in two parts (SLEEF's R_LN2f, L2Uf, L2Lf), shared with the other SLEEF replays. */
export const R_LN2 = f(Math.LOG2E);
export const L2U = f(0.693145751953125);
export const L2L = f(1.428606765330187045e-6);
const C0 = f(0.000198527617612853646278381);
const C1 = f(0.00139304355252534151077271);
const C2 = f(0.00833336077630519866943359);
const C3 = f(0.0416664853692054748535156);
const C4 = f(0.166666671633720397949219);
const C5 = f(0.5);
/** Below this SLEEF returns +0; above the largest finite result the scaling overflows to +inf. */
const UNDERFLOW = -104;
const OVERFLOW = 88.8;

/** 2^k for k in [-76, 64] (the halves of q for inputs in [UNDERFLOW, OVERFLOW]): Math.pow is slow here. */
const POW2_MIN = -76;
const POW2 = Float64Array.from({ length: 141 }, (_, i) => 2 ** (i + POW2_MIN));

/** round-half-even of a float32 number to an integer (vrint_vi2_vf). */
export function rint(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && (r & 1) !== 0 ? r - 1 : r;
}

/** SLEEF's expf_u10 of a float32 value, as a float32 value. */
export function expf(d: number): number {
  if (!(d >= UNDERFLOW)) return d !== d ? d : 0;
  if (d > OVERFLOW) return Infinity;
  const q = rint(f(d * R_LN2));
  let s = f(q * -L2U + d);
  s = f(q * -L2L + s);
  let u = f(C0 * s + C1);
  u = f(u * s + C2);
  u = f(u * s + C3);
  u = f(u * s + C4);
  u = f(u * s + C5);
  u = f(1 + f(f(s * s) * u + s));
  // vldexp2: two float32 multiplies by 2^(q >> 1) and 2^(q - (q >> 1)); only the second can round (subnormals).
  const q1 = q >> 1;
  return f(f(u * POW2[q1 - POW2_MIN]) * POW2[q - q1 - POW2_MIN]);
}

/** PyTorch's torch.exp of a float32 array: its vml kernel maps SLEEF's expf over every value, tail included. */
export function expfLoop(x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < y.length; i++) y[i] = expf(x[i]);
}

// sigmoid goes through PyTorch's generic unary loop (aten/src/ATen/native/cpu/Loops.h, vectorized_loop): the
// vectorised code over whole blocks of two vectors (16 float32 values), the scalar code over the last n % 16,
// there with glibc's expf (glibcExpf.ts). A tensor under 16 values takes the scalar path.
const BLOCK = 16;

/** Recomputes the last n % 16 values of a float32 sigmoid as PyTorch's scalar code does. */
export function sigmoidScalarTail(x: Float32Array, y: Float32Array): void {
  const n = y.length;
  for (let i = n - (n % BLOCK); i < n; i++) y[i] = 1 / f(1 + glibcExpf(-x[i]));
}

/**
 * A strided view's float32 sigmoid walked in rows (vectorRows.ts), after the whole-array pass: the array's
 * own tail goes back to the vector code, then each row's tail (every value, for row 0) to the scalar code.
 */
export function sigmoidRows(x: Float32Array, y: Float32Array, row: number): void {
  const n = y.length;
  for (let i = n - (n % BLOCK); i < n; i++) y[i] = 1 / f(1 + expf(-x[i]));
  forScalarParts(n, row, BLOCK, (from, to) => {
    for (let i = from; i < to; i++) y[i] = 1 / f(1 + glibcExpf(-x[i]));
  });
}

/** PyTorch's torch.sigmoid of a contiguous float32 array: 1 / (1 + e^-x) in float32 steps. */
export function sigmoidfLoop(x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < y.length; i++) y[i] = 1 / f(1 + expf(-x[i]));
  sigmoidScalarTail(x, y);
}
