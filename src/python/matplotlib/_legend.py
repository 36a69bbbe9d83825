"""matplotlib.legend.Legend as learners touch it: the object `plt.legend()` returns, whose frame they recolour
(the deeplearning.ai course writes `legend.get_frame().set_facecolor('0.90')`) and whose texts they read back.
The panel draws the legend from the Axes' artists; this object only carries where and how big it is."""

from . import _artists as A


class _Frame:
    """The legend's background patch: colours are kept for the getters, the panel keeps its theme's frame."""

    __module__ = 'matplotlib.patches'

    def __init__(self):
        self._facecolor, self._edgecolor, self._alpha, self._linewidth = 'white', '0.8', None, 1.0

    def set_facecolor(self, color):
        self._facecolor = color

    def set_edgecolor(self, color):
        self._edgecolor = color

    def set_alpha(self, alpha):
        self._alpha = alpha

    def set_linewidth(self, width):
        self._linewidth = float(width)

    def get_alpha(self):
        return self._alpha

    def get_linewidth(self):
        return self._linewidth


class Legend:
    __module__ = 'matplotlib.legend'

    def __init__(self, axes, loc, fontsize, title=None):
        self.axes = axes
        self._loc, self._fontsize = loc, fontsize
        self._frame = _Frame()
        self._title = A.Text(0, 0, '' if title is None else title)
        # The labels at the time of the call, as matplotlib takes them (later plots are not added).
        self.texts = [A.Text(0, 0, label) for label in self._labels()]

    def _labels(self):
        return [a._legend_label() for a in self.axes._artists if a._legend_label() is not None]

    def get_frame(self):
        return self._frame

    def get_texts(self):
        return list(self.texts)

    def get_title(self):
        return self._title

    def set_title(self, title, prop=None):
        self._title.set_text(title)

    def remove(self):
        self.axes._legend = None

    def _spec(self):
        return {'loc': self._loc, 'fontsize': self._fontsize}

    def __repr__(self):
        return '<matplotlib.legend.Legend object>'

    def __str__(self):
        return 'Legend'
