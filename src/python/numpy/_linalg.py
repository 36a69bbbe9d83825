"""dot, matmul (@), vdot, inner, outer, trace. numpy hands float products to BLAS, whose summation order is
not reproducible here: float sums of products are computed in extended precision (math.sumprod, or
math.fsum before Python 3.12), which agrees with BLAS to the last digit or two."""

import math
import operator

from . import _dtypes as D
from . import _layout as L
from ._errors import unsupported
from ._ndarray import ndarray
from ._scalars import make


_sumprod = getattr(math, 'sumprod', None)  # Python 3.12+: extended-precision dot product, in C


def _dot_fn(dt):
    if dt.kind == 'f':
        if _sumprod is not None:
            return _sumprod
        return lambda xs, ys: math.fsum(map(operator.mul, xs, ys))
    if dt.kind == 'b':
        return lambda xs, ys: any(x and y for x, y in zip(xs, ys))
    return lambda xs, ys: sum(map(operator.mul, xs, ys))


def _matmul2(av, bv, n, k, m, dt):
    """(n, k) @ (k, m) on flat C-order value lists."""
    cols = [bv[j::m] for j in range(m)]
    rows = [av[i * k : (i + 1) * k] for i in range(n)]
    dot = _dot_fn(dt)
    return [dot(r, c) for r in rows for c in cols]


def matmul(a, b, out=None):
    from ._creation import asarray

    a, b = asarray(a), asarray(b)
    if not a._shape or not b._shape:
        raise ValueError(
            "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with "
            "signature (n?,k),(k,m?)->(n?,m?) requires 1)" % (0 if not a._shape else 1)
        )
    dt = D.promote_types(a._dtype, b._dtype)
    a1, b1 = a.ndim == 1, b.ndim == 1
    if a1:
        a = a.reshape(1, a._shape[0])
    if b1:
        b = b.reshape(b._shape[0], 1)
    n, k = a._shape[-2:]
    k2, m = b._shape[-2:]
    if k != k2:
        raise ValueError(
            f"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
            f"(n?,k),(k,m?)->(n?,m?) (size {k2} is different from {k})"
        )
    batch = L.broadcast_shapes(a._shape[:-2], b._shape[:-2])
    av = D.cast_values(a._values_as(batch + (n, k)), a._dtype, dt)
    bv = D.cast_values(b._values_as(batch + (k, m)), b._dtype, dt)
    res = []
    for i in range(L.prod(batch)):
        res.extend(_matmul2(av[i * n * k : (i + 1) * n * k], bv[i * k * m : (i + 1) * k * m], n, k, m, dt))
    shape = batch + ((n,) if not a1 else ()) + ((m,) if not b1 else ())
    values = D.store(res, dt)
    if out is not None:
        out._assign(D.cast_values(values, dt, out._dtype))
        return out
    if not shape:
        return make(dt, values[0])
    return ndarray._make(values, shape, dt)


def dot(a, b, out=None):
    from ._creation import asarray
    from ._ufuncs import binary

    a, b = asarray(a), asarray(b)
    if not a._shape or not b._shape:
        return binary('multiply', a, b, out=out)
    if a.ndim <= 2 and b.ndim <= 2:
        if a._shape[-1] != b._shape[0]:
            raise ValueError(
                f"shapes {L.shape_str(a._shape)} and {L.shape_str(b._shape)} not aligned: "
                f"{a._shape[-1]} (dim {a.ndim - 1}) != {b._shape[0]} (dim 0)"
            )
        return matmul(a, b, out)
    if b.ndim == 1:
        if a._shape[-1] != b._shape[0]:
            raise ValueError(
                f"shapes {L.shape_str(a._shape)} and {L.shape_str(b._shape)} not aligned: "
                f"{a._shape[-1]} (dim {a.ndim - 1}) != {b._shape[0]} (dim 0)"
            )
        return matmul(a, b, out)
    raise unsupported('np.dot of arrays with more than 2 dimensions', 'use np.matmul / @')


def vdot(a, b):
    from ._creation import asarray

    return dot(asarray(a).reshape(-1), asarray(b).reshape(-1))


def inner(a, b):
    from ._creation import asarray

    a, b = asarray(a), asarray(b)
    if not a._shape or not b._shape:
        return dot(a, b)
    if b.ndim == 1:
        return dot(a, b)
    return matmul(a, b.swapaxes(-1, -2)) if a.ndim <= 2 and b.ndim <= 2 else _no('np.inner of N-d arrays')


def _no(what):
    raise unsupported(what)


def outer(a, b, out=None):
    from ._creation import asarray
    from ._ufuncs import binary

    a, b = asarray(a).reshape(-1), asarray(b).reshape(-1)
    return binary('multiply', a.reshape(a.size, 1), b.reshape(1, b.size), out=out)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    from ._creation import asarray, diag
    from ._reductions import sum as rsum

    a = asarray(a)
    if a.ndim != 2 or (axis1, axis2) != (0, 1):
        raise unsupported('np.trace of arrays other than 2-D')
    return rsum(diag(a, offset), dtype=dtype, out=out)


def transpose(a, axes=None):
    from ._creation import asarray

    return asarray(a).transpose(axes)
