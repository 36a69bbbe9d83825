// erf in float32 as PyTorch 1.13's CPU kernels compute it on an AVX2 machine: torch.erf maps SLEEF's
// `erff8_u10` over every value (its vml kernel, tail included), and F.gelu's vectorised code calls the same
// function (Vectorized<float>::erf), its scalar tail glibc's erff (erff.ts). This replays SLEEF 3.5's xerff_u1
// (sleefsimdsp.c) with its double-float arithmetic (sleefDF.ts): polynomials in |x|^2 below 1.1, in |x| up to 4
// as the exponent of 1 - e^-p (expk2f), 1 beyond. test/unit/unary-bits.test.ts compares with PyTorch.
import { expk2f } from './sleefExpm1';
import { dfAdd2DD, dfAddFD, dfConst, dfMulDF, dfMulFF, dfValue, fma32 } from './sleefDF';

const f = Math.fround;

/** The three ranges' coefficients, [|x| < 1.1, |x| < 2.4, beyond]: five float32 ones, then two double-floats. */
const ERF_T = [
  [0.7089292194e-4, -0.7768311189e-3, 0.5159463733e-2, -0.2683781274e-1, 0.1128318012],
  [-0.1792667899e-4, 0.393763301e-3, -0.3949181177e-2, 0.244547464e-1, -0.107099615],
  [-0.9495757695e-5, 0.2481465926e-3, -0.2918176819e-2, 0.2059706673e-1, -0.9901899844e-1],
].map((c) => c.map(f));
const ERF_D = [
  [-0.37612587600065744, 1.1283791602105915],
  [-0.6345889059084104, -1.128798558266945],
  [-0.6435980505478917, -1.1246148774284557],
].map((c) => c.map(dfConst));
const LIM = [f(1.1), f(2.4), f(4)];

/** SLEEF's erff_u10 (xerff_u1) of a float32 value. */
export function sleefErff(x: number): number {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  const range = a < LIM[0] ? 0 : a < LIM[1] ? 1 : 2;
  const u = range === 0 ? f(a * a) : a;
  const c = ERF_T[range];
  let t = c[0];
  for (let i = 1; i < 5; i++) t = fma32(t, u, c[i]);
  let d = dfAdd2DD(dfMulFF(t, u), ERF_D[range][0]);
  d = dfAdd2DD(dfMulDF(d, u), ERF_D[range][1]);
  d = dfMulDF(d, a);
  if (range !== 0) {
    const e = expk2f(d);
    d = dfAddFD(1, { hi: -e.hi, lo: -e.lo });
  }
  const r = a < LIM[2] ? dfValue(d) : 1;
  return x < 0 || Object.is(x, -0) ? -r : r;
}
