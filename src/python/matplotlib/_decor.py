"""The Axes' decorations that learners restyle but the panel draws in its own theme: spines, the x and y
axis objects, the face colour, tick parameters. Their setters are accepted and change nothing drawn, as
matplotlib.use accepts any backend; a name outside them says it is not supported."""

from ._errors import MissingFeature


class _Accepting:
    """An object whose styling setters (set_*, tick_*, grid) are accepted and ignored."""

    _owner = 'object'

    def __getattr__(self, name):
        if name.startswith('set_') or name.startswith('tick_') or name in ('grid', 'label_outer'):
            return lambda *args, **kw: None
        if name.startswith('_'):
            raise AttributeError(name)
        raise MissingFeature(f'{self._owner}.{name} is not supported by Backprop Lens (styling setters only)')


class Spine(_Accepting):
    __module__ = 'matplotlib.spines'
    _owner = 'Spine'


class Spines(dict):
    """ax.spines: 'left', 'right', 'bottom', 'top'; a list of names gives one object styling them all."""

    __module__ = 'matplotlib.spines'

    def __init__(self):
        super().__init__((k, Spine()) for k in ('left', 'right', 'bottom', 'top'))

    def __getitem__(self, key):
        if isinstance(key, (list, tuple)):
            return _Group([dict.__getitem__(self, k) for k in key])
        if isinstance(key, slice):
            return _Group(list(self.values()))
        return dict.__getitem__(self, key)

    def __getattr__(self, name):
        if name in ('left', 'right', 'bottom', 'top'):
            return self[name]
        raise AttributeError(f"'Spines' object does not contain a '{name}' spine")


class _Group(_Accepting):
    _owner = 'SpinesProxy'

    def __init__(self, items):
        self._items = items


class AxisStub(_Accepting):
    """ax.xaxis / ax.yaxis (get_xaxis()): set_visible, set_ticks_position, set_label_position, ... accepted."""

    __module__ = 'matplotlib.axis'
    _owner = 'Axis'

    def __init__(self, name):
        self._owner = name
