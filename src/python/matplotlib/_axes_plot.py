"""The plotting methods of Axes, with matplotlib's argument forms and defaults (the colour cycle, 1.5 pt lines,
6 pt markers, 36 pt^2 scatter points, 0.8-wide bars, 10 histogram bins, 7 automatic contour levels)."""

from . import _artists as A
from . import _colors as C
from ._mappables import AxesImage, QuadContourSet, grid_axes
from ._values import Values, histogram_counts, histogram_edges, is_strings, values

_LINE_KW = {
    'color': 'color',
    'c': 'color',
    'linestyle': 'linestyle',
    'ls': 'linestyle',
    'linewidth': 'linewidth',
    'lw': 'linewidth',
    'marker': 'marker',
    'markersize': 'markersize',
    'ms': 'markersize',
    'label': 'label',
    'alpha': 'alpha',
    'markerfacecolor': 'markerfacecolor',
    'mfc': 'markerfacecolor',
    'markeredgecolor': 'markeredgecolor',
    'mec': 'markeredgecolor',
    'markevery': 'markevery',
}
_IGNORED_KW = {'zorder', 'markeredgewidth', 'mew', 'antialiased', 'solid_capstyle', 'dash_capstyle', 'clip_on'}


def _line_kwargs(kw):
    out = {}
    for k, v in kw.items():
        if k in _LINE_KW:
            out[_LINE_KW[k]] = v
        elif k not in _IGNORED_KW:
            raise AttributeError(f'Line2D.set() got an unexpected keyword argument {k!r}')
    return out


def _given(*colors, default):
    """The first colour given (not None, not ''), else default() (the next colour of the cycle): a colour may
    be an array (a colormap's row), whose truth value is ambiguous, so `color or default` cannot be written."""
    for c in colors:
        if c is not None and not (isinstance(c, str) and c == ''):
            return c
    return default()


def _split_plot_args(args):
    """plot's positional arguments as groups of (x, y, fmt): [x], y, [fmt], [x2], y2, [fmt2], ..."""
    groups = []
    args = list(args)
    while args:
        x = y = None
        fmt = ''
        a = args.pop(0)
        if isinstance(a, str):
            raise ValueError(f'plot: a format string {a!r} must follow data')
        if args and not isinstance(args[0], str):
            x, y = a, args.pop(0)
        else:
            y = a
        if args and isinstance(args[0], str):
            fmt = args.pop(0)
        groups.append((x, y, fmt))
    return groups


def _columns(v):
    if v.ndim <= 1:
        return [v.flat]
    if v.ndim == 2:
        return [v.column(j) for j in range(v.shape[1])]
    raise ValueError(f'x and y can be no greater than 2D, but have shapes {v.shape}')


def _given_column(v, k):
    """What get_xdata/get_ydata return for column k of plot's data, as matplotlib keeps it: arrays and tensors
    as given (a column of a 2-D one), anything else through np.atleast_1d (a copy of a list)."""
    import numpy as np

    if not (hasattr(v, 'shape') and len(v.shape) >= 1):
        try:
            v = np.atleast_1d(np.asarray(v))
        except (TypeError, ValueError):
            return None
    return v[:, k] if len(v.shape) == 2 else v


def _broadcast(a, n, name):
    if len(a) == 1:
        return a * n
    if len(a) != n:
        raise ValueError(f'{name} must be a scalar or the same size as x and y')
    return a


class PlottingMixin:
    def plot(self, *args, scalex=True, scaley=True, data=None, **kwargs):
        kw = _line_kwargs(kwargs)
        lines = []
        for x, y, fmt in _split_plot_args(args):
            yv = values(y, 'y')
            ys = _columns(yv)
            n = len(ys[0])
            xs = [[float(i) for i in range(n)]] if x is None else _columns(values(x, 'x'))
            if len(xs[0]) != n:
                raise ValueError(
                    f'x and y must have same first dimension, but have shapes ({len(xs[0])},) and {yv.shape}'
                )
            ls, marker, color = C.parse_fmt(fmt) if fmt else (None, None, None)
            for k in range(max(len(xs), len(ys))):
                line_kw = dict(kw)
                c = _given(line_kw.pop('color', None), color, default=self._next_color)
                style = line_kw.pop('linestyle', None)
                mk = line_kw.pop('marker', None)
                style = C.linestyle(style if style is not None else (ls if ls else ('' if marker else '-')))
                mk = C.marker(mk if mk is not None else marker)
                C.to_rgba(c)
                line = A.Line2D(xs[k % len(xs)], ys[k % len(ys)], c, linestyle=style, marker=mk, **line_kw)
                line._xorig = None if x is None else _given_column(x, k)
                line._yorig = _given_column(y, k)
                lines.append(self._add(line))
        return lines

    def semilogy(self, *args, **kw):
        self.set_yscale('log')
        return self.plot(*args, **kw)

    def semilogx(self, *args, **kw):
        self.set_xscale('log')
        return self.plot(*args, **kw)

    def loglog(self, *args, **kw):
        self.set_xscale('log')
        self.set_yscale('log')
        return self.plot(*args, **kw)

    def scatter(
        self,
        x,
        y,
        s=None,
        c=None,
        marker=None,
        cmap=None,
        norm=None,
        vmin=None,
        vmax=None,
        alpha=None,
        linewidths=None,
        *,
        edgecolors=None,
        label=None,
        color=None,
        **kw,
    ):
        xs, ys = values(x, 'x').flat, values(y, 'y').flat
        if len(xs) != len(ys):
            raise ValueError('x and y must be the same size')
        n = len(xs)
        sizes = [36.0] if s is None else values(s, 's').flat
        _broadcast(sizes, n, 's')
        colors = cvalues = None
        if c is None and color is not None:
            c = color
        if c is None:
            colors = [C.to_hex(self._next_color())]
        elif isinstance(c, str) or (
            isinstance(c, (tuple, list))
            and len(c) in (3, 4)
            and n != len(c)
            and all(isinstance(v, (int, float)) for v in c)
        ):
            colors = [C.to_hex(c)]
        elif isinstance(c, (list, tuple)) and all(isinstance(v, str) for v in c):
            colors = _broadcast([C.to_hex(v) for v in c], n, 'c')
        else:
            cv = values(c, 'c')
            if cv.ndim == 2 and cv.shape[1] in (3, 4):
                colors = [C.to_hex(row) for row in cv.rows()]
            else:
                cvalues = _broadcast(cv.flat, n, 'c')
        pc = A.PathCollection(
            xs,
            ys,
            sizes,
            colors,
            cvalues,
            C.marker(marker or 'o'),
            'face' if edgecolors is None else C.to_hex(edgecolors),
            1.0 if linewidths is None else float(linewidths),
            alpha,
            label or '',
        )
        pc.cmap = C.get_cmap(cmap)
        if cvalues is not None:
            from ._values import finite_range

            r = finite_range(cvalues) or (0.0, 1.0)
            pc.vmin = r[0] if vmin is None else float(vmin)
            pc.vmax = r[1] if vmax is None else float(vmax)
        return self._add(pc)

    def _bars(self, x, height, width, bottom, align, color, edgecolor, linewidth, alpha, label, horizontal):
        if is_strings(list(x) if isinstance(x, tuple) else x):
            names = list(x)
            x = [float(i) for i in range(len(names))]
            ticks = {'values': x, 'labels': names}
            if horizontal:
                self._yticks = ticks
            else:
                self._xticks = ticks
        xs, hs = values(x, 'x').flat, values(height, 'height').flat
        n = max(len(xs), len(hs))
        xs, hs = _broadcast(xs, n, 'x'), _broadcast(hs, n, 'height')
        ws = _broadcast(values(width, 'width').flat, n, 'width')
        bs = _broadcast(values(0.0 if bottom is None else bottom, 'bottom').flat, n, 'bottom')
        if color is None:
            colors = [C.to_hex(self._next_color())]
        elif isinstance(color, (list, tuple)) and all(isinstance(v, str) for v in color):
            colors = _broadcast([C.to_hex(v) for v in color], n, 'color')
        else:
            colors = [C.to_hex(color)]
        rects = []
        for i in range(n):
            left = xs[i] - ws[i] / 2 if align == 'center' else xs[i]
            r = A.Rectangle((bs[i], left), hs[i], ws[i]) if horizontal else A.Rectangle((left, bs[i]), ws[i], hs[i])
            rects.append(r)
        sticky = ((0.0,), ()) if horizontal else ((), (0.0,))
        edge = '' if edgecolor is None else C.to_hex(edgecolor)
        width = 0.0 if linewidth is None else float(linewidth)
        bc = A.BarContainer(rects, colors, edge, width, alpha, label or '', sticky, 'h' if horizontal else 'v')
        return self._add(bc)

    def bar(
        self,
        x,
        height,
        width=0.8,
        bottom=None,
        *,
        align='center',
        color=None,
        edgecolor=None,
        linewidth=None,
        alpha=None,
        label=None,
        tick_label=None,
        **kw,
    ):
        bc = self._bars(x, height, width, bottom, align, color, edgecolor, linewidth, alpha, label, False)
        if tick_label is not None:
            self._xticks = {'values': [r.get_x() + r.get_width() / 2 for r in bc], 'labels': list(map(str, tick_label))}
        return bc

    def barh(
        self,
        y,
        width,
        height=0.8,
        left=None,
        *,
        align='center',
        color=None,
        edgecolor=None,
        linewidth=None,
        alpha=None,
        label=None,
        **kw,
    ):
        return self._bars(y, width, height, left, align, color, edgecolor, linewidth, alpha, label, True)

    def hist(
        self,
        x,
        bins=None,
        range=None,
        density=False,
        weights=None,
        cumulative=False,
        bottom=None,
        histtype='bar',
        align='mid',
        orientation='vertical',
        rwidth=None,
        log=False,
        color=None,
        label=None,
        stacked=False,
        *,
        alpha=None,
        edgecolor=None,
        linewidth=None,
        **kw,
    ):
        import numpy as np

        v = values(x, 'x')
        if v.ndim > 1:
            raise NotImplementedError('hist of several datasets (a 2-D x) is not supported by Backprop Lens')
        data = v.flat
        edges = histogram_edges(data, 10 if bins is None else bins, range)
        w = None if weights is None else values(weights, 'weights').flat
        counts = histogram_counts(data, edges, w)
        if density:
            total = sum(counts)
            counts = [c / total / (b - a) if total else 0.0 for c, a, b in zip(counts, edges, edges[1:])]
        if cumulative:
            run = 0.0
            for i, c in enumerate(counts):
                run += c
                counts[i] = run
        if log:
            self.set_yscale('log')
        if histtype in ('step', 'stepfilled') and histtype == 'step':
            xs, ys = [edges[0]], [0.0]
            for i, c in enumerate(counts):
                xs += [edges[i], edges[i + 1]]
                ys += [c, c]
            xs.append(edges[-1])
            ys.append(0.0)
            c = _given(color, default=self._next_color)
            patches = self._add(A.Line2D(xs, ys, c, label=label or ''))
        elif histtype in ('bar', 'barstacked', 'stepfilled'):
            widths = [b - a for a, b in zip(edges, edges[1:])]
            full = histtype == 'stepfilled'
            bw = [wd * (1.0 if full or rwidth is None else rwidth) for wd in widths]
            lefts = [a + (wd - b) / 2 for a, wd, b in zip(edges, widths, bw)]
            patches = self._bars(
                lefts,
                counts,
                bw,
                bottom,
                'edge',
                color,
                edgecolor,
                linewidth,
                alpha,
                label,
                orientation == 'horizontal',
            )
        else:
            raise ValueError(
                f"{histtype!r} is not a valid value for histtype; supported values are 'bar', "
                f"'barstacked', 'step', 'stepfilled'"
            )
        return np.array(counts), np.array(edges), patches

    def imshow(
        self,
        X,
        cmap=None,
        norm=None,
        *,
        aspect=None,
        interpolation=None,
        alpha=None,
        vmin=None,
        vmax=None,
        origin=None,
        extent=None,
        **kw,
    ):
        im = AxesImage(X, cmap, vmin, vmax, extent, origin or 'upper', alpha, interpolation)
        x0, x1, y0, y1 = im.get_extent()
        if self._xlim == [None, None]:
            self._xlim = [x0, x1]
        if self._ylim == [None, None]:
            self._ylim = [y0, y1]
        self._aspect = 'auto' if aspect == 'auto' else 'equal'
        return self._add(im)

    def _contour(self, filled, args, kw):
        args = list(args)
        levels = kw.pop('levels', None)
        if len(args) in (2, 4):
            levels = args.pop()
        if len(args) == 1:
            X = Y = None
            z = values(args[0], 'Z')
        elif len(args) == 3:
            X, Y, z = args[0], args[1], values(args[2], 'Z')
        else:
            raise TypeError(f'contour() takes from 1 to 4 positional arguments but {len(args)} were given')
        if z.ndim != 2:
            raise TypeError(f'Input z must be 2D, not {z.ndim}D')
        if z.shape[0] < 2 or z.shape[1] < 2:
            raise TypeError(f'Input z must be at least a (2, 2) shaped array, but has shape {z.shape}')
        xs, ys, z = grid_axes(X, Y, z, 'contourf' if filled else 'contour')
        if levels is not None and not isinstance(levels, int):
            levels = values(levels, 'levels').flat
        colors = kw.pop('colors', None)
        cs = QuadContourSet(
            filled,
            xs,
            ys,
            Values(z.flat, z.shape),
            levels,
            kw.pop('cmap', None),
            colors,
            kw.pop('alpha', None),
            kw.pop('linewidths', None),
            kw.pop('vmin', None),
            kw.pop('vmax', None),
            kw.pop('linestyles', None),
        )
        for k in kw:
            if k not in ('zorder', 'antialiased', 'extend', 'origin', 'norm'):
                raise AttributeError(f'QuadContourSet.set() got an unexpected keyword argument {k!r}')
        return self._add(cs)

    def contour(self, *args, **kw):
        return self._contour(False, args, kw)

    def contourf(self, *args, **kw):
        return self._contour(True, args, kw)

    def fill_between(self, x, y1, y2=0, where=None, *, color=None, alpha=None, label=None, facecolor=None, **kw):
        xs = values(x, 'x').flat
        n = len(xs)
        a = _broadcast(values(y1, 'y1').flat, n, 'y1')
        b = _broadcast(values(y2, 'y2').flat, n, 'y2')
        c = _given(color, facecolor, default=self._next_color)
        return self._add(A.PolyCollection(xs + xs[::-1], a + b[::-1], c, alpha, label or ''))

    def boxplot(self, x, *args, data=None, **kw):
        from ._boxplot import boxplot

        return boxplot(self, x, *args, **kw)

    def quiver(self, *args, data=None, **kw):
        from ._quiver import quiver

        return quiver(self, args, kw)

    def axhline(self, y=0, xmin=0, xmax=1, **kw):
        return self._refline('h', y, xmin, xmax, kw)

    def axvline(self, x=0, ymin=0, ymax=1, **kw):
        return self._refline('v', x, ymin, ymax, kw)

    def _refline(self, direction, value, lo, hi, kwargs):
        kw = _line_kwargs(kwargs)
        color = _given(kw.get('color'), default=self._next_color)
        ls = C.linestyle(kw.get('linestyle', '-'))
        line = A.RefLine(
            direction, value, lo, hi, color, kw.get('linewidth', 1.5), ls, kw.get('alpha'), kw.get('label', '')
        )
        return self._add(line)

    def text(self, x, y, s, fontdict=None, **kw):
        transform = kw.pop('transform', None)
        coords = 'axes' if transform is getattr(self, 'transAxes', None) and transform is not None else 'data'
        return self._add(A.Text(x, y, s, coords, **{**(fontdict or {}), **kw}))

    def annotate(self, text, xy, xytext=None, **kw):
        arrowprops = kw.pop('arrowprops', None)
        textcoords = kw.pop('textcoords', None)
        xycoords = kw.pop('xycoords', 'data')
        note = self._add(A.Annotation(text, xy, xytext, **kw))
        # The arrow from the text to xy, where both are data positions (offsets in points are not drawn).
        if arrowprops is not None and xytext is not None and xycoords == 'data' and textcoords in (None, 'data'):
            self._add(A.AnnotationArrow(xytext, xy, arrowprops))
        return note

    def errorbar(self, x, y, yerr=None, xerr=None, fmt='', **kw):
        from ._errorbar import errorbar

        return errorbar(self, x, y, yerr, xerr, fmt, kw)
