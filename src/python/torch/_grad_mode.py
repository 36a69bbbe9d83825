"""no_grad / enable_grad / set_grad_enabled / inference_mode: context managers and decorators over the
engine's switches."""

import functools

from _bl_engine import set_grad_enabled as _set, is_grad_enabled
from _bl_engine import set_inference_mode as _set_inference, is_inference_mode as _is_inference


class _GradMode:
    _enabled = True

    def __init__(self):
        self._prev = []

    def __enter__(self):
        self._prev.append(_set(self._enabled))
        return None

    def __exit__(self, *exc):
        _set(self._prev.pop())
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__():
                return fn(*args, **kwargs)

        return wrapper


class no_grad(_GradMode):
    _enabled = False


class enable_grad(_GradMode):
    _enabled = True


class inference_mode(_GradMode):
    """no_grad whose tensors are inference tensors: every tensor created inside reports is_inference(), and
    once the mode is off the engine refuses to write one in place, let it require grad or save it for a
    backward pass (engine/inference.ts). inference_mode(False) turns both off: gradients are recorded again,
    even inside no_grad."""

    def __init__(self, mode=True):
        super().__init__()
        self.mode = mode
        self._enabled = not mode
        self._prev_inference = []

    def __enter__(self):
        self._prev_inference.append(_set_inference(bool(self.mode)))
        return super().__enter__()

    def __exit__(self, *exc):
        _set_inference(self._prev_inference.pop())
        return super().__exit__(*exc)

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.clone():
                return fn(*args, **kwargs)

        return wrapper

    def clone(self):
        return self.__class__(self.mode)


def is_inference_mode_enabled():
    return _is_inference()


class set_grad_enabled:
    """Switches gradient recording at once (as a call) or for a `with` block."""

    def __init__(self, mode):
        self._prev = _set(bool(mode))

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        _set(self._prev)
        return False
