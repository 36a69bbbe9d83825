"""Elementwise operations (numpy's ufuncs): broadcasting, numpy 1.24's type resolution (value-based for
scalars), the loop's dtype (inputs are cast to it first, so float32 math rounds as numpy's does), IEEE
results where Python would raise (1/0 -> inf with numpy's RuntimeWarning), and `out=`."""

import math
import operator
from itertools import repeat

from . import _dtypes as D
from . import _layout as L
from . import _typed
from ._errors import runtime_warning, UFuncTypeError, _UFuncOutputCastingError, unsupported
from ._ndarray import ndarray
from ._scalars import generic, make, scalar_info

_INF = math.inf
_NAN = math.nan


def as_operand(x):
    """(dtype, ndim, scalar value or None, array or None) of a ufunc argument."""
    if isinstance(x, ndarray):
        return x._dtype, len(x._shape), (x._values()[0] if not x._shape else None), x
    info = scalar_info(x)
    if info is not None:
        return info[0], 0, info[1], None
    from ._creation import asarray

    a = asarray(x)
    return a._dtype, len(a._shape), (a._values()[0] if not a._shape else None), a


def _convertible(x):
    return isinstance(x, (ndarray, generic, bool, int, float, list, tuple, str))


# --- elementwise functions with numpy's IEEE behaviour -----------------------------------------------------


class _Flags:
    __slots__ = ('divide', 'invalid', 'over')

    def __init__(self):
        self.divide = self.invalid = self.over = False


def _div(x, y, f):
    if y == 0:
        if x != x:
            return _NAN
        if x == 0:
            f.invalid = True
            return _NAN
        f.divide = True
        return math.copysign(_INF, x) * math.copysign(1.0, y)
    r = x / y
    # inf / inf is NaN from non-NaN operands: numpy flags it invalid (softmax's overflow, DLFS ch3).
    if r != r and x == x and y == y:
        f.invalid = True
    return r


def _floordiv_float(x, y, f):
    if y == 0:
        if x != x or x == 0:
            if x == 0:
                f.invalid = True
            return _NAN
        f.divide = True
        return math.copysign(_INF, x) * math.copysign(1.0, y)
    return x // y


def _floordiv_int(x, y, f):
    if y == 0:
        f.divide = True
        return 0
    return x // y


def _mod_float(x, y, f):
    if y == 0:
        if x == x:
            f.invalid = True
        return _NAN
    if x in (_INF, -_INF):
        f.invalid = True
        return _NAN
    return x % y


def _mod_int(x, y, f):
    if y == 0:
        f.divide = True
        return 0
    return x % y


def _pow_float(x, y, f):
    try:
        return math.pow(x, y)
    except OverflowError:
        f.over = True
        return _INF if x > 0 or y == int(y) and int(y) % 2 == 0 else -_INF
    except ValueError:
        if x == 0:
            f.divide = True
            return _INF if not (y == int(y) and int(y) % 2 == 1 and math.copysign(1, x) < 0) else -_INF
        f.invalid = True
        return _NAN


def _pow_int(x, y, f):
    if y < 0:
        raise ValueError("Integers to negative integer powers are not allowed.")
    return x**y


def _maximum(x, y):
    return x if x >= y or x != x else y


def _minimum(x, y):
    return x if x <= y or x != x else y


def _fmax(x, y):
    return x if x >= y or y != y else y


def _fmin(x, y):
    return x if x <= y or y != y else y


def _logaddexp(x, y):
    if x == y:
        return x + 0.693147180559945309417232121458176568
    t = x - y
    if t > 0:
        return x + math.log1p(math.exp(-t))
    if t <= 0:
        return y + math.log1p(math.exp(t))
    return t


# name -> (kind, float function, int function, needs flags)
_BINARY = {
    'add': ('arith', operator.add, operator.add, False),
    'subtract': ('arith', operator.sub, operator.sub, False),
    'multiply': ('arith', operator.mul, operator.mul, False),
    'true_divide': ('div', _div, None, True),
    'floor_divide': ('intfloat', _floordiv_float, _floordiv_int, True),
    'remainder': ('intfloat', _mod_float, _mod_int, True),
    'fmod': ('intfloat', math.fmod, lambda x, y, f=None: 0 if y == 0 else int(math.fmod(x, y)), False),
    'power': ('intfloat', _pow_float, _pow_int, True),
    'maximum': ('arith', _maximum, max, False),
    'minimum': ('arith', _minimum, min, False),
    'fmax': ('arith', _fmax, max, False),
    'fmin': ('arith', _fmin, min, False),
    'less': ('cmp', operator.lt, operator.lt, False),
    'less_equal': ('cmp', operator.le, operator.le, False),
    'greater': ('cmp', operator.gt, operator.gt, False),
    'greater_equal': ('cmp', operator.ge, operator.ge, False),
    'equal': ('cmp', operator.eq, operator.eq, False),
    'not_equal': ('cmp', operator.ne, operator.ne, False),
    'logical_and': ('logical', lambda x, y: bool(x) and bool(y), None, False),
    'logical_or': ('logical', lambda x, y: bool(x) or bool(y), None, False),
    'logical_xor': ('logical', lambda x, y: bool(x) != bool(y), None, False),
    'bitwise_and': ('bit', None, operator.and_, False),
    'bitwise_or': ('bit', None, operator.or_, False),
    'bitwise_xor': ('bit', None, operator.xor, False),
    'left_shift': ('shift', None, operator.lshift, False),
    'right_shift': ('shift', None, operator.rshift, False),
    'arctan2': ('float', math.atan2, None, False),
    'hypot': ('float', math.hypot, None, False),
    'copysign': ('float', math.copysign, None, False),
    'logaddexp': ('float', _logaddexp, None, False),
}
_DIV_NAMES = {'true_divide': 'divide'}


def _float_for(d):
    """The float dtype numpy's float-only loops pick for an input dtype."""
    if d.kind == 'f':
        return d
    if d.kind == 'b' or d.bits == 8:
        return D.float16
    if d.bits == 16:
        return D.float32
    return D.float64


def _no_loop(name, types):
    return TypeError(
        f"ufunc '{name}' not supported for the input types, and the inputs could not be safely "
        f"coerced to any supported types according to the casting rule ''safe''"
    )


_INTS = (D.int8, D.uint8, D.int16, D.uint16, D.int32, D.uint32, D.int64, D.uint64)
_FLTS = (D.float16, D.float32, D.float64)
_LOOPS = {'intfloat': _INTS + _FLTS, 'bit': (D.bool_,) + _INTS, 'shift': _INTS, 'float': _FLTS, 'div': _FLTS}


def _resolve(name, kind, operands):
    """(loop dtype, output dtype) of binary ufunc `name`. add, subtract, multiply, maximum, minimum and the
    comparisons take numpy's result type; the others search their loops in order for the first one every input
    casts to safely (numpy's linear search, value-based for scalars), so uint8_array // 300 is int16."""
    if kind in ('arith', 'cmp', 'logical'):
        ct = D.result_type_of(operands)
        if kind != 'arith':
            return ct, D.bool_
        if ct.kind == 'b' and name == 'subtract':
            raise TypeError(
                "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                "the `^` operator, or the logical_xor function instead."
            )
        return ct, ct
    if kind == 'div' and all(d.kind in 'biu' for d, _, _ in operands):
        return D.float64, D.float64
    loop = D.linear_search(operands, _LOOPS[kind])
    if loop is None:
        raise _no_loop(name, operands[0][0])
    return loop, loop


def _compute(name, kind, loop, xs, ys, scalar_y):
    _, ffn, ifn, flags = _BINARY[name]
    if loop.kind == 'b' and kind == 'arith':
        fn = {
            'add': operator.or_,
            'multiply': operator.and_,
            'maximum': operator.or_,
            'minimum': operator.and_,
            'fmax': operator.or_,
            'fmin': operator.and_,
        }[name]
    else:
        fn = ffn if loop.kind == 'f' or ifn is None else ifn
    yit = repeat(ys) if scalar_y else ys
    if not flags:
        try:
            return list(map(fn, xs, yit))
        except (ValueError, OverflowError):
            return [_safe2(fn, x, y) for x, y in zip(xs, repeat(ys) if scalar_y else ys)]
    f = _Flags()
    out = [fn(x, y, f) for x, y in zip(xs, yit)]
    op = _DIV_NAMES.get(name, name)
    if f.divide:
        runtime_warning('divide', f"divide by zero encountered in {op}")
    if f.invalid:
        runtime_warning('invalid', f"invalid value encountered in {op}")
    if f.over:
        runtime_warning('over', f"overflow encountered in {op}")
    return out


def _safe2(fn, x, y):
    try:
        return fn(x, y)
    except (ValueError, OverflowError):
        return _NAN


def binary(name, a, b, out=None, where=True, dtype=None):
    if where is not True:
        raise unsupported(f"np.{name}(where=...)")
    kind = _BINARY[name][0]
    da, na, va, aa = as_operand(a)
    db, nb, vb, ab = as_operand(b)
    if da.kind == 'U' or db.kind == 'U':
        return _strings(name, kind, a if aa is None else aa, b if ab is None else ab, da, db, out)
    loop, res_dtype = _resolve(name, kind, [(da, na, va), (db, nb, vb)])
    if dtype is not None:
        loop = D.as_dtype(dtype)
        res_dtype = D.bool_ if kind in ('cmp', 'logical') else loop
    sa = aa._shape if aa is not None else ()
    sb = ab._shape if ab is not None else ()
    shape = sa if sa == sb else L.broadcast_shapes(sa, sb)
    if (
        out is None
        and loop is D.float64
        and res_dtype is D.float64
        and (da is D.float64 or not sa)
        and (db is D.float64 or not sb)
        and name in _typed.BINARY  # packed float64 arrays: run in the engine (numpy/_typed.py)
        and _typed.wants(L.prod(shape))
    ):
        if sa == sb or not sa or not sb:
            done = _typed.binary(name, aa, va, ab, vb, shape)
        elif L.iteration_perm([aa, ab], shape) is None:  # broadcast, the result in C order
            done = _typed.binary_broadcast(name, aa, ab, shape)
        else:
            done = None
        if done is not None:
            return done
    if out is not None:
        out = out[0] if isinstance(out, tuple) else out
        shape = L.broadcast_shapes(shape, out._shape)
    perm = None if out is not None else L.iteration_perm([x for x in (aa, ab) if x is not None and x._shape], shape)
    get = (lambda arr: arr._values_as(shape)) if perm is None else (lambda arr: L.values_in(arr, shape, perm))
    if kind == 'logical' or loop is da:
        xs = get(aa) if aa is not None and aa._shape else None
    else:
        xs = D.cast_values(get(aa), da, loop) if aa is not None and aa._shape else None
    n = L.prod(shape)
    if xs is None:
        x0 = D.store_one(va, loop) if kind != 'logical' else va
        xs = [x0] * n
    scalar_y = ab is None or not ab._shape
    if scalar_y:
        ys = D.store_one(vb, loop) if kind != 'logical' else vb
    else:
        ys = get(ab)
        if kind != 'logical' and loop is not db:
            ys = D.cast_values(ys, db, loop)
    values = _compute(name, kind, loop, xs, ys, scalar_y)
    values = D.store(values, res_dtype) if res_dtype.kind != 'b' or kind not in ('cmp', 'logical') else values
    if res_dtype.kind == 'f' and name in _OVERFLOW_CHECKED and (_INF in values or -_INF in values):
        if _overflowed(xs, ys, values, scalar_y):
            runtime_warning('over', f"overflow encountered in {_DIV_NAMES.get(name, name)}")
    if res_dtype.kind == 'f' and name in _NAN_CHECKED and any(map(_isnan, values)):
        if _made_nan(xs, ys, values, scalar_y):
            runtime_warning('invalid', f"invalid value encountered in {name}")
    return _finish(name, values, shape, res_dtype, out, perm)


def _strings(name, kind, a, b, da, db, out):
    """A ufunc with a string operand: comparisons of two string arrays element by element (broadcast), as
    numpy's string loops; anything else has no loop in numpy either."""
    from ._creation import asarray

    if kind == 'cmp' and da.kind == db.kind == 'U' and out is None:
        a, b = asarray(a), asarray(b)
        shape = L.broadcast_shapes(a._shape, b._shape)
        fn = _STRING_CMP[name]
        values = [fn(x, y) for x, y in zip(a._values_as(shape), b._values_as(shape))]
        return ndarray._make(values, shape, D.bool_) if shape else make(D.bool_, values[0])
    if kind == 'cmp' and out is None:
        raise unsupported('comparing a string array with numbers', 'numpy 1.24 returns one False with a warning')
    raise UFuncTypeError(
        f"ufunc '{name}' did not contain a loop with signature matching types ({da!r}, {db!r}) -> None"
    )


_STRING_CMP = {
    'equal': operator.eq,
    'not_equal': operator.ne,
    'less': operator.lt,
    'less_equal': operator.le,
    'greater': operator.gt,
    'greater_equal': operator.ge,
}

_OVERFLOW_CHECKED = frozenset(('add', 'subtract', 'multiply', 'true_divide', 'power'))
# inf * 0, inf - inf: NaN from non-NaN operands sets the FPU's invalid flag, which numpy reports
# (Nielsen's cross-entropy -y*np.log(a) at a saturated output).
_NAN_CHECKED = frozenset(('add', 'subtract', 'multiply'))
_isnan = math.isnan


def _made_nan(xs, ys, values, scalar_y):
    for i, v in enumerate(values):
        if v != v:
            y = ys if scalar_y else ys[i]
            if xs[i] == xs[i] and y == y:
                return True
    return False


def _finite(v):
    return v == v and v != _INF and v != -_INF


def _overflowed(xs, ys, values, scalar_y):
    """Whether an infinite result came from finite operands (not from x/0, which warns of its own)."""
    for i, v in enumerate(values):
        if v == _INF or v == -_INF:
            y = ys if scalar_y else ys[i]
            if _finite(xs[i]) and _finite(y) and y != 0:
                return True
    return False


def _finish(name, values, shape, dt, out, perm=None):
    if out is not None:
        if not D.can_cast(dt, out._dtype, 'same_kind'):
            raise _UFuncOutputCastingError(
                f"Cannot cast ufunc '{name}' output from {dt!r} to {out._dtype!r} with casting rule 'same_kind'"
            )
        if out._shape != shape:
            raise ValueError(
                f"non-broadcastable output operand with shape {out._shape} doesn't match the broadcast shape {shape}"
            )
        out._assign(list(D.cast_values(values, dt, out._dtype)))
        return out
    if not shape:
        return make(dt, values[0])
    if dt is D.float64 and perm is None and _typed.wants(len(values)):
        return _typed.typed_array(values if isinstance(values, list) else list(values), shape)
    strides = None if perm is None else L.perm_strides(shape, perm)
    return ndarray._make(values if isinstance(values, list) else list(values), shape, dt, strides)


def operator_call(name, a, b):
    """a <op> b for the dunder methods: NotImplemented for operands numpy would not take (a torch tensor),
    so that Python asks the other operand."""
    if not (_convertible(a) and _convertible(b)):
        return NotImplemented
    if name == 'divmod':
        return binary('floor_divide', a, b), binary('remainder', a, b)
    return binary(name, a, b)


def inplace(name, a, b):
    if not _convertible(b):
        return NotImplemented
    return binary(name, a, b, out=a)
