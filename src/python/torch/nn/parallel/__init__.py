"""torch.nn.parallel: DataParallel as a CPU-only PyTorch 1.13 builds it (d2l 13.6 wraps its net in it over
try_all_gpus(), which gives the CPU). Scatter, gather, replicate and DistributedDataParallel need GPUs or
processes and are named as missing."""

from .data_parallel import DataParallel
from ..._unsupported import module_getattr

__all__ = ['DataParallel']

__getattr__ = module_getattr('torch.nn.parallel')
