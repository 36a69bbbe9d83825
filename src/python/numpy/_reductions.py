"""Reductions with axis/keepdims: sum (numpy's pairwise summation, in numpy's iteration order and 8192-element
buffer chunks, so sums print identically), mean, var, std, prod, min, max, argmin, argmax, any, all,
cumsum, cumprod, ptp, median, average, and the ufunc .reduce/.accumulate methods."""

from array import array as _array
import builtins as _b
from functools import reduce as _reduce
import math
from operator import add as _add
import struct

from . import _dtypes as D
from . import _layout as L
from . import _typed
from ._errors import runtime_warning, unsupported
from ._ndarray import ndarray
from ._scalars import make

_F32 = struct.Struct('<f')
_BUFSIZE = 8192


def _round32(v):
    return _F32.unpack(_F32.pack(v))[0]


def _round16(v):
    return D.store_one(v, D.float16)


def _pairwise(a, lo, n, rnd):
    """numpy's DOUBLE/FLOAT_pairwise_sum of a[lo:lo+n]; rnd rounds each addition (float32/16) or is None."""
    if n < 8:
        res = -0.0
        if rnd is None:
            for i in range(lo, lo + n):
                res += a[i]
        else:
            for i in range(lo, lo + n):
                res = rnd(res + a[i])
        return res
    if n <= 128:
        end = lo + n - (n % 8)
        if rnd is None:
            # eight running sums, lane k adding a[lo + k], a[lo + k + 8], ... in order (reduce: at C speed)
            r = [_reduce(_add, a[lo + k : end : 8]) for k in range(8)]
            res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            for j in range(end, lo + n):
                res += a[j]
            return res
        r = a[lo : lo + 8]
        i = lo + 8
        while i < end:
            for k in range(8):
                r[k] = rnd(r[k] + a[i + k])
            i += 8
        res = rnd(rnd(rnd(r[0] + r[1]) + rnd(r[2] + r[3])) + rnd(rnd(r[4] + r[5]) + rnd(r[6] + r[7])))
        for j in range(i, lo + n):
            res = rnd(res + a[j])
        return res
    n2 = n // 2
    n2 -= n2 % 8
    s = _pairwise(a, lo, n2, rnd) + _pairwise(a, lo + n2, n - n2, rnd)
    return s if rnd is None else rnd(s)


def _groups(a, axes):
    """(kept shape, per-output lists of chunks): each chunk is a run of values numpy's reduce loop sees at
    once (pairwise-summed), the chunks being accumulated in order, as numpy's iterator walks the array."""
    shape, strides = a._shape, a._strides
    kept = [i for i in range(len(shape)) if i not in axes]
    kept_shape = tuple(shape[i] for i in kept)
    red = [i for i in axes if shape[i] != 1]
    buf = a._readable()
    order = sorted((i for i in range(len(shape)) if shape[i] != 1), key=lambda i: -abs(strides[i]))
    if len(red) == len(order):
        # a reduction over every axis: numpy's buffered iterator hands its loop the whole array (in 8192-element
        # chunks, in memory order), contiguous or not
        if a._contiguous():
            return kept_shape, [[a._values()]]
        return kept_shape, [
            [[buf[o] for o in L.offsets(a._off, [shape[i] for i in order], [strides[i] for i in order])]]
        ]
    block = []
    for ax in reversed(order):
        if ax not in red:
            break
        if block and strides[ax] != strides[block[0]] * shape[block[0]]:
            break
        block.insert(0, ax)
    outer = [ax for ax in order if ax in red and ax not in block]
    outer_offs = L.offsets(0, [shape[i] for i in outer], [strides[i] for i in outer])
    block_offs = L.offsets(0, [shape[i] for i in block], [strides[i] for i in block])
    out_offs = L.offsets(a._off, kept_shape, [strides[i] for i in kept])
    groups = []
    for o in out_offs:
        groups.append([[buf[o + r + b] for b in block_offs] for r in outer_offs])
    return kept_shape, groups


def _outer_rows(a, axes):
    """The values to reduce as one list per reduced position, each in output order, when the innermost axis
    in memory is kept: numpy's loop then adds whole rows into the outputs, one reduced position after
    another, so each output is a plain running sum (what _groups gives as one-value chunks). None otherwise."""
    shape, strides = a._shape, a._strides
    red = [i for i in axes if shape[i] != 1]
    order = sorted((i for i in range(len(shape)) if shape[i] != 1), key=lambda i: -abs(strides[i]))
    if not red or len(red) == len(order) or order[-1] in red or 0 in shape:
        return None
    kept = [i for i in range(len(shape)) if i not in axes]
    buf = a._readable()
    outer = [ax for ax in order if ax in red]
    outer_offs = L.offsets(0, [shape[i] for i in outer], [strides[i] for i in outer])
    out_offs = L.offsets(a._off, [shape[i] for i in kept], [strides[i] for i in kept])
    return [[buf[o + r] for o in out_offs] for r in outer_offs]


def _running_sums(rows, dt):
    """_sum_chunks of every output at once, for _outer_rows' layout: the same additions, a row at a time."""
    totals = [0.0 if dt.kind == 'f' else 0] * len(rows[0])
    for row in rows:
        if dt.kind != 'f' or dt.bits == 64:
            totals = list(map(_add, totals, row))
        elif dt.bits == 32:
            totals = _array('f', map(_add, totals, row)).tolist()  # each sum rounded to float32, as _round32
        else:
            totals = [_round16(_round32(t + v)) for t, v in zip(totals, row)]
    return totals


def _sum_chunks(chunks, dt):
    if dt.kind != 'f':
        return _b.sum(_b.sum(c) for c in chunks)
    # float16 sums run in float32 (numpy's HALF loops add in npy_float) and are stored as float16 after each
    # chunk is added to the output.
    rnd = None if dt.bits == 64 else _round32
    store = _round16 if dt.bits == 16 else rnd
    total = 0.0
    for c in chunks:
        for s in range(0, len(c), _BUFSIZE):
            part = _pairwise(c, s, min(_BUFSIZE, len(c) - s), rnd)
            total = total + part if rnd is None else store(rnd(total + part))
    return total


def _prepare(a, dtype, out_kind):
    from ._creation import asarray

    a = asarray(a)
    if dtype is not None:
        d = D.as_dtype(dtype)
    elif out_kind == 'sum':
        d = a._dtype
        if d.kind == 'b' or (d.kind == 'i' and d.bits < 64):
            d = D.int64
        elif d.kind == 'u' and d.bits < 64:
            d = D.uint64
    else:
        d = a._dtype
    if d is not a._dtype:
        a = a.astype(d)
    return a, d


def _result(values, kept_shape, axes, a, keepdims, dt, out=None):
    shape = kept_shape
    if keepdims:
        shape = tuple(1 if i in axes else n for i, n in enumerate(a._shape))
    if out is not None:
        out._assign(D.cast_values(values, dt, out._dtype))
        return out
    if not shape:
        return make(dt, values[0])
    return ndarray._make(values, shape, dt)


def _check_where(where, initial=None):
    if where is not True:
        raise unsupported('reductions with where=')


def _own_method(a, name):
    """numpy's reductions hand a non-ndarray to its own method of that name (np.mean(s) is s.mean(axis=None,
    dtype=None, out=None)): a pandas Series skips its NaNs and np.std(s) is its std with ddof=0. Only a pandas
    Series is handed over here: a torch tensor's methods reject numpy's keywords (our conversion of a tensor is
    what learners' files rely on), and np.mean(df) warns from inside numpy's own file."""
    if type(a).__name__ != 'Series' or type(a).__module__.split('.')[0] != 'pandas':
        return None
    return getattr(a, name, None)


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    own = _own_method(a, 'sum')
    if own is not None:
        return own(axis=axis, dtype=dtype, out=out)
    _check_where(where)
    a, dt = _prepare(a, dtype, 'sum')
    axes = L.normalize_axes(axis, a.ndim)
    if dt is D.float64 and initial is None and _typed.wants(L.prod(a._shape)):
        if len(axes) == a.ndim:
            total = _typed.total(a)
            if total is not None:
                return _result([total], (), axes, a, keepdims, dt, out)
        elif a.ndim == 2 and 0 not in a._shape:  # one axis of a matrix: a batch's column or row sums
            # A single column is summed as the whole array is (numpy's iterator drops its length-1 axis).
            one = a._shape[1 - axes[0]] == 1
            values = [_typed.total(a)] if one else _typed.sum_axis(a, axes[0])
            if values is not None and values[0] is not None:
                return _result(values, (a._shape[1 - axes[0]],), axes, a, keepdims, dt, out)
    rows = _outer_rows(a, axes)
    if rows is not None:
        kept = tuple(n for i, n in enumerate(a._shape) if i not in axes)
        values = D.store(_running_sums(rows, dt), dt)
    else:
        kept, groups = _groups(a, axes)
        values = D.store([_sum_chunks(g, dt) for g in groups], dt)
    if initial is not None:
        values = D.store([v + initial for v in values], dt)
    return _result(values, kept, axes, a, keepdims, dt, out)


def _count(a, axes):
    n = 1
    for i in axes:
        n *= a._shape[i]
    return n


def mean(a, axis=None, dtype=None, out=None, keepdims=False, where=True):
    own = _own_method(a, 'mean')
    if own is not None:
        return own(axis=axis, dtype=dtype, out=out)
    _check_where(where)
    from ._creation import asarray

    a = asarray(a)
    src = a._dtype
    if dtype is None:
        dtype = D.float64 if src.kind in 'biu' else D.float32 if src is D.float16 else src
    s = sum(a, axis, dtype, None, keepdims)
    n = _count(a, L.normalize_axes(axis, a.ndim))
    if n == 0:
        runtime_warning('invalid', "Mean of empty slice.")
    return _divide(s, n, src if src is D.float16 and dtype is D.float32 else None, out)


def _divide(s, n, final, out):
    from ._math import UFUNCS

    if isinstance(s, ndarray):
        dt = s._dtype
        vals = [v / n if n else (math.nan if v == 0 or v != v else math.copysign(math.inf, v)) for v in s._values()]
        res = ndarray._make(D.store(vals, dt), s._shape, dt)
        if final is not None:
            res = res.astype(final)
        if out is not None:
            out._assign(D.cast_values(res._values(), res._dtype, out._dtype))
            return out
        return res
    dt = s._np_dtype
    v = s._value()
    q = v / n if n else math.nan
    return make(final or dt, D.store_one(q, final or dt))


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, where=True):
    own = _own_method(a, 'var')
    if own is not None:
        return own(axis=axis, dtype=dtype, out=out, ddof=ddof)
    _check_where(where)
    from ._creation import asarray
    from ._ufuncs import binary

    arr = asarray(a)
    axes = L.normalize_axes(axis, arr.ndim)
    n = _count(arr, axes)
    if ddof >= n:
        runtime_warning('invalid', "Degrees of freedom <= 0 for slice")
    if dtype is None and arr._dtype.kind in 'biu':
        dtype = D.float64
    arrmean = sum(arr, axis, dtype, None, True)
    arrmean = _divide(arrmean, n, None, None)
    x = binary('subtract', arr, arrmean)
    x = binary('multiply', x, x)
    if not isinstance(x, ndarray):
        x = ndarray._make([x._value()], (), x._np_dtype)
    ret = sum(x, axis, dtype, None, keepdims)
    return _divide(ret, max(n - ddof, 0), None, out)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, where=True):
    own = _own_method(a, 'std')
    if own is not None:
        return own(axis=axis, dtype=dtype, out=out, ddof=ddof)
    from ._math import UFUNCS

    v = var(a, axis, dtype, None, ddof, keepdims, where)
    return UFUNCS['sqrt'](v, out=out) if out is not None else UFUNCS['sqrt'](v)


def _extreme(a, axis, out, keepdims, initial, where, name, pick):
    _check_where(where)
    from ._creation import asarray

    a = asarray(a)
    axes = L.normalize_axes(axis, a.ndim)
    kept, groups = _groups(a, axes)
    values = []
    for g in groups:
        flat = [v for c in g for v in c]
        if initial is not None:
            flat.append(D.store_one(initial, a._dtype))
        if not flat:
            raise ValueError(f"zero-size array to reduction operation {name} which has no identity")
        if a._dtype.kind == 'f' and _b.any(v != v for v in flat):
            values.append(math.nan)
        else:
            values.append(pick(flat))
    return _result(values, kept, axes, a, keepdims, a._dtype, out)


def amax(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    own = _own_method(a, 'max')
    if own is not None:
        return own(axis=axis, out=out)
    return _extreme(a, axis, out, keepdims, initial, where, 'maximum', max)


def amin(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    own = _own_method(a, 'min')
    if own is not None:
        return own(axis=axis, out=out)
    return _extreme(a, axis, out, keepdims, initial, where, 'minimum', min)


def ptp(a, axis=None, out=None, keepdims=False):
    from ._ufuncs import binary

    return binary('subtract', amax(a, axis, None, keepdims), amin(a, axis, None, keepdims), out=out)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    own = _own_method(a, 'prod')
    if own is not None:
        return own(axis=axis, dtype=dtype, out=out)
    _check_where(where)
    a, dt = _prepare(a, dtype, 'sum')
    axes = L.normalize_axes(axis, a.ndim)
    kept, groups = _groups(a, axes)
    values = []
    for g in groups:
        p = 1.0 if dt.kind == 'f' else 1
        if initial is not None:
            p = initial
        for c in g:
            for v in c:
                p = p * v if dt.kind != 'f' or dt.bits == 64 else D.store_one(p * v, dt)
        values.append(p)
    return _result(D.store(values, dt), kept, axes, a, keepdims, dt, out)


def _logical(a, axis, out, keepdims, where, fn):
    _check_where(where)
    from ._creation import asarray

    a = asarray(a)
    axes = L.normalize_axes(axis, a.ndim)
    kept, groups = _groups(a, axes)
    values = [fn(v for c in g for v in c) for g in groups]
    return _result(values, kept, axes, a, keepdims, D.bool_, out)


def any(a, axis=None, out=None, keepdims=False, where=True):
    return _logical(a, axis, out, keepdims, where, _b.any)


def all(a, axis=None, out=None, keepdims=False, where=True):
    return _logical(a, axis, out, keepdims, where, _b.all)


def _arg(a, axis, out, keepdims, name, better):
    from ._creation import asarray

    a = asarray(a)
    if axis is None:
        lanes, shape = [a._values()], ()
    else:
        lanes, shape = L.lanes(a, L.normalize_axis(axis, a.ndim))
    values = []
    for lane in lanes:
        if not lane:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        best = 0
        bv = lane[0]
        if bv == bv:
            for i, v in enumerate(lane):
                if v != v:
                    best = i
                    break
                if better(v, bv):
                    best, bv = i, v
        values.append(best)
    if keepdims:
        shape = (
            (1,) * a.ndim
            if axis is None
            else tuple(1 if i == L.normalize_axis(axis, a.ndim) else n for i, n in enumerate(a._shape))
        )
    if out is not None:
        out._assign(values)
        return out
    return ndarray._make(values, shape, D.int64) if shape else make(D.int64, values[0])


def argmax(a, axis=None, out=None, keepdims=False):
    return _arg(a, axis, out, keepdims, 'argmax', lambda v, b: v > b)


def argmin(a, axis=None, out=None, keepdims=False):
    return _arg(a, axis, out, keepdims, 'argmin', lambda v, b: v < b)


def accumulate(name, a, axis=0, dtype=None, out=None):
    from ._creation import asarray
    from ._ufuncs import binary

    a = asarray(a)
    if name in ('add', 'multiply'):
        a, dt = _prepare(a, dtype, 'sum')
    else:
        dt = D.as_dtype(dtype) if dtype is not None else a._dtype
        a = a.astype(dt) if dt is not a._dtype else a
    if axis is None:
        a = a.reshape(-1)
        axis = 0
    axis = L.normalize_axis(axis, a.ndim)
    lanes, _ = L.lanes(a, axis)
    res = []
    for lane in lanes:
        acc = []
        cur = None
        for v in lane:
            if cur is None:
                cur = v
            else:
                r = binary(name, make(dt, cur), make(dt, v))
                cur = r._value() if hasattr(r, '_value') else r
            acc.append(cur)
        res.append(acc)
    result = L.from_lanes(res, a, axis, dt)
    if out is not None:
        out._assign(D.cast_values(result._values(), dt, out._dtype))
        return out
    return result


def cumsum(a, axis=None, dtype=None, out=None):
    return _cumulative(a, axis, dtype, out, False)


def cumprod(a, axis=None, dtype=None, out=None):
    return _cumulative(a, axis, dtype, out, True)


def _cumulative(a, axis, dtype, out, product):
    a, dt = _prepare(a, dtype, 'sum')
    if axis is None:
        a = a.reshape(-1)
        axis = 0
    axis = L.normalize_axis(axis, a.ndim)
    lanes, _ = L.lanes(a, axis)
    rnd = None if dt.kind != 'f' or dt.bits == 64 else _round32 if dt.bits == 32 else _round16
    res = []
    for lane in lanes:
        acc = []
        cur = 1 if product else 0
        for v in lane:
            cur = cur * v if product else cur + v
            if rnd is not None:
                cur = rnd(cur)
            acc.append(cur)
        res.append(D.store(acc, dt))
    result = L.from_lanes(res, a, axis, dt)
    if out is not None:
        out._assign(D.cast_values(result._values(), dt, out._dtype))
        return out
    return result


def ufunc_reduce(name, a, axis=0, dtype=None, out=None, keepdims=False, initial=None):
    fns = {'add': sum, 'multiply': prod, 'maximum': amax, 'minimum': amin, 'logical_and': all, 'logical_or': any}
    if name not in fns:
        raise unsupported(f"np.{name}.reduce")
    if name in ('add', 'multiply'):
        return fns[name](a, axis, dtype, out, keepdims, initial)
    if name in ('maximum', 'minimum'):
        return fns[name](a, axis, out, keepdims, initial)
    return fns[name](a, axis, out, keepdims)


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    from ._creation import asarray

    a = asarray(a)
    if axis is None:
        a = a.reshape(-1)
        ax = 0
    else:
        ax = L.normalize_axis(axis, a.ndim)
    lanes, shape = L.lanes(a, ax)
    vals = []
    for lane in lanes:
        if _b.any(v != v for v in lane):
            vals.append(math.nan)
            continue
        s = sorted(lane)
        n = len(s)
        if n == 0:
            vals.append(math.nan)
        elif n % 2:
            vals.append(float(s[n // 2]))
        else:
            vals.append((-0.0 + s[n // 2 - 1] + s[n // 2]) / 2.0)
    dt = a._dtype if a._dtype.kind == 'f' else D.float64
    res = ndarray._make(D.store(vals, dt), shape, dt) if shape else make(dt, D.store_one(vals[0], dt))
    if keepdims:
        res = asarray(res).reshape(
            tuple(1 if (axis is None or i == ax) else n for i, n in enumerate(asarray(a)._shape))
        )
    return res


def average(a, axis=None, weights=None, returned=False, keepdims=False):
    from ._creation import asarray
    from ._ufuncs import binary

    a = asarray(a)
    if weights is None:
        avg = mean(a, axis, keepdims=keepdims)
        if returned:
            n = float(_count(a, L.normalize_axes(axis, a.ndim)))
            return avg, binary('add', binary('multiply', avg, 0.0), n)
        return avg
    w = asarray(weights)
    dt = D.result_type_of([(a._dtype, a.ndim, None), (w._dtype, w.ndim, None), (D.float64, 1, None)])
    if a._shape != w._shape:
        if axis is None:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        if w.ndim != 1:
            raise TypeError("1D weights expected when shapes of a and weights differ.")
        shape = [1] * a.ndim
        shape[L.normalize_axis(axis, a.ndim)] = w.size
        w = w.reshape(shape)
    scl = sum(binary('multiply', w, ndarray._make([1.0], (), dt)).astype(dt), axis, keepdims=keepdims)
    avg = binary('true_divide', sum(binary('multiply', a, w, dtype=dt), axis, keepdims=keepdims), scl)
    return (avg, scl) if returned else avg
