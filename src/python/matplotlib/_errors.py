"""The error for a matplotlib name we do not have."""


class MissingFeature(NotImplementedError, AttributeError):
    """NotImplementedError naming the feature; also an AttributeError, so that hasattr(ax, name) is False."""


MissingFeature.__name__ = MissingFeature.__qualname__ = 'NotImplementedError'
MissingFeature.__module__ = 'builtins'
