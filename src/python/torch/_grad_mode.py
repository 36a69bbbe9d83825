"""no_grad / enable_grad / set_grad_enabled: context managers and decorators over the engine's switch."""

import functools

from _bl_engine import set_grad_enabled as _set, is_grad_enabled


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


class inference_mode(no_grad):
    """no_grad that torch.is_inference_mode_enabled() reports (tensors made inside are ordinary ones here)."""

    _depth = [0]  # how many inference_mode(True) blocks are open

    def __init__(self, mode=True):
        super().__init__()
        self._mode = bool(mode)
        self._enabled = not mode

    def __enter__(self):
        self._depth.append(self._depth[-1] + 1 if self._mode else 0)
        return super().__enter__()

    def __exit__(self, *exc):
        self._depth.pop()
        return super().__exit__(*exc)

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with inference_mode(self._mode):
                return fn(*args, **kwargs)

        return wrapper


def is_inference_mode_enabled():
    return inference_mode._depth[-1] > 0


class set_grad_enabled:
    """Switches gradient recording at once (as a call) or for a `with` block."""

    def __init__(self, mode):
        self._prev = _set(bool(mode))

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        _set(self._prev)
        return False
