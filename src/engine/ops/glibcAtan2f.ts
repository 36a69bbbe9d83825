// atan2 of two float32 values as glibc 2.36 computes atan2f (Debian 12; sysdeps/ieee754/flt-32/e_atan2f.c and
// s_atanf.c, Sun's fdlibm converted to float): every step rounded to float32, an argument reduction to one of
// four reference points with a tabulated atan in two parts, and odd/even polynomials in z^2. PyTorch's scalar
// kernel (the values of a row past its last whole block of 16, and every value of a non-contiguous walk) calls
// std::atan2 on floats, which is this; about one result in six differs from atan2 rounded once.
const f = Math.fround;

const word = new Float32Array(1);
const bits = new Int32Array(word.buffer);

function wordOf(x: number): number {
  word[0] = x;
  return bits[0];
}

/** atan of the reference points 0.5, 1, 1.5 and infinity: the high float32 part and what it leaves out. */
const ATAN_HI = [4.6364760399e-1, 7.8539812565e-1, 9.8279368877e-1, 1.5707962513].map(f);
const ATAN_LO = [5.012158244e-9, 3.7748947079e-8, 3.447321717e-8, 7.5497894159e-8].map(f);
/** The odd (even index) and even (odd index) polynomial coefficients of atan(x) - x over the reduced range. */
const AT = [
  3.3333334327e-1, -2.0000000298e-1, 1.4285714924e-1, -1.1111110449e-1, 9.0908870101e-2, -7.6918758452e-2,
  6.6610731184e-2, -5.8335702866e-2, 4.9768779427e-2, -3.6531571299e-2, 1.6285819933e-2,
].map(f);
const PI_O_4 = f(7.8539818525e-1);
const PI_O_2 = f(1.5707963705);
const PI = f(3.141592741);
const PI_LO = f(-8.7422776573e-8);

/** glibc's atanf. */
export function glibcAtanf(x: number): number {
  const hx = wordOf(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x4c000000) {
    // |x| >= 2^25: pi/2 with the sign of x.
    if (ix > 0x7f800000) return NaN;
    const r = f(ATAN_HI[3] + ATAN_LO[3]);
    return hx > 0 ? r : -r;
  }
  let id: number;
  if (ix < 0x3ee00000) {
    // |x| < 0.4375: no reduction; below 2^-29, x itself.
    if (ix < 0x31000000) return x;
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3f980000) {
      if (ix < 0x3f300000) {
        id = 0;
        x = f(f(f(2 * x) - 1) / f(2 + x));
      } else {
        id = 1;
        x = f(f(x - 1) / f(x + 1));
      }
    } else if (ix < 0x401c0000) {
      id = 2;
      x = f(f(x - 1.5) / f(1 + f(1.5 * x)));
    } else {
      id = 3;
      x = f(-1 / x);
    }
  }
  const z = f(x * x);
  const w = f(z * z);
  let odd = AT[10];
  for (let k = 8; k >= 0; k -= 2) odd = f(AT[k] + f(w * odd));
  let even = AT[9];
  for (let k = 7; k >= 1; k -= 2) even = f(AT[k] + f(w * even));
  const s = f(f(z * odd) + f(w * even));
  if (id < 0) return f(x - f(x * s));
  const r = f(ATAN_HI[id] - f(f(f(x * s) - ATAN_LO[id]) - x));
  return hx < 0 ? -r : r;
}

/** glibc's atan2f(y, x): the angle of the point (x, y), in (-pi, pi]. */
export function glibcAtan2f(y: number, x: number): number {
  const hx = wordOf(x);
  const ix = hx & 0x7fffffff;
  const hy = wordOf(y);
  const iy = hy & 0x7fffffff;
  if (ix > 0x7f800000 || iy > 0x7f800000) return NaN;
  if (hx === 0x3f800000) return glibcAtanf(y);
  const m = ((hy >>> 31) & 1) | ((hx >> 30) & 2); // 2 * sign(x) + sign(y)
  if (iy === 0) return m < 2 ? y : m === 2 ? PI : -PI;
  if (ix === 0) return hy < 0 ? -PI_O_2 : PI_O_2;
  if (ix === 0x7f800000) {
    if (iy === 0x7f800000) return [PI_O_4, -PI_O_4, f(3 * PI_O_4), f(-3 * PI_O_4)][m];
    return [0, -0, PI, -PI][m];
  }
  if (iy === 0x7f800000) return hy < 0 ? -PI_O_2 : PI_O_2;
  const k = (iy - ix) >> 23;
  let z: number;
  if (k > 60) z = f(PI_O_2 + f(0.5 * PI_LO));
  else if (hx < 0 && k < -60) z = 0;
  else z = glibcAtanf(Math.abs(f(y / x)));
  switch (m) {
    case 0:
      return z;
    case 1:
      return -z;
    case 2:
      return f(PI - f(z - PI_LO));
    default:
      return f(f(z - PI_LO) - PI);
  }
}
