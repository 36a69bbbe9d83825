"""matplotlib.figure.Figure: size, subplots on a grid, colorbars, suptitle, tight_layout, savefig; `to_json`
is the `figure` event of src/protocol.ts, which the panel draws and the runtime rasterises to PNG."""

from ._errors import MissingFeature

from . import _backend
from ._artists import ScalarMappable
from ._axes import Axes


class _Canvas:
    """fig.canvas: draw() and flush_events() show the figure now (live plots in a training loop)."""

    def __init__(self, fig):
        self.figure = fig

    def draw(self):
        _backend.show(self.figure)

    draw_idle = draw

    def flush_events(self):
        pass


class Figure:
    __module__ = 'matplotlib.figure'

    def __init__(self, num, figsize=None, dpi=None, facecolor=None):
        self.number = num
        from . import rcParams

        w, h = rcParams['figure.figsize'] if figsize is None else figsize
        w, h = float(w), float(h)
        if not (w > 0 and h > 0):
            raise ValueError(f'figure size must be positive finite not {figsize}')
        self._size = [w, h]
        self.dpi = float(rcParams['figure.dpi'] if dpi is None else dpi)
        self._axes = []
        self._current = None
        self._suptitle = ''
        self._tight = False
        self.canvas = _Canvas(self)
        self._label = ''

    def __repr__(self):
        w, h = self._size
        return f'<Figure size {w * self.dpi:g}x{h * self.dpi:g} with {len(self._axes)} Axes>'

    def __str__(self):
        w, h = self._size
        return f'Figure({w * self.dpi:g}x{h * self.dpi:g})'

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        raise MissingFeature(
            f'Figure.{name} is not supported by Backprop Lens (supported: add_subplot, subplots, gca, colorbar, '
            f'suptitle, tight_layout, savefig, set_size_inches, clf, axes, show)'
        )

    @property
    def axes(self):
        return list(self._axes)

    def get_axes(self):
        return list(self._axes)

    def get_size_inches(self):
        import numpy as np

        return np.array(self._size)

    def set_size_inches(self, w, h=None, forward=True):
        if h is None:
            w, h = w
        self._size = [float(w), float(h)]

    def set_figwidth(self, w):
        self._size[0] = float(w)

    def set_figheight(self, h):
        self._size[1] = float(h)

    def get_dpi(self):
        return self.dpi

    def set_dpi(self, dpi):
        self.dpi = float(dpi)

    def add_subplot(self, *args, **kw):
        if not args:
            args = (1, 1, 1)
        if len(args) == 1 and isinstance(args[0], int) and 111 <= args[0] <= 999:
            args = tuple(int(ch) for ch in str(args[0]))
        if len(args) != 3:
            raise TypeError(f'add_subplot() takes 1 or 3 positional arguments but {len(args)} were given')
        nrows, ncols, index = args
        if isinstance(index, tuple):
            first, last = index
        else:
            first = last = index
        if not (1 <= first <= last <= nrows * ncols):
            raise ValueError(f'num must be an integer with 1 <= num <= {nrows * ncols}, not {index!r}')
        r0, c0 = divmod(first - 1, ncols)
        r1, c1 = divmod(last - 1, ncols)
        grid = (nrows, ncols, r0, r1 + 1, c0, c1 + 1)
        projection = kw.pop('projection', None)
        if projection not in (None, 'rectilinear', '3d'):
            raise NotImplementedError(
                f"projection={projection!r} is not supported by Backprop Lens (2-D plots and projection='3d')"
            )
        cls = Axes
        if projection == '3d':
            from ._axes3d import Axes3D as cls
        for ax in self._axes:
            if ax._grid == grid and type(ax) is cls:
                self._current = ax
                return ax
        ax = cls(self, grid)
        self._axes.append(ax)
        self._current = ax
        for k, v in kw.items():
            if k in ('title', 'xlabel', 'ylabel', 'xlim', 'ylim', 'xscale', 'yscale', 'aspect'):
                ax.set(**{k: v})
            elif k in ('elev', 'azim') and projection == '3d':
                setattr(ax, k, v)
        return ax

    def subplots(
        self, nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, subplot_kw=None, gridspec_kw=None
    ):
        import numpy as np

        kw = subplot_kw or {}
        flat = [self.add_subplot(nrows, ncols, i + 1, **kw) for i in range(nrows * ncols)]
        if squeeze and nrows == 1 and ncols == 1:
            return flat[0]
        # numpy's object array of Axes, as matplotlib returns: isinstance(axes, np.ndarray), .flat, [r, c], ...
        axes = np.array(flat, dtype=object)
        return axes if squeeze and (nrows == 1 or ncols == 1) else axes.reshape(nrows, ncols)

    def add_axes(self, ax, *args, **kw):
        # Axes3D(fig, auto_add_to_figure=False) then fig.add_axes(ax), as matplotlib 3.4+ asks old code to do.
        if not isinstance(ax, Axes):
            raise MissingFeature(
                'Figure.add_axes with a rectangle is not supported by Backprop Lens (use add_subplot or subplots)'
            )
        if ax not in self._axes:
            self._axes.append(ax)
        self._current = ax
        return ax

    def gca(self):
        if self._current is None:
            return self.add_subplot(1, 1, 1)
        return self._current

    def sca(self, ax):
        self._current = ax

    def delaxes(self, ax):
        self._axes.remove(ax)
        if self._current is ax:
            self._current = self._axes[-1] if self._axes else None

    def suptitle(self, t, **kw):
        from ._artists import Text

        self._suptitle = str(t)
        return Text(kw.get('x', 0.5), kw.get('y', 0.98), t, 'axes')

    def tight_layout(self, *args, **kw):
        self._tight = True

    def set_tight_layout(self, tight):
        self._tight = bool(tight)

    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
        pass  # the panel lays subplots out itself

    def colorbar(self, mappable=None, cax=None, ax=None, label='', **kw):
        if mappable is None or not isinstance(mappable, ScalarMappable) or mappable.cmap is None:
            raise RuntimeError(
                'No mappable was found to use for colorbar creation. First define a mappable such as an image '
                '(with imshow) or a contour set (with contourf).'
            )
        target = ax if ax is not None else (mappable.axes or self.gca())
        if isinstance(target, (list, tuple)) or hasattr(target, 'ravel'):
            target = list(target.ravel() if hasattr(target, 'ravel') else target)[-1]
        cb = Colorbar(target, mappable, label)
        target._colorbar_obj = cb
        target._colorbar = cb.to_json()
        return cb

    def clf(self, keep_observers=False):
        self._axes = []
        self._current = None
        self._suptitle = ''

    clear = clf

    def show(self, warn=True):
        _backend.show(self)

    def savefig(self, fname, *, dpi=None, format=None, bbox_inches=None, transparent=False, facecolor=None, **kw):
        _backend.savefig(self, fname, dpi, format, transparent)

    def to_json(self):
        for ax in self._axes:
            cb = getattr(ax, '_colorbar_obj', None)
            if cb is not None:
                ax._colorbar = cb.to_json()
        return {
            'number': self.number,
            'width': self._size[0],
            'height': self._size[1],
            'dpi': self.dpi,
            'title': self._suptitle,
            'tight': self._tight,
            'axes': [ax._to_json() for ax in self._axes],
        }


class Colorbar:
    def __init__(self, ax, mappable, label):
        self.ax = ax
        self.mappable = mappable
        self._label = str(label or '')

    def set_label(self, label, **kw):
        self._label = str(label)

    def to_json(self):
        return self.mappable.colorbar_json(self._label)
