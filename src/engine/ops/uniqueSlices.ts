// torch.unique(t, dim=d) (distinct slices along d, sorted lexicographically, as when deduplicating rows)
// and torch.unique_consecutive (runs of equal elements, or of equal slices along a dim, collapsed). Each
// returns [values, inverse, counts]; the Python side picks what return_inverse / return_counts ask for.
import { Tensor, allocate } from '../tensor';
import { normDimChecked, splitAt } from './util';

/** The slices of t along d, each as a list of its values in row-major order. */
function slicesAlong(t: Tensor, d: number): number[][] {
  const { outer, size, inner } = splitAt(t.shape, d);
  const x = t.data;
  const slices: number[][] = [];
  for (let k = 0; k < size; k++) {
    const s: number[] = [];
    for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) s.push(x[o * size * inner + k * inner + i]);
    slices.push(s);
  }
  return slices;
}

/** The slices chosen by `pick` (indices along d) put back together along d. */
function gatherSlices(t: Tensor, d: number, pick: readonly number[]): Tensor {
  const { outer, size, inner } = splitAt(t.shape, d);
  const out = allocate(t.dtype, outer * pick.length * inner);
  for (let o = 0; o < outer; o++)
    pick.forEach((k, n) => {
      for (let i = 0; i < inner; i++) out[(o * pick.length + n) * inner + i] = t.data[o * size * inner + k * inner + i];
    });
  const shape = t.shape.slice();
  shape[d] = pick.length;
  return new Tensor(out, shape, t.dtype);
}

const compareSlices = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
};

/** torch.unique(t, dim=d): the distinct slices along d in ascending (lexicographic) order. */
export function uniqueDim(t: Tensor, dim: number): [Tensor, Tensor, Tensor] {
  const d = normDimChecked(dim, t.ndim);
  const slices = slicesAlong(t, d);
  const order = slices.map((_, i) => i).sort((a, b) => compareSlices(slices[a], slices[b]) || a - b);
  const pick: number[] = [];
  const inverse = new Float64Array(slices.length);
  const counts: number[] = [];
  for (const k of order) {
    if (pick.length === 0 || compareSlices(slices[pick[pick.length - 1]], slices[k]) !== 0) {
      pick.push(k);
      counts.push(0);
    }
    inverse[k] = pick.length - 1;
    counts[counts.length - 1]++;
  }
  return [
    gatherSlices(t, d, pick),
    new Tensor(inverse, [slices.length], 'int64'),
    new Tensor(Float64Array.from(counts), [counts.length], 'int64'),
  ];
}

/** torch.unique_consecutive(t, dim=None): each run of equal elements (or slices along dim) kept once. */
export function uniqueConsecutive(t: Tensor, dim: number | null = null): [Tensor, Tensor, Tensor] {
  const flat = dim === null;
  const d = flat ? 0 : normDimChecked(dim, t.ndim);
  const source = flat ? new Tensor(t.data, [t.data.length], t.dtype) : t;
  const slices = slicesAlong(source, d);
  const pick: number[] = [];
  const inverse = new Float64Array(slices.length);
  const counts: number[] = [];
  slices.forEach((s, k) => {
    if (pick.length === 0 || compareSlices(slices[pick[pick.length - 1]], s) !== 0) {
      pick.push(k);
      counts.push(0);
    }
    inverse[k] = pick.length - 1;
    counts[counts.length - 1]++;
  });
  return [
    gatherSlices(source, d, pick),
    new Tensor(inverse, flat ? t.shape.slice() : [slices.length], 'int64'),
    new Tensor(Float64Array.from(counts), [counts.length], 'int64'),
  ];
}
