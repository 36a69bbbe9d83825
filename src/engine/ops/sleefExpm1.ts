// e^x - 1, sinh and cosh in float32 as PyTorch 1.13's CPU kernels compute them on an AVX2 machine:
// torch.expm1 maps SLEEF's `expm1f8_u10` over every value (its vml kernel, tail included); sinh and cosh take
// `sinhf8_u10` and `coshf8_u10` in the vectorised loop, glibc's sinhf and coshf on the last n % 16 values.
// SLEEF's are within one ulp but not correctly rounded. This replays SLEEF 3.5's xexpm1f, xsinhf and xcoshf
// (sleefsimdsp.c), all three built on expk2f (e^x as a double-float), with its double-float arithmetic
// (sleefDF.ts). test/unit/unary-bits.test.ts compares with PyTorch.
import { L2L, L2U, R_LN2, rint } from './sleefExp';
import {
  type DF,
  dfAdd2DD,
  dfAdd2DF,
  dfAddDD,
  dfAddFD,
  dfMulDD,
  dfMulDF,
  dfRec,
  dfSqu,
  dfSubDD,
  dfValue,
  ldexp2,
  fma32,
} from './sleefDF';

const f = Math.fround;

const EXPK2_C = [0.1980960224e-3, 0.1394256484e-2, 0.8333456703e-2, 0.4166637361e-1].map(f);
const ONE_SIXTH = f(0.16666665941423425);

/** SLEEF's expk2f: e^d of a double-float, as a double-float (zero below -104). */
export function expk2f(d: DF): DF {
  const q = rint(f(f(d.hi + d.lo) * R_LN2));
  let s = dfAdd2DF(d, f(q * -L2U));
  s = dfAdd2DF(s, f(q * -L2L));
  let u = EXPK2_C[0];
  for (let i = 1; i < 4; i++) u = fma32(u, s.hi, EXPK2_C[i]);
  let t = dfAdd2DF(dfMulDF(s, u), ONE_SIXTH);
  t = dfAdd2DF(dfMulDD(s, t), 0.5);
  t = dfAdd2DD(s, dfMulDD(dfSqu(s), t));
  t = dfAddFD(1, t);
  if (d.hi < -104) return { hi: 0, lo: 0 };
  return { hi: ldexp2(t.hi, q), lo: ldexp2(t.lo, q) };
}

const EXPM1_MAX = f(88.72283172607421875);
const EXPM1_MIN = f(-16.635532333438686);

/** SLEEF's expm1f_u10 (xexpm1f). */
export function expm1f(a: number): number {
  if (Object.is(a, -0)) return -0;
  if (a > EXPM1_MAX) return Infinity;
  if (a < EXPM1_MIN) return -1;
  return dfValue(dfAdd2DF(expk2f({ hi: a, lo: 0 }), -1));
}

/** (e^|x| -/+ e^-|x|) / 2 for sinh and cosh: infinity beyond 89 or where e^|x| overflows. */
function hyperbolic(x: number, minus: boolean): number {
  const d = expk2f({ hi: Math.abs(x), lo: 0 });
  const y = f(dfValue(minus ? dfSubDD(d, dfRec(d)) : dfAddDD(d, dfRec(d))) * 0.5);
  return Math.abs(x) > 89 || y !== y ? Infinity : y;
}

/** SLEEF's sinhf_u10 (xsinhf). */
export function sinhf(x: number): number {
  if (x !== x) return NaN;
  const y = hyperbolic(x, true);
  return x < 0 || Object.is(x, -0) ? -y : y;
}

/** SLEEF's coshf_u10 (xcoshf). */
export function coshf(x: number): number {
  return x !== x ? NaN : hyperbolic(x, false);
}
