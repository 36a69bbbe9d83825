"""Axes.quiver: a field of arrows (the gradient pictures of "Deep Learning from Scratch" ch4 draw
`-grad` with plt.quiver). Each arrow is a shaft and two head strokes, all sent as one line broken by NaNs,
so the figure protocol needs no new artist kind. Lengths follow matplotlib's autoscale (the mean arrow is
1/(1.8 * max(10, sqrt(N))) of the axes width) unless scale is given; heads are drawn as strokes, not the
filled polygons matplotlib draws."""

import math

from ._artists import Line2D
from ._values import finite_range, values

_NAN = math.nan


def _parse(args):
    n = len(args)
    if n in (2, 3):
        u, v = values(args[0], 'U'), values(args[1], 'V')
        rows, cols = (u.shape + (1, 1))[:2] if len(u.shape) == 2 else (1, len(u.flat))
        x = [float(j) for _ in range(rows) for j in range(cols)]
        y = [float(i) for i in range(rows) for _ in range(cols)]
        return x, y, u.flat, v.flat
    if n in (4, 5):
        x, y = values(args[0], 'X').flat, values(args[1], 'Y').flat
        u, v = values(args[2], 'U').flat, values(args[3], 'V').flat
        if len(x) != len(u) and len(y) * len(x) == len(u):
            # 1-D X and Y name the columns and rows of a 2-D U, V grid.
            x, y = [xv for _ in y for xv in x], [yv for yv in y for _ in x]
        return x, y, u, v
    raise TypeError(f'quiver() takes from 2 to 5 positional arguments but {n} were given')


class Quiver(Line2D):
    __module__ = 'matplotlib.quiver'

    def __init__(self, x, y, u, v, color, scale, scale_units, pivot, label):
        if not (len(x) == len(y) == len(u) == len(v)):
            raise ValueError('X, Y, U and V must have the same number of elements')
        self.X, self.Y, self.U, self.V = x, y, u, v
        self.scale = scale
        self._scale_units = scale_units
        self._pivot = {'middle': 'mid'}.get(pivot, pivot)
        super().__init__([], [], color, linewidth=1.0, label=label)
        self.N = len(x)

    def limits(self):
        # matplotlib widens the data limits by the arrow positions only, not their tips.
        return finite_range(self.X), finite_range(self.Y), (), ()

    def _data_per_unit(self):
        mags = [math.hypot(a, b) for a, b in zip(self.U, self.V) if math.isfinite(a) and math.isfinite(b)]
        if self._scale_units == 'xy' and self.scale:
            return 1.0 / self.scale
        lo_hi = finite_range(self.X)
        span = (lo_hi[1] - lo_hi[0]) * 1.1 if lo_hi and lo_hi[1] > lo_hi[0] else 1.0
        if self.scale:
            return span / self.scale
        amean = sum(mags) / len(mags) if mags else 0.0
        return span / (1.8 * amean * max(10.0, math.sqrt(self.N))) if amean else 0.0

    def to_json(self):
        k = self._data_per_unit()
        xs, ys = [], []
        for x0, y0, a, b in zip(self.X, self.Y, self.U, self.V):
            dx, dy = a * k, b * k
            shift = {'tail': 0.0, 'mid': 0.5, 'tip': 1.0}.get(self._pivot, 0.0)
            x0, y0 = x0 - shift * dx, y0 - shift * dy
            x1, y1 = x0 + dx, y0 + dy
            hx, hy = 0.3 * dx, 0.3 * dy
            xs += [x0, x1, _NAN, x1 - hx - 0.5 * hy, x1, x1 - hx + 0.5 * hy, _NAN]
            ys += [y0, y1, _NAN, y1 - hy + 0.5 * hx, y1, y1 - hy - 0.5 * hx, _NAN]
        self._x, self._y = xs, ys
        return super().to_json()


def quiver(ax, args, kw):
    x, y, u, v = _parse(args)
    color = kw.get('color', kw.get('facecolor', kw.get('fc', 'k')))
    pivot = kw.get('pivot', 'tail')
    if pivot not in ('tail', 'mid', 'middle', 'tip'):
        raise ValueError(f"{pivot!r} is not a valid value for pivot; supported values are 'tail', 'middle', 'tip'")
    q = Quiver(x, y, u, v, color, kw.get('scale'), kw.get('scale_units'), pivot, kw.get('label', ''))
    return ax._add(q)
