"""numpy.linalg: norm (numpy's formulas per ord/axis), and inv, det, solve by LU with partial pivoting
(LAPACK's method; results agree with LAPACK to rounding). Other functions raise NotImplementedError."""

import math

from . import _blas_order as _blas
from . import _dtypes as D
from . import _layout as L
from ._errors import module_getattr
from ._linalg import matmul
from ._ndarray import ndarray
from ._scalars import make


class LinAlgError(ValueError):
    pass


def _float_array(x):
    from ._creation import asarray

    x = asarray(x)
    if x._dtype.kind != 'f':
        x = x.astype(D.float64)
    return x


def norm(x, ord=None, axis=None, keepdims=False):
    from ._math import UFUNCS
    from ._reductions import sum as rsum, amax, amin

    x = _float_array(x)
    sqrt, absolute = UFUNCS['sqrt'], UFUNCS['absolute']
    if axis is None:
        nd = x.ndim
        if ord is None or (ord in ('f', 'fro') and nd == 2) or (ord == 2 and nd == 1):
            # numpy: x.ravel(order='K').dot(x), in memory order (a transpose reads its base's order)
            f_order = nd > 1 and L.is_c_contiguous(x._shape[::-1], x._strides[::-1])
            vals = (x.T if f_order else x).reshape(-1)._values()
            if x._dtype is D.float64 and _blas._fma is not None:
                sq = _blas.ddot(vals, vals)
            else:
                sq = D.store_one(math.fsum(v * v for v in vals), x._dtype)
            ret = sqrt(make(x._dtype, sq))
            return ndarray._make([ret._value()], (1,) * nd, x._dtype) if keepdims else ret
        axis = tuple(range(nd))
    elif not isinstance(axis, tuple):
        axis = (L.normalize_axis(axis, x.ndim),)
    if len(axis) == 1:
        if ord == math.inf:
            return amax(absolute(x), axis=axis, keepdims=keepdims)
        if ord == -math.inf:
            return amin(absolute(x), axis=axis, keepdims=keepdims)
        if ord == 0:
            return rsum((x != 0).astype(x._dtype), axis=axis, keepdims=keepdims)
        if ord == 1:
            return rsum(absolute(x), axis=axis, keepdims=keepdims)
        if ord is None or ord == 2:
            return sqrt(rsum(x * x, axis=axis, keepdims=keepdims))
        if isinstance(ord, str):
            raise ValueError(f"Invalid norm order '{ord}' for vectors")
        absx = absolute(x) ** ord
        return rsum(absx, axis=axis, keepdims=keepdims) ** (1.0 / ord)
    if len(axis) == 2:
        r, c = (L.normalize_axis(a, x.ndim) for a in axis)
        if ord in (None, 'fro', 'f'):
            return sqrt(rsum(x * x, axis=axis, keepdims=keepdims))
        if ord in (1, -1):
            s = rsum(absolute(x), axis=r, keepdims=keepdims)
            c2 = c if keepdims or c < r else c - 1
            return (amax if ord == 1 else amin)(s, axis=c2, keepdims=keepdims)
        if ord in (math.inf, -math.inf):
            s = rsum(absolute(x), axis=c, keepdims=keepdims)
            r2 = r if keepdims or r < c else r - 1
            return (amax if ord > 0 else amin)(s, axis=r2, keepdims=keepdims)
        from ._errors import unsupported

        raise unsupported(f"np.linalg.norm(ord={ord!r}) for matrices", 'needs an SVD')
    raise ValueError("Improper number of dimensions to norm.")


def _square(a, name):
    a = _float_array(a)
    if a.ndim != 2:
        from ._errors import unsupported

        if a.ndim < 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
        raise unsupported(f"np.linalg.{name} of stacked matrices")
    n, m = a._shape
    if n != m:
        raise LinAlgError("Last 2 dimensions of the array must be square")
    return a, n


def _lu(a, n):
    """Partial-pivoting LU of a row-major n x n list; returns (lu rows, permutation sign, singular)."""
    vals = a._values()
    rows = [list(vals[i * n : (i + 1) * n]) for i in range(n)]
    sign = 1.0
    singular = False
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(rows[i][k]))
        if rows[p][k] == 0:
            singular = True
            continue
        if p != k:
            rows[k], rows[p] = rows[p], rows[k]
            sign = -sign
        pivot = rows[k][k]
        for i in range(k + 1, n):
            f = rows[i][k] / pivot
            rows[i][k] = f
            if f:
                ri, rk = rows[i], rows[k]
                for j in range(k + 1, n):
                    ri[j] -= f * rk[j]
    return rows, sign, singular


def _slogdet(a, name):
    """numpy's det and slogdet both come from the LU's diagonal as a sign and a running sum of log|u_ii|;
    det is then sign * exp(logdet), not the diagonal's product (so det([[1, 2], [3, 4]]) is
    -2.0000000000000004 as numpy prints it)."""
    a, n = _square(a, name)
    rows, sign, singular = _lu(a, n)
    if singular:
        return a._dtype, 0.0, -math.inf
    logdet = 0.0
    for i in range(n):
        u = rows[i][i]
        if u < 0:
            sign = -sign
        logdet += math.log(abs(u))
    return a._dtype, sign, logdet


def det(a):
    dt, sign, logdet = _slogdet(a, 'det')
    return make(dt, D.store_one(sign * math.exp(logdet) if sign else 0.0, dt))


def slogdet(a):
    dt, sign, logdet = _slogdet(a, 'slogdet')
    return make(dt, D.store_one(sign, dt)), make(dt, D.store_one(logdet, dt))


def solve(a, b):
    from ._creation import asarray

    a, n = _square(a, 'solve')
    b = _float_array(b)
    vec = b.ndim == 1
    bb = b.reshape(n, 1) if vec else b
    m = bb._shape[1]
    vals = a._values()
    rows = [list(vals[i * n : (i + 1) * n]) + list(bb._values()[i * m : (i + 1) * m]) for i in range(n)]
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(rows[i][k]))
        if rows[p][k] == 0:
            raise LinAlgError("Singular matrix")
        rows[k], rows[p] = rows[p], rows[k]
        for i in range(k + 1, n):
            f = rows[i][k] / rows[k][k]
            if f:
                for j in range(k, n + m):
                    rows[i][j] -= f * rows[k][j]
    x = [[0.0] * m for _ in range(n)]
    for i in range(n - 1, -1, -1):
        for c in range(m):
            s = rows[i][n + c] - math.fsum(rows[i][j] * x[j][c] for j in range(i + 1, n))
            x[i][c] = s / rows[i][i]
    dt = D.promote_types(a._dtype, b._dtype)
    res = ndarray._make(D.store([v for r in x for v in r], dt), (n, m), dt)
    return res.reshape(n) if vec else res


def inv(a):
    a, n = _square(a, 'inv')
    from ._creation import eye

    return solve(a, eye(n, dtype=a._dtype))


def matrix_rank(*args, **kwargs):
    from ._errors import unsupported

    raise unsupported('np.linalg.matrix_rank', 'needs an SVD')


_EIGEN_HINT = (
    "our numpy has no complex numbers, and LAPACK's eigenvalue order and eigenvector signs are not reproduced; "
    'for a symmetric matrix (a covariance matrix in PCA) use torch.linalg.eigh(torch.from_numpy(C)), eigenvalues '
    'ascending'
)
_missing_name = module_getattr('numpy.linalg')


def __getattr__(name):
    # still missing names (hasattr is False), with what to use instead
    if name in ('eig', 'eigvals', 'eigh', 'eigvalsh'):
        from ._errors import missing

        raise missing(f'numpy.linalg.{name}', _EIGEN_HINT)
    return _missing_name(name)


__all__ = ['norm', 'det', 'slogdet', 'solve', 'inv', 'LinAlgError', 'matmul']
