"""torch.utils.tensorboard: SummaryWriter logs for TensorBoard (scalars as event files) and for the panel."""

from ..._unsupported import module_getattr as _module_getattr
from .writer import FileWriter, SummaryWriter  # noqa: F401

__getattr__ = _module_getattr('torch.utils.tensorboard')
