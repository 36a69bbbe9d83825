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
        return tuple(self._size)

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
        for ax in self._axes:
            if ax._grid == grid:
                self._current = ax
                return ax
        ax = Axes(self, grid)
        self._axes.append(ax)
        self._current = ax
        for k, v in kw.items():
            if k in ('title', 'xlabel', 'ylabel', 'xlim', 'ylim', 'xscale', 'yscale', 'aspect'):
                ax.set(**{k: v})
            elif k == 'projection' and v not in (None, 'rectilinear'):
                raise NotImplementedError(f"projection={v!r} is not supported by Backprop Lens (2-D plots only)")
        return ax

    def subplots(self, nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, **kw):
        grid = [[self.add_subplot(nrows, ncols, r * ncols + c + 1) for c in range(ncols)] for r in range(nrows)]
        if squeeze and nrows == 1 and ncols == 1:
            return grid[0][0]
        if squeeze and (nrows == 1 or ncols == 1):
            return AxesArray([ax for row in grid for ax in row], (nrows * ncols,))
        return AxesArray([ax for row in grid for ax in row], (nrows, ncols))

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
        self._suptitle = str(t)

    def tight_layout(self, *args, **kw):
        self._tight = True

    def set_tight_layout(self, tight):
        self._tight = bool(tight)

    def subplots_adjust(self, **kw):
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


class AxesArray:
    """The array of Axes that subplots returns (numpy's object array): [i], [r, c], rows, .flat, .ravel()."""

    def __init__(self, items, shape):
        self._items = items
        self.shape = shape
        self.ndim = len(shape)
        self.size = len(items)

    def __len__(self):
        return self.shape[0]

    def __getattr__(self, name):
        # `ax.plot(...)` on the array subplots(1, 2) returns: the learner's mistake, in numpy's words.
        raise AttributeError(f"'numpy.ndarray' object has no attribute '{name}'")

    def _row(self, r):
        n = self.shape[1]
        return AxesArray(self._items[r * n : (r + 1) * n], (n,))

    def __getitem__(self, key):
        if self.ndim == 1:
            if isinstance(key, slice):
                picked = self._items[key]
                return AxesArray(picked, (len(picked),))
            return self._items[key]
        if isinstance(key, tuple):
            r, c = key
            if isinstance(r, int) and isinstance(c, int):
                return self._items[(r % self.shape[0]) * self.shape[1] + c % self.shape[1]]
            rows = range(self.shape[0])[r] if isinstance(r, slice) else [r]
            cols = range(self.shape[1])[c] if isinstance(c, slice) else [c]
            picked = [self._items[i * self.shape[1] + j] for i in rows for j in cols]
            return AxesArray(picked, (len(picked),))
        if isinstance(key, slice):
            return [self._row(r) for r in range(self.shape[0])[key]]
        return self._row(key % self.shape[0])

    def __iter__(self):
        if self.ndim == 1:
            return iter(self._items)
        return iter(self._row(r) for r in range(self.shape[0]))

    @property
    def flat(self):
        return iter(self._items)

    def ravel(self):
        return AxesArray(list(self._items), (self.size,))

    flatten = ravel

    def tolist(self):
        return list(self._items) if self.ndim == 1 else [list(self._row(r)) for r in range(self.shape[0])]

    def __repr__(self):
        return f'array({self.tolist()!r}, dtype=object)'

    def __str__(self):
        # As numpy prints an object array: elements wrapped at 75 columns (numpy's _formatArray).
        def row(items, indent, width):
            out, line = '', indent
            for i, ax in enumerate(items):
                word = repr(ax)
                limit = width - 1 if i == len(items) - 1 else width
                if len(line) + len(word) > limit and len(line) > len(indent):
                    out += line.rstrip() + '\n'
                    line = indent
                line += word + ('' if i == len(items) - 1 else ' ')
            return '[' + (out + line)[len(indent) :] + ']'

        if self.ndim == 1:
            return row(self._items, ' ', 75)
        rows = [row(list(self._row(r)), '  ', 74) for r in range(self.shape[0])]
        return '[' + '\n '.join(rows) + ']'


# It is a numpy.ndarray of Axes in matplotlib: type(axes) and type(axes).__name__ print as numpy's.
AxesArray.__name__ = AxesArray.__qualname__ = 'ndarray'
AxesArray.__module__ = 'numpy'
