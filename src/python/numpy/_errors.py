"""Errors and warnings of Backprop Lens' numpy: unsupported features name themselves, and numpy's
RuntimeWarnings (divide by zero, invalid value) point at the learner's line as numpy's do."""

import os
import sys
import warnings

SUPPORTED_HINT = (
    "Backprop Lens' numpy covers ndarray basics (creation, indexing, arithmetic, math, reductions, printing), "
    "np.linalg.norm/inv/det/solve, the legacy np.random functions and np.random.default_rng's common methods; "
    "see README 'Supported NumPy'."
)

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def unsupported(feature, hint=None):
    detail = f" ({hint})" if hint else ''
    return NotImplementedError(f"{feature} is not supported by Backprop Lens{detail}. {SUPPORTED_HINT}")


class MissingFeature(NotImplementedError, AttributeError):
    """NotImplementedError for a numpy name we do not have; also an AttributeError, so that hasattr(np, name)
    and getattr(np, name, default) behave as with a numpy that lacks the name."""


MissingFeature.__name__ = MissingFeature.__qualname__ = 'NotImplementedError'
MissingFeature.__module__ = 'builtins'


def missing(feature, hint=None):
    detail = f" ({hint})" if hint else ''
    return MissingFeature(f"{feature} is not supported by Backprop Lens{detail}. {SUPPORTED_HINT}")


def module_getattr(prefix):
    """A module-level __getattr__: unknown public names raise NotImplementedError naming them."""

    def __getattr__(name):
        if name.startswith('_'):
            raise AttributeError(f"module '{prefix}' has no attribute '{name}'")
        raise missing(f"{prefix}.{name}")

    return __getattr__


class UFuncTypeError(TypeError):
    pass


class _UFuncOutputCastingError(UFuncTypeError):
    """What numpy raises for `int_array += 1.5`; named as numpy names it in messages and tracebacks."""


UFuncTypeError.__module__ = _UFuncOutputCastingError.__module__ = 'numpy.core._exceptions'
_UFuncOutputCastingError.__name__ = 'UFuncTypeError'


class AxisError(ValueError, IndexError):
    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None:
            super().__init__(axis)
        else:
            msg = f"axis {axis} is out of bounds for array of dimension {ndim}"
            super().__init__(f"{msg_prefix}: {msg}" if msg_prefix else msg)


def _user_stacklevel():
    """The stacklevel (for warnings.warn called from this module) of the first frame outside numpy."""
    frame = sys._getframe(2)
    level = 2
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)).startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level


_state = {'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}


def runtime_warning(kind, message):
    """numpy's floating-point error report: kind is 'divide', 'over' or 'invalid'."""
    mode = _state.get(kind, 'warn')
    if mode == 'ignore':
        return
    if mode == 'raise':
        raise FloatingPointError(message)
    warnings.warn(message, RuntimeWarning, stacklevel=_user_stacklevel())


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    old = dict(_state)
    for key, value in (('divide', divide), ('over', over), ('under', under), ('invalid', invalid)):
        value = value if value is not None else all
        if value is not None:
            _state[key] = value
    return old


def geterr():
    return dict(_state)


class errstate:
    def __init__(self, **kwargs):
        self._kwargs = kwargs
        self._old = None

    def __enter__(self):
        self._old = seterr(**self._kwargs)

    def __exit__(self, *exc):
        _state.clear()
        _state.update(self._old)

    def __call__(self, fn):
        def wrapped(*a, **k):
            with self:
                return fn(*a, **k)

        return wrapped
