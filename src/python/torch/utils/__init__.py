"""torch.utils: torch.utils.data, and torch.utils.tensorboard and torch.utils.checkpoint once imported (as in PyTorch)."""

from . import data  # noqa: F401
from .._unsupported import module_getattr as _module_getattr

_missing = _module_getattr('torch.utils')


def __getattr__(name):
    # A submodule of ours not imported yet is not an attribute, as in PyTorch: `torch.utils.tensorboard`
    # before its import is an AttributeError, and `from torch.utils import tensorboard` then imports it.
    if name in ('tensorboard', 'checkpoint'):
        raise AttributeError(f"module 'torch.utils' has no attribute '{name}'")
    return _missing(name)
