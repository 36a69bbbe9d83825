"""Shapes, strides (in elements), broadcasting and the flat positions of an array's elements."""

import operator

from ._errors import AxisError


def prod(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def c_strides(shape):
    strides = []
    step = 1
    for d in reversed(shape):
        strides.append(step)
        step *= d if d > 0 else 1
    return tuple(reversed(strides))


def is_c_contiguous(shape, strides):
    step = 1
    for d, s in zip(reversed(shape), reversed(strides)):
        if d == 0:
            return True
        if d != 1 and s != step:
            return False
        step *= d
    return True


def offsets(off, shape, strides):
    """Buffer positions of every element, in C order."""
    out = [off]
    for n, s in zip(shape, strides):
        if n == 1:
            continue
        if n == 0:
            return []
        steps = [i * s for i in range(n)]
        out = [o + t for o in out for t in steps]
    return out


def broadcast_shapes(*shapes):
    ndim = max((len(s) for s in shapes), default=0)
    out = [1] * ndim
    for shape in shapes:
        pad = ndim - len(shape)
        for i, d in enumerate(shape):
            cur = out[pad + i]
            if d != cur:
                if cur == 1:
                    out[pad + i] = d
                elif d != 1:
                    raise ValueError(f"operands could not be broadcast together with shapes {_shapes(shapes)} ")
    return tuple(out)


def _shapes(shapes):
    return ' '.join(shape_str(s) for s in shapes)


def shape_str(shape):
    """numpy's shape text in messages: (3,) and (2,3) (no spaces)."""
    if len(shape) == 1:
        return f"({shape[0]},)"
    return '(' + ','.join(str(d) for d in shape) + ')'


def broadcast_strides(shape, strides, out_shape):
    """Strides that view (shape, strides) as out_shape (0 on broadcast dimensions)."""
    pad = len(out_shape) - len(shape)
    res = [0] * pad
    for d, s, od in zip(shape, strides, out_shape[pad:]):
        res.append(0 if d == 1 and od != 1 else s)
    return tuple(res)


def normalize_axis(axis, ndim):
    try:
        axis = operator.index(axis)
    except TypeError:
        raise TypeError(f"'{type(axis).__name__}' object cannot be interpreted as an integer") from None
    if axis < -ndim or axis >= ndim:
        raise AxisError(axis, ndim)
    return axis + ndim if axis < 0 else axis


def normalize_axes(axis, ndim):
    """A sorted tuple of distinct axes from None, an int or a sequence."""
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (tuple, list)):
        axes = tuple(normalize_axis(a, ndim) for a in axis)
        if len(set(axes)) != len(axes):
            raise ValueError("duplicate value in 'axis'")
        return tuple(sorted(axes))
    return (normalize_axis(axis, ndim),)


def shape_arg(args):
    """zeros(3), zeros((2, 3)), reshape(2, 3), reshape([2, 3]) -> a tuple of ints."""
    if len(args) == 1:
        a = args[0]
        if a is None:
            return ()
        if isinstance(a, (tuple, list)):
            return tuple(operator.index(d) for d in a)
        if hasattr(a, '__len__') and not hasattr(a, '__index__'):
            return tuple(operator.index(d) for d in a)
        return (operator.index(a),)
    return tuple(operator.index(d) for d in args)


def chunk(values, shape):
    """Nested lists of `values` (flat, C order) in `shape`."""
    if not shape:
        return values[0]
    if len(shape) == 1:
        return list(values)
    step = prod(shape[1:])
    return [chunk(values[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def lanes(a, axis):
    """The 1-D lanes of `a` along `axis` (lists of values, C order over the other axes) and that order's shape."""
    shape, strides = a._shape, a._strides
    other = [i for i in range(len(shape)) if i != axis]
    other_shape = tuple(shape[i] for i in other)
    n, st = shape[axis], strides[axis]
    buf = a._readable()
    steps = [k * st for k in range(n)]
    return [[buf[o + s] for s in steps] for o in offsets(a._off, other_shape, [strides[i] for i in other])], other_shape


def from_lanes(lane_values, a, axis, dtype):
    """The array of a's shape whose lanes along `axis` are lane_values (as returned by `lanes`)."""
    from ._ndarray import ndarray

    shape = a._shape
    n = shape[axis]
    inner = prod(shape[axis + 1 :])
    out = [None] * prod(shape)
    for li, lane in enumerate(lane_values):
        outer_i, inner_i = divmod(li, inner) if inner else (li, 0)
        base = outer_i * n * inner + inner_i
        for k, v in enumerate(lane):
            out[base + k * inner] = v
    return ndarray._make(out, shape, dtype)


def iteration_perm(arrays, shape):
    """numpy's nditer axis order (outer to inner) for these operands broadcast to `shape` (its insertion sort
    of axes by stride, C order winning ties and conflicts), or None when it is plain C order. Arrays that
    numpy allocates in 'K' order (ufunc outputs, astype) take this layout."""
    ndim = len(shape)
    if ndim < 2:
        return None
    strides = []
    for a in arrays:
        bs = broadcast_strides(a._shape, a._strides, shape)
        strides.append([0 if shape[i] == 1 else s for i, s in enumerate(bs)])
    order = list(range(ndim))[::-1]  # innermost first, as numpy's axisdata
    for i0 in range(1, ndim):
        ipos = i0
        j0 = order[i0]
        for i1 in range(i0 - 1, -1, -1):
            ambig, swap = True, False
            j1 = order[i1]
            for st in strides:
                s0, s1 = st[j0], st[j1]
                if s0 != 0 and s1 != 0:
                    if abs(s1) <= abs(s0):
                        swap = False
                    elif ambig:
                        swap = True
                    ambig = False
            if not ambig:
                if swap:
                    ipos = i1
                else:
                    break
        if ipos != i0:
            order.insert(ipos, order.pop(i0))
    perm = order[::-1]
    return None if perm == list(range(ndim)) else perm


def values_in(a, shape, perm):
    """a's values broadcast to `shape`, in the memory order of layout `perm` (outer to inner axes)."""
    bs = broadcast_strides(a._shape, a._strides, shape)
    buf = a._readable()
    return [buf[o] for o in offsets(a._off, [shape[p] for p in perm], [bs[p] for p in perm])]


def perm_strides(shape, perm):
    """Strides of a dense array of `shape` laid out in the axis order `perm`."""
    cs = c_strides([shape[p] for p in perm])
    strides = [0] * len(shape)
    for k, p in enumerate(perm):
        strides[p] = cs[k]
    return tuple(strides)
