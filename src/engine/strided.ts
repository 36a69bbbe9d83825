// PyTorch's storage/view layout for tensors whose elements are not one row-major block of their storage
// (a transpose, permute, expand, strided slice). Kernels still read a contiguous buffer: such a view keeps a
// gathered copy of its elements (`gathered`), re-gathered lazily from the storage when anything was written
// since (a global write epoch, bumped by every in-place write), and an in-place write through the view is
// scattered back into the storage. A view that is one row-major block (x[1], x[1:3]) shares the storage's
// memory directly (a subarray) and only records where it starts. Plain tensors have no layout: their buffer
// is their whole storage, offset 0, row-major strides. No tensor import: tensor.ts builds on this file.
import { Storage, forgetZeroed } from './buffers';

export interface StridedLayout {
  /** The whole storage (what `storage()` shows and the view's elements live in). */
  readonly root: Storage;
  readonly offset: number;
  readonly strides: readonly number[];
  /** True when the tensor's buffer is a gathered copy (kept in sync), false when it is root's own memory. */
  readonly gathered: boolean;
  /** The write epoch the gathered copy was taken at. */
  epoch: number;
}

/** Bumped by every in-place write anywhere: a gathered view older than it re-gathers before it is read. */
export const writes = { epoch: 0 };

/** PyTorch's strides of a contiguous tensor (a dim of size 0 counts as 1). */
export function contiguousStrides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    out[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return out;
}

/** PyTorch's is_contiguous: skipping unit dims, the strides are row-major (an empty tensor always is). */
export function isContiguousLayout(shape: readonly number[], strides: readonly number[]): boolean {
  let expect = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const n = shape[i];
    if (n === 0) return true;
    if (n === 1) continue;
    if (strides[i] !== expect) return false;
    expect *= n;
  }
  return true;
}

/** Calls `visit(i, storageIndex)` for every element in row-major order (an odometer over the strides). */
function walk(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  visit: (i: number, o: number) => void,
): void {
  const nd = shape.length;
  let n = 1;
  for (const s of shape) n *= s;
  if (n === 0) return;
  const idx = new Array<number>(nd).fill(0);
  let o = offset;
  for (let i = 0; i < n; i++) {
    visit(i, o);
    for (let d = nd - 1; d >= 0; d--) {
      o += strides[d];
      if (++idx[d] < shape[d]) break;
      o -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/** Copies the view's elements out of its storage into `out` (row-major). */
export function gather(out: Storage, shape: readonly number[], l: StridedLayout): void {
  const root = l.root;
  walk(shape, l.strides, l.offset, (i, o) => {
    out[i] = root[o];
  });
  l.epoch = writes.epoch;
}

/** Writes the view's buffer `src` back into its storage (after an in-place write through the view). */
export function scatter(src: Storage, shape: readonly number[], l: StridedLayout): void {
  const root = l.root;
  walk(shape, l.strides, l.offset, (i, o) => {
    root[o] = src[i];
  });
}

/**
 * PyTorch's computeStride: the strides of a view of `newShape` over a tensor of `oldShape`/`oldStrides`, or
 * null when no view can describe it (`.view()` then fails and `.reshape()` copies).
 */
export function viewStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  newShape: readonly number[],
): number[] | null {
  if (oldShape.length === 0) return newShape.map(() => 1);
  const numel = oldShape.reduce((a, b) => a * b, 1);
  if (numel === 0) return contiguousStrides(newShape);
  const out = new Array<number>(newShape.length);
  let viewD = newShape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d];
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStrides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        out[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = oldStrides[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? out : null;
}

/**
 * The layout of a view of `shape` with `strides` from `offset` in `root`, and the buffer the view tensor
 * holds: root's own memory when the elements are one row-major block, else a gathered copy (`values`, when
 * the caller already computed the view's current elements).
 */
export function makeLayout(
  root: Storage,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  values?: Storage,
): { layout: StridedLayout; data: Storage } {
  let n = 1;
  for (const s of shape) n *= s;
  if (isContiguousLayout(shape, strides)) {
    return { layout: { root, offset, strides, gathered: false, epoch: 0 }, data: root.subarray(offset, offset + n) };
  }
  const layout: StridedLayout = { root, offset, strides, gathered: true, epoch: writes.epoch };
  if (values !== undefined) return { layout, data: values };
  const data = new (root.constructor as new (n: number) => Storage)(n);
  gather(data, shape, layout);
  return { layout, data };
}

/** A write into a storage from outside the ops (a numpy array over it, `storage()[i] = v`): views re-gather. */
export function storageWritten(root: Storage): void {
  forgetZeroed(root);
  writes.epoch++;
}

const storageIds = new WeakMap<Storage, number>();
let nextStorageId = 1;

/** A stable number per storage, for `data_ptr()` (equal for views of one storage, as PyTorch's addresses). */
export function storageId(root: Storage): number {
  let id = storageIds.get(root);
  if (id === undefined) storageIds.set(root, (id = nextStorageId++));
  return id;
}
