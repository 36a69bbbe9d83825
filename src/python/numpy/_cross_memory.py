"""np.cross (numpy 1.24's numeric.cross: the same products and differences, in its order, over the last axis of
broadcast operands) and np.shares_memory / np.may_share_memory (our views share one buffer list, so two arrays
overlap when they hold a common element position of the same buffer)."""

from . import _layout as L
from ._creation import asarray
from ._shape import moveaxis, stack


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa, axisb, axisc = (axis,) * 3
    a, b = asarray(a), asarray(b)
    a = moveaxis(a, axisa, -1)
    b = moveaxis(b, axisb, -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError('incompatible dimensions for cross product\n(dimension must be 2 or 3)')
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return a0 * b1 - a1 * b0
    if a.shape[-1] == 3:
        a2 = a[..., 2]
        if b.shape[-1] == 3:
            b2 = b[..., 2]
            parts = [a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0]
        else:
            parts = [-(a2 * b1), a2 * b0, a0 * b1 - a1 * b0]
    else:
        b2 = b[..., 2]
        parts = [a1 * b2, -(a0 * b2), a0 * b1 - a1 * b0]
    return moveaxis(stack(parts, axis=-1), -1, axisc)


def _positions(x):
    """(buffer, element positions) of an array, or None for anything that is not one."""
    from ._ndarray import ndarray

    if not isinstance(x, ndarray) or L.prod(x._shape) == 0:
        return None
    return x._buf, L.offsets(x._off, x._shape, x._strides)


def shares_memory(a, b, max_work=None):
    pa, pb = _positions(a), _positions(b)
    if pa is None or pb is None or pa[0] is not pb[0]:
        return False
    return not set(pa[1]).isdisjoint(pb[1])


def may_share_memory(a, b, max_work=None):
    """numpy's bounds check: the ranges of memory the two arrays span overlap."""
    pa, pb = _positions(a), _positions(b)
    if pa is None or pb is None or pa[0] is not pb[0]:
        return False
    return min(pa[1]) <= max(pb[1]) and min(pb[1]) <= max(pa[1])
