"""matplotlib.cm for Backprop Lens: `get_cmap` and the colormaps as attributes (`plt.cm.Spectral`,
`cm.viridis_r`), as course plotting helpers pass them to scatter/contourf."""

from . import _data_tables as _T
from ._colors import Colormap, get_cmap  # noqa: F401


def __getattr__(name):
    base = name[:-2] if name.endswith('_r') else name
    if base in _T.CMAPS:
        return get_cmap(name)
    raise AttributeError(f"module 'matplotlib.cm' has no attribute '{name}'")
