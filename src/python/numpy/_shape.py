"""Joining and reshaping: concatenate, stack, hstack, vstack, column_stack, c_, r_, atleast_*d, expand_dims,
split, repeat, tile, flip, roll, moveaxis, append."""

import operator

from . import _dtypes as D
from . import _layout as L
from ._errors import unsupported
from ._ndarray import ndarray
from ._scalars import generic


def _arrays(arrays):
    from ._creation import asarray

    if isinstance(arrays, ndarray):
        return [arrays[i] for i in range(len(arrays))]
    return [asarray(a) for a in arrays]


def concatenate(arrays, axis=0, out=None, dtype=None, casting='same_kind'):
    arrs = _arrays(arrays)
    if not arrs:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        arrs = [a.reshape(-1) for a in arrs]
        axis = 0
    nd = arrs[0].ndim
    if nd == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    for i, a in enumerate(arrs):
        if a.ndim != nd:
            raise ValueError(
                f"all the input arrays must have same number of dimensions, but the array at index 0 "
                f"has {nd} dimension(s) and the array at index {i} has {a.ndim} dimension(s)"
            )
    axis = L.normalize_axis(axis, nd)
    base = arrs[0]._shape
    for i, a in enumerate(arrs[1:], 1):
        for d in range(nd):
            if d != axis and a._shape[d] != base[d]:
                raise ValueError(
                    f"all the input array dimensions except for the concatenation axis must match "
                    f"exactly, but along dimension {d}, the array at index 0 has size {base[d]} and the "
                    f"array at index {i} has size {a._shape[d]}"
                )
    dt = D.as_dtype(dtype) if dtype is not None else arrs[0]._dtype
    if dtype is None:
        for a in arrs[1:]:
            dt = D.promote_types(dt, a._dtype)
    outer = L.prod(base[:axis])
    inner = L.prod(base[axis + 1 :])
    parts = [(D.cast_values(a._values(), a._dtype, dt), a._shape[axis] * inner) for a in arrs]
    values = []
    for o in range(outer):
        for vals, size in parts:
            values.extend(vals[o * size : (o + 1) * size])
    shape = base[:axis] + (sum(a._shape[axis] for a in arrs),) + base[axis + 1 :]
    res = ndarray._make(values, shape, dt)
    if out is not None:
        out._assign(D.cast_values(values, dt, out._dtype))
        return out
    return res


def stack(arrays, axis=0, out=None, dtype=None):
    arrs = _arrays(arrays)
    if not arrs:
        raise ValueError("need at least one array to stack")
    shape = arrs[0]._shape
    if any(a._shape != shape for a in arrs):
        raise ValueError("all input arrays must have the same shape")
    axis = L.normalize_axis(axis, len(shape) + 1)
    expanded = [a.reshape(shape[:axis] + (1,) + shape[axis:]) for a in arrs]
    return concatenate(expanded, axis=axis, out=out, dtype=dtype)


def atleast_1d(*arys):
    from ._creation import asarray

    res = [asarray(a) if asarray(a).ndim else asarray(a).reshape(1) for a in arys]
    return res[0] if len(res) == 1 else res


def atleast_2d(*arys):
    from ._creation import asarray

    res = []
    for a in arys:
        a = asarray(a)
        res.append(a.reshape(1, 1) if a.ndim == 0 else a.reshape(1, a._shape[0]) if a.ndim == 1 else a)
    return res[0] if len(res) == 1 else res


def atleast_3d(*arys):
    from ._creation import asarray

    res = []
    for a in arys:
        a = asarray(a)
        if a.ndim == 0:
            a = a.reshape(1, 1, 1)
        elif a.ndim == 1:
            a = a.reshape(1, a._shape[0], 1)
        elif a.ndim == 2:
            a = a.reshape(a._shape + (1,))
        res.append(a)
    return res[0] if len(res) == 1 else res


def _list1(x):
    r = atleast_1d(*x)
    return r if isinstance(r, list) else [r]


def _list2(x):
    r = atleast_2d(*x)
    return r if isinstance(r, list) else [r]


def hstack(tup, dtype=None):
    arrs = _list1(tup)
    return concatenate(arrs, axis=0 if arrs and arrs[0].ndim == 1 else 1, dtype=dtype)


def vstack(tup, dtype=None):
    return concatenate(_list2(tup), axis=0, dtype=dtype)


row_stack = vstack


def dstack(tup):
    r = atleast_3d(*tup)
    return concatenate(r if isinstance(r, list) else [r], axis=2)


def column_stack(tup):
    from ._creation import asarray

    arrs = []
    for a in tup:
        a = asarray(a)
        arrs.append(a.reshape(a.size, 1) if a.ndim < 2 else a)
    return concatenate(arrs, axis=1)


def expand_dims(a, axis):
    from ._creation import asarray

    a = asarray(a)
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    nd = a.ndim + len(axes)
    axes = sorted(L.normalize_axis(x, nd) for x in axes)
    shape = list(a._shape)
    for x in axes:
        shape.insert(x, 1)
    return a.reshape(shape)


def squeeze(a, axis=None):
    from ._creation import asarray

    return asarray(a).squeeze(axis)


def moveaxis(a, source, destination):
    from ._creation import asarray

    a = asarray(a)
    src = [L.normalize_axis(s, a.ndim) for s in (source if isinstance(source, (list, tuple)) else [source])]
    dst = [
        L.normalize_axis(s, a.ndim) for s in (destination if isinstance(destination, (list, tuple)) else [destination])
    ]
    order = [n for n in range(a.ndim) if n not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return a.transpose(order)


def array_split(ary, indices_or_sections, axis=0):
    from ._creation import asarray

    a = asarray(ary)
    axis = L.normalize_axis(axis, a.ndim)
    n = a._shape[axis]
    if isinstance(indices_or_sections, (int, generic)):
        sections = operator.index(indices_or_sections)
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extras = divmod(n, sections)
        sizes = [each + 1] * extras + [each] * (sections - extras)
        bounds = [0]
        for s in sizes:
            bounds.append(bounds[-1] + s)
    else:
        bounds = [0] + [operator.index(i) for i in indices_or_sections] + [n]
    out = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        key = (slice(None),) * axis + (slice(lo, hi),)
        out.append(a[key])
    return out


def split(ary, indices_or_sections, axis=0):
    from ._creation import asarray

    if isinstance(indices_or_sections, (int, generic)):
        n = asarray(ary)._shape[L.normalize_axis(axis, asarray(ary).ndim)]
        if n % operator.index(indices_or_sections):
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


def repeat(a, repeats, axis=None):
    from ._creation import asarray

    a = asarray(a)
    if axis is None:
        a = a.reshape(-1)
        axis = 0
    axis = L.normalize_axis(axis, a.ndim)
    n = a._shape[axis]
    reps = (
        [operator.index(repeats)] * n
        if isinstance(repeats, (int, generic))
        else [operator.index(r) for r in asarray(repeats)._values()]
    )
    if len(reps) == 1:
        reps = reps * n
    idx = [i for i, r in enumerate(reps) for _ in range(r)]
    from ._indexing import getitem

    return getitem(a, (slice(None),) * axis + (ndarray._make(idx, (len(idx),), D.int64),))


def tile(A, reps):
    from ._creation import asarray

    a = asarray(A)
    reps = (reps,) if isinstance(reps, (int, generic)) else tuple(reps)
    nd = max(a.ndim, len(reps))
    a = a.reshape((1,) * (nd - a.ndim) + a._shape)
    reps = (1,) * (nd - len(reps)) + reps
    for axis, r in enumerate(reps):
        if r != 1:
            a = concatenate([a] * r, axis=axis) if r > 0 else a[(slice(None),) * axis + (slice(0, 0),)]
    return a.copy() if a._base is not None else a


def flip(m, axis=None):
    from ._creation import asarray

    a = asarray(m)
    axes = L.normalize_axes(axis, a.ndim)
    return a[tuple(slice(None, None, -1) if i in axes else slice(None) for i in range(a.ndim))]


def fliplr(m):
    return flip(m, 1)


def flipud(m):
    return flip(m, 0)


def roll(a, shift, axis=None):
    from ._creation import asarray

    a = asarray(a)
    if axis is None:
        return roll(a.reshape(-1), shift, 0).reshape(a._shape)
    axis = L.normalize_axis(axis, a.ndim)
    n = a._shape[axis]
    if n == 0:
        return a.copy()
    s = operator.index(shift) % n
    idx = ndarray._make([(i - s) % n for i in range(n)], (n,), D.int64)
    from ._indexing import getitem

    return getitem(a, (slice(None),) * axis + (idx,))


def append(arr, values, axis=None):
    from ._creation import asarray

    arr, values = asarray(arr), asarray(values)
    if axis is None:
        return concatenate([arr.reshape(-1), values.reshape(-1)])
    return concatenate([arr, values], axis=axis)


class _Concatenator:
    """np.r_ and np.c_ (numpy's AxisConcatenator): slices become aranges (or linspaces with a complex step)."""

    def __init__(self, axis, ndmin, trans1d):
        self.axis, self.ndmin, self.trans1d = axis, ndmin, trans1d

    def __getitem__(self, key):
        from ._creation import array, arange, linspace

        if not isinstance(key, tuple):
            key = (key,)
        axis, ndmin, trans1d = self.axis, self.ndmin, self.trans1d
        objs, scalars, arraytypes, scalartypes = [], [], [], []
        for k, item in enumerate(key):
            scalar = False
            if isinstance(item, slice):
                start = 0 if item.start is None else item.start
                step = 1 if item.step is None else item.step
                if isinstance(step, complex):
                    new = linspace(start, item.stop, num=int(abs(step)))
                else:
                    new = arange(start, item.stop, step)
                if ndmin > 1:
                    new = array(new, copy=False, ndmin=ndmin)
                    if trans1d != -1:
                        new = new.swapaxes(-1, trans1d)
            elif isinstance(item, str):
                if k != 0:
                    raise ValueError("special directives must be the first entry.")
                if item in ('r', 'c'):
                    raise unsupported("np.r_['r'] / np.r_['c'] (matrix output)")
                vec = item.split(',')
                axis = int(vec[0])
                if len(vec) > 1:
                    ndmin = int(vec[1])
                if len(vec) > 2:
                    trans1d = int(vec[2])
                continue
            elif isinstance(item, (int, float, bool, generic)):
                new = array(item, ndmin=ndmin)
                scalars.append(len(objs))
                scalar = True
                scalartypes.append(new._dtype)
            else:
                item_ndim = array(item, copy=False).ndim
                new = array(item, copy=False, ndmin=ndmin)
                if trans1d != -1 and item_ndim < ndmin:
                    k2 = ndmin - item_ndim
                    k1 = trans1d + k2 + 1 if trans1d < 0 else trans1d
                    defaxes = list(range(ndmin))
                    new = new.transpose(defaxes[:k1] + defaxes[k2:] + defaxes[k1:k2])
            objs.append(new)
            if not scalar:
                arraytypes.append(new._dtype)
        final = _common_type(arraytypes, scalartypes)
        if final is not None:
            for k in scalars:
                objs[k] = objs[k].astype(final)
        return concatenate(tuple(objs), axis=axis)

    def __len__(self):
        return 0


def _common_type(arraytypes, scalartypes):
    def maxt(ts):
        r = None
        for t in ts:
            r = t if r is None else D.promote_types(r, t)
        return r

    a, s = maxt(arraytypes), maxt(scalartypes)
    if a is None:
        return s
    if s is None or D.kind_order(a) >= D.kind_order(s):
        return a
    return D.promote_types(a, s)


r_ = _Concatenator(0, 1, -1)
c_ = _Concatenator(-1, 2, 0)
