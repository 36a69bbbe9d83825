"""Numbers in, as matplotlib takes them (lists, numpy arrays, torch tensors, scalars), and the numeric helpers
pyplot needs: matplotlib's MaxNLocator (contour levels), numpy's histogram edges and counts."""

import math


class Values:
    """A flat C-order list of floats with its shape (what np.asarray(x, float) would give)."""

    __slots__ = ('flat', 'shape')

    def __init__(self, flat, shape):
        self.flat = flat
        self.shape = tuple(shape)

    @property
    def ndim(self):
        return len(self.shape)

    def __len__(self):
        return self.shape[0] if self.shape else 1

    def rows(self):
        """A 2-D array as a list of rows."""
        n = self.shape[1]
        return [self.flat[i * n : (i + 1) * n] for i in range(self.shape[0])]

    def column(self, j):
        n = self.shape[1]
        return self.flat[j::n]


def values(x, name='data'):
    """x as Values of floats; tensors and arrays through our numpy (a tensor that requires grad raises what
    numpy raises for it with PyTorch)."""
    import numpy as np

    if isinstance(x, Values):
        return x
    # Fast paths (a list of losses, one of our arrays, a tensor without grad): no element-wise numpy work.
    if isinstance(x, (list, tuple)) and all(isinstance(v, (float, int)) for v in x):
        return Values([float(v) for v in x], (len(x),))
    module = type(x).__module__.split('.')[0]
    if module == 'numpy' and type(x).__name__ == 'ndarray' and x.dtype.kind in 'fiub':
        return Values([float(v) for v in x._values()], x.shape)
    if module == 'torch' and type(x).__name__ in ('Tensor', 'Parameter') and not getattr(x, 'requires_grad', True):
        flat = x.reshape(-1).tolist()
        return Values([float(v) for v in flat], tuple(x.shape))
    try:
        a = np.asarray(x)
        if a.dtype.kind in 'US' or a.dtype == object:
            raise TypeError
        a = a.astype(np.float64)
    except (TypeError, ValueError):
        raise TypeError(f'{name} must be numbers (a list, a numpy array or a tensor), not {type(x).__name__}') from None
    return Values([float(v) for v in a.ravel().tolist()], a.shape)


def is_strings(x):
    return isinstance(x, (list, tuple)) and len(x) > 0 and all(isinstance(v, str) for v in x)


def finite(v):
    return v == v and v not in (math.inf, -math.inf)


def clean(seq):
    """For JSON: floats with non-finite values as None (null)."""
    return [v if finite(v) else None for v in seq]


def finite_range(seq, positive=False):
    lo = math.inf
    hi = -math.inf
    for v in seq:
        if finite(v) and (not positive or v > 0):
            if v < lo:
                lo = v
            if v > hi:
                hi = v
    return (lo, hi) if lo <= hi else None


# --- matplotlib.ticker.MaxNLocator (contour levels) --------------------------------------------------------
def _nonsingular(vmin, vmax, expander=1e-13, tiny=1e-14):
    if not (finite(vmin) and finite(vmax)):
        return -expander, expander
    swapped = vmax < vmin
    if swapped:
        vmin, vmax = vmax, vmin
    maxabs = max(abs(vmin), abs(vmax))
    if maxabs < (1e6 / tiny) * 2.2250738585072014e-308:
        vmin, vmax = -expander, expander
    elif vmax - vmin <= maxabs * tiny:
        if vmax == 0 and vmin == 0:
            vmin, vmax = -expander, expander
        else:
            vmin -= expander * abs(vmin)
            vmax += expander * abs(vmax)
    if swapped:
        vmin, vmax = vmax, vmin
    return vmin, vmax


def _scale_range(vmin, vmax, n):
    dv = abs(vmax - vmin)
    meanv = (vmax + vmin) / 2
    offset = 0 if abs(meanv) / dv < 100 else math.copysign(10 ** (math.log10(abs(meanv)) // 1), meanv)
    return 10 ** (math.log10(dv / n) // 1), offset


def _close(ms, edge, step, offset):
    if offset > 0:
        tol = min(0.4999, max(1e-10, 10 ** (math.log10(offset / step) - 12)))
    else:
        tol = 1e-10
    return abs(ms - edge) < tol


def max_n_locator(vmin, vmax, nbins, steps=(1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10), min_n_ticks=2):
    """matplotlib.ticker.MaxNLocator(nbins, steps, min_n_ticks).tick_values(vmin, vmax)."""
    vmin, vmax = _nonsingular(vmin, vmax)
    scale, offset = _scale_range(vmin, vmax, nbins)
    _vmin = vmin - offset
    _vmax = vmax - offset
    raw_step = (_vmax - _vmin) / nbins
    extended = [0.1 * s for s in steps[:-1]] + list(steps) + [10 * steps[1]]
    extended = [s * scale for s in extended]
    istep = next(i for i, s in enumerate(extended) if s >= raw_step)
    ticks = []
    for step in reversed(extended[: istep + 1]):
        best_vmin = (_vmin // step) * step
        d, m = divmod(_vmin - best_vmin, step)
        low = d + 1 if _close(m / step, 1, step, abs(offset)) else d
        d, m = divmod(_vmax - best_vmin, step)
        high = d if _close(m / step, 0, step, abs(offset)) else d + 1
        ticks = [k * step + best_vmin for k in range(int(low), int(high) + 1)]
        if sum(1 for t in ticks if _vmin <= t <= _vmax) >= min_n_ticks:
            break
    return [t + offset for t in ticks]


def contour_levels(zmin, zmax, n=7):
    """matplotlib's automatic contour levels (ContourSet._autolev) for n levels."""
    lev = max_n_locator(zmin, zmax, n + 1, min_n_ticks=1)
    under = [i for i, v in enumerate(lev) if v < zmin]
    i0 = under[-1] if under else 0
    over = [i for i, v in enumerate(lev) if v > zmax]
    i1 = over[0] + 1 if over else len(lev)
    if i1 - i0 < 3:
        i0, i1 = 0, len(lev)
    return lev[i0:i1]


# --- numpy.histogram ---------------------------------------------------------------------------------------
def histogram_edges(data, bins, range_=None):
    if isinstance(bins, int):
        if bins < 1:
            raise ValueError('`bins` must be positive, when an integer')
        if range_ is not None:
            lo, hi = float(range_[0]), float(range_[1])
        else:
            r = finite_range(data)
            lo, hi = r if r else (0.0, 1.0)
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        return [lo + (hi - lo) * i / bins for i in range(bins)] + [hi]
    if isinstance(bins, str):
        raise NotImplementedError(f"hist(bins={bins!r}) is not supported by Backprop Lens (give a number of bins)")
    edges = values(bins, 'bins').flat
    if any(b > a for a, b in zip(edges[1:], edges)):
        raise ValueError('`bins` must increase monotonically, when an array')
    return edges


def histogram_counts(data, edges, weights=None):
    import bisect

    n = len(edges) - 1
    counts = [0.0] * n
    lo, hi = edges[0], edges[-1]
    for k, v in enumerate(data):
        if not (lo <= v <= hi):
            continue
        i = bisect.bisect_right(edges, v) - 1
        counts[min(i, n - 1)] += 1.0 if weights is None else weights[k]
    return counts
