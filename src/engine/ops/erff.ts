// erf in float32 as glibc's erff computes it (the Sun/Cygnus float port: rational approximations on
// [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35), [1/0.35, 6), every step rounded to float32). ATen's scalar
// erfinv calls std::erf(float) in its Newton steps, so erfinv (and nn.init.trunc_normal_) needs these bits.
import { glibcExpf } from './glibcExpf';
const f = Math.fround;
const hex = (h: number) => {
  const b = new DataView(new ArrayBuffer(4));
  b.setUint32(0, h);
  return b.getFloat32(0);
};
const ERX = hex(0x3f58560b);
const EFX = hex(0x3e0375d4);
const PP = [0x3e0375d4, 0xbea66beb, 0xbce9528f, 0xbbbd1489, 0xb7c756b1].map(hex);
const QQ = [0x3f800000, 0x3ecbbbce, 0x3d852a63, 0x3ba68116, 0x390aee49, 0xb684e21a].map(hex);
const PA = [0xbb1acdc6, 0x3ed46805, 0xbebe9208, 0x3ea2fe54, 0xbde31cc2, 0x3d1151b3, 0xbb0df9c0].map(hex);
const QA = [0x3f800000, 0x3dd9f331, 0x3f0a5785, 0x3d931ae7, 0x3e013307, 0x3c5f6e13, 0x3c445aa3].map(hex);
const RA = [0xbc21a093, 0xbf31a0b7, 0xc128f022, 0xc2798057, 0xc322658c, 0xc3389ae7, 0xc2a2932b, 0xc11d077e].map(hex);
const SA = [
  0x3f800000, 0x419d35ce, 0x4309a863, 0x43d9486f, 0x442158c9, 0x43d6810b, 0x42d9451f, 0x40d23f7c, 0xbd777f97,
].map(hex);
const RB = [0xbc21a092, 0xbf4c9dd4, 0xc18e104b, 0xc320a2ea, 0xc41f6441, 0xc480230b, 0xc3f1c275].map(hex);
const SB = [0x3f800000, 0x41f2b459, 0x43a2e571, 0x44c01759, 0x4547fdbb, 0x451f90ce, 0x43ed43a7, 0xc1b38712].map(hex);

/** c[0] + z (c[1] + z (...)), each product and sum rounded to float32 (glibc's build does not fuse them). */
function poly(c: readonly number[], z: number): number {
  let acc = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) acc = f(c[i] + f(z * acc));
  return acc;
}

const bits = new DataView(new ArrayBuffer(4));

/** x with the low 12 bits of its float32 pattern cleared (glibc's SET_FLOAT_WORD(z, ix & 0xfffff000)). */
function truncated(x: number): number {
  bits.setFloat32(0, x);
  bits.setUint32(0, bits.getUint32(0) & 0xfffff000);
  return bits.getFloat32(0);
}

export function erff(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax === Infinity) return Math.sign(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -28) return f(x + f(EFX * x));
    const z = f(x * x);
    const y = f(poly(PP, z) / poly(QQ, z));
    return f(x + f(x * y));
  }
  if (ax < 1.25) {
    const s = f(ax - 1);
    const pq = f(poly(PA, s) / poly(QA, s));
    return x > 0 ? f(ERX + pq) : f(-ERX - pq);
  }
  if (ax >= 6) return x > 0 ? 1 : -1;
  const s = f(1 / f(ax * ax));
  const [R, S] = ax < hex(0x4036db6e) ? [poly(RA, s), poly(SA, s)] : [poly(RB, s), poly(SB, s)];
  const z = truncated(ax);
  const e1 = glibcExpf(f(f(-z * z) - 0.5625));
  const e2 = glibcExpf(f(f(f(z - ax) * f(z + ax)) + f(R / S)));
  const r = f(e1 * e2);
  return x > 0 ? f(1 - f(r / ax)) : f(f(r / ax) - 1);
}
