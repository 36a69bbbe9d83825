"""torch.autograd.anomaly_mode: the anomaly-detection switch (`torch.autograd.set_detect_anomaly(True)` at the top
of a script, or as a `with` block; `with torch.autograd.detect_anomaly():`) and torch.is_anomaly_enabled /
set_anomaly_enabled / is_anomaly_check_nan_enabled. As in PyTorch 1.13 both are classes: set_detect_anomaly
switches on construction and restores the previous mode when its `with` block ends, detect_anomaly switches on
entering its block and warns when made. With the mode on and check_nan, a backward function that returns NaN
stops backward with PyTorch's error naming it (the engine checks, src/engine/autograd.ts); the forward
traceback PyTorch adds to that error as a warning is not recorded here."""

import warnings

from ._engine import E

# [enabled, check_nan], as PyTorch's AnomalyMode holds them (check_nan is on by default).
_mode = [False, True]


def is_anomaly_enabled():
    return _mode[0]


def is_anomaly_check_nan_enabled():
    return _mode[1]


def set_anomaly_enabled(enabled, check_nan=True):
    _mode[0] = bool(enabled)
    _mode[1] = bool(check_nan)
    E.set_anomaly_nan_check(_mode[0] and _mode[1])


class detect_anomaly:
    """Context manager: anomaly detection on inside the block (and NaN checks unless check_nan=False)."""

    def __init__(self, check_nan=True):
        self.prev = is_anomaly_enabled()
        self.check_nan = check_nan
        self.prev_check_nan = is_anomaly_check_nan_enabled()
        warnings.warn(
            'Anomaly Detection has been enabled. This mode will increase the runtime and should only be enabled '
            'for debugging.',
            stacklevel=2,
        )

    def __enter__(self):
        set_anomaly_enabled(True, self.check_nan)

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev, self.prev_check_nan)


class set_detect_anomaly:
    """Switches anomaly detection on or off now; used as a context manager, switches back when the block ends."""

    def __init__(self, mode, check_nan=True):
        self.prev = is_anomaly_enabled()
        self.prev_check_nan = is_anomaly_check_nan_enabled()
        set_anomaly_enabled(mode, check_nan)

    def __enter__(self):
        pass

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev, self.prev_check_nan)


detect_anomaly.__module__ = set_detect_anomaly.__module__ = 'torch.autograd.anomaly_mode'
__all__ = ['detect_anomaly', 'set_detect_anomaly']
