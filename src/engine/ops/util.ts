// Helpers every op file shares: Python-flavoured errors, dtype promotion, wrapping JS numbers as tensors,
// and the broadcast plan that binary ops loop over.
import { pyError } from '../errors';
import { Tensor, DType, Storage, allocate, floats } from '../tensor';
import { Shape, fmtShape, numel, sameShape, stridesOf } from '../shape';

export type TensorLike = Tensor | number | boolean;

const RANK: Record<DType, number> = { bool: 0, int64: 1, float32: 2 };

/** PyTorch's type promotion restricted to our three dtypes: bool < int64 < float32. */
export function promote(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The dtype a bare Python scalar takes next to a tensor of `other` dtype (wrapped numbers only lift the category). */
export function scalarDType(v: number | boolean, other: DType): DType {
  const own: DType = typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int64' : 'float32';
  return promote(own, other);
}

/** Turns a JS number into a 0-d tensor of the dtype it takes beside `other`; tensors pass through. */
export function asTensor(v: TensorLike, other?: TensorLike): Tensor {
  if (v instanceof Tensor) return v;
  const otherDType: DType =
    other instanceof Tensor ? other.dtype : typeof other === 'number' && !Number.isInteger(other) ? 'float32' : 'bool';
  const dtype = scalarDType(v, otherDType);
  const data = allocate(dtype, 1);
  data[0] = Number(v);
  return new Tensor(data, [], dtype);
}

// 0-d tensors standing for a Python float (PyTorch's "wrapped numbers"): Python passes `2.0` this way because
// JS cannot tell it from `2`. Ops that name their node after a scalar operand (rsub, pow) treat them as scalars.
const wrappedNumbers = new WeakSet<Tensor>();

/** A 0-d float32 tensor for the Python float `v`: keeps its float dtype and still counts as a scalar operand. */
export function floatScalar(v: number): Tensor {
  const t = new Tensor(new Float32Array([v]), [], 'float32');
  wrappedNumbers.add(t);
  return t;
}

/** Whether an operand is a Python scalar: a JS number or boolean, or a float made by floatScalar. */
export function isScalarOperand(x: TensorLike): boolean {
  return !(x instanceof Tensor) || wrappedNumbers.has(x);
}

/** Converts storage to another dtype (same values; float -> int truncates toward zero, like PyTorch). */
export function castStorage(data: Storage, to: DType): Storage {
  const out = allocate(to, data.length);
  if (to === 'int64') for (let i = 0; i < data.length; i++) out[i] = Math.trunc(data[i]);
  else if (to === 'bool') for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
  else out.set(data);
  return out;
}

/** Float32 data of a tensor (copying int/bool storage), for ops that always compute in float. */
export function floatData(t: Tensor): Float32Array {
  return t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
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

/** Broadcast shape of two operands; the error gives PyTorch's text, then the op and both shapes. */
export function broadcast(a: Shape, b: Shape, op: string): number[] {
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
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}` +
          ` (${op}: shapes ${fmtShape(a)} and ${fmtShape(b)})`,
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
  return new Tensor(out, p.shape, dtype);
}

/** Index of operand A's (B's) element under output element i of a plan. */
export function indexA(p: BinaryPlan, i: number): number {
  return p.mode === SAME || p.mode === B_SCALAR ? i : p.mode === A_SCALAR ? 0 : p.ia![i];
}
export function indexB(p: BinaryPlan, i: number): number {
  return p.mode === SAME || p.mode === A_SCALAR ? i : p.mode === B_SCALAR ? 0 : p.ib![i];
}

/** Gradient of one operand: the output gradient summed over the dims that operand was broadcast along, scaled. */
export function reduceTo(g: Float32Array, offsets: Int32Array | null, size: number, scale = 1): Float32Array {
  let r: Float32Array;
  if (size === g.length) r = g;
  else if (size === 1) r = new Float32Array([sumAll(g)]);
  else r = reduceThrough(g, offsets!, size);
  if (scale === 1) return r;
  const out = floats(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r[i] * scale;
  return out;
}

/** Sums a gradient of the plan's output shape down to one operand's shape, through its offsets. */
export function reduceThrough(g: ArrayLike<number>, offsets: Int32Array, size: number): Float32Array {
  const out = new Float32Array(size);
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

export function sumAll(g: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i];
  return s;
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
  if (t.dtype !== 'float32') {
    throw pyError(
      'RuntimeError',
      `${op}(): expected a floating point tensor, got ${t.dtype === 'int64' ? 'Long' : 'Bool'}`,
    );
  }
}

export function dtypeName(d: DType): string {
  return d === 'float32' ? 'Float' : d === 'int64' ? 'Long' : 'Bool';
}
