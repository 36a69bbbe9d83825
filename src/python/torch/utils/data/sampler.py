"""torch.utils.data.sampler, where PyTorch defines its samplers: ours are defined in the package
(torch/utils/data/__init__.py) and named here."""

from . import (  # noqa: F401
    BatchSampler,
    RandomSampler,
    Sampler,
    SequentialSampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
)
from ..._unsupported import module_getattr

__getattr__ = module_getattr('torch.utils.data.sampler')
