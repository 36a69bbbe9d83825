"""Lazy modules, as d2l's current edition builds its networks (nn.LazyLinear(256), nn.LazyConv2d(6, 5)): the
parameters have no shape until the first call, whose input gives in_features / in_channels / num_features.
Then they are materialised in place (an optimizer made before holds the same objects) and initialised by the
eager layer's reset_parameters, drawing from the generator at that call as PyTorch does, and the module
becomes the eager class (type(m) is nn.Linear, and it prints as Linear, from then on)."""

from ... import _creation
from ..._errors import warn_once
from ..._grad_mode import no_grad
from ..parameter import UninitializedBuffer, UninitializedParameter, UninitializedTensorMixin
from .batchnorm import BatchNorm1d, BatchNorm2d, BatchNorm3d, _BatchNorm
from .conv import Conv1d, Conv2d, Conv3d
from .conv_transpose import ConvTranspose1d, ConvTranspose2d, ConvTranspose3d
from .instancenorm import InstanceNorm1d, InstanceNorm2d, InstanceNorm3d
from .linear import Linear

__all__ = [
    'LazyModuleMixin',
    'LazyLinear',
    'LazyConv1d',
    'LazyConv2d',
    'LazyConv3d',
    'LazyConvTranspose1d',
    'LazyConvTranspose2d',
    'LazyConvTranspose3d',
    'LazyBatchNorm1d',
    'LazyBatchNorm2d',
    'LazyBatchNorm3d',
    'LazyInstanceNorm1d',
    'LazyInstanceNorm2d',
    'LazyInstanceNorm3d',
]

_WARNING = (
    'Lazy modules are a new feature under heavy development so changes to the API or functionality can happen '
    'at any moment.'
)


class LazyModuleMixin:
    cls_to_become = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._initialize_hook = self.register_forward_pre_hook(_infer_parameters)
        # PyTorch warns from one line of its own, which Python's filter shows once per run.
        warn_once(_WARNING)

    def has_uninitialized_params(self):
        tensors = list(self._parameters.values()) + list(self._buffers.values())
        return any(isinstance(t, UninitializedTensorMixin) for t in tensors)

    def initialize_parameters(self, *args, **kwargs):
        raise NotImplementedError(f'initialize_parameters is not implemented for {self.__class__.__name__}')


def _infer_parameters(module, args):
    """The forward pre-hook of the first call: sizes from the input, then the module becomes its eager class."""
    module.initialize_parameters(*args)
    if module.has_uninitialized_params():
        raise RuntimeError(f'module {module.__class__.__name__} has not been fully initialized')
    module._initialize_hook.remove()
    del module._initialize_hook
    if module.cls_to_become is not None:
        module.__class__ = module.cls_to_become


class LazyLinear(LazyModuleMixin, Linear):
    cls_to_become = Linear

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        super().__init__(0, 0, False, device, dtype)
        self.weight = UninitializedParameter()
        self.out_features = out_features
        if bias:
            self.bias = UninitializedParameter()

    def reset_parameters(self):
        # Linear.__init__ calls this with no sizes yet: nothing to draw until the first call.
        if not self.has_uninitialized_params() and self.in_features != 0:
            super().reset_parameters()

    def initialize_parameters(self, input):
        if self.has_uninitialized_params():
            with no_grad():
                self.in_features = input.shape[-1]
                self.weight.materialize((self.out_features, self.in_features))
                if self.bias is not None:
                    self.bias.materialize((self.out_features,))
                self.reset_parameters()


class _LazyConvXdMixin(LazyModuleMixin):
    _spatial_dims = 2

    def _lazy_init(self, out_channels, bias):
        self.weight = UninitializedParameter()
        self.out_channels = out_channels
        if bias:
            self.bias = UninitializedParameter()

    def reset_parameters(self):
        if not self.has_uninitialized_params() and self.in_channels != 0:
            super().reset_parameters()

    def _get_in_channels(self, input):
        unbatched = self._spatial_dims + 1
        if input.dim() not in (unbatched, unbatched + 1):
            raise RuntimeError(
                f'Expected {unbatched}D (unbatched) or {unbatched + 1}D (batched) input to '
                f'{self.__class__.__name__}, but got input of size: {input.shape}'
            )
        return input.shape[1] if input.dim() == unbatched + 1 else input.shape[0]

    def initialize_parameters(self, input, *args, **kwargs):
        if self.has_uninitialized_params():
            self.in_channels = self._get_in_channels(input)
            if self.in_channels % self.groups != 0:
                raise ValueError('in_channels must be divisible by groups')
            if self.transposed:
                shape = (self.in_channels, self.out_channels // self.groups, *self.kernel_size)
            else:
                shape = (self.out_channels, self.in_channels // self.groups, *self.kernel_size)
            with no_grad():
                self.weight.materialize(shape)
                if self.bias is not None:
                    self.bias.materialize((self.out_channels,))
                self.reset_parameters()


def _lazy_conv(eager, dims):
    class LazyConv(_LazyConvXdMixin, eager):
        cls_to_become = eager
        _spatial_dims = dims

        def __init__(
            self,
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
            super().__init__(0, 0, kernel_size, stride, padding, dilation, groups, False, padding_mode, device, dtype)
            self._lazy_init(out_channels, bias)

    LazyConv.__name__ = LazyConv.__qualname__ = 'Lazy' + eager.__name__
    return LazyConv


def _lazy_conv_transpose(eager, dims):
    class LazyConvTranspose(_LazyConvXdMixin, eager):
        cls_to_become = eager
        _spatial_dims = dims

        def __init__(
            self,
            out_channels,
            kernel_size,
            stride=1,
            padding=0,
            output_padding=0,
            groups=1,
            bias=True,
            dilation=1,
            padding_mode='zeros',
            device=None,
            dtype=None,
        ):
            super().__init__(
                0, 0, kernel_size, stride, padding, output_padding, groups, False, dilation, padding_mode, device, dtype
            )
            self._lazy_init(out_channels, bias)

    LazyConvTranspose.__name__ = LazyConvTranspose.__qualname__ = 'Lazy' + eager.__name__
    return LazyConvTranspose


LazyConv1d = _lazy_conv(Conv1d, 1)
LazyConv2d = _lazy_conv(Conv2d, 2)
LazyConv3d = _lazy_conv(Conv3d, 3)
LazyConvTranspose1d = _lazy_conv_transpose(ConvTranspose1d, 1)
LazyConvTranspose2d = _lazy_conv_transpose(ConvTranspose2d, 2)
LazyConvTranspose3d = _lazy_conv_transpose(ConvTranspose3d, 3)


class _LazyNormBase(LazyModuleMixin):
    def __init__(self, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None):
        super().__init__(0, eps, momentum, False, False, device, dtype)
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = UninitializedParameter()
            self.bias = UninitializedParameter()
        if track_running_stats:
            self.running_mean = UninitializedBuffer()
            self.running_var = UninitializedBuffer()
            self.num_batches_tracked = _creation.tensor(0)

    def reset_parameters(self):
        if not self.has_uninitialized_params() and self.num_features != 0:
            super().reset_parameters()

    def initialize_parameters(self, input):
        if self.has_uninitialized_params():
            self.num_features = input.shape[1]
            with no_grad():
                if self.affine:
                    self.weight.materialize((self.num_features,))
                    self.bias.materialize((self.num_features,))
                if self.track_running_stats:
                    self.running_mean.materialize((self.num_features,))
                    self.running_var.materialize((self.num_features,))
                self.reset_parameters()


def _lazy_norm(eager):
    assert issubclass(eager, _BatchNorm)
    cls = type('Lazy' + eager.__name__, (_LazyNormBase, eager), {'cls_to_become': eager})
    return cls


LazyBatchNorm1d = _lazy_norm(BatchNorm1d)
LazyBatchNorm2d = _lazy_norm(BatchNorm2d)
LazyBatchNorm3d = _lazy_norm(BatchNorm3d)
LazyInstanceNorm1d = _lazy_norm(InstanceNorm1d)
LazyInstanceNorm2d = _lazy_norm(InstanceNorm2d)
LazyInstanceNorm3d = _lazy_norm(InstanceNorm3d)
