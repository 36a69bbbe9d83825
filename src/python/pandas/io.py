"""read_csv and to_csv for what learners keep in CSV files: a header row, comma-separated (or another sep) values
with csv quoting; columns typed as pandas' C parser types them (int64, float64 when a number is missing or has a
point, bool for True/False, object for text), the default missing-value markers read as NaN."""

import csv
import io as _io
import math
import re

from . import _values as V
from ._index import Index, default_index
from ._unsupported import unsupported

# pandas 1.5's STR_NA_VALUES: the texts read_csv takes as missing by default.
NA_VALUES = frozenset(
    [
        '',
        '#N/A',
        '#N/A N/A',
        '#NA',
        '-1.#IND',
        '-1.#QNAN',
        '-NaN',
        '-nan',
        '1.#IND',
        '1.#QNAN',
        '<NA>',
        'N/A',
        'NA',
        'NULL',
        'NaN',
        'n/a',
        'nan',
        'null',
    ]
)
_TRUE = frozenset(['True', 'TRUE', 'true'])
_FALSE = frozenset(['False', 'FALSE', 'false'])


_INT = re.compile(r'\s*[+-]?[0-9]+\s*')


def _ints(texts):
    """The texts as ints if every one is an integer in int64's range, else None (stops at the first that is not)."""
    out = []
    match = _INT.fullmatch
    for t in texts:
        if match(t) is None:
            return None
        out.append(int(t))
    if out and not (-(1 << 63) <= min(out) and max(out) < (1 << 63)):
        return None
    return out


def _floats(texts):
    out = []
    for t in texts:
        if '_' in t:  # Python's float() takes 1_000, pandas' parser does not
            return None
        try:
            out.append(float(t))
        except ValueError:
            return None
    return out


def _column(texts, na_values):
    """(values, dtype) of one column's texts."""
    missing = [t in na_values for t in texts]
    any_missing = any(missing)
    present = [t for t, m in zip(texts, missing) if not m] if any_missing else texts
    if not present:
        return [math.nan] * len(texts), V.FLOAT64
    ints = _ints(present)
    if ints is not None:
        if not any_missing:
            return ints, V.INT64
        it = iter(ints)
        return [math.nan if m else float(next(it)) for m in missing], V.FLOAT64
    floats = _floats(present)
    if floats is not None:
        if not any_missing:
            return floats, V.FLOAT64
        it = iter(floats)
        return [math.nan if m else next(it) for m in missing], V.FLOAT64
    if all(t.strip() in _TRUE or t.strip() in _FALSE for t in present):
        values = [math.nan if m else t.strip() in _TRUE for t, m in zip(texts, missing)]
        return values, V.BOOL if not any_missing else V.OBJECT
    return [math.nan if m else t for t, m in zip(texts, missing)], V.OBJECT


def read_csv(
    filepath_or_buffer,
    sep=',',
    delimiter=None,
    header='infer',
    names=None,
    index_col=None,
    usecols=None,
    dtype=None,
    skiprows=None,
    nrows=None,
    na_values=None,
    keep_default_na=True,
    encoding=None,
    skipinitialspace=False,
    comment=None,
    **kwargs,
):
    if kwargs:
        raise unsupported(f"read_csv({', '.join(sorted(kwargs))}=...)")
    if comment is not None or sep is None or sep == r'\s+' or (delimiter or sep).startswith('\\'):
        raise unsupported('read_csv with comment=, a regular-expression sep or sep=None')
    if isinstance(filepath_or_buffer, str) and filepath_or_buffer.startswith(('http://', 'https://')):
        raise unsupported('read_csv from a URL', 'Backprop Lens runs offline: read a local file')
    if hasattr(filepath_or_buffer, 'read'):
        text = filepath_or_buffer.read()
    else:
        with open(filepath_or_buffer, encoding=encoding or 'utf-8', newline='') as f:
            text = f.read()
    if isinstance(text, bytes):
        text = text.decode(encoding or 'utf-8')
    rows = [
        r for r in csv.reader(_io.StringIO(text), delimiter=delimiter or sep, skipinitialspace=skipinitialspace) if r
    ]
    if isinstance(skiprows, int):
        rows = rows[skiprows:]
    elif skiprows is not None:
        skip = set(skiprows)
        rows = [r for i, r in enumerate(rows) if i not in skip]
    if header == 'infer':
        header = None if names is not None else 0
    if header is None:
        labels = list(names) if names is not None else list(range(max((len(r) for r in rows), default=0)))
    elif header == 0:
        if not rows:
            raise ValueError('No columns to parse from file')
        labels = _header_labels(rows[0])
        rows = rows[1:]
        if names is not None:
            labels = list(names)
    else:
        raise unsupported('read_csv(header=...) other than 0 or None')
    if nrows is not None:
        rows = rows[:nrows]
    nas = NA_VALUES if keep_default_na else frozenset()
    if na_values is not None:
        nas = nas | frozenset([na_values] if isinstance(na_values, str) else na_values)
    width = len(labels)
    data, dtypes = [], []
    if all(len(r) == width for r in rows):
        columns_text = [list(c) for c in zip(*rows)] if rows else [[] for _ in range(width)]
    else:  # short rows end in missing values
        columns_text = [[r[j] if j < len(r) else '' for r in rows] for j in range(width)]
    for texts in columns_text:
        values, kind = _column(texts, nas)
        data.append(values)
        dtypes.append(kind)
    from .frame import DataFrame

    columns = Index(labels) if header is not None or names is not None else default_index(width)
    df = DataFrame._make(data, dtypes, columns, default_index(len(rows)))
    if usecols is not None:
        df = df[[labels[c] if isinstance(c, int) and c not in labels else c for c in usecols]]
    if dtype is not None:
        df = df.astype(dtype)
    if index_col is not None and index_col is not False:
        label = df.columns._labels[index_col] if isinstance(index_col, int) else index_col
        index = Index(df[label].tolist(), name=None if str(label).startswith('Unnamed: ') else label)
        df = df.drop(columns=[label])
        df.index = index
    return df


def _header_labels(row):
    labels, seen = [], {}
    for i, name in enumerate(row):
        name = name if name != '' else f'Unnamed: {i}'
        if name in seen:
            seen[name] += 1
            name = f'{name}.{seen[name]}'
        else:
            seen[name] = 0
        labels.append(name)
    return labels


def _cell(v, na_rep, float_format, dtype=V.OBJECT):
    if V.is_na(v):
        return na_rep
    if isinstance(v, float):
        if float_format:
            return float_format % v
        # numpy's str of the column's scalar, as pandas writes floats: the shortest text of a float32 is shorter
        return repr(v) if dtype is V.OBJECT else str(dtype.type(v))
    return str(v)


def write_csv(df, path_or_buf, sep, na_rep, float_format, columns, header, index, index_label, mode, lineterminator):
    if columns is not None:
        df = df[list(columns)]
    out = _io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator=lineterminator or '\n', quoting=csv.QUOTE_MINIMAL)
    if header:
        names = list(header) if isinstance(header, (list, tuple)) else [str(c) for c in df.columns._labels]
        if index:
            label = index_label if index_label is not None else df.index.name
            names = ['' if label is None else str(label)] + names
        writer.writerow(names)
    for i in range(len(df)):
        cells = [_cell(col[i], na_rep, float_format, dtype) for col, dtype in zip(df._data, df._dtypes)]
        if index:
            cells = [_cell(df.index._labels[i], na_rep, float_format)] + cells
        writer.writerow(cells)
    text = out.getvalue()
    if path_or_buf is None:
        return text
    if hasattr(path_or_buf, 'write'):
        path_or_buf.write(text)
        return None
    with open(path_or_buf, mode, encoding='utf-8', newline='') as f:
        f.write(text)
    return None
