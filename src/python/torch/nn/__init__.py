"""torch.nn: Module and the layers, activations, losses and containers Backprop Lens supports."""

from .parameter import Parameter  # noqa: F401
from .modules.module import Module  # noqa: F401
from .modules.linear import Linear, Identity  # noqa: F401
from .modules.activation import (
    ReLU,
    Sigmoid,
    Tanh,
    LeakyReLU,
    ELU,
    CELU,
    SELU,
    GELU,
    SiLU,
    Mish,
    Softplus,  # noqa: F401
    Hardtanh,
    ReLU6,
    LogSigmoid,
    Hardsigmoid,
    Hardswish,
    Softsign,
    Tanhshrink,
    Softmax,
    Softmin,
    LogSoftmax,
    GLU,
)
from .modules.loss import (
    MSELoss,
    L1Loss,
    SmoothL1Loss,
    HuberLoss,
    BCELoss,
    BCEWithLogitsLoss,  # noqa: F401
    CrossEntropyLoss,
    NLLLoss,
    KLDivLoss,
)
from .modules.container import (
    Sequential,
    ModuleList,
    ModuleDict,
    ParameterList,
    ParameterDict,
    Flatten,  # noqa: F401
    Unflatten,
    Dropout,
    AlphaDropout,
)
from .modules.batchnorm import BatchNorm1d  # noqa: F401
from . import functional, init, utils  # noqa: F401
from .._unsupported import module_getattr as _module_getattr

__getattr__ = _module_getattr('torch.nn')
