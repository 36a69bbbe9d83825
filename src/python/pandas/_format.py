"""DataFrame and Series as pandas 1.5 prints them (pandas.io.formats.format): floats with 6 decimals and the
common trailing zeros trimmed (scientific when values are tiny, or too wide and large), integers and other values
with a leading space, columns right-justified under their labels, long frames cut to their first and last five
rows (more than display.max_rows = 60) and wide frames to the columns that fit 80 characters."""

import re

from . import _values as V

PRECISION = 6  # display.precision
MAX_ROWS = 60  # display.max_rows
MIN_ROWS = 10  # display.min_rows
MAX_COLWIDTH = 50  # display.max_colwidth
WIDTH = 80  # the terminal width pandas assumes when output is not a terminal

_NUMBER = re.compile(r'^\s*[\+-]?[0-9]+\.[0-9]*$')


def _trim_zeros(strings):
    def is_number(x):
        return _NUMBER.match(x) is not None

    while True:
        numbers = [x for x in strings if is_number(x)]
        if not (numbers and all(x.endswith('0') for x in numbers)):
            break
        strings = [x[:-1] if is_number(x) else x for x in strings]
    return [x + '0' if is_number(x) and x.endswith('.') else x for x in strings]


def _float_strings(values, leading_space, justify):
    space = ' ' if leading_space else ''
    na = ' NaN' if justify == 'left' else 'NaN'  # left-justified NaN keeps the numbers' leading space

    def with_format(fmt):
        return _trim_zeros([na if v != v else format(v, space + fmt) for v in values])

    text = with_format(f'.{PRECISION}f')
    too_long = bool(text) and max(len(t) for t in text) > PRECISION + 6
    finite = [abs(v) for v in values if v == v]
    large = any(a > 1e6 for a in finite)
    small = any(0 < a < 10 ** (-PRECISION) for a in finite)
    if small or (too_long and large):
        text = with_format(f'.{PRECISION}e')
    return text


def _single_float(v):
    text = format(v, f' .{PRECISION}f').rstrip('0')
    return text + '0' if text.endswith('.') else text


def pprint(v):
    if isinstance(v, (list, tuple)):
        # pandas' pprint_thing of a sequence: its items printed the same way, strings unquoted ([Braund,  Mr. Owen]
        # for a str.split result), a one-item tuple with its comma
        inner = ', '.join(pprint(x) for x in v)
        return f'[{inner}]' if isinstance(v, list) else f"({inner}{',' if len(v) == 1 else ''})"
    return str(v).replace('\t', '\\t').replace('\r', '\\r').replace('\n', '\\n')


def _generic_strings(values, leading_space):
    out = []
    for v in values:
        if isinstance(v, float) and v == v:
            out.append(_single_float(v))
            continue
        if v is None:
            text = 'None'
        elif V.is_na(v):
            text = 'NaN'
        else:
            text = pprint(v)
        out.append((' ' if leading_space is not False else '') + text)
    return out


def _fixed_width(strings, justify, minimum=None):
    if not strings:
        return strings
    width = max(len(x) for x in strings)
    if minimum is not None:
        width = max(minimum, width)
    width = min(width, MAX_COLWIDTH)
    strings = [x[: width - 3] + '...' if len(x) > width else x for x in strings]
    return [x.ljust(width) if justify == 'left' else x.rjust(width) for x in strings]


def format_values(values, dtype, justify='right', leading_space=True):
    """pandas' format_array: one column's values as strings of one width."""
    if getattr(dtype, 'name', None) == 'category':
        from ._categorical import shown_values

        values, dtype = shown_values(values, dtype)
    if dtype is not V.OBJECT and dtype.kind == 'f':
        text = _float_strings(values, leading_space, justify)
    elif dtype is not V.OBJECT and dtype.kind in 'iu':
        text = [f'{v: d}' if leading_space else f'{v:d}' for v in values]
    else:
        text = _generic_strings(values, leading_space)
    return _fixed_width(text, justify)


def _adjoin(space, columns):
    lengths = [max(len(x) for x in col) + space for col in columns[:-1]]
    lengths.append(max(len(x) for x in columns[-1]))
    rows = max(len(col) for col in columns)
    padded = []
    for col, width in zip(columns, lengths):
        padded.append([x.ljust(width) for x in col] + [' ' * width] * (rows - len(col)))
    return '\n'.join(''.join(parts) for parts in zip(*padded))


def _row_positions(n):
    """Rows shown: all of them, or the first and last min_rows/2 of a long frame (and where the dots go)."""
    if n > MAX_ROWS:
        half = MIN_ROWS // 2
        return list(range(half)) + list(range(n - half, n)), half
    return list(range(n)), None


def _index_column(index, rows, frame_header_rows, show_names, columns_name=None):
    if index.nlevels > 1:  # the levels sparsified side by side, one space apart
        labels = _adjoin(1, index._take(rows).format_levels(show_names)).split('\n')
    else:
        labels = index._take(rows)._format_labels()
        if show_names:
            labels = [pprint(index.name)] + labels
    top = [''] * frame_header_rows
    if columns_name is not None:  # the columns' name heads the index column (crosstab, unstack, pivot)
        top[0] = pprint(columns_name)
    return _fixed_width(top + labels, 'left')


def frame_to_string(df):
    n, m = df.shape
    if n == 0 or m == 0:
        return f'Empty DataFrame\nColumns: {_seq(df.columns._labels)}\nIndex: {_seq(df.index._labels)}'
    rows, row_dots = _row_positions(n)
    show_names = _has_names(df.index)
    levels = df.columns.nlevels
    if levels > 1:
        level_labels = [[t.strip() for t in df.columns.get_level_values(i)._format_labels()] for i in range(levels)]
    else:
        level_labels = [df.columns._format_labels()]

    def headers(cols):
        # pandas pairs the shown columns' labels with the whole frame's dtypes by position: once columns are
        # cut, a label gets its leading space from the dtype of the column at its place in the full frame.
        # Two-level labels get no leading space: pandas 1.5 tests `level.is_floating`, a method, so always truthy.
        per_level = [
            [(' ' if levels == 1 and V.is_numeric(df._dtypes[k]) else '') + labels[j] for k, j in enumerate(cols)]
            for labels in level_labels
        ]
        if levels > 1:  # an outer label repeated over neighbouring columns is shown once
            from ._multi import sparsify

            per_level = sparsify(per_level)
        return [list(h) for h in zip(*per_level)]

    def strcols(cols):
        out = [_index_column(df.index, rows, levels, show_names, df.columns.name)]
        for j, header in zip(cols, headers(cols)):
            dtype = df._dtypes[j]
            if show_names:
                header.append('')
            values = format_values([df._data[j][i] for i in rows], dtype)
            values = _fixed_width(values, 'right', minimum=max(len(x) for x in header))
            width = max(max(len(x) for x in values), max(len(x) for x in header))
            out.append([x.rjust(width) for x in header] + values)
        return out

    def with_dots(columns, col_dots):
        header_rows = levels + (1 if show_names else 0)
        if col_dots is not None:
            columns.insert(col_dots + 1, [' ...'] * (len(rows) + header_rows))
        if row_dots is not None:
            for k, col in enumerate(columns):
                width = len(col[row_dots])
                is_dot_col = col_dots is not None and k == col_dots + 1
                dots = '...' if width > 3 or is_dot_col else '..'
                if k == 0:
                    col.insert(row_dots + header_rows, dots.ljust(width))
                else:
                    col.insert(row_dots + header_rows, dots.rjust(4 if is_dot_col else width))
        return columns

    columns = with_dots(strcols(range(m)), None)
    lines = _adjoin(1, columns).split('\n')
    over = max(len(x) for x in lines) - WIDTH + 1
    col_dots = None
    if over > 0:
        lens = [max(len(x) for x in col) for col in columns]
        keys = list(range(len(lens)))
        while over > 0 and len(keys) > 1:
            mid = keys[_round_half_even(len(keys) / 2)]
            over -= lens[mid] + 1
            keys.remove(mid)
        fitted = max(len(keys) - 1, 2)
        if m > fitted:
            half = fitted // 2
            if half >= 1:
                cols = list(range(half)) + list(range(m - half, m))
            else:
                cols, half = list(range(fitted)), fitted
            col_dots = half
            columns = with_dots(strcols(cols), col_dots)
    text = _adjoin(1, columns)
    if row_dots is not None or col_dots is not None:
        text += f'\n\n[{n} rows x {m} columns]'
    return text


def _has_names(index):
    return any(n is not None for n in index.names) if index.nlevels > 1 else index.name is not None


def _round_half_even(x):
    return round(x)


def _seq(labels):
    return '[' + ', '.join(str(v) for v in labels) + ']'


def series_to_string(s):
    n = len(s)
    rows, row_dots = _row_positions(n)
    footer = []
    if s.name is not None:
        footer.append(f'Name: {pprint(s.name)}')
    if row_dots is not None:
        footer.append(f'Length: {n}')
    footer.append(f'dtype: {s.dtype}')
    footer = ', '.join(footer)
    if s.dtype.name == 'category':
        from ._categorical import categories_info

        footer += '\n' + categories_info(s.dtype)
    if n == 0:
        return f'Series([], {footer})'
    header = None
    if s.index.nlevels > 1:  # the levels sparsified side by side, two spaces apart, their names above
        index = _adjoin(2, s.index._take(rows).format_levels(True)).split('\n')
        header, index = (index[0] if _has_names(s.index) else None), index[1:]
    else:
        index = s.index._take(rows)._format_labels()
        header = None if s.index.name is None else pprint(s.index.name)
    values = format_values([s._values[i] for i in rows], s.dtype)
    if row_dots is not None:
        width = len(values[row_dots - 1])
        values.insert(row_dots, ('...' if width > 3 else '..').center(width))
        index.insert(row_dots, '')
    text = _adjoin(3, [index, values])
    if header is not None:
        text = header + '\n' + text
    return text + '\n' + footer
