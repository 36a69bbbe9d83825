"""DataFrame.describe() and DataFrame.info() as pandas 1.5 makes them."""

import math
import sys

from . import _values as V
from ._index import Index
from ._reduce import quantiles, reduce, value_counts
from ._unsupported import unsupported

_MAX_INFO_COLUMNS = 100  # display.max_info_columns: more columns and info() lists none of them


def _percent_label(p):
    pct = p * 100
    if abs(pct - round(pct)) > 1e-9:
        raise unsupported('describe(percentiles=...) with fractional percents')
    return f'{int(round(pct))}%'


def describe(df, percentiles=None, include=None, exclude=None):
    from .frame import DataFrame

    if include is None and exclude is None:
        # pandas describes the numeric columns when there are any, else every column (counts of the strings).
        cols = [j for j, d in enumerate(df._dtypes) if _is_numeric(d)] or list(range(len(df._data)))
    elif isinstance(include, str) and include == 'all':
        if exclude is not None:
            raise ValueError("exclude must be None when include is 'all'")
        cols = list(range(len(df._data)))
    else:
        picked = df.select_dtypes(include=include, exclude=exclude)
        cols = [df.columns._labels.index(c) for c in picked.columns._labels]
    if not cols:
        raise unsupported('describe() of a frame without columns')
    ps = [0.25, 0.5, 0.75] if percentiles is None else sorted(set(list(percentiles)) | {0.5})
    numeric_labels = ['count', 'mean', 'std', 'min'] + [_percent_label(p) for p in ps] + ['max']
    described = [_numeric(df, j, numeric_labels, ps) if _is_numeric(df._dtypes[j]) else _counts(df, j) for j in cols]
    # The row labels in the order the columns bring them, shortest list first (pandas' reorder_columns).
    labels = []
    for stats, _ in sorted(described, key=lambda d: len(d[0])):
        labels.extend(label for label in stats if label not in labels)
    data = [[stats.get(label, math.nan) for label in labels] for stats, _ in described]
    return DataFrame._make(data, [dtype for _, dtype in described], df._columns._take(cols), Index(labels))


def _is_numeric(dtype):
    return V.is_numeric(dtype) and dtype.kind != 'b'


def _numeric(df, j, labels, ps):
    values, dtype = df._data[j], df._dtypes[j]
    stats = [float(reduce(values, dtype, how)) for how in ('count', 'mean', 'std', 'min')]
    stats += quantiles(values, ps) + [float(reduce(values, dtype, 'max'))]
    return dict(zip(labels, stats)), V.FLOAT64


def _counts(df, j):
    """count, unique, top, freq of a column of strings or bools (pandas' describe_categorical_1d)."""
    values = df._data[j]
    keys, counts = value_counts(values)
    stats = {'count': reduce(values, V.OBJECT, 'count'), 'unique': len(keys)}
    stats['top'], stats['freq'] = (keys[0], counts[0]) if keys else (math.nan, math.nan)
    return stats, V.OBJECT


def _int_size(v):
    """sys.getsizeof of an int on 64-bit CPython 3.11 (pandas counts a RangeIndex's start, stop and step)."""
    v = abs(v)
    return 28 if v < 1 << 30 else 32 if v < 1 << 60 else 36


def _index_bytes(index):
    if index._range is not None:
        return 48 + sum(_int_size(v) for v in index._range)
    return 8 * len(index)


def _size_text(num, qualifier):
    for unit in ('bytes', 'KB', 'MB', 'GB', 'TB'):
        if num < 1024.0:
            return f'{num:3.1f}{qualifier} {unit}'
        num /= 1024.0
    return f'{num:3.1f}{qualifier} PB'


def index_summary(index, name=None):
    name = index._kind if name is None else name
    if not len(index):
        return f'{name}: 0 entries'
    return f'{name}: {len(index)} entries, {index._labels[0]} to {index._labels[-1]}'


def info(df):
    lines = ["<class 'pandas.core.frame.DataFrame'>", index_summary(df.index)]
    if not len(df._data):
        return '\n'.join(lines + ['Empty DataFrame\n'])
    elif len(df._data) > _MAX_INFO_COLUMNS:
        lines.append(index_summary(df.columns, 'Columns'))
    else:
        lines.append(f'Data columns (total {len(df._data)} columns):')
        headers = [' # ', 'Column', 'Non-Null Count', 'Dtype']
        rows = [
            [f' {j}', str(label), f'{reduce(df._data[j], df._dtypes[j], "count")} non-null', str(df._dtypes[j])]
            for j, label in enumerate(df.columns._labels)
        ]
        widths = [max(len(h), *(len(r[k]) for r in rows)) for k, h in enumerate(headers)]

        def put(cells):
            return '  '.join(str(c)[:w].ljust(w) for c, w in zip(cells, widths))

        lines.append(put(headers))
        lines.append(put(['-' * len(h) for h in headers]))
        lines.extend(put(r) for r in rows)
    counts = {}
    for d in df._dtypes:
        counts[str(d)] = counts.get(str(d), 0) + 1
    lines.append('dtypes: ' + ', '.join(f'{k}({v:d})' for k, v in sorted(counts.items())))
    size = _index_bytes(df.index) + sum(len(df) * (d.itemsize if d is not V.OBJECT else 8) for d in df._dtypes)
    qualifier = '+' if 'object' in counts or df.index.dtype is V.OBJECT else ''
    lines.append(f'memory usage: {_size_text(size, qualifier)}\n')
    return '\n'.join(lines)
