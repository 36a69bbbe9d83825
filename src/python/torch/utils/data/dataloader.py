"""torch.utils.data.dataloader, where PyTorch defines DataLoader: ours is defined in the package
(torch/utils/data/__init__.py) and named here."""

from . import DataLoader, default_collate, default_convert, get_worker_info  # noqa: F401
from ..._unsupported import module_getattr

__getattr__ = module_getattr('torch.utils.data.dataloader')
