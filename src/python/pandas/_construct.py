"""What DataFrame() makes of its arguments (dicts of lists, arrays or Series; 2-D arrays and tensors; lists of rows
or of dicts), and the rows sample() draws."""

import math

import numpy as np

from . import _values as V
from ._index import Index, default_index, ensure_index
from ._unsupported import unsupported
from .series import Series, _is_array


def sample_positions(n, count, frac, replace, random_state):
    """Rows sample() takes: numpy's RandomState(random_state).choice, as pandas draws them."""
    if count is None:
        count = 1 if frac is None else round(frac * n)
    if frac is not None and count > n and not replace:
        raise ValueError('Replace has to be set to `True` when upsampling the population `frac` > 1.')
    if isinstance(random_state, np.random.RandomState):
        rs = random_state
    elif random_state is None:
        rs = np.random.mtrand._rand
    else:
        rs = np.random.RandomState(random_state)
    return [int(i) for i in rs.choice(n, size=count, replace=replace).tolist()]


def from_data(data, index, columns):
    """(column values, dtypes, column Index, row Index) of what DataFrame() was given."""
    if hasattr(data, '_data') and hasattr(data, '_columns'):  # a DataFrame
        if index is not None or columns is not None:
            raise unsupported('DataFrame(frame, index=..., columns=...) (reindexing)')
        return [list(c) for c in data._data], list(data._dtypes), data._columns, data._index
    if isinstance(data, Series):
        data = {0 if data.name is None else data.name: data}
    if data is None:
        data = {}
    if isinstance(data, dict):
        return _from_dict(data, index, columns)
    if hasattr(data, 'detach') and hasattr(data, 'numpy'):
        data = data.detach().numpy()
    if _is_array(data):
        arr = np.asarray(data)
        if arr.ndim == 1:
            arr = arr.reshape(-1, 1)
        if arr.ndim != 2:
            raise ValueError('Must pass 2-d input. shape=' + str(arr.shape))
        cols = [c.tolist() for c in arr.T] if arr.shape[0] else [[] for _ in range(arr.shape[1])]
        dtypes = [arr.dtype] * arr.shape[1]
    else:
        rows = list(data)
        if rows and isinstance(rows[0], dict):
            keys = []
            for r in rows:
                keys.extend(k for k in r if k not in keys)
            return _from_dict({k: [r.get(k, math.nan) for r in rows] for k in keys}, index, columns)
        rows = [list(r) if isinstance(r, (list, tuple)) or _is_array(r) else [r] for r in rows]
        width = max((len(r) for r in rows), default=0)
        cols, dtypes = [], []
        for j in range(width):
            values, dtype = V.infer([r[j] if j < len(r) else None for r in rows])
            cols.append(values)
            dtypes.append(dtype)
    n = len(cols[0]) if cols else 0
    labels = default_index(len(cols)) if columns is None else ensure_index(columns)
    if len(labels) != len(cols):
        raise ValueError(f'Shape of passed values is ({n}, {len(cols)}), indices imply ({n}, {len(labels)})')
    return cols, dtypes, labels, _row_index(index, n)


def _row_index(index, n):
    row_index = default_index(n) if index is None else ensure_index(index)
    if len(row_index) != n:
        raise ValueError(f'Length of values ({n}) does not match length of index ({len(row_index)})')
    return row_index


def _from_dict(data, index, columns):
    keys = list(data.keys()) if columns is None else list(columns)
    series_index = next((v.index for v in data.values() if isinstance(v, Series)), None)
    lengths = {len(v) for v in data.values() if not isinstance(v, (str, int, float, bool)) and hasattr(v, '__len__')}
    if len(lengths) > 1:
        raise ValueError('All arrays must be of the same length')
    n = lengths.pop() if lengths else (len(index) if index is not None else 0)
    if not lengths and index is None and data and all(isinstance(v, (str, int, float, bool)) for v in data.values()):
        raise ValueError('If using all scalar values, you must pass an index')
    row_index = series_index if index is None and series_index is not None else _row_index(index, n)
    cols, dtypes = [], []
    for k in keys:
        v = data.get(k, math.nan) if columns is not None else data[k]
        if isinstance(v, Series):
            if not v.index.equals(row_index):
                raise unsupported('DataFrame from Series with different indexes (alignment)')
            values, dtype = list(v._values), v._dtype
        elif _is_array(v) or hasattr(v, 'detach'):
            values, dtype = V.from_array(v)
        elif isinstance(v, (str, int, float, bool)) or v is None:
            values, dtype = V.infer([v] * len(row_index))
        else:
            values, dtype = V.infer(list(v))
        cols.append(values)
        dtypes.append(dtype)
    return cols, dtypes, Index(keys), row_index
