// Order statistics along a dim: kthvalue (the k-th smallest) and mode (the most frequent value). Both
// return values and indices, and their gradient goes to the selected element, as PyTorch's
// value_selecting_reduction_backward does. Which index ties report follows PyTorch's CPU kernels
// exactly, since learners print the indices: kthvalue runs Torch's quickselect (median-of-three pivot,
// NaN as the largest value), mode sorts (value, index) pairs with libstdc++'s std::sort (an unstable
// introsort: insertion sort below 17 elements) and reports the last pair of the longest run.
import { pyError } from '../errors';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { diffNode, scatterOffsets } from './gradOps';
import { normDimChecked, splitAt } from './util';
import { stdSortPairs } from './stdSort';

export interface ValuesIndices {
  values: Tensor;
  indices: Tensor;
}

/** Applies `pick` to every run along `dim` (values and their positions 0..size-1) and gathers the results. */
function selectAlong(
  t: Tensor,
  dim: number,
  keepdim: boolean,
  op: string,
  gradName: string,
  pick: (vals: Float64Array, pos: Int32Array) => number,
): ValuesIndices {
  const d = normDimChecked(dim, t.ndim);
  const { outer, size, inner } = splitAt(t.shape, d);
  if (size === 0) throw pyError('IndexError', `${op}(): Expected reduction dim ${d} to have non-zero size.`);
  const shape =
    t.ndim === 0 ? [] : keepdim ? t.shape.map((s, i) => (i === d ? 1 : s)) : t.shape.filter((_, i) => i !== d);
  const values = allocate(t.dtype, outer * inner);
  const indices = new Float64Array(outer * inner);
  const offsets = new Int32Array(outer * inner);
  const vals = new Float64Array(size);
  const pos = new Int32Array(size);
  const x = t.data;
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const start = o * size * inner + i;
      for (let j = 0; j < size; j++) {
        vals[j] = x[start + j * inner];
        pos[j] = j;
      }
      const index = pick(vals, pos);
      values[o * inner + i] = x[start + index * inner];
      indices[o * inner + i] = index;
      offsets[o * inner + i] = start + index * inner;
    }
  const result = new Tensor(values, shape, t.dtype);
  const idx = new Tensor(indices, shape, 'int64');
  if (!isFloatDType(t.dtype)) return { values: result, indices: idx };
  return { values: diffNode(gradName, [t], result, (g) => [scatterOffsets(g, offsets, t.shape)]), indices: idx };
}

/** Torch's quickselect comparison: x after y (NaN sorts last). */
const gtOrNan = (x: number, y: number) => (x !== x && y === y) || x > y;

/** The position (into the original run) of the k-th smallest value, 0-based, by Torch's quickselect. */
function quickSelect(arr: Float64Array, pos: Int32Array, k: number): number {
  const swap = (a: number, b: number) => {
    const v = arr[a];
    arr[a] = arr[b];
    arr[b] = v;
    const p = pos[a];
    pos[a] = pos[b];
    pos[b] = p;
  };
  let L = 0;
  let R = arr.length - 1;
  for (;;) {
    if (R <= L) break;
    if (R === L + 1) {
      if (gtOrNan(arr[L], arr[R])) swap(L, R);
      break;
    }
    const P = L + ((R - L) >> 1);
    swap(P, L + 1);
    if (gtOrNan(arr[L + 1], arr[R])) swap(L + 1, R);
    if (gtOrNan(arr[L], arr[R])) swap(L, R);
    if (gtOrNan(arr[L + 1], arr[L])) swap(L + 1, L);
    let i = L + 1;
    let j = R;
    const piv = arr[L];
    for (;;) {
      do i++;
      while (gtOrNan(piv, arr[i]));
      do j--;
      while (gtOrNan(arr[j], piv));
      if (j < i) break;
      swap(i, j);
    }
    swap(L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
  return pos[k];
}

/** t.kthvalue(k, dim=-1, keepdim=False): the k-th smallest value along dim (1-based k) and its index. */
export function kthvalue(t: Tensor, k: number, dim = -1, keepdim = false): ValuesIndices {
  const d = normDimChecked(dim, t.ndim);
  const size = t.ndim === 0 ? 1 : t.shape[d];
  if (size > 0 && (k < 1 || k > size)) {
    throw pyError('RuntimeError', `kthvalue(): selected number k out of range for dimension ${d}`);
  }
  return selectAlong(t, d, keepdim, 'kthvalue', 'KthvalueBackward0', (vals, pos) => quickSelect(vals, pos, k - 1));
}

/** The position of the mode: the last pair of the longest run of equal values (the first such run wins). */
function modeOf(vals: Float64Array, pos: Int32Array): number {
  stdSortPairs(vals, pos);
  let best = pos[0];
  let bestFreq = 0;
  let freq = 0;
  for (let i = 0; i < vals.length; i++) {
    freq++;
    if (i === vals.length - 1 || vals[i] !== vals[i + 1]) {
      if (freq > bestFreq) {
        best = pos[i];
        bestFreq = freq;
      }
      freq = 0;
    }
  }
  return best;
}

/** t.mode(dim=-1, keepdim=False): the most frequent value along dim (the smallest of equally frequent ones). */
export function mode(t: Tensor, dim = -1, keepdim = false): ValuesIndices {
  return selectAlong(t, dim, keepdim, 'mode', 'ModeBackward0', modeOf);
}

/**
 * cummax / cummin along dim: the running extreme and the index where it was last reached (ties move the
 * index forward, a NaN sticks), as PyTorch's scan. The gradient adds each g into its running extreme's
 * element (CummaxBackward0 / CumminBackward0).
 */
function cumExtreme(t: Tensor, dim: number, isMax: boolean): ValuesIndices {
  const d = normDimChecked(dim, t.ndim);
  const { outer, size, inner } = splitAt(t.shape, d);
  const x = t.data;
  const values = allocate(t.dtype, x.length);
  const indices = new Float64Array(x.length);
  const offsets = new Int32Array(x.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      let best = 0;
      let at = 0;
      for (let k = 0; k < size; k++) {
        const j = o * size * inner + k * inner + i;
        const v = x[j];
        if (k === 0 || v !== v || (best === best && (isMax ? v >= best : v <= best))) {
          best = v;
          at = k;
        }
        values[j] = best;
        indices[j] = at;
        offsets[j] = o * size * inner + at * inner + i;
      }
    }
  const result = new Tensor(values, t.shape, t.dtype);
  const idx = new Tensor(indices, t.shape, 'int64');
  if (!isFloatDType(t.dtype)) return { values: result, indices: idx };
  const name = isMax ? 'CummaxBackward0' : 'CumminBackward0';
  return { values: diffNode(name, [t], result, (g) => [scatterOffsets(g, offsets, t.shape)]), indices: idx };
}

export function cummax(t: Tensor, dim: number): ValuesIndices {
  return cumExtreme(t, dim, true);
}

export function cummin(t: Tensor, dim: number): ValuesIndices {
  return cumExtreme(t, dim, false);
}

/** log(exp(x) + exp(y)) as PyTorch's scan adds (in double; two equal infinities stay as they are). */
function logAddExp(x: number, y: number): number {
  const lo = y !== y ? y : Math.min(x, y);
  const hi = y !== y ? y : Math.max(x, y);
  if (lo !== hi || Number.isFinite(lo)) return Math.log1p(Math.exp(lo - hi)) + hi;
  return x;
}

/**
 * torch.logcumsumexp(t, dim): log of the running sum of exp, accumulated in double as PyTorch's CPU scan.
 * Gradient: g_x[k] = sum over j >= k of g[j] exp(x[k] - out[j]).
 */
export function logcumsumexp(t: Tensor, dim: number): Tensor {
  const d = normDimChecked(dim, t.ndim);
  if (!isFloatDType(t.dtype)) {
    throw pyError(
      'RuntimeError',
      `"logcumsumexp_out_cpu" not implemented for '${t.dtype === 'int64' ? 'Long' : t.dtype}'`,
    );
  }
  const { outer, size, inner } = splitAt(t.shape, d);
  const x = t.data;
  const out = allocate(t.dtype, x.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      let acc = -Infinity;
      for (let k = 0; k < size; k++) {
        const j = o * size * inner + k * inner + i;
        acc = logAddExp(x[j], acc);
        out[j] = acc;
      }
    }
  const result = new Tensor(out, t.shape, t.dtype);
  return diffNode('LogcumsumexpBackward0', [t], result, (g) => {
    const gd = g.data;
    const gx = allocate(t.dtype, x.length);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++)
        for (let k = 0; k < size; k++) {
          const jk = o * size * inner + k * inner + i;
          let s = 0;
          for (let m = k; m < size; m++) {
            const jm = o * size * inner + m * inner + i;
            if (gd[jm] !== 0) s += gd[jm] * Math.exp(x[jk] - out[jm]);
          }
          gx[jk] = s;
        }
    return [new Tensor(gx, t.shape, t.dtype)];
  });
}
