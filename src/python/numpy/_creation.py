"""Array creation: array/asarray (nested lists, numpy and Python scalars, torch tensors), zeros, ones, full,
empty, *_like, arange and linspace (with numpy's exact fill arithmetic), eye, identity, diag, diagflat, meshgrid."""

import math
import operator

from . import _dtypes as D
from . import _layout as L
from ._errors import unsupported
from ._ndarray import ndarray
from ._scalars import generic, scalar_info

_PY_NUMBERS = (float, int, bool)


def _inhomogeneous(prefix):
    return ValueError(
        "setting an array element with a sequence. The requested array has an inhomogeneous shape after "
        f"{len(prefix)} dimensions. The detected shape was {L.shape_str(prefix) if prefix else '()'} + inhomogeneous part."
    )


def _from_foreign(obj):
    """An ndarray from an object with __array__ (a torch tensor, with our torch's hook) or a tensor-like."""
    conv = getattr(type(obj), '__array__', None)
    if conv is not None:
        res = obj.__array__()
        if isinstance(res, ndarray):
            return res
        return array(res)
    mod = type(obj).__module__ or ''
    if mod.split('.')[0] == 'torch' and hasattr(obj, 'tolist'):
        if getattr(obj, 'requires_grad', False):
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        name = str(getattr(obj, 'dtype', 'torch.float32')).replace('torch.', '')
        return array(obj.tolist(), dtype=name if name in ('float32', 'float64', 'int64', 'bool') else None)
    return None


def _discover(obj, prefix):
    """(shape, values, dtype) of array-like data."""
    if isinstance(obj, ndarray):
        return obj._shape, obj._values(), obj._dtype
    info = scalar_info(obj)
    if info is not None:
        return (), [info[1]], info[0]
    if isinstance(obj, (list, tuple, range)):
        n = len(obj)
        if n == 0:
            return (0,), [], D.float64
        types = set(map(type, obj))
        if types <= {float, int, bool}:
            if float in types:
                return (n,), [float(v) for v in obj], D.float64
            if int in types:
                vals = [int(v) for v in obj] if bool in types else list(obj)
                return (n,), vals, D.int64 if all(-(1 << 63) <= v < (1 << 63) for v in vals) else D.uint64
            return (n,), list(obj), D.bool_
        parts = [_discover(x, prefix + (n,)) for x in obj]
        sub = parts[0][0]
        for p in parts:
            if p[0] != sub:
                raise _inhomogeneous(prefix + (n,))
        dt = parts[0][2]
        for p in parts[1:]:
            dt = D.promote_types(dt, p[2])
        values = []
        for shape, vals, d in parts:
            values.extend(D.cast_values(vals, d, dt))
        return (n,) + sub, values, dt
    if isinstance(obj, str):  # numpy's '<Un', n the string's length
        return (), [obj], D.str_dtype(max(1, len(obj)))
    if isinstance(obj, complex):
        raise unsupported('complex numbers in arrays')
    foreign = _from_foreign(obj)
    if foreign is not None:
        return foreign._shape, foreign._values(), foreign._dtype
    if getattr(type(obj), '_bl_numpy_object', False):
        # An element of an object array (the Axes of plt.subplots, which learners wrap: np.array([ax])).
        return (), [obj], D.object_
    if obj is None:
        raise unsupported('arrays of Python objects (dtype=object), here None')
    raise unsupported(f"arrays of {type(obj).__name__} objects (dtype=object)")


def array(obj, dtype=None, copy=True, order='K', subok=False, ndmin=0, like=None):
    d = D.as_dtype(dtype) if dtype is not None else None
    if isinstance(obj, ndarray):
        if not copy and (d is None or d is obj._dtype) and obj.ndim >= ndmin:
            return obj
        res = obj.astype(d if d is not None else obj._dtype)
    else:
        shape, values, dt = _discover(obj, ())
        if d is not None and d.kind == 'U' and d.width == 0:  # dtype=str: as wide as the longest value
            from ._scalars import make

            d = D.str_dtype(max([len(str(make(dt, v))) for v in values] + [1]))
        if d is not None and d is not dt:
            values = D.cast_values(values, dt, d)
            dt = d
        res = ndarray._make(values, shape, dt)
    if res.ndim < ndmin:
        res = res.reshape((1,) * (ndmin - res.ndim) + res._shape)
    return res


def asarray(a, dtype=None, order=None, like=None):
    if isinstance(a, ndarray):
        return a if dtype is None or D.as_dtype(dtype) is a._dtype else a.astype(dtype)
    return array(a, dtype=dtype, copy=False)


asanyarray = asarray


def ascontiguousarray(a, dtype=None, like=None):
    a = asarray(a, dtype)
    res = a if a._contiguous() else a.copy()
    return res.reshape(1) if not res._shape else res


def _filled(shape, value, dtype):
    shape = L.shape_arg((shape,))
    if any(d < 0 for d in shape):
        raise ValueError("negative dimensions are not allowed")
    if dtype.kind == 'U':  # zeros/empty of strings hold '', at least one character wide
        dtype = D.str_dtype(max(dtype.width, 1))
        value = '' if value == 0 and not isinstance(value, str) else str(value)
    return ndarray._make([D.store_one(value, dtype)] * L.prod(shape), shape, dtype)


def zeros(shape, dtype=float, order='C', like=None):
    return _filled(shape, 0, D.as_dtype(dtype))


def ones(shape, dtype=None, order='C', like=None):
    return _filled(shape, 1, D.as_dtype(dtype))


empty = zeros


def full(shape, fill_value, dtype=None, order='C', like=None):
    if dtype is None:
        fill = asarray(fill_value)
        if fill._shape:
            return broadcast_to(fill, L.shape_arg((shape,))).copy()
        return _filled(shape, fill._values()[0], fill._dtype)
    d = D.as_dtype(dtype)
    fill = asarray(fill_value)
    if fill._shape:
        return broadcast_to(fill.astype(d), L.shape_arg((shape,))).copy()
    return _filled(shape, D.cast_values(fill._values(), fill._dtype, d)[0], d)


def _like_shape(a, shape):
    a = asarray(a)
    return a, (a._shape if shape is None else L.shape_arg((shape,)))


def zeros_like(a, dtype=None, order='K', subok=True, shape=None):
    a, s = _like_shape(a, shape)
    return _filled(s, 0, D.as_dtype(dtype) if dtype is not None else a._dtype)


def ones_like(a, dtype=None, order='K', subok=True, shape=None):
    a, s = _like_shape(a, shape)
    return _filled(s, 1, D.as_dtype(dtype) if dtype is not None else a._dtype)


empty_like = zeros_like


def full_like(a, fill_value, dtype=None, order='K', subok=True, shape=None):
    a, s = _like_shape(a, shape)
    d = D.as_dtype(dtype) if dtype is not None else a._dtype
    fill = asarray(fill_value)
    return _filled(s, D.cast_values(fill._values()[:1], fill._dtype, d)[0], d)


def broadcast_to(a, shape, subok=False):
    a = asarray(a)
    shape = L.shape_arg((shape,))
    if L.broadcast_shapes(a._shape, shape) != shape:
        raise ValueError(
            f"operands could not be broadcast together with remapped shapes [original->remapped]: "
            f"{L.shape_str(a._shape)}  and requested shape {L.shape_str(shape)}"
        )
    return ndarray._make(list(a._values_as(shape)), shape, a._dtype)


def _arange_dtype(values):
    dt = D.int64
    for v in values:
        info = scalar_info(v)
        if info is None:
            raise TypeError(f"unsupported operand type for arange: '{type(v).__name__}'")
        dt = D.promote_types(dt, info[0]) if info[0].kind != 'b' else dt
    return dt


def arange(start, stop=None, step=None, dtype=None, like=None):
    given = [v for v in (start, stop, step) if v is not None]
    d = D.as_dtype(dtype) if dtype is not None else _arange_dtype(given)
    if step is None:
        step = 1
    if stop is None:
        start, stop = 0, start
    start, stop, step = (v.item() if isinstance(v, (generic, ndarray)) else v for v in (start, stop, step))
    if step == 0:
        raise ZeroDivisionError("division by zero")
    length = max(0, math.ceil((stop - start) / step))
    if length == 0:
        return ndarray._make([], (0,), d)
    first = D.store_one(start, d)
    if length == 1:
        return ndarray._make([first], (1,), d)
    second = D.store_one(start + step, d)
    if d.kind in 'iu':
        delta = second - first
        values = [first + i * delta for i in range(length)]
        return ndarray._make(D.store(values, d), (length,), d)
    if d.kind == 'b':
        if length > 2:
            raise TypeError("arange() is only supported for booleans when the result has at most length 2.")
        return ndarray._make([first, second], (length,), d)
    delta = D.store_one(second - first, d)
    if d is D.float64:
        values = [first, second] + [first + i * delta for i in range(2, length)]
    else:
        values = [first, second] + [
            D.store_one(first + D.store_one(D.store_one(i, d) * delta, d), d) for i in range(2, length)
        ]
    return ndarray._make(values, (length,), d)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    if isinstance(start, (list, tuple, ndarray)) or isinstance(stop, (list, tuple, ndarray)):
        raise unsupported('np.linspace with array start/stop')
    div = (num - 1) if endpoint else num
    start, stop = float(start), float(stop)
    delta = stop - start
    y = [float(i) for i in range(num)]
    if div > 0:
        step = delta / div
        if step == 0:
            y = [v / div * delta for v in y]
        else:
            y = [v * step for v in y]
    else:
        step = math.nan
        y = [v * delta for v in y]
    y = [v + start for v in y]
    if endpoint and num > 1:
        y[-1] = stop
    d = D.as_dtype(dtype) if dtype is not None else D.float64
    if d.kind in 'iu':
        y = [math.floor(v) for v in y]
    res = ndarray._make(D.cast_values(y, D.float64, d), (num,), d)
    return (res, step) if retstep else res


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    from ._math import UFUNCS

    y = linspace(start, stop, num=num, endpoint=endpoint)
    res = UFUNCS['power'](base, y)
    return res.astype(dtype) if dtype is not None else res


def eye(N, M=None, k=0, dtype=float, order='C', like=None):
    M = N if M is None else M
    d = D.as_dtype(dtype)
    one, zero = D.store_one(1, d), D.store_one(0, d)
    values = [one if j - i == k else zero for i in range(N) for j in range(M)]
    return ndarray._make(values, (N, M), d)


def identity(n, dtype=None, like=None):
    return eye(n, dtype=dtype if dtype is not None else float)


def diag(v, k=0):
    a = asarray(v)
    if a.ndim == 1:
        n = a._shape[0] + abs(k)
        res = zeros((n, n), dtype=a._dtype)
        for i, x in enumerate(a._values()):
            r, c = (i, i + k) if k >= 0 else (i - k, i)
            res._buf[r * n + c] = x
        return res
    if a.ndim == 2:
        rows, cols = a._shape
        idx = [(i, i + k) if k >= 0 else (i - k, i) for i in range(max(rows, cols))]
        idx = [(r, c) for r, c in idx if 0 <= r < rows and 0 <= c < cols]
        vals = a._values()
        return ndarray._make([vals[r * cols + c] for r, c in idx], (len(idx),), a._dtype)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    """The input flattened onto the diagonal of a 2-D array (nnfs's softmax Jacobian)."""
    return diag(asarray(v).ravel(), k)


def tri_mask(a, k, lower):
    a = asarray(a)
    rows, cols = a._shape[-2:]
    keep = [(j - i <= k) if lower else (j - i >= k) for i in range(rows) for j in range(cols)]
    zero = D.store_one(0, a._dtype)
    vals = a._values()
    block = rows * cols
    out = [v if keep[i % block] else zero for i, v in enumerate(vals)]
    return ndarray._make(out, a._shape, a._dtype)


def tril(m, k=0):
    return tri_mask(m, k, True)


def triu(m, k=0):
    return tri_mask(m, k, False)


def meshgrid(*xi, copy=True, sparse=False, indexing='xy'):
    if indexing not in ('xy', 'ij'):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    arrs = [asarray(x).reshape(-1) for x in xi]
    ndim = len(arrs)
    shape = [a.size for a in arrs]
    if indexing == 'xy' and ndim > 1:
        shape[0], shape[1] = shape[1], shape[0]
    out = []
    for i, a in enumerate(arrs):
        axis = i
        if indexing == 'xy' and ndim > 1 and i < 2:
            axis = 1 - i
        s = [1] * ndim
        s[axis] = a.size
        v = a.reshape(s)
        out.append(v.copy() if sparse else broadcast_to(v, tuple(shape)))
    return out
