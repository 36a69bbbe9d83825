"""Array printing as numpy 1.24 prints: a port of numpy/core/arrayprint.py (BSD licence) over our arrays,
with Dragon4 (_dragon4.py) for the digits. repr/str, summarisation past `threshold`, line wrapping at
`linewidth`, dtype suffixes, set_printoptions/get_printoptions/printoptions, array2string."""

import contextlib
import operator
import sys

from . import _dtypes as D
from . import _layout as L
from ._dragon4 import format_positional, format_scientific
from ._errors import unsupported

_OPTIONS = {
    'edgeitems': 3,
    'threshold': 1000,
    'floatmode': 'maxprec',
    'precision': 8,
    'suppress': False,
    'linewidth': 75,
    'nanstr': 'nan',
    'infstr': 'inf',
    'sign': '-',
    'formatter': None,
    'legacy': sys.maxsize,
}
_DEFAULTS = dict(_OPTIONS)


def _make_options(
    precision=None,
    threshold=None,
    edgeitems=None,
    linewidth=None,
    suppress=None,
    nanstr=None,
    infstr=None,
    sign=None,
    formatter=None,
    floatmode=None,
    legacy=None,
):
    opts = {k: v for k, v in locals().items() if v is not None}
    if suppress is not None:
        opts['suppress'] = bool(suppress)
    if floatmode not in (None, 'fixed', 'unique', 'maxprec', 'maxprec_equal'):
        raise ValueError('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"')
    if sign not in (None, '-', '+', ' '):
        raise ValueError("sign option must be one of ' ', '+', or '-'")
    if legacy is False:
        opts['legacy'] = sys.maxsize
    elif legacy is not None:
        raise unsupported(f"np.set_printoptions(legacy={legacy!r})")
    if precision is not None:
        try:
            opts['precision'] = operator.index(precision)
        except TypeError:
            raise TypeError('precision must be an integer') from None
    return opts


def set_printoptions(
    precision=None,
    threshold=None,
    edgeitems=None,
    linewidth=None,
    suppress=None,
    nanstr=None,
    infstr=None,
    formatter=None,
    sign=None,
    floatmode=None,
    *,
    legacy=None,
):
    opts = _make_options(
        precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr, sign, formatter, floatmode, legacy
    )
    opts['formatter'] = formatter
    _OPTIONS.update(opts)


def get_printoptions():
    opts = dict(_OPTIONS)
    opts['legacy'] = False
    return opts


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    saved = dict(_OPTIONS)
    try:
        set_printoptions(*args, **kwargs)
        yield get_printoptions()
    finally:
        _OPTIONS.clear()
        _OPTIONS.update(saved)


def reset_printoptions():
    _OPTIONS.clear()
    _OPTIONS.update(_DEFAULTS)


class FloatingFormat:
    def __init__(self, values, bits, zero_d, precision, floatmode, suppress_small, sign='-'):
        self.bits = bits
        self.floatmode = floatmode
        self.precision = None if floatmode == 'unique' else precision
        if self.precision is not None and self.precision < 0:
            raise ValueError('precision must be >= 0')
        self.suppress_small = suppress_small
        self.sign = sign
        self.exp_format = False
        self.large_exponent = False
        self._fill(values)

    def _fill(self, values):
        bits = self.bits
        finite = [v for v in values if v == v and v not in (float('inf'), float('-inf'))]
        abs_non_zero = [abs(v) for v in finite if v != 0]
        if abs_non_zero:
            max_val, min_val = max(abs_non_zero), min(abs_non_zero)
            # max_val / min_val in the array's precision (numpy divides the two numpy scalars)
            ratio = D.store_one(max_val / min_val, {64: D.float64, 32: D.float32, 16: D.float16}[bits])
            if max_val >= 1.0e8 or (not self.suppress_small and (min_val < 0.0001 or ratio > 1000.0)):
                self.exp_format = True
        plus = self.sign == '+'
        if not finite:
            self.pad_left, self.pad_right, self.trim, self.exp_size, self.unique, self.min_digits = (
                0,
                0,
                '.',
                -1,
                True,
                None,
            )
        elif self.exp_format:
            trim, unique = ('k', False) if self.floatmode == 'fixed' else ('.', True)
            strs = [
                format_scientific(x, bits, precision=self.precision, unique=unique, trim=trim, sign=plus)
                for x in finite
            ]
            frac_strs, _, exp_strs = zip(*(s.partition('e') for s in strs))
            int_part, frac_part = zip(*(s.split('.') for s in frac_strs))
            self.exp_size = max(len(s) for s in exp_strs) - 1
            self.trim = 'k'
            self.precision = max(len(s) for s in frac_part)
            self.min_digits = self.precision
            self.unique = unique
            self.pad_left = max(len(s) for s in int_part)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            trim, unique = ('k', False) if self.floatmode == 'fixed' else ('.', True)
            strs = [
                format_positional(
                    x, bits, precision=self.precision, fractional=True, unique=unique, trim=trim, sign=plus
                )
                for x in finite
            ]
            int_part, frac_part = zip(*(s.split('.') for s in strs))
            self.pad_left = max(len(s) for s in int_part)
            self.pad_right = max(len(s) for s in frac_part)
            self.exp_size = -1
            self.unique = unique
            if self.floatmode in ('fixed', 'maxprec_equal'):
                self.precision = self.min_digits = self.pad_right
                self.trim = 'k'
            else:
                self.trim = '.'
                self.min_digits = 0
        if self.sign == ' ' and not any(str(v).startswith('-') for v in finite):
            self.pad_left += 1
        if len(values) != len(finite):
            neginf = self.sign != '-' or any(v == float('-inf') for v in values)
            nanlen = len(_OPTIONS['nanstr'])
            inflen = len(_OPTIONS['infstr']) + neginf
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, nanlen - offset, inflen - offset)

    def __call__(self, x):
        if x != x or x in (float('inf'), float('-inf')):
            if x != x:
                ret = ('+' if self.sign == '+' else '') + _OPTIONS['nanstr']
            else:
                ret = ('-' if x < 0 else '+' if self.sign == '+' else '') + _OPTIONS['infstr']
            return ' ' * (self.pad_left + self.pad_right + 1 - len(ret)) + ret
        if self.exp_format:
            return format_scientific(
                x,
                self.bits,
                precision=self.precision,
                min_digits=self.min_digits,
                unique=self.unique,
                trim=self.trim,
                sign=self.sign == '+',
                pad_left=self.pad_left,
                exp_digits=self.exp_size,
            )
        return format_positional(
            x,
            self.bits,
            precision=self.precision,
            min_digits=self.min_digits,
            unique=self.unique,
            fractional=True,
            trim=self.trim,
            sign=self.sign == '+',
            pad_left=self.pad_left,
            pad_right=self.pad_right,
        )


class IntegerFormat:
    def __init__(self, values):
        width = max(len(str(max(values))), len(str(min(values)))) if values else 0
        self.format = '%{}d'.format(width)

    def __call__(self, x):
        return self.format % x


class BoolFormat:
    def __init__(self, zero_d):
        self.truestr = 'True' if zero_d else ' True'

    def __call__(self, x):
        return self.truestr if x else 'False'


def _corner_positions(shape, edgeitems):
    """Flat C-order positions of the leading/trailing `edgeitems` corners of each axis (summarised data)."""
    strides = L.c_strides(shape)
    pos = [0]
    for n, s in zip(shape, strides):
        idx = list(range(edgeitems)) + list(range(n - edgeitems, n)) if n > 2 * edgeitems else range(n)
        pos = [p + i * s for p in pos for i in idx]
    return pos


def _format_function(values, dtype, zero_d, options):
    formatter = options.get('formatter')
    if formatter:
        kind = 'bool' if dtype.kind == 'b' else 'int' if dtype.kind in 'iu' else 'float'
        for key in ('all', kind + '_kind' if kind != 'bool' else 'bool', kind):
            fn = formatter.get(key)
            if fn is not None:
                from ._scalars import make

                return lambda v: fn(make(dtype, v))
    if dtype.kind in 'OU':
        return repr
    if dtype.kind == 'b':
        return BoolFormat(zero_d)
    if dtype.kind in 'iu':
        return IntegerFormat(values)
    return FloatingFormat(
        values, dtype.bits, zero_d, options['precision'], options['floatmode'], options['suppress'], options['sign']
    )


def _extend_line(s, line, word, line_width, next_line_prefix):
    needs_wrap = len(line) + len(word) > line_width
    if len(line) <= len(next_line_prefix):
        needs_wrap = False
    if needs_wrap:
        s += line.rstrip() + "\n"
        line = next_line_prefix
    line += word
    return s, line


def _format_array(values, shape, fmt, line_width, next_line_prefix, separator, edge_items, summary_insert):
    strides = L.c_strides(shape)
    ndim = len(shape)

    def recurser(pos, axis, hanging_indent, curr_width):
        if axis == ndim:
            return fmt(values[pos])
        next_hanging_indent = hanging_indent + ' '
        next_width = curr_width - len(']')
        a_len = shape[axis]
        step = strides[axis]
        show_summary = summary_insert and 2 * edge_items < a_len
        leading, trailing = (edge_items, edge_items) if show_summary else (0, a_len)
        s = ''
        if ndim - axis == 1:
            elem_width = curr_width - max(len(separator.rstrip()), len(']'))
            line = hanging_indent
            for i in range(leading):
                word = recurser(pos + i * step, axis + 1, next_hanging_indent, next_width)
                s, line = _extend_line(s, line, word, elem_width, hanging_indent)
                line += separator
            if show_summary:
                s, line = _extend_line(s, line, summary_insert, elem_width, hanging_indent)
                line += separator
            for i in range(trailing, 1, -1):
                word = recurser(pos + (a_len - i) * step, axis + 1, next_hanging_indent, next_width)
                s, line = _extend_line(s, line, word, elem_width, hanging_indent)
                line += separator
            word = recurser(pos + (a_len - 1) * step, axis + 1, next_hanging_indent, next_width)
            s, line = _extend_line(s, line, word, elem_width, hanging_indent)
            s += line
        else:
            line_sep = separator.rstrip() + '\n' * (ndim - axis - 1)
            for i in range(leading):
                s += hanging_indent + recurser(pos + i * step, axis + 1, next_hanging_indent, next_width) + line_sep
            if show_summary:
                s += hanging_indent + summary_insert + line_sep
            for i in range(trailing, 1, -1):
                s += (
                    hanging_indent
                    + recurser(pos + (a_len - i) * step, axis + 1, next_hanging_indent, next_width)
                    + line_sep
                )
            s += hanging_indent + recurser(pos + (a_len - 1) * step, axis + 1, next_hanging_indent, next_width)
        return '[' + s[len(hanging_indent) :] + ']'

    return recurser(0, 0, next_line_prefix, line_width)


def _array2string(a, options, separator=' ', prefix=''):
    values = a._values()
    shape = a._shape
    if a.size > options['threshold']:
        summary_insert = '...'
        data = [values[p] for p in _corner_positions(shape, options['edgeitems'])]
    else:
        summary_insert = ''
        data = values
    fmt = _format_function(data, a._dtype, not shape, options)
    next_line_prefix = ' ' + ' ' * len(prefix)
    return _format_array(
        values, shape, fmt, options['linewidth'], next_line_prefix, separator, options['edgeitems'], summary_insert
    )


def array2string(
    a,
    max_line_width=None,
    precision=None,
    suppress_small=None,
    separator=' ',
    prefix='',
    style=None,
    formatter=None,
    threshold=None,
    edgeitems=None,
    sign=None,
    floatmode=None,
    suffix='',
    *,
    legacy=None,
):
    from ._creation import asarray

    a = asarray(a)
    overrides = _make_options(
        precision, threshold, edgeitems, max_line_width, suppress_small, None, None, sign, formatter, floatmode, legacy
    )
    options = dict(_OPTIONS)
    options.update(overrides)
    options['linewidth'] -= len(suffix)
    if a.size == 0:
        return '[]'
    return _array2string(a, options, separator, prefix)


_IMPLIED = (D.int64, D.float64, D.bool_)


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    if max_line_width is None:
        max_line_width = _OPTIONS['linewidth']
    skipdtype = arr._dtype in _IMPLIED and arr.size > 0
    prefix = 'array('
    suffix = ')' if skipdtype else ','
    if arr.size > 0 or arr._shape == (0,):
        lst = array2string(arr, max_line_width, precision, suppress_small, ', ', prefix, suffix=suffix)
    else:
        lst = '[], shape=%s' % (repr(arr._shape),)
    arr_str = prefix + lst + suffix
    if skipdtype:
        return arr_str
    dtype_str = 'dtype={})'.format(f"'{arr._dtype}'" if arr._dtype.kind == 'U' else arr._dtype.name)
    last_line_len = len(arr_str) - (arr_str.rfind('\n') + 1)
    spacer = ' '
    if last_line_len + len(dtype_str) + 1 > max_line_width:
        spacer = '\n' + ' ' * len(prefix)
    return arr_str + spacer + dtype_str


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    if not a._shape:
        return str(a._scalar(a._values()[0]))
    return array2string(a, max_line_width, precision, suppress_small, ' ', '')


def format_float_positional(
    x,
    precision=None,
    unique=True,
    fractional=True,
    trim='k',
    sign=False,
    pad_left=None,
    pad_right=None,
    min_digits=None,
):
    bits = getattr(getattr(x, '_np_dtype', None), 'bits', 64)
    return format_positional(float(x), bits, precision, unique, fractional, trim, sign, pad_left, pad_right, min_digits)


def format_float_scientific(
    x, precision=None, unique=True, trim='k', sign=False, pad_left=None, exp_digits=None, min_digits=None
):
    bits = getattr(getattr(x, '_np_dtype', None), 'bits', 64)
    return format_scientific(float(x), bits, precision, unique, trim, sign, pad_left, exp_digits, min_digits)
