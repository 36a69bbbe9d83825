"""matplotlib.axes.Axes: titles, labels, limits (autoscaled with matplotlib's 5% margins and sticky edges),
scales, grid, legend, ticks, colorbar; the plotting methods are in _axes_plot.py."""

from ._errors import MissingFeature

import math

from . import _artists as A
from . import _colors as C
from . import _decor as D
from ._axes_plot import PlottingMixin
from ._legend import Legend
from ._values import finite, values

MARGIN = 0.05


class _Transform:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f'<matplotlib.transforms.{self.name}>'


def _unsupported(owner, name):
    return MissingFeature(
        f'{owner}.{name} is not supported by Backprop Lens (supported: plot, scatter, hist, bar, barh, imshow, '
        f'contour, contourf, fill_between, boxplot, axhline, axvline, text, legend, grid, set_title, set_xlabel, '
        f'set_ylabel, set_xlim, set_ylim, set_xscale, set_yscale, set_xticks, set_yticks, set_aspect, axis)'
    )


class Axes(PlottingMixin):
    _bl_numpy_object = True  # np.array([ax]) is an object array of Axes, as in numpy (src/python/numpy/_creation.py)

    def __init__(self, fig, grid):
        self.figure = fig
        self._grid = grid  # (nrows, ncols, row0, row1, col0, col1), end exclusive
        self.transAxes = _Transform('BboxTransformTo (axes coordinates)')
        self.transData = _Transform('CompositeGenericTransform (data coordinates)')
        self._twin_of = None  # twinx: the Axes whose x axis this one shares (its y axis on the right)
        self._twins = []
        self.cla()

    def cla(self):
        self._artists = []
        self._title = ''
        self._xlabel = ''
        self._ylabel = ''
        self._xlim = [None, None]
        self._ylim = [None, None]
        self._xscale = 'linear'
        self._yscale = 'linear'
        self._grid_on = False
        self._legend = None
        self._xticks = None
        self._yticks = None
        self._aspect = 'auto'
        self._axis_on = True
        self._colorbar = None
        self._cycle = 0
        self._categories = None
        self._spines = None
        self._margins = [MARGIN, MARGIN]

    clear = cla

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        raise _unsupported('Axes', name)

    def __repr__(self):
        fields = [f"title={{'center': {self._title!r}}}"] if self._title else []
        fields += [f'{n}label={v!r}' for n, v in (('x', self._xlabel), ('y', self._ylabel)) if v]
        return '<AxesSubplot: ' + ', '.join(fields) + '>'

    def __str__(self):
        # The position with matplotlib's default subplot parameters, as str(ax) prints it.
        nrows, ncols, r0, r1, c0, c1 = self._grid
        cw = 0.775 / (ncols + 0.2 * (ncols - 1))
        ch = 0.77 / (nrows + 0.2 * (nrows - 1))
        w = (c1 - c0) * cw + (c1 - c0 - 1) * 0.2 * cw
        h = (r1 - r0) * ch + (r1 - r0 - 1) * 0.2 * ch
        left = 0.125 + c0 * cw * 1.2
        bottom = 0.88 - r0 * ch * 1.2 - h
        return f'AxesSubplot({left:g},{bottom:g};{w:g}x{h:g})'

    @property
    def spines(self):
        if self._spines is None:
            self._spines = D.Spines()
        return self._spines

    @property
    def xaxis(self):
        return D.AxisStub('XAxis')

    @property
    def yaxis(self):
        return D.AxisStub('YAxis')

    def get_xaxis(self):
        return self.xaxis

    def get_yaxis(self):
        return self.yaxis

    def set_facecolor(self, color):
        C.to_rgba(color)  # checked as matplotlib checks it; the panel keeps its theme's background

    def label_outer(self, remove_inner_ticks=False):
        pass

    def margins(self, *margins, x=None, y=None, tight=True):
        if len(margins) == 1:
            x = y = margins[0]
        elif len(margins) == 2:
            x, y = margins
        for i, v in ((0, x), (1, y)):
            if v is not None:
                if not v > -0.5:
                    raise ValueError('margin must be greater than -0.5')
                self._margins[i] = float(v)

    def _next_color(self):
        c = C.T.CYCLE[self._cycle % len(C.T.CYCLE)]
        self._cycle += 1
        return c

    def _add(self, artist):
        artist.axes = self
        self._artists.append(artist)
        return artist

    # --- labels ---------------------------------------------------------------------------------------------
    def set_title(self, label, fontdict=None, loc=None, pad=None, **kw):
        self._title = str(label)
        return A.Text(0.5, 1.0, label, 'axes')

    def get_title(self, loc='center'):
        return self._title

    @property
    def title(self):
        """The title as the Text matplotlib keeps for it: `ax.title.set_text(...)` retitles the Axes."""
        return _AxesTitle(self)

    def set_xlabel(self, xlabel, fontdict=None, labelpad=None, **kw):
        self._xlabel = str(xlabel)
        return A.Text(0.5, 0, xlabel, 'axes')

    def set_ylabel(self, ylabel, fontdict=None, labelpad=None, **kw):
        self._ylabel = str(ylabel)
        return A.Text(0, 0.5, ylabel, 'axes')

    def get_xlabel(self):
        return self._xlabel

    def get_ylabel(self):
        return self._ylabel

    def set(self, **kw):
        # Ticks before their labels, whatever order they come in (ax.set(xticklabels=..., xticks=...)).
        for k, v in sorted(kw.items(), key=lambda item: item[0].endswith('ticklabels')):
            setter = getattr(self, 'set_' + k, None) if k in _SETTABLE else None
            if setter is None:
                raise AttributeError(f'Axes.set() got an unexpected keyword argument {k!r}')
            setter(*v) if k in ('xlim', 'ylim') and isinstance(v, (tuple, list)) else setter(v)

    # --- limits and scales ----------------------------------------------------------------------------------
    def _set_lim(self, lim, left, right, name):
        if right is None and isinstance(left, (tuple, list)):
            left, right = left
        for i, v in ((0, left), (1, right)):
            if v is not None:
                v = float(v)
                if not finite(v):
                    raise ValueError(f'Axis limits cannot be NaN or Inf')
                lim[i] = v
        return tuple(self._limits()[0 if name == 'x' else 1])

    def set_xlim(self, left=None, right=None, emit=True, auto=False, *, xmin=None, xmax=None):
        return self._set_lim(self._xlim, xmin if left is None else left, xmax if right is None else right, 'x')

    def set_ylim(self, bottom=None, top=None, emit=True, auto=False, *, ymin=None, ymax=None):
        return self._set_lim(self._ylim, ymin if bottom is None else bottom, ymax if top is None else top, 'y')

    def get_xlim(self):
        return tuple(self._limits()[0])

    def get_ylim(self):
        return tuple(self._limits()[1])

    def set_xscale(self, value, **kw):
        self._xscale = _scale(value)

    def set_yscale(self, value, **kw):
        self._yscale = _scale(value)

    def get_xscale(self):
        return self._xscale

    def get_yscale(self):
        return self._yscale

    def invert_yaxis(self):
        lo, hi = self.get_ylim()
        self._ylim = [hi, lo]

    def invert_xaxis(self):
        lo, hi = self.get_xlim()
        self._xlim = [hi, lo]

    def set_aspect(self, aspect, adjustable=None, anchor=None, share=False):
        if aspect not in ('auto', 'equal') and not isinstance(aspect, (int, float)):
            raise ValueError(f'aspect must be "auto", "equal" or a number, not {aspect!r}')
        self._aspect = 'equal' if aspect == 'equal' or aspect == 1 else 'auto'

    def axis(self, arg=None, **kw):
        # Strings and bools first: limits may be any 4-sequence (a list, an ndarray, a tensor times a zoom),
        # and comparing those with a string would ask for an array's truth value.
        if isinstance(arg, (str, bool)) or arg is None:
            if arg in ('off', False):
                self._axis_on = False
            elif arg in ('on', True):
                self._axis_on = True
            elif arg in ('equal', 'scaled', 'square', 'image'):
                self._aspect = 'equal'
            elif arg in ('auto', 'tight', None):
                if arg == 'auto':
                    self._aspect = 'auto'
            else:
                raise ValueError(f'Unrecognized string {arg!r} to axis; try "on", "off", "equal" or "tight"')
        else:
            limits = [float(v) for v in arg]
            if len(limits) != 4:
                raise TypeError('the first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]')
            self.set_xlim(limits[0], limits[1])
            self.set_ylim(limits[2], limits[3])
        return self.get_xlim() + self.get_ylim()

    def set_axis_off(self):
        self._axis_on = False

    def set_axis_on(self):
        self._axis_on = True

    def _ticks(self, ticks, labels):
        t = values(ticks, 'ticks').flat
        if labels is not None:
            labels = [str(s) for s in labels]
            if len(labels) != len(t):
                raise ValueError(
                    f'The number of FixedLocator locations ({len(t)}), usually from a call to '
                    f'set_ticks, does not match the number of labels ({len(labels)}).'
                )
        # The ticks as given are what their labels print at (Text(0, 0, 'cat')); only values and labels are sent.
        given = ticks.tolist() if hasattr(ticks, 'tolist') else list(ticks)
        return {'values': t, 'labels': labels, 'given': given if len(given) == len(t) else t}

    def set_xticks(self, ticks, labels=None, *, minor=False, **kw):
        self._xticks = self._ticks(ticks, labels)

    def set_yticks(self, ticks, labels=None, *, minor=False, **kw):
        self._yticks = self._ticks(ticks, labels)

    def set_xticklabels(self, labels, **kw):
        if self._xticks is None:
            raise NotImplementedError('set_xticklabels without set_xticks is not supported by Backprop Lens')
        self._xticks = self._ticks(self._xticks.get('given', self._xticks['values']), labels)
        return self.get_xticklabels()

    def set_yticklabels(self, labels, **kw):
        if self._yticks is None:
            raise NotImplementedError('set_yticklabels without set_yticks is not supported by Backprop Lens')
        self._yticks = self._ticks(self._yticks.get('given', self._yticks['values']), labels)
        return self.get_yticklabels()

    def _ticklabels(self, ticks, axis):
        if ticks is None:
            return []
        labels = ticks['labels'] or [f'{v:g}' for v in ticks['values']]
        return [
            A.Text(v, 0, s) if axis == 'x' else A.Text(0, v, s)
            for v, s in zip(ticks.get('given', ticks['values']), labels)
        ]

    def get_xticklabels(self, minor=False, which=None):
        """The labels of ticks set with set_xticks (Text objects setp may rotate); the panel's automatic ticks
        are placed when it draws, so none are listed for them."""
        return self._ticklabels(self._xticks, 'x')

    def get_yticklabels(self, minor=False, which=None):
        return self._ticklabels(self._yticks, 'y')

    def get_xticks(self, minor=False):
        """The ticks set with set_xticks, as given (an int array for whole numbers); the panel's automatic
        ticks are placed when it draws, so none are listed for them."""
        return _tick_array(self._xticks)

    def get_yticks(self, minor=False):
        return _tick_array(self._yticks)

    def add_patch(self, p):
        """A patch from matplotlib.patches (Rectangle): drawn in data coordinates; returns it, as matplotlib."""
        if not hasattr(p, 'to_json') or not hasattr(p, 'limits'):
            raise TypeError(f'add_patch() expects a matplotlib.patches.Patch, not {type(p).__name__}')
        return self._add(p)

    def add_artist(self, a):
        return self.add_patch(a)

    def tick_params(self, *args, **kw):
        pass  # tick styling is left to the panel's theme

    def grid(self, visible=None, which='major', axis='both', **kw):
        self._grid_on = (
            (not self._grid_on) if visible is None and not kw else bool(True if visible is None else visible)
        )

    def legend(self, *args, loc=None, **kw):
        if args:
            handles, labels = (args[0], args[1]) if len(args) == 2 else (None, args[0])
            targets = handles if handles is not None else [a for a in self._artists if not isinstance(a, A.Text)]
            for artist, label in zip(targets, labels):
                artist.set_label(label)
        self._legend = Legend(self, _legend_loc(loc), A.fontsize(kw.get('fontsize', 10.0)), kw.get('title'))
        if not args and 'handles' not in kw and not self._legend.texts:
            # matplotlib logs this (a warning on stderr) and still returns an empty legend.
            import sys

            print(_NO_LABELS, file=sys.stderr)
        return self._legend

    def get_legend_handles_labels(self, legend_handler_map=None):
        """(handles, labels) of what legend() would show: loss and accuracy of a twinx pair in one legend."""
        handles = [a for a in self._artists if a._legend_label() is not None]
        handles = [getattr(a, 'container', None) or a for a in handles]
        return handles, [h.get_label() for h in handles]

    def get_legend(self):
        return self._legend

    def get_lines(self):
        return [a for a in self._artists if isinstance(a, A.Line2D) and not getattr(a, '_collection', False)]

    lines = property(get_lines)

    @property
    def texts(self):
        """ax.text and ax.annotate artists, in the order added (as matplotlib's Axes.texts)."""
        return [a for a in self._artists if isinstance(a, A.Text)]

    # --- autoscale and the event ------------------------------------------------------------------------
    def twinx(self):
        """A second y axis on the right sharing this x axis (loss and accuracy on one plot)."""
        twin = Axes(self.figure, self._grid)
        twin._twin_of = self
        twin._xlim = self._xlim  # one list: set_xlim on either sets both, as matplotlib's shared x
        self._twins.append(twin)
        self.figure._axes.append(twin)
        self.figure._current = twin
        return twin

    def _limits(self):
        xr, yr, sx, sy = None, None, [], []
        root = self._twin_of or self
        # A twinx pair shares its x limits: the data of both Axes autoscale them.
        for owner in [root] + root._twins:
            for a in owner._artists:
                ax, ay, stx, sty = a.limits()
                xr = _union(xr, ax, self._xscale)
                sx += list(stx)
                if owner is self:
                    yr = _union(yr, ay, self._yscale)
                    sy += list(sty)
        mx, my = self._margins
        return _lim(self._xlim, xr, sx, self._xscale, mx), _lim(self._ylim, yr, sy, self._yscale, my)

    def _to_json(self):
        (x0, x1), (y0, y1) = self._limits()
        nrows, ncols, r0, r1, c0, c1 = self._grid
        return {
            'grid': [nrows, ncols, r0, r1, c0, c1],
            'twin': 'x' if self._twin_of is not None else None,
            'title': self._title,
            'xlabel': self._xlabel,
            'ylabel': self._ylabel,
            'xlim': [x0, x1],
            'ylim': [y0, y1],
            'xscale': self._xscale,
            'yscale': self._yscale,
            'grid_lines': self._grid_on,
            'legend': self._legend._spec() if self._legend is not None else None,
            'xticks': _sent_ticks(self._xticks),
            'yticks': _sent_ticks(self._yticks),
            'aspect': self._aspect,
            'axisOn': self._axis_on,
            'colorbar': self._colorbar,
            'artists': self._json_artists(),
        }

    def _json_artists(self):
        return [a.to_json() for a in sorted(self._artists, key=lambda a: a.zorder) if a.visible]


# Subplots are AxesSubplot in matplotlib 3.6, as type(ax) prints.
Axes.__name__ = Axes.__qualname__ = 'AxesSubplot'
Axes.__module__ = 'matplotlib.axes._subplots'

_SETTABLE = {'title', 'xlabel', 'ylabel', 'xlim', 'ylim', 'xscale', 'yscale', 'aspect', 'xticks', 'yticks'}
_SETTABLE |= {'xticklabels', 'yticklabels', 'facecolor'}


def _tick_array(ticks):
    import numpy as np

    return np.array(ticks.get('given', ticks['values'])) if ticks else np.array([], dtype=float)


def _sent_ticks(ticks):
    return None if ticks is None else {'values': ticks['values'], 'labels': ticks['labels']}


def _scale(value):
    if value not in ('linear', 'log', 'symlog', 'logit'):
        raise ValueError(f'{value!r} is not a valid value for scale; supported values are "linear", "log"')
    if value in ('symlog', 'logit'):
        raise NotImplementedError(f'{value} axis scales are not supported by Backprop Lens (use "linear" or "log")')
    return value


_NO_LABELS = (
    'No artists with labels found to put in legend.  Note that artists whose label start with an underscore '
    'are ignored when legend() is called with no argument.'
)

_LOCS = [
    'best',
    'upper right',
    'upper left',
    'lower left',
    'lower right',
    'right',
    'center left',
    'center right',
    'lower center',
    'upper center',
    'center',
]


def _legend_loc(loc):
    if loc is None:
        return 'best'
    if isinstance(loc, int) and 0 <= loc < len(_LOCS):
        return _LOCS[loc]
    if loc not in _LOCS:
        raise ValueError(f'{loc!r} is not a valid value for loc; supported values are {", ".join(map(repr, _LOCS))}')
    return loc


def _union(r, add, scale):
    if add is None:
        return r
    lo, hi = add
    if scale == 'log':
        if hi <= 0:
            return r
        lo = lo if lo > 0 else hi
    if r is None:
        return (lo, hi)
    return (min(r[0], lo), max(r[1], hi))


def _lim(fixed, r, sticky, scale, margin=MARGIN):
    """Autoscaled limits as matplotlib's (autolimit_mode 'data'): the data range plus 5% margins, not past
    a sticky edge (bars' 0, an image's extent) that the data touches; a fixed limit wins."""
    if fixed[0] is not None and fixed[1] is not None:
        return fixed[0], fixed[1]
    if r is None:
        lo, hi = (1.0, 10.0) if scale == 'log' else (0.0, 1.0)
    else:
        lo, hi = r
        fw = (lambda v: math.log10(v)) if scale == 'log' else (lambda v: v)
        inv = (lambda v: 10**v) if scale == 'log' else (lambda v: v)
        a, b = fw(lo), fw(hi)
        if a == b:
            pad = abs(a) * 0.05 if a != 0 else 0.05
            if scale == 'log':
                pad = 1.0
            a, b = a - pad, b + pad
            lo, hi = inv(a), inv(b)
        span = b - a
        x0, x1 = inv(a - margin * span), inv(b + margin * span)
        stick = [s for s in sticky if finite(s)]
        if any(x0 < s <= lo for s in stick):
            x0 = max(s for s in stick if x0 < s <= lo)
        if any(hi <= s < x1 for s in stick):
            x1 = min(s for s in stick if hi <= s < x1)
        lo, hi = x0, x1
    return (fixed[0] if fixed[0] is not None else lo), (fixed[1] if fixed[1] is not None else hi)


class _AxesTitle(A.Text):
    """ax.title: reads and writes the Axes' title; its font and colour settings are accepted, not drawn."""

    def __init__(self, axes):
        super().__init__(0.5, 1.0, axes._title, 'axes')
        self._axes = axes

    def get_text(self):
        return self._axes._title

    def set_text(self, s):
        self._axes._title = '' if s is None else str(s)

    def set(self, **kw):
        if 'text' in kw:
            self.set_text(kw['text'])

    def set_fontsize(self, size):
        pass

    def set_color(self, color):
        pass

    def set_fontweight(self, weight):
        pass


_AxesTitle.__name__ = _AxesTitle.__qualname__ = 'Text'  # as type(ax.title) prints in matplotlib
