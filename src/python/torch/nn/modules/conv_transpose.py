"""nn.ConvTranspose1d, nn.ConvTranspose2d and nn.ConvTranspose3d (PyTorch keeps them in torch.nn.modules.conv, which re-exports
them; _class_paths.py prints them with that path): the layers that upsample, as in a DCGAN generator or a
convolutional autoencoder's decoder. forward(input, output_size=None) picks the output padding from a
requested size as PyTorch's _ConvTransposeNd._output_padding does."""

from ... import _creation
from .. import functional as F
from .conv import _ConvNd, _pair, _single, _triple


class _ConvTransposeNd(_ConvNd):
    _dims = 2

    def _init(self, ntuple, sizes, groups, bias, dilation, padding_mode, device, dtype):
        in_channels, out_channels, kernel_size, stride, padding, output_padding = sizes
        if padding_mode != 'zeros':
            raise ValueError(f'Only "zeros" padding mode is supported for {type(self).__name__}')
        _creation.check_factory_kwargs(device, dtype)
        _ConvNd.__init__(
            self,
            in_channels,
            out_channels,
            ntuple(kernel_size),
            ntuple(stride),
            padding if isinstance(padding, str) else ntuple(padding),
            ntuple(dilation),
            True,
            ntuple(output_padding),
            groups,
            bias,
            padding_mode,
            dtype,
        )

    def _output_padding(self, input, output_size, stride, padding, kernel_size, num_spatial_dims, dilation=None):
        if output_size is None:
            return _single(self.output_padding)
        has_batch_dim = input.dim() == num_spatial_dims + 2
        num_non_spatial_dims = 2 if has_batch_dim else 1
        if len(output_size) == num_non_spatial_dims + num_spatial_dims:
            output_size = output_size[num_non_spatial_dims:]
        if len(output_size) != num_spatial_dims:
            raise ValueError(
                f'ConvTranspose{num_spatial_dims}D: for {input.dim()}D input, output_size must have '
                f'{num_spatial_dims} or {num_non_spatial_dims + num_spatial_dims} elements (got {len(output_size)})'
            )
        min_sizes, max_sizes = [], []
        for d in range(num_spatial_dims):
            dim_size = (
                (input.size(d + num_non_spatial_dims) - 1) * stride[d]
                - 2 * padding[d]
                + (dilation[d] if dilation is not None else 1) * (kernel_size[d] - 1)
                + 1
            )
            min_sizes.append(dim_size)
            max_sizes.append(min_sizes[d] + stride[d] - 1)
        for i, size in enumerate(output_size):
            if size < min_sizes[i] or size > max_sizes[i]:
                raise ValueError(
                    f'requested an output size of {output_size}, but valid sizes range from {min_sizes} to '
                    f'{max_sizes} (for an input of {input.size()[2:]})'
                )
        return [output_size[d] - min_sizes[d] for d in range(num_spatial_dims)]

    def forward(self, input, output_size=None):
        if self.padding_mode != 'zeros':
            raise ValueError(f'Only `zeros` padding mode is supported for {type(self).__name__}')
        output_padding = self._output_padding(
            input, output_size, self.stride, self.padding, self.kernel_size, self._dims, self.dilation
        )
        conv = (F.conv_transpose1d, F.conv_transpose2d, F.conv_transpose3d)[self._dims - 1]
        return conv(
            input, self.weight, self.bias, self.stride, self.padding, output_padding, self.groups, self.dilation
        )


class ConvTranspose1d(_ConvTransposeNd):
    _dims = 1

    def __init__(
        self,
        in_channels,
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
        sizes = (in_channels, out_channels, kernel_size, stride, padding, output_padding)
        self._init(_single, sizes, groups, bias, dilation, padding_mode, device, dtype)


class ConvTranspose2d(_ConvTransposeNd):
    def __init__(
        self,
        in_channels,
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
        sizes = (in_channels, out_channels, kernel_size, stride, padding, output_padding)
        self._init(_pair, sizes, groups, bias, dilation, padding_mode, device, dtype)


class ConvTranspose3d(_ConvTransposeNd):
    _dims = 3

    def __init__(
        self,
        in_channels,
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
        sizes = (in_channels, out_channels, kernel_size, stride, padding, output_padding)
        self._init(_triple, sizes, groups, bias, dilation, padding_mode, device, dtype)
