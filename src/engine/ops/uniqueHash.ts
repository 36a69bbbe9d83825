// torch.unique without dim as PyTorch 1.13's CPU kernel (unique_cpu_template) computes it: the elements go into
// a libstdc++ std::unordered_set (GCC 12: prime bucket counts, each new node at the front of its bucket, or at
// the front of the whole list when its bucket was empty, rehashed in list order), the values come out in that
// set's iteration order, then, for sorted=True, through std::sort with `<`. sorted=False therefore prints the
// set's order, and a NaN, unequal to everything (itself included), is inserted once per occurrence, sorts
// wherever std::sort leaves it, and gets inverse 0 and count 0 (std::unordered_map::operator[] adds a new zero
// entry for every NaN lookup).
import { type DType, Tensor, allocate } from '../tensor';
import { stdSortPairs } from './stdSort';

// libstdc++'s _Prime_rehash_policy::_M_next_bkt: small counts from a table, then the first prime >= n of its
// list (GCC 12, 64-bit), read from libstdc++ itself.
const FAST_BUCKETS = [2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13];
// prettier-ignore
const PRIMES = [
  17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 103, 109, 113, 127, 137, 139, 149, 157,
  167, 179, 193, 199, 211, 227, 241, 257, 277, 293, 313, 337, 359, 383, 409, 439, 467, 503, 541, 577, 619, 661, 709,
  761, 823, 887, 953, 1031, 1109, 1193, 1289, 1381, 1493, 1613, 1741, 1879, 2029, 2179, 2357, 2549, 2753, 2971, 3209,
  3469, 3739, 4027, 4349, 4703, 5087, 5503, 5953, 6427, 6949, 7517, 8123, 8783, 9497, 10273, 11113, 12011, 12983,
  14033, 15173, 16411, 17749, 19183, 20753, 22447, 24281, 26267, 28411, 30727, 33223, 35933, 38873, 42043, 45481,
  49201, 53201, 57557, 62233, 67307, 72817, 78779, 85229, 92203, 99733, 107897, 116731, 126271, 136607, 147793,
  159871, 172933, 187091, 202409, 218971, 236897, 256279, 277261, 299951, 324503, 351061, 379787, 410857, 444487,
  480881, 520241, 562841, 608903, 658753, 712697, 771049, 834181, 902483, 976369, 1056323, 1142821, 1236397, 1337629,
  1447153, 1565659, 1693859, 1832561, 1982627, 2144977, 2320627, 2510653, 2716249, 2938679, 3179303, 3439651,
  3721303, 4026031, 4355707, 4712381, 5098259, 5515729, 5967347, 6456007, 6984629, 7556579, 8175383, 8844859,
  9569143, 10352717, 11200489, 12117689, 13109983, 14183539, 15345007, 16601593, 17961079, 19431899, 21023161,
  22744717, 24607243, 26622317, 28802401, 31160981, 33712729, 36473443, 39460231, 42691603, 46187573, 49969847,
  54061849, 58488943, 63278561, 68460391, 74066549, 80131819, 86693767, 93793069, 101473717, 109783337, 118773397,
  128499677, 139022417, 150406843, 162723577, 176048909, 190465427, 206062531, 222936881, 241193053, 260944219,
  282312799, 305431229, 330442829, 357502601, 386778277, 418451333, 452718089, 489790921, 529899637, 573292817,
  620239453, 671030513, 725980837, 785430967, 849749479, 919334987, 994618837, 1076067617, 1164186217, 1259520799,
  1362662261, 1474249943, 1594975441, 1725587117, 1866894511, 2019773507, 2185171673, 2364114217, 2557710269,
  2767159799, 2993761039, 3238918481, 3504151727, 3791104843, 4101556399, 4294967291,
];

function nextBucketCount(n: number): number {
  if (n < FAST_BUCKETS.length) return n === 0 ? 1 : FAST_BUCKETS[n];
  let lo = 0;
  let hi = PRIMES.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (PRIMES[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  return PRIMES[lo];
}

// 64-bit words as [high, low] 32-bit halves, in doubles (BigInt would be exact too, and ten times slower).
type U64 = [number, number];

/** The low 64 bits of a * b. */
function mul64(a: U64, b: U64): U64 {
  const [ah, al] = a;
  const [bh, bl] = b;
  // al * bl in full from 16-bit pieces, the cross terms only modulo 2^32 (they land in the high word).
  const a1 = al >>> 16;
  const a0 = al & 0xffff;
  const b1 = bl >>> 16;
  const b0 = bl & 0xffff;
  const mid = a0 * b1 + a1 * b0;
  const low = a0 * b0 + (mid % 65536) * 65536;
  const carry = Math.floor(low / 2 ** 32);
  const high = a1 * b1 + Math.floor(mid / 65536) + carry + (Math.imul(ah, bl) >>> 0) + (Math.imul(al, bh) >>> 0);
  return [high % 2 ** 32, low % 2 ** 32];
}

const xor64 = (a: U64, b: U64): U64 => [(a[0] ^ b[0]) >>> 0, (a[1] ^ b[1]) >>> 0];
/** v ^ (v >> 47) */
const shiftMix = (v: U64): U64 => [v[0], (v[1] ^ (v[0] >>> 15)) >>> 0];
const MUL: U64 = [0xc6a4a793, 0x5bd1e995];
const SEED: U64 = [0, 0xc70f6907];

/** libsupc++'s _Hash_bytes (64-bit) of a 4-byte word or an 8-byte [high, low] pair, with std::hash's seed. */
function hashBytes(value: U64, len: 4 | 8): U64 {
  let hash = xor64(SEED, mul64([0, len], MUL));
  const data = len === 8 ? mul64(shiftMix(mul64(value, MUL)), MUL) : value;
  hash = mul64(xor64(hash, data), MUL);
  hash = mul64(shiftMix(hash), MUL);
  return shiftMix(hash);
}

/** Each element's std::hash as two 32-bit halves (std::hash<float> is 0 for ±0, else the hash of its bytes). */
function hashes(x: Tensor): { hi: Uint32Array; lo: Uint32Array } {
  const d = x.data;
  const n = d.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  if (x.dtype === 'float32' || x.dtype === 'float64') {
    const single = x.dtype === 'float32';
    const words = new Uint32Array(d.buffer, d.byteOffset, single ? n : 2 * n);
    for (let i = 0; i < n; i++) {
      if (d[i] === 0) continue;
      const h = single ? hashBytes([0, words[i]], 4) : hashBytes([words[2 * i + 1], words[2 * i]], 8);
      hi[i] = h[0];
      lo[i] = h[1];
    }
  } else if (x.dtype === 'bfloat16') {
    // c10's std::hash<BFloat16> hashes its 16 bits as an integer (the top half of the float32 it rounds to).
    const words = new Uint32Array(d.buffer, d.byteOffset, n);
    for (let i = 0; i < n; i++) lo[i] = words[i] >>> 16;
  } else {
    // Integers hash to themselves, a negative one sign-extended to 64 bits.
    for (let i = 0; i < n; i++) {
      const v = d[i];
      const high = Math.floor(v / 2 ** 32);
      lo[i] = v - high * 2 ** 32;
      hi[i] = high < 0 ? high + 2 ** 32 : high;
    }
  }
  return { hi, lo };
}

/** (hi * 2^32 + lo) mod m, exactly in doubles (m < 2^32). */
function mod64(hi: number, lo: number, m: number): number {
  const h = (((hi % m) * 65536) % m) * 65536;
  return ((h % m) + lo) % m;
}

const NIL = -1;
// Node 0 is _M_before_begin, the list's head sentinel: its `next` is the first node.
const BEFORE_BEGIN = 0;

/** libstdc++'s _Hashtable with unique keys, over element positions whose hashes are (hi, lo). */
class UnorderedSet {
  private readonly next = [NIL];
  private readonly elem = [NIL]; // the element each node holds
  private readonly home = [NIL]; // each node's bucket at the current count
  private bucketCount = 1;
  private nextResize = 0;
  private buckets = new Int32Array(1).fill(NIL); // the node before each bucket's first, or NIL

  constructor(
    private readonly d: ArrayLike<number>,
    private readonly hi: Uint32Array,
    private readonly lo: Uint32Array,
  ) {}

  /** _M_insert: element i unless an equal key is in its bucket's run of nodes (a NaN never finds one). */
  insert(i: number): void {
    const v = this.d[i];
    let b = mod64(this.hi[i], this.lo[i], this.bucketCount);
    if (this.buckets[b] !== NIL && v === v) {
      for (let p = this.next[this.buckets[b]]; p !== NIL && this.home[p] === b; p = this.next[p]) {
        if (this.d[this.elem[p]] === v) return;
      }
    }
    if (this.grow()) b = mod64(this.hi[i], this.lo[i], this.bucketCount);
    const node = this.elem.length;
    this.elem.push(i);
    this.next.push(NIL);
    this.home.push(b);
    this.linkFirstInBucket(this.buckets, b, node);
  }

  /** The elements in iteration order. */
  order(): number[] {
    const out: number[] = [];
    for (let p = this.next[BEFORE_BEGIN]; p !== NIL; p = this.next[p]) out.push(this.elem[p]);
    return out;
  }

  /**
   * _M_need_rehash with max_load_factor 1 before one more element: the first insert allocates 13 buckets,
   * then at most one element per bucket, growing to the next prime at or above twice the count.
   */
  private grow(): boolean {
    const count = this.elem.length - 1;
    if (count + 1 <= this.nextResize) return false;
    const minBuckets = Math.max(count + 1, this.nextResize ? 0 : 11);
    if (minBuckets < this.bucketCount) {
      this.nextResize = this.bucketCount;
      return false;
    }
    const m = nextBucketCount(Math.max(minBuckets + 1, this.bucketCount * 2));
    this.nextResize = m;
    this.rehash(m);
    return true;
  }

  /** _M_insert_bucket_begin: first in its bucket, or first in the whole list when the bucket was empty. */
  private linkFirstInBucket(buckets: Int32Array, b: number, node: number): void {
    const { next } = this;
    if (buckets[b] !== NIL) {
      next[node] = next[buckets[b]];
      next[buckets[b]] = node;
      return;
    }
    next[node] = next[BEFORE_BEGIN];
    next[BEFORE_BEGIN] = node;
    if (next[node] !== NIL) buckets[this.home[next[node]]] = node;
    buckets[b] = BEFORE_BEGIN;
  }

  /** _M_rehash_aux (unique keys): the nodes in list order, each moved to the front of its new bucket. */
  private rehash(m: number): void {
    const { next, home } = this;
    const fresh = new Int32Array(m).fill(NIL);
    let p = next[BEFORE_BEGIN];
    next[BEFORE_BEGIN] = NIL;
    let beginBucket = 0;
    while (p !== NIL) {
      const following = next[p];
      const b = mod64(this.hi[this.elem[p]], this.lo[this.elem[p]], m);
      home[p] = b;
      if (fresh[b] === NIL) {
        next[p] = next[BEFORE_BEGIN];
        next[BEFORE_BEGIN] = p;
        fresh[b] = BEFORE_BEGIN;
        if (next[p] !== NIL) fresh[beginBucket] = p;
        beginBucket = b;
      } else {
        next[p] = next[fresh[b]];
        next[fresh[b]] = p;
      }
      p = following;
    }
    this.buckets = fresh;
    this.bucketCount = m;
  }
}

/** The positions of the elements the unordered_set keeps (each first occurrence; every NaN), in its order. */
function hashSetOrder(x: Tensor): number[] {
  const { hi, lo } = hashes(x);
  const set = new UnorderedSet(x.data, hi, lo);
  for (let i = 0; i < x.data.length; i++) set.insert(i);
  return set.order();
}

/** torch.unique(x, sorted) over all elements: [values, inverse, counts] as PyTorch 1.13's CPU kernel gives them. */
export function uniqueFlat(x: Tensor, sorted = true): [Tensor, Tensor, Tensor] {
  const d = x.data;
  const n = d.length;
  const dtype: DType = x.dtype;
  // Bool tensors have a kernel of their own (unique_cpu_bool_template): False then True, whatever `sorted` says.
  if (dtype === 'bool') return uniqueBool(x);
  let hasNaN = false;
  for (let i = 0; i < n && !hasNaN; i++) hasNaN = d[i] !== d[i];
  let kept: number[];
  if (sorted && !hasNaN) {
    // Distinct values sort the same whatever order they arrive in: the hash set's order is not needed, only
    // which of 0 and -0 came first (the one the set keeps).
    const first = new Map<number, number>();
    for (let i = 0; i < n; i++) if (!first.has(d[i])) first.set(d[i], i);
    kept = Array.from(first.values());
  } else kept = hashSetOrder(x);
  const vals = Float64Array.from(kept, (i) => d[i]);
  if (sorted) {
    const pos = Int32Array.from(kept);
    stdSortPairs(vals, pos);
    kept = Array.from(pos);
  }
  const out = allocate(dtype, kept.length);
  kept.forEach((i, k) => (out[k] = d[i]));
  // inverse_map / counts_map: a value's (last) index among the outputs; a NaN finds none and reads 0.
  const where = new Map<number, number>();
  for (let k = 0; k < kept.length; k++) if (vals[k] === vals[k]) where.set(vals[k], k);
  const inverse = new Float64Array(n);
  const counts = new Float64Array(kept.length);
  for (let i = 0; i < n; i++) {
    const k = where.get(d[i]);
    if (k === undefined) continue;
    inverse[i] = k;
    counts[k]++;
  }
  return [
    new Tensor(out, [kept.length], dtype),
    new Tensor(inverse, x.shape, 'int64'),
    new Tensor(counts, [kept.length], 'int64'),
  ];
}

function uniqueBool(x: Tensor): [Tensor, Tensor, Tensor] {
  const d = x.data;
  let trues = 0;
  for (let i = 0; i < d.length; i++) if (d[i]) trues++;
  const falses = d.length - trues;
  const values = [...(falses ? [0] : []), ...(trues ? [1] : [])];
  const counts = [...(falses ? [falses] : []), ...(trues ? [trues] : [])];
  const inverse = Float64Array.from(d, (v) => (v ? values.length - 1 : 0));
  return [
    new Tensor(Uint8Array.from(values), [values.length], 'bool'),
    new Tensor(inverse, x.shape, 'int64'),
    new Tensor(Float64Array.from(counts), [counts.length], 'int64'),
  ];
}
