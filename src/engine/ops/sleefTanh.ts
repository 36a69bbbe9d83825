// tanh in float32 exactly as PyTorch 1.13's CPU kernel computes it on an AVX2 machine. torch.tanh of float32
// maps SLEEF's `tanhf8_u10` (Vectorized<float>::tanh) over every value, tail included (a vml kernel, like exp:
// tensors of 1 to 15 values, all tail, give SLEEF's bits too), within one ulp but not correctly rounded: about
// one value in a hundred differs from tanh rounded once. sleefTanhf replays SLEEF's xtanhf (sleefsimdsp.c):
// e^|x| as a double-float by expk2f (Cody-Waite reduction by ln 2 in two parts, a degree-5 polynomial partly in
// double-float arithmetic, scaling by 2^q), then (d - 1/d) / (d + 1/d) in double-float arithmetic (df.h:
// dfrec, dfadd, dfdiv), 1 past 8.664339742, the sign of x, NaN kept. Each fused multiply-add of SLEEF's AVX2
// build is an exact double product plus a double sum rounded to float32: for tanhf that gives the fused result
// for all 2^32 inputs (compared exhaustively in C against fmaf), and PyTorch's bits on 330 million
// (test/unit/tanh-torch113.json keeps a few thousand for test/unit/tanh.test.ts).
//
// The replay is written out flat rather than with sleefDF.ts's double-float helpers and sleefExpm1.ts's expk2f
// (the same steps): their pair objects make it about five times slower. Even flat it costs ~8x tanh in double,
// so tanhf takes the replay only where it matters. SLEEF's double-float result before its last rounding is
// within about 2^-30 (relative) of tanh for |x| >= 2^-16 and within 2^-49 below 2^-25 (in between its error
// reaches 2^-24); where tanh in double times 1 - 2^-29 and 1 + 2^-29 round to one float32, that float32 is
// SLEEF's result too, which leaves ~5% of normally distributed values to the replay. tanhf and the kernels of
// assembly/transcendental.ts were compared with the replay for every float32 |x| up to the cut-off.
import { L2L, L2U, R_LN2, rint } from './sleefExp';

const f = Math.fround;

/** Beyond this |x| SLEEF returns +-1. */
const LIMIT = f(8.664339742);
const K0 = f(0.1980960224e-3);
const K1 = f(0.1394256484e-2);
const K2 = f(0.8333456703e-2);
const K3 = f(0.4166637361e-1);
const K4 = f(0.16666665941423425);
const POW2 = Float64Array.from({ length: 14 }, (_, i) => 2 ** i);

/** tanh in double times 1 -+ 2^-29: where both round to one float32, that is SLEEF's result (see above). */
const LOWER = 1 - 2 ** -29;
const UPPER = 1 + 2 ** -29;
/** SLEEF's result is that close to tanh only outside [BAND_LOW, BAND_HIGH); inside, the replay decides. */
const BAND_LOW = 2 ** -25;
const BAND_HIGH = 2 ** -16;

/**
 * tanh in double, a little faster than Math.tanh: Lambert's continued fraction truncated to a [7/6] rational
 * near 0 (relative error < 3e-15 for |v| < 0.6), 1 - 2 / (e^2|v| + 1) beyond, +-1 past 20.
 */
export function tanhF64(v: number): number {
  const a = Math.abs(v);
  if (a < 0.6) {
    const x2 = v * v;
    return (v * (135135 + x2 * (17325 + x2 * (378 + x2)))) / (135135 + x2 * (62370 + x2 * (3150 + 28 * x2)));
  }
  if (a > 20) return v > 0 ? 1 : -1;
  const t = 1 - 2 / (Math.exp(2 * a) + 1);
  return v < 0 ? -t : t;
}

/** SLEEF's tanhf_u10 of a float32 value, as a float32 value. Small, so that loops inline it. */
export function tanhf(x: number): number {
  const a = Math.abs(x);
  if (a <= LIMIT && (a >= BAND_HIGH || a < BAND_LOW)) {
    const t = tanhF64(x); // +-0 for +-0
    const y = f(t * LOWER);
    if (y === f(t * UPPER)) return y;
  }
  return tanhfRare(x);
}

/** tanhf for NaN, |x| past SLEEF's cut-off, and values the shortcut leaves to the replay. */
function tanhfRare(x: number): number {
  if (x !== x) return x;
  if (Math.abs(x) > LIMIT) return x > 0 ? 1 : -1;
  return sleefTanhf(x);
}

/** SLEEF's xtanhf step for step (see above), for 0 < |x| <= 8.664339742. */
export function sleefTanhf(x: number): number {
  const a = Math.abs(x);
  // expk2f((a, 0)): s = a - q ln 2, then s + s^2 (1/2 + s (1/6 + s u)) + 1 in double-float steps.
  const q = rint(f(a * R_LN2));
  const m1 = f(q * -L2U); // dfadd2_vf2_vf2_vf((a, 0), -q L2U), then the same with -q L2L
  const s1 = f(a + m1);
  let v = f(s1 - a);
  const s1y = f(f(a - f(s1 - v)) + f(m1 - v));
  const m2 = f(q * -L2L);
  const sx = f(s1 + m2);
  v = f(sx - s1);
  const sy = f(f(f(s1 - f(sx - v)) + f(m2 - v)) + s1y);
  let u = f(K0 * sx + K1);
  u = f(u * sx + K2);
  u = f(u * sx + K3);
  let px = f(sx * u); // dfmul_vf2_vf2_vf(s, u)
  let py = f(sy * u + f(sx * u - px));
  let tx = f(px + K4); // dfadd2_vf2_vf2_vf(., 1/6)
  v = f(tx - px);
  let ty = f(f(f(px - f(tx - v)) + f(K4 - v)) + py);
  px = f(sx * tx); // dfmul_vf2_vf2_vf2(s, t)
  py = f(sx * ty + f(sy * tx + f(sx * tx - px)));
  tx = f(px + 0.5); // dfadd2_vf2_vf2_vf(., 1/2)
  v = f(tx - px);
  ty = f(f(f(px - f(tx - v)) + f(0.5 - v)) + py);
  const qx = f(sx * sx); // dfsqu_vf2_vf2(s)
  const qy = f(f(sx + sx) * sy + f(sx * sx - qx));
  px = f(qx * tx); // dfmul_vf2_vf2_vf2(s^2, t)
  py = f(qx * ty + f(qy * tx + f(qx * tx - px)));
  const wx = f(sx + px); // dfadd2_vf2_vf2_vf2(s, .)
  v = f(wx - sx);
  const wy = f(f(f(sx - f(wx - v)) + f(px - v)) + f(sy + py));
  const ex = f(1 + wx); // dfadd_vf2_vf_vf2(1, .), then 2^q
  const p2 = POW2[q];
  const dx = ex * p2;
  const dy = f(f(f(1 - ex) + wx) + wy) * p2;
  // e = dfrec_vf2_vf2(d); n = d - e, m = d + e (dfadd_vf2_vf2_vf2); n / m (dfdiv_vf2_vf2_vf2).
  const r = f(1 / dx);
  const ry = f(r * f(f(1 - dx * r) - dy * r));
  const nx = f(dx - r);
  const ny = f(f(f(f(dx - nx) - r) + dy) - ry);
  const mx = f(dx + r);
  const my = f(f(f(f(dx - mx) + r) + dy) + ry);
  const t = f(1 / mx);
  const s = f(nx * t);
  const w = f(f(1 - mx * t) - my * t);
  const y = f(s + f(s * w + f(ny * t + f(t * nx - s))));
  return x < 0 ? -y : y;
}

/** PyTorch's torch.tanh of a float32 array: SLEEF's tanhf over every value, tail included. */
export function tanhfLoop(x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < y.length; i++) y[i] = tanhf(x[i]);
}
