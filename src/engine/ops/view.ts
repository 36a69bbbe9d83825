// Shape and layout ops: view/reshape/flatten/squeeze/unsqueeze share the buffer; transpose/permute/expand
// return views of the same storage (strided.ts: a strided layout plus a gathered copy that kernels read);
// cat/stack/repeat copy.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, DType, Storage, allocate, floats, isFloatDType } from '../tensor';
import { isReducedFloat } from '../buffers';
import { Shape, fmtShape, numel, sameShape, stridesOf } from '../shape';
import { contiguousStrides, makeLayout, viewStrides } from '../strided';
import { broadcastOffsets, normDimChecked, promote, reduceThrough, reduceTo, splitAt } from './util';
import { blockOffsets, gatherOffsets, sumTo, viewDiff } from './gradOps';

function recording(t: Tensor): boolean {
  return t.requiresGrad && isGradEnabled();
}

/** Where `t`'s elements live: its storage, offset and strides (a plain tensor: its own buffer, row-major). */
export function viewInfo(t: Tensor): { root: Storage; offset: number; strides: readonly number[] } {
  return t.layout ?? { root: t.data, offset: 0, strides: contiguousStrides(t.shape) };
}

/**
 * Makes `r`, whose buffer holds the view's current values, a view of `src`'s storage with `strides` from
 * `offset` (its buffer becomes the storage's own memory when the view is one row-major block).
 */
export function asViewOf(r: Tensor, src: Tensor, offset: number, strides: readonly number[]): Tensor {
  const { layout, data } = makeLayout(viewInfo(src).root, offset, r.shape, strides, r.data);
  r.data = data;
  r.layout = layout;
  r.nonContiguous = false;
  return r.viewOf(src);
}

/**
 * A tensor sharing `t`'s buffer with a new shape; the gradient is the same numbers in t's shape. A view of a
 * storage keeps it, with `strides` (by default PyTorch's computeStride, which callers have checked).
 */
function alias(
  t: Tensor,
  shape: number[],
  name: string,
  strides?: readonly number[],
  diff: (g: Tensor) => Tensor[] = viewDiff(t),
): Tensor {
  const node = isFloatDType(t.dtype) && recording(t) ? new Node(name, [t], (g) => [g], diff) : null;
  const r = new Tensor(t.data, shape, t.dtype, node !== null, node).viewOf(t);
  const l = t.layout;
  if (l !== null) r.layout = { ...l, strides: strides ?? viewStrides(t.shape, l.strides, shape)! };
  // Adding or dropping unit dims keeps PyTorch's (non-)contiguity.
  r.nonContiguous = t.nonContiguous;
  return r;
}

/** Strides of a view of `t` as `to` (undefined for a tensor without layout), or null when no view can be. */
function aliasStrides(t: Tensor, to: Shape): readonly number[] | null | undefined {
  if (t.layout !== null) return viewStrides(t.shape, t.layout.strides, to);
  return t.nonContiguous && !onlyUnitDimsChange(t.shape, to) ? null : undefined;
}

/** squeeze_()/unsqueeze_(): t takes `shape` (unit dims added or dropped) and keeps its storage. */
export function setShapeInPlace(t: Tensor, shape: number[]): void {
  const l = t.layout;
  if (l !== null) t.layout = { ...l, strides: viewStrides(t.shape, l.strides, shape)! };
  t.shape = shape;
}

/**
 * resize_() to the same number of elements (old tutorials flatten a batch with `images.resize_(64, 784)`):
 * t takes `shape` over its storage in place, as a view would. A tensor that requires grad is refused as
 * PyTorch refuses it; a size change or a non-contiguous tensor (both read raw storage) is not supported.
 */
export function resizeInPlace(t: Tensor, shape: number[]): void {
  if (t.requiresGrad) throw pyError('RuntimeError', 'cannot resize variables that require grad');
  if (shape.some((s) => !Number.isInteger(s) || s < 0)) {
    throw pyError('RuntimeError', 'numel: integer multiplication overflow');
  }
  if (numel(shape) !== numel(t.shape) || !t.is_contiguous()) {
    throw pyError(
      'NotImplementedError',
      `resize_ from ${fmtShape(t.shape)} to ${fmtShape(shape)} is not supported by Backprop Lens: only a contiguous ` +
        'tensor keeping its number of elements can be resized (use .view() or .reshape())',
    );
  }
  const l = t.layout;
  if (l !== null) t.layout = { ...l, strides: contiguousStrides(shape) };
  t.shape = shape;
}

/** Resolves one -1 in a requested shape against `n` elements, with PyTorch's messages. */
export function inferShape(shape: readonly number[], n: number): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i];
    if (s === -1) {
      if (infer >= 0) throw pyError('RuntimeError', 'only one dimension can be inferred');
      infer = i;
    } else if (!Number.isInteger(s) || s < 0) {
      throw pyError('RuntimeError', `invalid shape dimension ${s}`);
    } else known *= s;
  }
  const out = shape.slice();
  if (infer >= 0) {
    if (known === 0 || n % known !== 0)
      throw pyError('RuntimeError', `shape '${fmtShape(shape)}' is invalid for input of size ${n}`);
    out[infer] = n / known;
  } else if (known !== n) {
    throw pyError('RuntimeError', `shape '${fmtShape(shape)}' is invalid for input of size ${n}`);
  }
  return out;
}

/** True when a view to `to` only adds or drops unit dims (always possible, even on a non-contiguous tensor). */
function onlyUnitDimsChange(from: Shape, to: Shape): boolean {
  return sameShape(
    from.filter((s) => s !== 1),
    to.filter((s) => s !== 1),
  );
}

export function view(t: Tensor, ...shape: (number | readonly number[])[]): Tensor {
  const to = inferShape(flatShape(shape), t.numel());
  const strides = aliasStrides(t, to);
  if (strides === null) {
    throw pyError(
      'RuntimeError',
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  return alias(t, to, 'ViewBackward0', strides);
}

/**
 * reshape: a view when PyTorch could make one (1.13 records _reshape_alias), else a copy (PyTorch clones
 * and records _unsafe_view).
 */
export function reshape(t: Tensor, ...shape: (number | readonly number[])[]): Tensor {
  const to = inferShape(flatShape(shape), t.numel());
  const strides = aliasStrides(t, to);
  if (strides === null) {
    const node = recording(t) ? new Node('UnsafeViewBackward0', [t], (g) => [g], viewDiff(t)) : null;
    return new Tensor(t.data.slice(), to, t.dtype, node !== null, node);
  }
  return alias(t, to, 'ReshapeAliasBackward0', strides);
}

/** Accepts both `view(2, 3)` and `view([2, 3])`. */
export function flatShape(shape: readonly (number | readonly number[])[]): number[] {
  if (shape.length === 1 && typeof shape[0] !== 'number') return shape[0].slice();
  return shape as number[];
}

export function flatten(t: Tensor, startDim = 0, endDim = -1): Tensor {
  if (t.ndim === 0) return reshape(t, [1]);
  const s = normDimChecked(startDim, t.ndim);
  const e = normDimChecked(endDim, t.ndim);
  if (s > e) throw pyError('RuntimeError', 'flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return t;
  const shape = [...t.shape.slice(0, s), numel(t.shape.slice(s, e + 1)), ...t.shape.slice(e + 1)];
  return reshape(t, shape);
}

export function unflatten(t: Tensor, dim: number, sizes: readonly number[]): Tensor {
  const d = normDimChecked(dim, t.ndim);
  const inner = inferShape(sizes, t.shape[d]);
  return alias(t, [...t.shape.slice(0, d), ...inner, ...t.shape.slice(d + 1)], 'ViewBackward0');
}

/**
 * Drops the unit dims `drop` selects, with their strides. Its derivative for create_graph puts them back one
 * unsqueeze at a time, lowest first, as PyTorch's unsqueeze_to (so a second derivative's grad_fn is
 * UnsqueezeBackward0, not a reshape).
 */
function dropUnitDims(t: Tensor, drop: (i: number) => boolean, name: string): Tensor {
  const keep = (_: number, i: number) => !(t.shape[i] === 1 && drop(i));
  const dropped = t.shape.map((_, i) => i).filter((i) => !keep(0, i));
  const restore = (g: Tensor) => [dropped.reduce((r, d) => unsqueeze(r, d), g)];
  return alias(t, t.shape.filter(keep), name, t.layout?.strides.filter(keep), restore);
}

export function squeeze(t: Tensor, dim?: number | null): Tensor {
  if (dim === undefined || dim === null) return dropUnitDims(t, () => true, 'SqueezeBackward0');
  const d = normDimChecked(dim, t.ndim);
  return dropUnitDims(t, (i) => i === d, 'SqueezeBackward1');
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const d = normDimChecked(dim, t.ndim + 1);
  const shape = t.shape.slice();
  shape.splice(d, 0, 1);
  // Its derivative for create_graph is squeeze(d) (PyTorch's SqueezeBackward1).
  const back = (g: Tensor) => [squeeze(g, d)];
  const l = t.layout;
  if (l === null) return alias(t, shape, 'UnsqueezeBackward0', undefined, back);
  // PyTorch's stride of the new dim: the extent of the dim it goes before (1 at the end).
  const strides = l.strides.slice();
  strides.splice(d, 0, d >= t.ndim ? 1 : t.shape[d] * l.strides[d]);
  return alias(t, shape, 'UnsqueezeBackward0', strides, back);
}

/** Copies `data` of `shape` into the layout of its dims reordered by `perm` (out dim i = in dim perm[i]). */
export function permuteData(data: Storage, shape: Shape, perm: readonly number[], out: Storage): void {
  const nd = shape.length;
  const inStrides = stridesOf(shape);
  const oShape = perm.map((p) => shape[p]);
  const st = perm.map((p) => inStrides[p]);
  const n = data.length;
  if (n === 0) return;
  if (nd === 2 && perm[0] === 1) {
    const [r, c] = shape;
    for (let i = 0; i < c; i++) for (let j = 0; j < r; j++) out[i * r + j] = data[j * c + i];
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  let src = 0;
  for (let i = 0; i < n; i++) {
    out[i] = data[src];
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      src += st[d];
      if (idx[d] < oShape[d]) break;
      src -= st[d] * oShape[d];
      idx[d] = 0;
    }
  }
}

function permuteWith(t: Tensor, perm: number[], name: string): Tensor {
  const shape = perm.map((p) => t.shape[p]);
  const out = allocate(t.dtype, t.data.length);
  permuteData(t.data, t.shape, perm, out);
  const src = viewInfo(t);
  const view = (r: Tensor) =>
    asViewOf(
      r,
      t,
      src.offset,
      perm.map((p) => src.strides[p]),
    );
  if (!isFloatDType(t.dtype)) return view(new Tensor(out, shape, t.dtype));
  const inverse = new Array<number>(perm.length);
  for (let i = 0; i < perm.length; i++) inverse[perm[i]] = i;
  const node = recording(t)
    ? new Node(
        name,
        [t],
        (g) => {
          const r = floats(g.length);
          permuteData(g, shape, inverse, r);
          return [r];
        },
        (g) => [permute(g, inverse)],
      )
    : null;
  return view(Tensor.result(out as Float32Array, shape, node));
}

export function permute(t: Tensor, ...dims: (number | readonly number[])[]): Tensor {
  const perm = flatShape(dims).map((d) => normDimChecked(d, t.ndim));
  if (perm.length !== t.ndim || new Set(perm).size !== perm.length) {
    throw pyError(
      'RuntimeError',
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.ndim} is not equal to len(dims) = ${perm.length}`,
    );
  }
  return permuteWith(t, perm, 'PermuteBackward0');
}

export function transpose(t: Tensor, dim0: number, dim1: number): Tensor {
  if (t.ndim === 0) return alias(t, [], 'TransposeBackward0');
  const a = normDimChecked(dim0, t.ndim);
  const b = normDimChecked(dim1, t.ndim);
  const perm = t.shape.map((_, i) => i);
  perm[a] = b;
  perm[b] = a;
  if (a === b) return alias(t, t.shape.slice(), 'TransposeBackward0');
  return permuteWith(t, perm, 'TransposeBackward0');
}

/** `.t()`: only for tensors of at most 2 dims. */
export function t(x: Tensor): Tensor {
  if (x.ndim > 2) throw pyError('RuntimeError', `t() expects a tensor with <= 2 dimensions, but self is ${x.ndim}D`);
  if (x.ndim < 2) return alias(x, x.shape.slice(), 'TBackward0');
  return permuteWith(x, [1, 0], 'TBackward0');
}

/** `.T`: all dims reversed (PermuteBackward0; 2-D is the common case). */
export function T(x: Tensor): Tensor {
  if (x.ndim < 2) return alias(x, x.shape.slice(), 'PermuteBackward0');
  return permuteWith(
    x,
    x.shape.map((_, i) => x.ndim - 1 - i),
    'PermuteBackward0',
  );
}

/** Itself when already contiguous; otherwise a copy (PyTorch clones: CloneBackward0). */
export function contiguous(x: Tensor): Tensor {
  return x.is_contiguous() ? x : clone(x);
}

/** Same buffer, no history (`x.detach()`). */
export function detach(x: Tensor): Tensor {
  return x.detach();
}

export function clone(x: Tensor): Tensor {
  const node = recording(x)
    ? new Node(
        'CloneBackward0',
        [x],
        (g) => [g],
        (g) => [g],
      )
    : null;
  return new Tensor(x.data.slice(), x.shape, x.dtype, node !== null, node);
}

/** Materialised broadcast to `sizes` (-1 keeps a dim); the gradient sums back over the expanded dims. */
export function expand(x: Tensor, ...sizes: (number | readonly number[])[]): Tensor {
  const want = flatShape(sizes);
  if (want.length < x.ndim) {
    throw pyError(
      'RuntimeError',
      `expand(torch.FloatTensor{${fmtShape(x.shape)}}, size=${fmtShape(want)}): the number of sizes provided (${want.length}) must be greater or equal to the number of dimensions in the tensor (${x.ndim})`,
    );
  }
  const lead = want.length - x.ndim;
  const shape = want.map((s, i) => {
    const own = i >= lead ? x.shape[i - lead] : 1;
    if (s === -1) {
      if (i < lead) throw pyError('RuntimeError', `expand: -1 is not allowed in a leading, non-existing dimension`);
      return own;
    }
    if (own !== 1 && own !== s) {
      throw pyError(
        'RuntimeError',
        `The expanded size of the tensor (${s}) must match the existing size (${own}) at non-singleton dimension ${i}.  Target sizes: ${fmtShape(want)}.  Tensor sizes: ${fmtShape(x.shape)}`,
      );
    }
    return s;
  });
  if (sameShape(shape, x.shape)) return alias(x, shape, 'ExpandBackward0');
  const n = numel(shape);
  const offs = broadcastOffsets(x.shape, shape, n);
  const out = allocate(x.dtype, n);
  const xs = x.data;
  for (let i = 0; i < n; i++) out[i] = xs[offs[i]];
  // An expanded tensor is a view with stride 0 along the expanded dims.
  const src = viewInfo(x);
  const strides = shape.map((s, i) => (i < lead || (x.shape[i - lead] === 1 && s !== 1) ? 0 : src.strides[i - lead]));
  if (!isFloatDType(x.dtype)) return asViewOf(new Tensor(out, shape, x.dtype), x, src.offset, strides);
  const node = recording(x)
    ? new Node(
        'ExpandBackward0',
        [x],
        // float32: PyTorch's sum_to, a float32 sum in its order (cascadeSum.ts), as normalize's gradient needs.
        (g) => [
          g instanceof Float32Array && x.data.length < n
            ? reduceTo(g, shape, x.shape)
            : reduceThrough(g, offs, x.data.length),
        ],
        (g) => [sumTo(g, x.shape)],
      )
    : null;
  return asViewOf(Tensor.result(out as Float32Array, shape, node), x, src.offset, strides);
}

export function expand_as(x: Tensor, other: Tensor): Tensor {
  return expand(x, other.shape);
}

export function broadcast_to(x: Tensor, shape: readonly number[]): Tensor {
  return expand(x, shape);
}

/** Concatenates along `dim`; dtypes promote as in PyTorch. */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw pyError('RuntimeError', 'torch.cat(): expected a non-empty list of Tensors');
  // PyTorch skips legacy empty 1-D tensors of shape [0].
  const parts = tensors.filter((x) => !(x.ndim === 1 && x.shape[0] === 0));
  if (parts.length === 0) return tensors[0];
  const ref = parts[0];
  if (ref.ndim === 0) throw pyError('RuntimeError', 'zero-dimensional tensor (at position 0) cannot be concatenated');
  const d = normDimChecked(dim, ref.ndim);
  let dtype: DType = ref.dtype;
  let total = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.ndim === 0)
      throw pyError('RuntimeError', `zero-dimensional tensor (at position ${k}) cannot be concatenated`);
    if (p.ndim !== ref.ndim) {
      throw pyError('RuntimeError', `Tensors must have same number of dimensions: got ${ref.ndim} and ${p.ndim}`);
    }
    for (let i = 0; i < ref.ndim; i++) {
      if (i !== d && p.shape[i] !== ref.shape[i]) {
        throw pyError(
          'RuntimeError',
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[i]} but got size ${p.shape[i]} for tensor number ${k} in the list.`,
        );
      }
    }
    dtype = promote(dtype, p.dtype);
    total += p.shape[d];
  }
  const shape = ref.shape.slice();
  shape[d] = total;
  const { outer, inner } = splitAt(shape, d);
  const out = allocate(dtype, numel(shape));
  const rowLen = total * inner;
  let at = 0;
  const starts: number[] = [];
  for (const p of parts) {
    const len = p.shape[d] * inner;
    starts.push(at);
    for (let o = 0; o < outer; o++) {
      const src = p.data.subarray(o * len, (o + 1) * len);
      if (dtype === p.dtype) out.set(src, o * rowLen + at);
      else for (let j = 0; j < len; j++) out[o * rowLen + at + j] = src[j];
    }
    at += len;
  }
  // float16/bfloat16 parts (reducedFloat.ts) keep their dtype; they carry no autograd.
  if (!isFloatDType(dtype) || isReducedFloat(dtype)) return new Tensor(out, shape, dtype);
  const needs = isGradEnabled() && parts.some((p) => p.requiresGrad);
  const node = needs
    ? new Node(
        'CatBackward0',
        parts,
        (g) =>
          parts.map((p, k) => {
            if (!p.requiresGrad) return null;
            const len = p.shape[d] * inner;
            const r = floats(p.data.length);
            for (let o = 0; o < outer; o++)
              r.set(g.subarray(o * rowLen + starts[k], o * rowLen + starts[k] + len), o * len);
            return r;
          }),
        // create_graph: each part's slab of g, gathered as a recorded op.
        (g) =>
          parts.map((p, k) =>
            p.requiresGrad
              ? gatherOffsets(g, blockOffsets(outer, rowLen, starts[k], p.shape[d] * inner), p.shape)
              : null,
          ),
      )
    : null;
  return Tensor.result(out as Float32Array, shape, node);
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw pyError('RuntimeError', 'stack expects a non-empty TensorList');
  const ref = tensors[0];
  for (let k = 1; k < tensors.length; k++) {
    if (!sameShape(tensors[k].shape, ref.shape)) {
      throw pyError(
        'RuntimeError',
        `stack expects each tensor to be equal size, but got ${fmtShape(ref.shape)} at entry 0 and ${fmtShape(tensors[k].shape)} at entry ${k}`,
      );
    }
  }
  const d = normDimChecked(dim, ref.ndim + 1);
  // Unsqueezed aliases without recording, then one cat; the recorded node is StackBackward0 on the originals.
  const parts = tensors.map((x) => {
    const shape = x.shape.slice();
    shape.splice(d, 0, 1);
    return new Tensor(x.data, shape, x.dtype);
  });
  const out = cat(parts, d);
  if (!isFloatDType(out.dtype) || !isGradEnabled() || !tensors.some((x) => x.requiresGrad)) return out;
  const { outer, inner } = splitAt(out.shape, d);
  const count = tensors.length;
  const node = new Node(
    'StackBackward0',
    tensors,
    (g) =>
      tensors.map((x, k) => {
        if (!x.requiresGrad) return null;
        const r = floats(x.data.length);
        for (let o = 0; o < outer; o++)
          r.set(g.subarray((o * count + k) * inner, (o * count + k + 1) * inner), o * inner);
        return r;
      }),
    (g) =>
      tensors.map((x, k) =>
        x.requiresGrad ? gatherOffsets(g, blockOffsets(outer, count * inner, k * inner, inner), x.shape) : null,
      ),
  );
  return Tensor.result(out.data as Float32Array, out.shape, node);
}

export function hstack(tensors: readonly Tensor[]): Tensor {
  return cat(tensors, tensors[0].ndim === 1 ? 0 : 1);
}

export function vstack(tensors: readonly Tensor[]): Tensor {
  return cat(
    tensors.map((x) => (x.ndim === 1 ? unsqueeze(x, 0) : x)),
    0,
  );
}

/** Tiles the tensor `sizes` times along each dim (leading new dims allowed). */
export function repeat(x: Tensor, ...sizes: (number | readonly number[])[]): Tensor {
  const reps = flatShape(sizes);
  if (reps.length < x.ndim) {
    throw pyError(
      'RuntimeError',
      'Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor',
    );
  }
  const lead = reps.length - x.ndim;
  const src = [...new Array<number>(lead).fill(1), ...x.shape];
  const shape = src.map((s, i) => s * reps[i]);
  const n = numel(shape);
  // Offset of each output element in the source: index modulo the source size per dim.
  const offs = new Int32Array(n);
  const srcStrides = stridesOf(src);
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let o = 0;
    for (let dd = 0; dd < shape.length; dd++) o += (idx[dd] % src[dd]) * srcStrides[dd];
    offs[i] = o;
    for (let dd = shape.length - 1; dd >= 0; dd--) {
      if (++idx[dd] < shape[dd]) break;
      idx[dd] = 0;
    }
  }
  const out = allocate(x.dtype, n);
  for (let i = 0; i < n; i++) out[i] = x.data[offs[i]];
  if (!isFloatDType(x.dtype)) return new Tensor(out, shape, x.dtype);
  const node = recording(x) ? new Node('RepeatBackward0', [x], (g) => [reduceThrough(g, offs, x.data.length)]) : null;
  return Tensor.result(out as Float32Array, shape, node);
}

export function flip(x: Tensor, dims: readonly number[]): Tensor {
  const ds = dims.map((d) => normDimChecked(d, x.ndim));
  const n = x.data.length;
  const offs = new Int32Array(n);
  const strides = stridesOf(x.shape);
  const idx = new Array<number>(x.ndim).fill(0);
  for (let i = 0; i < n; i++) {
    let o = 0;
    for (let d = 0; d < x.ndim; d++) o += (ds.includes(d) ? x.shape[d] - 1 - idx[d] : idx[d]) * strides[d];
    offs[i] = o;
    for (let d = x.ndim - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) break;
      idx[d] = 0;
    }
  }
  const out = allocate(x.dtype, n);
  for (let i = 0; i < n; i++) out[i] = x.data[offs[i]];
  if (!isFloatDType(x.dtype)) return new Tensor(out, x.shape, x.dtype);
  const node = recording(x)
    ? new Node('FlipBackward0', [x], (g) => {
        const r = floats(n);
        for (let i = 0; i < n; i++) r[offs[i]] = g[i];
        return [r];
      })
    : null;
  return Tensor.result(out as Float32Array, x.shape, node);
}
