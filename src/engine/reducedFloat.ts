// float16 and bfloat16 tensors. Their values live in a Float32Array, each rounded to its 16-bit format (round to
// nearest, ties to even, as c10::Half and c10::BFloat16 convert a float). PyTorch's CPU kernels for these
// dtypes load each value as a float, compute in float and round the result back, so an op over them is the
// float32 op with its result rounded: runInReducedFloat runs an engine function that way. Where PyTorch 1.13
// has no CPU kernel for float16 (exp, tanh, matmul, ...) it raises its "not implemented for 'Half'" error.
import { isFloatDType, isReducedFloat, type DType, type Storage } from './buffers';
import { pyError, runtimeError } from './errors';
import { Tensor } from './tensor';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const hi64 = new Uint32Array(f64.buffer);

/** `x` rounded to IEEE binary16 (float16): ties to even, overflow to infinity, subnormals down to 2^-24. */
export function toFloat16(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  let r: number;
  if (a >= 65520)
    r = Infinity; // half of the last ulp above 65504 rounds up, to infinity
  else {
    f64[0] = a;
    const exponent = Math.max(((hi64[1] >>> 20) & 0x7ff) - 1023, -14);
    const quantum = 2 ** (exponent - 10);
    r = evenRound(a / quantum) * quantum; // a / quantum is exact: a power-of-two scaling
  }
  return x < 0 ? -r : r;
}

function evenRound(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/** `x` (as a float32) rounded to bfloat16: the upper 16 bits of the float32, ties to even; NaN stays NaN. */
export function toBFloat16(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  if ((bits & 0x7fffffff) > 0x7f800000) return NaN;
  u32[0] = ((bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000) >>> 0;
  return f32[0];
}

/** The 16 bits of a float16 value (one `toFloat16` returned): what view(dtype) reads as int16. */
export function float16Bits(v: number): number {
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (Number.isNaN(v)) return 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | Math.round(a * 2 ** 24); // subnormal: multiples of 2^-24
  f64[0] = a;
  const exponent = ((hi64[1] >>> 20) & 0x7ff) - 1023;
  return sign | ((exponent + 15) << 10) | Math.round((a / 2 ** exponent - 1) * 1024);
}

/** The float16 value of 16 bits. */
export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** The 16 bits of a bfloat16 value: the upper half of its float32. */
export function bfloat16Bits(v: number): number {
  f32[0] = v;
  return u32[0] >>> 16;
}

/** The bfloat16 value of 16 bits. */
export function fromBFloat16Bits(bits: number): number {
  u32[0] = (bits << 16) >>> 0;
  return f32[0];
}

/** Rounds every value of `data` to `dtype`'s format in place. */
export function roundToReducedFloat(data: Float32Array, dtype: DType): void {
  const round = dtype === 'float16' ? toFloat16 : toBFloat16;
  for (let i = 0; i < data.length; i++) data[i] = round(data[i]);
}

/**
 * torch.rand's `n` draws in [0, 1) for float16/bfloat16: uniform_real_distribution of these types keeps as many
 * bits of each 32-bit draw as the format has digits (11, 8), where float32 keeps 24.
 */
export function reducedUniform(n: number, dtype: DType, draw32: () => number): Float32Array {
  const digits = dtype === 'float16' ? 11 : 8;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (draw32() & ((1 << digits) - 1)) * 2 ** -digits;
  return data;
}

// PyTorch 1.13's CPU kernels that have no float16 form, by the engine function that reaches them, with the
// kernel name its error gives. bfloat16 has them all.
const NO_HALF_KERNEL: Record<string, string> = {
  exp: 'exp_vml_cpu',
  log: 'log_vml_cpu',
  log2: 'log2_vml_cpu',
  log10: 'log10_vml_cpu',
  log1p: 'log1p_vml_cpu',
  expm1: 'expm1_vml_cpu',
  sqrt: 'sqrt_vml_cpu',
  rsqrt: 'rsqrt_cpu',
  sin: 'sin_vml_cpu',
  cos: 'cos_vml_cpu',
  tan: 'tan_vml_cpu',
  tanh: 'tanh_vml_cpu',
  sigmoid: 'sigmoid_cpu',
  relu: 'clamp_min_cpu',
  clamp: 'clamp_scalar_cpu',
  clamp_min: 'clamp_min_cpu',
  clamp_max: 'clamp_max_cpu',
  softmax: 'softmax_lastdim_kernel_impl',
  log_softmax: 'log_softmax_lastdim_kernel_impl',
  cross_entropy: 'log_softmax_lastdim_kernel_impl',
  matmul: 'addmm_impl_cpu_',
  mm: 'addmm_impl_cpu_',
  bmm: 'bmm',
  linear: 'addmm_impl_cpu_',
  addmm: 'addmm_impl_cpu_',
  cumsum: 'cumsum_out_cpu',
  cumprod: 'cumprod_out_cpu',
  layer_norm: 'LayerNormKernelImpl',
  gelu: 'GeluKernelImpl',
  conv1d: 'slow_conv2d_cpu',
  conv2d: 'slow_conv2d_cpu',
};

// Engine functions whose Python-number operands PyTorch casts to the op's dtype first (a wrapped number
// becomes a 0-d tensor of the common dtype): float16 `x * 1.1` multiplies by 1.0996.
const SCALAR_OPERANDS = new Set([
  'add', 'sub', 'mul', 'div', 'pow', 'rsub', 'rdiv', 'rpow', 'maximum', 'minimum',
  'add_', 'sub_', 'mul_', 'div_', 'pow_', 'fmod', 'remainder',
]); // prettier-ignore

/** Each tensor among `args` (and inside an array argument: cat, stack), for the dtype scan. */
function forEachTensor(args: readonly unknown[], visit: (t: Tensor) => void): void {
  for (const a of args) {
    if (a instanceof Tensor) visit(a);
    else if (Array.isArray(a)) for (const b of a) if (b instanceof Tensor) visit(b);
  }
}

/** Whether any tensor argument is float16 or bfloat16 (the bridge's test before every call). */
export function hasReducedFloat(args: readonly unknown[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof Tensor) {
      if (a.dtype === 'float16' || a.dtype === 'bfloat16') return true;
    } else if (Array.isArray(a)) {
      for (const b of a) if (b instanceof Tensor && (b.dtype === 'float16' || b.dtype === 'bfloat16')) return true;
    }
  }
  return false;
}

/**
 * torch.result_type over the tensor arguments (dimensioned tensors decide, 0-d ones only lift the category) and
 * the Python numbers (only lift the category): float16 with a float32 vector is float32, with 2.5 float16.
 */
function resultDType(args: readonly unknown[]): DType | null {
  let dims: DType | null = null;
  let zeros: DType | null = null;
  let scalarFloat = false;
  forEachTensor(args, (t) => {
    if (t.shape.length > 0) dims = dims === null ? t.dtype : promoteTwo(dims, t.dtype);
    else zeros = zeros === null ? t.dtype : promoteTwo(zeros, t.dtype);
  });
  for (const a of args) if (typeof a === 'number' && !Number.isInteger(a)) scalarFloat = true;
  let out: DType | null = dims ?? zeros;
  if (out !== null && dims !== null && zeros !== null && !isFloatDType(out) && isFloatDType(zeros)) out = zeros;
  if (out !== null && scalarFloat && !isFloatDType(out)) out = 'float32';
  return out;
}

const RANK: Partial<Record<DType, number>> = { float16: 6, bfloat16: 6, float32: 7, float64: 8 };

function promoteTwo(a: DType, b: DType): DType {
  if (a === b) return a;
  if (isReducedFloat(a) && isReducedFloat(b)) return 'float32';
  return (RANK[a] ?? 0) >= (RANK[b] ?? 0) ? a : b;
}

/**
 * Runs engine function `name` (`f`) over arguments some of which are float16/bfloat16 tensors: they pass as
 * float32 for the call, tensors it wrote in place are rounded back, and float32 results become the promoted
 * reduced dtype, rounded. Autograd through these dtypes is not supported (PyTorch's backward rounds after every
 * op of the backward pass too): an op that records a node over one raises NotImplementedError.
 */
export function runInReducedFloat(name: string, f: (...a: unknown[]) => unknown, args: unknown[]): unknown {
  const reduced: [Tensor, DType, number][] = [];
  forEachTensor(args, (t) => {
    if (isReducedFloat(t.dtype)) reduced.push([t, t.dtype, t.version]);
  });
  const out = resultDType(args);
  if (out === 'float16' && name in NO_HALF_KERNEL) {
    throw runtimeError(`"${NO_HALF_KERNEL[name]}" not implemented for 'Half'`);
  }
  if (out !== null && isReducedFloat(out) && SCALAR_OPERANDS.has(name)) {
    const round = out === 'float16' ? toFloat16 : toBFloat16;
    args = args.map((a) => (typeof a === 'number' ? round(a) : a));
  }
  const relabel = (t: Tensor, d: DType) => ((t as { dtype: DType }).dtype = d);
  for (const [t] of reduced) relabel(t, 'float32');
  let result: unknown;
  try {
    result = f(...args);
  } finally {
    for (const [t, d] of reduced) relabel(t, d);
  }
  for (const [t, d, version] of reduced) if (t.version !== version) roundStorage(t, d);
  const inputs = new Set(reduced.map(([t]) => t));
  const settle = (r: unknown): void => {
    if (r instanceof Tensor) {
      if (r.gradFn !== null && !inputs.has(r) && reduced.some(([t]) => t.requiresGrad)) {
        // The op recorded a node over a float16/bfloat16 input: its backward would have to round as PyTorch's does.
        throw pyError(
          'NotImplementedError',
          `autograd through ${reduced[0][1]} tensors is not supported by Backprop Lens (compute in float32: x.float())`,
        );
      }
      if (!inputs.has(r) && r.dtype === 'float32' && out !== null && isReducedFloat(out)) {
        roundStorage(r, out);
        relabel(r, out);
      }
    } else if (Array.isArray(r)) r.forEach(settle);
  };
  settle(result);
  return result;
}

/** Rounds a tensor's storage (its base's, for a view) to `dtype`. */
function roundStorage(t: Tensor, dtype: DType): void {
  const storage: Storage = t.layout !== null ? t.layout.root : t.data;
  if (storage instanceof Float32Array) roundToReducedFloat(storage, dtype);
}
