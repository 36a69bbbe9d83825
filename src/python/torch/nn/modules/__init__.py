from .module import Module  # noqa: F401
from .linear import Linear, Identity  # noqa: F401
from .activation import *  # noqa: F401,F403
from .loss import *  # noqa: F401,F403
from .container import *  # noqa: F401,F403
from .batchnorm import BatchNorm1d  # noqa: F401
from ..._unsupported import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr('torch.nn.modules')
