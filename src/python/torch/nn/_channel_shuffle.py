"""torch.nn.functional.channel_shuffle (also torch.channel_shuffle): PyTorch 1.13's argument checks, then the
engine's shuffle (src/engine/ops/channelShuffle.ts), which like PyTorch 1.13 records no derivative."""

import operator

from .._engine import E
from .._tensor import wrap


def channel_shuffle(input, groups):
    try:
        x = input._t
    except AttributeError:
        raise TypeError(
            f"channel_shuffle(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}"
        ) from None
    try:
        if isinstance(groups, bool):  # PyTorch's parser takes no bool for an int
            raise TypeError
        groups = operator.index(groups)
    except TypeError:
        raise TypeError(
            f"channel_shuffle(): argument 'groups' (position 2) must be int, not {type(groups).__name__}"
        ) from None
    return wrap(E.channel_shuffle(x, groups))
