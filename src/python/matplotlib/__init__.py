"""Backprop Lens' own matplotlib (pure Python): pyplot with matplotlib 3.6's names, defaults and colours, drawn
in the training panel's Figures section and saved as PNG files by the runtime. `matplotlib.use(...)` is
accepted (there is one backend: the panel)."""

from ._errors import MissingFeature

from . import colors  # noqa: F401
from . import cm  # noqa: F401

__version__ = '3.6.3'


class RcParams(dict):
    """rcParams, validating as matplotlib does the keys whose printed form changes: sizes and widths become
    floats ('font.size' = 12 reads back 12.0), 'figure.figsize' a list of two floats. Other keys are kept."""

    __module__ = 'matplotlib'

    def __setitem__(self, key, value):
        if key == 'figure.figsize':
            w, h = value
            value = [float(w), float(h)]
        elif key in _FLOAT_KEYS and not isinstance(value, str):
            value = float(value)
        super().__setitem__(key, value)

    def update(self, *args, **kw):
        for k, v in dict(*args, **kw).items():
            self[k] = v


_FLOAT_KEYS = {'figure.dpi', 'font.size', 'lines.linewidth', 'lines.markersize', 'axes.linewidth'}
_FLOAT_KEYS |= {'axes.titlesize', 'axes.labelsize', 'xtick.labelsize', 'ytick.labelsize', 'legend.fontsize'}

rcParams = RcParams(
    {
        'figure.figsize': [6.4, 4.8],
        'figure.dpi': 100.0,
        'savefig.dpi': 'figure',
        'font.size': 10.0,
        'lines.linewidth': 1.5,
        'lines.markersize': 6.0,
        'axes.grid': False,
        'image.cmap': 'viridis',
        'backend': 'module://backprop_lens',
    }
)
_DEFAULTS = dict(rcParams)


def use(backend, *, force=True):
    """Accepted for any backend name: figures always go to the Backprop Lens panel (and savefig to files)."""
    if not isinstance(backend, str):
        raise TypeError(f'backend must be a str, not {type(backend).__name__}')


def get_backend():
    return rcParams['backend']


def interactive(b):
    pass


def is_interactive():
    return False


def __getattr__(name):
    if name.startswith('_'):
        raise AttributeError(f"module 'matplotlib' has no attribute '{name}'")
    if name in ('pyplot', 'ticker', 'patches'):
        import importlib

        return importlib.import_module('matplotlib.' + name)
    raise MissingFeature(
        f'matplotlib.{name} is not supported by Backprop Lens (supported: matplotlib.pyplot, matplotlib.use, '
        f'matplotlib.rcParams, matplotlib.colors, matplotlib.cm, matplotlib.ticker, matplotlib.patches)'
    )


def _bl_reset():
    rcParams.clear()
    rcParams.update(_DEFAULTS)
    pyplot = __import__('sys').modules.get('matplotlib.pyplot')
    if pyplot is not None:
        pyplot._bl_reset()
