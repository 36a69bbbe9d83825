"""nn.Conv1d, nn.Conv2d, nn.Conv3d and nn.ConvTranspose1d/2d/3d, initialised exactly as PyTorch 1.13's
_ConvNd.reset_parameters (kaiming_uniform_ with a = sqrt(5) on the weight, then the bias from
U(-1/sqrt(fan_in), 1/sqrt(fan_in)), from the same generator in the same order), so a seeded model has
PyTorch's numbers. A transposed layer's weight is [in, out / groups, *kernel]. The arithmetic is the engine's
(F.conv1d, F.conv2d, F.conv_transpose1d, F.conv_transpose2d)."""

import math

from ... import _creation
from .. import functional as F
from .. import init
from ..parameter import Parameter
from .module import Module


def _ntuple(n):
    def parse(v):
        return tuple(v) if isinstance(v, (list, tuple)) else (v,) * n

    return parse


_single = _ntuple(1)
_pair = _ntuple(2)
_triple = _ntuple(3)


class _ConvNd(Module):
    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride,
        padding,
        dilation,
        transposed,
        output_padding,
        groups,
        bias,
        padding_mode,
        dtype=None,
    ):
        super().__init__()
        if groups <= 0:
            raise ValueError('groups must be a positive integer')
        if in_channels % groups != 0:
            raise ValueError('in_channels must be divisible by groups')
        if out_channels % groups != 0:
            raise ValueError('out_channels must be divisible by groups')
        if isinstance(padding, str):
            if padding not in ('same', 'valid'):
                raise ValueError(f"Invalid padding string {padding!r}, should be one of {{'valid', 'same'}}")
            if padding == 'same' and any(s != 1 for s in stride):
                raise ValueError("padding='same' is not supported for strided convolutions")
        valid_modes = {'zeros', 'reflect', 'replicate', 'circular'}
        if padding_mode not in valid_modes:
            raise ValueError(f"padding_mode must be one of {valid_modes}, but got padding_mode='{padding_mode}'")
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.transposed = transposed
        self.output_padding = output_padding
        self.groups = groups
        self.padding_mode = padding_mode
        # As PyTorch: the F.pad amounts (last dim first) a non-'zeros' padding_mode pads with before the conv.
        if isinstance(padding, str):
            self._reversed_padding_repeated_twice = [0, 0] * len(kernel_size)
            if padding == 'same':
                for d, k, i in zip(dilation, kernel_size, range(len(kernel_size) - 1, -1, -1)):
                    total = d * (k - 1)
                    self._reversed_padding_repeated_twice[2 * i] = total // 2
                    self._reversed_padding_repeated_twice[2 * i + 1] = total - total // 2
        else:
            self._reversed_padding_repeated_twice = tuple(p for p in reversed(padding) for _ in range(2))
        if transposed:
            shape = (in_channels, out_channels // groups, *kernel_size)
        else:
            shape = (out_channels, in_channels // groups, *kernel_size)
        self.weight = Parameter(_creation.empty(*shape, dtype=dtype))
        if bias:
            self.bias = Parameter(_creation.empty(out_channels, dtype=dtype))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            if fan_in != 0:
                bound = 1 / math.sqrt(fan_in)
                init.uniform_(self.bias, -bound, bound)

    # Conv1d/2d/3d: the F.convNd they call (set by each class).
    _convolve = None

    def _conv_forward(self, input, weight, bias):
        if self.padding_mode != 'zeros':
            padded = F.pad(input, self._reversed_padding_repeated_twice, mode=self.padding_mode)
            zeros = (0,) * len(self.kernel_size)
            return self._convolve(padded, weight, bias, self.stride, zeros, self.dilation, self.groups)
        return self._convolve(input, weight, bias, self.stride, self.padding, self.dilation, self.groups)

    def forward(self, input):
        return self._conv_forward(input, self.weight, self.bias)

    def extra_repr(self):
        s = '{in_channels}, {out_channels}, kernel_size={kernel_size}, stride={stride}'
        if self.padding != (0,) * len(self.padding):
            s += ', padding={padding}'
        if self.dilation != (1,) * len(self.dilation):
            s += ', dilation={dilation}'
        if self.output_padding != (0,) * len(self.output_padding):
            s += ', output_padding={output_padding}'
        if self.groups != 1:
            s += ', groups={groups}'
        if self.bias is None:
            s += ', bias=False'
        if self.padding_mode != 'zeros':
            s += ', padding_mode={padding_mode}'
        return s.format(**self.__dict__)


def _conv_init(
    self, ntuple, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, mode, device, dtype
):
    """The shared constructor of Conv1d/Conv2d: PyTorch's arguments, with ints expanded to tuples."""
    _creation.check_factory_kwargs(device, dtype)
    padding = padding if isinstance(padding, str) else ntuple(padding)
    _ConvNd.__init__(
        self,
        in_channels,
        out_channels,
        ntuple(kernel_size),
        ntuple(stride),
        padding,
        ntuple(dilation),
        False,
        ntuple(0),
        groups,
        bias,
        mode,
        dtype,
    )


class Conv1d(_ConvNd):
    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride=1,
        padding=0,
        dilation=1,
        groups=1,
        bias=True,
        padding_mode='zeros',
        device=None,
        dtype=None,
    ):
        sizes = (in_channels, out_channels, kernel_size, stride, padding, dilation)
        _conv_init(self, _single, *sizes, groups, bias, padding_mode, device, dtype)

    _convolve = staticmethod(lambda *args: F.conv1d(*args))


class Conv2d(_ConvNd):
    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride=1,
        padding=0,
        dilation=1,
        groups=1,
        bias=True,
        padding_mode='zeros',
        device=None,
        dtype=None,
    ):
        sizes = (in_channels, out_channels, kernel_size, stride, padding, dilation)
        _conv_init(self, _pair, *sizes, groups, bias, padding_mode, device, dtype)

    _convolve = staticmethod(lambda *args: F.conv2d(*args))


class Conv3d(_ConvNd):
    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride=1,
        padding=0,
        dilation=1,
        groups=1,
        bias=True,
        padding_mode='zeros',
        device=None,
        dtype=None,
    ):
        sizes = (in_channels, out_channels, kernel_size, stride, padding, dilation)
        _conv_init(self, _triple, *sizes, groups, bias, padding_mode, device, dtype)

    _convolve = staticmethod(lambda *args: F.conv3d(*args))


from .conv_transpose import ConvTranspose1d, ConvTranspose2d, ConvTranspose3d, _ConvTransposeNd  # noqa: E402,F401

__all__ = ['Conv1d', 'Conv2d', 'Conv3d', 'ConvTranspose1d', 'ConvTranspose2d', 'ConvTranspose3d']
