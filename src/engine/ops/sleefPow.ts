// x^y in float32 as PyTorch 1.13's CPU kernel computes a power with a tensor exponent (`2 ** x`,
// torch.pow(a, b)) on an AVX2 machine: `cpu_kernel_vec` with SLEEF's `powf8_u10` over whole blocks of 16
// values and glibc's powf (x^y rounded once but for a rare misrounding, not replayed) over the last n % 16.
// This replays SLEEF 3.5's xpowf (sleefsimdsp.c): e^(y log|x|) with log and exp carried as double-floats
// (logkf, expkf) in its double-float arithmetic (sleefDF.ts), then the signs and special values of C's pow.
// test/unit/unary-bits.test.ts compares with PyTorch.
import { L2L, L2U, R_LN2, rint } from './sleefExp';
import {
  type DF,
  dfAdd2DD,
  dfAdd2DF,
  dfAdd2FF,
  dfAddDD,
  dfAddFD,
  dfDiv,
  dfMulDD,
  dfMulDF,
  dfNormalize,
  dfScale,
  dfSqu,
  dfValue,
  pow2,
  fma32,
} from './sleefDF';
import { BLOCK } from './float32Kernels';
import { FLT_MIN, LN2, R_075 } from './sleefLog';

const f = Math.fround;

const LOGK_C = [0.2403203547000885, 0.285112679004669189453125, 0.4000079929828644].map(f);
const TWO_THIRDS: DF = { hi: f(0.66666662693023681640625), lo: f(3.69183861259614332084311e-9) };
const EXPK_C = [
  0.00136324646882712841033936, 0.00836596917361021041870117, 0.0416710823774337768554688, 0.166665524244308471679688,
  0.499999850988388061523438,
].map(f);

const word = new Float32Array(1);
const wordBits = new Int32Array(word.buffer);

/** logkf: log d for d > 0 as a double-float. */
function logkf(d: number): DF {
  const tiny = d < FLT_MIN;
  const v = tiny ? f(d * 2 ** 64) : d;
  word[0] = f(v * R_075);
  let e = ((wordBits[0] >>> 23) & 0xff) - 0x7f;
  word[0] = v;
  wordBits[0] = (wordBits[0] - (e << 23)) | 0;
  const m = word[0];
  if (tiny) e -= 64;
  const x = dfDiv(dfAdd2FF(-1, m), dfAdd2FF(1, m));
  const x2 = dfSqu(x);
  const t = fma32(fma32(LOGK_C[0], x2.hi, LOGK_C[1]), x2.hi, LOGK_C[2]);
  const s = dfAddDD(dfMulDF(LN2, e), dfScale(x, 2));
  return dfAddDD(s, dfMulDD(dfMulDD(x2, x), dfAdd2DD(dfMulDF(x2, t), TWO_THIRDS)));
}

/** expkf: e^d of a double-float, rounded to float32 (zero below -104). */
function expkf(d: DF): number {
  const q = rint(f(f(d.hi + d.lo) * R_LN2));
  let s = dfAdd2DF(d, f(q * -L2U));
  s = dfNormalize(dfAdd2DF(s, f(q * -L2L)));
  let u = EXPK_C[0];
  for (let i = 1; i < 5; i++) u = fma32(u, s.hi, EXPK_C[i]);
  const t = dfAddFD(1, dfAddDD(s, dfMulDF(dfSqu(s), u)));
  return d.hi < -104 ? 0 : ldexp(dfValue(t), q);
}

/** vldexp_vf_vf_vi2: x 2^q as four multiplies by 2^m (m a multiple of 16, clamped to the exponent range), then 2^(q - 4m). */
function ldexp(x: number, q: number): number {
  const sign = q >> 31;
  const m = (((q + sign) >> 6) - sign) << 4;
  const u = pow2(Math.min(Math.max(m + 0x7f, 0), 0xff) - 0x7f);
  return f(f(f(f(f(x * u) * u) * u) * u) * pow2(q - 4 * m));
}

/** SLEEF's powf_u10 (xpowf). */
export function powf(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  const yIsInt = Math.trunc(y) === y || Math.abs(y) > 2 ** 24;
  const yIsOdd = yIsInt && Math.abs(y) < 2 ** 24 && (Math.trunc(y) & 1) === 1;
  if (Math.abs(x) === Infinity || x === 0) {
    const mag = (x === 0 ? -y : y) < 0 ? 0 : Infinity;
    return yIsOdd ? (x < 0 || Object.is(x, -0) ? -mag : mag) : mag;
  }
  if (Math.abs(y) === Infinity) {
    const e = f(Math.abs(x) - 1) * (y < 0 ? -1 : 1);
    return e < 0 ? 0 : e === 0 ? 1 : Infinity;
  }
  let r = expkf(dfMulDF(logkf(Math.abs(x)), y));
  if (r !== r) r = Infinity;
  if (x > 0) return r;
  return yIsInt ? (yIsOdd ? -r : r) : NaN;
}

/**
 * out[i] = a[ia(i)] ^ b[ib(i)] over n values as PyTorch's contiguous loop does: SLEEF's powf over whole blocks
 * of 16, x^y rounded once over the rest.
 */
export function powfLoop(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  ia: (i: number) => number,
  ib: (i: number) => number,
  out: Float32Array,
): void {
  const n = out.length;
  const full = n - (n % BLOCK);
  for (let i = 0; i < n; i++) {
    const x = f(a[ia(i)]);
    const y = f(b[ib(i)]);
    out[i] = i < full ? powf(x, y) : Math.pow(x, y);
  }
}
