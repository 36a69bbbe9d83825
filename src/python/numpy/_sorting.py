"""Sorting and searching: sort (NaN last), argsort (a port of numpy 1.24's introsort, so ties come out in
numpy's order), unique, bincount, searchsorted, nonzero, argwhere, flatnonzero, count_nonzero."""

import bisect

from . import _dtypes as D
from . import _layout as L
from ._ndarray import ndarray
from ._scalars import make

_SMALL = 15


def _lt(a, b):
    return a < b or (b != b and a == a)


def _has_nan(values):
    return any(v != v for v in values)


def _sorted(values):
    if _has_nan(values):
        return sorted(values, key=lambda v: (v != v, v))
    return sorted(values)


def _aheapsort(v, tosort, lo, n):
    a = tosort[lo : lo + n]
    a.insert(0, None)  # 1-based, as numpy's heapsort

    def sift(i, size):
        tmp = a[i]
        j = i * 2
        while j <= size:
            if j < size and _lt(v[a[j]], v[a[j + 1]]):
                j += 1
            if _lt(v[tmp], v[a[j]]):
                a[i] = a[j]
                i = j
                j += j
            else:
                break
        a[i] = tmp

    for l in range(n >> 1, 0, -1):
        sift(l, n)
    size = n
    while size > 1:
        a[1], a[size] = a[size], a[1]
        size -= 1
        sift(1, size)
    tosort[lo : lo + n] = a[1:]


def _aquicksort(v):
    """numpy's aquicksort_ (npysort/quicksort.cpp): the indices that sort v, ties as numpy orders them."""
    num = len(v)
    t = list(range(num))
    if num < 2:
        return t
    lt = _lt
    pl, pr = 0, num - 1
    stack = []
    cdepth = (num.bit_length() - 1) * 2
    while True:
        if cdepth < 0:
            _aheapsort(v, t, pl, pr - pl + 1)
        else:
            while pr - pl > _SMALL:
                pm = pl + ((pr - pl) >> 1)
                if lt(v[t[pm]], v[t[pl]]):
                    t[pm], t[pl] = t[pl], t[pm]
                if lt(v[t[pr]], v[t[pm]]):
                    t[pr], t[pm] = t[pm], t[pr]
                if lt(v[t[pm]], v[t[pl]]):
                    t[pm], t[pl] = t[pl], t[pm]
                vp = v[t[pm]]
                pi, pj = pl, pr - 1
                t[pm], t[pj] = t[pj], t[pm]
                while True:
                    pi += 1
                    while lt(v[t[pi]], vp):
                        pi += 1
                    pj -= 1
                    while lt(vp, v[t[pj]]):
                        pj -= 1
                    if pi >= pj:
                        break
                    t[pi], t[pj] = t[pj], t[pi]
                pk = pr - 1
                t[pi], t[pk] = t[pk], t[pi]
                if pi - pl < pr - pi:
                    stack.append((pi + 1, pr, cdepth - 1))
                    pr = pi - 1
                else:
                    stack.append((pl, pi - 1, cdepth - 1))
                    pl = pi + 1
                cdepth -= 1
            for i in range(pl + 1, pr + 1):
                vi = t[i]
                vpv = v[vi]
                j = i
                while j > pl and lt(vpv, v[t[j - 1]]):
                    t[j] = t[j - 1]
                    j -= 1
                t[j] = vi
        if not stack:
            break
        pl, pr, cdepth = stack.pop()
    return t


def sort(a, axis=-1, kind=None, order=None):
    from ._creation import asarray

    a = asarray(a)
    if axis is None:
        return ndarray._make(_sorted(a._values()), (a.size,), a._dtype)
    if not a._shape:
        return a.copy()
    axis = L.normalize_axis(axis, a.ndim)
    lanes, _ = L.lanes(a, axis)
    return L.from_lanes([_sorted(lane) for lane in lanes], a, axis, a._dtype)


def argsort(a, axis=-1, kind=None, order=None):
    from ._creation import asarray

    a = asarray(a)
    stable = kind in ('stable', 'mergesort')
    fn = (lambda v: sorted(range(len(v)), key=lambda i: (v[i] != v[i], v[i]))) if stable else _aquicksort
    if axis is None:
        return ndarray._make(fn(a._values()), (a.size,), D.int64)
    if not a._shape:
        return ndarray._make([0], (), D.int64)
    axis = L.normalize_axis(axis, a.ndim)
    lanes, _ = L.lanes(a, axis)
    return L.from_lanes([fn(lane) for lane in lanes], a, axis, D.int64)


def nonzero(a):
    from ._creation import asarray

    a = asarray(a)
    if not a._shape:
        a = a.reshape(1)
    hits = [i for i, v in enumerate(a._values()) if v]
    out = []
    strides = L.c_strides(a._shape)
    for n, s in zip(a._shape, strides):
        out.append(ndarray._make([(i // s) % n for i in hits], (len(hits),), D.int64))
    return tuple(out)


def flatnonzero(a):
    from ._creation import asarray

    vals = asarray(a)._values()
    idx = [i for i, v in enumerate(vals) if v]
    return ndarray._make(idx, (len(idx),), D.int64)


def argwhere(a):
    from ._creation import asarray

    a = asarray(a)
    idx = nonzero(a)
    cols = [i._values() for i in idx]
    rows = [v for r in zip(*cols) for v in r]
    return ndarray._make(rows, (len(cols[0]) if cols else 0, max(a.ndim, 1) if a.ndim else 0), D.int64)


def count_nonzero(a, axis=None, keepdims=False):
    from ._creation import asarray

    a = asarray(a)
    if axis is None and not keepdims:
        return sum(1 for v in a._values() if v)
    from ._reductions import sum as rsum

    return rsum(a.astype(D.bool_), axis=axis, keepdims=keepdims)


def searchsorted(a, v, side='left', sorter=None):
    from ._creation import asarray

    a = asarray(a)
    if sorter is not None:
        a = a[asarray(sorter)]
    keys = a._values()
    nan_key = _has_nan(keys)
    find = bisect.bisect_left if side == 'left' else bisect.bisect_right
    vv = asarray(v)
    if nan_key or _has_nan(vv._values()):
        keyf = [(x != x, x if x == x else 0) for x in keys]
        res = [find(keyf, (x != x, x if x == x else 0)) for x in vv._values()]
    else:
        res = [find(keys, x) for x in vv._values()]
    if not vv._shape:
        return make(D.int64, res[0])
    return ndarray._make(res, vv._shape, D.int64)


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, equal_nan=True):
    from ._creation import asarray

    if axis is not None:
        from ._errors import unsupported

        raise unsupported('np.unique(axis=...)')
    a = asarray(ar)
    vals = a._values()
    order = sorted(range(len(vals)), key=lambda i: (vals[i] != vals[i], vals[i] if vals[i] == vals[i] else 0))
    uniq, first, inverse, counts = [], [], [0] * len(vals), []
    prev_nan = False
    for i in order:
        v = vals[i]
        is_nan = v != v
        if uniq and ((not is_nan and v == uniq[-1]) or (is_nan and prev_nan and equal_nan)):
            counts[-1] += 1
        else:
            uniq.append(v)
            first.append(i)
            counts.append(1)
        prev_nan = is_nan
        inverse[i] = len(uniq) - 1
    res = ndarray._make(uniq, (len(uniq),), a._dtype)
    extra = []
    if return_index:
        extra.append(ndarray._make(first, (len(first),), D.int64))
    if return_inverse:
        extra.append(ndarray._make(inverse, (len(inverse),), D.int64))
    if return_counts:
        extra.append(ndarray._make(counts, (len(counts),), D.int64))
    return (res, *extra) if extra else res


def bincount(x, weights=None, minlength=0):
    """Occurrences of each non-negative int (class balance: `np.bincount(y_train)`, also on a torch tensor)."""
    from ._creation import asarray

    a = asarray(x)
    if len(a._shape) != 1:
        raise ValueError(
            'object too deep for desired array' if a._shape else 'object of too small depth for desired array'
        )
    if a._dtype.kind not in 'iub' and a._shape[0] > 0:
        raise TypeError(f"Cannot cast array data from {a._dtype!r} to dtype('int64') according to the rule 'safe'")
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    vals = [int(v) for v in a._values()]
    if any(v < 0 for v in vals):
        raise ValueError("'list' argument must have no negative elements")
    size = max(max(vals) + 1 if vals else 0, minlength)
    if weights is None:
        counts = [0] * size
        for v in vals:
            counts[v] += 1
        return ndarray._make(counts, (size,), D.int64)
    w = asarray(weights)
    if w._shape != a._shape:
        raise ValueError("The weights and list don't have the same length.")
    sums = [0.0] * size
    for v, wt in zip(vals, w._values()):
        sums[v] += float(wt)
    return ndarray._make(sums, (size,), D.float64)
