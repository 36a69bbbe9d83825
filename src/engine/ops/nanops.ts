// NaN-aware ops of data cleaning: nan_to_num, nansum, nanmean, and the order statistics median and
// nanmedian (the lower median: element (n - 1) / 2 of the sorted values, as PyTorch returns).
import { pyError } from '../errors';
import { noGrad } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { div, mul } from './arith';
import { isnan, logical_not } from './compare';
import { Dims, sum } from './reduce';
import { constantLike, diffNode, expandBack, scatterOffsets } from './gradOps';
import { normDimChecked, normDims, splitAt } from './util';
import { commit } from './inplace';

const FLOAT32_MAX = 3.4028234663852886e38;

/** NaN to `nan`, +inf to `posinf`, -inf to `neginf` (default: the dtype's largest finite values). */
export function nan_to_num(t: Tensor, nan = 0, posinf: number | null = null, neginf: number | null = null): Tensor {
  const big = t.dtype === 'float64' ? Number.MAX_VALUE : FLOAT32_MAX;
  const hi = posinf ?? big;
  const lo = neginf ?? -big;
  const x = t.data;
  const out = allocate(t.dtype, x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v !== v ? nan : v === Infinity ? hi : v === -Infinity ? lo : v;
  }
  const result = new Tensor(out, t.shape, t.dtype);
  if (!isFloatDType(t.dtype)) return result;
  // d/dx is 1 where x is finite, 0 where it was replaced.
  return diffNode('NanToNumBackward0', [t], result, (g) => [
    mul(
      g,
      constantLike(t, (i) => (Number.isFinite(x[i]) ? 1 : 0)),
    ),
  ]);
}

function dimsList(dim: Dims, ndim: number): number[] {
  if (Array.isArray(dim) && dim.length === 0) return normDims(null, ndim);
  return normDims(dim as number | number[] | null | undefined, ndim);
}

/** sum with NaNs counted as zero; the gradient skips the NaN positions. */
export function nansum(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  const x = t.data;
  const zeroed = noGrad(() => nan_to_num(t, 0, Infinity, -Infinity));
  const out = noGrad(() => sum(zeroed, dim, keepdim));
  if (!isFloatDType(t.dtype)) return out;
  const dims = dimsList(dim, t.ndim);
  return diffNode('NansumBackward0', [t], out, (g) => [
    mul(
      expandBack(g, t.shape, dims),
      constantLike(t, (i) => (x[i] !== x[i] ? 0 : 1)),
    ),
  ]);
}

/** PyTorch's composite: nansum / (number of non-NaN elements), so its grad_fn is DivBackward0. */
export function nanmean(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  if (!isFloatDType(t.dtype)) {
    throw pyError(
      'RuntimeError',
      `nanmean(): expected input to have floating point dtype but got ${t.dtype === 'int64' ? 'Long' : t.dtype}`,
    );
  }
  return div(nansum(t, dim, keepdim), sum(logical_not(isnan(t)), dim, keepdim));
}

/** The median of values[start], values[start + step], ... (count of them), and its index along the run. */
function medianOf(x: ArrayLike<number>, start: number, step: number, count: number, ignoreNan: boolean) {
  const order: number[] = [];
  for (let j = 0; j < count; j++) {
    const v = x[start + j * step];
    if (v !== v) {
      if (!ignoreNan) return { value: NaN, index: j };
    } else order.push(j);
  }
  if (order.length === 0) return { value: NaN, index: 0 };
  order.sort((a, b) => x[start + a * step] - x[start + b * step] || a - b);
  const index = order[(order.length - 1) >> 1];
  return { value: x[start + index * step], index };
}

/** median(t) / nanmedian(t) over all elements; the gradient is shared by the elements equal to the result. */
export function medianAll(t: Tensor, ignoreNan: boolean): Tensor {
  const x = t.data;
  if (x.length === 0 && !isFloatDType(t.dtype)) {
    throw pyError('IndexError', 'median() input tensor cannot be empty');
  }
  const { value } = medianOf(x, 0, 1, x.length, ignoreNan);
  const out = allocate(t.dtype, 1);
  out[0] = value;
  const result = new Tensor(out, [], t.dtype);
  if (!isFloatDType(t.dtype)) return result;
  const hit = (v: number) => (value !== value ? v !== v : v === value);
  let ties = 0;
  for (let i = 0; i < x.length; i++) if (hit(x[i])) ties++;
  return diffNode(ignoreNan ? 'NanmedianBackward0' : 'MedianBackward0', [t], result, (g) => [
    mul(
      expandBack(
        g,
        t.shape,
        t.shape.map((_, i) => i),
      ),
      constantLike(t, (i) => (hit(x[i]) ? 1 / ties : 0)),
    ),
  ]);
}

/** median(t, dim) / nanmedian(t, dim): values and their indices along dim; the gradient goes to those. */
export function medianDim(t: Tensor, dim: number, keepdim: boolean, ignoreNan: boolean): [Tensor, Tensor] {
  const d = normDimChecked(dim, Math.max(t.ndim, 1));
  const { outer, size, inner } = splitAt(t.shape, d);
  const shape =
    t.ndim === 0 ? [] : keepdim ? t.shape.map((s, i) => (i === d ? 1 : s)) : t.shape.filter((_, i) => i !== d);
  const values = allocate(t.dtype, outer * inner);
  const indices = new Float64Array(outer * inner);
  const offsets = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const start = o * size * inner + i;
      const m = medianOf(t.data, start, inner, size, ignoreNan);
      values[o * inner + i] = m.value;
      indices[o * inner + i] = m.index;
      offsets[o * inner + i] = start + m.index * inner;
    }
  const idx = new Tensor(indices, shape, 'int64');
  const result = new Tensor(values, shape, t.dtype);
  if (!isFloatDType(t.dtype)) return [result, idx];
  const name = ignoreNan ? 'NanmedianBackward1' : 'MedianBackward1';
  return [diffNode(name, [t], result, (g) => [scatterOffsets(g, offsets, t.shape)]), idx];
}

/** t.nan_to_num_(...): NanToNumBackward0 on t itself. */
export function nan_to_num_(t: Tensor, nan = 0, posinf: number | null = null, neginf: number | null = null): Tensor {
  return commit(t, [], (x) => nan_to_num(x, nan, posinf, neginf));
}
