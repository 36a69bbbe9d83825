"""pd.concat and pd.get_dummies."""

import math

from . import _values as V
from ._index import Index, _concat_indexes, default_index
from ._unsupported import unsupported
from .frame import DataFrame
from .series import Series


def concat(objs, axis=0, join='outer', ignore_index=False, keys=None, sort=False, copy=True):
    objs = [o for o in (list(objs.values()) if isinstance(objs, dict) else list(objs)) if o is not None]
    if not objs:
        raise ValueError('No objects to concatenate')
    if keys is not None or join != 'outer':
        raise unsupported('concat with keys or join')
    if any(not isinstance(o, (DataFrame, Series)) for o in objs):
        bad = next(o for o in objs if not isinstance(o, (DataFrame, Series)))
        raise TypeError(f"cannot concatenate object of type '{type(bad)}'; only Series and DataFrame objs are valid")
    if axis in (1, 'columns'):
        return _side_by_side(objs, ignore_index)
    if all(isinstance(o, Series) for o in objs):
        values, dtype = _stack([(o._values, o._dtype) for o in objs])
        index = default_index(len(values)) if ignore_index else _concat_indexes([o.index for o in objs])
        names = {o.name for o in objs}
        return Series._make(values, dtype, index, names.pop() if len(names) == 1 else None)
    frames = [o.to_frame() if isinstance(o, Series) else o for o in objs]
    labels = []
    for f in frames:
        labels.extend(c for c in f.columns._labels if c not in labels)
    if sort:
        labels = sorted(labels)
    data, dtypes = [], []
    for label in labels:
        parts = []
        for f in frames:
            if label in f.columns:
                j = f.columns._positions(label)[0]
                parts.append((f._data[j], f._dtypes[j]))
            else:
                parts.append(([math.nan] * len(f), None))
        values, dtype = _stack(parts)
        data.append(values)
        dtypes.append(dtype)
    n = sum(len(f) for f in frames)
    index = default_index(n) if ignore_index else _concat_indexes([f.index for f in frames])
    columns = Index(labels)
    if frames[0].columns.dtype is not V.OBJECT and columns.dtype is not V.OBJECT:
        columns = _concat_indexes([frames[0].columns]) if len(frames[0].columns) == len(labels) else columns
    return DataFrame._make(data, dtypes, columns, index)


def _stack(parts):
    """One column from pieces (values, dtype); dtype None marks a piece that is all missing."""
    values = [v for vals, _ in parts for v in vals]
    kinds = [d for _, d in parts if d is not None]
    if len(set(map(str, kinds))) == 1 and len(kinds) == len(parts):
        return values, kinds[0]
    if any(d is V.OBJECT for d in kinds):
        return values, V.OBJECT
    if any(d.kind == 'b' for d in kinds):
        if len({d.kind == 'b' for d in kinds}) > 1:  # pandas 1.5 casts these differently by case, and warns
            raise unsupported('concat of bool columns with numeric ones', 'cast the bool columns with astype first')
        return values, V.OBJECT
    common = V.common_dtype(kinds) if kinds else V.FLOAT64
    if len(kinds) < len(parts) and common.kind in 'iu':
        common = V.FLOAT64
    return V.cast(values, V.FLOAT64 if common.kind == 'f' else common, common), common


def _side_by_side(objs, ignore_index):
    index = objs[0].index
    for o in objs[1:]:
        if not o.index.equals(index):
            raise unsupported(
                'concat(axis=1) of objects with different indexes (alignment)', 'reset_index(drop=True) on each first'
            )
    data, dtypes, labels = [], [], []
    for k, o in enumerate(objs):
        if isinstance(o, Series):
            data.append(list(o._values))
            dtypes.append(o._dtype)
            labels.append(o.name if o.name is not None else k)
        else:
            data.extend(list(c) for c in o._data)
            dtypes.extend(o._dtypes)
            labels.extend(o.columns._labels)
    columns = default_index(len(labels)) if ignore_index else Index(labels)
    return DataFrame._make(data, dtypes, columns, index)


def _levels(values):
    present = {v for v in values if not V.is_na(v)}
    try:
        return sorted(present)
    except TypeError:
        raise unsupported('get_dummies of a column mixing types that do not sort together') from None


def _dummy_columns(values, prefix, sep, dummy_na, dtype, vdtype=None):
    # a categorical column gets a column per category, in category order, seen or not
    levels = vdtype.categories_list if getattr(vdtype, 'name', None) == 'category' else _levels(values)
    out = []
    for level in levels:
        label = level if prefix is None else f'{prefix}{sep}{level}'
        out.append((label, [1 if v == level and not V.is_na(v) else 0 for v in values]))
    if dummy_na:
        out.append((math.nan if prefix is None else f'{prefix}{sep}nan', [1 if V.is_na(v) else 0 for v in values]))
    if dtype.kind == 'b':
        out = [(label, [bool(x) for x in col]) for label, col in out]
    elif dtype.kind == 'f':
        out = [(label, [float(x) for x in col]) for label, col in out]
    return out


def get_dummies(
    data, prefix=None, prefix_sep='_', dummy_na=False, columns=None, sparse=False, drop_first=False, dtype=None
):
    if sparse or drop_first:
        raise unsupported('get_dummies with sparse=True or drop_first=True')
    dtype = V.UINT8 if dtype is None else V.as_dtype(dtype)
    if isinstance(data, Series):
        made = _dummy_columns(data._values, prefix, prefix_sep, dummy_na, dtype, data._dtype)
        return DataFrame._make([c for _, c in made], [dtype] * len(made), Index([lb for lb, _ in made]), data.index)
    encode = (
        [j for j, d in enumerate(data._dtypes) if d is V.OBJECT or d.name == 'category']
        if columns is None
        else data._col_positions(list(columns))[0]
    )
    if isinstance(prefix, str):
        prefixes = [prefix] * len(encode)
    elif isinstance(prefix, dict):
        prefixes = [prefix[data.columns._labels[j]] for j in encode]
    elif prefix is None:
        prefixes = [data.columns._labels[j] for j in encode]
    else:
        prefixes = list(prefix)
    keep = [j for j in range(len(data._data)) if j not in encode]
    cols = [list(data._data[j]) for j in keep]
    dtypes = [data._dtypes[j] for j in keep]
    labels = [data.columns._labels[j] for j in keep]
    for j, p in zip(encode, prefixes):
        for label, col in _dummy_columns(data._data[j], p, prefix_sep, dummy_na, dtype, data._dtypes[j]):
            labels.append(label)
            cols.append(col)
            dtypes.append(dtype)
    return DataFrame._make(cols, dtypes, Index(labels), data.index)


def melt(frame, id_vars=None, value_vars=None, var_name=None, value_name='value', col_level=None, ignore_index=True):
    """Wide to long: the id columns repeated once per value column, beside a column naming that value column and
    one holding its values (in the value columns' common dtype, as _stack joins them)."""
    if col_level is not None or not ignore_index:
        raise unsupported('melt with col_level or ignore_index=False')
    as_list = lambda v: [] if v is None else list(v) if isinstance(v, (list, tuple, Index)) else [v]
    ids = frame._col_positions(as_list(id_vars))[0] if id_vars is not None else []
    if value_vars is None:
        values = [j for j in range(len(frame._data)) if j not in ids]
    else:
        values = frame._col_positions(as_list(value_vars))[0]
    if value_name in frame.columns:
        raise ValueError(f'value_name ({value_name}) cannot match an element in the DataFrame columns.')
    var_name = frame.columns.name if var_name is None else var_name
    var_name = 'variable' if var_name is None else var_name
    n, k = len(frame), len(values)
    data = [list(frame._data[j]) * k for j in ids]
    dtypes = [frame._dtypes[j] for j in ids]
    data.append([frame.columns._labels[j] for j in values for _ in range(n)])
    dtypes.append(V.infer(data[-1])[1] if data[-1] else V.OBJECT)
    column, dtype = _stack([(frame._data[j], frame._dtypes[j]) for j in values]) if values else ([], V.OBJECT)
    data.append(column)
    dtypes.append(dtype)
    labels = [frame.columns._labels[j] for j in ids] + [var_name, value_name]
    return DataFrame._make(data, dtypes, Index(labels), default_index(n * k))
