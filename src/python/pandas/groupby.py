"""df.groupby(column) for the summaries learners print before training: the groups of one key column (sorted
keys, missing keys left out) reduced per column with size, count, sum, prod, mean, std, var, median, min, max and nunique (string columns
dropped with pandas 1.5's FutureWarning where the reduction needs numbers), agg/aggregate (_agg.py), a column
selection (gb['x'], gb[['x', 'y']]) and iteration over (key, frame) pairs. Results have the key as their index
name, as in pandas. Several key columns group by tuples of their values (sorted), under a MultiIndex (_multi.py);
a categorical key keeps its categories' order and its empty categories."""

import warnings

from . import _values as V
from ._categorical import is_categorical
from ._index import Index
from ._reduce import reduce
from ._unsupported import unsupported
from .series import Series

_NUMERIC_OPS = ('sum', 'prod', 'mean', 'std', 'var', 'median', 'min', 'max')


class DataFrameGroupBy:
    def __init__(self, df, by, columns=None, single=False):
        self._df = df
        self._by = by
        if isinstance(by, list):  # several keys: tuples of their values, under a MultiIndex
            self._key_cols = df._col_positions(by)[0]
            if any(is_categorical(df._dtypes[j]) for j in self._key_cols):
                raise unsupported('groupby over several keys with a categorical one', 'group by one categorical')
            self._key = None
        else:
            self._key_cols = df._col_positions(by)[0][:1]
            self._key = self._key_cols[0]
        others = [j for j in range(len(df._data)) if j not in self._key_cols]
        self._cols = others if columns is None else columns
        self._single = single
        if self._key is None:
            keys = [t if not any(V.is_na(v) for v in t) else None for t in zip(*(df._data[j] for j in self._key_cols))]
            key_dtype = V.OBJECT
        else:
            keys = df._data[self._key]
            key_dtype = df._dtypes[self._key]
        # a categorical key groups by its categories in their order, empty ones too (pandas 1.5's observed=False)
        groups = {k: [] for k in key_dtype.categories_list} if is_categorical(key_dtype) else {}
        for i, k in enumerate(keys):
            if not V.is_na(k):
                groups.setdefault(k, []).append(i)
        try:
            order = list(groups) if is_categorical(key_dtype) else sorted(groups)
        except TypeError:
            raise unsupported('groupby over keys that do not sort together') from None
        self._keys = order
        self._groups = [groups[k] for k in order]

    def __len__(self):
        return len(self._keys)

    def __iter__(self):
        for k, rows in zip(self._keys, self._groups):
            if self._key is not None:
                k = V.box(k, self._df._dtypes[self._key])
            yield k, self._df._take(rows)

    def __getitem__(self, key):
        if isinstance(key, (list, tuple)):
            return DataFrameGroupBy(self._df, self._by, self._df._col_positions(list(key))[0])
        return DataFrameGroupBy(self._df, self._by, self._df._col_positions(key)[0], single=True)

    def __getattr__(self, name):
        from ._names import NAMES

        if not name.startswith('_') and not self._single and name in self._df.columns:
            return self[name]  # gb.Age, as gb['Age']
        if not name.startswith('_') and name in NAMES['DataFrameGroupBy']:
            raise unsupported(
                f'groupby(...).{name}', 'the subset has size, count, sum, prod, mean, std, var, median, min, max'
            )
        raise AttributeError(f"'DataFrameGroupBy' object has no attribute '{name}'")

    def _index(self):
        if self._key is None:
            from ._multi import MultiIndex

            return MultiIndex(self._keys, self._by, [self._df._dtypes[j] for j in self._key_cols])
        idx = Index(list(self._keys), name=self._by)
        dtype = self._df._dtypes[self._key]
        if self._keys:
            idx.dtype = dtype.categories_dtype if is_categorical(dtype) else dtype
        return idx

    def size(self):
        return Series._make(
            [len(g) for g in self._groups],
            V.INT64,
            self._index(),
            self._df.columns._labels[self._cols[0]] if self._single else None,
        )

    def count(self):
        return self._apply('count')

    def _apply(self, how, ddof=1, numeric_only=None):
        df = self._df
        cols = self._cols
        numeric = [j for j in cols if V.is_numeric(df._dtypes[j])]
        if numeric_only or numeric_only is None and how not in ('count', 'min', 'max') and len(numeric) < len(cols):
            if not numeric and not numeric_only:
                # with no numeric column left pandas 1.5 joins strings (sum) or gives an empty frame
                dtype = df._dtypes[next(j for j in cols if j not in numeric)]
                raise unsupported(
                    f'groupby(...).{how}() over a column of dtype {dtype}',
                    'select the numeric columns first, e.g. df.groupby(key)[[...]]',
                )
            if not numeric_only:
                # pandas 1.5 drops the columns the reduction fails on ("nuisance" columns, strings here), warning
                # that it will stop doing so.
                warnings.warn(
                    f'The default value of numeric_only in DataFrameGroupBy.{how} is deprecated. In a future '
                    'version, numeric_only will default to False. Either specify numeric_only or select only '
                    'columns which should be valid for the function.',
                    FutureWarning,
                    stacklevel=_user_stacklevel(),
                )
            cols = numeric
        data, dtypes = [], []
        for j in cols:
            values, dtype = df._data[j], df._dtypes[j]
            out = [V.plain(reduce([values[i] for i in rows], dtype, how, True, ddof)) for rows in self._groups]
            if how == 'count' or how in ('sum', 'prod') and dtype.kind in 'biu':
                result_dtype = V.INT64
            elif how in ('min', 'max'):
                result_dtype = dtype
            else:
                result_dtype = V.FLOAT64
                out = [float(v) for v in out]
            data.append(out)
            dtypes.append(result_dtype)
        index = self._index()
        if self._single:
            j = self._cols[0]
            return Series._make(data[0], dtypes[0], index, df.columns._labels[j])
        return df._make(data, dtypes, df.columns._take(cols), index)

    def sum(self, numeric_only=None, min_count=0):
        return self._apply('sum', numeric_only=numeric_only)

    def prod(self, numeric_only=None, min_count=0):
        return self._apply('prod', numeric_only=numeric_only)

    def mean(self, numeric_only=None):
        return self._apply('mean', numeric_only=numeric_only)

    def std(self, ddof=1, numeric_only=None):
        return self._apply('std', ddof, numeric_only)

    def var(self, ddof=1, numeric_only=None):
        return self._apply('var', ddof, numeric_only)

    def median(self, numeric_only=None):
        return self._apply('median', numeric_only=numeric_only)

    def min(self, numeric_only=False, min_count=-1):
        return self._apply('min', numeric_only=numeric_only)

    def max(self, numeric_only=False, min_count=-1):
        return self._apply('max', numeric_only=numeric_only)

    def nunique(self, dropna=True):
        return self.agg(lambda s: s.nunique(dropna))

    def agg(self, func=None, *args, **kwargs):
        from ._agg import groupby_agg

        if args:
            raise unsupported('groupby(...).agg with extra positional arguments')
        return groupby_agg(self, func, kwargs)

    aggregate = agg


def _user_stacklevel():
    """warnings.warn's stacklevel of the first caller outside this package (pandas' find_stack_level), so that
    gb.mean() and gb.agg('mean') both point the warning at the learner's line."""
    import sys

    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get('__name__', '').split('.')[0] == __name__.split('.')[0]:
        frame, level = frame.f_back, level + 1
    return level


class FlatGroupBy:
    """df.groupby(key, as_index=False): the grouped results with their keys as leading columns and a fresh
    0..n-1 index (pandas' reset_index of the as_index=True result; size() names its column 'size')."""

    def __init__(self, gb):
        self._gb = gb

    def __len__(self):
        return len(self._gb)

    def __iter__(self):
        return iter(self._gb)

    def __getitem__(self, key):
        return FlatGroupBy(self._gb[key])

    def __getattr__(self, name):
        attr = getattr(self._gb, name)
        if isinstance(attr, DataFrameGroupBy):
            return FlatGroupBy(attr)
        if name.startswith('_') or not callable(attr):
            return attr

        def flat(*args, **kwargs):
            result = attr(*args, **kwargs)
            if isinstance(result, Series):
                return result.reset_index(name='size') if name == 'size' else result.reset_index()
            if result.columns.nlevels > 1:
                raise unsupported(
                    'groupby(..., as_index=False) with two-level column labels', 'call reset_index() on the result'
                )
            return result.reset_index()

        flat.__name__ = name
        return flat
