"""matplotlib.patches for Backprop Lens: Rectangle, as learners draw a bounding box over an image
(`ax.add_patch(Rectangle((x, y), w, h, edgecolor='r', facecolor='none'))`), sent as one rectangle of the
figure protocol's `rects`; and Patch, the coloured handle of a hand-made legend."""

from . import _colors as C
from ._artists import Artist
from ._values import finite_range


class Patch(Artist):
    """A shape with matplotlib's patch defaults: filled in C0 with no edge; fill=False draws a black edge."""

    __module__ = 'matplotlib.patches'
    zorder = 1

    def __init__(self, edgecolor=None, facecolor=None, color=None, linewidth=None, linestyle=None, fill=True, **kw):
        if color is not None:
            facecolor = edgecolor = color
        self._fill = bool(fill)
        self.set_facecolor('C0' if facecolor is None else facecolor)
        self.set_edgecolor(edgecolor if edgecolor is not None else ('none' if self._fill else 'black'))
        self.linewidth = float(kw.pop('lw', 1.0) if linewidth is None else linewidth)
        self.alpha = kw.pop('alpha', None)
        self.set_label(kw.pop('label', ''))
        kw.pop('zorder', None)
        for k in kw:
            if k not in ('antialiased', 'hatch', 'capstyle', 'joinstyle', 'angle', 'clip_on', 'transform'):
                raise AttributeError(f'{type(self).__name__}.set() got an unexpected keyword argument {k!r}')

    def set_facecolor(self, color):
        C.to_rgba(color)
        self._facecolor = color

    def set_edgecolor(self, color):
        C.to_rgba(color)
        self._edgecolor = color

    def set_color(self, color):
        self.set_facecolor(color)
        self.set_edgecolor(color)

    def set_linewidth(self, w):
        self.linewidth = float(w)

    def set_fill(self, b):
        self._fill = bool(b)

    def get_facecolor(self):
        return C.to_rgba(self._facecolor if self._fill else 'none', self.alpha)

    def get_edgecolor(self):
        return C.to_rgba(self._edgecolor, self.alpha)

    def get_linewidth(self):
        return self.linewidth


def _hex_or_none(color):
    return 'none' if C.to_rgba(color)[3] == 0 else C.to_hex(color)


class Rectangle(Patch):
    def __init__(self, xy, width, height, angle=0.0, **kw):
        super().__init__(**kw)
        self._x0, self._y0 = xy[0], xy[1]
        self._width, self._height = width, height
        self.angle = float(angle)
        if self.angle:
            raise NotImplementedError('a rotated Rectangle (angle != 0) is not supported by Backprop Lens')

    def __str__(self):
        pars = self._x0, self._y0, self._width, self._height, self.angle
        return 'Rectangle(xy=(%g, %g), width=%g, height=%g, angle=%g)' % pars

    __repr__ = __str__

    def get_xy(self):
        return self._x0, self._y0

    def set_xy(self, xy):
        self._x0, self._y0 = xy

    def get_x(self):
        return self._x0

    def get_y(self):
        return self._y0

    def get_width(self):
        return self._width

    def get_height(self):
        return self._height

    def set_width(self, w):
        self._width = w

    def set_height(self, h):
        self._height = h

    def set_bounds(self, *args):
        self._x0, self._y0, self._width, self._height = args[0] if len(args) == 1 else args

    def limits(self):
        xs = [float(self._x0), float(self._x0) + float(self._width)]
        ys = [float(self._y0), float(self._y0) + float(self._height)]
        return finite_range(xs), finite_range(ys), (), ()

    def to_json(self):
        return {
            'kind': 'rects',
            'x': [float(self._x0)],
            'y': [float(self._y0)],
            'w': [float(self._width)],
            'h': [float(self._height)],
            'colors': [_hex_or_none(self._facecolor) if self._fill else 'none'],
            'edge': '' if _hex_or_none(self._edgecolor) == 'none' else C.to_hex(self._edgecolor),
            'edgeWidth': self.linewidth,
            'alpha': 1.0 if self.alpha is None else float(self.alpha),
            'label': self._legend_label(),
        }
