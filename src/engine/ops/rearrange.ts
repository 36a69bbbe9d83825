// Rearranging ops learners use beside the basics: roll, diagonal and trace, unique (with its inverse and
// counts), cumprod. einsum (einsum.ts) builds on diagonal.
import { uniqueFlat } from './uniqueHash';
import { pyError } from '../errors';
import { type DiffBackwardFn, Node, isGradEnabled } from '../autograd';
import { div, mul } from './arith';
import { cumsumGrad } from './scan';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { index } from './indexing';
import { sum } from './reduce';
import { normDimChecked, splitAt } from './util';
import { asViewOf, permute, reshape, viewInfo } from './view';

function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) s[d] = s[d + 1] * shape[d + 1];
  return s;
}

/**
 * A copy of `x` (of `shape`, x's by default) where element i comes from `x.data[offs[i]]`, its gradient
 * scattered back (node `name`).
 */
function gatherCopy(x: Tensor, offs: Int32Array, name: string, shape: readonly number[] = x.shape): Tensor {
  const n = offs.length;
  const out = allocate(x.dtype, n);
  for (let i = 0; i < n; i++) out[i] = x.data[offs[i]];
  if (!isFloatDType(x.dtype)) return new Tensor(out, shape, x.dtype);
  const node =
    x.requiresGrad && isGradEnabled()
      ? new Node(name, [x], (g) => {
          const r = floats(x.data.length);
          for (let i = 0; i < n; i++) r[offs[i]] += g[i];
          return [r];
        })
      : null;
  return Tensor.result(out as Float32Array, shape, node);
}

/** torch.roll: elements shifted along `dims` (cyclically); with no dims, over the flattened tensor. */
export function roll(x: Tensor, shifts: readonly number[], dims: readonly number[]): Tensor {
  if (dims.length === 0) {
    if (shifts.length !== 1) throw pyError('RuntimeError', 'shifts and dimensions must align. shifts: 2, dims:0');
    return reshape(roll(reshape(x, [-1]), shifts, [0]), x.shape);
  }
  if (shifts.length !== dims.length) {
    throw pyError('RuntimeError', `shifts and dimensions must align. shifts: ${shifts.length}, dims:${dims.length}`);
  }
  const shift = new Array<number>(x.ndim).fill(0);
  dims.forEach((d, k) => (shift[normDimChecked(d, x.ndim)] += shifts[k]));
  const strides = stridesOf(x.shape);
  const offs = new Int32Array(x.data.length);
  const idx = new Array<number>(x.ndim).fill(0);
  for (let i = 0; i < offs.length; i++) {
    let o = 0;
    for (let d = 0; d < x.ndim; d++) {
      const size = x.shape[d];
      o += ((((idx[d] - shift[d]) % size) + size) % size) * strides[d];
    }
    offs[i] = o;
    for (let d = x.ndim - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) break;
      idx[d] = 0;
    }
  }
  return gatherCopy(x, offs, 'RollBackward0');
}

/**
 * Tensor.unfold(dimension, size, step): every window of `size` elements along `dimension`, `step` apart, as a
 * new last dim. A view of x's storage (stride step * s along the dim, s within a window, as PyTorch lays it
 * out); the gradient adds each window back onto the elements it covers (overlapping windows sum).
 */
export function unfold(x: Tensor, dimension: number, size: number, step: number): Tensor {
  const d = normDimChecked(dimension, Math.max(x.ndim, 1));
  const maxSize = x.ndim === 0 ? 1 : x.shape[d];
  if (size > maxSize) {
    throw pyError('RuntimeError', `maximum size for tensor at dimension ${d} is ${maxSize} but size is ${size}`);
  }
  if (step <= 0) throw pyError('RuntimeError', `step is ${step} but must be > 0`);
  if (x.ndim === 0) return gatherCopy(x, new Int32Array([0]), 'UnfoldBackward0', [size]);
  const windows = Math.floor((x.shape[d] - size) / step) + 1;
  const shape = [...x.shape.slice(0, d), windows, ...x.shape.slice(d + 1), size];
  const own = stridesOf(x.shape);
  const walk = [...own.slice(0, d), own[d] * step, ...own.slice(d + 1), own[d]];
  const offs = new Int32Array(shape.reduce((a, b) => a * b, 1));
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < offs.length; i++) {
    let o = 0;
    for (let k = 0; k < shape.length; k++) o += idx[k] * walk[k];
    offs[i] = o;
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  const out = gatherCopy(x, offs, 'UnfoldBackward0', shape);
  const src = viewInfo(x);
  const st = src.strides;
  return asViewOf(out, x, src.offset, [...st.slice(0, d), st[d] * step, ...st.slice(d + 1), st[d]]);
}

/** Tensor.diagonal(offset, dim1, dim2): the diagonal of the (dim1, dim2) planes, as the last dim. */
export function diagonal(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const d1 = normDimChecked(dim1, x.ndim);
  const d2 = normDimChecked(dim2, x.ndim);
  if (d1 === d2) throw pyError('RuntimeError', `diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const rest = x.shape.map((_, d) => d).filter((d) => d !== d1 && d !== d2);
  // Move the two dims last, then pick element (r, r + offset) of each plane.
  const moved = x.ndim === 2 && d1 === 0 ? x : permute(x, [...rest, d1, d2]);
  const rows = x.shape[d1];
  const cols = x.shape[d2];
  const len = Math.max(0, Math.min(rows + Math.min(offset, 0), cols - Math.max(offset, 0)));
  const planes = rest.reduce((p, d) => p * x.shape[d], 1);
  const picks = new Float64Array(planes * len);
  for (let p = 0; p < planes; p++)
    for (let k = 0; k < len; k++) {
      const r = offset >= 0 ? k : k - offset;
      picks[p * len + k] = p * rows * cols + r * cols + r + offset;
    }
  const out = index(reshape(moved, [-1]), [new Tensor(picks, [picks.length], 'int64')]);
  const node = out.gradFn;
  if (node !== null) {
    (node as { name: string }).name = 'DiagonalBackward0';
    const flatDiff = node.diff;
    if (flatDiff !== null) node.diff = (g) => flatDiff(reshape(g, [-1]));
  }
  // A view of x, as PyTorch's: writes through it (x.diagonal().fill_(0)) land in x. Its elements step by the
  // sum of the two dims' strides, from the first diagonal element.
  const src = viewInfo(x);
  const start = src.offset + (offset >= 0 ? offset * src.strides[d2] : -offset * src.strides[d1]);
  const strides = [...rest.map((d) => src.strides[d]), src.strides[d1] + src.strides[d2]];
  const shape = [...rest.map((d) => x.shape[d]), len];
  return asViewOf(new Tensor(out.data, shape, out.dtype, out.requiresGrad, node), x, start, strides);
}

/** torch.trace: the sum of a matrix's main diagonal (TraceBackward0). */
export function trace(x: Tensor): Tensor {
  if (x.ndim !== 2) throw pyError('RuntimeError', 'trace: expected a matrix, but got tensor with dim ' + x.ndim);
  const out = sum(diagonal(x));
  if (out.gradFn) (out.gradFn as { name: string }).name = 'TraceBackward0';
  return out;
}

/** torch.unique over all elements: the values, each element's position among them, and counts (uniqueHash.ts). */
export function unique(x: Tensor, sorted = true): [Tensor, Tensor, Tensor] {
  return uniqueFlat(x, sorted);
}

/**
 * torch.cumprod along `dim` (accumulated in double, as PyTorch's CPU scan). The gradient of element k is
 * sum over j >= k of g[j] * (the product of x[0..j] without x[k]), written out so that zeros are exact.
 */
export function cumprod(t: Tensor, dim: number): Tensor {
  const d = normDimChecked(dim, t.ndim);
  const { outer, size, inner } = splitAt(t.shape, d);
  const x = t.data;
  const dtype = isFloatDType(t.dtype) ? t.dtype : 'int64';
  const out = allocate(dtype, x.length);
  const at = (o: number, k: number, i: number) => o * size * inner + k * inner + i;
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      let p = 1;
      for (let k = 0; k < size; k++) out[at(o, k, i)] = p *= x[at(o, k, i)];
    }
  if (!isFloatDType(dtype) || !(t.requiresGrad && isGradEnabled())) return new Tensor(out, t.shape, dtype);
  const node = new Node('CumprodBackward0', [t], (g) => {
    const r = floats(x.length);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++) {
        let prefix = 1;
        for (let k = 0; k < size; k++) {
          let q = prefix;
          let acc = 0;
          for (let j = k; j < size; j++) {
            if (j > k) q *= x[at(o, j, i)];
            acc += g[at(o, j, i)] * q;
          }
          r[at(o, k, i)] = acc;
          prefix *= x[at(o, k, i)];
        }
      }
    return [r];
  });
  const result = Tensor.result(out as Float32Array, t.shape, node);
  node.diff = cumprodDiff(t, d, result);
  // Its derivative reads its input and its result (PyTorch's SavedVariables, savedVersions.ts).
  return node.save(t).saveOutput(result);
}

/**
 * cumprod's gradient as recorded ops (create_graph): the running sum from the end of g * result, divided by
 * x (PyTorch's cumprod_backward without zeros). With a zero in x that division fails: refused.
 */
function cumprodDiff(t: Tensor, d: number, result: Tensor): DiffBackwardFn {
  return (g) => {
    if (t.data.some((v) => v === 0)) {
      throw pyError(
        'NotImplementedError',
        'create_graph=True through cumprod of a tensor that contains zeros is not supported yet',
      );
    }
    return [div(cumsumGrad(mul(g, result), d), t)];
  };
}

/**
 * F.pad(x, pads, value) in 'constant' mode: `pads` pairs (before, after) from the last dim backwards, as
 * PyTorch lists them; negative amounts crop. The gradient is the padded gradient cut back to x's place.
 */
export function pad(x: Tensor, pads: readonly number[], value = 0): Tensor {
  if (pads.length % 2 !== 0) throw pyError('RuntimeError', 'Padding length must be divisible by 2');
  if (pads.length / 2 > x.ndim) {
    throw pyError('RuntimeError', 'Padding length too large');
  }
  const before = new Array<number>(x.ndim).fill(0);
  const shape = x.shape.slice();
  for (let k = 0; k < pads.length / 2; k++) {
    const d = x.ndim - 1 - k;
    before[d] = pads[2 * k];
    shape[d] += pads[2 * k] + pads[2 * k + 1];
    if (shape[d] < 0) {
      throw pyError(
        'RuntimeError',
        `The input size ${x.shape[d]}, plus negative padding ${pads[2 * k]} and ${pads[2 * k + 1]} resulted in a negative output size, which is invalid. Check dimension ${d} of your input.`,
      );
    }
  }
  const inStrides = stridesOf(x.shape);
  const total = shape.reduce((a, b) => a * b, 1);
  const out = allocate(x.dtype, total);
  if (value !== 0) out.fill(value);
  // src[i] = the input offset of output element i, or -1 where it is padding.
  const src = new Int32Array(total);
  const idx = new Array<number>(x.ndim).fill(0);
  for (let i = 0; i < total; i++) {
    let o = 0;
    for (let d = 0; d < x.ndim && o >= 0; d++) {
      const j = idx[d] - before[d];
      o = j < 0 || j >= x.shape[d] ? -1 : o + j * inStrides[d];
    }
    src[i] = o;
    if (o >= 0) out[i] = x.data[o];
    for (let d = x.ndim - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  if (!isFloatDType(x.dtype) || !(x.requiresGrad && isGradEnabled())) return new Tensor(out, shape, x.dtype);
  const node = new Node('ConstantPadNdBackward0', [x], (g) => {
    const r = floats(x.data.length);
    for (let i = 0; i < total; i++) if (src[i] >= 0) r[src[i]] = g[i];
    return [r];
  });
  return Tensor.result(out as Float32Array, shape, node);
}
