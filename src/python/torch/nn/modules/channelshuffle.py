"""nn.ChannelShuffle: F.channel_shuffle with its group count kept (torch.nn.modules.channelshuffle, as in
PyTorch)."""

from .. import functional as F
from .module import Module


class ChannelShuffle(Module):
    __constants__ = ['groups']

    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, input):
        return F.channel_shuffle(input, self.groups)

    def extra_repr(self):
        return f'groups={self.groups}'


__all__ = ['ChannelShuffle']
