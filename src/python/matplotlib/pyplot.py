"""matplotlib.pyplot for Backprop Lens: the state machine of figures and the current Axes, with
matplotlib's names. `show()` sends every open figure to the panel and closes them (as Jupyter's inline
backend does); `pause()` and `fig.canvas.draw()` send without closing (live plots in a training loop); the
figures still open when the file ends are sent too. `savefig` writes a real PNG."""

from ._errors import MissingFeature

import time as _time

from . import _backend
from . import _colors, cm, rcParams  # noqa: F401
from ._figure import Figure

_figures = {}
_current = None


def __getattr__(name):
    if name.startswith('_'):
        raise AttributeError(f"module 'matplotlib.pyplot' has no attribute '{name}'")
    raise MissingFeature(
        f'matplotlib.pyplot.{name} is not supported by Backprop Lens (supported: plot, scatter, hist, bar, barh, '
        f'imshow, contour, contourf, fill_between, errorbar, quiver, boxplot, colorbar, setp, title, xlabel, ylabel, legend, grid, xlim, ylim, '
        f'xscale, yscale, xticks, yticks, axhline, axvline, text, figure, subplot, subplots, tight_layout, show, '
        f'pause, savefig, close, clf, cla, gcf, gca, get_fignums, suptitle, axis, axes)'
    )


def figure(num=None, figsize=None, dpi=None, facecolor=None, edgecolor=None, frameon=True, clear=False, **kw):
    global _current
    if isinstance(num, Figure):
        _current = num
        _figures.setdefault(num.number, num)
        return num
    label = None
    if isinstance(num, str):
        label = num
        num = next((n for n, f in _figures.items() if f._label == label), None)
    if num is None:
        num = max(_figures, default=0) + 1
    num = int(num)
    fig = _figures.get(num)
    if fig is None:
        fig = Figure(num, figsize, dpi)
        if label:
            fig._label = label
        _figures[num] = fig
    elif clear:
        fig.clf()
    _current = fig
    return fig


def gcf():
    return _current if _current is not None else figure()


def gca():
    return gcf().gca()


def sca(ax):
    global _current
    _current = ax.figure
    ax.figure.sca(ax)


def get_fignums():
    return sorted(_figures)


def fignum_exists(num):
    return num in _figures


def close(fig=None):
    global _current
    if fig == 'all':
        _figures.clear()
        _current = None
        return
    if fig is None:
        target = _current
    elif isinstance(fig, Figure):
        target = fig
    elif isinstance(fig, int):
        target = _figures.get(fig)
    else:
        raise TypeError('close() argument must be a Figure, an int, a string, or None, not ' + type(fig).__name__)
    if target is not None and _figures.get(target.number) is target:
        del _figures[target.number]
    if _current is target:
        _current = _figures[max(_figures)] if _figures else None


def clf():
    gcf().clf()


def cla():
    gca().cla()


def subplot(*args, **kw):
    return gcf().add_subplot(*args, **kw)


def axes(arg=None, **kw):
    # matplotlib 3.6: no rect means fig.add_subplot(**kw) (UvA's plot_curve writes `ax = plt.axes()`).
    if arg is None:
        return gcf().add_subplot(**kw)
    raise MissingFeature(
        'matplotlib.pyplot.axes with a rectangle is not supported by Backprop Lens (subplot grids only)'
    )


def subplots(
    nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, subplot_kw=None, gridspec_kw=None, **fig_kw
):
    fig = figure(**fig_kw)
    axes = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze, subplot_kw=subplot_kw)
    return fig, axes


def show(*args, block=None, **kw):
    for num in sorted(_figures):
        _backend.show(_figures[num])
    close('all')


def pause(interval):
    if _current is not None:
        _backend.show(_current)
    _time.sleep(interval)


def draw():
    if _current is not None:
        _backend.show(_current)


def ion():
    pass


def ioff():
    pass


def isinteractive():
    return False


def savefig(*args, **kw):
    return gcf().savefig(*args, **kw)


def tight_layout(**kw):
    gcf().tight_layout()


def subplots_adjust(left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
    gcf().subplots_adjust(left, bottom, right, top, wspace, hspace)


def suptitle(t, **kw):
    return gcf().suptitle(t, **kw)


def colorbar(mappable=None, cax=None, ax=None, **kw):
    if mappable is None:
        a = gca()
        mappable = next((m for m in reversed(a._artists) if getattr(m, 'cmap', None) is not None), None)
    return gcf().colorbar(mappable, cax, ax, **kw)


def _on_gca(name):
    def f(*args, **kw):
        return getattr(gca(), name)(*args, **kw)

    f.__name__ = f.__qualname__ = name
    return f


for _name in (
    'plot',
    'scatter',
    'hist',
    'bar',
    'barh',
    'imshow',
    'contour',
    'contourf',
    'fill_between',
    'quiver',
    'boxplot',
    'errorbar',
    'axhline',
    'axvline',
    'text',
    'annotate',
    'legend',
    'semilogy',
    'semilogx',
    'loglog',
    'axis',
):
    globals()[_name] = _on_gca(_name)


def title(label, **kw):
    return gca().set_title(label, **kw)


def xlabel(label, **kw):
    return gca().set_xlabel(label, **kw)


def ylabel(label, **kw):
    return gca().set_ylabel(label, **kw)


def grid(visible=None, which='major', axis='both', **kw):
    return gca().grid(visible, which, axis, **kw)


def xlim(*args, **kw):
    ax = gca()
    return ax.set_xlim(*args, **kw) if args or kw else ax.get_xlim()


def ylim(*args, **kw):
    ax = gca()
    return ax.set_ylim(*args, **kw) if args or kw else ax.get_ylim()


def xscale(value, **kw):
    gca().set_xscale(value)


def yscale(value, **kw):
    gca().set_yscale(value)


class XTick:
    """What plt.xticks(ticks) returns one of per tick (printed by its address, as matplotlib's)."""

    __module__ = 'matplotlib.axis'


class YTick:
    __module__ = 'matplotlib.axis'


def _ticks(axis, tick_class, ticks, labels):
    ax = gca()
    get_ticks, get_labels = (ax.get_xticks, ax.get_xticklabels) if axis == 'x' else (ax.get_yticks, ax.get_yticklabels)
    if ticks is None:
        if labels is not None:
            raise TypeError(f"{axis}ticks(): Parameter 'labels' can't be set without setting 'ticks'")
        # (locations, labels) as matplotlib returns them for ticks that were set; the panel places the
        # automatic ones when it draws, so for those both are empty here.
        return get_ticks(), get_labels()
    (ax.set_xticks if axis == 'x' else ax.set_yticks)(ticks, labels)
    return [tick_class() for _ in get_labels()], get_labels()


def xticks(ticks=None, labels=None, **kw):
    # Text properties (rotation=45, fontsize=8) are accepted: the panel draws tick labels level, in its theme.
    return _ticks('x', XTick, ticks, labels)


def yticks(ticks=None, labels=None, **kw):
    return _ticks('y', YTick, ticks, labels)


class _Style:
    """plt.style: `use` and `context` accepted for any style name; the panel draws in matplotlib's default
    look with its theme's colours (printed values do not depend on a style)."""

    available = ['Solarize_Light2', 'bmh', 'classic', 'dark_background', 'fivethirtyeight', 'ggplot', 'grayscale']
    available += ['seaborn', 'seaborn-v0_8', 'seaborn-whitegrid', 'seaborn-darkgrid', 'tableau-colorblind10']

    def use(self, style):
        if not isinstance(style, (str, dict, list, tuple)):
            raise TypeError(f'style must be a str, dict or list, not {type(style).__name__}')

    def context(self, style, after_reset=False):
        import contextlib

        self.use(style)
        return contextlib.nullcontext()


style = _Style()


def rc(group, **kwargs):
    for k, v in kwargs.items():
        rcParams[f'{group}.{k}'] = v


def rcdefaults():
    import matplotlib

    rcParams.clear()
    rcParams.update(matplotlib._DEFAULTS)


def tick_params(axis='both', **kw):
    gca().tick_params(axis, **kw)


def locator_params(axis='both', tight=None, **kw):
    pass  # the panel places ticks as matplotlib's AutoLocator does


def minorticks_on():
    pass


def minorticks_off():
    pass


def margins(*args, **kw):
    return gca().margins(*args, **kw)


def get_cmap(name=None, lut=None):
    return _colors.get_cmap(name, lut)


def setp(obj, *args, **kwargs):
    """plt.setp(ax.get_xticklabels(), rotation=45, ha='right'): each property through the artist's set_<name>
    (what the panel does not draw, a tick label's rotation, is accepted by the label and changes nothing)."""
    targets = obj if isinstance(obj, (list, tuple)) else [obj]
    props = dict(zip(args[::2], args[1::2]), **kwargs)
    for t in targets:
        for k, v in props.items():
            setter = getattr(t, 'set_' + k, None)
            if setter is None:
                raise AttributeError(f'{type(t).__name__}.set() got an unexpected keyword argument {k!r}')
            setter(v)


def _bl_end_run():
    """Called by the runtime as the file ends: the figures still open are shown (then forgotten)."""
    global _current
    _backend.flush([_figures[n] for n in sorted(_figures)])
    _figures.clear()
    _current = None


def _bl_reset():
    global _current
    _figures.clear()
    _current = None
    _backend.reset()
