"""Indexing: basic (ints, slices, None, ...) gives views; advanced (integer and boolean arrays, lists)
copies, with numpy's placement of the broadcast index dimensions; assignment through either kind."""

import operator

from . import _dtypes as D
from . import _layout as L
from ._ndarray import ndarray
from ._scalars import generic, bool_

_VALID = (
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays "
    "are valid indices"
)


def _as_index_array(k):
    from ._creation import asarray

    arr = asarray(k)
    if arr.size == 0 and isinstance(k, (list, tuple, range)):
        return arr.astype(D.int64)  # a[[]]: an empty integer index
    if arr._dtype.kind == 'f':
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    return arr


def _parse(a, key):
    """A list of entries: None, Ellipsis, slice, ('int', i) or ('adv', int array) / ('bool', bool array)."""
    if not isinstance(key, tuple):
        key = (key,)
    items = []
    for k in key:
        if k is None or k is Ellipsis or isinstance(k, slice):
            items.append(k)
        elif isinstance(k, (bool, bool_)):
            from ._errors import unsupported

            raise unsupported('indexing with a scalar boolean (a[True])')
        elif isinstance(k, (int, generic)) and not isinstance(k, float):
            try:
                items.append(('int', operator.index(k)))
            except TypeError:
                raise IndexError(_VALID) from None
        elif isinstance(k, (ndarray, list, tuple, range)):
            # a range is a sequence of ints to numpy: X[range(a, b)] and y_pred[range(n), y] (nnfs)
            arr = _as_index_array(k)
            if arr._dtype.kind == 'b':
                items.append(('bool', arr))
            elif not arr._shape:
                items.append(('int', arr._values()[0]))
            else:
                items.append(('adv', arr))
        else:
            raise IndexError(_VALID)
    consumed = sum(
        1
        if (isinstance(it, slice) or isinstance(it, tuple) and it[0] != 'bool')
        else it[1].ndim
        if isinstance(it, tuple)
        else 0
        for it in items
    )
    ndim = a.ndim
    if consumed > ndim:
        raise IndexError(f"too many indices for array: array is {ndim}-dimensional, but {consumed} were indexed")
    if sum(1 for it in items if it is Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if Ellipsis in items:
        i = items.index(Ellipsis)
        items[i : i + 1] = [slice(None)] * (ndim - consumed)
    else:
        items.extend([slice(None)] * (ndim - consumed))
    return items, Ellipsis in key


def _check(i, n, axis):
    if i < -n or i >= n:
        raise IndexError(f"index {i} is out of bounds for axis {axis} with size {n}")
    return i + n if i < 0 else i


def _basic(a, items):
    off = a._off
    shape, strides = [], []
    dim = 0
    for it in items:
        if it is None:
            shape.append(1)
            strides.append(0)
            continue
        n, st = a._shape[dim], a._strides[dim]
        if isinstance(it, slice):
            start, stop, step = it.indices(n)
            shape.append(len(range(start, stop, step)))
            strides.append(st * step)
            off += start * st
        else:
            off += _check(it[1], n, dim) * st
        dim += 1
    return off, tuple(shape), tuple(strides)


def _expand_bools(a, items):
    out = []
    dim = 0
    for it in items:
        if isinstance(it, tuple) and it[0] == 'bool':
            mask = it[1]
            for j, n in enumerate(mask._shape):
                if a._shape[dim + j] != n:
                    raise IndexError(
                        f"boolean index did not match indexed array along dimension {dim + j}; "
                        f"dimension is {a._shape[dim + j]} but corresponding boolean dimension is {n}"
                    )
            from ._sorting import nonzero

            out.extend(('adv', idx) for idx in nonzero(mask))
            dim += mask.ndim
        else:
            out.append(('adv', ndarray._make([it[1]], (), D.int64)) if isinstance(it, tuple) and it[0] == 'int' else it)
            if it is not None:
                dim += 1
    return out


def _advanced(a, items):
    """(positions, shape) of the elements selected by an index with integer/boolean arrays."""
    items = _expand_bools(a, items)
    adv_pos = [i for i, it in enumerate(items) if isinstance(it, tuple)]
    adjacent = adv_pos == list(range(adv_pos[0], adv_pos[-1] + 1))
    bshape = L.broadcast_shapes(*(items[i][1]._shape for i in adv_pos))
    nb = L.prod(bshape)
    adv = [0] * nb
    comps, shape = [], []
    insert_at = None
    dim = 0
    for i, it in enumerate(items):
        if it is None:
            comps.append([0])
            shape.append(1)
            continue
        n, st = a._shape[dim], a._strides[dim]
        if isinstance(it, slice):
            r = range(*it.indices(n))
            comps.append([k * st for k in r])
            shape.append(len(r))
        else:
            idx = it[1]._values_as(bshape)
            adv = [p + _check(j, n, dim) * st for p, j in zip(adv, idx)]
            if insert_at is None:
                insert_at = len(comps) if adjacent else 0
        dim += 1
    comps.insert(insert_at, adv)
    shape[insert_at:insert_at] = list(bshape)
    positions = [a._off]
    for comp in comps:
        if len(comp) != 1 or comp[0] != 0:
            positions = [p + c for p in positions for c in comp]
    return positions, tuple(shape)


def getitem(a, key):
    if isinstance(key, (int, generic)) and not isinstance(key, (bool, bool_, float)) and a._shape:
        i = _check(operator.index(key), a._shape[0], 0)
        if len(a._shape) == 1:
            return a._scalar(a._buf[a._off + i * a._strides[0]])
        return a._view(a._shape[1:], a._strides[1:], a._off + i * a._strides[0])
    items, had_ellipsis = _parse(a, key)
    if any(isinstance(it, tuple) and it[0] != 'int' for it in items):
        positions, shape = _advanced(a, items)
        buf = a._readable()
        return ndarray._make([buf[p] for p in positions], shape, a._dtype)
    off, shape, strides = _basic(a, items)
    if not shape and not had_ellipsis:
        return a._scalar(a._buf[off])
    return a._view(shape, strides, off)


def _value_list(a, value, shape):
    """The stored values to write into `shape` positions of `a`, from a scalar or array-like."""
    from ._scalars import scalar_info

    info = scalar_info(value)
    n = L.prod(shape)
    if info is not None:
        return [D.cast_values([info[1]], info[0], a._dtype)[0]] * n
    from ._creation import asarray

    v = asarray(value)
    try:
        if L.broadcast_shapes(v._shape, shape) != tuple(shape):
            raise ValueError
    except ValueError:
        raise ValueError(
            f"could not broadcast input array from shape {L.shape_str(v._shape) if v._shape else '()'} "
            f"into shape {L.shape_str(shape) if shape else '()'}"
        ) from None
    return D.cast_values(v._values_as(shape), v._dtype, a._dtype)


def setitem(a, key, value):
    if isinstance(key, (int, generic)) and not isinstance(key, (bool, bool_, float)) and len(a._shape) == 1:
        i = _check(operator.index(key), a._shape[0], 0)
        a._buf[a._off + i * a._strides[0]] = _value_list(a, value, ())[0]
        return
    items, _ = _parse(a, key)
    if any(isinstance(it, tuple) and it[0] != 'int' for it in items):
        positions, shape = _advanced(a, items)
        values = _value_list(a, value, shape)
        buf = a._buf
        for p, v in zip(positions, values):
            buf[p] = v
        return
    off, shape, strides = _basic(a, items)
    target = a._view(shape, strides, off)
    values = _value_list(a, value, shape)
    target._assign(list(values) if values is a._buf else values)


def take(a, indices, axis=None):
    from ._creation import asarray

    a = asarray(a)
    if axis is None:
        return getitem(a.reshape(-1), (asarray(indices),)) if not isinstance(indices, int) else a.reshape(-1)[indices]
    axis = L.normalize_axis(axis, a.ndim)
    key = (slice(None),) * axis + (indices if isinstance(indices, int) else asarray(indices),)
    return getitem(a, key)
