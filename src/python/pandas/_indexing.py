"""Selection by position (iloc), by label (loc) and with [] for Series and DataFrame, and assignment through
them: which rows and columns a key names, as pandas 1.5 reads keys."""

import numpy as np

from . import _values as V
from ._unsupported import unsupported


def _is_scalar(key):
    return not isinstance(key, (slice, list, tuple)) and not hasattr(key, '__len__') or isinstance(key, str)


def _as_list(key):
    if hasattr(key, '_values') and hasattr(key, 'index'):  # a Series
        return list(key._values)
    if hasattr(key, '_labels'):  # an Index
        return list(key._labels)
    if hasattr(key, 'tolist'):
        return key.tolist()
    return list(key)


def mask_positions(key, index):
    mask = _as_list(key)
    if hasattr(key, 'index') and hasattr(key, '_values') and not key.index.equals(index):
        raise unsupported('a boolean Series mask with a different index', 'use mask.values')
    if len(mask) != len(index):
        raise IndexError(f'Boolean index has wrong length: {len(mask)} instead of {len(index)}')
    return [i for i, m in enumerate(mask) if m]


def _is_mask(key):
    if hasattr(key, 'dtype') and not isinstance(key, str):
        return key.dtype == V.BOOL
    return isinstance(key, list) and bool(key) and all(type(k) is bool for k in key)


def positions(key, n):
    """Positions that an iloc key selects (and whether it was a single position)."""
    if isinstance(key, slice):
        return list(range(n))[key], False
    if _is_scalar(key):
        i = int(key)
        if not -n <= i < n:
            raise IndexError('single positional indexer is out-of-bounds')
        return [i % n], True
    if _is_mask(key):
        mask = _as_list(key)
        if len(mask) != n:
            raise IndexError(f'Boolean index has wrong length: {len(mask)} instead of {n}')
        return [i for i, m in enumerate(mask) if m], False
    out = []
    for i in _as_list(key):
        if not -n <= i < n:
            raise IndexError('positional indexers are out-of-bounds')
        out.append(int(i) % n)
    return out, False


def label_positions(key, index):
    """Positions that a loc key selects in index (and whether it was a single label)."""
    if isinstance(key, slice):
        if key.step is not None:
            raise unsupported('loc slices with a step')
        start = 0 if key.start is None else index._positions(key.start)[0]
        stop = len(index) if key.stop is None else index._positions(key.stop)[-1] + 1
        return list(range(start, stop)), False
    if _is_mask(key) and not _is_scalar(key):
        return mask_positions(key, index), False
    if _is_scalar(key):
        found = index._positions(V.plain(key))
        return found, len(found) == 1
    out = []
    missing = []
    for label in _as_list(key):
        try:
            out.extend(index._positions(label))
        except KeyError:
            missing.append(label)
    if missing:
        raise KeyError(f'{missing} not in index')
    return out, False


def series_getitem(s, key):
    index = s.index
    if isinstance(key, slice):
        if all(isinstance(x, (int, type(None))) for x in (key.start, key.stop, key.step)):
            return s._slice(key)
        return s._take(label_positions(key, index)[0])
    if _is_scalar(key):
        key = V.plain(key)
        if index.dtype is V.OBJECT and type(key) is int and key not in index:
            return s._element(positions(key, len(s))[0][0])
        pos = index._positions(key)
        if index.nlevels > 1 and not isinstance(key, tuple):  # s['female']: its rows, under the other levels
            part = s._take(pos)
            part.index = index._droplevel0(pos)
            return part
        return s._element(pos[0]) if len(pos) == 1 else s._take(pos)
    return s._take(label_positions(key, index)[0])


def _assign(values, dtype, where, new):
    """A column's values and dtype after new values go into positions `where` (numbers upcast as pandas does)."""
    values = list(values)
    new = [V.plain(v) for v in new]
    for i, v in zip(where, new):
        values[i] = v
    if dtype is V.OBJECT:
        return values, dtype
    if dtype.kind == 'b' and all(type(v) is bool for v in new):
        return values, dtype
    if dtype.kind in 'iu' and all(type(v) is int for v in new):
        return V.cast(values, V.INT64, dtype), dtype
    if dtype.kind == 'f' and all(type(v) in (int, float) and v is not None for v in new):
        return [float(v) for v in values] if dtype == V.FLOAT64 else V.cast(values, V.FLOAT64, dtype), dtype
    inferred, kind = V.infer(values)
    return inferred, kind


def _broadcast(value, count):
    if hasattr(value, '_values') and hasattr(value, 'index'):
        value = value._values
    if isinstance(value, (list, tuple)) or hasattr(value, 'ndim') and value.ndim > 0:
        value = _as_list(value)
        if len(value) != count:
            raise ValueError('Must have equal len keys and value when setting with an iterable')
        return value
    return [value] * count


def set_series(s, key, value):
    if _is_mask(key) and not _is_scalar(key):
        where = mask_positions(key, s.index)
    elif _is_scalar(key) and key not in s.index and not (s.index.dtype is V.OBJECT and type(key) is int):
        raise unsupported('adding a label to a Series by assignment')
    elif _is_scalar(key) and s.index.dtype is V.OBJECT and type(key) is int and key not in s.index:
        where = positions(key, len(s))[0]
    else:
        where = label_positions(key, s.index)[0] if not isinstance(key, slice) else positions(key, len(s))[0]
    s._values, s._dtype = _assign(s._values, s._dtype, where, _broadcast(value, len(where)))


class SeriesILoc:
    def __init__(self, s):
        self._s = s

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._s._slice(key)
        where, single = positions(key, len(self._s))
        return self._s._element(where[0]) if single else self._s._take(where)

    def __setitem__(self, key, value):
        where = positions(key, len(self._s))[0]
        self._s._values, self._s._dtype = _assign(self._s._values, self._s._dtype, where, _broadcast(value, len(where)))


class SeriesLoc:
    def __init__(self, s):
        self._s = s

    def __getitem__(self, key):
        where, single = label_positions(key, self._s.index)
        return self._s._element(where[0]) if single else self._s._take(where)

    def __setitem__(self, key, value):
        where = label_positions(key, self._s.index)[0]
        self._s._values, self._s._dtype = _assign(self._s._values, self._s._dtype, where, _broadcast(value, len(where)))


def _split(key):
    if isinstance(key, tuple):
        if len(key) != 2:
            raise IndexError('Too many indexers')
        return key
    return key, slice(None)


def _select(df, rows, row_single, cols, col_single):
    if row_single and col_single:
        return V.box(df._data[cols[0]][rows[0]], df._dtypes[cols[0]])
    if col_single:
        return df._column(cols[0])._take(rows) if rows != list(range(len(df))) else df._column(cols[0])
    if row_single:
        return df._row(rows[0], cols)
    return df._take(rows, cols)


class FrameILoc:
    def __init__(self, df):
        self._df = df

    def __getitem__(self, key):
        r, c = _split(key)
        df = self._df
        if isinstance(r, slice):  # row slices keep a RangeIndex a RangeIndex
            df, r = df._slice_rows(r), slice(None)
        rows, row_single = positions(r, len(df))
        cols, col_single = positions(c, len(df.columns))
        return _select(df, rows, row_single, cols, col_single)

    def __setitem__(self, key, value):
        r, c = _split(key)
        _set_cells(self._df, positions(r, len(self._df))[0], positions(c, len(self._df.columns))[0], value)


class FrameLoc:
    def __init__(self, df):
        self._df = df

    def __getitem__(self, key):
        r, c = _split(key)
        rows, row_single = label_positions(r, self._df.index)
        cols, col_single = label_positions(c, self._df.columns)
        return _select(self._df, rows, row_single, cols, col_single)

    def __setitem__(self, key, value):
        r, c = _split(key)
        df = self._df
        if _is_scalar(c) and c not in df.columns:
            if not (isinstance(r, slice) and r == slice(None)):
                raise unsupported('adding a column through loc with a row selection')
            df[c] = value
            return
        _set_cells(df, label_positions(r, df.index)[0], label_positions(c, df.columns)[0], value)


def _set_cells(df, rows, cols, value):
    if hasattr(value, 'columns'):
        raise unsupported('assigning a DataFrame through loc/iloc')
    if isinstance(value, np.ndarray) and value.ndim == 2:
        grid = value.tolist()
        for k, j in enumerate(cols):
            df._data[j], df._dtypes[j] = _assign(df._data[j], df._dtypes[j], rows, [row[k] for row in grid])
        return
    for j in cols:
        df._data[j], df._dtypes[j] = _assign(df._data[j], df._dtypes[j], rows, _broadcast(value, len(rows)))
