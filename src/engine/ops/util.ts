// Helpers every op file shares: Python-flavoured errors, dtype promotion, wrapping JS numbers as tensors,
// and the broadcast plan that binary ops loop over.
import { pyError } from '../errors';
import { Tensor, DType, Storage, allocate, floats } from '../tensor';
import { defaultFloatDType, inFloat64Mode, isFloatDType } from '../buffers';
import { Shape, numel, sameShape, stridesOf } from '../shape';
import { cascadeSum, cascadeSumDims } from './cascadeSum';
import { roundToReducedFloat } from '../reducedFloat';

export type TensorLike = Tensor | number | boolean;

const RANK: Record<DType, number> = {
  bool: 0,
  uint8: 1,
  int8: 2,
  int16: 3,
  int32: 4,
  int64: 5,
  float16: 6,
  bfloat16: 6,
  float32: 7,
  float64: 8,
};

/**
 * PyTorch's type promotion table (promoteTypes): the wider dtype, except uint8 with int8 is int16 and float16
 * with bfloat16 is float32.
 */
export function promote(a: DType, b: DType): DType {
  if ((a === 'uint8' && b === 'int8') || (a === 'int8' && b === 'uint8')) return 'int16';
  if ((a === 'float16' && b === 'bfloat16') || (a === 'bfloat16' && b === 'float16')) return 'float32';
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * PyTorch's combine_categories: a lower-priority operand (a 0-d tensor beside dimensioned ones, a Python
 * scalar beside tensors) only changes the dtype when it is of a higher category (bool < integer < float).
 */
export function combineCategories(higher: DType, lower: DType): DType {
  if (isFloatDType(higher)) return higher;
  if (higher === 'bool' || isFloatDType(lower)) return promote(higher, lower);
  return higher;
}

/**
 * The result dtype of a binary op over two tensors (torch.result_type): dimensioned tensors decide, a 0-d
 * tensor only lifts the category (float32 vector * float64 0-d tensor is float32).
 */
export function promoteOperands(a: Tensor, b: Tensor): DType {
  if (a.dtype === b.dtype) return a.dtype;
  const za = a.shape.length === 0;
  const zb = b.shape.length === 0;
  if (za === zb) return promote(a.dtype, b.dtype);
  return za ? combineCategories(b.dtype, a.dtype) : combineCategories(a.dtype, b.dtype);
}

/** The dtype a bare Python scalar takes next to a tensor of `other` dtype (wrapped numbers only lift the category). */
export function scalarDType(v: number | boolean, other: DType): DType {
  const own: DType = typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int64' : defaultFloatDType();
  return combineCategories(other, own);
}

/** Turns a JS number into a 0-d tensor of the dtype it takes beside `other`; tensors pass through. */
export function asTensor(v: TensorLike, other?: TensorLike): Tensor {
  if (v instanceof Tensor) return v;
  const otherDType: DType =
    other instanceof Tensor
      ? other.dtype
      : typeof other === 'number' && !Number.isInteger(other)
        ? defaultFloatDType()
        : 'bool';
  const dtype = scalarDType(v, otherDType);
  const data = allocate(dtype, 1);
  data[0] = Number(v);
  return new Tensor(data, [], dtype);
}

// 0-d tensors standing for a Python float (PyTorch's "wrapped numbers"): Python passes `2.0` this way because
// JS cannot tell it from `2`. Ops that name their node after a scalar operand (rsub, pow) treat them as scalars.
const wrappedNumbers = new WeakSet<Tensor>();

/** A 0-d float tensor for the Python float `v`: keeps its float dtype and still counts as a scalar operand. */
export function floatScalar(v: number): Tensor {
  const d = defaultFloatDType();
  const t = new Tensor(d === 'float64' ? new Float64Array([v]) : new Float32Array([v]), [], d);
  wrappedNumbers.add(t);
  return t;
}

/** Whether an operand is a Python scalar: a JS number or boolean, or a float made by floatScalar. */
export function isScalarOperand(x: TensorLike): boolean {
  return !(x instanceof Tensor) || wrappedNumbers.has(x);
}

/**
 * Whether an op over these arguments computes in float64 (torch.result_type of its tensor operands is
 * float64): a dimensioned float64 tensor, or a 0-d one beside no dimensioned float32 tensor, or no float
 * tensor at all while the default dtype is float64. Python scalars (floatScalar) do not count.
 */
export function computesInFloat64(args: readonly unknown[]): boolean {
  if (defaultFloatDType() === 'float32' && !hasFloat64(args)) return false;
  let dim64 = false;
  let zero64 = false;
  let dim32 = false;
  let zero32 = false;
  for (const a of args) {
    if (!(a instanceof Tensor)) continue;
    if (a.dtype === 'float64') {
      if (a.shape.length > 0) dim64 = true;
      else zero64 = true;
    } else if (a.dtype === 'float32' && !wrappedNumbers.has(a)) {
      if (a.shape.length > 0) dim32 = true;
      else zero32 = true;
    }
  }
  if (dim64 || (zero64 && !dim32)) return true;
  return !dim32 && !zero32 && !zero64 && defaultFloatDType() === 'float64';
}

/** The quick test behind computesInFloat64: most calls have no float64 tensor at all. */
function hasFloat64(args: readonly unknown[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof Tensor && a.dtype === 'float64') return true;
  }
  return false;
}

/** Converts storage to another dtype (same values; float -> int truncates toward zero, like PyTorch). */
export function castStorage(data: Storage, to: DType): Storage {
  const out = allocate(to, data.length);
  if (to === 'bool') for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
  else if (to === 'float32' || to === 'float64') out.set(data);
  else if (to === 'float16' || to === 'bfloat16') {
    out.set(data);
    roundToReducedFloat(out as Float32Array, to);
  } else {
    for (let i = 0; i < data.length; i++) out[i] = Math.trunc(data[i]);
    wrapInts(out, to);
  }
  return out;
}

/** Integer results of a narrow dtype wrap around as C integers do (uint8 200 * 2 is 144). */
export function wrapInts(out: Storage, dtype: DType): void {
  if (dtype === 'int32') for (let i = 0; i < out.length; i++) out[i] = out[i] | 0;
  else if (dtype === 'int16') for (let i = 0; i < out.length; i++) out[i] = (out[i] << 16) >> 16;
  else if (dtype === 'int8') for (let i = 0; i < out.length; i++) out[i] = (out[i] << 24) >> 24;
  else if (dtype === 'uint8') for (let i = 0; i < out.length; i++) out[i] = out[i] & 255;
}

/** Float data of a tensor (copying int/bool storage), for ops that always compute in float. */
export function floatData(t: Tensor): Float32Array {
  if (t.data instanceof Float32Array) return t.data;
  if (t.dtype === 'float64') return t.data as unknown as Float32Array;
  return inFloat64Mode() ? (Float64Array.from(t.data) as unknown as Float32Array) : Float32Array.from(t.data);
}

export const SAME = 0;
export const B_SCALAR = 1;
export const A_SCALAR = 2;
export const GENERAL = 3;

/**
 * How a binary op walks its operands: equal shapes, one side a single broadcast value, or (GENERAL) per-output
 * offsets into each input. The offsets also give the reverse step for free: scatter-adding a gradient through
 * them sums it back over the broadcast dims.
 */
export interface BinaryPlan {
  shape: number[];
  /** Number of output elements. */
  n: number;
  mode: number;
  ia: Int32Array | null;
  ib: Int32Array | null;
}

export function binaryPlan(aShape: Shape, bShape: Shape, op: string): BinaryPlan {
  if (sameShape(aShape, bShape)) return { shape: aShape.slice(), n: numel(aShape), mode: SAME, ia: null, ib: null };
  const shape = broadcast(aShape, bShape, op);
  const n = numel(shape);
  if (numel(bShape) === 1 && sameShape(shape, aShape)) return { shape, n, mode: B_SCALAR, ia: null, ib: null };
  if (numel(aShape) === 1 && sameShape(shape, bShape)) return { shape, n, mode: A_SCALAR, ia: null, ib: null };
  // Training loops repeat the same shapes every step: reuse the (read-only) offset tables.
  const key = `${aShape.join(',')}|${bShape.join(',')}`;
  let cached = planCache.get(key);
  if (!cached) {
    if (planCache.size >= 256) planCache.clear();
    cached = { ia: broadcastOffsets(aShape, shape, n), ib: broadcastOffsets(bShape, shape, n) };
    planCache.set(key, cached);
  }
  return { shape, n, mode: GENERAL, ia: cached.ia, ib: cached.ib };
}

const planCache = new Map<string, { ia: Int32Array; ib: Int32Array }>();

/**
 * Broadcast shape of two operands. The error is PyTorch's text exactly (learners print caught errors and
 * compare them with PyTorch's); `_op` names the operation for readers of the call sites.
 */
export function broadcast(a: Shape, b: Shape, _op: string): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  // From the last dim backwards, as PyTorch checks (so its message names the same dim).
  for (let i = n - 1; i >= 0; i--) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw pyError(
        'RuntimeError',
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
  }
  return out;
}

/** For every element of `outShape` (row-major), the offset of the element of `shape` broadcast onto it. */
export function broadcastOffsets(shape: Shape, outShape: Shape, n = numel(outShape)): Int32Array {
  const nd = outShape.length;
  const lead = nd - shape.length;
  const own = stridesOf(shape);
  const st = new Array<number>(nd).fill(0);
  for (let i = 0; i < shape.length; i++) st[i + lead] = shape[i] === 1 ? 0 : own[i];
  const out = new Int32Array(n);
  if (nd === 0 || n === 0) return out;
  // Fast path for the innermost dim, odometer over the rest.
  const last = outShape[nd - 1];
  const sLast = st[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let base = 0;
  for (let i = 0; i < n; i += last) {
    for (let j = 0; j < last; j++) out[i + j] = base + j * sLast;
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      base += st[d];
      if (idx[d] < outShape[d]) break;
      base -= st[d] * outShape[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** Generic broadcasting map for the rarer binary ops (comparisons, integer pow, remainder...): no gradient. */
export function binaryMap(A: Tensor, B: Tensor, op: string, dtype: DType, f: (x: number, y: number) => number): Tensor {
  const p = binaryPlan(A.shape, B.shape, op);
  const x = A.data;
  const y = B.data;
  const n = p.n;
  const out = allocate(dtype, n);
  if (p.mode === SAME) for (let i = 0; i < n; i++) out[i] = f(x[i], y[i]);
  else if (p.mode === B_SCALAR) for (let i = 0; i < n; i++) out[i] = f(x[i], y[0]);
  else if (p.mode === A_SCALAR) for (let i = 0; i < n; i++) out[i] = f(x[0], y[i]);
  else for (let i = 0; i < n; i++) out[i] = f(x[p.ia![i]], y[p.ib![i]]);
  if (dtype !== 'int64' && dtype !== 'bool' && !isFloatDType(dtype)) wrapInts(out, dtype);
  return new Tensor(out, p.shape, dtype);
}

/** Index of operand A's (B's) element under output element i of a plan. */
export function indexA(p: BinaryPlan, i: number): number {
  return p.mode === SAME || p.mode === B_SCALAR ? i : p.mode === A_SCALAR ? 0 : p.ia![i];
}
export function indexB(p: BinaryPlan, i: number): number {
  return p.mode === SAME || p.mode === A_SCALAR ? i : p.mode === B_SCALAR ? 0 : p.ib![i];
}

/**
 * Gradient of one operand of a broadcasting op: the output gradient g (contiguous, of `outShape`) scaled,
 * then summed down to the operand's `shape` as PyTorch's sum_to does it, `grad.sum(dims, keepdim=True)` in
 * its own float order (cascadeSum.ts): a bias's gradient then equals `dlogits.sum(0)` bit for bit.
 */
export function reduceTo(g: Float32Array, outShape: Shape, shape: Shape, scale = 1): Float32Array {
  let s = g;
  if (scale !== 1) {
    // PyTorch multiplies first (sub's -grad, add's alpha * grad), then reduces.
    s = floats(g.length);
    for (let i = 0; i < g.length; i++) s[i] = g[i] * scale;
  }
  const size = numel(shape);
  if (size === g.length) return s;
  const r = floats(size);
  if (size === 1) {
    r[0] = cascadeSum(s);
    return r;
  }
  const lead = outShape.length - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < outShape.length; i++) if (i < lead || (shape[i - lead] === 1 && outShape[i] !== 1)) dims.push(i);
  cascadeSumDims(s, outShape, dims, r);
  return r;
}

/** Sums a gradient of the plan's output shape down to one operand's shape, through its offsets. */
export function reduceThrough(g: ArrayLike<number>, offsets: Int32Array, size: number): Float32Array {
  const out = floats(size);
  // Accumulate in float64: a broadcast operand can collect many terms.
  if (size === 1) {
    let s = 0;
    for (let i = 0; i < g.length; i++) s += g[i];
    out[0] = s;
    return out;
  }
  const acc = new Float64Array(size);
  for (let i = 0; i < g.length; i++) acc[offsets[i]] += g[i];
  out.set(acc);
  return out;
}

/** Dims of a reduction normalised and sorted; `dim` may be one dim, a list, or undefined/null (all). */
export function normDims(dim: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (dim === undefined || dim === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof dim === 'number' ? [dim] : dim.slice();
  const out: number[] = [];
  for (const d of list) {
    const nd = normDimChecked(d, ndim);
    if (out.includes(nd)) throw pyError('RuntimeError', `dim ${nd} appears multiple times in the list of dims`);
    out.push(nd);
  }
  return out.sort((x, y) => x - y);
}

export function normDimChecked(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -n || dim >= n) {
    throw pyError(
      'IndexError',
      `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`,
    );
  }
  return dim < 0 ? dim + n : dim;
}

/** outer x size x inner decomposition of `shape` around one dim. */
export function splitAt(shape: Shape, dim: number): { outer: number; size: number; inner: number } {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < dim; i++) outer *= shape[i];
  for (let i = dim + 1; i < shape.length; i++) inner *= shape[i];
  return { outer, size: shape.length === 0 ? 1 : shape[dim], inner };
}

export function requireFloat(t: Tensor, op: string): void {
  if (!isFloatDType(t.dtype)) {
    throw pyError('RuntimeError', `${op}(): expected a floating point tensor, got ${dtypeName(t.dtype)}`);
  }
}

const SCALAR_NAMES: Record<DType, string> = {
  float32: 'Float',
  float64: 'Double',
  float16: 'Half',
  bfloat16: 'BFloat16',
  int64: 'Long',
  int32: 'Int',
  int16: 'Short',
  int8: 'Char',
  uint8: 'Byte',
  bool: 'Bool',
};

/** PyTorch's ScalarType name, as its error messages say it ('Float', 'Double', 'Long', ...). */
export function dtypeName(d: DType): string {
  return SCALAR_NAMES[d];
}

/** PyTorch's legacy type name of a CPU tensor, as errors print it: torch.FloatTensor, torch.DoubleTensor, ... */
export function tensorTypeName(d: DType): string {
  return `torch.${SCALAR_NAMES[d]}Tensor`;
}
