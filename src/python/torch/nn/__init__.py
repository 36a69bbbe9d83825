"""torch.nn: Module and the layers, activations, losses and containers Backprop Lens supports."""

from .parameter import Parameter, UninitializedParameter, UninitializedBuffer  # noqa: F401
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
    PReLU,
    RReLU,
    Threshold,
    MultiheadAttention,
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
    MarginRankingLoss,
    HingeEmbeddingLoss,
    CosineEmbeddingLoss,
    TripletMarginLoss,
    TripletMarginWithDistanceLoss,
    MultiLabelSoftMarginLoss,
    MultiMarginLoss,
    PoissonNLLLoss,
    GaussianNLLLoss,
    CTCLoss,
)
from .modules.distance import PairwiseDistance, CosineSimilarity  # noqa: F401
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
    Dropout1d,
    Dropout2d,
    Dropout3d,
)
from .modules.batchnorm import BatchNorm1d, BatchNorm2d, BatchNorm3d  # noqa: F401
from .modules.normalization import LayerNorm, GroupNorm, LocalResponseNorm  # noqa: F401
from .modules.conv import Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d  # noqa: F401
from .modules.pooling import MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, MaxUnpool2d  # noqa: F401
from .modules.pooling import MaxPool1d, AvgPool1d, AdaptiveAvgPool1d, AdaptiveMaxPool2d  # noqa: F401
from .modules.pooling import MaxPool3d, AvgPool3d, AdaptiveAvgPool3d  # noqa: F401
from .modules.pooling import LPPool1d, LPPool2d, FractionalMaxPool2d, FractionalMaxPool3d  # noqa: F401
from .modules.instancenorm import InstanceNorm1d, InstanceNorm2d, InstanceNorm3d  # noqa: F401
from .modules.upsampling import Upsample, UpsamplingNearest2d, UpsamplingBilinear2d  # noqa: F401
from .modules.pixelshuffle import PixelShuffle, PixelUnshuffle  # noqa: F401
from .modules.channelshuffle import ChannelShuffle  # noqa: F401
from .modules.padding import ConstantPad1d, ConstantPad2d, ConstantPad3d, ZeroPad2d  # noqa: F401
from .modules.fold import Fold, Unfold  # noqa: F401
from .modules.padding import (  # noqa: F401
    ReflectionPad1d,
    ReflectionPad2d,
    ReflectionPad3d,
    ReplicationPad1d,
    ReplicationPad2d,
    ReplicationPad3d,
)
from .modules.sparse import Embedding, EmbeddingBag  # noqa: F401
from .modules.rnn import RNNBase, RNN, LSTM, GRU, RNNCellBase, RNNCell, LSTMCell, GRUCell  # noqa: F401
from .modules.transformer import (  # noqa: F401
    Transformer,
    TransformerEncoder,
    TransformerDecoder,
    TransformerEncoderLayer,
    TransformerDecoderLayer,
)
from .modules.lazy import (  # noqa: F401
    LazyLinear,
    LazyConv1d,
    LazyConv2d,
    LazyConv3d,
    LazyConvTranspose1d,
    LazyConvTranspose2d,
    LazyConvTranspose3d,
    LazyBatchNorm1d,
    LazyBatchNorm2d,
    LazyBatchNorm3d,
    LazyInstanceNorm1d,
    LazyInstanceNorm2d,
    LazyInstanceNorm3d,
)
from . import functional, init, parallel, parameter, utils  # noqa: F401
from .parallel import DataParallel  # noqa: F401
from .._unsupported import module_getattr as _module_getattr

_module_getattr_nn = _module_getattr('torch.nn')


__getattr__ = _module_getattr_nn
