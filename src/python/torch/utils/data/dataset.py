"""torch.utils.data.dataset, where PyTorch defines its datasets (`from torch.utils.data.dataset import Dataset`):
ours are defined in the package (torch/utils/data/__init__.py) and named here."""

from . import ConcatDataset, Dataset, IterableDataset, Subset, TensorDataset, random_split  # noqa: F401
from ..._unsupported import module_getattr

__getattr__ = module_getattr('torch.utils.data.dataset')
