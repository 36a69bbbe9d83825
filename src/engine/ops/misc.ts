// Less central ops scripts still reach for: split/chunk/unbind, sort/topk (values carry gradients to the
// picked elements), tril/triu, outer, diag, one_hot.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { mul } from './arith';
import { where } from './compare';
import { IndexItem, index } from './indexing';
import { normDimChecked, splitAt } from './util';
import { nthElement, partialSort, sortRange } from './stdSelect';
import { reshape, unsqueeze } from './view';

/** torch.split: pieces of `size` (or the listed sizes) along dim; each piece is a slice (SliceBackward0). */
export function split(t: Tensor, sizes: number | readonly number[], dim = 0): Tensor[] {
  const d = normDimChecked(dim, t.ndim);
  const total = t.shape[d];
  let parts: number[];
  if (typeof sizes === 'number') {
    if (sizes <= 0)
      throw pyError(
        'RuntimeError',
        `split_size can only be 0 if dimension size is 0, but got dimension size of ${total}`,
      );
    parts = [];
    for (let at = 0; at < total; at += sizes) parts.push(Math.min(sizes, total - at));
    if (parts.length === 0) parts.push(0);
  } else {
    parts = sizes.slice();
    const sum = parts.reduce((a, b) => a + b, 0);
    if (sum !== total) {
      throw pyError(
        'RuntimeError',
        `split_with_sizes expects split_sizes to sum exactly to ${total} (input tensor's size at dimension ${d}), but got split_sizes=[${parts.join(', ')}]`,
      );
    }
  }
  const out: Tensor[] = [];
  let start = 0;
  for (const len of parts) {
    const spec: IndexItem[] = [];
    for (let i = 0; i < d; i++) spec.push({});
    spec.push({ start, stop: start + len });
    out.push(renamed(index(t, spec), typeof sizes === 'number' ? 'SplitBackward0' : 'SplitWithSizesBackward0'));
    start += len;
  }
  return out;
}

/** PyTorch's multi-output ops (split, unbind) record one node; ours is one per piece under the same name. */
function renamed(t: Tensor, name: string): Tensor {
  if (t.gradFn) (t.gradFn as { name: string }).name = name;
  return t;
}

/** torch.chunk: `chunks` pieces of ceil(size / chunks) (the last may be smaller; fewer if it divides early). */
export function chunk(t: Tensor, chunks: number, dim = 0): Tensor[] {
  if (chunks <= 0) throw pyError('RuntimeError', 'chunk expects `chunks` to be greater than 0, got: ' + chunks);
  const d = normDimChecked(dim, t.ndim);
  const size = Math.ceil(t.shape[d] / chunks);
  return split(t, Math.max(size, 1), d);
}

/** torch.unbind: the slices along dim, that dim removed (SelectBackward0 each). */
export function unbind(t: Tensor, dim = 0): Tensor[] {
  const d = normDimChecked(dim, t.ndim);
  const out: Tensor[] = [];
  for (let k = 0; k < t.shape[d]; k++) {
    const spec: IndexItem[] = [];
    for (let i = 0; i < d; i++) spec.push({});
    spec.push(k);
    out.push(renamed(index(t, spec), 'UnbindBackward0'));
  }
  return out;
}

export interface SortResult {
  values: Tensor;
  indices: Tensor;
}

/**
 * Picks `k` elements of each line along dim: `order(line, size)` puts the line's positions in the order
 * wanted, of which the first k are kept, with their indices; the gradient flows back to the picked elements
 * (node `name`). `line(j)` reads the line's j-th value.
 */
function pickAlong(
  t: Tensor,
  dim: number,
  k: number | null,
  name: string,
  order: (line: (j: number) => number, size: number) => ArrayLike<number>,
): SortResult {
  const d = normDimChecked(dim, t.ndim);
  const { outer, size, inner } = t.ndim === 0 ? { outer: 1, size: 1, inner: 1 } : splitAt(t.shape, d);
  const kk = k ?? size;
  if (kk > size || kk < 0) throw pyError('RuntimeError', 'selected index k out of range');
  const shape = t.ndim === 0 ? [] : t.shape.map((s, i) => (i === d ? kk : s));
  const x = t.data;
  const vals = allocate(t.dtype, outer * kk * inner);
  const idx = new Float64Array(outer * kk * inner);
  const src = new Int32Array(outer * kk * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      if (kk === 0) continue;
      const picked = order((j) => x[base + j * inner], size);
      for (let j = 0; j < kk; j++) {
        const at = o * kk * inner + j * inner + i;
        const from = base + picked[j] * inner;
        vals[at] = x[from];
        idx[at] = picked[j];
        src[at] = from;
      }
    }
  }
  const indices = new Tensor(idx, shape, 'int64');
  if (!isFloatDType(t.dtype) || !(t.requiresGrad && isGradEnabled()))
    return { values: new Tensor(vals, shape, t.dtype), indices };
  const n = t.data.length;
  const node = new Node(name, [t], (g) => {
    const r = floats(n);
    for (let j = 0; j < g.length; j++) r[src[j]] += g[j];
    return [r];
  });
  return { values: new Tensor(vals, shape, 'float32', true, node), indices };
}

/** A line's positions sorted by value; stable, NaN sorts as largest (as PyTorch). */
function sortedOrder(descending: boolean) {
  const key = (v: number) => (v !== v ? Infinity : v);
  return (line: (j: number) => number, size: number): number[] => {
    const order = Array.from({ length: size }, (_, j) => j);
    return order.sort((a, b) => {
      const va = line(a);
      const vb = line(b);
      if (va !== va || vb !== vb) {
        if (va !== va && vb !== vb) return a - b;
        return (va !== va ? 1 : -1) * (descending ? -1 : 1);
      }
      const c = descending ? key(vb) - key(va) : key(va) - key(vb);
      return c !== 0 ? c : a - b;
    });
  };
}

export function sort(t: Tensor, dim = -1, descending = false): SortResult {
  return pickAlong(t, dim, null, 'SortBackward0', sortedOrder(descending));
}

/**
 * topk as PyTorch's CPU kernel selects: (value, index) pairs compared by value with NaN as the largest, by
 * std::partial_sort when k * 64 <= size, else std::nth_element then (sorted) std::sort of the first k - 1. These
 * are not stable, so the order of tied values' indices is theirs, not ascending.
 */
export function topk(t: Tensor, k: number, dim = -1, largest = true, sorted = true): SortResult {
  const less = largest
    ? (a: number, b: number) => (a !== a && b === b) || a > b
    : (a: number, b: number) => (a === a && b !== b) || a < b;
  const size = t.ndim === 0 ? 1 : t.shape[normDimChecked(dim, t.ndim)];
  const pairs = { vals: new Float64Array(size), pos: new Int32Array(size) };
  return pickAlong(t, dim, k, 'TopkBackward0', (line) => {
    for (let j = 0; j < size; j++) {
      pairs.vals[j] = line(j);
      pairs.pos[j] = j;
    }
    if (k * 64 <= size) partialSort(pairs, 0, k, size, less);
    else {
      nthElement(pairs, 0, k - 1, size, less);
      if (sorted) sortRange(pairs, 0, k - 1, less);
    }
    return pairs.pos;
  });
}

export function argsort(t: Tensor, dim = -1, descending = false): Tensor {
  return sort(t, dim, descending).indices;
}

/** Lower (tril) or upper (triu) triangle of the last two dims; the rest zeroed. */
function triangle(t: Tensor, diagonal: number, lower: boolean): Tensor {
  if (t.ndim < 2)
    throw pyError('RuntimeError', `${lower ? 'tril' : 'triu'}: input tensor must have at least 2 dimensions`);
  const rows = t.shape[t.ndim - 2];
  const cols = t.shape[t.ndim - 1];
  const mask = allocate('bool', rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) mask[r * cols + c] = (lower ? c - r <= diagonal : c - r >= diagonal) ? 1 : 0;
  // Selected, not multiplied by a 0/1 mask: inf and nan outside the triangle still become 0 (PyTorch's
  // causal mask is triu of a matrix full of -inf).
  const out = where(new Tensor(mask, [rows, cols], 'bool'), t, new Tensor(allocate(t.dtype, 1), [], t.dtype));
  if (out.gradFn) (out.gradFn as { name: string }).name = lower ? 'TrilBackward0' : 'TriuBackward0';
  return out;
}

export function tril(t: Tensor, diagonal = 0): Tensor {
  return triangle(t, diagonal, true);
}

export function triu(t: Tensor, diagonal = 0): Tensor {
  return triangle(t, diagonal, false);
}

/** Outer product of two vectors: a[:, None] * b[None, :]. */
export function outer(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1)
    throw pyError('RuntimeError', `outer: expected 1D tensors, got ${a.ndim}D and ${b.ndim}D`);
  return mul(unsqueeze(a, 1), unsqueeze(b, 0));
}

/** diag: a vector becomes a (shifted) diagonal matrix; a matrix gives its diagonal. */
export function diag(t: Tensor, diagonal = 0): Tensor {
  if (t.ndim === 1) {
    const n = t.shape[0];
    const size = n + Math.abs(diagonal);
    const out = allocate(t.dtype, size * size);
    const pos = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = diagonal >= 0 ? i : i - diagonal;
      const c = diagonal >= 0 ? i + diagonal : i;
      pos[i] = r * size + c;
      out[pos[i]] = t.data[i];
    }
    if (!isFloatDType(t.dtype) || !(t.requiresGrad && isGradEnabled())) return new Tensor(out, [size, size], t.dtype);
    const node = new Node('DiagBackward0', [t], (g) => [Float32Array.from(pos, (p) => g[p])]);
    return new Tensor(out, [size, size], 'float32', true, node);
  }
  if (t.ndim !== 2) throw pyError('RuntimeError', 'diag(): Supports 1D or 2D tensors. Got ' + t.ndim + 'D');
  const [rows, cols] = t.shape;
  const items: number[] = [];
  for (let r = 0; r < rows; r++) {
    const c = r + diagonal;
    if (c >= 0 && c < cols) items.push(r * cols + c);
  }
  const flat = reshape(t, [-1]);
  const r = index(flat, [new Tensor(Float64Array.from(items), [items.length], 'int64')]);
  if (r.gradFn) (r.gradFn as { name: string }).name = 'DiagBackward0';
  return r;
}

/** F.one_hot: int64 [..., num_classes]; num_classes = max + 1 when -1. */
export function one_hot(t: Tensor, numClasses = -1): Tensor {
  if (t.dtype !== 'int64') throw pyError('RuntimeError', 'one_hot is only applicable to index tensor.');
  let max = -1;
  for (let i = 0; i < t.data.length; i++) {
    if (t.data[i] < 0) throw pyError('RuntimeError', 'Class values must be non-negative.');
    max = Math.max(max, t.data[i]);
  }
  const C = numClasses === -1 ? max + 1 : numClasses;
  if (max >= C) throw pyError('RuntimeError', 'Class values must be smaller than num_classes.');
  const out = new Float64Array(t.data.length * C);
  for (let i = 0; i < t.data.length; i++) out[i * C + t.data[i]] = 1;
  return new Tensor(out, [...t.shape, C], 'int64');
}
