"""Backprop Lens probe: the learner's real matplotlib figures in the panel's Figures view.

Before the file runs, MPLBACKEND=Agg (nothing ever opens a window, child processes included) and an import
hook that patches `matplotlib.pyplot` once the script imports it: `plt.show()` sends every open figure as a
`figure` event and closes them (as the built-in matplotlib does), `plt.pause()` (show(block=False)) sends
them and keeps them open, and figures still open when the file ends are sent too. A figure event has the
form the built-in matplotlib sends (axes on their grid, each with its lines, scatters, bars, images, texts:
_blp_figure_data.py), so the panel draws it alike; a figure holding what that form cannot say (contours,
3-D axes, ...) is sent as what Agg drew (its pixels as one `image` artist filling a figure without axes).
`savefig` is matplotlib's own. As the built-in does, one figure number is sent at most ten times a second,
the latest always by the end of the run.
"""

import importlib.machinery
import importlib.util
import os
import sys
import time

# The probe's folder is no longer on sys.path once the learner's file runs (see prepare_main).
_FIGURE_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_blp_figure_data.py')

SHOW_INTERVAL_S = 0.1
# Figures bigger than this many pixels are drawn at a lower dpi for the panel (a PNG via savefig is not).
MAX_PIXELS = 1000 * 800


class Figures:
    def __init__(self, run_id, send):
        self.run_id = run_id
        self.send = send
        self.pyplot = None
        self._last_sent = {}
        self._pending = {}
        self._finder = None

    def install(self):
        os.environ['MPLBACKEND'] = 'Agg'
        loaded = sys.modules.get('matplotlib.pyplot')
        if loaded is not None:
            self._patch(loaded)
            return
        self._finder = _PyplotFinder(self._patch)
        sys.meta_path.insert(0, self._finder)

    def uninstall(self):
        if self._finder is not None and self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)
        self._finder = None

    def _patch(self, pyplot):
        if getattr(pyplot.show, '_blp_show', False):
            return
        self.pyplot = pyplot
        try:
            pyplot.switch_backend('Agg')
        except Exception:  # noqa: BLE001 - a figure already made with another backend still renders
            pass
        figures = self

        def show(*args, **kwargs):
            block = kwargs.get('block', args[0] if args else None)
            figures.show_open(close=block is not False)

        show.__doc__ = pyplot.show.__doc__
        show._blp_show = True
        pyplot.show = show
        _mark_tight_layout()

    def show_open(self, close):
        from matplotlib._pylab_helpers import Gcf

        for manager in Gcf.get_all_fig_managers():
            self.show(manager.canvas.figure)
        if close:
            self.pyplot.close('all')

    def show(self, fig):
        number = fig.number
        last = self._last_sent.get(number)
        if last is not None and time.monotonic() - last < SHOW_INTERVAL_S:
            self._pending[number] = fig
            return
        self._send(fig)

    def _send(self, fig):
        self.send(figure_event(fig, self.run_id))
        self._last_sent[fig.number] = time.monotonic()
        self._pending.pop(fig.number, None)

    def flush(self):
        """The end of the run: figures kept back by the interval, then every figure still open."""
        if self.pyplot is None:
            return
        from matplotlib._pylab_helpers import Gcf

        open_figures = [m.canvas.figure for m in Gcf.get_all_fig_managers()]
        for fig in list(self._pending.values()):
            if fig not in open_figures:
                self._send(fig)
        for fig in open_figures:
            self._send(fig)


def _mark_tight_layout():
    """`fig.tight_layout()` (plt.tight_layout()) lays the figure out once and leaves no trace on it: the
    FigureData's `tight` needs one."""
    from matplotlib.figure import Figure

    original = Figure.tight_layout
    if getattr(original, '_blp_tight', False):
        return

    def tight_layout(self, *args, **kwargs):
        self._blp_tight = True
        return original(self, *args, **kwargs)

    tight_layout.__doc__ = original.__doc__
    tight_layout._blp_tight = True
    Figure.tight_layout = tight_layout


def figure_event(fig, run_id):
    """A FigureEvent (src/protocolFigures.ts) of `fig`: as the built-in matplotlib sends it, else its pixels."""
    data = _figure_data_module()
    try:
        return {'type': 'figure', 'runId': run_id, **data.figure_data(fig)}
    except data.Unsupported:
        return pixels_event(fig, run_id)


def _figure_data_module():
    """_blp_figure_data.py, loaded from the probe's folder the first time a figure is sent (it imports matplotlib)."""
    module = sys.modules.get('_blp_figure_data')
    if module is None:
        spec = importlib.util.spec_from_file_location('_blp_figure_data', _FIGURE_DATA)
        module = importlib.util.module_from_spec(spec)
        sys.modules['_blp_figure_data'] = module
        spec.loader.exec_module(module)
    return module


def pixels_event(fig, run_id):
    """A FigureEvent holding what Agg draws for `fig` (one image filling a figure without axes)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    dpi = fig.dpi
    width, height = fig.get_figwidth(), fig.get_figheight()
    pixels = width * dpi * height * dpi
    original_dpi = None
    if pixels > MAX_PIXELS:
        original_dpi = dpi
        fig.set_dpi(dpi * (MAX_PIXELS / pixels) ** 0.5)
    try:
        canvas = FigureCanvasAgg(fig) if not isinstance(fig.canvas, FigureCanvasAgg) else fig.canvas
        canvas.draw()
        cols, rows = canvas.get_width_height()
        rgba = bytes(canvas.buffer_rgba())
    finally:
        if original_dpi is not None:
            fig.set_dpi(original_dpi)
    image = {
        'kind': 'image',
        'cols': cols,
        'rows': rows,
        'rgba': list(rgba),
        'extent': [0, cols, rows, 0],
        'smooth': True,
    }
    axes = {
        'grid': [1, 1, 0, 1, 0, 1],
        'twin': None,
        'title': '',
        'xlabel': '',
        'ylabel': '',
        'xlim': [0, cols],
        'ylim': [0, rows],
        'xscale': 'linear',
        'yscale': 'linear',
        'grid_lines': False,
        'legend': None,
        'xticks': None,
        'yticks': None,
        'aspect': 'equal',
        'axisOn': False,
        'colorbar': None,
        'artists': [image],
    }
    return {
        'type': 'figure',
        'runId': run_id,
        'number': fig.number,
        'width': width,
        'height': height,
        'dpi': dpi,
        'title': '',
        'tight': True,
        'axes': [axes],
    }


class _PyplotFinder:
    """Finds matplotlib.pyplot as Python would, and patches it once it has been executed."""

    def __init__(self, on_loaded):
        self.on_loaded = on_loaded

    def find_spec(self, name, path=None, target=None):
        if name != 'matplotlib.pyplot':
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, 'exec_module'):
            return spec
        loader = spec.loader
        execute = loader.exec_module
        on_loaded = self.on_loaded

        def exec_module(module):
            execute(module)
            on_loaded(module)

        loader.exec_module = exec_module
        return spec
