// Putting values into bins, as learners bin a continuous feature or sample from a CDF: searchsorted and
// bucketize (binary searches over sorted boundaries, PyTorch's lower/upper bound), histc (equal-width bin
// counts, ATen's histogramdd kernel without its local search), and isin (membership in a set of values).
// None of them is differentiable, as in PyTorch.
import { pyError } from '../errors';
import { Tensor, allocate, isFloatDType } from '../tensor';
import { dtypeName } from './util';

/** The first position in seq[start, start + n) whose value is >= v (> v when `right`); NaN sorts last. */
function bound(seq: ArrayLike<number>, start: number, n: number, v: number, right: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = seq[start + mid];
    // PyTorch's comparisons: with right=False it moves on while s < v, with right=True while s <= v.
    const before = right ? !(s > v) && !(s !== s && v === v) : s < v || (v !== v && s === s);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * torch.searchsorted(sorted_sequence, values, right=...): for a 1-D sequence every value searches all of
 * it; otherwise the sequence's leading dims must equal the values' and each row searches its own row.
 */
export function searchsorted(seq: Tensor, values: Tensor, right = false, outInt32 = false): Tensor {
  const m = seq.ndim === 0 ? 1 : seq.shape[seq.ndim - 1];
  if (seq.ndim > 1) {
    const lead = seq.shape.slice(0, -1);
    const vlead = values.shape.slice(0, -1);
    if (values.ndim !== seq.ndim || lead.some((s, i) => s !== vlead[i])) {
      throw pyError(
        'RuntimeError',
        `torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor [${seq.shape.join(', ')}] and input value tensor [${values.shape.join(', ')}]`,
      );
    }
  }
  const v = values.data;
  const s = seq.data;
  const out = allocate(outInt32 ? 'int32' : 'int64', v.length);
  const perRow = values.ndim === 0 ? 1 : values.shape[values.ndim - 1];
  for (let i = 0; i < v.length; i++) {
    const start = seq.ndim > 1 ? Math.floor(i / perRow) * m : 0;
    out[i] = bound(s, start, m, v[i], right);
  }
  return new Tensor(out, values.shape.slice(), outInt32 ? 'int32' : 'int64');
}

/** torch.bucketize(input, boundaries, right=...): searchsorted with 1-D boundaries, the input's shape. */
export function bucketize(input: Tensor, boundaries: Tensor, right = false, outInt32 = false): Tensor {
  if (boundaries.ndim !== 1) {
    throw pyError('RuntimeError', `boundaries tensor must be 1 dimension, but got dim(${boundaries.ndim})`);
  }
  return searchsorted(boundaries, input, right, outInt32);
}

/**
 * torch.histc(input, bins=100, min=0, max=0): counts in `bins` equal bins between min and max (the data's
 * own min and max when both are equal, widened by 1 each way if those coincide too); values outside are
 * left out, the last bin includes its right edge. Bin positions are computed in the input's precision.
 */
export function histc(input: Tensor, bins = 100, min = 0, max = 0): Tensor {
  if (!isFloatDType(input.dtype)) {
    throw pyError('RuntimeError', `"histogram_cpu" not implemented for '${dtypeName(input.dtype)}'`);
  }
  if (bins <= 0) throw pyError('RuntimeError', `torch.histc(): bins must be > 0, but got ${bins} for dimension 0`);
  const f = input.dtype === 'float32' ? Math.fround : (x: number) => x;
  const x = input.data;
  let lo = min;
  let hi = max;
  if (lo === hi && x.length > 0) {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== x[i]) {
        lo = hi = NaN; // aminmax of data holding NaN, which the range check below rejects
        break;
      }
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    // As C++ prints doubles there (a NaN from the data's min and max carries its sign bit: -nan).
    const c = (v: number) => (v !== v ? '-nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v));
    throw pyError('RuntimeError', `torch.histc: range of [${c(lo)}, ${c(hi)}] is not finite`);
  }
  if (lo > hi) throw pyError('RuntimeError', 'torch.histc: max must be larger than min');
  const left = f(lo);
  const right = f(hi);
  const hist = allocate(input.dtype, bins);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= left && v <= right)) continue;
    let pos = Math.trunc(f(f(f(v - left) * bins) / f(right - left)));
    if (pos === bins) pos -= 1;
    hist[pos] += 1;
  }
  return new Tensor(hist, [bins], input.dtype);
}

/** torch.isin(elements, test_elements, invert=False): whether each element occurs among the test elements. */
export function isin(elements: Tensor, test: Tensor, invert = false): Tensor {
  const set = new Set<number>(Array.from(test.data as ArrayLike<number>));
  const x = elements.data;
  const out = allocate('bool', x.length);
  // NaN is in no set (NaN != NaN), though a JS Set would find it.
  for (let i = 0; i < x.length; i++) out[i] = (x[i] === x[i] && set.has(x[i])) !== invert ? 1 : 0;
  return new Tensor(out, elements.shape.slice(), 'bool');
}
