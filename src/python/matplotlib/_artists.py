"""What an Axes holds: lines, scatter collections, rectangles (bars, histograms), images, contour sets,
filled polygons, reference lines and texts. Each knows its data limits (for autoscaling, with matplotlib's
sticky edges) and how it is sent to the runtime (`to_json`: plain lists and strings for src/protocol.ts)."""

from . import _colors as C
from ._values import clean, finite_range, values


class Artist:
    zorder = 2
    _label = ''
    alpha = None

    def get_label(self):
        return self._label

    def set_label(self, label):
        self._label = '' if label is None else str(label)

    def set_alpha(self, alpha):
        self.alpha = alpha

    def get_alpha(self):
        return self.alpha

    def set_visible(self, visible):
        self.visible = bool(visible)

    visible = True

    def remove(self):
        if self.axes is not None and self in self.axes._artists:
            self.axes._artists.remove(self)
        self.axes = None

    axes = None

    def limits(self):
        """(xrange, yrange, sticky xs, sticky ys); ranges None when the artist has no finite data."""
        return None, None, (), ()

    def _legend_label(self):
        return self._label if self._label and not self._label.startswith('_') else None


def _given_data(orig, flat):
    if orig is not None:
        return orig
    import numpy as np

    return np.array(flat, dtype=float)


class Line2D(Artist):
    __module__ = 'matplotlib.lines'
    zorder = 2

    def __init__(self, x, y, color, linewidth=1.5, linestyle='-', marker='', markersize=6.0, **extra):
        self._x = list(x)
        self._y = list(y)
        self.color = color
        self.linewidth = float(linewidth)
        self.linestyle = linestyle
        self.marker = marker
        self.markersize = float(markersize)
        self.markerfacecolor = extra.get('markerfacecolor')
        self.markeredgecolor = extra.get('markeredgecolor')
        self.alpha = extra.get('alpha')
        # Kept and returned; the panel still draws a marker at every point.
        self.markevery = extra.get('markevery')
        self.set_label(extra.get('label', ''))

    # The data as given (matplotlib's get_xdata(orig=True)): plot() stores its array or column here; lines made
    # elsewhere give an array of their floats.
    _xorig = _yorig = None

    def get_xdata(self, orig=True):
        return _given_data(self._xorig, self._x)

    def get_ydata(self, orig=True):
        return _given_data(self._yorig, self._y)

    def get_data(self, orig=True):
        return self.get_xdata(), self.get_ydata()

    def set_xdata(self, x):
        self._x = values(x, 'x').flat
        self._xorig = x

    def set_ydata(self, y):
        self._y = values(y, 'y').flat
        self._yorig = y

    def set_data(self, *args):
        x, y = args[0] if len(args) == 1 else args
        self.set_xdata(x)
        self.set_ydata(y)

    def get_color(self):
        return self.color

    def set_color(self, color):
        C.to_rgba(color)
        self.color = color

    def set_linewidth(self, w):
        self.linewidth = float(w)

    def set_linestyle(self, ls):
        self.linestyle = C.linestyle(ls)

    def set_marker(self, m):
        self.marker = C.marker(m)

    # Stored '' means "no marker / no line"; matplotlib's getters report that as the string 'None'.
    def get_marker(self):
        return self.marker or 'None'

    def get_linestyle(self):
        return self.linestyle or 'None'

    get_ls = get_linestyle

    def get_linewidth(self):
        return self.linewidth

    get_lw = get_linewidth

    def get_markersize(self):
        return self.markersize

    get_ms = get_markersize

    def get_markevery(self):
        return self.markevery

    def set_markevery(self, every):
        self.markevery = every

    def limits(self):
        return finite_range(self._x), finite_range(self._y), (), ()

    def to_json(self):
        face = self.markerfacecolor if self.markerfacecolor is not None else self.color
        edge = self.markeredgecolor if self.markeredgecolor is not None else self.color
        return {
            'kind': 'line',
            'x': clean(self._x),
            'y': clean(self._y),
            'color': C.to_hex(self.color),
            'alpha': _alpha(self.alpha, self.color),
            'width': self.linewidth,
            'style': self.linestyle,
            'marker': self.marker,
            'markerSize': self.markersize,
            'markerFace': 'none' if _is_none(face) else C.to_hex(face),
            'markerEdge': 'none' if _is_none(edge) else C.to_hex(edge),
            'label': self._legend_label(),
        }


def _is_none(c):
    return isinstance(c, str) and c.lower() == 'none'


def _alpha(alpha, color=None):
    if alpha is not None:
        return float(alpha)
    try:
        return C.to_rgba(color)[3] if color is not None else 1.0
    except (ValueError, TypeError):
        return 1.0


class ScalarMappable:
    """What a colorbar can show: a colormap over [vmin, vmax] (or between contour levels)."""

    cmap = None
    vmin = 0.0
    vmax = 1.0
    levels = None

    def get_cmap(self):
        return self.cmap

    def set_cmap(self, cmap):
        self.cmap = C.get_cmap(cmap)

    def get_clim(self):
        return self.vmin, self.vmax

    def set_clim(self, vmin=None, vmax=None):
        if isinstance(vmin, (tuple, list)):
            vmin, vmax = vmin
        if vmin is not None:
            self.vmin = float(vmin)
        if vmax is not None:
            self.vmax = float(vmax)

    def _norm(self, v):
        span = self.vmax - self.vmin
        return 0.0 if span == 0 else (v - self.vmin) / span

    def colorbar_json(self, label):
        levels = getattr(self, '_levels', self.levels)  # a contour set's own list (its .levels is an array)
        if levels is not None:
            bounds = list(levels)
            colors = [self.cmap.hex(self._norm((a + b) / 2)) for a, b in zip(bounds, bounds[1:])]
        else:
            n = 64
            bounds = [self.vmin + (self.vmax - self.vmin) * i / n for i in range(n + 1)]
            colors = [self.cmap.hex((i + 0.5) / n) for i in range(n)]
        return {'bounds': clean(bounds), 'colors': colors, 'label': label}


class PathCollection(Artist, ScalarMappable):
    __module__ = 'matplotlib.collections'
    zorder = 1

    def __init__(self, x, y, sizes, colors, cvalues, marker, edgecolors, linewidths, alpha, label):
        self._x, self._y = x, y
        self.sizes = sizes
        self.colors = colors  # hex colours (one, or one per point), or None with cvalues
        self.cvalues = cvalues
        self.marker = marker
        self.edgecolors = edgecolors
        self.linewidths = linewidths
        self.alpha = alpha
        self.set_label(label)

    def get_offsets(self):
        return [[a, b] for a, b in zip(self._x, self._y)]

    def set_offsets(self, xy):
        v = values(xy, 'offsets')
        self._x, self._y = v.column(0), v.column(1)

    def limits(self):
        return finite_range(self._x), finite_range(self._y), (), ()

    def to_json(self):
        if self.cvalues is not None:
            colors = [self.cmap.hex(self._norm(v)) or '#00000000' for v in self.cvalues]
        else:
            colors = self.colors
        return {
            'kind': 'scatter',
            'x': clean(self._x),
            'y': clean(self._y),
            'sizes': clean(self.sizes),
            'colors': colors,
            'edge': self.edgecolors,
            'edgeWidth': self.linewidths,
            'alpha': 1.0 if self.alpha is None else float(self.alpha),
            'marker': self.marker,
            'label': self._legend_label(),
        }


class Rectangle(Artist):
    """One bar of a bar chart or histogram (matplotlib.patches.Rectangle)."""

    __module__ = 'matplotlib.patches'

    def __init__(self, xy, width, height):
        self._x, self._y = xy
        self._width, self._height = width, height

    def get_height(self):
        return self._height

    def get_width(self):
        return self._width

    def get_x(self):
        return self._x

    def get_y(self):
        return self._y

    def set_height(self, h):
        self._height = float(h)

    def set_color(self, c):
        self.container.colors[self.container.patches.index(self)] = C.to_hex(c)

    set_facecolor = set_color


class BarContainer(Artist):
    """Bars (bar, barh, hist): rectangles in data coordinates, indexable like matplotlib's container."""

    __module__ = 'matplotlib.container'

    zorder = 1

    def __init__(self, rects, colors, edgecolor, linewidth, alpha, label, sticky, orientation):
        self.patches = rects
        for r in rects:
            r.container = self
        self.colors = colors
        self.edgecolor = edgecolor
        self.linewidth = linewidth
        self.alpha = alpha
        self.sticky = sticky
        self.orientation = orientation
        self.set_label(label)

    def __iter__(self):
        return iter(self.patches)

    def __len__(self):
        return len(self.patches)

    def __getitem__(self, i):
        return self.patches[i]

    def limits(self):
        xs = [v for r in self.patches for v in (r._x, r._x + r._width)]
        ys = [v for r in self.patches for v in (r._y, r._y + r._height)]
        sticky = self.sticky
        return finite_range(xs), finite_range(ys), sticky[0], sticky[1]

    def to_json(self):
        p = self.patches
        return {
            'kind': 'rects',
            'x': clean([r._x for r in p]),
            'y': clean([r._y for r in p]),
            'w': clean([r._width for r in p]),
            'h': clean([r._height for r in p]),
            'colors': self.colors,
            'edge': self.edgecolor,
            'edgeWidth': self.linewidth,
            'alpha': 1.0 if self.alpha is None else float(self.alpha),
            'label': self._legend_label(),
        }


class PolyCollection(Artist):
    """A filled area (fill_between returns a PolyCollection in matplotlib)."""

    __module__ = 'matplotlib.collections'

    zorder = 1

    def __init__(self, x, y, color, alpha, label):
        self._x, self._y = x, y
        self.color = color
        self.alpha = alpha
        self.set_label(label)

    def limits(self):
        return finite_range(self._x), finite_range(self._y), (), ()

    def to_json(self):
        return {
            'kind': 'polygon',
            'x': clean(self._x),
            'y': clean(self._y),
            'color': C.to_hex(self.color),
            'alpha': _alpha(self.alpha, self.color),
            'label': self._legend_label(),
        }


class RefLine(Artist):
    """axhline / axvline: a line across the axes at a data value, from and to axes fractions (a Line2D in
    matplotlib, as type() prints it)."""

    __module__ = 'matplotlib.lines'

    def __init__(self, direction, value, lo, hi, color, linewidth, linestyle, alpha, label):
        self.direction = direction
        self.value = float(value)
        self.lo, self.hi = float(lo), float(hi)
        self.color = color
        self.linewidth = float(linewidth)
        self.linestyle = linestyle
        self.alpha = alpha
        self.set_label(label)

    def limits(self):
        r = (self.value, self.value)
        return (r, None, (), ()) if self.direction == 'v' else (None, r, (), ())

    def to_json(self):
        return {
            'kind': 'hline' if self.direction == 'h' else 'vline',
            'value': self.value,
            'from': self.lo,
            'to': self.hi,
            'color': C.to_hex(self.color),
            'alpha': _alpha(self.alpha, self.color),
            'width': self.linewidth,
            'style': self.linestyle,
            'label': self._legend_label(),
        }


class Text(Artist):
    __module__ = 'matplotlib.text'
    zorder = 3

    def __init__(self, x, y, text, coords='data', **kw):
        self._x, self._y = float(x), float(y)
        self._given_xy = (x, y)  # as matplotlib prints them: Text(0.5, 0, 'epoch'), Text(1, 0, '7')
        self._text = str(text)
        self.coords = coords
        self.color = kw.get('color', kw.get('c', 'black'))
        self.fontsize = _fontsize(kw.get('fontsize', kw.get('size', 10.0)))
        self.ha = kw.get('ha', kw.get('horizontalalignment', 'left'))
        self.va = kw.get('va', kw.get('verticalalignment', 'baseline'))
        self.rotation = kw.get('rotation', 0)
        self.alpha = kw.get('alpha')

    def get_text(self):
        return self._text

    def set_text(self, s):
        self._text = str(s)

    def set_position(self, xy):
        self._x, self._y = float(xy[0]), float(xy[1])
        self._given_xy = tuple(xy)

    def get_position(self):
        return self._given_xy

    def __repr__(self):
        return f'Text({self._given_xy[0]}, {self._given_xy[1]}, {self._text!r})'

    def set_color(self, color):
        C.to_rgba(color)
        self.color = color

    def set_fontsize(self, size):
        self.fontsize = _fontsize(size)

    def set_rotation(self, rotation):
        self.rotation = rotation

    def set_ha(self, align):
        self.ha = align

    set_horizontalalignment = set_ha

    def set_va(self, align):
        self.va = align

    set_verticalalignment = set_va

    def set_rotation_mode(self, mode):
        pass  # rotation about the anchor: the panel draws rotated text about its anchor already

    def set_fontweight(self, weight):
        pass  # the panel draws one weight

    def to_json(self):
        return {
            'kind': 'text',
            'x': self._x,
            'y': self._y,
            'text': self._text,
            'coords': self.coords,
            'color': C.to_hex(self.color),
            'alpha': _alpha(self.alpha, self.color),
            'size': self.fontsize,
            'ha': self.ha,
            'va': self.va,
            'rotation': float(self.rotation)
            if not isinstance(self.rotation, str)
            else 90.0 * (self.rotation == 'vertical'),
        }


RefLine.__name__ = RefLine.__qualname__ = 'Line2D'


class Annotation(Text):
    """ax.annotate: the text at xytext (or xy), its arrow an AnnotationArrow. Prints as matplotlib's, at xy."""

    def __init__(self, text, xy, xytext=None, **kw):
        x, y = xytext if xytext is not None else xy
        super().__init__(x, y, text, 'data', **kw)
        self.xy = tuple(xy)

    def __repr__(self):
        return 'Annotation(%g, %g, %r)' % (self.xy[0], self.xy[1], self._text)


class AnnotationArrow(Line2D):
    """An annotation's arrow (arrowprops): a shaft from the text's position to xy and a two-stroke head, one
    line broken by NaN as quiver draws, so the figure protocol needs no new kind. Not one of ax.lines and
    not in the data limits, as matplotlib's FancyArrowPatch; matplotlib shrinks it from both ends and sizes
    the head in points, here the head is a fifth of the arrow's length."""

    _collection = True

    def __init__(self, start, end, props):
        color = props.get('color', props.get('facecolor', props.get('fc', 'black')))
        (x0, y0), (x1, y1) = (float(v) for v in start), (float(v) for v in end)
        hx, hy = 0.2 * (x1 - x0), 0.2 * (y1 - y0)
        nan = float('nan')
        xs = [x0, x1, nan, x1 - hx - 0.5 * hy, x1, x1 - hx + 0.5 * hy]
        ys = [y0, y1, nan, y1 - hy + 0.5 * hx, y1, y1 - hy - 0.5 * hx]
        super().__init__(
            xs, ys, color, linewidth=float(props.get('width', props.get('linewidth', props.get('lw', 1.0))))
        )

    def limits(self):
        return None, None, (), ()


_SIZES = {
    'xx-small': 0.579,
    'x-small': 0.694,
    'small': 0.833,
    'medium': 1.0,
    'large': 1.2,
    'x-large': 1.44,
    'xx-large': 1.728,
}


def _fontsize(size, base=10.0):
    if isinstance(size, str):
        if size not in _SIZES:
            raise ValueError(f'{size!r} is not a valid font size; supported: {", ".join(_SIZES)} or a number')
        return base * _SIZES[size]
    return float(size)


fontsize = _fontsize
