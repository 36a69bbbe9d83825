"""torchvision.ops.misc (0.14): the convolution + norm + activation blocks MobileNet builds from."""

import warnings

import torch


class ConvNormActivation(torch.nn.Sequential):
    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size=3,
        stride=1,
        padding=None,
        groups=1,
        norm_layer=torch.nn.BatchNorm2d,
        activation_layer=torch.nn.ReLU,
        dilation=1,
        inplace=True,
        bias=None,
        conv_layer=torch.nn.Conv2d,
    ):
        if padding is None:
            if isinstance(kernel_size, int) and isinstance(dilation, int):
                padding = (kernel_size - 1) // 2 * dilation
            else:
                dims = len(kernel_size) if isinstance(kernel_size, (tuple, list)) else len(dilation)
                ks = tuple(kernel_size) if isinstance(kernel_size, (tuple, list)) else (kernel_size,) * dims
                dl = tuple(dilation) if isinstance(dilation, (tuple, list)) else (dilation,) * dims
                kernel_size, dilation = ks, dl
                padding = tuple((ks[i] - 1) // 2 * dl[i] for i in range(dims))
        if bias is None:
            bias = norm_layer is None
        layers = [
            conv_layer(
                in_channels, out_channels, kernel_size, stride, padding, dilation=dilation, groups=groups, bias=bias
            )
        ]
        if norm_layer is not None:
            layers.append(norm_layer(out_channels))
        if activation_layer is not None:
            layers.append(activation_layer(**({} if inplace is None else {'inplace': inplace})))
        super().__init__(*layers)
        self.out_channels = out_channels
        if self.__class__ == ConvNormActivation:
            warnings.warn(
                "Don't use ConvNormActivation directly, please use Conv2dNormActivation and Conv3dNormActivation "
                'instead.'
            )


class Conv2dNormActivation(ConvNormActivation):
    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size=3,
        stride=1,
        padding=None,
        groups=1,
        norm_layer=torch.nn.BatchNorm2d,
        activation_layer=torch.nn.ReLU,
        dilation=1,
        inplace=True,
        bias=None,
    ):
        super().__init__(
            in_channels,
            out_channels,
            kernel_size,
            stride,
            padding,
            groups,
            norm_layer,
            activation_layer,
            dilation,
            inplace,
            bias,
            torch.nn.Conv2d,
        )
