"""torch.utils.benchmark: Timer, Measurement and Compare as PyTorch 1.13 (the "Timer quick start" and
"PyTorch Benchmark" recipes), timing Python statements with timeit in the runtime itself. The fuzzers and
Callgrind are PyTorch names we lack: they raise NotImplementedError naming themselves."""

from ..._unsupported import module_getattr
from .utils.common import (
    Measurement,
    TaskSpec,
    ordered_unique,
    select_unit,
    set_torch_threads,
    trim_sigfig,
    unit_to_english,
)  # noqa: F401
from .utils.compare import Colorize, Compare  # noqa: F401
from .utils.timer import Language, Timer, timer  # noqa: F401

__getattr__ = module_getattr('torch.utils.benchmark')
