"""matplotlib.colors for Backprop Lens: the colour conversions and colormaps (`from matplotlib.colors import
to_rgba`, as UvA's notebooks colour a decision map with it)."""

from ._colors import Colormap, get_cmap, is_color_like, to_hex, to_rgba  # noqa: F401
from ._errors import MissingFeature
from ._listed import ListedColormap  # noqa: F401


def to_rgb(c):
    return to_rgba(c)[:3]


def __getattr__(name):
    if name.startswith('_'):
        raise AttributeError(f"module 'matplotlib.colors' has no attribute '{name}'")
    raise MissingFeature(
        f'matplotlib.colors.{name} is not supported by Backprop Lens (supported: to_rgba, to_rgb, to_hex, '
        f'is_color_like, Colormap, ListedColormap, get_cmap)'
    )
