"""pd.merge and DataFrame.merge on key columns (inner, left, right and outer joins), with pandas 1.5's row order:
a left join keeps the left rows' order, a right join the right rows', and inner and outer joins go key by key in
the order the keys first appear on the left (then, for outer, the keys only the right has); each left row meets
the matching right rows in their order. Rows without a partner get missing values, which makes integer columns
float64 and bool columns object, as pandas does. Columns both sides have that are not the key get suffixes."""

import math

from . import _values as V
from ._index import Index, default_index
from ._unsupported import unsupported


class MergeError(ValueError):
    pass


MergeError.__module__ = 'pandas.errors'


def _labels(key):
    return list(key) if isinstance(key, (list, tuple)) else [key]


def _row_keys(df, positions):
    # missing keys match each other, as in pandas' join
    return [tuple(('nan',) if V.is_na(df._data[j][i]) else df._data[j][i] for j in positions) for i in range(len(df))]


def _groups(keys):
    groups = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    return groups


def _pairs(how, lkeys, rkeys):
    """(left row or None, right row or None) for each row of the result."""
    lgroups, rgroups = _groups(lkeys), _groups(rkeys)
    if how == 'left':
        return [(i, r) for i, k in enumerate(lkeys) for r in rgroups.get(k, [None])]
    if how == 'right':
        return [(i, r) for r, k in enumerate(rkeys) for i in lgroups.get(k, [None])]
    pairs = []
    for k, lrows in lgroups.items():
        if k in rgroups:
            pairs.extend((i, r) for i in lrows for r in rgroups[k])
        elif how == 'outer':
            pairs.extend((i, None) for i in lrows)
    if how == 'outer':
        pairs.extend((None, r) for k, rrows in rgroups.items() if k not in lgroups for r in rrows)
    return pairs


def _column(values, dtype, rows):
    """A column's values at the given rows, None meaning a row without a partner (a missing value)."""
    if all(i is not None for i in rows):
        return [values[i] for i in rows], dtype
    out = [math.nan if i is None else values[i] for i in rows]
    if dtype is V.OBJECT:
        return out, dtype
    if dtype.kind == 'b':
        return out, V.OBJECT
    if dtype.kind in 'iu':
        return [float(v) for v in out], V.FLOAT64
    return [float(v) for v in out], dtype


def merge(
    left,
    right,
    how='inner',
    on=None,
    left_on=None,
    right_on=None,
    left_index=False,
    right_index=False,
    sort=False,
    suffixes=('_x', '_y'),
    copy=True,
    indicator=False,
    validate=None,
):
    from .frame import DataFrame
    from .series import Series

    if isinstance(right, Series):
        right = right.to_frame()
    if how not in ('inner', 'left', 'right', 'outer'):
        raise unsupported(f"merge(how={how!r})")
    if left_index or right_index or sort or indicator or validate is not None:
        raise unsupported('merge with left_index, right_index, sort, indicator or validate')
    if on is None and left_on is None and right_on is None:
        on = [c for c in left.columns._labels if c in right.columns]
        if not on:
            raise MergeError(
                'No common columns to perform merge on. Merge options: left_on=None, right_on=None, '
                'left_index=False, right_index=False'
            )
    if on is not None:
        left_on = right_on = _labels(on)
    else:
        left_on, right_on = _labels(left_on), _labels(right_on)
        if len(left_on) != len(right_on):
            raise ValueError('len(right_on) must equal len(left_on)')
    lpos, rpos = left._col_positions(left_on)[0], right._col_positions(right_on)[0]
    pairs = _pairs(how, _row_keys(left, lpos), _row_keys(right, rpos))
    lrows, rrows = [p[0] for p in pairs], [p[1] for p in pairs]

    # a key both sides name alike is one column, filled from the right where the left has no row
    shared = {lj: rj for lj, rj, a, b in zip(lpos, rpos, left_on, right_on) if a == b}
    right_cols = [j for j in range(len(right._data)) if j not in shared.values()]
    left_names = set(left.columns._labels[j] for j in range(len(left._data)) if j not in shared)
    right_names = set(right.columns._labels[j] for j in right_cols)
    overlap = left_names & right_names
    if overlap and suffixes[0] in (None, '') and suffixes[1] in (None, ''):
        raise ValueError(f'columns overlap but no suffix specified: {sorted(overlap)}')

    data, dtypes, labels = [], [], []
    for j, label in enumerate(left.columns._labels):
        if j in shared:
            rj = shared[j]
            values = [left._data[j][i] if i is not None else right._data[rj][r] for i, r in zip(lrows, rrows)]
            values, dtype = (values, left._dtypes[j]) if left._dtypes[j] == right._dtypes[rj] else V.infer(values)
        else:
            values, dtype = _column(left._data[j], left._dtypes[j], lrows)
            if label in overlap:
                label = f'{label}{suffixes[0] or ""}'
        data.append(values)
        dtypes.append(dtype)
        labels.append(label)
    for j in right_cols:
        label = right.columns._labels[j]
        values, dtype = _column(right._data[j], right._dtypes[j], rrows)
        data.append(values)
        dtypes.append(dtype)
        labels.append(f'{label}{suffixes[1] or ""}' if label in overlap else label)
    return DataFrame._make(data, dtypes, Index(labels), default_index(len(pairs)))


class FrameMerge:
    """DataFrame.merge (a base class of DataFrame)."""

    def merge(
        self,
        right,
        how='inner',
        on=None,
        left_on=None,
        right_on=None,
        left_index=False,
        right_index=False,
        sort=False,
        suffixes=('_x', '_y'),
        copy=True,
        indicator=False,
        validate=None,
    ):
        return merge(
            self, right, how, on, left_on, right_on, left_index, right_index, sort, suffixes, copy, indicator, validate
        )
