"""Axes.boxplot: matplotlib's box-and-whisker plot (Do it! deep learning looks at the spread of each breast cancer
feature with plt.boxplot(cancer.data)), vertical and without notches, made of the Line2D artists matplotlib makes:
a box from the first to the third quartile, the median (orange), whiskers to the furthest data within 1.5 IQR,
caps, and the points beyond as hollow circles. Positions 1..N are the x ticks; the x limits reach half a unit
past the first and last box (sticky, as matplotlib's), the y limits autoscale."""

from ._artists import Line2D
from ._errors import MissingFeature
from ._values import finite_range


class _BoxLine(Line2D):
    """matplotlib gives boxplot's lines the marker '' (not a plot line's 'None') and 1-point widths
    (rcParams['boxplot.*props.linewidth'])."""

    def __init__(self, x, y, color):
        super().__init__(x, y, color, linewidth=1.0)

    def get_marker(self):
        return self.marker


class _Median(_BoxLine):
    """The median line, which carries the box's x extent (position +- 0.5) as sticky edges."""

    def __init__(self, x, y, position):
        super().__init__(x, y, 'C1')
        self._edges = (position - 0.5, position + 0.5)

    def limits(self):
        xr = finite_range(list(self._x) + list(self._edges))
        return xr, finite_range(self._y), self._edges, ()


def _datasets(x):
    """matplotlib's cbook._reshape_2D: the columns of a 2-D array, one 1-D array, or each item of a list."""
    import numpy as np

    if hasattr(x, 'shape') and len(x.shape) == 2:
        a = np.asarray(x)
        return [a[:, j] for j in range(a.shape[1])]
    if hasattr(x, 'shape') and len(x.shape) <= 1:
        return [np.atleast_1d(np.asarray(x))]
    items = list(x)
    if all(not hasattr(v, '__len__') for v in items):
        return [np.asarray(items)]
    return [np.asarray(v).ravel() for v in items]


def _stats(x, whis, autorange):
    """cbook.boxplot_stats for one dataset: quartiles, whisker ends and fliers."""
    import numpy as np

    q1, med, q3 = np.percentile(x, [25, 50, 75])
    iqr = q3 - q1
    if iqr == 0 and autorange:
        whis = (0, 100)
    if isinstance(whis, (tuple, list)):
        loval, hival = np.percentile(x, whis)
    else:
        loval, hival = q1 - whis * iqr, q3 + whis * iqr
    high = x[x <= hival]
    whishi = q3 if len(high) == 0 or np.max(high) < q3 else np.max(high)
    low = x[x >= loval]
    whislo = q1 if len(low) == 0 or np.min(low) > q1 else np.min(low)
    fliers = np.concatenate([x[x < whislo], x[x > whishi]])
    return q1, med, q3, whislo, whishi, fliers


def _line(cls, x, y, *args, **kw):
    import numpy as np

    line = cls([float(v) for v in x], [float(v) for v in y], *args, **kw)
    line._xorig, line._yorig = np.asarray(x), np.asarray(y)
    return line


def boxplot(
    ax,
    x,
    notch=None,
    sym=None,
    vert=None,
    whis=None,
    positions=None,
    widths=None,
    patch_artist=None,
    showmeans=None,
    showfliers=None,
    labels=None,
    manage_ticks=True,
    autorange=False,
    **kw,
):
    import numpy as np

    for name, value in (
        ('notch', notch),
        ('vert=False', vert is False),
        ('patch_artist', patch_artist),
        ('showmeans', showmeans),
    ):
        if value:
            raise MissingFeature(f'boxplot({name}) is not supported by Backprop Lens (plain vertical boxes are)')
    if kw:
        raise MissingFeature(f'boxplot({", ".join(kw)}) is not supported by Backprop Lens')
    data = _datasets(x)
    n = len(data)
    positions = list(range(1, n + 1)) if positions is None else list(positions)
    if widths is None:
        span = max(positions) - min(positions) if positions else 0
        widths = [min(max(0.15 * span, 0.15), 0.5)] * n
    elif not hasattr(widths, '__len__'):
        widths = [widths] * n
    show_fliers = (showfliers is None or showfliers) and sym != ''
    out = {'whiskers': [], 'caps': [], 'boxes': [], 'medians': [], 'fliers': [], 'means': []}
    for d, pos, w in zip(data, positions, widths):
        q1, med, q3, lo, hi, fliers = _stats(d, 1.5 if whis is None else whis, autorange)
        left, right, cap = pos - w / 2, pos + w / 2, w / 4
        out['boxes'].append(_line(_BoxLine, [left, right, right, left, left], [q1, q1, q3, q3, q1], 'black'))
        out['medians'].append(_line(_Median, [left, right], [med, med], pos))
        out['whiskers'] += [
            _line(_BoxLine, [pos, pos], [q1, lo], 'black'),
            _line(_BoxLine, [pos, pos], [q3, hi], 'black'),
        ]
        out['caps'] += [_line(_BoxLine, [pos - cap, pos + cap], [v, v], 'black') for v in (lo, hi)]
        if show_fliers:
            flier = _line(
                Line2D,
                np.full(len(fliers), float(pos)),
                fliers,
                'black',
                linewidth=1.0,
                linestyle='',
                marker='o',
                markerfacecolor='none',
                markeredgecolor='black',
            )
            out['fliers'].append(flier)
    for key in ('whiskers', 'caps', 'boxes', 'medians', 'fliers'):
        for line in out[key]:
            ax._add(line)
    if manage_ticks:
        tick_labels = [str(p) for p in positions] if labels is None else list(labels)
        ax.set_xticks(positions, tick_labels)
    return out
