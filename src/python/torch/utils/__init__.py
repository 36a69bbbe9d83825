"""torch.utils: only torch.utils.data is provided."""

from . import data  # noqa: F401
from .._unsupported import module_getattr as _module_getattr

__getattr__ = _module_getattr('torch.utils')
