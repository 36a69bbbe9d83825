// torch.histogram: counts (or summed weights) of a float tensor's values in bins, as ATen 1.13 computes them
// (aten/src/ATen/native/Histogram.cpp, native/cpu/HistogramKernel.cpp), for learners who plot activation
// distributions (`hy, hx = torch.histogram(t, density=True)` in Karpathy's makemore part 3). Not
// differentiable: as in PyTorch, an input that requires grad gives both outputs a NotImplemented node.
import { pyError } from '../errors';
import { isGradEnabled } from '../autograd';
import { Tensor, allocate } from '../tensor';
import { notImplemented } from './modulo';
import { linspace } from './create';
import { cascadeSum } from './cascadeSum';
import { dtypeName } from './util';

/** A double as C++'s ostream writes it in ATen's messages (6 significant digits, nan, inf). */
function cppDouble(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const s = v.toPrecision(6);
  if (!s.includes('e')) return String(Number(s));
  const [m, e] = s.split('e');
  const exp = Number(e);
  return `${Number(m)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

const CPP_TYPE: Record<string, string> = { float32: 'float', float64: 'double' };

/** The outer edges for `bins` equal bins: `range`, else the data's min and max, widened when they coincide. */
function outerEdges(input: Tensor, range: readonly [number, number] | null): [number, number] {
  let lo = 0;
  let hi = 1;
  if (range !== null) [lo, hi] = range;
  else if (input.data.length > 0) {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < input.data.length; i++) {
      const v = input.data[i];
      if (Number.isNaN(v)) {
        lo = hi = NaN;
        break;
      }
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw pyError(
      'RuntimeError',
      `torch.histogramdd: dimension 0's range [${cppDouble(lo)}, ${cppDouble(hi)}] is not finite`,
    );
  }
  if (lo > hi) {
    throw pyError(
      'RuntimeError',
      `torch.histogramdd: min should not exceed max, but got min ${cppDouble(lo)} max ${cppDouble(hi)} for dimension 0`,
    );
  }
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

function checkInputs(input: Tensor, bins: number | Tensor, weight: Tensor | null): void {
  if (input.dtype !== 'float32' && input.dtype !== 'float64') {
    throw pyError('RuntimeError', `"histogramdd" not implemented for '${dtypeName(input.dtype)}'`);
  }
  if (bins instanceof Tensor) {
    if (bins.dtype !== input.dtype) {
      throw pyError(
        'RuntimeError',
        `torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input with dtype ${CPP_TYPE[input.dtype]} and bins for dimension 0 with dtype ${CPP_TYPE[bins.dtype] ?? dtypeName(bins.dtype)}`,
      );
    }
    if (bins.ndim !== 1) {
      throw pyError(
        'RuntimeError',
        `torch.histogramdd: bins tensor should have one dimension, but got ${bins.ndim} dimensions in the bins tensor for dimension 0`,
      );
    }
    if (bins.data.length === 0) {
      throw pyError(
        'RuntimeError',
        'torch.histogramdd: bins tensor should have at least 1 element, but got 0 elements in the bins tensor for dimension 0',
      );
    }
  }
  const count = bins instanceof Tensor ? bins.data.length - 1 : bins;
  if (count <= 0)
    throw pyError('RuntimeError', `torch.histogram(): bins must be > 0, but got ${count} for dimension 0`);
  if (weight === null) return;
  if (weight.dtype !== input.dtype) {
    throw pyError(
      'RuntimeError',
      `torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same dtype, but got input(${CPP_TYPE[input.dtype]}), and weight(${CPP_TYPE[weight.dtype] ?? dtypeName(weight.dtype)})`,
    );
  }
  if (weight.data.length !== input.data.length || weight.ndim !== input.ndim) {
    throw pyError(
      'RuntimeError',
      `torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape [${input.data.length}, 1] and weight with shape [${weight.shape.join(', ')}]`,
    );
  }
}

/**
 * The bin of v among `edges` (v within the outer edges): ATen's linear guess (float arithmetic, truncated)
 * checked against the edges on either side when the bins are equal, a binary search otherwise; the last bin
 * includes its right edge.
 */
function binOf(v: number, edges: ArrayLike<number>, linear: boolean, f: (x: number) => number): number {
  const n = edges.length;
  let lo = 0;
  let hi = n;
  if (linear) {
    const left = edges[0];
    const guess = Math.trunc(f(f(f(v - left) * (n - 1)) / f(edges[n - 1] - left)));
    lo = Math.max(0, guess - 1);
    hi = Math.min(guess + 2, n);
  }
  // std::upper_bound over edges[lo, hi): the first edge greater than v.
  let first = lo;
  let last = hi;
  while (first < last) {
    const mid = (first + last) >> 1;
    if (edges[mid] > v) last = mid;
    else first = mid + 1;
  }
  const pos = first - 1;
  return pos === n - 1 ? pos - 1 : pos;
}

/**
 * torch.histogram(input, bins, *, range=None, weight=None, density=False) -> [hist, bin_edges]: `bins` equal
 * bins between `range` (else the data's min and max) or the given edges.
 */
export function histogram(
  input: Tensor,
  bins: number | Tensor,
  range: readonly [number, number] | null = null,
  weight: Tensor | null = null,
  density = false,
): [Tensor, Tensor] {
  checkInputs(input, bins, weight);
  const dtype = input.dtype as 'float32' | 'float64';
  const edges =
    bins instanceof Tensor
      ? new Tensor(bins.data.slice(), [bins.data.length], dtype)
      : linspace(...outerEdges(input, range), bins + 1, { dtype });
  const e = edges.data;
  const count = e.length - 1;
  const f = dtype === 'float32' ? Math.fround : (x: number) => x;
  const hist = allocate(dtype, count);
  const left = e[0];
  const right = e[count];
  for (let i = 0; i < input.data.length; i++) {
    const v = input.data[i];
    if (!(v >= left && v <= right)) continue;
    hist[binOf(v, e, !(bins instanceof Tensor), f)] += weight ? weight.data[i] : 1;
  }
  if (density) {
    // hist.div_(hist.sum().item()), then each bin by its width (bin_edges.diff()).
    const total = f(cascadeSum(hist as Float32Array));
    for (let i = 0; i < count; i++) hist[i] = f(hist[i] / total) / f(e[i + 1] - e[i]);
  }
  const node = isGradEnabled() && input.requiresGrad ? notImplemented('histogram', [input]) : null;
  return [
    new Tensor(hist, [count], dtype, node !== null, node),
    new Tensor(edges.data, [count + 1], dtype, node !== null, node),
  ];
}
