// Writing through an index: index_add and index_copy (whole slices along a dim), take and put (flat
// positions), masked_scatter (successive source values where a mask is true). Each copies self, writes, and
// records PyTorch's node (IndexAddBackward0, IndexCopyBackward0, TakeBackward0, PutBackward0,
// MaskedScatterBackward0) whose gradients are gathers through the same positions, written with recorded
// ops. Float32 sums round once per added value, as ATen's index_add adds slice by slice.
import { pyError } from '../errors';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { broadcastShapes, fmtShape, numel, sameShape } from '../shape';
import { fmaDouble, fmaf } from '../random';
import { mul } from './arith';
import { cat, expand, reshape } from './view';
import { constantLike, diffNode, gatherOffsets, scatterOffsets } from './gradOps';
import { commit } from './inplace';
import { dtypeName, normDimChecked, splitAt } from './util';
import { noGrad } from '../autograd';

/** The flat self and source offsets of every element index_add/index_copy moves, in source order. */
function slicePlan(op: string, self: Tensor, dim: number, index: Tensor, source: Tensor) {
  const d = normDimChecked(dim, Math.max(self.ndim, 1));
  if (index.ndim > 1) throw pyError('IndexError', `${op}(): Index is supposed to be a vector`);
  if (index.dtype !== 'int64' && index.dtype !== 'int32') {
    throw pyError('RuntimeError', `${op}(): Expected dtype int32/int64 for index but got: ${dtypeName(index.dtype)}`);
  }
  const selfShape = self.ndim ? self.shape : [1];
  const srcShape = source.ndim ? source.shape : [1];
  const count = index.data.length;
  if (srcShape.length !== selfShape.length || srcShape[d] !== count) {
    const got = srcShape[d] ?? 1;
    throw pyError(
      op === 'index_copy_' ? 'IndexError' : 'RuntimeError',
      op === 'index_copy_'
        ? `${op}(): Number of indices (${count}) should be equal to source.size(dim) (${got})`
        : `${op}(): Number of indices (${count}) should be equal to source.size(dim): (${got}), for dim: ${d}`,
    );
  }
  const others = (shape: readonly number[]) => shape.map((s, k) => (k === d ? 1 : s));
  if (!sameShape(others(selfShape), others(srcShape))) {
    broadcastShapes(others(selfShape), others(srcShape), op); // PyTorch's message where sizes clash
    throw pyError(
      'RuntimeError',
      `${op}(): source ${fmtShape(source.shape)} does not match self ${fmtShape(self.shape)}`,
    );
  }
  const { outer, size, inner } = splitAt(selfShape, d);
  const to = new Int32Array(outer * count * inner);
  const from = new Int32Array(to.length);
  let k = 0;
  for (let i = 0; i < count; i++) {
    let at = index.data[i];
    if (at < -size || at >= size) {
      if (op === 'index_copy_') {
        throw pyError('IndexError', `${op}(): index ${at} is out of bounds for dimension ${d} with size ${size}`);
      }
      throw pyError('IndexError', 'index out of range in self');
    }
    if (at < 0) at += size;
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) {
        to[k] = (o * size + at) * inner + j;
        from[k++] = (o * count + i) * inner + j;
      }
    }
  }
  // The self offset each source element (in source's row-major order) lands on: its gradient's gather.
  const bySource = new Int32Array(to.length);
  for (let j = 0; j < to.length; j++) bySource[from[j]] = to[j];
  return { to, from, bySource };
}

function sameDtype(op: string, self: Tensor, source: Tensor): void {
  if (self.dtype !== source.dtype) {
    throw pyError(
      'RuntimeError',
      `${op}(): self (${dtypeName(self.dtype)}) and source (${dtypeName(source.dtype)}) must have the same scalar type`,
    );
  }
}

/** self with alpha * source added at index along dim (IndexAddBackward0). */
export function index_add(self: Tensor, dim: number, index: Tensor, source: Tensor, alpha = 1): Tensor {
  sameDtype('index_add_', self, source);
  const p = slicePlan('index_add_', self, dim, index, source);
  const out = self.data.slice();
  const f32 = self.dtype === 'float32';
  const a = f32 ? Math.fround(alpha) : alpha;
  for (let k = 0; k < p.to.length; k++) {
    const v = source.data[p.from[k]];
    out[p.to[k]] = f32
      ? fmaf(v, a, out[p.to[k]])
      : isFloatDType(self.dtype)
        ? fmaDouble(v, a, out[p.to[k]])
        : out[p.to[k]] + a * v;
  }
  const result = new Tensor(out, self.shape, self.dtype);
  return diffNode('IndexAddBackward0', [self, source], result, (g) => {
    const gs = source.requiresGrad ? gatherOffsets(g, p.bySource, source.shape) : null;
    return [self.requiresGrad ? g : null, gs && alpha !== 1 ? mul(gs, alpha) : gs];
  });
}

/** self with the slices of source copied in at index along dim (IndexCopyBackward0). */
export function index_copy(self: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  if (self.dtype !== source.dtype) {
    throw pyError(
      'RuntimeError',
      `index_copy_(): self and source expected to have the same dtype, but got (self) ${dtypeName(self.dtype)} ` +
        `and (source) ${dtypeName(source.dtype)}`,
    );
  }
  const p = slicePlan('index_copy_', self, dim, index, source);
  const out = self.data.slice();
  for (let k = 0; k < p.to.length; k++) out[p.to[k]] = source.data[p.from[k]];
  return diffNode('IndexCopyBackward0', [self, source], new Tensor(out, self.shape, self.dtype), (g) => [
    self.requiresGrad ? mul(g, keptMask(self, p.to)) : null,
    source.requiresGrad ? gatherOffsets(g, p.bySource, source.shape) : null,
  ]);
}

/** 1 where self keeps its value, 0 where it was overwritten (the gradient mask of a copy). */
function keptMask(self: Tensor, written: Int32Array): Tensor {
  const kept = new Uint8Array(self.data.length).fill(1);
  for (const o of written) kept[o] = 0;
  return constantLike(self, (i) => kept[i]);
}

/** Flat offsets of index's values into a tensor of n elements (negative ones count from the end). */
function flatOffsets(index: Tensor, n: number): Int32Array {
  if (index.dtype !== 'int64') throw pyError('RuntimeError', 'take(): Expected a long tensor for index, but got Float');
  const offs = new Int32Array(index.data.length);
  for (let i = 0; i < offs.length; i++) {
    const v = index.data[i];
    if (v < -n || v >= n) {
      throw pyError('IndexError', `out of range: tried to access index ${v} on a tensor of ${n} elements.`);
    }
    offs[i] = v < 0 ? v + n : v;
  }
  return offs;
}

/** input.flatten()[index] in index's shape (TakeBackward0). */
export function take(input: Tensor, index: Tensor): Tensor {
  const offs = flatOffsets(index, input.data.length);
  const out = allocate(input.dtype, offs.length);
  for (let i = 0; i < offs.length; i++) out[i] = input.data[offs[i]];
  const result = new Tensor(out, index.shape, input.dtype);
  return diffNode('TakeBackward0', [input], result, (g) => [scatterOffsets(g, offs, input.shape)]);
}

/** self with source written (or added, accumulate) at the flat positions index (PutBackward0). */
export function put(self: Tensor, index: Tensor, source: Tensor, accumulate = false): Tensor {
  if (index.data.length !== source.data.length) {
    throw pyError(
      'IndexError',
      `put_(): Expected source and index to have the same number of elements, but got source.numel() = ` +
        `${source.data.length}, index.numel() = ${index.data.length}`,
    );
  }
  if (self.dtype !== source.dtype) {
    throw pyError(
      'RuntimeError',
      `put_(): self and source expected to have the same dtype, but got self.dtype = ${dtypeName(self.dtype)} ` +
        `and source.dtype = ${dtypeName(source.dtype)}`,
    );
  }
  const offs = flatOffsets(index, self.data.length);
  const out = self.data.slice();
  const f32 = self.dtype === 'float32';
  for (let i = 0; i < offs.length; i++) {
    const v = source.data[i];
    out[offs[i]] = accumulate ? (f32 ? Math.fround(out[offs[i]] + v) : out[offs[i]] + v) : v;
  }
  const result = new Tensor(out, self.shape, self.dtype);
  return diffNode('PutBackward0', [self, source], result, (g) => [
    self.requiresGrad ? (accumulate ? g : mul(g, keptMask(self, offs))) : null,
    source.requiresGrad ? gatherOffsets(g, offs, source.shape) : null,
  ]);
}

/** self with source's values, in order, where mask (broadcast to self) is true (MaskedScatterBackward0). */
export function masked_scatter(self: Tensor, mask: Tensor, source: Tensor): Tensor {
  if (self.dtype !== source.dtype) {
    throw pyError(
      'RuntimeError',
      `masked_scatter: expected self and source to have same dtypes but got${dtypeName(self.dtype)} and ` +
        dtypeName(source.dtype),
    );
  }
  const shape = broadcastShapes(self.shape, mask.shape, 'masked_scatter');
  if (!sameShape(shape, self.shape)) {
    throw pyError(
      'RuntimeError',
      `The expanded size of the tensor (${self.shape[0]}) must match the existing size (${mask.shape[0]}) ` +
        `at non-singleton dimension 0.  Target sizes: ${fmtShape(self.shape)}.  Tensor sizes: ${fmtShape(mask.shape)}`,
    );
  }
  const m = sameShape(mask.shape, shape) ? mask : noGrad(() => expand(mask, shape));
  const written: number[] = [];
  for (let i = 0; i < m.data.length; i++) if (m.data[i] !== 0) written.push(i);
  if (written.length > source.data.length) {
    throw pyError('RuntimeError', 'Number of elements of source < number of ones in mask');
  }
  const to = Int32Array.from(written);
  const out = self.data.slice();
  for (let k = 0; k < to.length; k++) out[to[k]] = source.data[k];
  const result = new Tensor(out, self.shape, self.dtype);
  return diffNode('MaskedScatterBackward0', [self, source], result, (g) => {
    if (!source.requiresGrad) return [mul(g, keptMask(self, to)), null];
    // The source values that went nowhere get zero gradient: the taken ones, then zeros, in source's shape.
    const taken = gatherOffsets(g, to, [to.length]);
    const rest = numel(source.shape) - to.length;
    const flat =
      rest > 0 ? cat([taken, constantLike(new Tensor(allocate(g.dtype, rest), [rest], g.dtype), () => 0)]) : taken;
    return [self.requiresGrad ? mul(g, keptMask(self, to)) : null, reshape(flat, source.shape.slice())];
  });
}

/** The in-place forms: x.index_add_(...), x.index_copy_(...), x.put_(...), x.masked_scatter_(...). */
export const indexInplace = {
  index_add_: (t: Tensor, dim: number, index: Tensor, source: Tensor, alpha = 1) =>
    commit(t, [source], (x, same) => index_add(x, dim, index, same(source) as Tensor, alpha)),
  index_copy_: (t: Tensor, dim: number, index: Tensor, source: Tensor) =>
    commit(t, [source], (x, same) => index_copy(x, dim, index, same(source) as Tensor)),
  put_: (t: Tensor, index: Tensor, source: Tensor, accumulate = false) =>
    commit(t, [source], (x, same) => put(x, index, same(source) as Tensor, accumulate)),
  masked_scatter_: (t: Tensor, mask: Tensor, source: Tensor) =>
    commit(t, [source], (x, same) => masked_scatter(x, mask, same(source) as Tensor)),
};
