"""ListedColormap: a colormap made from a list of colours (Raschka's plot_decision_regions colours its decision
regions with ListedColormap(('red', 'blue', ...)[:n_classes]))."""

import itertools

from ._colors import Colormap, to_hex, to_rgba


class ListedColormap(Colormap):
    """N colours picked as matplotlib picks them: floats in [0, 1] by int(x * N), integers as indices, both
    clipped to the ends; NaN is transparent."""

    def __init__(self, colors, name='from_list', N=None):
        self.monochrome = False
        if N is None:
            self.colors = colors
            N = len(colors)
        elif isinstance(colors, str):
            self.colors = [colors] * N
            self.monochrome = True
        else:
            # matplotlib repeats a shorter list (and cuts a longer one) to N entries.
            self.colors = list(itertools.islice(itertools.cycle(colors), N))
            self.monochrome = len(colors) == 1
        self._rgba = [tuple(float(v) for v in to_rgba(c)) for c in self.colors]
        super().__init__(name, ''.join(to_hex(c)[1:] for c in self._rgba))
        self.N = N

    def _index(self, x):
        if isinstance(x, float):
            if x != x:
                return None
            i = int(x * self.N) if x < 1 else self.N - 1
        else:
            i = x
        return min(max(i, 0), self.N - 1)

    def __call__(self, x, alpha=None):
        if isinstance(x, (int, float)):
            i = self._index(x)
            if i is None:
                return (0.0, 0.0, 0.0, 0.0)
            r, g, b, a = self._rgba[i]
            return (r, g, b, a if alpha is None else alpha)
        return super().__call__(x, alpha)

    def reversed(self, name=None):
        return ListedColormap(list(reversed(self.colors)), name or self.name + '_r')

    def resampled(self, lutsize):
        import numpy as np

        return ListedColormap(self(np.linspace(0, 1, lutsize)), self.name)

    def __repr__(self):
        return f'<matplotlib.colors.ListedColormap object: {self.name}>'
