// torch.quantile, composed of recorded ops as ATen composes it: sort along the dim, the rank q * (n - 1)
// computed in the input's dtype, the values below and above it picked out, and (for 'linear' and
// 'midpoint') lerp between them; a row holding NaN gives NaN (its rank moves to the last, NaN, element).
// Each q of a 1-D q tensor adds a leading dim to the result, as in PyTorch.
import { pyError } from '../errors';
import { Tensor, isFloatDType } from '../tensor';
import { lerp } from './arith';
import { isnan, where } from './compare';
import { narrow } from './indexing';
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
): Tensor {
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
    value = where(hasNan, narrow(sorted, -1, last, 1), value);
    let out = squeeze(value, -1);
    if (d === null) out = reshape(out, keepdim ? t.shape.map(() => 1) : []);
    else if (!keepdim && t.ndim > 0) out = squeeze(out, d);
    else if (t.ndim === 0) out = reshape(out, []);
    return out;
  });
  const out = typeof q === 'number' || q.ndim === 0 ? results[0] : stack(results, 0);
  // ATen's last step is always an in-place squeeze of the q dim, whatever the arguments.
  if (out.gradFn) (out.gradFn as { name: string }).name = 'SqueezeBackward3';
  return out;
}
