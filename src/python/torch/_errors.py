"""Callbacks the engine bridge uses to act in Python:
- `_raise`: turns engine (JS) errors into the Python exceptions PyTorch raises. The bridge catches every JS
  error and calls it with the error's name (RuntimeError, IndexError, ...) and message; the exception then
  travels back through JS into the script as that Python exception class.
- `_warn`: PyTorch's UserWarnings (e.g. mse_loss broadcasting), reported by the warnings module at the
  user's line, as PyTorch does.
- `_print`: text the engine prints (verbose lr schedulers) goes through Python's stdout, in order."""

import os
import sys
import warnings

from ._engine import E


class _LinAlgError(RuntimeError):
    """torch.linalg.LinAlgError: a factorization LAPACK reports failed (a singular matrix, one not positive-definite)."""


_LinAlgError.__module__ = 'torch._C'

_KINDS = {
    'LinAlgError': _LinAlgError,
    'RuntimeError': RuntimeError,
    'IndexError': IndexError,
    'ValueError': ValueError,
    'TypeError': TypeError,
    'KeyError': KeyError,
    'NotImplementedError': NotImplementedError,
    'AttributeError': AttributeError,
    'ZeroDivisionError': ZeroDivisionError,
    'StopIteration': StopIteration,
}
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _raise(kind, message):
    cls = _KINDS.get(kind, RuntimeError)
    raise cls(message)


def _warn(message):
    # stacklevel of the first frame outside the torch package: the user's line.
    level = 2
    frame = sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    warnings.warn(message, UserWarning, stacklevel=level)


_warned_once = set()


def warn_once(message):
    """PyTorch's TORCH_WARN_ONCE: `message` is warned at the learner's line the first time only."""
    if message not in _warned_once:
        _warned_once.add(message)
        _warn(message)


def _print(line):
    print(line)


E.set_python_callbacks(_raise, _warn, _print)
