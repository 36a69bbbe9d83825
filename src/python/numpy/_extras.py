"""Smaller numpy functions learners use: diff, the nan* reductions, percentile/quantile (numpy's 'linear'
method, with its two-sided interpolation), interp, apply_along_axis, unravel_index, histogram."""

import builtins
import math

from . import _dtypes as D
from . import _layout as L
from ._errors import AxisError, unsupported
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


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """numpy's apply_along_axis: func1d on every 1-D slice along `axis`; the result's own dimensions take
    the place of `axis` (a scalar result removes it)."""
    from ._creation import asarray
    from ._shape import moveaxis, stack

    arr = asarray(arr)
    nd = arr.ndim
    if not -nd <= axis < nd:
        raise AxisError(axis, nd)
    axis = axis % nd
    moved = moveaxis(arr, axis, -1)
    outer = moved.shape[:-1]
    if 0 in outer:
        raise ValueError('Cannot apply_along_axis when any iteration dimensions are 0')
    count = math.prod(outer)
    flat = moved.reshape((count, arr.shape[axis]))
    results = [asarray(func1d(flat[i], *args, **kwargs)) for i in range(count)]
    stacked = stack(results)
    res_shape = results[0].shape
    stacked = stacked.reshape(outer + res_shape)
    k = len(res_shape)
    perm = list(range(axis)) + list(range(nd - 1, nd - 1 + k)) + list(range(axis, nd - 1))
    return stacked.transpose(perm)


def unravel_index(indices, shape, order='C'):
    """numpy's unravel_index: a flat index (or an array of them) into a tuple of coordinate arrays for
    `shape`, int64 scalars for a scalar index (how `np.unravel_index(a.argmin(), a.shape)` is read)."""
    from ._creation import asarray
    from ._scalars import make

    shape = (shape,) if isinstance(shape, int) else tuple(int(s) for s in shape)
    if order not in ('C', 'F'):
        raise ValueError("only 'C' or 'F' order is permitted")
    idx = asarray(indices)
    if idx.dtype.kind not in 'iub':
        raise TypeError("only int indices permitted")
    total = math.prod(shape)
    flat = [int(v) for v in idx._values()]
    for v in flat:
        if not 0 <= v < total:
            raise ValueError(f'index {v} is out of bounds for array with size {total}')
    dims = range(len(shape)) if order == 'F' else range(len(shape) - 1, -1, -1)
    coords = [None] * len(shape)
    rest = flat
    for d in dims:
        coords[d] = [v % shape[d] for v in rest]
        rest = [v // shape[d] for v in rest]
    if not idx._shape:
        return tuple(make(D.int64, c[0]) for c in coords)
    return tuple(ndarray._make(c, idx._shape, D.int64) for c in coords)


def histogram(a, bins=10, range=None, density=None, weights=None):
    """numpy's histogram: equal bins from `range` (else a's min and max, widened by 0.5 when equal) in
    numpy's edge dtype, or the given edges; each value's bin checked against the edges themselves, the last
    bin closed. Counts are int64 (the weights' dtype when weighted); density divides by count and width."""
    import bisect
    import operator

    from ._creation import asarray, linspace
    from ._info import ndim, result_type

    a = asarray(a).ravel()
    w = None
    if weights is not None:
        weights = asarray(weights)
        if weights.shape != a.shape and weights.size != a.size:
            raise ValueError('weights should have the same shape as a.')
        w = weights.ravel()._values()
    if isinstance(bins, str):
        raise unsupported(f"np.histogram(bins='{bins}')")
    values = a._values()
    if ndim(bins) == 0:
        n = operator.index(bins)
        if n < 1:
            raise ValueError('`bins` must be positive, when an integer')
        if range is not None:
            first, last = range
            if first > last:
                raise ValueError('max must be larger than min in range parameter.')
            if not (math.isfinite(first) and math.isfinite(last)):
                raise ValueError(f'supplied range of [{first}, {last}] is not finite')
        elif a.size == 0:
            first, last = 0, 1
        else:
            first, last = a.min(), a.max()
            if not (math.isfinite(first) and math.isfinite(last)):
                raise ValueError(f'autodetected range of [{first}, {last}] is not finite')
        if first == last:
            first, last = first - 0.5, last + 0.5
        bin_type = result_type(first, last, a)
        if bin_type.kind in 'iub':
            bin_type = D.float64
        edges = linspace(first, last, n + 1, endpoint=True, dtype=bin_type)
    else:
        edges = asarray(bins)
        if edges.ndim != 1:
            raise ValueError('`bins` must be 1d, when an array')
        ev = edges._values()
        if any(ev[i] > ev[i + 1] for i in builtins.range(len(ev) - 1)):
            raise ValueError('`bins` must increase monotonically, when an array')
        n = len(ev) - 1
    ev = [float(e) for e in edges._values()]
    counts = [0] * n
    lo, hi = ev[0], ev[-1]
    for k, v in enumerate(values):
        if not lo <= v <= hi:
            continue
        i = min(bisect.bisect_right(ev, v) - 1, n - 1)
        counts[i] += 1 if w is None else w[k]
    if w is None:
        hist = ndarray._make(counts, (n,), D.int64)
    else:
        hist = asarray(counts, dtype=result_type(weights))
    if density:
        total = sum(counts)
        widths = [ev[i + 1] - ev[i] for i in builtins.range(n)]
        hist = asarray([counts[i] / widths[i] / total for i in builtins.range(n)])
    return hist, edges
