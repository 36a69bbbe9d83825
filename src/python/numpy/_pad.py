"""np.pad: "Deep Learning from Scratch" pads images before im2col (`np.pad(x, [(0,0), (0,0), (p,p), (p,p)],
'constant')`). The constant mode writes the array into a block filled with the constant; edge, reflect,
symmetric and wrap gather each axis in turn with an index list (numpy 1.24's iterative filling replayed on
positions)."""

from . import _dtypes as D
from ._errors import unsupported

_GATHER_MODES = ('edge', 'reflect', 'symmetric', 'wrap')


def _shape_text(shape):
    return '(' + ','.join(str(n) for n in shape) + (',)' if len(shape) == 1 else ')')


def _as_pairs(x, ndim):
    """numpy's _as_pairs: a scalar, (v,), (before, after) or one pair per axis, as ndim (before, after)."""
    import numpy as np

    arr = np.asarray(x)
    if arr.ndim < 3 and arr.size == 1:
        v = arr.ravel().tolist()[0]
        return [(v, v)] * ndim
    if arr.ndim < 3 and arr.size == 2 and arr.shape != (2, 1):
        b, e = arr.ravel().tolist()
        return [(b, e)] * ndim
    try:
        arr = np.broadcast_to(arr, (ndim, 2))
    except ValueError:
        raise ValueError(
            'operands could not be broadcast together with remapped shapes [original->remapped]: '
            f'{_shape_text(arr.shape)}  and requested shape ({ndim},2)'
        ) from None
    return [(p[0], p[1]) for p in arr.tolist()]


def _reflect_step(p, left, right, include_edge):
    old = len(p) - right - left
    offset = 1 if include_edge else 0
    if not include_edge:
        old -= 1
    if left > 0:
        size = min(old, left)
        stop = left - offset
        p[left - size : left] = p[stop + size : stop : -1]
        left -= size
    if right > 0:
        size = min(old, right)
        start = -right + offset - 2
        chunk = p[start : start - size : -1]
        at = len(p) - right
        p[at : at + size] = chunk
        right -= size
    return left, right


def _wrap_step(p, left, right):
    period = len(p) - right - left
    new_left = new_right = 0
    if left > 0:
        chunk = p[-right - min(period, left) : -right if right else None]
        if left > period:
            p[left - period : left] = chunk
            new_left = left - period
        else:
            p[:left] = chunk
    if right > 0:
        chunk = p[left : left + min(period, right)]
        if right > period:
            p[len(p) - right : len(p) - right + period] = chunk
            new_right = right - period
        else:
            p[len(p) - right :] = chunk
    return new_left, new_right


def _index_map(n, b, e, mode):
    """Which source position each padded position copies along one axis: numpy 1.24's iterative filling
    (arraypad.py), replayed on positions, so that its quirks (wrap pads wider than the axis reuse the
    left padding) come out the same."""
    if mode == 'edge' or (mode in ('reflect', 'symmetric') and n == 1):
        return [min(max(j - b, 0), n - 1) for j in range(n + b + e)]
    p = [0] * b + list(range(n)) + [0] * e
    left, right = b, e
    while left > 0 or right > 0:
        if mode == 'wrap':
            left, right = _wrap_step(p, left, right)
        else:
            left, right = _reflect_step(p, left, right, mode == 'symmetric')
    return p


def pad(array, pad_width, mode='constant', **kwargs):
    import numpy as np

    a = np.asarray(array)
    if callable(mode):
        raise unsupported('np.pad with a function as mode', "use 'constant', 'edge', 'reflect', 'symmetric' or 'wrap'")
    allowed = {
        'constant': {'constant_values'},
        'edge': set(),
        'wrap': set(),
        'reflect': {'reflect_type'},
        'symmetric': {'reflect_type'},
        'empty': set(),
    }
    if mode in ('linear_ramp', 'maximum', 'mean', 'median', 'minimum'):
        raise unsupported(f"np.pad(mode='{mode}')", "use 'constant', 'edge', 'reflect', 'symmetric' or 'wrap'")
    if mode not in allowed:
        raise ValueError(f"mode '{mode}' is not supported")
    extra = set(kwargs) - allowed[mode]
    if extra:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': {extra}")
    if kwargs.get('reflect_type', 'even') != 'even':
        raise unsupported("np.pad(reflect_type='odd')")
    pw = np.asarray(pad_width)
    if pw.dtype.kind != 'i':
        raise TypeError('`pad_width` must be of integral type.')
    if pw.size and int(pw.min()) < 0:
        raise ValueError("index can't contain negative values")
    widths = _as_pairs(pw, a.ndim)
    new_shape = tuple(n + b + e for n, (b, e) in zip(a.shape, widths))
    if mode in ('constant', 'empty'):
        out = np.zeros(new_shape, dtype=a.dtype)
        values = _as_pairs(kwargs.get('constant_values', 0), a.ndim)
        # numpy fills the before/after blocks axis by axis, so later axes overwrite the corners.
        for ax, ((b, e), (vb, ve)) in enumerate(zip(widths, values)):
            lead = (slice(None),) * ax
            if b and vb:
                out[lead + (slice(0, b),)] = vb
            if e and ve:
                out[lead + (slice(new_shape[ax] - e, new_shape[ax]),)] = ve
        out[tuple(slice(b, b + n) for n, (b, _) in zip(a.shape, widths))] = a
        return out
    out = a
    for ax, (b, e) in enumerate(widths):
        if not b and not e:
            continue
        n = a.shape[ax]
        if n == 0:
            raise ValueError(f"can't extend empty axis {ax} using modes other than 'constant' or 'empty'")
        idx = _index_map(n, b, e, mode)
        out = np.take(out, np.array(idx, dtype=D.int64), axis=ax)
    return out if out is not a else a.copy()
