"""matplotlib.legend for Backprop Lens: the Legend class, for `from matplotlib.legend import Legend` and
isinstance checks on what `plt.legend()` returns."""

from ._errors import MissingFeature
from ._legend import Legend  # noqa: F401


def __getattr__(name):
    if name.startswith('_'):
        raise AttributeError(f"module 'matplotlib.legend' has no attribute '{name}'")
    raise MissingFeature(f'matplotlib.legend.{name} is not supported by Backprop Lens (supported: Legend)')
