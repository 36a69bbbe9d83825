"""Smaller numpy functions learners use: diff, the nan* reductions, percentile/quantile (numpy's 'linear'
method, with its two-sided interpolation), interp."""

import math

from . import _dtypes as D
from . import _layout as L
from ._errors import unsupported
from ._ndarray import ndarray


def diff(a, n=1, axis=-1):
    from ._creation import asarray
    from ._ufuncs import binary

    a = asarray(a)
    axis = L.normalize_axis(axis, a.ndim)
    for _ in range(n):
        hi = (slice(None),) * axis + (slice(1, None),)
        lo = (slice(None),) * axis + (slice(None, -1),)
        a = binary('not_equal' if a._dtype.kind == 'b' else 'subtract', a[hi], a[lo])
    return a


def _without_nan(a, fill):
    from ._creation import asarray

    a = asarray(a)
    if a._dtype.kind != 'f':
        return a
    return ndarray._make([fill if v != v else v for v in a._values()], a._shape, a._dtype)


def nansum(a, axis=None, dtype=None, out=None, keepdims=False):
    from ._reductions import sum as rsum

    return rsum(_without_nan(a, 0.0), axis, dtype, out, keepdims)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False):
    from ._creation import asarray
    from ._ufuncs import binary

    a = asarray(a)
    if a._dtype.kind != 'f':
        from ._reductions import mean

        return mean(a, axis, dtype, out, keepdims)
    total = nansum(a, axis, dtype, None, keepdims)
    count = nansum(binary('equal', a, a), axis, D.int64 if dtype is None else dtype, None, keepdims)
    return binary('true_divide', total, count, out=out)


def _nan_extreme(a, axis, keepdims, fn, fill):
    from ._creation import asarray

    a = asarray(a)
    if a._dtype.kind != 'f':
        return fn(a, axis, keepdims=keepdims)
    cleaned = _without_nan(a, fill)
    res = fn(cleaned, axis, keepdims=keepdims)
    allnan = fn(_without_nan(asarray(a != a).astype(D.int64), 0), axis, keepdims=keepdims)
    if isinstance(res, ndarray):
        vals = [math.nan if m == 1 and v == fill else v for v, m in zip(res._values(), asarray(allnan)._values())]
        return ndarray._make(vals, res._shape, res._dtype)
    return res if not (allnan == 1 and a.size and all(v != v for v in a._values())) else res.dtype.type(math.nan)


def nanmax(a, axis=None, out=None, keepdims=False):
    from ._reductions import amax

    return _nan_extreme(a, axis, keepdims, amax, -math.inf)


def nanmin(a, axis=None, out=None, keepdims=False):
    from ._reductions import amin

    return _nan_extreme(a, axis, keepdims, amin, math.inf)


def nanargmax(a, axis=None):
    from ._reductions import argmax

    return argmax(_without_nan(a, -math.inf), axis)


def nanargmin(a, axis=None):
    from ._reductions import argmin

    return argmin(_without_nan(a, math.inf), axis)


def _lerp(a, b, t):
    """numpy's _lerp: a + (b - a) * t, or b - (b - a) * (1 - t) where t >= 0.5."""
    from ._ufuncs import binary

    diff_b_a = binary('subtract', b, a)
    low = binary('add', a, binary('multiply', diff_b_a, t))
    high = binary('subtract', b, binary('multiply', diff_b_a, binary('subtract', 1, t)))
    from ._math import where

    return where(binary('greater_equal', t, 0.5), high, low)


def quantile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, interpolation=None):
    from ._creation import asarray
    from ._sorting import sort

    if method != 'linear' or interpolation is not None or keepdims or out is not None:
        raise unsupported("np.quantile/np.percentile with method, interpolation, keepdims or out")
    a = asarray(a)
    qa = asarray(q, dtype=D.float64)
    if any(not 0 <= v <= 1 for v in qa._values()):
        raise ValueError("Quantiles must be in the range [0, 1]")
    arr = sort(a.reshape(-1) if axis is None else a, axis=0 if axis is None else axis)
    axis = 0 if axis is None else L.normalize_axis(axis, a.ndim)
    from ._shape import moveaxis

    arr = moveaxis(arr, axis, 0)
    n = arr._shape[0]
    virtual = [(n - 1) * v for v in qa._values()]
    prev = [min(max(int(math.floor(v)), 0), n - 1) for v in virtual]
    nxt = [min(p + 1, n - 1) for p in prev]
    gamma = ndarray._make([v - p for v, p in zip(virtual, prev)], qa._shape + (1,) * (arr.ndim - 1), D.float64)
    idx = ndarray._make(prev, qa._shape, D.int64)
    idx2 = ndarray._make(nxt, qa._shape, D.int64)
    result = _lerp(arr[idx], arr[idx2], gamma)
    if arr._dtype.kind == 'f':
        last = arr[n - 1]
        nan_lanes = [v != v for v in (last._values() if isinstance(last, ndarray) else [float(last)])]
        if any(nan_lanes):
            res = asarray(result).copy()
            lane = L.prod(res._shape[qa.ndim :])
            res._buf = [math.nan if nan_lanes[i % lane] else v for i, v in enumerate(res._values())]
            result = res if res._shape else res[()]
    return result


def percentile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, interpolation=None):
    from ._ufuncs import binary

    return quantile(a, binary('true_divide', q, 100), axis, out, overwrite_input, method, keepdims, interpolation)


def interp(x, xp, fp, left=None, right=None, period=None):
    from ._creation import asarray
    import bisect

    if period is not None:
        raise unsupported('np.interp(period=...)')
    xs, px, pf = (
        asarray(x, dtype=D.float64),
        asarray(xp, dtype=D.float64)._values(),
        asarray(fp, dtype=D.float64)._values(),
    )
    lo = pf[0] if left is None else float(left)
    hi = pf[-1] if right is None else float(right)
    out = []
    for v in xs._values():
        if v < px[0]:
            out.append(lo)
        elif v > px[-1]:
            out.append(hi)
        elif v == px[-1]:
            out.append(pf[-1])
        else:
            j = bisect.bisect_right(px, v) - 1
            if v == px[j]:
                out.append(pf[j])
                continue
            slope = (pf[j + 1] - pf[j]) / (px[j + 1] - px[j])
            out.append(slope * (v - px[j]) + pf[j])
    if not xs._shape:
        from ._scalars import make

        return make(D.float64, out[0])
    return ndarray._make(out, xs._shape, D.float64)
