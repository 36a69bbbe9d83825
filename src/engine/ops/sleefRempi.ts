// SLEEF's Payne-Hanek reduction for float32 (sleefsimdsp.c: rempif, rempisubf), which its sinf, cosf and tanf
// take for every value of a vector of eight as soon as one of them is 125 or more in magnitude (or not finite):
// x / (2 pi) split into an integer number of quarter turns and a remainder, with 1 / (2 pi) to about 100 bits
// in four float32 parts for each exponent of x (the table SLEEF's gencoef/mkrempitab.c writes with MPFR,
// rebuilt here from pi computed in integers).
import { rint } from './sleefExp';
import { type DF, dfAdd2DD, dfMulDD, dfMulDF, dfMulFF, dfNormalize } from './sleefDF';

const f = Math.fround;

/** pi 2^bits, by Machin's formula 16 atan(1/5) - 4 atan(1/239) in integers (a few guard bits lost). */
function piScaled(bits: bigint): bigint {
  const one = 1n << (bits + 16n);
  const atanInv = (k: bigint) => {
    let sum = 0n;
    let term = one / k;
    for (let n = 0n; term !== 0n; n++) {
      sum += (n % 2n === 0n ? term : -term) / (2n * n + 1n);
      term /= k * k;
    }
    return sum;
  };
  return (16n * atanInv(5n) - 4n * atanInv(239n)) >> 16n;
}

/** A float32 value as an integer times 2^-scale (exact: the value's last bit is at or above 2^-scale). */
function scaledInt(v: number, scale: number): bigint {
  if (v === 0) return 0n;
  const e = Math.floor(Math.log2(Math.abs(v))) - 60;
  return BigInt(v / 2 ** e) << BigInt(e + scale);
}

/** The float32 nearest to num / 2^scale, through the nearest double (as MPFR to double, then C to float). */
function toFloat(num: bigint, scale: number): number {
  return f(Number(num) / 2 ** scale);
}

/** The float32 bits with the low two cleared (mkrempitab's removelsbf). */
function dropLowBits(v: number): number {
  const a = new Float32Array([v]);
  new Int32Array(a.buffer)[0] &= ~3;
  return a[0];
}

/** SLEEF's rempitabsp: for exponents 2..104, frac(2^ex / (2 pi)) / 2^ex (times 2^64 past 2^67) in four parts. */
function rempiTable(): Float32Array {
  const P = 512;
  const rpi = (1n << BigInt(2 * P)) / (2n * piScaled(BigInt(P))); // 1 / (2 pi) 2^P
  const mask = (1n << BigInt(P)) - 1n;
  const table = new Float32Array(103 * 4);
  for (let i = 25; i < 128; i++) {
    const ex = i - 23;
    const scale = P + ex - (i > 90 ? 64 : 0);
    let num = (rpi << BigInt(ex)) & mask; // frac(2^ex / (2 pi)) 2^P, read at 2^-scale
    for (let k = 0; k < 4; k++) {
      const part = k < 3 ? dropLowBits(toFloat(num, scale)) : toFloat(num, scale);
      table[(i - 25) * 4 + k] = part;
      num -= scaledInt(part, scale);
    }
  }
  return table;
}

const TABLE = rempiTable();
const TWO_PI: DF = { hi: f(3.1415927410125732422 * 2), lo: f(-8.7422776573475857731e-8 * 2) };

const word = new Float32Array(1);
const wordBits = new Int32Array(word.buffer);

/** rempisubf: x less its nearest quarter, and how many quarters past the nearest whole that is. */
function rempisub(x: number): { d: number; i: number } {
  const y = rint(f(x * 4));
  return { d: f(x - y * 0.25), i: Math.trunc(y - rint(x) * 4) };
}

/** SLEEF's rempif: a reduced to (2 pi) r with |r| <= 1/2 turn as a double-float, and the quarter turns q. */
export function rempif(a: number): { r: DF; q: number } {
  word[0] = a;
  let ex = ((wordBits[0] >> 23) & 0xff) - 0x7f - 25;
  if (ex > 90 - 25) {
    wordBits[0] = (wordBits[0] - (64 << 23)) | 0;
    a = word[0];
  }
  ex = Math.max(ex, 0) * 4;
  let x = dfMulFF(a, TABLE[ex]);
  let di = rempisub(x.hi);
  let q = di.i;
  x = dfNormalize({ hi: di.d, lo: x.lo });
  x = dfAdd2DD(x, dfMulFF(a, TABLE[ex + 1]));
  di = rempisub(x.hi);
  q += di.i;
  x = dfNormalize({ hi: di.d, lo: x.lo });
  x = dfNormalize(dfAdd2DD(x, dfMulDF({ hi: TABLE[ex + 2], lo: TABLE[ex + 3] }, a)));
  x = dfMulDD(x, TWO_PI);
  return { r: Math.abs(a) < f(0.7) ? { hi: a, lo: 0 } : x, q };
}
