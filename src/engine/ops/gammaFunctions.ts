// lgamma, digamma and trigamma, elementwise, for the Gamma, Beta, Dirichlet and Chi2 densities: digamma and
// trigamma step by step as ATen's calc_digamma / calc_trigamma (aten/src/ATen/native/Math.h) in the dtype's
// arithmetic (float32 through Math.fround and glibc's logf), lgamma in double rounded once (glibc's lgammaf
// is within an ulp or two of that). lgamma's node is LgammaBackward0 (g * digamma(x)), digamma's
// DigammaBackward0 (g * trigamma(x)); trigamma itself carries no gradient.
import { Tensor, allocate, isFloatDType } from '../tensor';
import { defaultFloatDType } from '../buffers';
import { mul } from './arith';
import { diffNode } from './gradOps';
import { glibcLogf } from './glibcLogf';

const f32 = Math.fround;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log|Gamma(x)| in double (Lanczos, g = 7; the reflection formula below 1/2). */
export function lgammaDouble(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity || x === -Infinity) return Infinity;
  if (x <= 0 && x === Math.trunc(x)) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgammaDouble(1 - x);
  if (x === 1 || x === 2) return 0;
  const y = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

export const PSI_10 = 2.251752589066721;
export const DIGAMMA_A = [
  8.333333333333333e-2, -2.1092796092796094e-2, 7.575757575757576e-3, -4.166666666666667e-3, 3.968253968253968e-3,
  -8.333333333333333e-3, 8.333333333333333e-2,
];
const DIGAMMA_A_F = DIGAMMA_A.map(f32);

/** calc_digamma(double). */
export function digammaDouble(x0: number): number {
  let x = x0;
  if (x === 0) return x0 === 0 && 1 / x0 < 0 ? Infinity : -Infinity;
  if (x < 0) {
    if (x === Math.trunc(x)) return NaN;
    const r = x - Math.trunc(x);
    return digammaDouble(1 - x) - Math.PI / Math.tan(Math.PI * r);
  }
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  if (x === 10) return result + PSI_10;
  let y = 0;
  if (x < 1e17) {
    const z = 1 / (x * x);
    let p = DIGAMMA_A[0];
    for (let i = 1; i < 7; i++) p = p * z + DIGAMMA_A[i];
    y = z * p;
  }
  return result + Math.log(x) - 0.5 / x - y;
}

/** calc_digamma(float): every step rounded to float32. */
export function digammaFloat(x0: number): number {
  let x = f32(x0);
  if (x === 0) return 1 / x < 0 ? Infinity : -Infinity;
  if (x < 0) {
    if (x === Math.trunc(x)) return NaN;
    const r = x - Math.trunc(x);
    const piOverTan = f32(Math.PI / Math.tan(Math.PI * r));
    return f32(digammaFloat(f32(1 - x)) - piOverTan);
  }
  let result = 0;
  while (x < 10) {
    result = f32(result - f32(1 / x));
    x = f32(x + 1);
  }
  if (x === 10) return f32(result + f32(PSI_10));
  let y = 0;
  if (x < f32(1e17)) {
    const z = f32(1 / f32(x * x));
    let p = DIGAMMA_A_F[0];
    for (let i = 1; i < 7; i++) p = f32(f32(p * z) + DIGAMMA_A_F[i]);
    y = f32(z * p);
  }
  return f32(f32(f32(result + glibcLogf(x)) - f32(0.5 / x)) - y);
}

/** calc_trigamma in double, or in float32 with its double-literal tail as the C++ promotes it. */
export function trigammaOf(x0: number, single: boolean): number {
  const r = single ? f32 : (v: number) => v;
  let x = r(x0);
  let sign = 1;
  let result = 0;
  if (x < 0.5) {
    sign = -1;
    const pi = r(Math.PI);
    const s = r(Math.sin(r(pi * x)));
    result = r(result - r(r(pi * pi) / r(s * s)));
    x = r(1 - x);
  }
  for (let i = 0; i < 6; i++) {
    result = r(result + r(1 / r(x * x)));
    x = r(x + 1);
  }
  const ixx = r(1 / r(x * x));
  const tail = (1 + r(1 / r(2 * x)) + ixx * (1 / 6 - ixx * (1 / 30 - ixx * (1 / 42)))) / x;
  result = r(result + tail);
  return r(sign * result);
}

function map(t: Tensor, single: (x: number) => number, double: (x: number) => number): Tensor {
  const dtype = isFloatDType(t.dtype) ? t.dtype : defaultFloatDType();
  const out = allocate(dtype, t.data.length) as Float32Array;
  const fn = dtype === 'float64' ? double : single;
  for (let i = 0; i < out.length; i++) out[i] = fn(t.data[i]);
  return new Tensor(out, t.shape, dtype);
}

/** torch.lgamma. */
export function lgamma(t: Tensor): Tensor {
  const out = map(t, (x) => f32(lgammaDouble(x)), lgammaDouble);
  return diffNode('LgammaBackward0', [t], out, (g) => [mul(g, digamma(t))]);
}

/** torch.digamma (torch.special.psi). */
export function digamma(t: Tensor): Tensor {
  const out = map(t, digammaFloat, digammaDouble);
  return diffNode('DigammaBackward0', [t], out, (g) => [mul(g, trigamma(t))]);
}

/** torch.polygamma(1, x), without a gradient of its own. */
export function trigamma(t: Tensor): Tensor {
  return map(
    t,
    (x) => trigammaOf(x, true),
    (x) => trigammaOf(x, false),
  );
}
