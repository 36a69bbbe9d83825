"""torch.nn.utils.fusion: fold an eval-mode BatchNorm into the Conv or Linear layer before it, as PyTorch 1.13.

The folded layer is a deep copy of the conv/linear whose weight and bias are new Parameters computed from the
batch norm's running statistics and affine parameters with ordinary tensor ops (in PyTorch's order, so the
numbers round as PyTorch's do): w * (gamma / sqrt(var + eps)) and (b - mean) / sqrt(var + eps) * gamma + beta.
"""

import copy

from ..parameter import Parameter


def fuse_conv_bn_eval(conv, bn, transpose=False):
    assert not (conv.training or bn.training), 'Fusion only for eval!'
    fused_conv = copy.deepcopy(conv)
    fused_conv.weight, fused_conv.bias = fuse_conv_bn_weights(
        fused_conv.weight, fused_conv.bias, bn.running_mean, bn.running_var, bn.eps, bn.weight, bn.bias, transpose
    )
    return fused_conv


def fuse_conv_bn_weights(conv_w, conv_b, bn_rm, bn_rv, bn_eps, bn_w, bn_b, transpose=False):
    from ... import ones_like, rsqrt, zeros_like

    if conv_b is None:
        conv_b = zeros_like(bn_rm)
    if bn_w is None:
        bn_w = ones_like(bn_rm)
    if bn_b is None:
        bn_b = zeros_like(bn_rm)
    inv_std = rsqrt(bn_rv + bn_eps)
    # The output channels are dim 0 of a Conv weight and dim 1 of a ConvTranspose weight.
    rest = [1] * (len(conv_w.shape) - 2)
    shape = [1, -1] + rest if transpose else [-1, 1] + rest
    fused_w = conv_w * (bn_w * inv_std).reshape(shape)
    fused_b = (conv_b - bn_rm) * inv_std * bn_w + bn_b
    return Parameter(fused_w), Parameter(fused_b)


def fuse_linear_bn_eval(linear, bn):
    assert not (linear.training or bn.training), 'Fusion only for eval!'
    fused_linear = copy.deepcopy(linear)
    fused_linear.weight, fused_linear.bias = fuse_linear_bn_weights(
        fused_linear.weight, fused_linear.bias, bn.running_mean, bn.running_var, bn.eps, bn.weight, bn.bias
    )
    return fused_linear


def fuse_linear_bn_weights(linear_w, linear_b, bn_rm, bn_rv, bn_eps, bn_w, bn_b):
    from ... import rsqrt, zeros_like

    if linear_b is None:
        linear_b = zeros_like(bn_rm)
    scale = bn_w * rsqrt(bn_rv + bn_eps)
    fused_w = linear_w * scale.unsqueeze(-1)
    fused_b = (linear_b - bn_rm) * scale + bn_b
    return Parameter(fused_w), Parameter(fused_b)
