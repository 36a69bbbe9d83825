"""dot, matmul (@), vdot, inner, outer, trace. numpy hands float products to BLAS: float64 matrix products
follow OpenBLAS's dgemm order (_gemm); other float sums of products are computed in extended precision
(math.sumprod, or math.fsum before Python 3.12), which agrees with BLAS to the last digit or two."""

import math
import operator
from itertools import repeat

from . import _blas_order as _blas
from . import _dtypes as D
from . import _layout as L
from . import _typed
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
    if n > 1 and m > 1 and dt is D.float64 and _fma is not None:
        return _typed.gemm(av, bv, n, k, m) if _typed.wants(n * k * m) else _gemm(av, bv, n, k, m)
    cols = [bv[j::m] for j in range(m)]
    rows = [av[i * k : (i + 1) * k] for i in range(n)]
    dot = _dot_fn(dt)
    return [dot(r, c) for r in rows for c in cols]


_fma = getattr(math, 'fma', None)  # Python 3.13+
_GEMM_Q = 256  # OpenBLAS's DGEMM_DEFAULT_Q (Haswell kernels, which it also runs on AVX-512 machines)


def _gemm_half(size):
    """dgemm's split of a remainder under 512: halved and rounded up to a multiple of 4 (DGEMM_UNROLL_M)."""
    return (size // 2 + 3) // 4 * 4


def _k_blocks(k, half=_gemm_half):
    """The k ranges of OpenBLAS's level-3 driver: 256, or a remainder under 512 split by `half`."""
    blocks, start = [], 0
    while start < k:
        size = k - start
        if size >= 2 * _GEMM_Q:
            size = _GEMM_Q
        elif size > _GEMM_Q:
            size = half(size)
        blocks.append((start, start + size))
        start += size
    return blocks


def _gemm(av, bv, n, k, m):
    """A float64 matrix product as OpenBLAS's dgemm gives it (numpy's matmul and dot of two matrices): each
    element one chain of fused multiply-adds in k order from 0 per k block, the blocks' chains added to the
    result (from +0.0); a last odd row of the left matrix as _odd_row. Measured bit for bit against Debian's
    numpy 1.24 over OpenBLAS 0.3.21 (test/numpy/nn_scratch_gaps.py). The chains advance together along the
    longer side, one C-level map per step. Products of 64 multiply-adds or more run in the engine instead
    (src/engine/numpyBlas.ts), which also lays out the runs of rows OpenBLAS's threads take above 262,144."""
    # the first product of a chain is fma(a, b, +0.0): a plain product but for the sign of a zero, which
    # the final addition to +0.0 sets as BLAS does
    fma, add, mul = _fma, operator.add, operator.mul
    blocks = _k_blocks(k)
    if m >= n:
        out = []
        for i in range(n):
            row = av[i * k : (i + 1) * k]
            total = [0.0] * m
            for s, e in blocks:
                acc = list(map(mul, repeat(row[s], m), bv[s * m : (s + 1) * m]))
                for p in range(s + 1, e):
                    acc = list(map(fma, repeat(row[p], m), bv[p * m : (p + 1) * m], acc))
                total = list(map(add, total, acc))
            out.extend(total)
    else:
        out = _gemm_by_columns(av, bv, n, k, m, blocks)
    if n & 1:
        out[(n - 1) * m :] = _odd_row(av[(n - 1) * k :], bv, k, m, blocks)
    return out


def _gemm_by_columns(av, bv, n, k, m, blocks):
    """_gemm's chains for a product with more rows than columns: one column of results at a time."""
    fma, add, mul = _fma, operator.add, operator.mul
    a_cols = [av[p::k] for p in range(k)]
    out = [0.0] * (n * m)
    for j in range(m):
        total = [0.0] * n
        for s, e in blocks:
            acc = list(map(mul, a_cols[s], repeat(bv[s * m + j], n)))
            for p in range(s + 1, e):
                acc = list(map(fma, a_cols[p], repeat(bv[p * m + j], n), acc))
            total = list(map(add, total, acc))
        out[j::m] = total
    return out


def _odd_row(row, bv, k, m, blocks):
    """A last odd row of the left matrix: the kernel's one-column path keeps, for the columns in whole 4s,
    four chains per element (k in steps of 8, product p into chain p % 4, the last k % 8 of a block onto the
    first chain), added (c0 + c1) + (c2 + c3); the last m % 4 columns keep the one chain."""
    fma = _fma
    res = []
    quads = m & ~3
    for j in range(m):
        col = bv[j::m]
        total = 0.0
        for s, e in blocks:
            c = [0.0, 0.0, 0.0, 0.0]
            main = s + (e - s) // 8 * 8 if j < quads else s
            for p in range(s, main):
                c[(p - s) & 3] = fma(row[p], col[p], c[(p - s) & 3])
            for p in range(main, e):
                c[0] = fma(row[p], col[p], c[0])
            total += (c[0] + c[1]) + (c[2] + c[3])
        res.append(total)
    return res


# OpenBLAS runs a matrix-vector product of 2304 * GEMM_MULTITHREAD_THRESHOLD (4) elements or more on all its
# threads (interface/gemv.c), one per core: two on the machine the references come from. gemv_thread.c gives
# each thread a run of outputs, and each run has the kernel's edges (its last outputs % 4 take the kernel's
# tail path), so a 100-output product has tails at outputs 48-49 and 98-99, not only at the end.
_GEMV_THREADS = 2
_GEMV_THREADED_FROM = 2304 * 4


def _thread_blocks(outputs, k):
    """The output ranges gemv_thread.c hands its threads."""
    if outputs * k < _GEMV_THREADED_FROM:
        return [(0, outputs)]
    blocks, start, left, cpu = [], 0, outputs, 0
    while left > 0:
        width = min(max((left + _GEMV_THREADS - cpu - 1) // (_GEMV_THREADS - cpu), 4), left)
        blocks.append((start, start + width))
        start, left, cpu = start + width, left - width, cpu + 1
    return blocks


def _gemv(by_rows, flat, x, outputs, k, packed, engine):
    """Each of `outputs` rows of `flat` (outputs x k, C order) dotted with x, in dgemv_t's order (by_rows) or
    dgemv_n's, a thread's run of outputs at a time."""
    y = []
    blocks = _thread_blocks(outputs, k)
    packed = packed and len(blocks) == 1
    for s, e in blocks:
        part = flat[s * k : e * k] if len(blocks) > 1 else flat
        if engine:
            y.extend(_typed.gemv_t(part, x, e - s, k) if by_rows else _typed.gemv_n(part, x, e - s, k, packed))
        else:
            rows = [part[i * k : (i + 1) * k] for i in range(e - s)]
            y.extend(_blas.gemv_t(rows, x) if by_rows else _blas.gemv_n(rows, x, packed))
    return y


def _level2(a, b, av, bv, n, k, m):
    """float64 products numpy hands to BLAS level 1 or 2, in OpenBLAS's orders (_blas_order.py): ddot for a
    row times a column, dgemv_t or dgemv_n for a matrix times a column (or a row times a matrix) as the
    matrix is stored by rows or by columns. None for a strided ddot or a matrix stored neither way (numpy
    copies or loops there): those keep the extended-precision sum."""
    if _fma is None:
        return None
    # an operand of another dtype is cast into a fresh C-ordered copy first
    a_cast, b_cast = a._dtype is not D.float64, b._dtype is not D.float64
    a_rows = a_cast or a._strides[-1] == 1 or k == 1
    b_cols = not b_cast and (b._strides[-2] == 1 or k == 1)
    engine = _typed.wants(n * k * m)  # the same orders in the engine (numpy/_typed.py), for larger products
    if n == 1 and m == 1:
        if not (a_rows and (b_cast or b_cols)):
            return None
        return [_typed.ddot(av, bv) if engine else _blas.ddot(av, bv)]
    if m == 1:
        if not a_rows and a._strides[-2] != 1:
            return None
        return _gemv(a_rows, av, bv, n, k, n < 4 and a._strides[-1] == n, engine)
    if not (b_cols or b_cast or b._strides[-1] == 1):
        return None
    flat = [v for j in range(m) for v in bv[j::m]]
    return _gemv(b_cols, flat, av, m, k, m < 4 and (b_cast or b._strides[-2] == m), engine)


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
    res = _level2(a, b, av, bv, n, k, m) if not batch and dt is D.float64 and (n == 1 or m == 1) else None
    if res is None:
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


def _syrk_half(size):
    """dsyrk's split of a remainder under 512: (size + 1) // 2, no rounding to the unroll (measured against
    Debian's numpy 1.24 over OpenBLAS 0.3.21)."""
    return (size + 1) // 2


def gram(x):
    """x @ x.T for a C-ordered 2-D float64 x, as numpy's dot gives it: numpy sees the two operands share
    memory and calls dsyrk, which sums each k block in dgemm's order, adds the blocks from +0.0 and computes
    only the upper triangle, copied into the lower one (so an odd last row is no odd-row kernel path)."""
    n, k = x._shape
    if n < 2 or x._dtype is not D.float64 or _fma is None:
        return dot(x, x.T)
    xv = x._values()
    total = [0.0] * (n * n)
    for s, e in _k_blocks(k, _syrk_half):
        a = [v for i in range(n) for v in xv[i * k + s : i * k + e]]
        w = e - s
        b = [a[i * w + p] for p in range(w) for i in range(n)]
        total = list(map(operator.add, total, _matmul2(a, b, n, w, n, D.float64)))
    for i in range(n):
        for j in range(i):
            total[i * n + j] = total[j * n + i]
    return ndarray._make(D.store(total, D.float64), (n, n), D.float64)
