// Python-style tensor indexing for the shim: `t[key]` and `t[key] = value` with ints, slices, None,
// Ellipsis, integer tensors and boolean masks (NumPy/PyTorch advanced-indexing rules). Every key is
// reduced to the flat source offset of each output element; the gradient scatter-adds back through them.
import { Node, isGradEnabled } from '../engine/autograd';
import { Tensor, allocate } from '../engine/tensor';
import { broadcastShapes, fmtShape, numel, stridesOf } from '../engine/shape';

/** One entry of an index key, as the Python side encodes it. */
export type IndexItem = number | [number | undefined | null, number | undefined | null, number | undefined | null] | null | undefined | '...' | Tensor;

function indexError(message: string): Error {
  const err = new Error(message);
  err.name = 'IndexError';
  return err;
}

interface Plan {
  shape: number[];
  offsets: Int32Array;
  gradName: string;
}

/** Per source dim: fixed index, a list of indices (slice), or part of an advanced index. */
type DimOp = { kind: 'fixed'; i: number } | { kind: 'range'; idx: number[] } | { kind: 'adv'; slot: number };

function consumedDims(item: IndexItem): number {
  if (item === null || item === undefined || item === '...') return 0;
  if (item instanceof Tensor) return item.dtype === 'bool' ? Math.max(item.shape.length, 1) : 1;
  return 1;
}

function sliceIndices(size: number, start: number | null | undefined, stop: number | null | undefined, step: number | null | undefined): number[] {
  const st = step ?? 1;
  if (st <= 0) throw new Error('ValueError: step must be greater than zero');
  let a = start ?? 0;
  let b = stop ?? size;
  if (a < 0) a = Math.max(0, a + size);
  if (b < 0) b = Math.max(0, b + size);
  a = Math.min(a, size);
  b = Math.min(b, size);
  const out: number[] = [];
  for (let i = a; i < b; i += st) out.push(i);
  return out;
}

/** Flat offsets into `src` for `src[key]`, with the result's shape and its grad_fn name. */
export function planIndex(src: Tensor, key: IndexItem[]): Plan {
  const ndim = src.shape.length;
  let used = 0;
  let ellipses = 0;
  for (const item of key) {
    used += consumedDims(item);
    if (item === '...') ellipses++;
  }
  if (ellipses > 1) throw indexError('an index can only have a single ellipsis (\'...\')');
  if (used > ndim) throw indexError(`too many indices for tensor of dimension ${ndim}`);
  // Each item in order; None inserts a new axis; Ellipsis expands to full slices.
  const ops: DimOp[] = [];
  const outDims: ({ src: number } | { newAxis: true } | { adv: true })[] = [];
  const advIndices: { values: ArrayLike<number>; shape: number[] }[] = [];
  const advPositions: number[] = [];
  let gradName = '';
  let dim = 0;
  const fullSlice = (d: number) => {
    ops[d] = { kind: 'range', idx: sliceIndices(src.shape[d], 0, src.shape[d], 1) };
    outDims.push({ src: d });
  };
  for (const item of key) {
    if (item === '...') {
      const n = ndim - used;
      for (let k = 0; k < n; k++) fullSlice(dim++);
    } else if (item === null || item === undefined) {
      outDims.push({ newAxis: true });
      gradName = 'UnsqueezeBackward0';
    } else if (typeof item === 'number') {
      const size = src.shape[dim];
      if (item < -size || item >= size) {
        throw indexError(`index ${item} is out of bounds for dimension ${dim} with size ${size}`);
      }
      ops[dim] = { kind: 'fixed', i: item < 0 ? item + size : item };
      dim++;
      gradName = 'SelectBackward0';
    } else if (Array.isArray(item)) {
      const size = src.shape[dim];
      const idx = sliceIndices(size, item[0], item[1], item[2]);
      ops[dim] = { kind: 'range', idx };
      outDims.push({ src: dim });
      if (!(idx.length === size && (item[2] ?? 1) === 1)) gradName = 'SliceBackward0';
      dim++;
    } else if (item instanceof Tensor) {
      if (item.dtype === 'bool') {
        // A mask over the next k dims becomes one integer index per dim (its nonzero coordinates).
        const k = Math.max(item.shape.length, 1);
        const mshape = item.shape.length === 0 ? [1] : item.shape;
        for (let j = 0; j < k; j++) {
          if (mshape[j] !== src.shape[dim + j]) {
            throw indexError(
              `The shape of the mask ${fmtShape(item.shape)} at index ${j} does not match the shape of the indexed tensor ${fmtShape(src.shape)} at index ${dim + j}`,
            );
          }
        }
        const coords: number[][] = Array.from({ length: k }, () => []);
        const strides = stridesOf(mshape);
        for (let i = 0; i < item.data.length; i++) {
          if (!item.data[i]) continue;
          let rest = i;
          for (let j = 0; j < k; j++) {
            coords[j].push(Math.floor(rest / strides[j]));
            rest %= strides[j];
          }
        }
        for (let j = 0; j < k; j++) {
          ops[dim] = { kind: 'adv', slot: advIndices.length };
          advPositions.push(outDims.length);
          advIndices.push({ values: coords[j], shape: [coords[j].length] });
          outDims.push({ adv: true });
          dim++;
        }
      } else if (item.dtype === 'int64') {
        const size = src.shape[dim];
        for (let i = 0; i < item.data.length; i++) {
          const v = item.data[i];
          if (v < -size || v >= size) throw indexError(`index ${v} is out of bounds for dimension ${dim} with size ${size}`);
        }
        ops[dim] = { kind: 'adv', slot: advIndices.length };
        advPositions.push(outDims.length);
        advIndices.push({ values: item.data, shape: item.shape.slice() });
        outDims.push({ adv: true });
        dim++;
      } else {
        throw indexError('tensors used as indices must be long, int, byte or bool tensors');
      }
    }
  }
  while (dim < ndim) fullSlice(dim++);
  if (advIndices.length > 0) gradName = 'IndexBackward0';
  if (!gradName) gradName = 'AliasBackward0';

  // Output layout: basic dims in order; the broadcast advanced shape replaces the advanced dims where they
  // stand when they are adjacent, else goes first (NumPy's rule).
  let advShape: number[] = [];
  for (const a of advIndices) advShape = broadcastShapes(advShape, a.shape, 'index');
  const adjacent = advPositions.every((p, i) => i === 0 || p === advPositions[i - 1] + 1);
  type OutDim = { src: number } | { newAxis: true } | { advDim: number };
  const layout: OutDim[] = [];
  const advBlock: OutDim[] = advShape.map((_, i) => ({ advDim: i }));
  let advPlaced = false;
  if (advIndices.length > 0 && !adjacent) {
    layout.push(...advBlock);
    advPlaced = true;
  }
  for (const d of outDims) {
    if ('adv' in d) {
      if (!advPlaced) {
        layout.push(...advBlock);
        advPlaced = true;
      }
    } else layout.push(d);
  }
  const shape = layout.map((d) => ('src' in d ? (ops[d.src] as { idx: number[] }).idx.length : 'newAxis' in d ? 1 : advShape[d.advDim]));
  const n = numel(shape);
  const offsets = new Int32Array(n);
  if (n === 0) return { shape, offsets, gradName };
  const srcStrides = stridesOf(src.shape);
  const advStrides = advIndices.map((a) => {
    // Strides of each advanced index broadcast to advShape.
    const own = stridesOf(a.shape);
    const lead = advShape.length - a.shape.length;
    return advShape.map((_, i) => (i < lead || a.shape[i - lead] === 1 ? 0 : own[i - lead]));
  });
  const pos = new Array<number>(shape.length).fill(0);
  const advPos = new Array<number>(advShape.length).fill(0);
  let fixedBase = 0;
  for (let d = 0; d < ndim; d++) {
    const op = ops[d];
    if (op.kind === 'fixed') fixedBase += op.i * srcStrides[d];
  }
  for (let i = 0; i < n; i++) {
    let off = fixedBase;
    for (let k = 0; k < layout.length; k++) {
      const d = layout[k];
      if ('src' in d) off += (ops[d.src] as { idx: number[] }).idx[pos[k]] * srcStrides[d.src];
      else if ('advDim' in d) advPos[d.advDim] = pos[k];
    }
    if (advIndices.length > 0) {
      for (let d = 0; d < ndim; d++) {
        const op = ops[d];
        if (op.kind !== 'adv') continue;
        const st = advStrides[op.slot];
        let j = 0;
        for (let q = 0; q < advPos.length; q++) j += advPos[q] * st[q];
        let v = advIndices[op.slot].values[j];
        if (v < 0) v += src.shape[d];
        off += v * srcStrides[d];
      }
    }
    offsets[i] = off;
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++pos[k] < shape[k]) break;
      pos[k] = 0;
    }
  }
  return { shape, offsets, gradName };
}

export function getitem(src: Tensor, key: IndexItem[]): Tensor {
  const { shape, offsets, gradName } = planIndex(src, key);
  const out = allocate(src.dtype, offsets.length);
  const data = src.data;
  for (let i = 0; i < offsets.length; i++) out[i] = data[offsets[i]];
  if (src.dtype !== 'float32' || !(src.requiresGrad && isGradEnabled())) return new Tensor(out, shape, src.dtype);
  const size = data.length;
  const node = new Node(gradName, [src], (g) => {
    const gx = new Float32Array(size);
    for (let i = 0; i < offsets.length; i++) gx[offsets[i]] += g[i];
    return [gx];
  });
  return new Tensor(out, shape, 'float32', true, node);
}

/** `dst[key] = value` in place (value broadcast to the indexed shape). */
export function setitem(dst: Tensor, key: IndexItem[], value: Tensor | number | boolean): void {
  const { shape, offsets } = planIndex(dst, key);
  dst.checkInplace();
  const data = dst.data;
  if (!(value instanceof Tensor)) {
    const v = Number(value);
    for (let i = 0; i < offsets.length; i++) data[offsets[i]] = v;
    return;
  }
  const src = value.data;
  if (src.length === 1) {
    for (let i = 0; i < offsets.length; i++) data[offsets[i]] = src[0];
    return;
  }
  // Broadcast the value to the indexed shape (aligned from the right).
  const target = broadcastShapes(shape, value.shape, 'setitem');
  if (numel(target) !== offsets.length) {
    throw new Error(`RuntimeError: shape mismatch: value tensor of shape ${fmtShape(value.shape)} cannot be broadcast to indexing result of shape ${fmtShape(shape)}`);
  }
  const vStrides = stridesOf(value.shape);
  const lead = shape.length - value.shape.length;
  const pos = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < offsets.length; i++) {
    let j = 0;
    for (let k = 0; k < value.shape.length; k++) if (value.shape[k] !== 1) j += pos[k + lead] * vStrides[k];
    data[offsets[i]] = src[j];
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++pos[k] < shape[k]) break;
      pos[k] = 0;
    }
  }
}
