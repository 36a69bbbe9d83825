"""Column operations that read values in row order: running totals (cumsum, cumprod, cummax, cummin), shift, diff,
pct_change, duplicated and the order nlargest/nsmallest pick rows in. Each takes a column's (values, dtype) and
gives back (values, dtype) as pandas 1.5 types the result."""

import math
import operator

from . import _values as V
from ._unsupported import unsupported

_RUNNING = {'cumsum': operator.add, 'cumprod': operator.mul, 'cummax': max, 'cummin': min}


def cumulative(values, dtype, how, skipna=True):
    """pandas' nancumsum and the like: a missing value stays missing in place and is skipped by the running value
    (or, with skipna=False, makes everything after it missing); numbers keep their dtype."""
    step = _RUNNING[how]
    out, acc, broken = [], None, False
    for v in values:
        if broken:
            out.append(math.nan)
            continue
        if V.is_na(v):
            out.append(v if dtype is V.OBJECT else math.nan)
            broken = not skipna
            continue
        acc = v if acc is None else step(acc, v)
        out.append(acc)
    if dtype is not V.OBJECT and dtype.kind == 'b' and how in ('cumsum', 'cumprod'):
        return [int(v) for v in out], V.INT64
    return out, dtype


def shift(values, dtype, periods=1, fill_value=None):
    """values moved down by periods rows (up if negative); the rows left empty hold fill_value, or NaN, which
    makes an integer column float64 and a bool column object (an object column gets None, as pandas prints)."""
    n = len(values)
    k = max(-n, min(n, periods))
    if fill_value is None:
        if dtype is V.OBJECT:
            fill = None
        elif dtype.kind in 'iu':
            values, dtype, fill = [float(v) for v in values], V.FLOAT64, math.nan
        elif dtype.kind == 'b':
            dtype, fill = V.OBJECT, math.nan
        else:
            fill = math.nan
    else:
        fill = V.plain(fill_value)
        if dtype is not V.OBJECT and dtype.kind in 'iub' and type(fill) is float:
            values, dtype = [float(v) for v in values], V.FLOAT64
    out = [fill] * k + list(values[: n - k]) if k >= 0 else list(values[-k:]) + [fill] * -k
    return out, dtype


def diff(values, dtype, periods=1):
    if dtype is V.OBJECT or dtype.kind == 'b':
        raise unsupported(f'diff() of a column of dtype {dtype}')
    prev, _ = shift([float(v) for v in values], V.FLOAT64, periods)
    return [float(v) - p for v, p in zip(values, prev)], V.FLOAT64


def pct_change(values, dtype, periods=1):
    """(x / x.shift(periods)) - 1 after missing values are filled forward (pandas 1.5's fill_method='pad')."""
    filled, last = [], math.nan
    for v in values:
        last = last if V.is_na(v) else float(v)
        filled.append(last)
    prev, _ = shift(filled, V.FLOAT64, periods)
    out = []
    for v, p in zip(filled, prev):
        if v != v or p != p:
            out.append(math.nan)
        elif p == 0:
            out.append(math.nan if v == 0 else math.copysign(math.inf, v))
        else:
            out.append(v / p - 1)
    return out, V.FLOAT64


def _key(v):
    return ('nan',) if V.is_na(v) else v


def duplicated(rows, keep='first'):
    """Whether each row (a tuple of values, or a value) repeats another; keep='first' spares the first of each
    set, 'last' the last, False none. Missing values count as equal, as pandas' hashtable treats them."""
    keys = [tuple(_key(v) for v in r) if isinstance(r, tuple) else _key(r) for r in rows]
    if keep is False:
        counts = {}
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        return [counts[k] > 1 for k in keys]
    order = range(len(keys)) if keep == 'first' else range(len(keys) - 1, -1, -1)
    seen, out = set(), [False] * len(keys)
    for i in order:
        out[i] = keys[i] in seen
        seen.add(keys[i])
    return out


def largest_order(columns, n, largest):
    """Row positions of nlargest/nsmallest: rows missing the first column's value left out, the rest by the
    columns' values (the first column first, a missing later value last), equal values in row order
    (keep='first')."""
    rows = [i for i in range(len(columns[0])) if not V.is_na(columns[0][i])]
    sign = -1 if largest else 1
    rows.sort(key=lambda i: tuple((1, 0) if V.is_na(c[i]) else (0, sign * c[i]) for c in columns))
    return rows[:n]


class SeriesSequence:
    """Series' methods over its values in row order (a base class of Series)."""

    def _running(self, how, skipna):
        return self._like(*cumulative(self._values, self._dtype, how, skipna))

    def cumsum(self, axis=None, skipna=True):
        return self._running('cumsum', skipna)

    def cumprod(self, axis=None, skipna=True):
        return self._running('cumprod', skipna)

    def cummax(self, axis=None, skipna=True):
        return self._running('cummax', skipna)

    def cummin(self, axis=None, skipna=True):
        return self._running('cummin', skipna)

    def shift(self, periods=1, freq=None, axis=0, fill_value=None):
        return self._like(*shift(self._values, self._dtype, periods, fill_value))

    def diff(self, periods=1):
        return self._like(*diff(self._values, self._dtype, periods))

    def pct_change(self, periods=1):
        return self._like(*pct_change(self._values, self._dtype, periods))

    def duplicated(self, keep='first'):
        return self._like(duplicated(self._values, keep), V.BOOL)

    def drop_duplicates(self, keep='first', inplace=False):
        result = self._take([i for i, d in enumerate(duplicated(self._values, keep)) if not d])
        if inplace:
            self._values, self.index = result._values, result.index
            return None
        return result

    def nlargest(self, n=5, keep='first'):
        return self._take(largest_order([self._values], n, True))

    def nsmallest(self, n=5, keep='first'):
        return self._take(largest_order([self._values], n, False))


class FrameSequence:
    """DataFrame's methods over its rows in order, column by column or by rows of several columns (a base class of
    DataFrame)."""

    def duplicated(self, subset=None, keep='first'):
        cols = range(len(self._data)) if subset is None else self._col_positions(as_labels(subset))[0]
        rows = list(zip(*[self._data[j] for j in cols]))
        from .series import Series

        return Series._make(duplicated(rows, keep), V.BOOL, self._index)

    def drop_duplicates(self, subset=None, keep='first', inplace=False, ignore_index=False):
        dup = self.duplicated(subset, keep)._values
        result = self._take([i for i, d in enumerate(dup) if not d])
        if ignore_index:
            from ._index import default_index

            result._index = default_index(len(result))
        return self._inplace(result, inplace)

    def _largest(self, n, columns, largest):
        cols = self._col_positions(as_labels(columns))[0]
        return self._take(largest_order([self._data[j] for j in cols], n, largest))

    def nlargest(self, n, columns, keep='first'):
        return self._largest(n, columns, True)

    def nsmallest(self, n, columns, keep='first'):
        return self._largest(n, columns, False)

    def cumsum(self, axis=None, skipna=True):
        return self._map_columns(lambda s: s.cumsum(skipna=skipna))

    def cumprod(self, axis=None, skipna=True):
        return self._map_columns(lambda s: s.cumprod(skipna=skipna))

    def cummax(self, axis=None, skipna=True):
        return self._map_columns(lambda s: s.cummax(skipna=skipna))

    def cummin(self, axis=None, skipna=True):
        return self._map_columns(lambda s: s.cummin(skipna=skipna))

    def shift(self, periods=1, freq=None, axis=0, fill_value=None):
        return self._map_columns(lambda s: s.shift(periods, fill_value=fill_value))

    def diff(self, periods=1, axis=0):
        return self._map_columns(lambda s: s.diff(periods))

    def pct_change(self, periods=1):
        return self._map_columns(lambda s: s.pct_change(periods))


def as_labels(key):
    return list(key) if isinstance(key, (list, tuple)) or hasattr(key, '_labels') else [key]
