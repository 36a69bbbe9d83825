"""Text files of numbers: savetxt, loadtxt, genfromtxt (numpy 1.24), as courses read a tab- or comma-separated
table (d2l's `np.genfromtxt(path, dtype=np.float32, delimiter='\\t')` for the airfoil data) or save one.
Plain numeric tables only: structured arrays (names=, mixed dtype=None columns), converters and compressed
files name themselves as unsupported."""

import os
import warnings

from . import _dtypes as D
from ._errors import _user_stacklevel, unsupported


def _lines(fname, what):
    if isinstance(fname, (str, bytes, os.PathLike)):
        path = os.fsdecode(fname)
        if path.endswith(('.gz', '.bz2', '.xz')):
            raise unsupported(f'np.{what} of a compressed file')
        if not os.path.exists(path):
            raise FileNotFoundError(f'{path} not found.')
        with open(path, encoding='utf-8') as fh:
            return fh.read().splitlines()
    if hasattr(fname, 'read'):
        text = fname.read()
        return (text.decode() if isinstance(text, bytes) else text).splitlines()
    return [line.decode() if isinstance(line, bytes) else str(line) for line in fname]  # a list of lines


def _strip_comment(line, comments):
    for c in [comments] if isinstance(comments, str) else (comments or []):
        if c and c in line:
            line = line[: line.index(c)]
    return line


def _split(line, delimiter):
    if delimiter is None:
        return line.split()
    return [field.strip() for field in line.split(delimiter)]


def _target(dtype):
    return D.float64 if dtype is None or dtype is float else D.dtype(dtype)


def _finish(rows, dtype, ndmin, unpack):
    from ._creation import array
    from ._shape import atleast_1d, atleast_2d, squeeze

    a = array(rows, dtype=dtype) if rows else array([], dtype=dtype)
    if a.ndim > ndmin:
        a = squeeze(a)
    if a.ndim < ndmin:
        a = atleast_1d(a) if ndmin == 1 else atleast_2d(a).T
    return a.T if unpack else a


_INT_VIA_FLOAT = (
    'loadtxt(): Parsing an integer via a float is deprecated.  To avoid this warning, you can:\n'
    '    * make sure the original data is stored as integers.\n'
    '    * use the `converters=` keyword argument.  If you only use\n'
    '      NumPy 1.23 or later, `converters=float` will normally work.\n'
    '    * Use `np.loadtxt(...).astype(np.int64)` parsing the file as\n'
    '      floating point and then convert it.  (On all NumPy versions.)\n'
    '  (Deprecated NumPy 1.23)'
)


def _parse(field, kind, name, row, col):
    try:
        return int(field) if kind in 'iu' else float(field)
    except ValueError:
        pass
    if kind in 'iu':
        try:
            value = int(float(field))
        except (ValueError, OverflowError):
            pass
        else:
            warnings.warn(_INT_VIA_FLOAT, DeprecationWarning, stacklevel=_user_stacklevel())
            return value
    raise ValueError(f"could not convert string '{field}' to {name} at row {row}, column {col + 1}.")


def loadtxt(
    fname,
    dtype=float,
    comments='#',
    delimiter=None,
    converters=None,
    skiprows=0,
    usecols=None,
    unpack=False,
    ndmin=0,
    encoding='bytes',
    max_rows=None,
    *,
    quotechar=None,
    like=None,
):
    if converters is not None or quotechar is not None:
        raise unsupported('np.loadtxt(converters=..., quotechar=...)')
    target = _target(dtype)
    if target.kind not in 'iufb':
        raise unsupported(f'np.loadtxt(dtype={target})')
    cols = None if usecols is None else ([usecols] if isinstance(usecols, int) else list(usecols))
    rows, width = [], None
    for i, line in enumerate(_lines(fname, 'loadtxt')[skiprows:]):
        if max_rows is not None and len(rows) >= max_rows:
            break
        fields = _split(_strip_comment(line, comments), delimiter)
        if not fields or fields == ['']:
            continue
        if cols is not None:
            fields = [fields[c] for c in cols]
        if width is None:
            width = len(fields)
        elif len(fields) != width:
            raise ValueError(
                f'the number of columns changed from {width} to {len(fields)} at row {i + skiprows + 1}; '
                'use `usecols` to select a subset and avoid this error'
            )
        rows.append([_parse(f, target.kind, target.name, i + skiprows, c) for c, f in enumerate(fields)])
    return _finish(rows, target, ndmin, unpack)


def genfromtxt(
    fname,
    dtype=float,
    comments='#',
    delimiter=None,
    skip_header=0,
    skip_footer=0,
    converters=None,
    missing_values=None,
    filling_values=None,
    usecols=None,
    names=None,
    excludelist=None,
    deletechars=None,
    replace_space='_',
    autostrip=False,
    case_sensitive=True,
    defaultfmt='f%i',
    unpack=None,
    usemask=False,
    loose=True,
    invalid_raise=True,
    max_rows=None,
    encoding='bytes',
    *,
    ndmin=0,
    like=None,
):
    if names is not None or converters is not None or usemask:
        raise unsupported('np.genfromtxt(names=..., converters=..., usemask=...)', 'a plain numeric table is')
    lines = _lines(fname, 'genfromtxt')[skip_header:]
    table = []
    for line in lines:
        fields = _split(_strip_comment(line, comments), delimiter)
        if fields and fields != ['']:
            table.append(fields)
    if skip_footer:
        table = table[:-skip_footer]
    if max_rows is not None:
        table = table[:max_rows]
    if usecols is not None:
        cols = [usecols] if isinstance(usecols, int) else list(usecols)
        table = [[fields[c] for c in cols] for fields in table]
    width = len(table[0]) if table else 0
    bad = [(i, len(f)) for i, f in enumerate(table) if len(f) != width]
    if bad and invalid_raise:
        detail = '\n'.join(f'    Line #{i + 1 + skip_header} (got {n} columns instead of {width})' for i, n in bad)
        raise ValueError('Some errors were detected !\n' + detail)
    table = [f for f in table if len(f) == width]

    def number(field):
        try:
            return int(field)
        except ValueError:
            try:
                return float(field)
            except ValueError:
                return None

    parsed = [[number(f) for f in fields] for fields in table]
    if dtype is None:
        if any(v is None for row in parsed for v in row if row):
            raise unsupported('np.genfromtxt(dtype=None) on text columns', 'give a numeric dtype')
        target = D.int64 if all(isinstance(v, int) for row in parsed for v in row) else D.float64
    else:
        target = _target(dtype)
        if target.kind not in 'iuf':
            raise unsupported(f'np.genfromtxt(dtype={target})')
    fill = filling_values if filling_values is not None else (-1 if target.kind in 'iu' else float('nan'))
    rows = [
        [fill if v is None or (target.kind in 'iu' and not isinstance(v, int)) else v for v in row] for row in parsed
    ]
    return _finish(rows, target, ndmin, bool(unpack))


def savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\n', header='', footer='', comments='# ', encoding=None):
    from ._creation import asarray

    a = asarray(X)
    if a.ndim == 0 or a.ndim > 2:
        raise ValueError(f'Expected 1D or 2D array, got {a.ndim}D array instead')
    rows = [[v] for v in a.tolist()] if a.ndim == 1 else a.tolist()
    ncol = len(rows[0]) if rows else 0
    if isinstance(fmt, (list, tuple)):
        if len(fmt) != ncol:
            raise AttributeError(f'fmt has wrong shape.  {fmt}')
        line_fmt = delimiter.join(fmt)
    elif fmt.count('%') == 1:
        line_fmt = delimiter.join([fmt] * ncol)
    elif fmt.count('%') != ncol:
        raise ValueError(f'fmt has wrong number of % formats:  {fmt}')
    else:
        line_fmt = fmt
    out = []
    if header:
        out.append(comments + header.replace('\n', '\n' + comments) + newline)
    for row in rows:
        try:
            out.append(line_fmt % tuple(row) + newline)
        except TypeError:
            raise TypeError(f"Mismatch between array dtype ('{a.dtype}') and format specifier ('{line_fmt}')") from None
    if footer:
        out.append(comments + footer.replace('\n', '\n' + comments) + newline)
    text = ''.join(out)
    if hasattr(fname, 'write'):
        fname.write(text)
        return
    with open(os.fsdecode(fname), 'w', encoding='utf-8') as fh:
        fh.write(text)
