// numpy 1.24's float64 exp, log and tanh as its AVX-512 build computes them, for our numpy package's packed
// arrays (numpy/_typed.py): the same steps as numpy/_svml.py (which describes the algorithms and keeps the
// one-value Python form for the rest), one engine call an array instead of a Python loop of about 1 µs an
// element. Every fused step is the C library's fma, as in numpy/_svml.py (numpyBlas.ts's setLibmFma). An
// argument that needs SVML's "rare" path (exp near overflow, log of 0, negatives and infinities, tanh of NaN
// or huge values) stops the loop, and the caller computes the array in Python, which handles them.
import { libmFma } from './numpyBlas';

const bits = new DataView(new ArrayBuffer(8));

function double(hex: string): number {
  bits.setBigUint64(0, BigInt('0x' + hex));
  return bits.getFloat64(0);
}

function doubles(hex: string[]): Float64Array {
  return Float64Array.from(hex, double);
}

const LOG2E = double('3ff71547652b82fe');
const LN2_HI = double('3fe62e42fefa39ef');
const LN2_LO = double('3c7abc9e3b39803f');
const C6 = double('3f572eb5ef0d213d');
const C5 = double('3f81106603d97c00');
const C4 = double('3fa555564bb4f5f0');
const C3 = double('3fc5555554b508a2');
const C2 = double('3fe0000000002622');
const RARE = double('40861da04cbafe44');
const L9 = double('3fbc81cd309d7c70');
const L8 = double('bfc007357e93af62');
const L7 = double('3fc249229cee81ef');
const L6 = double('bfc55553fb28db06');
const L5 = double('3fc9999999cc9f5c');
const L4 = double('bfd00000000c05bd');
const L3 = double('3fd5555555555466');
const L2 = double('bfdfffffffffffc6');
// 2^(j/16), j = 0..15.
// prettier-ignore
const EXP_T = doubles([
  '3ff0000000000000', '3ff0b5586cf9890f', '3ff172b83c7d517b', '3ff2387a6e756238',
  '3ff306fe0a31b715', '3ff3dea64c123422', '3ff4bfdad5362a27', '3ff5ab07dd485429',
  '3ff6a09e667f3bcd', '3ff7a11473eb0187', '3ff8ace5422aa0db', '3ff9c49182a3f090',
  '3ffae89f995ad3ad', '3ffc199bdd85529c', '3ffd5818dcfba487', '3ffea4afa2a490da',
]);
// -log(rcp) by rcp * 32 - 16 (-log(2 rcp) from 8 on).
// prettier-ignore
const LOG_T = doubles([
  '0000000000000000', 'bfaf0a30c01162a6', 'bfbe27076e2af2e6', 'bfc5ff3070a793d4',
  'bfcc8ff7c79a9a22', 'bfd1675cababa60e', 'bfd4618bc21c5ec2', 'bfd739d7f6bbd007',
  '3fd269621134db92', '3fcf991c6cb3b379', '3fca93ed3c8ad9e3', '3fc5bf406b543db2',
  '3fc1178e8227e47c', '3fb9335e5d594989', '3fb08598b59e3a07', '3fa0415d89e74444',
]);
// numpy's tanh table, 18 values for each of its 16 intervals: the interval's centre B, then c16 down to c0.
// prettier-ignore
const TANH_TABLE = doubles([
  '0000000000000000', '3f35e67ab76a26e7', 'bf55d7e76dc56871', 'bf2a1306713a4f3a', '3f6e3be689423841', 'befdd99a221ed573',
  'bf822404577aa9dd', 'bea8c4c1fd7852fe', '3f9664f94e6ac14e', 'be351ca7f096011f', 'bfaba1ba1990520b', 'bda1ea19ddddb3b4',
  '3fc1111111112ab5', 'bce6863ee44ed636', 'bfd5555555555555', 'bbf0b3ea3fdfaa19', '3ff0000000000000', '0000000000000000',
  '3fcc000000000000', '41848ee0627d8206', '41528c38809c90c7', 'c1045e509116b066', 'c0d263511f5baac1', '4070593a3735bab4',
  '403d8b07f7a82aa3', 'bfccce16b1046f13', 'bf94d3343bae39dd', '3f9eaaf3320c3851', 'bf96e37bba52f6fc', 'bfb0b8df995ce4df',
  '3fb5c19efdfc08ad', '3fc04dcd0476c75e', 'bfd183afc292ba11', 'bfca48aaeb53bc21', '3fee842ca3f08532', '3fcb8fd0416a7c92',
  '3fd4000000000000', 'c0a216d618b489ec', 'c076d57fb5190b02', '4041fab9250984ce', '40169f73b15ebe5c', 'bfccab654e44835e',
  'bf9f44ab92fbab0a', 'bf81a16f224bb7b6', 'bf7bc748e60df843', '3f9cf823fe761fc1', '3ecff7df18455399', 'bfb2955cf41e8164',
  '3fa74c98dc34fbac', '3fc43d3449a80f08', 'bfcc1a4b039c9bfa', 'bfd19921f4329916', '3fed11574af58f1b', '3fd35f98a0ea650e',
  '3fdc000000000000', '40a5b89107c8af4f', '4085f09f888f8ada', 'c0458d090ec3de95', 'c025c1dd41cd6cb5', '3fd13ed80037dbac',
  '3fb2eac604473d6a', 'bf62cbf00406bc09', 'bf8c89372b43ba85', '3f9022271754ff1f', '3f97362834d33a4e', 'bfaf9d05c309f7c6',
  'bf790d6a8eff0a77', '3fc5c26f3699b7e7', 'bfc16e1e6d8d0be6', 'bfd5e0f09bef8011', '3fea945b9c24e4f9', '3fda5729ee488037',
  '3fe4000000000000', '3fb69d8374520eda', '3fa246332a2fcba5', 'bf74949d60113d63', 'bf58fd89fe05e0d1', 'bf6045b9076cc487',
  '3f45f87d903aaac8', '3f75b29bb02cf69b', 'bf8129a092de747a', 'bf731fe77c9c60af', '3f9e7f8380184b45', 'bf987d27ccff4291',
  'bfac3c021789a786', '3fc1a686f6ab2533', 'bf92426c751e48a2', 'bfd893b59c35c882', '3fe6284c3374f815', '3fe1bf47eabb8f95',
  '3fec000000000000', 'bfbded519f981716', 'bfb29d851a896fcd', '3f7c9fd6200d0ade', '3f73f7af01d5af7a', '3f2085ee7e8ac170',
  'bf5e104671036300', '3f607df0f9f90c17', '3f60c85b4d538746', 'bf84a6046865ec7d', '3f869543e7c420d4', '3f8b2ca62572b098',
  'bfae2196b7326859', '3faf203c316ce730', '3fb4f152b2bad124', 'bfd6ba7cb7576538', '3fe02500a09f8d6e', '3fe686650b8c2015',
  '3ff4000000000000', 'bef02d288b5b3371', '3ed9065ae369b212', '3f02cd40e0ad0a9f', 'bf1e40bdead17e6b', '3f23524622610430',
  '3f19bc98ddf0f340', 'bf4b852a6e0758d5', '3f5be9392199ec18', 'bf4ca3f1f2b9192b', 'bf7326bd4914222a', '3f8f1cf6c7f5b00a',
  'bf93a7a011ff8c2a', 'bf89c7a02788557c', '3fbbba40cbef72be', 'bfce7291743d7555', '3fd1f25131e3a8c0', '3feb2523bb6b2dee',
  '3ffc000000000000', '3eb290981209c1a6', 'beb8e1ba4c98a030', 'be858ab8e019f311', '3ee224cd6c4513e5', 'beff12a6626911b4',
  '3f0d4304bc9246e8', 'bf0078c63d1b8445', 'bf2a0c68a4489f10', '3f4c77dee0afd227', 'bf5fc15b0a9d98fa', '3f60379811e43dd5',
  '3f6e4709c7e8430e', 'bf98157e26e0d541', '3fb01ba038be6a3d', 'bfbb6d85a01efb80', '3fbd22ca1c24a139', '3fee1fbf97e33527',
  '4004000000000000', 'be567e924bf5ff6e', '3e6ffd0766ad4016', 'be792fa6323b7cf8', 'be24b645e68eeaa3', '3eab9008bca408af',
  'bed13c415f7b9d41', '3eec12eadd55be7a', 'bf00462601dc2faa', '3f04055bce68597a', '3f14cffcfa69fbb6', 'bf4793826f78537e',
  '3f67682afa611151', 'bf807b55c1c7d278', '3f916df44871efc8', 'bf9addae58c7141a', '3f9b3afe1fba5c76', '3fef9258260a71c2',
  '400c000000000000', '3de3f7f7de6b0eb6', 'be0c63c29f505f5b', '3e2df04d67876402', 'be4abfebfb72bc83', '3e634df71865f620',
  'be722b8d9720cdb0', 'be6fa600f593181b', '3eb7b6a219dea9f4', 'bee2bf0cb4a71647', '3f057e48e5b79d10', 'bf2405695e36240f',
  '3f3ef2ee77717cbf', 'bf53a18d5843190f', '3f63c6869dfc8870', 'bf6dc59376c7aa19', '3f6dd37d19b22b21', '3feff112c63a9077',
  '4014000000000000', '3d69ed18bae3ebbc', 'bd7fab216b9e0e49', 'bd95c72be95e4d2c', '3dd51c38f8695ed3', 'be05bb1bcf83ca73',
  '3e322666d739bec0', 'be5a3c935dce3f7d', '3e80cbcc8d4c5c8a', 'bea31eaafe73efd5', '3ec33b66d7d77264', 'bee0e08de39ce756',
  '3ef95a4482f180b7', 'bf0fb6bbc89b1a5b', '3f1fb9aef915d828', 'bf27cc5e74677410', '3f27ccec13a9ef96', '3fefff419668df11',
  '401c000000000000', 'bcf7534c4f3dfa71', '3d2826b62056aa27', 'bd55a89c30203106', '3d8313ac38c6832b', 'bdaf2ac143fb6762',
  '3dd76a553d7e7918', 'be001c6d95e3ae96', '3e2425bb231a5e29', 'be46abb02c4368ed', '3e66ac4e578b9b10', 'be83d709ba5f714e',
  '3e9dc2c27da3b603', 'beb299c9c684a963', '3ec299d1e27c6e11', 'becbe6c0e8b4cc87', '3ecbe6c3f33250ae', '3feffffc832750f2',
  '4024000000000000', 'bc730b73f1eaff20', '3ca313e31762f523', 'bccad6b3bb9eff65', '3cf7787935626685', 'bd23eae52a3dbf57',
  '3d4de0fa59416a39', 'bd74755a00ea1fd3', '3d9992a4beac8662', 'bdbcc749ca8079dd', '3ddcc74b8d3d5c42', 'bdf92e3fc5ee63e0',
  '3e12e2afd9f7433e', 'be279b5dd4fb3d01', '3e379b5ddcca334c', 'be41b486526b0565', '3e41b4865394f75f', '3feffffffdc96f35',
  '402c000000000000', 'bbba2cff8135d462', '3bea37aa21895319', 'bc12705ccd3dd884', '3c401ffc49c6bc29', 'bc6b5e3e9ca0955e',
  '3c948716cf3681b4', 'bcbc1c6c063bb7ac', '3ce191ba5ed3fb67', 'bd03c5883836b9d2', '3d23c589137f92b4', 'bd414cc030f2110e',
  '3d59f320348679ba', 'bd7037f57ae72aa6', '3d8037f57bc62c9a', 'bd8853f01bef63a4', '3d8853f01bda5f28', '3fefffffffffcf58',
  '4034000000000000', 'bab5a71b5f7d9035', '3ae5c7f1fd871496', 'ba8e0a4c47ae75f5', 'babf0b21acfa52ab', 'bb5eca68e2c1ba2e',
  '3b873f9f2d2fda99', 'bba3be9a4460fe00', '3bc892450bad44c4', 'bbf07a5416264aec', '3c107f8e2c8707a1', 'bc2ba022e8d82a87',
  '3c44b61d9bbcc940', 'bc5a2ca2bba78e86', '3c6a2d4b50a2cff7', 'bc73955be519be31', '3c73953c0197ef58', '3ff0000000000000',
  '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000',
  '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000',
  '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000', '0000000000000000', '3ff0000000000000',
]);
const TANH_CALLOUT = double('7fe8000000000000');

/** 2^e for e in [-1074, 1023], exact (math.ldexp's scaling). */
const POW2 = (() => {
  const t = new Float64Array(1074 + 1024);
  let v = 1;
  for (let e = 0; e <= 1023; e++, v *= 2) t[e + 1074] = v;
  v = 1;
  for (let e = 0; e >= -1074; e--, v /= 2) t[e + 1074] = v;
  return t;
})();

/** Python's math.frexp for a finite nonzero x: [m, e] with x = m * 2^e, 0.5 <= |m| < 1. */
function frexp(x: number): [number, number] {
  bits.setFloat64(0, x);
  let exponent = (bits.getUint16(0) >> 4) & 0x7ff;
  let scale = 0;
  if (exponent === 0) {
    // subnormal: scale into the normal range first
    bits.setFloat64(0, x * 2 ** 64);
    exponent = (bits.getUint16(0) >> 4) & 0x7ff;
    scale = 64;
  }
  const e = exponent - 1022 - scale;
  bits.setUint16(0, (bits.getUint16(0) & 0x800f) | (1022 << 4));
  return [bits.getFloat64(0), e];
}

/** Python's round() of a positive float to an int: halves to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

function exp(x: number): number {
  const fma = libmFma();
  const p = x * LOG2E;
  const t = p * 16;
  let k = Math.floor(t);
  if (k === t && fma(x, LOG2E, -p) < 0) k -= 1;
  const n = k / 16;
  let r = fma(-n, LN2_HI, x);
  r = fma(-n, LN2_LO, r);
  const r2 = r * r;
  const p56 = fma(C6, r, C5);
  const p34 = fma(C4, r, C3);
  const r3 = r2 * r;
  const p12 = fma(C2, r2, r);
  const p36 = fma(p56, r2, p34);
  const p16 = fma(p36, r3, p12);
  const th = EXP_T[k & 15];
  return fma(p16, th, th) * POW2[(k >> 4) + 1074];
}

function log(x: number): number {
  const fma = libmFma();
  const [half, e] = frexp(x);
  const m = half * 2;
  const k = roundHalfEven(32 / m);
  const rcp = k / 32;
  const r = fma(rcp, m, -1);
  const r2 = r * r;
  const r4 = r2 * r2;
  const hi = fma(r2, fma(L9, r, L8), fma(L7, r, L6));
  const lo = fma(r2, fma(L5, r, L4), fma(L3, r, L2));
  const poly = fma(r2, fma(r4, hi, lo), r);
  const expon = e - 1 + (k < 24 ? 1 : 0);
  return fma(LN2_HI, expon, LOG_T[k < 32 ? k - 16 : 0] + poly);
}

function tanh(x: number): number {
  const fma = libmFma();
  const ax = Math.abs(x);
  if (ax === 0) return x;
  const [m, e] = frexp(ax);
  let i = 2 * e + (m >= 0.75 ? 1 : 0) + 4;
  i = i < 0 ? 0 : i > 15 ? 15 : i;
  const c = i * 18;
  const t = TANH_TABLE;
  const y = ax - t[c];
  let r = fma(fma(fma(fma(fma(t[c + 1], y, t[c + 2]), y, t[c + 3]), y, t[c + 4]), y, t[c + 5]), y, t[c + 6]);
  r = fma(fma(fma(fma(fma(r, y, t[c + 7]), y, t[c + 8]), y, t[c + 9]), y, t[c + 10]), y, t[c + 11]);
  r = fma(
    fma(fma(fma(fma(fma(r, y, t[c + 12]), y, t[c + 13]), y, t[c + 14]), y, t[c + 15]), y, t[c + 16]),
    y,
    t[c + 17],
  );
  return x < 0 ? -r : r;
}

/** Whether SVML (or numpy's tanh kernel) takes its ordinary path for x; otherwise the Python side does it. */
function ordinary(name: string, x: number): boolean {
  if (name === 'exp') return Math.abs(x) < RARE;
  if (name === 'log') return x > 0 && x < Infinity;
  return Math.abs(x) < TANH_CALLOUT;
}

const FUNCTIONS: Record<string, (x: number) => number> = { exp, log, tanh };

/** out[i] = name(a[i]) for numpy's exp, log or tanh; false (out unfinished) where an argument is not ordinary. */
export function npSvmlF64(name: string, a: Float64Array, out: Float64Array): boolean {
  const f = FUNCTIONS[name];
  if (f === undefined) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!ordinary(name, x)) return false;
    out[i] = f(x);
  }
  return true;
}
