"""Unary ufuncs (exp, log, sqrt, floor, isnan, ...), numpy's `ufunc` objects (np.add(...), np.add.reduce,
np.maximum.accumulate, np.multiply.outer) and the elementwise functions that are not ufuncs in numpy's
sense: where, clip, round/around, isclose, allclose, nan_to_num."""

import math

from . import _dtypes as D
from . import _layout as L
from . import _svml
from . import _typed
from ._errors import errstate, runtime_warning, unsupported
from ._ndarray import ndarray
from ._scalars import generic, make
from ._ufuncs import as_operand, binary, _BINARY, _float_for, _finish, _no_loop, _maximum, _minimum
from ._wrap import apply, ufunc_wrapper

_INF = math.inf
_NAN = math.nan


# --- slow paths: what numpy returns (and warns) where Python's math raises ---------------------------------


def _h_invalid(v):
    return (v, None) if v != v else (_NAN, 'invalid')


def _h_log(v):
    if v != v:
        return v, None
    if v == 0:
        return -_INF, 'divide'
    return _NAN, 'invalid'


def _h_log1p(v):
    if v == -1:
        return -_INF, 'divide'
    return _h_invalid(v)


def _h_over(v):
    return (_INF, 'over') if v > 0 else (_NAN, 'invalid')


def _h_over_signed(v):
    return math.copysign(_INF, v), 'over'


def _h_atanh(v):
    if v in (1.0, -1.0):
        return math.copysign(_INF, v), 'divide'
    return _h_invalid(v)


def _h_keep(v):
    return v, None


def _signed_zero(fn):
    def wrapped(v):
        r = float(fn(v))
        return math.copysign(0.0, v) if r == 0 else r

    return wrapped


def _cbrt(v):
    return math.copysign(abs(v) ** (1.0 / 3.0), v)


_FLOAT_FUNCS = {
    'sqrt': (math.sqrt, _h_invalid),
    'exp': (math.exp, _h_over),
    'expm1': (math.expm1, _h_over),
    'exp2': (getattr(math, 'exp2', lambda v: math.pow(2.0, v)), _h_over),
    'log': (math.log, _h_log),
    'log2': (math.log2, _h_log),
    'log10': (math.log10, _h_log),
    'log1p': (math.log1p, _h_log1p),
    'sin': (math.sin, _h_invalid),
    'cos': (math.cos, _h_invalid),
    'tan': (math.tan, _h_invalid),
    'arcsin': (math.asin, _h_invalid),
    'arccos': (math.acos, _h_invalid),
    'arctan': (math.atan, _h_invalid),
    'sinh': (math.sinh, _h_over_signed),
    'cosh': (math.cosh, _h_over),
    'tanh': (math.tanh, _h_invalid),
    'arcsinh': (math.asinh, _h_keep),
    'arccosh': (math.acosh, _h_invalid),
    'arctanh': (math.atanh, _h_atanh),
    'cbrt': (getattr(math, 'cbrt', _cbrt), _h_keep),
    'deg2rad': (lambda v: v * (math.pi / 180.0), _h_keep),
    'rad2deg': (lambda v: v * (180.0 / math.pi), _h_keep),
    'floor': (_signed_zero(math.floor), _h_keep),
    'ceil': (_signed_zero(math.ceil), _h_keep),
    'trunc': (_signed_zero(math.trunc), _h_keep),
    'rint': (_signed_zero(round), _h_keep),
    'fabs': (math.fabs, _h_keep),
}
# float64 loops where numpy 1.24 (x86-64, AVX512_SKX) does not call the C library: see _svml.py.
_F64_FUNCS = {'exp': _svml.exp, 'log': _svml.log, 'tanh': _svml.tanh, 'sin': _svml.sin, 'cos': _svml.cos}
_FLOAT_FUNCS['radians'] = _FLOAT_FUNCS['deg2rad']
_FLOAT_FUNCS['degrees'] = _FLOAT_FUNCS['rad2deg']
_FLOAT_FUNCS['fix'] = _FLOAT_FUNCS['trunc']


def _sign(v):
    if v != v:
        return v
    return (v > 0) - (v < 0) if not isinstance(v, float) else float((v > 0) - (v < 0))


def _reciprocal_int(v):
    return 0 if v == 0 else int(1 / v)


_SAME_FUNCS = {
    'negative': lambda v: -v,
    'positive': lambda v: v,
    'absolute': abs,
    'square': lambda v: v * v,
    'sign': _sign,
    'conjugate': lambda v: v,
    'reciprocal': None,
}
_BOOL_FUNCS = {
    'isnan': lambda v: v != v,
    'isinf': lambda v: v in (_INF, -_INF),
    'isfinite': lambda v: v == v and v not in (_INF, -_INF),
    'signbit': lambda v: math.copysign(1.0, v) < 0,
    'logical_not': lambda v: not v,
}


def _float_values(name, values, bits=64):
    fast, slow = _FLOAT_FUNCS[name]
    if bits == 64:
        fast = _F64_FUNCS.get(name, fast)
    try:
        return list(map(fast, values))
    except (ValueError, OverflowError, ZeroDivisionError):
        pass
    out = []
    flags = set()
    for v in values:
        try:
            out.append(fast(v))
        except (ValueError, OverflowError, ZeroDivisionError):
            r, flag = slow(v)
            out.append(r)
            if flag:
                flags.add(flag)
    for flag in ('divide', 'over', 'invalid'):
        if flag in flags:
            word = {'divide': 'divide by zero', 'over': 'overflow', 'invalid': 'invalid value'}[flag]
            runtime_warning(flag, f"{word} encountered in {name}")
    return out


def unary(name, x, out=None, where=True, dtype=None):
    if where is not True:
        raise unsupported(f"np.{name}(where=...)")
    d, nd, v, arr = as_operand(x)
    shape = arr._shape if arr is not None else ()
    if (
        out is None
        and dtype is None
        and d is D.float64
        and name in _typed.UNARY  # packed float64 arrays: run in the engine (numpy/_typed.py)
        and _typed.wants(L.prod(shape))
    ):
        done = _typed.unary(name, arr)
        if done is not None:
            return done
    perm = None if arr is None or out is not None else L.iteration_perm([arr], shape)
    values = [v] if arr is None else arr._values() if perm is None else L.values_in(arr, shape, perm)
    if name in _FLOAT_FUNCS:
        loop = D.as_dtype(dtype) if dtype is not None else _float_for(d)
        res_dtype = loop
        result = _float_values(name, D.cast_values(values, d, loop), loop.bits)
        if loop.bits < 64:
            result = D.store(result, loop)
            if (_INF in result or -_INF in result) and any(
                r in (_INF, -_INF) and v == v and v not in (_INF, -_INF) for r, v in zip(result, values)
            ):
                runtime_warning('over', f"overflow encountered in {name}")
    elif name in _BOOL_FUNCS:
        res_dtype = D.bool_
        if d.kind != 'f' and name != 'logical_not':
            result = [name == 'isfinite' or (name == 'signbit' and val < 0) for val in values]
        else:
            result = list(map(_BOOL_FUNCS[name], values))
    elif name == 'invert':
        if d.kind == 'f':
            raise _no_loop(name, d)
        res_dtype = d
        result = [not val for val in values] if d.kind == 'b' else D.store([~val for val in values], d)
    else:
        res_dtype = d
        if d.kind == 'b':
            if name == 'negative':
                raise TypeError(
                    "The numpy boolean negative, the `-` operator, is not supported, use the `~` "
                    "operator or the logical_not function instead."
                )
            if name in ('square', 'reciprocal', 'sign'):
                if name == 'sign':
                    raise _no_loop(name, d)
                res_dtype = D.int8
                values = [int(val) for val in values]
        if name == 'reciprocal':
            fn = (
                (lambda val: 1.0 / val if val else math.copysign(_INF, val))
                if res_dtype.kind == 'f'
                else _reciprocal_int
            )
            if res_dtype.kind == 'f' and 0.0 in values:
                runtime_warning('divide', "divide by zero encountered in reciprocal")  # x ** -1 of a 0 too
        else:
            fn = _SAME_FUNCS[name]
        result = D.store(list(map(fn, values)), res_dtype)
    return _finish(name, result, shape, res_dtype, out, perm)


# --- ufunc objects -------------------------------------------------------------------------------------------


class ufunc:
    """numpy.ufunc: np.add(a, b, out=...), np.add.reduce, .accumulate, .outer."""

    def __init__(self, name, nin):
        self.__name__ = name
        self.nin = nin
        self.nout = 1
        self.nargs = nin + 1

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __call__(self, *args, out=None, where=True, dtype=None, casting='same_kind', order='K', subok=True):
        if len(args) == self.nin + 1 and out is None:
            out = args[-1]
            args = args[:-1]
        if len(args) != self.nin:
            raise TypeError(
                f"{self.__name__}() takes from {self.nin} to {self.nin + 1} positional arguments but {len(args)} were given"
            )
        # NumPy's __array_ufunc__ protocol: an operand class that overrides ufuncs (pandas' Series and DataFrame)
        # computes the result itself, so np.log(series) is a Series.
        for x in args:
            override = getattr(type(x), '__array_ufunc__', None)
            if override is not None and not isinstance(x, (ndarray, generic)):
                kwargs = {} if out is None else {'out': out}
                result = override(x, self, '__call__', *args, **kwargs)
                if result is not NotImplemented:
                    return result
        if self.nin == 1:
            result = unary(self.__name__, args[0], out=out, where=where, dtype=dtype)
        else:
            result = binary(self.__name__, args[0], args[1], out=out, where=where, dtype=dtype)
        wrap = ufunc_wrapper(args) if out is None else None
        return result if wrap is None else apply(wrap, result)

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=None, where=True):
        from ._reductions import ufunc_reduce

        return ufunc_reduce(self.__name__, array, axis, dtype, out, keepdims, initial)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        from ._reductions import accumulate

        return accumulate(self.__name__, array, axis, dtype, out)

    def outer(self, a, b, **kwargs):
        from ._creation import asarray

        a, b = asarray(a), asarray(b)
        return self(a.reshape(a.shape + (1,) * b.ndim), b, **kwargs)

    def at(self, *args, **kwargs):
        raise unsupported(f"np.{self.__name__}.at")


UFUNCS = {name: ufunc(name, 2) for name in _BINARY}
UFUNCS.update(
    {name: ufunc(name, 1) for name in list(_FLOAT_FUNCS) + list(_SAME_FUNCS) + list(_BOOL_FUNCS) + ['invert']}
)
UNARY = {name: f for name, f in UFUNCS.items() if f.nin == 1}
UFUNCS['divide'] = UFUNCS['true_divide']
UFUNCS['mod'] = UFUNCS['remainder']
UFUNCS['abs'] = UFUNCS['absolute']
UFUNCS['conj'] = UFUNCS['conjugate']
UFUNCS['bitwise_not'] = UFUNCS['invert']
UFUNCS['pow'] = UFUNCS['power']


# --- where, clip, round, isclose -----------------------------------------------------------------------------


def where(condition, x=None, y=None):
    from ._creation import asarray

    if x is None and y is None:
        from ._sorting import nonzero

        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    c = asarray(condition)
    dx, nx, vx, ax = as_operand(x)
    dy, ny, vy, ay = as_operand(y)
    dt = D.result_type_of([(dx, nx, vx), (dy, ny, vy)])
    shape = L.broadcast_shapes(c._shape, ax._shape if ax is not None else (), ay._shape if ay is not None else ())
    n = L.prod(shape)
    cs = c._values_as(shape)
    xs = D.cast_values(ax._values_as(shape), dx, dt) if ax is not None else [D.store_one(vx, dt)] * n
    ys = D.cast_values(ay._values_as(shape), dy, dt) if ay is not None else [D.store_one(vy, dt)] * n
    values = [a if t else b for t, a, b in zip(cs, xs, ys)]
    return ndarray._make(values, shape, dt) if shape else make(dt, values[0])


def clip(a, a_min=None, a_max=None, out=None, **kwargs):
    if a_min is None and a_max is None:
        raise ValueError("One of max or min must be given")
    if a_min is None:
        return binary('minimum', a, a_max, out=out)
    if a_max is None:
        return binary('maximum', a, a_min, out=out)
    da, na, va, aa = as_operand(a)
    dl, nl, vl, al = as_operand(a_min)
    dh, nh, vh, ah = as_operand(a_max)
    dt = D.result_type_of([(da, na, va), (dl, nl, vl), (dh, nh, vh)])
    shapes = [o._shape if o is not None else () for o in (aa, al, ah)]
    shape = L.broadcast_shapes(*shapes)
    n = L.prod(shape)

    def vals(arr, d, v):
        return D.cast_values(arr._values_as(shape), d, dt) if arr is not None else [D.store_one(v, dt)] * n

    values = [_minimum(_maximum(x, lo), hi) for x, lo, hi in zip(vals(aa, da, va), vals(al, dl, vl), vals(ah, dh, vh))]
    return _finish('clip', values, shape, dt, out)


def around(a, decimals=0, out=None):
    from ._creation import asarray

    d, nd, v, arr = as_operand(a)
    if d.kind != 'f':
        if decimals >= 0:
            res = arr.copy() if arr is not None else make(d, v)
            return res if out is None else _finish('round', res._values(), res._shape, d, out)
        # numpy rounds integers in float64 (a / 10**k, rint, * 10**k) and casts back
        f = 10.0 ** (-decimals)
        res = binary('multiply', unary('rint', binary('true_divide', a, f, dtype=D.float64)), f)
        res = _as_dtype_of(res, d)
        return res if out is None else _finish('round', asarray(res)._values(), asarray(res)._shape, d, out)
    if decimals == 0:
        return unary('rint', a, out=out)
    # numpy writes every step into an array of a's dtype (float32 stays float32 between the steps)
    f = 10.0 ** abs(decimals)
    first, second = ('multiply', 'true_divide') if decimals > 0 else ('true_divide', 'multiply')
    step = _as_dtype_of(binary(first, a, f), d)
    step = unary('rint', step)
    return _as_dtype_of(binary(second, step, f), d) if out is None else binary(second, step, f, out=out)


def _as_dtype_of(x, d):
    if isinstance(x, ndarray):
        return x.astype(d) if x._dtype is not d else x
    return make(d, D.store_one(x._value(), d))


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    from ._creation import asarray

    x = asarray(a)
    y = asarray(b)
    dt = D.result_type_of([(y._dtype, y.ndim, y._values()[0] if not y._shape else None), (D.float64, 0, 1.0)])
    y = y.astype(dt)
    shape = L.broadcast_shapes(x._shape, y._shape)
    # numpy computes under errstate(invalid='ignore'): inf - inf is sorted out below, silently
    with errstate(invalid='ignore'):
        close = binary(
            'less_equal',
            UFUNCS['absolute'](binary('subtract', x, y)),
            binary('add', atol, binary('multiply', rtol, UFUNCS['absolute'](y))),
        )
    cv = close._values_as(shape) if isinstance(close, ndarray) else [bool(close)] * L.prod(shape)
    xs, ys = x._values_as(shape), y._values_as(shape)
    res = []
    for c, p, q in zip(cv, xs, ys):
        if p != p or q != q:
            res.append(bool(equal_nan and p != p and q != q))
        elif p in (_INF, -_INF) or q in (_INF, -_INF):
            res.append(p == q)
        else:
            res.append(bool(c))
    return ndarray._make(res, shape, D.bool_) if shape else make(D.bool_, res[0])


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    r = isclose(a, b, rtol, atol, equal_nan)
    return bool(r.all()) if isinstance(r, ndarray) else bool(r)


def array_equal(a1, a2, equal_nan=False):
    from ._creation import asarray

    a, b = asarray(a1), asarray(a2)
    if a._shape != b._shape:
        return False
    return all(x == y or (equal_nan and x != x and y != y) for x, y in zip(a._values(), b._values()))


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    from ._creation import asarray

    a = asarray(x)
    if a._dtype.kind != 'f':
        return a.copy() if copy else a
    big = {64: 1.7976931348623157e308, 32: 3.4028234663852886e38, 16: 65504.0}[a._dtype.bits]
    hi = big if posinf is None else posinf
    lo = -big if neginf is None else neginf
    vals = [nan if v != v else hi if v == _INF else lo if v == -_INF else v for v in a._values()]
    res = ndarray._make(D.store(vals, a._dtype), a._shape, a._dtype)
    if not copy:
        a._assign(res._values())
        return a
    return res if a._shape else res[()]


def float_power(x1, x2, out=None):
    return binary('power', x1, x2, out=out, dtype=D.float64)
