"""df.groupby(column) for the summaries learners print before training: the groups of one key column (sorted
keys, missing keys left out) reduced per numeric column with size, count, sum, mean, std, var, median, min and
max, a column selection (gb['x'], gb[['x', 'y']]) and iteration over (key, frame) pairs. Results have the key
as their index name, as in pandas."""

from . import _values as V
from ._index import Index
from ._reduce import reduce
from ._unsupported import unsupported
from .series import Series

_NUMERIC_OPS = ('sum', 'mean', 'std', 'var', 'median', 'min', 'max')


class DataFrameGroupBy:
    def __init__(self, df, by, columns=None, single=False):
        self._df = df
        self._by = by
        self._key = df._col_positions(by)[0][0]
        others = [j for j in range(len(df._data)) if j != self._key]
        self._cols = others if columns is None else columns
        self._single = single
        keys = df._data[self._key]
        groups = {}
        for i, k in enumerate(keys):
            if not V.is_na(k):
                groups.setdefault(k, []).append(i)
        try:
            order = sorted(groups)
        except TypeError:
            raise unsupported('groupby over keys that do not sort together') from None
        self._keys = order
        self._groups = [groups[k] for k in order]

    def __len__(self):
        return len(self._keys)

    def __iter__(self):
        for k, rows in zip(self._keys, self._groups):
            yield (
                V.box(k, self._df._dtypes[self._key]) if self._df._dtypes[self._key] is not V.OBJECT else k,
                self._df._take(rows),
            )

    def __getitem__(self, key):
        if isinstance(key, (list, tuple)):
            return DataFrameGroupBy(self._df, self._by, self._df._col_positions(list(key))[0])
        return DataFrameGroupBy(self._df, self._by, self._df._col_positions(key)[0], single=True)

    def __getattr__(self, name):
        from ._names import NAMES

        if not name.startswith('_') and name in NAMES['DataFrameGroupBy']:
            raise unsupported(
                f'groupby(...).{name}', 'the subset has size, count, sum, mean, std, var, median, min, max'
            )
        raise AttributeError(f"'DataFrameGroupBy' object has no attribute '{name}'")

    def _index(self):
        idx = Index(list(self._keys), name=self._by)
        if self._keys:
            idx.dtype = self._df._dtypes[self._key]
        return idx

    def size(self):
        return Series._make(
            [len(g) for g in self._groups],
            V.INT64,
            self._index(),
            self._df.columns[self._key] if self._single else None,
        )

    def count(self):
        return self._apply('count')

    def _apply(self, how, ddof=1):
        df = self._df
        for j in self._cols:
            dtype = df._dtypes[j]
            if how != 'count' and (dtype is V.OBJECT or dtype.kind not in 'iuf'):
                raise unsupported(
                    f'groupby(...).{how}() over a column of dtype {dtype}',
                    'select the numeric columns first, e.g. df.groupby(key)[[...]]',
                )
        data, dtypes = [], []
        for j in self._cols:
            values, dtype = df._data[j], df._dtypes[j]
            out = [V.plain(reduce([values[i] for i in rows], dtype, how, True, ddof)) for rows in self._groups]
            if how == 'count' or how == 'sum' and dtype.kind in 'iu':
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
        return df._make(data, dtypes, df.columns._take(self._cols), index)

    def sum(self, numeric_only=None):
        return self._apply('sum')

    def mean(self, numeric_only=None):
        return self._apply('mean')

    def std(self, ddof=1, numeric_only=None):
        return self._apply('std', ddof)

    def var(self, ddof=1, numeric_only=None):
        return self._apply('var', ddof)

    def median(self, numeric_only=None):
        return self._apply('median')

    def min(self, numeric_only=None):
        return self._apply('min')

    def max(self, numeric_only=None):
        return self._apply('max')
