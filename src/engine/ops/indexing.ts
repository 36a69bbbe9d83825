// Python indexing of tensors, `x[spec]` and `x[spec] = v`, with PyTorch's rules: integers select (and drop
// the dim), slices keep it, None inserts a unit dim, Ellipsis fills the rest, and integer or bool tensors
// gather (advanced indexing, whose dims go where the first index tensor was, or to the front when the index
// tensors are not adjacent). Basic results (ints, slices, None) are views of the tensor's storage, as in
// PyTorch: one row-major block (x[0], x[1:3]) shares the buffer, a strided one (x[:, 1], x[::2]) keeps a
// strided layout (strided.ts) so writes through it reach the original; advanced results are copies.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { Shape, broadcastShapes, fmtShape, normDim, numel, stridesOf } from '../shape';
import { binaryPlan, castStorage, promote, reduceThrough } from './util';
import { scatterOffsets } from './gradOps';
import { rebaseHistory } from './inplace';
import { asViewOf } from './view';

export interface Slice {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
}

export type IndexItem = number | Slice | null | 'ellipsis' | Tensor | readonly number[] | boolean;

interface ViewDim {
  size: number;
  stride: number;
  /** Advanced index values for this dim (already wrapped to non-negative), with their shape. */
  adv: { values: ArrayLike<number>; shape: number[] } | null;
}

interface IndexPlan {
  shape: number[];
  /** Source offset of every output element, or null when the output is the block [base, base + n). */
  offsets: Int32Array | null;
  base: number;
  name: string;
  /** Per output dim, the stride in the indexed tensor's storage (basic plans only). */
  strides?: number[];
}

function isSlice(x: IndexItem): x is Slice {
  return typeof x === 'object' && x !== null && !(x instanceof Tensor) && !Array.isArray(x);
}

/** Python slice semantics: clamps start/stop into range, negative values count from the end. */
export function sliceRange(s: Slice, size: number): { start: number; len: number; step: number } {
  const step = s.step ?? 1;
  if (step <= 0) {
    throw pyError('ValueError', step === 0 ? 'slice step cannot be zero' : 'step must be greater than zero');
  }
  const norm = (v: number | null | undefined, dflt: number) => {
    if (v === null || v === undefined) return dflt;
    if (v < 0) v += size;
    return Math.min(Math.max(v, 0), size);
  };
  const start = norm(s.start, 0);
  const stop = norm(s.stop, size);
  const len = stop > start ? Math.ceil((stop - start) / step) : 0;
  return { start, len, step };
}

function outOfRange(k: number, dim: number, size: number): Error {
  return pyError('IndexError', `index ${k} is out of bounds for dimension ${dim} with size ${size}`);
}

type PlainItem = Exclude<IndexItem, readonly number[]>;

/** Lists become index tensors; a 0-d integer tensor acts as a plain integer unless other index tensors make it advanced. */
function normaliseItems(spec: readonly IndexItem[]): PlainItem[] {
  const items = spec.map((it) => (Array.isArray(it) ? listToIndex(it) : it)) as PlainItem[];
  if (items.some((it) => it instanceof Tensor && (it.ndim > 0 || it.dtype === 'bool'))) return items;
  return items.map((it) => (it instanceof Tensor && it.dtype === 'int64' ? it.data[0] : it));
}

/** How many source dims the items consume (None and Ellipsis consume none; a bool mask consumes its ndim). */
function consumedDims(items: readonly PlainItem[], ndim: number): number {
  let consumed = 0;
  let ellipses = 0;
  for (const it of items) {
    if (it === 'ellipsis') ellipses++;
    else if (it === null || typeof it === 'boolean') continue;
    else if (it instanceof Tensor && it.dtype === 'bool') consumed += Math.max(it.ndim, 0);
    else consumed++;
  }
  if (ellipses > 1) throw pyError('IndexError', "an index can only have a single ellipsis ('...')");
  if (consumed > ndim) throw pyError('IndexError', `too many indices for tensor of dimension ${ndim}`);
  return consumed;
}

/**
 * The dims an index tensor contributes at source dim `src`: one advanced dim for an integer tensor, one per
 * mask dim for a bool mask (its nonzero positions). Returns the next source dim.
 */
function pushTensorIndex(dims: ViewDim[], it: Tensor, t: Tensor, strides: readonly number[], src: number): number {
  if (it.dtype === 'bool') {
    for (let k = 0; k < it.ndim; k++) {
      if (it.shape[k] !== t.shape[src + k]) {
        throw pyError(
          'IndexError',
          `The shape of the mask ${fmtShape(it.shape)} at index ${k} does not match the shape of the indexed tensor ${fmtShape(t.shape)} at index ${src + k}`,
        );
      }
    }
    const nz = nonzeroCoords(it);
    for (let k = 0; k < it.ndim; k++) {
      dims.push({ size: t.shape[src], stride: strides[src], adv: { values: nz[k], shape: [nz[k].length] } });
      src++;
    }
    // x[torch.tensor(True)]: a unit (or empty) leading dim.
    if (it.ndim === 0) dims.push({ size: it.data[0] ? 1 : 0, stride: 0, adv: null });
    return src;
  }
  if (it.dtype !== 'int64') throw pyError('IndexError', 'tensors used as indices must be long, byte or bool tensors');
  const size = t.shape[src];
  const vals = new Float64Array(it.data.length);
  for (let i = 0; i < vals.length; i++) {
    const k = it.data[i];
    if (k < -size || k >= size) throw outOfRange(k, src, size);
    vals[i] = k < 0 ? k + size : k;
  }
  dims.push({ size, stride: strides[src], adv: { values: vals, shape: it.shape.slice() } });
  return src + 1;
}

/**
 * Normalises the spec (lists to tensors, bool masks to per-dim index tensors) and plans the gather over t's
 * row-major order (or over `strides`, t's strides in its storage, for the layout of a view).
 */
export function planIndex(t: Tensor, spec: readonly IndexItem[], strides = stridesOf(t.shape)): IndexPlan {
  const items = normaliseItems(spec);
  const consumed = consumedDims(items, t.ndim);
  const dims: ViewDim[] = [];
  let base = 0;
  let src = 0;
  let last = 'AliasBackward0';
  let anyAdv = false;
  const full = () => {
    dims.push({ size: t.shape[src], stride: strides[src], adv: null });
    src++;
  };
  for (const it of items) {
    if (it === 'ellipsis') {
      const fill = t.ndim - consumed;
      for (let k = 0; k < fill; k++) full();
    } else if (it === null || typeof it === 'boolean') {
      // None adds a unit dim; x[True] too, x[False] an empty one. Its stride is PyTorch's unsqueeze's
      // before the next source dim.
      const stride = src < t.ndim ? t.shape[src] * strides[src] : 1;
      dims.push({ size: it === false ? 0 : 1, stride, adv: null });
      last = 'UnsqueezeBackward0';
    } else if (typeof it === 'number') {
      const size = t.shape[src];
      if (!Number.isInteger(it))
        throw pyError(
          'IndexError',
          'only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices',
        );
      if (it < -size || it >= size) throw outOfRange(it, src, size);
      base += (it < 0 ? it + size : it) * strides[src];
      src++;
      last = 'SelectBackward0';
    } else if (it instanceof Tensor) {
      anyAdv = true;
      last = 'IndexBackward0';
      src = pushTensorIndex(dims, it, t, strides, src);
    } else if (isSlice(it)) {
      const r = sliceRange(it, t.shape[src]);
      base += r.start * strides[src];
      dims.push({ size: r.len, stride: strides[src] * r.step, adv: null });
      src++;
      last = 'SliceBackward0';
    }
  }
  while (src < t.ndim) full();
  if (!anyAdv) return basicPlan(dims, base, last);
  return advancedPlan(dims, base);
}

function listToIndex(list: readonly unknown[]): Tensor {
  const flat: number[] = [];
  const shape: number[] = [];
  let isBool = false;
  const walk = (v: unknown, depth: number) => {
    if (Array.isArray(v)) {
      if (shape.length <= depth) shape.push(v.length);
      for (const e of v) walk(e, depth + 1);
    } else {
      if (typeof v === 'boolean') isBool = true;
      flat.push(Number(v));
    }
  };
  walk(list, 0);
  return isBool
    ? new Tensor(Uint8Array.from(flat), shape, 'bool')
    : new Tensor(Float64Array.from(flat), shape, 'int64');
}

function nonzeroCoords(mask: Tensor): Float64Array[] {
  const nd = mask.ndim;
  const strides = stridesOf(mask.shape);
  let count = 0;
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i]) count++;
  const out = Array.from({ length: nd }, () => new Float64Array(count));
  let j = 0;
  for (let i = 0; i < mask.data.length; i++) {
    if (!mask.data[i]) continue;
    let rem = i;
    for (let k = 0; k < nd; k++) {
      out[k][j] = Math.floor(rem / strides[k]);
      rem %= strides[k];
    }
    j++;
  }
  return out;
}

function basicPlan(dims: ViewDim[], base: number, name: string): IndexPlan {
  const shape = dims.map((d) => d.size);
  const n = numel(shape);
  const strides = dims.map((d) => d.stride);
  // One contiguous block when the dims, skipping unit ones, have row-major strides.
  let expect = 1;
  let contiguous = true;
  for (let i = dims.length - 1; i >= 0; i--) {
    if (dims[i].size === 1) continue;
    if (dims[i].stride !== expect) {
      contiguous = false;
      break;
    }
    expect *= dims[i].size;
  }
  if (contiguous) return { shape, offsets: null, base, name, strides };
  return { shape, offsets: walkOffsets(shape, strides, base, n), base, name, strides };
}

/** Offsets of an odometer walk over `sizes` with `strides` from `base`. */
function walkOffsets(sizes: number[], strides: number[], base: number, n: number): Int32Array {
  const out = new Int32Array(n);
  const nd = sizes.length;
  const idx = new Array<number>(nd).fill(0);
  let o = base;
  for (let i = 0; i < n; i++) {
    out[i] = o;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      o += strides[d];
      if (idx[d] < sizes[d]) break;
      o -= strides[d] * sizes[d];
      idx[d] = 0;
    }
  }
  return out;
}

function advancedPlan(dims: ViewDim[], base: number): IndexPlan {
  const advPos = dims.map((d, i) => (d.adv ? i : -1)).filter((i) => i >= 0);
  let bshape: number[] = [];
  for (const i of advPos) {
    try {
      bshape = broadcastShapes(bshape, dims[i].adv!.shape, 'index');
    } catch {
      const shapes = advPos.map((j) => fmtShape(dims[j].adv!.shape)).join(', ');
      throw pyError(
        'IndexError',
        `shape mismatch: indexing tensors could not be broadcast together with shapes ${shapes}`,
      );
    }
  }
  const adjacent = advPos[advPos.length - 1] - advPos[0] === advPos.length - 1;
  const before = adjacent ? dims.slice(0, advPos[0]).filter((d) => !d.adv) : [];
  const after = adjacent ? dims.slice(advPos[0]).filter((d) => !d.adv) : dims.filter((d) => !d.adv);
  const shape = [...before.map((d) => d.size), ...bshape, ...after.map((d) => d.size)];
  const n = numel(shape);
  const nb = numel(bshape);
  // Offset contributed by each broadcast index position (sum over the index tensors).
  const advOff = new Float64Array(nb);
  for (const i of advPos) {
    const a = dims[i].adv!;
    const p = binaryPlan(bshape, a.shape, 'index');
    for (let j = 0; j < nb; j++) advOff[j] += a.values[p.ib ? p.ib[j] : a.values.length === 1 ? 0 : j] * dims[i].stride;
  }
  const nBefore = numel(before.map((d) => d.size));
  const nAfter = numel(after.map((d) => d.size));
  const offBefore = walkOffsets(
    before.map((d) => d.size),
    before.map((d) => d.stride),
    0,
    nBefore,
  );
  const offAfter = walkOffsets(
    after.map((d) => d.size),
    after.map((d) => d.stride),
    0,
    nAfter,
  );
  const offsets = new Int32Array(n);
  let k = 0;
  for (let a = 0; a < nBefore; a++) {
    for (let j = 0; j < nb; j++) {
      const o = base + offBefore[a] + advOff[j];
      for (let c = 0; c < nAfter; c++) offsets[k++] = o + offAfter[c];
    }
  }
  return { shape, offsets, base, name: 'IndexBackward0' };
}

/** x[spec] */
export function index(t: Tensor, spec: readonly IndexItem[] | IndexItem): Tensor {
  const items = Array.isArray(spec) ? (spec as readonly IndexItem[]) : [spec as IndexItem];
  const p = planIndex(t, items);
  const n = numel(p.shape);
  let data;
  // A block of a strided view's gathered copy is not the storage's memory: copied (asViewOf links it).
  if (p.offsets === null)
    data = t.layout?.gathered ? t.data.slice(p.base, p.base + n) : t.data.subarray(p.base, p.base + n);
  else {
    data = allocate(t.dtype, n);
    const o = p.offsets;
    const x = t.data;
    for (let i = 0; i < n; i++) data[i] = x[o[i]];
  }
  // Basic indexing gives a view of t's storage; gathered (advanced) results are fresh tensors.
  const asView = (r: Tensor) => (p.name === 'IndexBackward0' ? r : viewOfIndex(r, t, items, p));
  if (!isFloatDType(t.dtype) || !(t.requiresGrad && isGradEnabled())) return asView(new Tensor(data, p.shape, t.dtype));
  const size = t.data.length;
  const node = new Node(p.name, [t], (g) => {
    if (p.offsets === null) {
      const r = floats(size);
      r.set(g, p.base);
      return [r];
    }
    return [reduceThrough(g, p.offsets, size)];
  });
  // create_graph: the gradient is a scatter-add into t's shape, recorded (its own gradient gathers back).
  const offsets = p.offsets ?? Int32Array.from({ length: n }, (_, i) => p.base + i);
  node.diff = (g) => [scatterOffsets(g, offsets, t.shape)];
  return asView(new Tensor(data, p.shape, t.dtype, true, node));
}

/** Links a basic indexing result to t's storage: the plan over t's own strides gives offset and strides. */
function viewOfIndex(r: Tensor, t: Tensor, items: readonly IndexItem[], p: IndexPlan): Tensor {
  const l = t.layout;
  if (l === null) return asViewOf(r, t, p.base, p.strides!);
  const q = planIndex(t, items, l.strides as number[]);
  return asViewOf(r, t, l.offset + q.base, q.strides!);
}

/** x[spec] = value (in place), broadcasting value to the indexed shape. Records CopySlices under autograd. */
export function setitem(t: Tensor, spec: readonly IndexItem[] | IndexItem, value: Tensor | number | boolean): void {
  const items = Array.isArray(spec) ? (spec as readonly IndexItem[]) : [spec as IndexItem];
  const p = planIndex(t, items);
  const n = numel(p.shape);
  let v: Tensor;
  if (value instanceof Tensor) {
    v = value;
    if (promote(v.dtype, t.dtype) !== t.dtype && v.data.length > 0) {
      // PyTorch casts silently on assignment (float into an int tensor truncates).
      v = new Tensor(castStorage(v.data, t.dtype), v.shape, t.dtype);
    }
  } else {
    const s = allocate(t.dtype, 1);
    s[0] = Number(value);
    v = new Tensor(s, [], t.dtype);
  }
  // The value must broadcast to the indexed shape (leading unit dims of the value may be dropped).
  const vShape = v.shape.slice();
  while (vShape.length > p.shape.length && vShape[0] === 1) vShape.shift();
  let vOff: Int32Array | null = null;
  try {
    const bp = binaryPlan(p.shape, vShape, 'setitem');
    if (numel(bp.shape) !== n) throw new Error('mismatch');
    vOff = bp.ib;
  } catch {
    throw pyError('RuntimeError', expandError(v.shape, p.shape));
  }
  const at = (i: number) => (vOff ? vOff[i] : v.data.length === 1 ? 0 : i);
  const write = () => {
    const x = t.data;
    if (p.offsets === null) for (let i = 0; i < n; i++) x[p.base + i] = v.data[at(i)];
    else for (let i = 0; i < n; i++) x[p.offsets[i]] = v.data[at(i)];
  };
  const recording = isGradEnabled() && isFloatDType(t.dtype) && (t.requiresGrad || v.requiresGrad);
  t.checkInplace();
  if (!recording) {
    write();
    t.wrote();
    return;
  }
  const positions = p.offsets ?? Int32Array.from({ length: n }, (_, i) => p.base + i);
  const vSize = v.data.length;
  rebaseHistory(t, p.name === 'IndexBackward0' ? 'IndexPutBackward0' : 'CopySlices', [v], (g) => {
    // The overwritten elements pass no gradient to the old tensor; they pass it to the value instead.
    const gOld = g.slice();
    for (let i = 0; i < n; i++) gOld[positions[i]] = 0;
    let gv: Float32Array | null = null;
    if (v.requiresGrad) {
      const picked = floats(n);
      for (let i = 0; i < n; i++) picked[i] = g[positions[i]];
      gv = vSize === n ? picked : reduceThrough(picked, vOff ?? new Int32Array(n), vSize);
    }
    return [gOld, gv];
  });
  write();
  t.wrote();
}

/** PyTorch's text when the assigned value cannot be expanded to the indexed shape. */
function expandError(from: Shape, to: Shape): string {
  const lead = to.length - from.length;
  for (let i = to.length - 1; i >= 0; i--) {
    const own = i >= lead ? from[i - lead] : 1;
    if (own !== 1 && own !== to[i]) {
      return `The expanded size of the tensor (${to[i]}) must match the existing size (${own}) at non-singleton dimension ${i}.  Target sizes: ${fmtShape(to)}.  Tensor sizes: ${fmtShape(from)}`;
    }
  }
  return `shape mismatch: value tensor of shape ${fmtShape(from)} cannot be broadcast to indexing result of shape ${fmtShape(to)}`;
}

/** x.narrow(dim, start, length): a slice along one dim. */
export function narrow(t: Tensor, dim: number, start: number, length: number): Tensor {
  const spec: IndexItem[] = [];
  const d = dim < 0 ? dim + t.ndim : dim;
  for (let i = 0; i < d; i++) spec.push({});
  spec.push({ start, stop: start + length });
  return index(t, spec);
}

/** torch.index_select(t, dim, idx) */
export function index_select(t: Tensor, dim: number, idx: Tensor): Tensor {
  const d = normDim(dim, t.ndim);
  if (idx.ndim > 1) throw pyError('IndexError', 'index_select(): Index is supposed to be a vector');
  if (idx.dtype !== 'int64' && idx.dtype !== 'int32') {
    throw pyError('RuntimeError', 'index_select(): Expected dtype int32 or int64 for index');
  }
  // No negative indices here (unlike t[idx]); PyTorch's dim-1 kernel words its range error differently.
  const size = t.ndim === 0 ? 1 : t.shape[d];
  for (const k of idx.data) {
    if (k >= 0 && k < size) continue;
    if (d === 1 && t.ndim > 1) {
      throw pyError('RuntimeError', `INDICES element is out of DATA bounds, id=${k} axis_dim=${size}`);
    }
    throw pyError('IndexError', 'index out of range in self');
  }
  const spec: IndexItem[] = [];
  for (let i = 0; i < d; i++) spec.push({});
  const asLong = idx.dtype === 'int64' ? idx : new Tensor(Float64Array.from(idx.data), idx.shape.slice(), 'int64');
  spec.push(idx.ndim === 0 ? new Tensor(asLong.data, [1], 'int64') : asLong);
  const r = index(t, spec);
  if (r.gradFn) (r.gradFn as { name: string }).name = 'IndexSelectBackward0';
  return r;
}

/** torch.gather(t, dim, idx): out[i][j] = t[i][idx[i][j]] along dim. */
export function gather(t: Tensor, dim: number, idx: Tensor): Tensor {
  const d = dim < 0 ? dim + t.ndim : dim;
  if (idx.ndim !== t.ndim)
    throw pyError('RuntimeError', 'Index tensor must have the same number of dimensions as input tensor');
  const strides = stridesOf(t.shape);
  const ishape = idx.shape;
  const n = idx.data.length;
  const istrides = stridesOf(ishape);
  const offsets = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let rem = i;
    let o = 0;
    for (let k = 0; k < ishape.length; k++) {
      const c = Math.floor(rem / istrides[k]);
      rem %= istrides[k];
      let at = k === d ? idx.data[i] : c;
      if (k === d) {
        if (at < -t.shape[d] || at >= t.shape[d]) throw outOfRange(at, d, t.shape[d]);
        if (at < 0) at += t.shape[d];
      }
      o += at * strides[k];
    }
    offsets[i] = o;
  }
  const out = allocate(t.dtype, n);
  for (let i = 0; i < n; i++) out[i] = t.data[offsets[i]];
  if (!isFloatDType(t.dtype) || !(t.requiresGrad && isGradEnabled())) return new Tensor(out, ishape, t.dtype);
  const node = new Node('GatherBackward0', [t], (g) => [reduceThrough(g, offsets, t.data.length)]);
  node.diff = (g) => [scatterOffsets(g, offsets, t.shape)];
  return new Tensor(out, ishape, 'float32', true, node);
}

/** Positions of the nonzero elements, shape [count, ndim] (torch.nonzero). */
export function nonzero(t: Tensor): Tensor {
  const coords = nonzeroCoords(t);
  const count = coords.length ? coords[0].length : t.data[0] ? 1 : 0;
  const out = new Float64Array(count * t.ndim);
  for (let i = 0; i < count; i++) for (let k = 0; k < t.ndim; k++) out[i * t.ndim + k] = coords[k][i];
  const r = new Tensor(out, [count, t.ndim], 'int64');
  r.nonContiguous = true; // PyTorch fills it transposed
  return r;
}

export function masked_select(t: Tensor, mask: Tensor): Tensor {
  return index(t, [mask]);
}

export type { Shape };
