// Random numbers bit-identical to PyTorch 1.13's CPU generator (the Debian build the golden set was made
// with: no MKL, AVX2 kernels compiled with FMA contraction). A Generator is an mt19937 engine plus the
// cached second Box-Muller value; the distributions map engine draws to values exactly as ATen's CPU
// kernels do, including where those kernels round to float32 and where the compiler fused a
// multiply-add into one rounding.
import { runtimeError } from './errors';
import { reducedUniform, roundToReducedFloat } from './reducedFloat';
import { checkAllocation } from './memory';
import { Tensor, allocate } from './tensor';
import type { RngState } from './rngState';

const f32 = Math.fround;

/** PyTorch's default_rng_seed_val: the seed of the global generator and of `torch.Generator()`. */
export const DEFAULT_SEED = 67280421310721n;

const MT_N = 624;
const MT_M = 397;

/** Python ints passed to manual_seed may be negative: PyTorch reinterprets them as unsigned 64-bit. */
function toSeed64(seed: number | bigint): bigint {
  const s = typeof seed === 'bigint' ? seed : BigInt(Math.trunc(seed));
  if (s < -(1n << 63n) || s >= 1n << 64n) {
    throw runtimeError(`Overflow when unpacking long`);
  }
  return BigInt.asUintN(64, s);
}

export class Generator {
  private readonly mt = new Uint32Array(MT_N);
  // at::mt19937's counters rather than one index: a fresh seed is left = 1, next = 0, an exhausted block
  // left = 1, next = 624, and get_rng_state's bytes tell the two apart.
  private left = 1;
  private next = 0;
  private seed64 = DEFAULT_SEED;
  /** Second value of the last scalar Box-Muller pair (normal_distribution<double>), served next. */
  nextDoubleNormal: number | null = null;
  nextFloatNormal: number | null = null;

  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.manual_seed(seed);
  }

  /** Seeds mt19937 with the low 32 bits; the full 64-bit value is what initial_seed() reports. */
  manual_seed(seed: number | bigint): this {
    this.seed64 = toSeed64(seed);
    this.nextDoubleNormal = null;
    this.nextFloatNormal = null;
    const mt = this.mt;
    mt[0] = Number(this.seed64 & 0xffffffffn);
    for (let i = 1; i < MT_N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.left = 1;
    this.next = 0;
    return this;
  }

  /** Reseeds from a nondeterministic source, as torch.seed(); returns the new seed. */
  seed(): bigint {
    const words = new Uint32Array(2);
    globalThis.crypto.getRandomValues(words);
    const s = (BigInt(words[0]) << 32n) | BigInt(words[1]);
    this.manual_seed(s);
    return s;
  }

  initial_seed(): bigint {
    return this.seed64;
  }

  get_state(): RngState {
    return {
      seed: this.seed64,
      left: this.left,
      seeded: true,
      next: this.next,
      mt: this.mt.slice(),
      nextDoubleNormal: this.nextDoubleNormal,
      nextFloatNormal: this.nextFloatNormal,
    };
  }

  /** Restores a state; PyTorch's is_valid() check first, leaving the generator unchanged when it fails. */
  set_state(state: RngState): this {
    const valid = state.seeded && state.left > 0 && state.left <= MT_N && state.next >= 0 && state.next <= MT_N;
    if (!valid || state.mt.length !== MT_N) throw runtimeError('Invalid mt19937 state');
    this.mt.set(state.mt);
    this.left = state.left;
    this.next = state.next;
    this.seed64 = state.seed;
    this.nextDoubleNormal = state.nextDoubleNormal;
    this.nextFloatNormal = state.nextFloatNormal;
    return this;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < MT_N; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % MT_N] & 0x7fffffff);
      let next = mt[(i + MT_M) % MT_N] ^ (y >>> 1);
      if (y & 1) next ^= 0x9908b0df;
      mt[i] = next;
    }
    this.left = MT_N;
    this.next = 0;
  }

  /** One 32-bit engine draw (CPUGeneratorImpl::random), as an unsigned number. */
  random(): number {
    if (--this.left === 0) this.twist();
    let y = this.mt[this.next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random64(): two draws, the first one the high word. */
  random64(): bigint {
    const hi = this.random();
    const lo = this.random();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** uniform_real_distribution<float>(0, 1): the low 24 bits of one draw, scaled by 2^-24. */
  uniformFloat(): number {
    return (this.random() & 0xffffff) * 5.9604644775390625e-8;
  }

  /** uniform_real_distribution<double>(0, 1): the low 53 bits of random64(), scaled by 2^-53. */
  uniformDouble(): number {
    const hi = this.random() & 0x1fffff;
    const lo = this.random();
    return (hi * 4294967296 + lo) * 1.1102230246251565e-16;
  }

  /** normal_distribution<double>(0, 1) sample before the mean/std transform, with the pair cache. */
  standardNormalDouble(): number {
    if (this.nextDoubleNormal !== null) {
      const cached = this.nextDoubleNormal;
      this.nextDoubleNormal = null;
      return cached;
    }
    const u1 = this.uniformDouble();
    const u2 = this.uniformDouble();
    const r = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = 2 * Math.PI * u1;
    this.nextDoubleNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

let defaultGenerator = new Generator();

/** The global generator behind torch.manual_seed / torch.rand without `generator=`. */
export function defaultGen(): Generator {
  return defaultGenerator;
}

export function manual_seed(seed: number | bigint): Generator {
  return defaultGenerator.manual_seed(seed);
}

export function seed(): bigint {
  return defaultGenerator.seed();
}

export function initial_seed(): bigint {
  return defaultGenerator.initial_seed();
}

export function get_rng_state(): RngState {
  return defaultGenerator.get_state();
}

export function set_rng_state(state: RngState): void {
  defaultGenerator.set_state(state);
}

/** Replaces the global generator (test isolation / a fresh interpreter). */
export function resetDefaultGenerator(): void {
  defaultGenerator = new Generator();
}

// ---------------------------------------------------------------------------------------------------
// Exact float arithmetic helpers

/**
 * Single-rounding float32 a*b+c (the vfmadd the AVX2 kernels were compiled to). a*b of two floats is
 * exact in a double; the only double-rounding hazard is a double sum landing exactly halfway between
 * two floats while the sum itself was inexact, which is resolved with the sum's rounding error.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = f32(s);
  if (r !== s) {
    const other = 2 * s - r;
    if (other !== r && f32(other) === other) {
      // s is exactly the midpoint between r and other: the true value lies on the side of the sum's rounding
      // error (worked out only here, the rare case).
      const bb = s - p;
      const err = p - (s - bb) + (c - bb);
      if (err !== 0) return err > 0 === other > r ? other : r;
    }
  }
  return r;
}

/** Double-precision a*b+c with one rounding (error-free product and sum; correct except at ties). */
export function fmaDouble(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || a === 0 || b === 0) return p + c;
  // Dekker/Veltkamp split for the exact product error.
  const split = 134217729; // 2^27 + 1
  const ah = a * split - (a * split - a);
  const al = a - ah;
  const bh = b * split - (b * split - b);
  const bl = b - bh;
  const pe = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = p + c;
  const bb = s - p;
  const se = p - (s - bb) + (c - bb);
  return s + (pe + se);
}

// ---------------------------------------------------------------------------------------------------
// The AVX2 normal_fill kernel: Cephes-style float log and sincos (avx_mathfun), with the FMAs that the
// compiler formed, reproduced one rounding at a time.

const F32_VIEW = new Float32Array(1);
const U32_VIEW = new Uint32Array(F32_VIEW.buffer);

// eslint-disable-next-line no-loss-of-precision -- the digits avx_mathfun writes; f32() rounds them as C does
const SQRTHF = f32(0.707106781186547524);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f32);
const LOG_Q1 = f32(-2.1219444e-4);
const LOG_Q2 = f32(0.693359375);
const TWO_PI_F = f32(2 * Math.PI);
const FOPI = f32(1.27323954473516);
const MINUS_DP1 = f32(-0.78515625);
const MINUS_DP2 = f32(-2.4187564849853515625e-4);
// eslint-disable-next-line no-loss-of-precision -- as above
const MINUS_DP3 = f32(-3.77489497744594108e-8);
const SIN_P0 = f32(-1.9515295891e-4);
const SIN_P1 = f32(8.3321608736e-3);
const SIN_P2 = f32(-1.6666654611e-1);
const COS_P0 = f32(2.443315711809948e-5);
const COS_P1 = f32(-1.388731625493765e-3);
const COS_P2 = f32(4.166664568298827e-2);

/** log256_ps for one lane; u is in (0, 1] here (1 - a uniform float), so the NaN/denormal guards never fire. */
function logAvx(u: number): number {
  F32_VIEW[0] = Math.max(u, 1.1754943508222875e-38);
  const bits = U32_VIEW[0];
  let e = (bits >>> 23) - 127 + 1;
  U32_VIEW[0] = (bits & 0x807fffff) | 0x3f000000;
  let x = F32_VIEW[0];
  const below = x < SQRTHF;
  const tmp = below ? x : 0;
  x = f32(x - 1);
  if (below) e -= 1;
  x = f32(x + tmp);
  const eq1 = f32(e * LOG_Q1);
  let y = LOG_P[0];
  for (let k = 1; k < 9; k++) y = fmaf(y, x, LOG_P[k]);
  const z = f32(x * x);
  y = f32(x * y);
  y = fmaf(y, z, eq1);
  y = f32(y - z * 0.5);
  x = f32(x + y);
  return fmaf(e, LOG_Q2, x);
}

/** sincos256_ps for one lane; writes [sin, cos] into out. */
function sincosAvx(theta: number, out: Float64Array): void {
  const negative = theta < 0 || Object.is(theta, -0);
  const ax = Math.abs(theta);
  const j = ((Math.trunc(f32(ax * FOPI)) | 0) + 1) & ~1;
  const y = j;
  const swapSin = (j & 4) !== 0;
  const polySin = (j & 2) === 0;
  const flipCos = (~(j - 2) & 4) !== 0;
  let x = fmaf(y, MINUS_DP1, ax);
  x = fmaf(y, MINUS_DP2, x);
  x = fmaf(y, MINUS_DP3, x);
  const z = f32(x * x);
  let c = fmaf(z, COS_P0, COS_P1);
  c = fmaf(z, c, COS_P2);
  c = f32(z * c);
  c = fmaf(c, z, -f32(z * 0.5));
  c = f32(c + 1);
  let s = fmaf(z, SIN_P0, SIN_P1);
  s = fmaf(s, z, SIN_P2);
  s = f32(z * s);
  s = fmaf(s, x, x);
  let sinv = polySin ? s : c;
  let cosv = polySin ? c : s;
  if (negative !== swapSin) sinv = -sinv;
  if (flipCos) cosv = -cosv;
  out[0] = sinv;
  out[1] = cosv;
}

const SINCOS = new Float64Array(2);

/** normal_fill_16_AVX2: data[o..o+8) hold u1 candidates, data[o+8..o+16) u2; both become normals. */
function normalFill16(data: Float32Array, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = f32(1 - data[o + j]);
    const u2 = data[o + j + 8];
    const radius = f32(Math.sqrt(f32(logAvx(u1) * -2)));
    const theta = f32(TWO_PI_F * u2);
    sincosAvx(theta, SINCOS);
    data[o + j] = fmaf(f32(radius * SINCOS[1]), std, mean);
    data[o + j + 8] = fmaf(f32(radius * SINCOS[0]), std, mean);
  }
}

// ---------------------------------------------------------------------------------------------------
// In-place fills over a float32 tensor (what Tensor.uniform_/normal_ and nn.init use)

function floatData(t: Tensor, what: string): Float32Array {
  if (t.dtype === 'float64') return t.data as unknown as Float32Array;
  if (!(t.data instanceof Float32Array)) {
    throw runtimeError(`"${what}" not implemented for '${t.dtype === 'int64' ? 'Long' : 'Bool'}'`);
  }
  return t.data;
}

/** uniform_(from, to) for float64: 53 bits of random64() per value, x * (to - from) + from in double. */
function fillUniform64(data: Float64Array, from: number, to: number, gen: Generator): void {
  if (!(from <= to))
    throw runtimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  for (let i = 0; i < data.length; i++) data[i] = gen.uniformDouble() * (to - from) + from;
}

/** normal_(mean, std) for float64: ATen's normal_fill<double> from 16 values on, normal_distribution<double> below. */
function fillNormal64(data: Float64Array, mean: number, std: number, gen: Generator): void {
  if (!(std >= 0)) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  const n = data.length;
  if (n < 16) {
    for (let i = 0; i < n; i++) data[i] = fmaDouble(gen.standardNormalDouble(), std, mean);
    return;
  }
  const fill16 = (o: number) => {
    for (let j = 0; j < 8; j++) {
      const radius = Math.sqrt(-2 * Math.log(1 - data[o + j]));
      const theta = 2 * Math.PI * data[o + j + 8];
      data[o + j] = radius * Math.cos(theta) * std + mean;
      data[o + j + 8] = radius * Math.sin(theta) * std + mean;
    }
  };
  for (let i = 0; i < n; i++) data[i] = gen.uniformDouble();
  for (let i = 0; i + 16 <= n; i += 16) fill16(i);
  if (n % 16 !== 0) {
    for (let i = n - 16; i < n; i++) data[i] = gen.uniformDouble();
    fill16(n - 16);
  }
}

/** Marks an in-place write the way every in-place op does (refuses tracked leaves unless under no_grad). */
function touch(t: Tensor): void {
  t.checkInplace();
}

/** uniform_(from, to) for float32: from/to rounded to float; value = fma(u24 * 2^-24, to - from, from). */
export function fillUniform(data: Float32Array, from: number, to: number, gen: Generator = defaultGenerator): void {
  const a = f32(from);
  const b = f32(to);
  if (!(a <= b)) throw runtimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  const range = f32(b - a);
  for (let i = 0; i < data.length; i++) {
    data[i] = fmaf((gen.random() & 0xffffff) * 5.9604644775390625e-8, range, a);
  }
}

/** normal_(mean, std) for float32, choosing ATen's path by size: scalar Box-Muller below 16, AVX2 fill above. */
export function fillNormal(data: Float32Array, mean: number, std: number, gen: Generator = defaultGenerator): void {
  if (!(std >= 0)) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  const n = data.length;
  if (n >= 16) {
    const m = f32(mean);
    const s = f32(std);
    for (let i = 0; i < n; i++) data[i] = gen.uniformFloat();
    for (let i = 0; i + 16 <= n; i += 16) normalFill16(data, i, m, s);
    if (n % 16 !== 0) {
      const o = n - 16;
      for (let i = 0; i < 16; i++) data[o + i] = gen.uniformFloat();
      normalFill16(data, o, m, s);
    }
  } else {
    for (let i = 0; i < n; i++) data[i] = fmaDouble(gen.standardNormalDouble(), std, mean);
  }
}

export function uniform_(t: Tensor, from = 0, to = 1, gen?: Generator): Tensor {
  const data = floatData(t, 'uniform_kernel_cpu');
  if (!(f32(from) <= f32(to))) {
    throw runtimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  }
  touch(t);
  if (data instanceof Float32Array) fillUniform(data, from, to, gen);
  else fillUniform64(data as unknown as Float64Array, from, to, gen ?? defaultGenerator);
  t.wrote();
  return t;
}

export function normal_(t: Tensor, mean = 0, std = 1, gen?: Generator): Tensor {
  const data = floatData(t, 'normal_kernel_cpu');
  touch(t);
  if (data instanceof Float32Array) fillNormal(data, mean, std, gen);
  else fillNormal64(data as unknown as Float64Array, mean, std, gen ?? defaultGenerator);
  t.wrote();
  return t;
}

// ---------------------------------------------------------------------------------------------------
// Factories

function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw runtimeError(`Trying to create tensor with negative dimension ${d}: [${shape.join(', ')}]`);
    }
    n *= d;
  }
  return n;
}

export function rand(shape: readonly number[], gen?: Generator, dtype: DrawnFloat = 'float32'): Tensor {
  if (dtype === 'float64') return uniform_(new Tensor(allocate('float64', sizeOf(shape)), shape, 'float64'), 0, 1, gen);
  if (dtype === 'float16' || dtype === 'bfloat16') {
    const g = gen ?? defaultGenerator;
    return new Tensor(
      reducedUniform(sizeOf(shape), dtype, () => g.random()),
      shape,
      dtype,
    );
  }
  checkAllocation(sizeOf(shape), 4);
  const data = new Float32Array(sizeOf(shape));
  fillUniform(data, 0, 1, gen);
  return new Tensor(data, shape, 'float32');
}

export function randn(shape: readonly number[], gen?: Generator, dtype: DrawnFloat = 'float32'): Tensor {
  if (dtype === 'float64') return normal_(new Tensor(allocate('float64', sizeOf(shape)), shape, 'float64'), 0, 1, gen);
  if (dtype === 'float16' || dtype === 'bfloat16') {
    // Below 16 values ATen draws float16/bfloat16 normals as float32 ones rounded; from 16 on its fill computes
    // in the reduced format (not replayed here: the float32 fill, rounded).
    const t = randn(shape, gen, 'float32');
    roundToReducedFloat(t.data as Float32Array, dtype);
    return new Tensor(t.data, shape, dtype);
  }
  checkAllocation(sizeOf(shape), 4);
  const data = new Float32Array(sizeOf(shape));
  fillNormal(data, 0, 1, gen);
  return new Tensor(data, shape, 'float32');
}

/** The float dtypes rand/randn draw. */
export type DrawnFloat = 'float32' | 'float64' | 'float16' | 'bfloat16';

/** One draw of uniform_int_from_to_distribution: 32-bit draw modulo range unless range needs 64 bits. */
function intFromTo(range: number, base: number, gen: Generator): number {
  if (range >= 4294967296) {
    return Number(gen.random64() % BigInt(range)) + base;
  }
  return (gen.random() % range) + base;
}

/** random_(from, to) in place: integers in [from, to); float tensors get the integers as floats. */
export function randomFromTo_(t: Tensor, from: number, to: number, gen: Generator = defaultGenerator): Tensor {
  if (!(from < to)) {
    throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${from} >= to=${to}`);
  }
  touch(t);
  const range = to - from;
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = intFromTo(range, from, gen);
  t.wrote();
  return t;
}

/** randint(low, high, shape): int64 by default, as torch.randint. */
export function randint(
  low: number,
  high: number,
  shape: readonly number[],
  gen: Generator = defaultGenerator,
): Tensor {
  if (!(low < high)) {
    throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  }
  checkAllocation(sizeOf(shape), 8);
  const data = new Float64Array(sizeOf(shape));
  const range = high - low;
  for (let i = 0; i < data.length; i++) data[i] = intFromTo(range, low, gen);
  return new Tensor(data, shape, 'int64');
}

/** random_() on an int64 tensor element: random64() modulo 2^63, exact (as a bigint). */
export function randomInt64(gen: Generator = defaultGenerator): bigint {
  return gen.random64() & 0x7fffffffffffffffn;
}

/**
 * random_() with no bounds: int64 tensors get random64() mod 2^63 (stored as a double, so exact only
 * below 2^53; use randomInt64 for the exact value); float32 tensors get a 24-bit draw (mod 2^24 + 1).
 */
export function random_(t: Tensor, gen: Generator = defaultGenerator): Tensor {
  touch(t);
  const d = t.data;
  if (t.dtype === 'int64') {
    for (let i = 0; i < d.length; i++) d[i] = Number(randomInt64(gen));
  } else if (t.dtype === 'float32') {
    for (let i = 0; i < d.length; i++) d[i] = gen.random() % (16777216 + 1);
  } else {
    for (let i = 0; i < d.length; i++) d[i] = gen.random() % 2;
  }
  t.wrote();
  return t;
}

/** randperm(n) on CPU (1.13): identity, then for each i swap with i + random() % (n - i). */
export function randperm(n: number, gen: Generator = defaultGenerator): Tensor {
  if (!Number.isInteger(n) || n < 0) throw runtimeError(`n must be non-negative, got${n}`);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = gen.random() % (n - i);
    const sav = data[i];
    data[i] = data[z + i];
    data[z + i] = sav;
  }
  return new Tensor(data, [n], 'int64');
}

/**
 * bernoulli_(p) on CPU without MKL: element i is 1 when a double uniform (random64-based) is below p.
 * Returned as 0/1 floats in element order, as the noise tensor `empty_like(input).bernoulli_(p)`.
 */
export function bernoulliMask(n: number, p: number, gen: Generator = defaultGenerator): Float32Array {
  if (!(p >= 0 && p <= 1)) throw runtimeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = gen.uniformDouble() < p ? 1 : 0;
  return out;
}

/** bernoulli_(p) in place on a float32 tensor. */
export function bernoulli_(t: Tensor, p: number, gen?: Generator): Tensor {
  const data = floatData(t, 'bernoulli_scalar_cpu_');
  touch(t);
  data.set(bernoulliMask(data.length, p, gen));
  t.wrote();
  return t;
}

/**
 * F.dropout's CPU noise in 1.13 (`_dropout_impl`): keep-mask bernoulli_(1 - p), then divided in float
 * by (1 - p); the output is input * noise. No draw is made for p = 0 (PyTorch returns the input itself,
 * no grad_fn) nor for p = 1 (PyTorch multiplies by a zero scalar): the mask is then all ones / zeros.
 */
export function dropoutMask(n: number, p: number, gen: Generator = defaultGenerator): Float32Array {
  if (!(p >= 0 && p <= 1)) {
    throw new Error(`ValueError: dropout probability has to be between 0 and 1, but got ${p}`);
  }
  if (p === 1) return new Float32Array(n);
  if (p === 0) return new Float32Array(n).fill(1);
  const keep = 1 - p;
  const noise = bernoulliMask(n, keep, gen);
  const scale = f32(keep);
  for (let i = 0; i < n; i++) noise[i] = f32(noise[i] / scale);
  return noise;
}

/**
 * Bound of init.kaiming_uniform_(w, a) with fan_in mode and leaky_relu gain, computed in double exactly as
 * torch/nn/init.py does: gain = sqrt(2 / (1 + a**2)), std = gain / sqrt(fan), bound = sqrt(3) * std.
 * nn.Linear uses a = sqrt(5), which makes the weight bound 1/sqrt(fan_in) up to double rounding.
 */
export function kaimingUniformBound(fanIn: number, a = Math.sqrt(5)): number {
  const gain = Math.sqrt(2 / (1 + a ** 2));
  const std = gain / Math.sqrt(fanIn);
  return Math.sqrt(3) * std;
}

/** nn.Linear's bias bound: 1 / sqrt(fan_in), or 0 when fan_in is 0. */
export function linearBiasBound(fanIn: number): number {
  return fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
}
