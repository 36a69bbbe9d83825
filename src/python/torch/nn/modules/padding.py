"""nn.ConstantPad1d/2d/3d and nn.ZeroPad2d, as PyTorch 1.13's torch/nn/modules/padding.py: the padding
amounts expanded to (left, right[, top, bottom[, front, back]]) and kept as given, F.pad in 'constant' mode
(the engine's pad: ConstantPadNdBackward0), PyTorch's reprs; nn.ReflectionPad1d/2d/3d and
nn.ReplicationPad1d/2d/3d the same with F.pad's 'reflect' and 'replicate' modes. PyTorch 1.13 has no
nn.CircularPad modules (circular padding is F.pad's or a conv's padding_mode)."""

from .. import functional as F
from .module import Module


def _ntuple(padding, n):
    if isinstance(padding, (list, tuple)):
        return tuple(padding)
    return (padding,) * n


class _ConstantPadNd(Module):
    def __init__(self, value):
        super().__init__()
        self.value = value

    def forward(self, input):
        return F.pad(input, self.padding, 'constant', self.value)

    def extra_repr(self):
        return f'padding={self.padding}, value={self.value}'


class ConstantPad1d(_ConstantPadNd):
    def __init__(self, padding, value):
        super().__init__(value)
        self.padding = _ntuple(padding, 2)


class ConstantPad2d(_ConstantPadNd):
    def __init__(self, padding, value):
        super().__init__(value)
        self.padding = _ntuple(padding, 4)


class ConstantPad3d(_ConstantPadNd):
    def __init__(self, padding, value):
        super().__init__(value)
        self.padding = _ntuple(padding, 6)


class ZeroPad2d(ConstantPad2d):
    def __init__(self, padding):
        super().__init__(padding, 0.0)

    def extra_repr(self):
        return f'{self.padding}'


class _ModePadNd(Module):
    _mode = 'reflect'
    _n = 2

    def __init__(self, padding):
        super().__init__()
        self.padding = _ntuple(padding, self._n)

    def forward(self, input):
        return F.pad(input, self.padding, self._mode)

    def extra_repr(self):
        return f'{self.padding}'


class ReflectionPad1d(_ModePadNd):
    _mode, _n = 'reflect', 2


class ReflectionPad2d(_ModePadNd):
    _mode, _n = 'reflect', 4


class ReflectionPad3d(_ModePadNd):
    _mode, _n = 'reflect', 6


class ReplicationPad1d(_ModePadNd):
    _mode, _n = 'replicate', 2


class ReplicationPad2d(_ModePadNd):
    _mode, _n = 'replicate', 4


class ReplicationPad3d(_ModePadNd):
    _mode, _n = 'replicate', 6


__all__ = [
    'ConstantPad1d',
    'ConstantPad2d',
    'ConstantPad3d',
    'ZeroPad2d',
    'ReflectionPad1d',
    'ReflectionPad2d',
    'ReflectionPad3d',
    'ReplicationPad1d',
    'ReplicationPad2d',
    'ReplicationPad3d',
]
