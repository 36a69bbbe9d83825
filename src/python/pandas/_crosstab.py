"""pd.crosstab of two columns as pandas 1.5 gives it: counts of each (row key, column key) pair seen, keys sorted
(categories in their order, unseen ones left out), rows with a missing key dropped, optional 'All' margins and
normalize over rows, columns or everything."""

import math

from . import _values as V
from ._categorical import is_categorical
from ._index import Index
from ._unsupported import unsupported


def _keys_of(x, default_name):
    """(values, dtype, name) of one side: a Series, a list or a 1-D array."""
    from .series import Series

    if isinstance(x, Series):
        return list(x._values), x._dtype, x.name if x.name is not None else default_name
    if isinstance(x, (list, tuple)) and x and all(isinstance(v, Series) for v in x) or hasattr(x, 'columns'):
        raise unsupported('pd.crosstab over several columns on one side (a MultiIndex)', 'cross two columns')
    values, dtype = V.from_array(x) if hasattr(x, 'ndim') else V.infer(list(x))
    return values, dtype, default_name


def _ordered(values, dtype):
    seen = {v for v in values if not V.is_na(v)}
    if is_categorical(dtype):
        return [c for c in dtype.categories_list if c in seen]
    return sorted(seen)


def _axis(keys, dtype, name, margin):
    idx = Index(keys + ([margin] if margin is not None else []), name=name)
    if keys and margin is None:
        idx.dtype = dtype.categories_dtype if is_categorical(dtype) else dtype
    return idx


def crosstab(
    index,
    columns,
    values=None,
    rownames=None,
    colnames=None,
    aggfunc=None,
    margins=False,
    margins_name='All',
    dropna=True,
    normalize=False,
):
    from .frame import DataFrame

    if values is not None or aggfunc is not None:
        raise unsupported('pd.crosstab with values/aggfunc', "use df.groupby([a, b])[col].agg(...) or count pairs")
    rows, rdtype, rname = _keys_of(index, 'row_0')
    cols, cdtype, cname = _keys_of(columns, 'col_0')
    if len(rows) != len(cols):
        raise ValueError('All arrays must be of the same length')
    rname = rownames[0] if rownames else rname
    cname = colnames[0] if colnames else cname
    pairs = [(r, c) for r, c in zip(rows, cols) if not V.is_na(r) and not V.is_na(c)]
    rkeys = _ordered([r for r, _ in pairs], rdtype)
    ckeys = _ordered([c for _, c in pairs], cdtype)
    rpos = {k: i for i, k in enumerate(rkeys)}
    cpos = {k: j for j, k in enumerate(ckeys)}
    table = [[0] * len(rkeys) for _ in ckeys]  # one list per column, as frames keep them
    for r, c in pairs:
        table[cpos[c]][rpos[r]] += 1
    row_sums = [sum(col[i] for col in table) for i in range(len(rkeys))]
    col_sums = [sum(col) for col in table]
    total = sum(col_sums)
    norm = {0: 'columns', 1: 'index', True: 'all'}.get(normalize, normalize) if normalize is not False else None
    if norm not in (None, 'index', 'columns', 'all'):
        raise ValueError('Not a valid normalize argument')
    add_row = margins and norm in (None, 'index', 'all')
    add_col = margins and norm in (None, 'columns', 'all')
    if add_col:
        table.append(list(row_sums))
    if add_row:
        for col, s in zip(table, col_sums + [total]):
            col.append(s)
    if norm is None:
        data, dtype = table, V.INT64
    else:
        data, dtype = [], V.FLOAT64
        for j, col in enumerate(table):
            out = []
            for i, v in enumerate(col):
                if norm == 'index':
                    d = row_sums[i] if i < len(rkeys) else total
                elif norm == 'columns':
                    d = col_sums[j] if j < len(ckeys) else total
                else:
                    d = total
                out.append(v / d if d else math.nan)
            data.append(out)
    return DataFrame._make(
        data,
        [dtype] * len(data),
        _axis(ckeys, cdtype, cname, margins_name if add_col else None),
        _axis(rkeys, rdtype, rname, margins_name if add_row else None),
    )
