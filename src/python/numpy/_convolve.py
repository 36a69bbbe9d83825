"""1-D discrete convolution and correlation (numpy 1.24's convolve and correlate): the running average of a
loss curve, `np.convolve(losses, np.ones(k) / k, mode='valid')`, as training-plot helpers draw it. Each
output is a sum of products taken in index order."""

import struct

from . import _dtypes as D

_F32 = struct.Struct('<f')


def _round32(v):
    return _F32.unpack(_F32.pack(v))[0]


_MODES = {'valid': 'valid', 'same': 'same', 'full': 'full', 0: 'valid', 1: 'same', 2: 'full', 'v': 'valid'}
_MODES.update({'s': 'same', 'f': 'full'})


def _operands(a, v):
    from ._creation import array
    from ._info import result_type

    a, v = array(a, ndmin=1), array(v, ndmin=1)
    if a.ndim > 1 or v.ndim > 1:
        raise ValueError('object too deep for desired array')
    return a, v, result_type(a, v)


def _mode(mode):
    if mode not in _MODES:
        raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
    return _MODES[mode]


def _correlate(x, y, mode, dtype):
    """numpy's correlation of two 1-D value lists: c[k] = sum_n x[n + k] * y[n], over the lags `mode` keeps."""
    from ._ndarray import ndarray

    n1, n2 = len(x), len(y)
    if dtype.kind == 'b':
        dtype = D.bool_
    lags = range(-(n2 - 1), n1)  # the full correlation, then the window of the mode
    # float32 as numpy 1.24 sums them (matched against it): a full-overlap window rounds each product and each
    # addition to float32; a partial one at the edges adds the float32 products in double, rounded once
    rnd = _round32 if dtype == D.float32 else None
    overlap = min(n1, n2)
    full = []
    for k in lags:
        total = 0
        span = range(max(0, -k), min(n2, n1 - k))
        if rnd is None:
            for n in span:
                total += x[n + k] * y[n]
        elif len(span) == overlap:
            for n in span:
                total = rnd(total + rnd(x[n + k] * y[n]))
        else:
            for n in span:  # a plain loop: sum() of floats compensates (Python 3.12)
                total += rnd(x[n + k] * y[n])
            total = rnd(total)
        full.append(total)
    if mode == 'full':
        out = full
    elif mode == 'valid':
        start = n2 - 1 if n1 >= n2 else n1 - 1
        out = full[start : start + abs(n1 - n2) + 1]
    else:
        start = n2 - 1 - n2 // 2 if n1 >= n2 else n1 // 2
        out = full[start : start + max(n1, n2)]
    if dtype.kind == 'f':
        out = [float(t) for t in out]
    elif dtype.kind == 'b':
        out = [bool(t) for t in out]
    return ndarray._make(out, (len(out),), dtype)


def correlate(a, v, mode='valid'):
    a, v, dtype = _operands(a, v)
    mode = _mode(mode)
    if a.size == 0 or v.size == 0:
        raise ValueError(f"{'a' if a.size == 0 else 'v'} cannot be empty")
    return _correlate(a._values(), v._values(), mode, dtype)


def convolve(a, v, mode='full'):
    a, v, dtype = _operands(a, v)
    if v.size > a.size:
        a, v = v, a
    if a.size == 0:
        raise ValueError('a cannot be empty')
    if v.size == 0:
        raise ValueError('v cannot be empty')
    mode = _mode(mode)
    return _correlate(a._values(), v._values()[::-1], mode, dtype)
