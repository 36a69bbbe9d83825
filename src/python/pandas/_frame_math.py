"""DataFrame's reductions (per column, or per row with axis=1), describe() and info(), and arithmetic and comparisons (with a scalar, a
Series over the columns, or a DataFrame with the same labels), as a base class of DataFrame."""

import math
import operator
import sys
import warnings

import numpy as np

from . import _values as V
from ._reduce import reduce
from ._unsupported import unsupported
from .series import Series, _is_array


class FrameMath:
    # --- reductions ----------------------------------------------------------------------------------------
    def _reduce(self, how, axis=0, skipna=True, numeric_only=None, ddof=1):
        if axis not in (0, None, 'index'):
            if axis in (1, 'columns'):
                rows = [self._row(i, range(len(self._data))) for i in range(len(self))]
                return Series._make(*V.infer([V.plain(r._reduce(how, skipna, ddof)) for r in rows]), self._index)
            raise ValueError(f'No axis named {axis} for object type DataFrame')
        cols = list(range(len(self._data)))
        if numeric_only or numeric_only is None and how not in ('count', 'min', 'max', 'sum'):
            numeric = [j for j in cols if V.is_numeric(self._dtypes[j])]
            if numeric_only is None and len(numeric) < len(cols):
                warnings.warn(
                    f"The default value of numeric_only in DataFrame.{how} is deprecated. In a future "
                    "version, it will default to False. In addition, specifying 'numeric_only=None' is "
                    "deprecated. Select only valid columns or specify the value of numeric_only to "
                    "silence this warning.",
                    FutureWarning,
                    stacklevel=3,
                )
            cols = numeric
        results = [V.plain(reduce(self._data[j], self._dtypes[j], how, skipna, ddof)) for j in cols]
        values, dtype = V.infer(results)
        if how in ('mean', 'std', 'var', 'median'):
            values, dtype = [float(v) for v in values], V.FLOAT64
        if how != 'count' and cols and all(self._dtypes[j] == np.float32 for j in cols):
            values, dtype = [float(v) for v in values], np.dtype('float32')  # a float32 block reduces to float32
        elif how == 'count':
            dtype = V.INT64
        return Series._make(values, dtype if results else V.FLOAT64, self._columns._take(cols))

    def sum(self, axis=0, skipna=True, numeric_only=None):
        return self._reduce('sum', axis, skipna, numeric_only)

    def mean(self, axis=0, skipna=True, numeric_only=None):
        return self._reduce('mean', axis, skipna, numeric_only)

    def std(self, axis=0, skipna=True, ddof=1, numeric_only=None):
        return self._reduce('std', axis, skipna, numeric_only, ddof)

    def var(self, axis=0, skipna=True, ddof=1, numeric_only=None):
        return self._reduce('var', axis, skipna, numeric_only, ddof)

    def median(self, axis=0, skipna=True, numeric_only=None):
        return self._reduce('median', axis, skipna, numeric_only)

    def min(self, axis=0, skipna=True, numeric_only=None):
        return self._reduce('min', axis, skipna, numeric_only)

    def max(self, axis=0, skipna=True, numeric_only=None):
        return self._reduce('max', axis, skipna, numeric_only)

    def count(self, axis=0):
        return self._reduce('count', axis)

    def any(self, axis=0, bool_only=None, skipna=True):
        return self._truth(any, axis)

    def all(self, axis=0, bool_only=None, skipna=True):
        return self._truth(all, axis)

    def _truth(self, test, axis):
        if axis in (1, 'columns'):
            rows = zip(*self._data) if self._data else [() for _ in range(len(self))]
            out = [test(bool(v) for v in row if not V.is_na(v)) for row in rows]
            return Series._make(out, V.BOOL, self._index)
        out = [test(bool(v) for v in col if not V.is_na(v)) for col in self._data]
        return Series._make(out, V.BOOL, self._columns)

    def corr(self, method='pearson', min_periods=1, numeric_only=None):
        if method != 'pearson':
            raise unsupported(f"DataFrame.corr(method={method!r})")
        cols = [j for j, d in enumerate(self._dtypes) if V.is_numeric(d)]
        if numeric_only is None and len(cols) < len(self._data):
            warnings.warn(
                "The default value of numeric_only in DataFrame.corr is deprecated. In a future version, it will "
                "default to False. Select only valid columns or specify the value of numeric_only to silence this "
                "warning.",
                FutureWarning,
                stacklevel=2,
            )
        elif numeric_only is False and len(cols) < len(self._data):
            raise ValueError('could not convert string to float')
        data = [[float(v) for v in self._data[j]] for j in cols]
        k = len(cols)
        result = [[math.nan] * k for _ in range(k)]
        for a in range(k):
            for b in range(a + 1):
                result[a][b] = result[b][a] = _pearson(data[a], data[b], max(min_periods, 1))
        labels = self._columns._take(cols)
        return self._make([list(col) for col in result], [V.FLOAT64] * k, labels, labels.copy())

    def nunique(self):
        return Series._make([self._column(j).nunique() for j in range(len(self._data))], V.INT64, self._columns)

    def describe(self, percentiles=None, include=None, exclude=None):
        from ._summary import describe

        return describe(self, percentiles, include, exclude)

    def info(self, verbose=None, buf=None, max_cols=None, memory_usage=None, show_counts=None):
        from ._summary import info

        (sys.stdout if buf is None else buf).write(info(self))

    # --- arithmetic ----------------------------------------------------------------------------------------
    def _binary(self, other, op, reverse=False):
        if isinstance(other, FrameMath):
            if not (other._columns.equals(self._columns) and other._index.equals(self._index)):
                raise unsupported('arithmetic between DataFrames with different labels (alignment)')
            pairs = [(self._column(j), other._column(j)) for j in range(len(self._data))]
        elif isinstance(other, Series):
            if set(other.index._labels) != set(self._columns._labels) or not other.index.is_unique:
                raise unsupported('DataFrame-Series arithmetic where the Series index is not the columns')
            lookup = dict(zip(other.index._labels, other._values))
            pairs = [(self._column(j), lookup[c]) for j, c in enumerate(self._columns._labels)]
        elif _is_array(other) and other.ndim == 2 or isinstance(other, (list, tuple)):
            raise unsupported('DataFrame arithmetic with a list or 2-D array', 'use a scalar, a Series or a DataFrame')
        else:
            pairs = [(self._column(j), other) for j in range(len(self._data))]
        out = [s._binary(o, op, reverse) for s, o in pairs]
        return self._make([s._values for s in out], [s._dtype for s in out], self._columns, self._index)

    def _compare(self, other, name):
        if isinstance(other, (FrameMath, Series)):
            raise unsupported('comparing a DataFrame with a DataFrame or Series')
        out = [getattr(self._column(j), name)(other) for j in range(len(self._data))]
        return self._make([s._values for s in out], [s._dtype for s in out], self._columns, self._index)

    def __neg__(self):
        return self._map_columns(lambda s: -s)

    def __abs__(self):
        return self._map_columns(abs)

    def abs(self):
        return abs(self)

    def equals(self, other):
        return (
            isinstance(other, FrameMath)
            and self._columns.equals(other._columns)
            and all(self._column(j).equals(other._column(j)) for j in range(len(self._data)))
        )

    def __invert__(self):
        return self._map_columns(lambda s: ~s)

    __hash__ = None


def _pearson(x, y, min_periods):
    """pandas' nancorr for one pair of columns: Welford's running means and sums of squares over the rows where
    both are present."""
    nobs = 0
    mean_x = mean_y = ssq_x = ssq_y = cov = 0.0
    for vx, vy in zip(x, y):
        if vx != vx or vy != vy:
            continue
        nobs += 1
        dx = vx - mean_x
        dy = vy - mean_y
        mean_x += 1.0 / nobs * dx
        mean_y += 1.0 / nobs * dy
        ssq_x += (vx - mean_x) * dx
        ssq_y += (vy - mean_y) * dy
        cov += (vx - mean_x) * dy
    if nobs < min_periods:
        return math.nan
    divisor = math.sqrt(ssq_x * ssq_y)
    return cov / divisor if divisor != 0 else math.nan


def _binop(name, op, reverse=False):
    def method(self, other):
        return self._binary(other, op, reverse)

    method.__name__ = name
    return method


def _cmpop(name):
    def method(self, other):
        return self._compare(other, name)

    method.__name__ = name
    return method


for _name, _op in [
    ('add', operator.add),
    ('sub', operator.sub),
    ('mul', operator.mul),
    ('truediv', operator.truediv),
    ('floordiv', operator.floordiv),
    ('mod', operator.mod),
    ('pow', operator.pow),
    ('and', operator.and_),
    ('or', operator.or_),
]:
    setattr(FrameMath, f'__{_name}__', _binop(f'__{_name}__', _op))
    setattr(FrameMath, f'__r{_name}__', _binop(f'__r{_name}__', _op, True))
    if _name not in ('and', 'or'):
        setattr(FrameMath, _name, _binop(_name, _op))
for _name in ('__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__'):
    setattr(FrameMath, _name, _cmpop(_name))
FrameMath.div = FrameMath.truediv
