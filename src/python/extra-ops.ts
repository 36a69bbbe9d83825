// Tensor operations the Python API needs that the engine does not provide as such: factories
// (torch.zeros/arange/linspace/...), in-place arithmetic (`w -= lr * w.grad`), dtype casts, and the
// indexing-based ops (narrow, split, unbind, index_select, gather, ...). Numerics follow PyTorch 1.13's CPU
// kernels where the result is visible in printed output (linspace, arange).
import { Node, isGradEnabled } from '../engine/autograd';
import { DType, Tensor, allocate } from '../engine/tensor';
import { fmtShape, numel, sameShape, stridesOf } from '../engine/shape';
import { castStorage, asTensor } from '../engine/ops/util';
import { getitem, IndexItem } from './indexing';

const f32 = Math.fround;

function runtimeError(message: string): Error {
  const err = new Error(message);
  err.name = 'RuntimeError';
  return err;
}

function make(dtype: DType, shape: number[], requiresGrad: boolean, fill = 0): Tensor {
  const data = allocate(dtype, numel(shape));
  if (fill !== 0) data.fill(fill);
  return new Tensor(data, shape, dtype, requiresGrad);
}

/** torch.tensor(data) from a flat list of numbers/booleans and a shape. */
export function tensorFrom(flat: ArrayLike<number | boolean>, shape: number[], dtype: DType, requiresGrad: boolean): Tensor {
  const data = allocate(dtype, flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = Number(flat[i]);
    data[i] = dtype === 'int64' ? Math.trunc(v) : dtype === 'bool' ? (v !== 0 ? 1 : 0) : v;
  }
  return new Tensor(data, shape, dtype, requiresGrad);
}

export const zeros = (shape: number[], dtype: DType, requiresGrad: boolean): Tensor => make(dtype, shape, requiresGrad);
export const ones = (shape: number[], dtype: DType, requiresGrad: boolean): Tensor => make(dtype, shape, requiresGrad, 1);
export function full(shape: number[], value: number | boolean, dtype: DType, requiresGrad: boolean): Tensor {
  return make(dtype, shape, requiresGrad, Number(value));
}

/** torch.arange: size ceil((end - start) / step), values start + step * i computed in double. */
export function arange(start: number, end: number, step: number, dtype: DType, requiresGrad: boolean): Tensor {
  const size = Math.ceil((end - start) / step);
  if (!(size >= 0) || !Number.isFinite(size)) {
    throw runtimeError('upper bound and larger bound inconsistent with step sign');
  }
  const data = allocate(dtype, size);
  for (let i = 0; i < size; i++) data[i] = start + step * i;
  return new Tensor(data, [size], dtype, requiresGrad);
}

/**
 * torch.linspace on the CPU (1.13, float32): step = (end - start) / (steps - 1) in float; the first half
 * counts up from start, the second half down from end. The kernel fills pairs of 8-wide vectors
 * (base + k * step, with base from the scalar formula at the vector's first index) and finishes the tail
 * with the scalar formula; the same rounding is reproduced here.
 */
export function linspace(start: number, end: number, steps: number, dtype: DType, requiresGrad: boolean): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const data = allocate(dtype, steps);
  if (steps === 1) data[0] = start;
  else if (steps > 1) {
    if (dtype === 'float32') {
      const s = f32(start);
      const e = f32(end);
      const step = f32(f32(e - s) / (steps - 1));
      const half = Math.floor(steps / 2);
      const scalar = (idx: number) => (idx < half ? f32(s + f32(step * idx)) : f32(e - f32(step * (steps - idx - 1))));
      const VEC = 8;
      let i = 0;
      for (; i <= steps - 2 * VEC; i += 2 * VEC) {
        for (const b of [i, i + VEC]) {
          const base = scalar(b);
          for (let k = 0; k < VEC; k++) data[b + k] = f32(base + f32(k * step));
        }
      }
      for (; i < steps; i++) data[i] = scalar(i);
    } else {
      const step = (end - start) / (steps - 1);
      const half = Math.floor(steps / 2);
      for (let i = 0; i < steps; i++) data[i] = Math.trunc(i < half ? start + step * i : end - step * (steps - i - 1));
    }
  }
  return new Tensor(data, [steps], dtype, requiresGrad);
}

export function eye(n: number, m: number, dtype: DType, requiresGrad: boolean): Tensor {
  const t = make(dtype, [n, m], false);
  for (let i = 0; i < Math.min(n, m); i++) t.data[i * m + i] = 1;
  t.requiresGrad = requiresGrad;
  return t;
}

/** A 0-d float32 tensor: how a Python float with an integral value (2.0) keeps its float dtype. */
export function floatScalar(v: number): Tensor {
  return new Tensor(new Float32Array([v]), [], 'float32');
}

/** `.float()`, `.long()`, `.bool()`, `.to(dtype)`: a copy in the new dtype (differentiable float->float only). */
export function cast(t: Tensor, dtype: DType): Tensor {
  if (t.dtype === dtype) return t;
  return new Tensor(castStorage(t.data, dtype), t.shape, dtype);
}

/**
 * In-place arithmetic (`a += b`, `a.mul_(b)`): the out-of-place result written into a's buffer. When
 * autograd records (a non-leaf, or an input that requires grad), `a` takes the result's grad_fn and the op
 * sees a snapshot of a's old values, so the graph stays acyclic and correct.
 */
export function inplace(a: Tensor, b: Tensor | number | boolean, op: (x: Tensor, y: Tensor | number | boolean) => Tensor): Tensor {
  const recording = isGradEnabled() && (a.requiresGrad || (b instanceof Tensor && b.requiresGrad));
  a.checkInplace();
  const source = recording ? new Tensor(a.data.slice(), a.shape, a.dtype, a.requiresGrad, a.gradFn) : a;
  const result = op(source, b);
  if (!sameShape(result.shape, a.shape)) {
    throw runtimeError(`output with shape ${fmtShape(a.shape)} doesn't match the broadcast shape ${fmtShape(result.shape)}`);
  }
  if (result.dtype !== a.dtype && a.dtype !== 'float32') {
    throw runtimeError(`result type ${dtypeTitle(result.dtype)} can't be cast to the desired output type ${dtypeTitle(a.dtype)}`);
  }
  a.data.set(result.data);
  if (recording) {
    a.gradFn = result.gradFn;
    a.requiresGrad = true;
  }
  return a;
}

function dtypeTitle(d: DType): string {
  return d === 'float32' ? 'Float' : d === 'int64' ? 'Long' : 'Bool';
}

/** `.data = other`: the tensor now holds other's buffer and shape. */
export function setData(t: Tensor, src: Tensor): void {
  t.data = src.data;
  t.shape = src.shape.slice();
  (t as { dtype: DType }).dtype = src.dtype;
}

function fullSlices(n: number): IndexItem[] {
  return Array.from({ length: n }, () => [null, null, null] as IndexItem);
}

function normDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (dim < -n || dim >= n) {
    const err = new Error(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
    err.name = 'IndexError';
    throw err;
  }
  return dim < 0 ? dim + n : dim;
}

export function narrow(t: Tensor, dim: number, start: number, length: number): Tensor {
  const d = normDim(dim, t.shape.length);
  if (start < 0) start += t.shape[d];
  if (start < 0 || start + length > t.shape[d]) {
    throw runtimeError(`start (${start}) + length (${length}) exceeds dimension size (${t.shape[d]}).`);
  }
  return getitem(t, [...fullSlices(d), [start, start + length, 1]]);
}

export function split(t: Tensor, sizes: number[], dim: number): Tensor[] {
  const d = normDim(dim, t.shape.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== t.shape[d]) {
    throw runtimeError(`split_with_sizes expects split_sizes to sum exactly to ${t.shape[d]} (input tensor's size at dimension ${d}), but got split_sizes=[${sizes.join(', ')}]`);
  }
  const out: Tensor[] = [];
  let start = 0;
  for (const s of sizes) {
    out.push(getitem(t, [...fullSlices(d), [start, start + s, 1]]));
    start += s;
  }
  return out;
}

export function unbind(t: Tensor, dim: number): Tensor[] {
  const d = normDim(dim, t.shape.length);
  const out: Tensor[] = [];
  for (let i = 0; i < t.shape[d]; i++) out.push(getitem(t, [...fullSlices(d), i]));
  return out;
}

export function index_select(t: Tensor, dim: number, index: Tensor): Tensor {
  const d = normDim(dim, t.shape.length);
  return getitem(t, [...fullSlices(d), index.shape.length === 0 ? new Tensor(index.data, [1], index.dtype) : index]);
}

/** torch.gather: out[i][j] = t[index[i][j]][j] (dim 0), etc. */
export function gather(t: Tensor, dim: number, index: Tensor): Tensor {
  const d = normDim(dim, t.shape.length);
  if (index.shape.length !== t.shape.length) {
    throw runtimeError('Index tensor must have the same number of dimensions as input tensor');
  }
  const st = stridesOf(t.shape);
  const ist = stridesOf(index.shape);
  const n = index.data.length;
  const offsets = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let rest = i;
    let off = 0;
    for (let k = 0; k < index.shape.length; k++) {
      const c = Math.floor(rest / ist[k]);
      rest %= ist[k];
      let v = k === d ? index.data[i] : c;
      if (k === d && (v < -t.shape[d] || v >= t.shape[d])) {
        const err = new Error(`index ${v} is out of bounds for dimension ${d} with size ${t.shape[d]}`);
        err.name = 'IndexError';
        throw err;
      }
      if (v < 0) v += t.shape[k];
      off += v * st[k];
    }
    offsets[i] = off;
  }
  return gatherOffsets(t, offsets, index.shape.slice(), 'GatherBackward0');
}

function gatherOffsets(t: Tensor, offsets: Int32Array, shape: number[], name: string): Tensor {
  const out = allocate(t.dtype, offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = t.data[offsets[i]];
  if (t.dtype !== 'float32' || !(t.requiresGrad && isGradEnabled())) return new Tensor(out, shape, t.dtype);
  const size = t.data.length;
  return new Tensor(out, shape, 'float32', true, new Node(name, [t], (g) => {
    const gx = new Float32Array(size);
    for (let i = 0; i < offsets.length; i++) gx[offsets[i]] += g[i];
    return [gx];
  }));
}

export function nonzero(t: Tensor): Tensor {
  const nd = t.shape.length;
  const st = stridesOf(t.shape);
  const rows: number[] = [];
  let count = 0;
  for (let i = 0; i < t.data.length; i++) {
    if (!t.data[i]) continue;
    let rest = i;
    for (let k = 0; k < nd; k++) {
      rows.push(Math.floor(rest / st[k]));
      rest %= st[k];
    }
    count++;
  }
  return new Tensor(Float64Array.from(rows), [count, nd], 'int64');
}

export function one_hot(t: Tensor, numClasses: number): Tensor {
  if (t.dtype !== 'int64') throw runtimeError('one_hot is only applicable to index tensor.');
  let n = numClasses;
  if (n < 0) {
    n = 0;
    for (let i = 0; i < t.data.length; i++) n = Math.max(n, t.data[i] + 1);
  }
  const out = new Float64Array(t.data.length * n);
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i];
    if (v < 0 || v >= n) throw runtimeError('Class values must be smaller than num_classes.');
    out[i * n + v] = 1;
  }
  return new Tensor(out, [...t.shape, n], 'int64');
}

/** sort / topk along a dim: values and int64 indices (a stable sort; ties keep their order). */
export function sortAlong(t: Tensor, dim: number, descending: boolean, k: number | null): [Tensor, Tensor] {
  const d = normDim(dim, t.shape.length);
  const shape = t.shape.length === 0 ? [1] : t.shape;
  const size = shape[d];
  const kk = k === null ? size : k;
  if (kk > size) throw runtimeError('selected index k out of range');
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < d; i++) outer *= shape[i];
  for (let i = d + 1; i < shape.length; i++) inner *= shape[i];
  const outShape = t.shape.length === 0 ? [] : t.shape.slice();
  if (t.shape.length) outShape[d] = kk;
  const idxData = new Float64Array(outer * kk * inner);
  const offsets = new Int32Array(outer * kk * inner);
  const order = new Array<number>(size);
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      const base = a * size * inner + b;
      for (let i = 0; i < size; i++) order[i] = i;
      const val = (i: number) => t.data[base + i * inner];
      order.sort((x, y) => {
        const vx = val(x);
        const vy = val(y);
        // NaN sorts as the largest value, as in PyTorch.
        if (Number.isNaN(vx) || Number.isNaN(vy)) return Number.isNaN(vx) === Number.isNaN(vy) ? x - y : Number.isNaN(vx) ? (descending ? -1 : 1) : descending ? 1 : -1;
        return vx === vy ? x - y : descending ? vy - vx : vx - vy;
      });
      for (let i = 0; i < kk; i++) {
        const o = a * kk * inner + i * inner + b;
        idxData[o] = order[i];
        offsets[o] = base + order[i] * inner;
      }
    }
  }
  const values = gatherOffsets(t, offsets, outShape, k === null ? 'SortBackward0' : 'TopkBackward0');
  return [values, new Tensor(idxData, outShape, 'int64')];
}

function triangle(t: Tensor, diagonal: number, upper: boolean): Tensor {
  if (t.shape.length < 2) throw runtimeError(`${upper ? 'triu' : 'tril'}: input tensor must have at least 2 dimensions`);
  const r = t.shape[t.shape.length - 2];
  const c = t.shape[t.shape.length - 1];
  const keep = new Uint8Array(t.data.length);
  for (let i = 0; i < t.data.length; i++) {
    const col = i % c;
    const row = Math.floor(i / c) % r;
    keep[i] = (upper ? col - row >= diagonal : col - row <= diagonal) ? 1 : 0;
  }
  const out = allocate(t.dtype, t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = keep[i] ? t.data[i] : 0;
  if (t.dtype !== 'float32' || !(t.requiresGrad && isGradEnabled())) return new Tensor(out, t.shape, t.dtype);
  return new Tensor(out, t.shape, 'float32', true, new Node(upper ? 'TriuBackward0' : 'TrilBackward0', [t], (g) => {
    const gx = new Float32Array(g.length);
    for (let i = 0; i < g.length; i++) gx[i] = keep[i] ? g[i] : 0;
    return [gx];
  }));
}

export const tril = (t: Tensor, diagonal: number): Tensor => triangle(t, diagonal, false);
export const triu = (t: Tensor, diagonal: number): Tensor => triangle(t, diagonal, true);

export function diag(t: Tensor, diagonal: number): Tensor {
  if (t.shape.length === 1) {
    const n = t.shape[0] + Math.abs(diagonal);
    const out = allocate(t.dtype, n * n);
    for (let i = 0; i < t.shape[0]; i++) {
      const r = diagonal >= 0 ? i : i - diagonal;
      const c = diagonal >= 0 ? i + diagonal : i;
      out[r * n + c] = t.data[i];
    }
    return new Tensor(out, [n, n], t.dtype);
  }
  if (t.shape.length !== 2) throw runtimeError('diag(): Supports 1D or 2D tensors. Got ' + t.shape.length + 'D');
  const [r, c] = t.shape;
  const offsets: number[] = [];
  for (let i = 0; i < Math.min(r, c); i++) {
    const row = diagonal >= 0 ? i : i - diagonal;
    const col = diagonal >= 0 ? i + diagonal : i;
    if (row < r && col < c) offsets.push(row * c + col);
  }
  return gatherOffsets(t, Int32Array.from(offsets), [offsets.length], 'DiagBackward0');
}

/** masked_fill_ / clamp_ / fill_ style writes: `a`'s buffer replaced by `result`'s values. */
export function writeInto(a: Tensor, result: Tensor): Tensor {
  a.checkInplace();
  a.data.set(result.data);
  return a;
}

export { asTensor };
