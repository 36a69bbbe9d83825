// torch.quantile, composed of recorded ops as ATen composes it: sort along the dim, the rank q * (n - 1)
// computed in the input's dtype, the values below and above it picked out, and (for 'linear' and
// 'midpoint') lerp between them; a row holding NaN gives NaN (its rank moves to the last, NaN, element).
// Each q of a 1-D q tensor adds a leading dim to the result, as in PyTorch.
// nanquantile (ignoreNan) ranks q among each row's own non-NaN values instead (nanRanked below).
import { pyError } from '../errors';
import { Tensor, isFloatDType } from '../tensor';
import { lerp } from './arith';
import { isnan, where } from './compare';
import { gather, narrow } from './indexing';
import { sort } from './misc';
import { any } from './reduce';
import { flatten, reshape, squeeze, stack, transpose, unsqueeze } from './view';
import { normDimChecked } from './util';

export type Interpolation = 'linear' | 'lower' | 'higher' | 'midpoint' | 'nearest';

const roundHalfEven = (x: number) => {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

export function quantile(
  t: Tensor,
  q: number | Tensor,
  dim: number | null = null,
  keepdim = false,
  interpolation: Interpolation = 'linear',
  ignoreNan = false,
): Tensor {
  // nanquantile (ignoreNan) raises the same messages, naming quantile(), as PyTorch's does.
  if (!isFloatDType(t.dtype))
    throw pyError('RuntimeError', 'quantile() input tensor must be either float or double dtype');
  if (typeof q !== 'number' && q.ndim > 1) throw pyError('RuntimeError', 'quantile() q must be a scalar or 1D tensor');
  const qs = typeof q === 'number' ? [q] : Array.from(q.data as ArrayLike<number>);
  for (const v of qs) {
    if (!(v >= 0 && v <= 1)) {
      throw pyError(
        'RuntimeError',
        typeof q === 'number'
          ? `quantile() q must be in the range [0, 1] but got ${q}`
          : 'quantile() q values must be in the range [0, 1]',
      );
    }
  }
  if (t.data.length === 0) throw pyError('IndexError', 'quantile() input tensor must be non-empty');
  // The values to rank along the last dim, with a unit dim where `dim` was (keepdim's shape).
  const d = dim === null ? null : normDimChecked(dim, t.ndim);
  const rows = d === null ? flatten(t) : t.ndim === 0 ? reshape(t, [1]) : transpose(unsqueeze(t, -1), d, t.ndim);
  const sorted = sort(rows, -1).values;
  const last = sorted.shape[sorted.ndim - 1] - 1;
  const hasNan = any(isnan(sorted), -1, true);
  const f32 = t.dtype === 'float32';
  const results = qs.map((qv) => {
    if (ignoreNan) return finish(t, d, keepdim, nanRanked(sorted, qv, interpolation, f32));
    const rank = f32 ? Math.fround(Math.fround(qv) * last) : qv * last;
    const r =
      interpolation === 'lower'
        ? Math.floor(rank)
        : interpolation === 'higher'
          ? Math.ceil(rank)
          : interpolation === 'nearest'
            ? roundHalfEven(rank)
            : rank;
    const below = narrow(sorted, -1, Math.floor(r), 1);
    let value = below;
    if (interpolation === 'linear' || interpolation === 'midpoint') {
      const weight = interpolation === 'midpoint' ? 0.5 : f32 ? Math.fround(r - Math.floor(r)) : r - Math.floor(r);
      value = lerp(below, narrow(sorted, -1, Math.ceil(r), 1), weight);
    }
    return finish(t, d, keepdim, where(hasNan, narrow(sorted, -1, last, 1), value));
  });
  const out = typeof q === 'number' || q.ndim === 0 ? results[0] : stack(results, 0);
  // ATen's last step is always an in-place squeeze of the q dim, whatever the arguments.
  if (out.gradFn) (out.gradFn as { name: string }).name = 'SqueezeBackward3';
  return out;
}

/** One quantile's values (a unit last dim) in the shape the arguments ask for. */
function finish(t: Tensor, d: number | null, keepdim: boolean, value: Tensor): Tensor {
  let out = squeeze(value, -1);
  if (d === null) out = reshape(out, keepdim ? t.shape.map(() => 1) : []);
  else if (!keepdim && t.ndim > 0) out = squeeze(out, d);
  else if (t.ndim === 0) out = reshape(out, []);
  return out;
}

/**
 * nanquantile's values of sorted rows (NaNs sort last): each row ranks q among its own non-NaN values,
 * q * (count - 1) in the input's dtype (0 for a row of NaNs, whose value is then NaN), and gathers the
 * values below and above that rank.
 */
function nanRanked(sorted: Tensor, qv: number, interpolation: Interpolation, f32: boolean): Tensor {
  const len = sorted.shape[sorted.ndim - 1];
  const rows = len === 0 ? 0 : sorted.data.length / len;
  const below = new Float64Array(rows);
  const above = new Float64Array(rows);
  const weights = f32 ? new Float32Array(rows) : new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let count = 0;
    while (count < len && sorted.data[r * len + count] === sorted.data[r * len + count]) count++;
    let rank = f32 ? Math.fround(Math.fround(qv) * (count - 1)) : qv * (count - 1);
    if (rank < 0) rank = 0;
    if (interpolation === 'lower') rank = Math.floor(rank);
    else if (interpolation === 'higher') rank = Math.ceil(rank);
    else if (interpolation === 'nearest') rank = roundHalfEven(rank);
    below[r] = Math.trunc(rank);
    above[r] = Math.ceil(rank);
    weights[r] = interpolation === 'midpoint' ? 0.5 : rank - below[r];
  }
  const shape = [...sorted.shape.slice(0, -1), 1];
  const low = gather(sorted, -1, new Tensor(below, shape, 'int64'));
  if (interpolation !== 'linear' && interpolation !== 'midpoint') return low;
  const high = gather(sorted, -1, new Tensor(above, shape, 'int64'));
  return lerp(low, high, new Tensor(weights, shape, sorted.dtype));
}
