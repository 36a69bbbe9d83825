"""pd.cut and pd.qcut as pandas 1.5's reshape/tile.py computes them: equal-width bins over the data's range widened
by 0.1% (or the edges given), quantile edges for qcut, values placed with searchsorted, and interval labels rounded
to the fewest digits (from 3) that keep the edges apart."""

import bisect
import math

import numpy as np

from . import _values as V
from ._categorical import CategoricalDtype, Interval, IntervalDtype, shown_values
from ._unsupported import unsupported
from .series import Series


class Categorical(Series):
    """What pd.cut/pd.qcut give for a list or an array: pandas' Categorical, printed as a bracketed list with its
    categories line (a Series without an index underneath, so value_counts, .codes and pd.Series(c) work)."""

    codes = property(lambda self: np.array(self.cat.codes.tolist(), dtype='int8'))
    categories = property(lambda self: self._dtype.categories)
    ordered = property(lambda self: self._dtype.ordered)

    def __repr__(self):
        from ._categorical import categories_info
        from ._format import format_values

        def listed(values):
            shown, dtype = shown_values(values, self._dtype)
            quoted = [f"'{v}'" if isinstance(v, str) else v for v in shown]
            return '[' + ', '.join(t.strip() for t in format_values(quoted, dtype)) + ']'

        n = len(self._values)
        if n > 10:
            text = f'{listed(self._values[:5])[:-1]}, ..., {listed(self._values[-5:])[1:]}\nLength: {n}\n'
        elif n:
            text = listed(self._values) + '\n'
        else:
            return '[], ' + categories_info(self._dtype)
        return text + categories_info(self._dtype)


def _numbers(x):
    """(float values, dtype, original) of cut's input: a Series, a list or an array of numbers."""
    if isinstance(x, Series):
        values, dtype = x._values, x._dtype
    elif hasattr(x, 'ndim'):
        if x.ndim != 1:
            raise ValueError('Input array must be 1 dimensional')
        values, dtype = V.from_array(x)
    else:
        values, dtype = V.infer(list(x))
    if dtype is V.OBJECT or dtype.kind not in 'iuf':
        raise unsupported(f'pd.cut/pd.qcut of values of dtype {dtype}', 'cut a numeric column')
    return [math.nan if V.is_na(v) else float(v) for v in values], dtype


def _linspace(start, stop, num):
    # numpy's linspace: i * step + start, the last edge set to stop
    step = (stop - start) / (num - 1)
    return [i * step + start for i in range(num - 1)] + [stop]


def _around(x, digits):
    scale = 10.0**digits
    return float(np.rint(np.float64(x) * scale) / scale)


def _round_frac(x, precision):
    if not math.isfinite(x) or x == 0:
        return x
    whole = math.trunc(x)
    if whole == 0:
        digits = -int(math.floor(math.log10(abs(x - whole)))) - 1 + precision
    else:
        digits = precision
    return _around(x, digits) if isinstance(x, float) else x


def _labels(bins, precision, right, include_lowest):
    for p in range(precision, 20):
        if len({_round_frac(b, p) for b in bins}) == len(bins):
            precision = p
            break
    breaks = [_round_frac(b, precision) for b in bins]
    if right and include_lowest:
        breaks[0] = breaks[0] - 10 ** (-precision)
    subtype = 'float64' if any(isinstance(b, float) for b in breaks) else 'int64'
    if subtype == 'float64':
        breaks = [float(b) for b in breaks]
    closed = 'right' if right else 'left'
    return [Interval(a, b, closed) for a, b in zip(breaks[:-1], breaks[1:])], IntervalDtype(subtype, closed)


def _to_cuts(x, original, bins, right, labels, retbins, precision, include_lowest, duplicates, ordered=True):
    if duplicates not in ('raise', 'drop'):
        raise ValueError("invalid value for 'duplicates' parameter, valid options are: raise, drop")
    unique = list(dict.fromkeys(bins))
    if len(unique) < len(bins) and len(bins) != 2:
        if duplicates == 'raise':
            raise ValueError(
                f'Bin edges must be unique: {np.array(bins)!r}.\n'
                "You can drop duplicate edges by setting the 'duplicates' kwarg"
            )
        bins = unique
    find = bisect.bisect_left if right else bisect.bisect_right
    ids = []
    for v in x:
        if v != v:
            ids.append(-1)
            continue
        i = 1 if include_lowest and v == bins[0] else find(bins, v)
        ids.append(-1 if i == 0 or i == len(bins) else i - 1)
    if labels is False:
        if any(i < 0 for i in ids):
            values, dtype = [math.nan if i < 0 else float(i) for i in ids], V.FLOAT64
        else:
            values, dtype = ids, V.INT64
    else:
        if labels is None:
            cats, cat_dtype = _labels(bins, precision, right, include_lowest)
        else:
            cats = [V.plain(v) for v in labels]
            if ordered and len(set(cats)) != len(cats):
                raise ValueError('labels must be unique if ordered=True; pass ordered=False for duplicate labels')
            if len(cats) != len(bins) - 1:
                raise ValueError('Bin labels must be one fewer than the number of bin edges')
            cat_dtype = V.infer(cats)[1]
        values = [math.nan if i < 0 else cats[i] for i in ids]
        dtype = CategoricalDtype(cats, ordered, cat_dtype)
    if isinstance(original, Series):
        result = Series._make(values, dtype, original.index, original.name)
    elif labels is False:
        result = np.array(values, dtype=dtype)
    else:
        from ._index import default_index

        result = Categorical._make(values, dtype, default_index(len(values)))
        result.__class__ = Categorical
    if retbins:
        return result, np.array(bins, dtype='int64' if all(type(b) is int for b in bins) else 'float64')
    return result


def cut(
    x, bins, right=True, labels=None, retbins=False, precision=3, include_lowest=False, duplicates='raise', ordered=True
):
    values, dtype = _numbers(x)
    if isinstance(bins, (int, np.integer)) and not isinstance(bins, bool):
        if bins < 1:
            raise ValueError('`bins` should be a positive integer.')
        present = [v for v in values if v == v]
        if not values:
            raise ValueError('Cannot cut empty array')
        mn, mx = min(present) + 0.0, max(present) + 0.0
        if math.isinf(mn) or math.isinf(mx):
            raise ValueError('cannot specify integer `bins` when input data contains infinity')
        if mn == mx:
            mn -= 0.001 * abs(mn) if mn != 0 else 0.001
            mx += 0.001 * abs(mx) if mx != 0 else 0.001
            edges = _linspace(mn, mx, int(bins) + 1)
        else:
            edges = _linspace(mn, mx, int(bins) + 1)
            adj = (mx - mn) * 0.001
            if right:
                edges[0] -= adj
            else:
                edges[-1] += adj
    elif isinstance(bins, Series) or hasattr(bins, '__iter__'):
        edges = [V.plain(b) for b in (bins.tolist() if hasattr(bins, 'tolist') else bins)]
        if any(isinstance(b, Interval) for b in edges):
            raise unsupported('pd.cut with an IntervalIndex of bins', 'pass the bin edges as a list')
        if not all(type(b) is int for b in edges):
            edges = [float(b) for b in edges]
        if any(b < a for a, b in zip(edges, edges[1:])):
            raise ValueError('bins must increase monotonically.')
    else:
        raise TypeError(f"'<' not supported between instances of '{type(bins).__name__}' and 'int'")
    return _to_cuts(values, x, edges, right, labels, retbins, precision, include_lowest, duplicates, ordered)


def qcut(x, q, labels=None, retbins=False, precision=3, duplicates='raise'):
    values, _ = _numbers(x)
    if isinstance(q, (int, np.integer)) and not isinstance(q, bool):
        qs = _linspace(0.0, 1.0, int(q) + 1)
    else:
        qs = [float(v) for v in (q.tolist() if hasattr(q, 'tolist') else q)]
    present = np.array([v for v in values if v == v], dtype='float64')
    edges = [float(v) for v in np.quantile(present, np.array(qs, dtype='float64')).tolist()]
    return _to_cuts(values, x, edges, True, labels, retbins, precision, True, duplicates)
