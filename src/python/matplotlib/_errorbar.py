"""Axes.errorbar: the data line (from fmt, '' a solid line, 'o' markers only, 'none' nothing), the error bars
as one line broken by NaNs (as quiver draws its arrows, so the figure protocol needs no new artist kind) and,
with capsize, caps drawn as '_' / '|' markers at the bars' ends (a line for each end, as matplotlib's). Returns
matplotlib's ErrorbarContainer (data_line, caplines, barlinecols)."""

import math

from . import _colors as C
from ._artists import Line2D
from ._axes_plot import _line_kwargs
from ._values import values

_NAN = math.nan


class _BarLines(Line2D):
    """The error bars (a LineCollection in matplotlib: not among ax.get_lines())."""

    __module__ = 'matplotlib.collections'
    _collection = True


_BarLines.__name__ = _BarLines.__qualname__ = 'LineCollection'


class _DataLine(Line2D):
    """The data line: labelled '_nolegend_' as matplotlib's (the label is the container's), yet drawn in the
    legend under the container's label, as matplotlib's legend shows the errorbar."""

    container = None

    def _legend_label(self):
        label = self.container._label if self.container is not None else ''
        return label if label and not label.startswith('_') else None


_DataLine.__name__ = _DataLine.__qualname__ = 'Line2D'


class ErrorbarContainer(tuple):
    __module__ = 'matplotlib.container'

    def __new__(cls, lines, has_xerr, has_yerr, label):
        self = super().__new__(cls, lines)
        self.lines, self.has_xerr, self.has_yerr = lines, has_xerr, has_yerr
        self._label = label
        return self

    def get_label(self):
        return self._label

    def set_label(self, label):
        self._label = '' if label is None else str(label)

    def __repr__(self):
        return f'<ErrorbarContainer object of {len(self)} artists>'


def _errors(err, n, name):
    """(lower, upper) per point: a scalar, n values, or a (2, n) array of distances below and above."""
    v = values(err, name)
    if v.ndim == 2:
        if v.shape != (2, n):
            raise ValueError(f"'{name}' (shape: {v.shape}) must be a scalar or a 1D or (2, n) array-like")
        lo, hi = v.flat[:n], v.flat[n:]
    else:
        flat = v.flat
        if len(flat) not in (1, n):
            raise ValueError(f"'{name}' (shape: {v.shape}) must be a scalar or a 1D or (2, n) array-like")
        lo = hi = flat * n if len(flat) == 1 else flat
    if any(e < 0 for e in lo + hi):
        raise ValueError(f"'{name}' must not contain negative values")
    return lo, hi


def errorbar(ax, x, y, yerr, xerr, fmt, kw):
    xs, ys = values(x, 'x').flat, values(y, 'y').flat
    if len(xs) != len(ys):
        raise ValueError(f"'x' and 'y' must have the same size, but {len(xs)} and {len(ys)} were given")
    n = len(xs)
    ecolor = kw.pop('ecolor', None)
    elinewidth = kw.pop('elinewidth', None)
    capsize = float(kw.pop('capsize', 0.0) or 0.0)
    kw.pop('capthick', None)
    for k in ('barsabove', 'lolims', 'uplims', 'xlolims', 'xuplims', 'errorevery'):
        kw.pop(k, None)
    line_kw = _line_kwargs(kw)
    label = line_kw.pop('label', '')
    color = line_kw.pop('color', None)
    data_line = None
    if fmt == 'none':
        color = C.to_hex(color if color is not None else ax._next_color())
    else:
        ls, marker, fmt_color = C.parse_fmt(fmt) if fmt else (None, None, None)
        color = color if color is not None else (fmt_color if fmt_color is not None else ax._next_color())
        style = line_kw.pop('linestyle', None)
        mk = line_kw.pop('marker', None)
        style = C.linestyle(style if style is not None else (ls if ls else ('' if marker else '-')))
        data_line = _DataLine(
            xs, ys, color, linestyle=style, marker=C.marker(mk if mk is not None else marker), **line_kw
        )
        data_line.set_label('_nolegend_')
    bar_color = ecolor if ecolor is not None else color
    width = float(elinewidth) if elinewidth is not None else (data_line.linewidth if data_line else 1.5)
    bx, by, caps = [], [], []
    if xerr is not None:
        lo, hi = _errors(xerr, n, 'xerr')
        for px, py, a, b in zip(xs, ys, lo, hi):
            bx += [px - a, px + b, _NAN]
            by += [py, py, _NAN]
        caps += [('|', [px - a for px, a in zip(xs, lo)], ys), ('|', [px + b for px, b in zip(xs, hi)], ys)]
    if yerr is not None:
        lo, hi = _errors(yerr, n, 'yerr')
        for px, py, a, b in zip(xs, ys, lo, hi):
            bx += [px, px, _NAN]
            by += [py - a, py + b, _NAN]
        caps += [('_', xs, [py - a for py, a in zip(ys, lo)]), ('_', xs, [py + b for py, b in zip(ys, hi)])]
    barcols = []
    if bx:
        barcols.append(ax._add(_BarLines(bx, by, bar_color, linewidth=width, label='_nolegend_')))
    caplines = []
    if capsize > 0:
        for mk, cx, cy in caps:
            cap = Line2D(cx, cy, bar_color, linestyle='', marker=mk, markersize=2 * capsize, label='_nolegend_')
            caplines.append(ax._add(cap))
    if data_line is not None:
        ax._add(data_line)
    container = ErrorbarContainer(
        (data_line, tuple(caplines), tuple(barcols)), xerr is not None, yerr is not None, label
    )
    if data_line is not None:
        data_line.container = container
    return container
