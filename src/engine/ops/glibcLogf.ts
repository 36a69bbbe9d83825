// Natural log of a float32 value as glibc 2.28+ computes logf (sysdeps/ieee754/flt-32/e_logf.c and
// e_logf_data.c; Debian 12 ships 2.36): x = 2^k z with z in [0x3f330000, 2 * 0x3f330000) as bits, z's
// interval one of 16 with a tabulated 1/c and log(c), then log1p(z/c - 1) by a cubic in double, rounded to
// float32 once. PyTorch's scalar kernels (binary_cross_entropy's std::log of a float) call it. Its result is
// not log(x) rounded once in about one value in 5000; this reproduces it on every positive float32 (checked
// exhaustively against the system's libm, whose FMA build gives the same bits: the double-precision
// slack absorbs the fused roundings).
export const TABLE_BITS = 4;
export const OFF = 0x3f330000;
// glibc's table and coefficients (hexadecimal there), written as the shortest decimals of the same doubles.
/** 1/c and log(c) for each of the 16 subintervals of [OFF, 2 OFF). */
export const INV_C = [
  1.398907162146528, 1.3403141896637998, 1.286432210124115, 1.2367150214269895, 1.1906977166711752, 1.1479821020556429,
  1.1082251448272158, 1.0711297413057381, 1.036437278977283, 1.0, 0.9492859795739057, 0.8951049428609004,
  0.8476821620351103, 0.8050314851692001, 0.7664671008843108, 0.731428603316328,
];
const LOG_C = [
  -0.33569133332882284, -0.2929040563774074, -0.2518726580937369, -0.21245868807117255, -0.17453945183745634,
  -0.1380057072319758, -0.10275976698545139, -0.06871392447020525, -0.0357891387398228, 0.0, 0.05204517742929496,
  0.11081431298787942, 0.1652495223695143, 0.21687389031699977, 0.2659635028121397, 0.3127556664073557,
];
const LN2 = 0.6931471805599453;
const A0 = -0.25089342214237154;
const A1 = 0.333456765744066;
const A2 = -0.4999997485802103;

const word = new Float32Array(1);
const bits = new Uint32Array(word.buffer);

/** glibc's logf of a float32 value (NaN for negatives and NaN, -Infinity at zero). */
export function glibcLogf(x: number): number {
  word[0] = x;
  let ix = bits[0];
  if (ix === 0x3f800000) return 0;
  if (ix < 0x00800000 || ix >= 0x7f800000) {
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix >= 0x7f800000) return NaN;
    // subnormal: scale into the normal range, take the 23 back from the exponent
    word[0] = x * 2 ** 23;
    ix = bits[0] - (23 << 23);
  }
  const tmp = ix - OFF;
  const i = (tmp >>> (23 - TABLE_BITS)) % (1 << TABLE_BITS);
  const k = tmp >> 23;
  bits[0] = ix - (tmp & (0x1ff << 23));
  const z = word[0];
  const r = z * INV_C[i] - 1;
  const y0 = LOG_C[i] + k * LN2;
  const r2 = r * r;
  let y = A1 * r + A2;
  y = A0 * r2 + y;
  y = y * r2 + (y0 + r);
  return Math.fround(y);
}
