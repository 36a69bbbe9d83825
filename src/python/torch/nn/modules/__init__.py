from .module import Module  # noqa: F401
from .linear import Linear, Identity  # noqa: F401
from .activation import *  # noqa: F401,F403
from .loss import *  # noqa: F401,F403
from .container import *  # noqa: F401,F403
from .batchnorm import BatchNorm1d, BatchNorm2d, BatchNorm3d  # noqa: F401
from .normalization import LayerNorm, GroupNorm, LocalResponseNorm  # noqa: F401
from .conv import Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d  # noqa: F401
from .pooling import MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, MaxUnpool2d  # noqa: F401
from .pooling import MaxPool3d, AvgPool3d, AdaptiveAvgPool3d  # noqa: F401
from .pooling import MaxPool1d, AvgPool1d, AdaptiveAvgPool1d, AdaptiveMaxPool2d  # noqa: F401
from .pooling import LPPool1d, LPPool2d, FractionalMaxPool2d, FractionalMaxPool3d  # noqa: F401
from .instancenorm import InstanceNorm1d, InstanceNorm2d, InstanceNorm3d  # noqa: F401
from .upsampling import Upsample, UpsamplingNearest2d, UpsamplingBilinear2d  # noqa: F401
from .pixelshuffle import PixelShuffle, PixelUnshuffle  # noqa: F401
from .channelshuffle import ChannelShuffle  # noqa: F401
from .padding import ConstantPad1d, ConstantPad2d, ConstantPad3d, ZeroPad2d  # noqa: F401
from .fold import Fold, Unfold  # noqa: F401
from .padding import (  # noqa: F401
    ReflectionPad1d,
    ReflectionPad2d,
    ReflectionPad3d,
    ReplicationPad1d,
    ReplicationPad2d,
    ReplicationPad3d,
)
from .sparse import Embedding, EmbeddingBag  # noqa: F401
from .distance import PairwiseDistance, CosineSimilarity  # noqa: F401
from .rnn import RNNBase, RNN, LSTM, GRU, RNNCellBase, RNNCell, LSTMCell, GRUCell  # noqa: F401
from .transformer import *  # noqa: F401,F403
from .lazy import *  # noqa: F401,F403
from . import lazy  # noqa: F401
from ..._unsupported import module_getattr as _module_getattr  # noqa: E402

__getattr__ = _module_getattr('torch.nn.modules')
