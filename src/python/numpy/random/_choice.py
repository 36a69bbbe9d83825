"""RandomState.choice as numpy 1.24's mtrand.pyx does it (same draws in the same order)."""

import math
import operator

from .. import _dtypes as D
from .. import _layout as L
from .._ndarray import ndarray
from .._scalars import generic


def _kahan_sum(values):
    if not values:
        return 0.0
    s = values[0]
    c = 0.0
    for v in values[1:]:
        y = v - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


def _check_p(p, pop_size):
    from .._creation import asarray

    atol = math.sqrt(2.220446049250313e-16)
    if isinstance(p, ndarray) and p._dtype.kind == 'f':
        atol = max(atol, math.sqrt({64: 2.220446049250313e-16, 32: 1.1920929e-07, 16: 0.000977}[p._dtype.bits]))
    p = asarray(p, dtype=D.float64)
    if p.ndim != 1:
        raise ValueError("'p' must be 1-dimensional")
    if p.size != pop_size:
        raise ValueError("'a' and 'p' must have same size")
    vals = p._values()
    p_sum = _kahan_sum(vals)
    if p_sum != p_sum:
        raise ValueError("probabilities contain NaN")
    if any(v < 0 for v in vals):
        raise ValueError("probabilities are not non-negative")
    if abs(p_sum - 1.0) > atol:
        raise ValueError("probabilities do not sum to 1")
    return p


def _cdf_search(p, uniform):
    from .._reductions import cumsum
    from .._sorting import searchsorted

    cdf = cumsum(p)
    last = cdf._values()[-1]
    cdf = ndarray._make([v / last for v in cdf._values()], cdf._shape, D.float64)
    return searchsorted(cdf, uniform, side='right')


def choice(rs, a, size=None, replace=True, p=None):
    from .._creation import array, zeros

    a = array(a, copy=False)
    if a.ndim == 0:
        try:
            pop_size = operator.index(a.item())
        except TypeError:
            raise ValueError("a must be 1-dimensional or an integer") from None
        if pop_size <= 0 and (size is None or L.prod(_shape(size)) != 0):
            raise ValueError("a must be greater than 0 unless no samples are taken")
    elif a.ndim != 1:
        raise ValueError("a must be 1-dimensional")
    else:
        pop_size = a._shape[0]
        if pop_size == 0 and (size is None or L.prod(_shape(size)) != 0):
            raise ValueError("'a' cannot be empty unless no samples are taken")
    if p is not None:
        p = _check_p(p, pop_size)
    is_scalar = size is None
    shape = () if is_scalar else _shape(size)
    n = L.prod(shape)
    if replace:
        if p is not None:
            idx = _cdf_search(p, rs.random_sample(shape))
            idx = array(idx, copy=False).astype(D.int64)
        else:
            idx = rs.randint(0, pop_size, size=shape)
    else:
        if n > pop_size:
            raise ValueError("Cannot take a larger sample than population when 'replace=False'")
        if p is not None:
            if sum(1 for v in p._values() if v > 0) < n:
                raise ValueError("Fewer non-zero entries in p than size")
            idx = _choice_p_no_replace(rs, p.copy(), shape, n)
        else:
            idx = rs.permutation(pop_size)[:n]
            idx.shape = shape
    if is_scalar and isinstance(idx, ndarray):
        idx = idx.item(0)
    if a.ndim == 0:
        return idx
    if not is_scalar and isinstance(idx, ndarray) and idx.ndim == 0:
        res = zeros((), dtype=a._dtype)
        res[()] = a[idx]
        return res
    return a[idx]


def _choice_p_no_replace(rs, p, shape, n):
    from .._creation import zeros
    from .._sorting import unique

    found = zeros(shape, dtype=D.int64)
    flat_found = found.reshape(-1)
    n_uniq = 0
    while n_uniq < n:
        x = rs.rand(n - n_uniq)
        if n_uniq > 0:
            p[flat_found[0:n_uniq]] = 0
        new = _cdf_search(p, x)
        _, unique_indices = unique(new, return_index=True)
        unique_indices.sort()
        new = new.take(unique_indices)
        flat_found[n_uniq : n_uniq + new.size] = new
        n_uniq += new.size
    return found


def _shape(size):
    if isinstance(size, (int, generic)):
        return (operator.index(size),)
    return tuple(operator.index(s) for s in size)


def generator_choice(rng, a, size=None, replace=True, p=None, axis=0, shuffle=True):
    """Generator.choice as numpy 1.24's _generator.pyx: Lemire integers with replacement, Floyd's algorithm
    with a hash set (or a partial shuffle for large populations) without."""
    from .._creation import array
    from .._indexing import take

    a = array(a, copy=False)
    if a.ndim == 0:
        try:
            pop_size = operator.index(a.item())
        except TypeError:
            raise ValueError(f"a must be a sequence or an integer, not {type(a)}") from None
        if pop_size <= 0 and (size is None or L.prod(_shape(size)) != 0):
            raise ValueError("a must be a positive integer unless no samples are taken")
    else:
        pop_size = a._shape[axis]
        if pop_size == 0 and (size is None or L.prod(_shape(size)) != 0):
            raise ValueError("a cannot be empty unless no samples are taken")
    if p is not None:
        p = _check_p(p, pop_size)
    is_scalar = size is None
    shape = () if is_scalar else _shape(size)
    n = L.prod(shape)
    if replace:
        if p is not None:
            idx = array(_cdf_search(p, rng.random(shape)), copy=False).astype(D.int64)
        else:
            idx = rng.integers(0, pop_size, size=shape)
    else:
        if n > pop_size:
            raise ValueError("Cannot take a larger sample than population when replace is False")
        if p is not None:
            if sum(1 for v in p._values() if v > 0) < n:
                raise ValueError("Fewer non-zero entries in p than size")
            idx = _choice_p_no_replace(_Randoms(rng), p.copy(), shape, n)
        else:
            idx = ndarray._make(_floyd(rng, pop_size, n, shuffle), (n,), D.int64)
            idx.shape = shape
    if is_scalar and isinstance(idx, ndarray):
        idx = idx.item(0)
    if a.ndim == 0:
        return idx
    if not is_scalar and isinstance(idx, ndarray) and idx.ndim == 0:
        res = zeros_like_scalar(a)
        res[()] = a[idx]
        return res
    return take(a, idx if isinstance(idx, ndarray) else int(idx), axis=axis)


class _Randoms:
    """The `rand(n)` that _choice_p_no_replace calls, for a Generator (its `random((n,))`)."""

    def __init__(self, rng):
        self.rand = lambda k: rng.random((k,))


def zeros_like_scalar(a):
    from .._creation import zeros

    return zeros((), dtype=a._dtype)


def _shuffle_int(rng, data, n, first):
    for i in range(n - 1, first - 1, -1):
        j = rng._lemire(i)
        data[i], data[j] = data[j], data[i]


def _floyd(rng, pop_size, size, shuffle):
    if pop_size > 10000 and size > pop_size // (50 if shuffle else 20):
        data = list(range(pop_size))
        _shuffle_int(rng, data, pop_size, max(pop_size - size, 1))
        return data[pop_size - size :]
    set_size = int(1.2 * size)
    mask = _gen_mask(set_size)
    table = [-1] * (mask + 1)
    out = [0] * size
    for j in range(pop_size - size, pop_size):
        val = rng._lemire(j)
        loc = val & mask
        while table[loc] != -1 and table[loc] != val:
            loc = (loc + 1) & mask
        if table[loc] == -1:
            table[loc] = val
            out[j - pop_size + size] = val
        else:
            loc = j & mask
            while table[loc] != -1:
                loc = (loc + 1) & mask
            table[loc] = j
            out[j - pop_size + size] = j
    if shuffle:
        _shuffle_int(rng, out, size, 1)
    return out


def _gen_mask(m):
    for s in (1, 2, 4, 8, 16, 32):
        m |= m >> s
    return m
