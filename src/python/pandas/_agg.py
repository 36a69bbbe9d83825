"""agg/aggregate of a Series, a DataFrame and a groupby, as pandas 1.5 gives them: a function name or a function
reduces like the method it names, a list of them gives one row (or, after a groupby, one column) per function,
a dict picks functions per column, and groupby's named aggregation (avg=('Age', 'mean')) names the results.
A list over several columns after a groupby, or a dict value that is a list, labels the columns (column, function):
a two-level MultiIndex (_multi.py)."""

import builtins

import numpy as np

from . import _values as V
from ._index import Index
from ._unsupported import unsupported

# numpy's and Python's reductions that pandas swaps for its own methods (pandas.core.common._cython_table)
_NAMED = {
    np.sum: 'sum',
    np.mean: 'mean',
    np.std: 'std',
    np.var: 'var',
    np.median: 'median',
    np.max: 'max',
    np.min: 'min',
    np.prod: 'prod',
    builtins.sum: 'sum',
    builtins.max: 'max',
    builtins.min: 'min',
}
# reductions the groupby computes itself (groupby.py), keeping pandas' result dtypes
_GROUPBY_OPS = ('size', 'count', 'sum', 'prod', 'mean', 'std', 'var', 'median', 'min', 'max')


def _resolve(func):
    """A function name for pandas' own reductions, else the callable itself."""
    try:
        return _NAMED.get(func, func)
    except TypeError:  # unhashable
        return func


def _label(func):
    func = _resolve(func)
    return func if isinstance(func, str) else getattr(func, '__name__', repr(func))


def _is_list(func):
    return isinstance(func, (list, tuple))


def series_agg(s, func, args=(), kwargs=None):
    kwargs = kwargs or {}
    if isinstance(func, dict):
        raise unsupported('Series.agg with a dict', 'pass a function name or a list of them')
    if _is_list(func):
        from .series import Series

        out = [V.plain(series_agg(s, f, args, kwargs)) for f in func]
        return Series._make(*V.infer(out), Index([_label(f) for f in func]), s.name)
    func = _resolve(func)
    if isinstance(func, str):
        return getattr(s, func)(*args, **kwargs)
    return func(s, *args, **kwargs)


def frame_agg(df, func, axis=0, args=(), kwargs=None):
    from .frame import DataFrame
    from .series import Series

    if axis not in (0, 'index'):
        raise unsupported('DataFrame.agg(axis=1)')
    if isinstance(func, dict):
        if any(_is_list(f) for f in func.values()):
            raise unsupported("DataFrame.agg with a dict holding lists ({'col': ['min', 'max']})")
        cols = list(func)
        out = [V.plain(series_agg(df[c], func[c], args, kwargs)) for c in cols]
        return Series._make(*V.infer(out), Index(cols))
    if _is_list(func):
        results = [series_agg(df._column(j), func, args, kwargs) for j in range(len(df._data))]
        return DataFrame._make(
            [list(r._values) for r in results],
            [r._dtype for r in results],
            df.columns,
            Index([_label(f) for f in func]),
        )
    func = _resolve(func)
    if isinstance(func, str):
        return getattr(df, func)(*args, **(kwargs or {}))
    return df.apply(func, args=args, **(kwargs or {}))


def groupby_agg(gb, func=None, kwargs=None):
    """gb.agg(...): gb is a DataFrameGroupBy (over one column when gb._single)."""
    from .groupby import DataFrameGroupBy

    df = gb._df
    if func is None and kwargs:
        # named aggregation: agg(new_name=('column', func), ...)
        pairs = [(name, spec) for name, spec in kwargs.items()]
        if not all(isinstance(spec, tuple) and len(spec) == 2 for _, spec in pairs):
            raise TypeError('Must provide \'func\' or tuples of \'(column, aggfunc).')
        parts = [_one(DataFrameGroupBy(df, gb._by, df._col_positions(c)[0], True), f) for _, (c, f) in pairs]
        return _side_by_side(parts, [name for name, _ in pairs], gb._index())
    if isinstance(func, dict):
        if any(_is_list(f) for f in func.values()):
            return _two_level(gb, func)
        cols = list(func)
        parts = [_one(DataFrameGroupBy(df, gb._by, df._col_positions(c)[0], True), func[c]) for c in cols]
        return _side_by_side(parts, cols, gb._index())
    if _is_list(func):
        if not gb._single:
            return _two_level(gb, {df.columns._labels[j]: func for j in gb._cols})
        parts = [_one(gb, f) for f in func]
        return _side_by_side(parts, [_label(f) for f in func], gb._index())
    if gb._single:
        return _one(gb, func)
    func = _resolve(func)
    if isinstance(func, str) and func in _GROUPBY_OPS:
        return getattr(gb, func)()
    parts = [_one(DataFrameGroupBy(df, gb._by, [j], True), func) for j in gb._cols]
    return _side_by_side(parts, [df.columns._labels[j] for j in gb._cols], gb._index())


def _two_level(gb, funcs):
    """agg of a list of functions per column: columns labelled (column, function), a two-level MultiIndex."""
    from .frame import DataFrame
    from .groupby import DataFrameGroupBy
    from ._multi import MultiIndex

    df = gb._df
    parts, labels = [], []
    for col, fs in funcs.items():
        j = df._col_positions(col)[0][0]
        if not V.is_numeric(df._dtypes[j]):
            raise unsupported(
                f'groupby(...).agg with a list of functions over the column {col!r} of dtype {df._dtypes[j]}',
                'select the numeric columns first, e.g. df.groupby(key)[[...]]',
            )
        for f in fs if _is_list(fs) else [fs]:
            parts.append(_one(DataFrameGroupBy(df, gb._by, [j], True), f))
            labels.append((col, _label(f)))
    return DataFrame._make([list(p._values) for p in parts], [p._dtype for p in parts], MultiIndex(labels), gb._index())


def _one(gb, func):
    """One column's groups reduced by func: a Series under the group keys."""
    from .series import Series

    func = _resolve(func)
    if isinstance(func, str) and func in _GROUPBY_OPS:
        return getattr(gb, func)()
    j = gb._cols[0]
    values, dtype = gb._df._data[j], gb._df._dtypes[j]
    name = gb._df.columns._labels[j]
    index = gb._df.index
    out = []
    for rows in gb._groups:
        group = Series._make([values[i] for i in rows], dtype, index._take(rows), name)
        result = getattr(group, func)() if isinstance(func, str) else func(group)
        if isinstance(result, Series):
            raise unsupported('groupby(...).agg with a function that returns a Series', 'reduce to one value')
        out.append(V.plain(result))
    return Series._make(*V.infer(out), gb._index(), name)


def _side_by_side(parts, labels, index):
    from .frame import DataFrame

    return DataFrame._make([list(p._values) for p in parts], [p._dtype for p in parts], Index(labels), index)


class SeriesAgg:
    """Series.agg/aggregate."""

    def agg(self, func=None, axis=0, *args, **kwargs):
        return series_agg(self, func, args, kwargs)

    aggregate = agg


class FrameAgg:
    """DataFrame.agg/aggregate."""

    def agg(self, func=None, axis=0, *args, **kwargs):
        return frame_agg(self, func, axis, args, kwargs)

    aggregate = agg
