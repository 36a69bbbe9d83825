"""pandas.DataFrame: labelled columns of one length (each a list of values with its dtype, see _values.py), row
labels and column labels as Index objects. Selection is in _indexing.py, reductions and arithmetic in
_frame_math.py, printing in _format.py, summaries (describe, info) in _summary.py, CSV in io.py."""

import math

import numpy as np

from . import _values as V
from ._index import Index, default_index, ensure_index
from ._unsupported import missing_name, unsupported
from ._construct import from_data as _from_data, sample_positions
from ._agg import FrameAgg
from ._frame_math import FrameMath
from ._merge import FrameMerge
from ._sequence import FrameSequence
from .series import Series, _is_array


def _list_like(value):
    # pandas.api.types.is_list_like: iterable, not a string or bytes, not a 0-d array
    return hasattr(value, '__iter__') and not isinstance(value, (str, bytes)) and getattr(value, 'ndim', 1) != 0


class DataFrame(FrameMath, FrameSequence, FrameMerge, FrameAgg):
    __array_priority__ = 1000

    def __init__(self, data=None, index=None, columns=None, dtype=None, copy=None):
        cols, dtypes, labels, row_index = _from_data(data, index, columns)
        if dtype is not None:
            target = V.as_dtype(dtype)
            cols = [V.cast(c, d, target) for c, d in zip(cols, dtypes)]
            dtypes = [target] * len(cols)
        self._data, self._dtypes = cols, dtypes
        self._columns, self._index = labels, row_index

    @staticmethod
    def _make(data, dtypes, columns, index):
        df = object.__new__(DataFrame)
        df._data, df._dtypes, df._columns, df._index = data, list(dtypes), columns, index
        return df

    # --- attributes --------------------------------------------------------------------------------------
    @property
    def columns(self):
        return self._columns

    @columns.setter
    def columns(self, labels):
        labels = ensure_index(labels)
        if len(labels) != len(self._data):
            raise ValueError(
                f'Length mismatch: Expected axis has {len(self._data)} elements, new values have {len(labels)} elements'
            )
        self._columns = labels

    @property
    def index(self):
        return self._index

    @index.setter
    def index(self, labels):
        labels = ensure_index(labels)
        if len(labels) != len(self._index):
            raise ValueError(
                f'Length mismatch: Expected axis has {len(self._index)} elements, new values have '
                f'{len(labels)} elements'
            )
        self._index = labels

    shape = property(lambda self: (len(self._index), len(self._data)))
    size = property(lambda self: len(self._index) * len(self._data))
    ndim = property(lambda self: 2)
    empty = property(lambda self: len(self._index) == 0 or len(self._data) == 0)
    axes = property(lambda self: [self._index, self._columns])

    @property
    def dtypes(self):
        return Series._make(list(self._dtypes), V.OBJECT, self._columns)

    def __len__(self):
        return len(self._index)

    def __iter__(self):
        return iter(self._columns._labels)

    def __contains__(self, key):
        return key in self._columns

    def keys(self):
        return self._columns

    def items(self):
        return [(label, self._column(j)) for j, label in enumerate(self._columns._labels)]

    def itertuples(self, index=True, name='Pandas'):
        import collections

        fields = (['Index'] if index else []) + [str(c) for c in self._columns._labels]
        rows = zip(self._index._labels, *self._data) if index else zip(*self._data)
        if name is None:
            return iter(rows)
        make = collections.namedtuple(name, fields, rename=True)
        return (make(*row) for row in rows)

    def to_dict(self, orient='dict', into=dict):
        labels, rows = self._columns._labels, range(len(self))
        if orient == 'dict':
            return into((c, self._column(j).to_dict(into)) for j, c in enumerate(labels))
        if orient == 'list':
            return into((c, [V.plain(v) for v in self._data[j]]) for j, c in enumerate(labels))
        if orient == 'series':
            return into((c, self._column(j)) for j, c in enumerate(labels))
        if orient == 'records':
            return [into((c, V.plain(self._data[j][i])) for j, c in enumerate(labels)) for i in rows]
        if orient == 'index':
            return into(
                (self._index._labels[i], into((c, V.plain(self._data[j][i])) for j, c in enumerate(labels)))
                for i in rows
            )
        raise unsupported(f'DataFrame.to_dict(orient={orient!r})')

    def transpose(self):
        """Rows become columns, each holding the frame's common dtype (object for mixed columns, as pandas)."""
        rows = [self._row(i, range(len(self._data))) for i in range(len(self))]
        dtype = V.common_dtype(self._dtypes)
        return DataFrame._make([r._values for r in rows], [dtype] * len(rows), self._index.copy(), self._columns.copy())

    T = property(transpose)

    def iterrows(self):
        for i, label in enumerate(self._index._labels):
            yield label, self._row(i, range(len(self._data)))

    def __repr__(self):
        from ._format import frame_to_string

        return frame_to_string(self)

    def to_string(self):
        return repr(self)

    def __bool__(self):
        raise ValueError(
            'The truth value of a DataFrame is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().'
        )

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        columns = self.__dict__.get('_columns')
        if columns is not None and name in columns:
            return self[name]
        error = missing_name('DataFrame', name)
        if error is not None:
            raise error
        raise AttributeError(f"'DataFrame' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        # pandas' NDFrame.__setattr__: real attributes (columns, index, ...) first, then an existing column by
        # attribute (`df.review = df.review.apply(f)` replaces it); a new list-like attribute warns, not a column.
        if name.startswith('_'):
            object.__setattr__(self, name, value)
            return
        try:
            object.__getattribute__(self, name)
        except AttributeError:
            columns = self.__dict__.get('_columns')
            if columns is not None and name in columns:
                self[name] = value
                return
            if _list_like(value):
                import warnings

                warnings.warn(
                    "Pandas doesn't allow columns to be created via a new attribute name - see "
                    'https://pandas.pydata.org/pandas-docs/stable/indexing.html#attribute-access',
                    UserWarning,
                    stacklevel=2,
                )
        object.__setattr__(self, name, value)

    # --- building blocks -----------------------------------------------------------------------------------
    def _column(self, j):
        return Series._make(self._data[j], self._dtypes[j], self._index, self._columns._labels[j])

    def _row(self, i, cols):
        cols = list(cols)
        dtype = V.common_dtype(self._dtypes[j] for j in cols)
        values = [self._data[j][i] for j in cols]
        if dtype is not V.OBJECT:
            values = V.cast(values, V.FLOAT64 if dtype.kind == 'f' else dtype, dtype)
        return Series._make(values, dtype, self._columns._take(cols), self._index._labels[i])

    def _take(self, rows, cols=None):
        cols = range(len(self._data)) if cols is None else cols
        everything = rows == list(range(len(self._index))) if isinstance(rows, list) else False
        data = [list(self._data[j]) if everything else [self._data[j][i] for i in rows] for j in cols]
        index = self._index.copy() if everything else self._index._take(rows)
        return DataFrame._make(data, [self._dtypes[j] for j in cols], self._columns._take(list(cols)), index)

    def _slice_rows(self, sl):
        return DataFrame._make([c[sl] for c in self._data], self._dtypes, self._columns, self._index._take(sl))

    def _col_positions(self, key):
        from ._indexing import label_positions

        return label_positions(key, self._columns)

    def copy(self, deep=True):
        return DataFrame._make([list(c) for c in self._data], self._dtypes, self._columns, self._index)

    @property
    def iloc(self):
        from ._indexing import FrameILoc

        return FrameILoc(self)

    @property
    def loc(self):
        from ._indexing import FrameLoc

        return FrameLoc(self)

    @property
    def values(self):
        return self.to_numpy()

    def to_numpy(self, dtype=None, copy=False, na_value=None):
        common = V.common_dtype(self._dtypes)
        rows = [list(r) for r in zip(*self._data)] if self._data else [[] for _ in self._index._labels]
        if na_value is not None:
            rows = [[na_value if V.is_na(v) else v for v in r] for r in rows]
        if not rows:
            return np.zeros((0, len(self._data)), dtype=common if dtype is None else dtype)
        return V.to_array(rows, common, dtype)

    __array__ = to_numpy

    # --- [] ------------------------------------------------------------------------------------------------
    def __getitem__(self, key):
        from ._indexing import _is_mask, mask_positions

        if isinstance(key, slice):
            if all(isinstance(x, (int, type(None))) for x in (key.start, key.stop, key.step)):
                return self._slice_rows(key)
            return self.loc[key]
        if isinstance(key, DataFrame):
            raise unsupported('df[boolean DataFrame] (masking cells)', 'use df.where or select rows with a Series')
        if _is_mask(key) and not isinstance(key, str):
            return self._take(mask_positions(key, self._index))
        if isinstance(key, (list, Index, Series)) or _is_array(key):
            cols, _ = self._col_positions(key)
            return self._take(list(range(len(self._index))), cols)
        positions, _ = self._col_positions(key)
        if len(positions) > 1:
            return self._take(list(range(len(self._index))), positions)
        return self._column(positions[0])

    def __setitem__(self, key, value):
        if isinstance(key, (list, Index)) or _is_array(key):
            self._set_columns(list(key), value)
            return
        if isinstance(key, (Series, DataFrame)):
            raise unsupported('df[mask] = value', 'use df.loc[mask, column] = value')
        values, dtype = self._column_values(value)
        if key in self._columns:
            j = self._columns._positions(key)[0]
            self._data[j], self._dtypes[j] = values, dtype
        else:
            self._data.append(values)
            self._dtypes.append(dtype)
            self._columns = Index(self._columns._labels + [key])
            if not self._columns._labels[:-1] and not isinstance(key, str):
                self._columns._set_dtype()

    def _set_columns(self, keys, value):
        if isinstance(value, DataFrame):
            if len(value.columns) != len(keys):
                raise ValueError('Columns must be same length as key')
            for k, j in zip(keys, range(len(value._data))):
                self[k] = value._column(j)
            return
        if _is_array(value) and value.ndim == 2:
            for k, column in zip(keys, np.asarray(value).T):
                self[k] = column
            return
        for k in keys:
            self[k] = value

    def _column_values(self, value):
        """(values, dtype) of a value assigned as a whole column, lined up with the rows."""
        n = len(self._index)
        if isinstance(value, Series):
            if value.index.equals(self._index) or (not self._data and not n):
                if not self._data and not n:
                    self._index = value.index
                return list(value._values), value._dtype
            if not self._index.is_unique or not value.index.is_unique:
                raise ValueError('cannot reindex on an axis with duplicate labels')
            lookup = dict(zip(value.index._labels, value._values))
            return (
                V.infer([lookup.get(label, math.nan) for label in self._index._labels])
                if value._dtype.kind != 'f'
                else ([float(lookup.get(label, math.nan)) for label in self._index._labels], value._dtype)
            )
        if _is_array(value) or isinstance(value, (list, tuple, range)):
            values, dtype = V.from_array(value) if _is_array(value) else V.infer(list(value))
            if not self._data and not n:
                self._index = default_index(len(values))
            elif len(values) != n:
                raise ValueError(f'Length of values ({len(values)}) does not match length of index ({n})')
            return values, dtype
        return V.infer([value] * n) if n else ([], V.infer([value])[1])

    def insert(self, loc, column, value):
        self[column] = value
        j = len(self._data) - 1
        order = list(range(loc)) + [j] + list(range(loc, j))
        self._data = [self._data[k] for k in order]
        self._dtypes = [self._dtypes[k] for k in order]
        self._columns = self._columns._take(order)

    def pop(self, item):
        s = self[item]
        j = self._columns._positions(item)[0]
        del self._data[j], self._dtypes[j]
        self._columns = self._columns._take([k for k in range(len(self._columns)) if k != j])
        return s

    # --- rows ----------------------------------------------------------------------------------------------
    def head(self, n=5):
        return self._slice_rows(slice(0, n))

    def tail(self, n=5):
        return self._slice_rows(slice(max(len(self) - n, 0), None) if n >= 0 else slice(-n, None))

    def sample(self, n=None, frac=None, replace=False, weights=None, random_state=None, axis=None):
        if weights is not None or axis not in (None, 0, 'index'):
            raise unsupported('DataFrame.sample with weights or axis')
        return self._take(sample_positions(len(self), n, frac, replace, random_state))

    def set_index(self, keys, drop=True, append=False, inplace=False, verify_integrity=False):
        if isinstance(keys, list) and len(keys) == 1:
            keys = keys[0]
        if isinstance(keys, (list, tuple, Series, Index)) or _is_array(keys) or append:
            raise unsupported('set_index with several keys, an array or append=True (a MultiIndex)', 'one column')
        j = self._col_positions(keys)[0][0]
        index = Index(list(self._data[j]), name=self._columns._labels[j])
        if self._dtypes[j] is not V.OBJECT:
            index.dtype = self._dtypes[j]
        result = self.drop(columns=[keys]) if drop else self.copy()
        result._index = index
        return self._inplace(result, inplace)

    def reset_index(self, drop=False, inplace=False):
        df = self if inplace else self.copy()
        if not drop and self._index.nlevels > 1:  # each level becomes a column, in order
            index = self._index
            names = [f'level_{i}' if n is None else n for i, n in enumerate(index.names)]
            for i, name in enumerate(names):
                df._data.insert(i, [t[i] for t in index._labels])
                df._dtypes.insert(i, index._level_dtypes[i] or V.infer(df._data[i])[1])
            df._columns = Index(names + self._columns._labels, name=self._columns.name)
        elif not drop:
            # the old index becomes the first column, named after the index (or 'index', then 'level_0')
            name = self._index.name
            if name is None:
                name = 'index' if 'index' not in self._columns else 'level_0'
            if name in self._columns:
                raise ValueError(f'cannot insert {name}, already exists')
            df._data.insert(0, list(self._index._labels))
            df._dtypes.insert(0, self._index.dtype)
            df._columns = Index([name] + self._columns._labels, name=self._columns.name)
        df._index = default_index(len(self))
        return None if inplace else df

    def sort_values(self, by, ascending=True, inplace=False, na_position='last', ignore_index=False):
        from ._categorical import sort_key
        from ._sorting import lexsort_indexer, nargsort

        if na_position != 'last':
            raise unsupported("sort_values(na_position='first')")
        by = [by] if not isinstance(by, (list, tuple)) else list(by)
        cols = [self._col_positions(b)[0][0] for b in by]
        if len(cols) == 1:
            order = nargsort(sort_key(self._data[cols[0]], self._dtypes[cols[0]]), bool(ascending))
        else:
            ups = list(ascending) if isinstance(ascending, (list, tuple)) else [ascending] * len(cols)
            order = lexsort_indexer([sort_key(self._data[j], self._dtypes[j]) for j in cols], ups)
        result = self._take(order)
        if ignore_index:
            result._index = default_index(len(result))
        return self._inplace(result, inplace)

    def groupby(self, by, axis=0, level=None, as_index=True, sort=True, group_keys=True, dropna=True):
        from .groupby import DataFrameGroupBy, FlatGroupBy

        if isinstance(by, list) and len(by) == 1:
            by = by[0]
        if isinstance(by, tuple) or callable(by) or isinstance(by, Series):
            raise unsupported('groupby over a function or a Series', 'group by column labels')
        if axis not in (0, 'index') or level is not None or not sort or not dropna:
            raise unsupported('groupby with axis, level, sort=False or dropna=False')
        return DataFrameGroupBy(self, by) if as_index else FlatGroupBy(DataFrameGroupBy(self, by))

    def melt(self, id_vars=None, value_vars=None, var_name=None, value_name='value', col_level=None, ignore_index=True):
        from ._reshape import melt

        return melt(self, id_vars, value_vars, var_name, value_name, col_level, ignore_index)

    def query(self, expr, inplace=False, **kwargs):
        from ._query import query

        return query(self, expr, inplace)

    def dropna(self, axis=0, how='any', subset=None, inplace=False):
        if axis not in (0, 'index'):
            raise unsupported('dropna(axis=1)')
        cols = range(len(self._data)) if subset is None else self._col_positions(list(subset))[0]
        test = any if how == 'any' else all
        keep = [i for i in range(len(self)) if not test(V.is_na(self._data[j][i]) for j in cols)]
        return self._inplace(self._take(keep), inplace)

    def _inplace(self, result, inplace):
        if not inplace:
            return result
        self._data, self._dtypes, self._columns, self._index = (
            result._data,
            result._dtypes,
            result._columns,
            result._index,
        )
        return None

    def drop(self, labels=None, axis=0, index=None, columns=None, inplace=False, errors='raise'):
        if labels is not None:
            if axis in (1, 'columns'):
                columns = labels
            else:
                index = labels
        result = self
        if columns is not None:
            keep = _kept(self._columns, columns, errors)
            result = result._take(list(range(len(self))), keep)
        if index is not None:
            result = result._take(_kept(result._index, index, errors))
        return self._inplace(result if result is not self else self.copy(), inplace)

    def rename(self, columns=None, index=None, inplace=False):
        if index is not None:
            raise unsupported('rename(index=...)')
        lookup = columns if callable(columns) else (lambda c: columns.get(c, c))
        result = self.copy()
        result._columns = Index([lookup(c) for c in self._columns._labels])
        return self._inplace(result, inplace)

    def select_dtypes(self, include=None, exclude=None):
        def matches(dtype, specs):
            specs = specs if isinstance(specs, (list, tuple)) else [specs]
            return any(_dtype_matches(dtype, s) for s in specs)

        keep = [
            j
            for j, d in enumerate(self._dtypes)
            if (include is None or matches(d, include)) and (exclude is None or not matches(d, exclude))
        ]
        return self._take(list(range(len(self))), keep)

    # --- missing values ------------------------------------------------------------------------------------
    def isnull(self):
        return self._map_columns(lambda s: s.isnull())

    isna = isnull

    def notnull(self):
        return self._map_columns(lambda s: s.notnull())

    notna = notnull

    def fillna(self, value=None, inplace=False):
        if isinstance(value, (dict, Series)):
            fills = value if isinstance(value, dict) else dict(zip(value.index._labels, value._values))
            result = self._map_columns(lambda s: s.fillna(fills[s.name]) if s.name in fills else s.copy())
        else:
            result = self._map_columns(lambda s: s.fillna(value))
        return self._inplace(result, inplace)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """np.log(df), np.sqrt(df + 1): the ufunc column by column (with scalars beside the frame only)."""
        if method != '__call__' or kwargs or any(x is not self and hasattr(x, '__len__') for x in inputs):
            return NotImplemented
        return self._map_columns(lambda s: ufunc(*[s if x is self else x for x in inputs]))

    def mode(self, axis=0, numeric_only=False, dropna=True):
        if axis not in (0, 'index'):
            raise unsupported('DataFrame.mode(axis=1)')
        cols = [j for j in range(len(self._data)) if not numeric_only or V.is_numeric(self._dtypes[j])]
        modes = [self._column(j).mode(dropna) for j in cols]
        n = max((len(m) for m in modes), default=0)
        data, dtypes = [], []
        for m in modes:
            values, dtype = list(m._values), m._dtype
            if len(values) < n:
                # Shorter columns are padded with NaN as pandas aligns them: ints become float64, bools object.
                if dtype is not V.OBJECT and dtype.kind in 'iu':
                    values, dtype = V.cast(values, dtype, V.FLOAT64), V.FLOAT64
                elif dtype is not V.OBJECT and dtype.kind == 'b':
                    dtype = V.OBJECT
                values = values + [math.nan] * (n - len(values))
            data.append(values)
            dtypes.append(dtype)
        return DataFrame._make(data, dtypes, self._columns._take(cols), default_index(n))

    def _map_columns(self, func):
        out = [func(self._column(j)) for j in range(len(self._data))]
        return DataFrame._make([s._values for s in out], [s._dtype for s in out], self._columns, self._index)

    def astype(self, dtype):
        if isinstance(dtype, dict):
            return self._map_columns(lambda s: s.astype(dtype[s.name]) if s.name in dtype else s.copy())
        return self._map_columns(lambda s: s.astype(dtype))

    def apply(self, func, axis=0, raw=False, result_type=None, args=(), **kwargs):
        if raw or result_type is not None:
            raise unsupported('DataFrame.apply with raw or result_type')
        if axis in (1, 'columns'):
            out = [func(self._row(i, range(len(self._data))), *args, **kwargs) for i in range(len(self))]
            if any(isinstance(v, Series) for v in out):
                raise unsupported('DataFrame.apply(axis=1) with a function that returns a Series')
            return Series._make(*V.infer(out), self._index)
        out = [func(self._column(j), *args, **kwargs) for j in range(len(self._data))]
        if out and all(isinstance(s, Series) for s in out):
            if not all(s.index.equals(self._index) for s in out):
                raise unsupported('DataFrame.apply with a function that changes the index')
            return DataFrame._make([s._values for s in out], [s._dtype for s in out], self._columns, self._index)
        if any(isinstance(v, Series) for v in out):
            raise unsupported('DataFrame.apply with a function that returns a Series for some columns only')
        return Series._make(*V.infer([V.plain(v) for v in out]), self._columns)

    def replace(self, to_replace=None, value=None, inplace=False):
        if isinstance(to_replace, dict) and value is None and any(isinstance(v, dict) for v in to_replace.values()):
            raise unsupported('DataFrame.replace with a nested dict')
        return self._inplace(self._map_columns(lambda s: s.replace(to_replace, value)), inplace)

    def round(self, decimals=0):
        return self._map_columns(lambda s: s.round(decimals) if V.is_numeric(s.dtype) else s.copy())

    def applymap(self, func):
        return self._map_columns(lambda s: s.apply(func))

    def to_csv(
        self,
        path_or_buf=None,
        sep=',',
        na_rep='',
        float_format=None,
        columns=None,
        header=True,
        index=True,
        index_label=None,
        mode='w',
        encoding=None,
        lineterminator=None,
    ):
        from .io import write_csv

        return write_csv(
            self, path_or_buf, sep, na_rep, float_format, columns, header, index, index_label, mode, lineterminator
        )


def _kept(index, labels, errors):
    labels = [labels] if isinstance(labels, str) or not hasattr(labels, '__iter__') else list(labels)
    missing = [label for label in labels if label not in index]
    if missing and errors == 'raise':
        raise KeyError(f'{missing} not found in axis')
    try:
        dropped = set(labels)
    except TypeError:
        dropped = labels
    return [i for i, v in enumerate(index._labels) if v not in dropped]


def _dtype_matches(dtype, spec):
    if spec in ('number', np.number):
        return V.is_numeric(dtype) and dtype.kind != 'b'
    if spec in (object, 'object', 'O', str):
        return dtype is V.OBJECT
    if spec in (bool, 'bool'):
        return dtype is not V.OBJECT and dtype.kind == 'b'
    if spec in ('float', float, np.floating):
        return dtype is not V.OBJECT and dtype.kind == 'f'
    if spec in ('int', 'integer', int, np.integer):
        return dtype is not V.OBJECT and dtype.kind in 'iu'
    return dtype == spec
