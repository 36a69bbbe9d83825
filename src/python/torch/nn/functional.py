"""torch.nn.functional: activations, losses, linear, dropout; each one engine call."""

import warnings

from .._engine import E

from .._activation_probe import scope as _scope, report as _report
from .._tensor import wrap
from .._unsupported import module_getattr, unsupported
from ._reduction import reduction_of as _reduction

_linear = E.linear
_relu = E.relu


def _check_reduction(reduction):
    if reduction not in ('mean', 'sum', 'none'):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return reduction


def _opt(t):
    return None if t is None else t._t


# ---- linear / dropout -----------------------------------------------------------------------------
def linear(input, weight, bias=None):
    return wrap(_linear(input._t, weight._t, None if bias is None else bias._t))


def bilinear(*args, **kwargs):
    raise unsupported('torch.nn.functional.bilinear')


def dropout(input, p=0.5, training=True, inplace=False):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0.0:
        return input
    out = wrap(E.dropout(input._t, float(p)))
    if inplace:
        input.data = out.detach()
        return input
    return out


def _feature_dropout(input, p, training, inplace):
    """ATen's feature dropout: one keep-or-drop draw per (sample, channel), bernoulli_(1 - p) on a
    [N, C, 1, ...] noise tensor divided by (1 - p), then input * noise (MulBackward0)."""
    _check_p(p)
    if not training or p == 0.0 or input.numel() == 0:
        return input
    if input.dim() < 2:
        raise RuntimeError('Feature dropout requires at least 2 dimensions in the input')
    from .. import _creation

    shape = tuple(input.shape[:2]) + (1,) * (input.dim() - 2)
    if p == 1.0:
        noise = _creation.zeros((), dtype=input.dtype)
    else:
        noise = _creation.empty(*shape, dtype=input.dtype).bernoulli_(1 - p).div_(1 - p)
    return input.mul_(noise) if inplace else input * noise


def _dims_warning(input, name, dims, spatial):
    # PyTorch 1.13 warns (a future error) for other ranks, then drops channels as for a batched input.
    if input.dim() not in dims:
        import warnings

        warnings.warn(
            f"{name}: Received a {input.dim()}-D input to {name}, which is deprecated and will result in an error "
            "in a future release. To retain the behavior and silence this warning, please use dropout instead. "
            f"Note that {name} exists to provide channel-wise dropout on inputs with {spatial} spatial dimensions, "
            f"a channel dimension, and an optional batch dimension (i.e. {dims[0]}D or {dims[1]}D inputs)."
        )


def _unbatched_dropout(input, p, training, inplace, batched):
    """Feature dropout of a batched input as it is, of an unbatched one through a batch of one."""
    if batched:
        return _feature_dropout(input, p, training, inplace)
    input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    result = _feature_dropout(input, p, training, inplace)
    return result.squeeze_(0) if inplace else result.squeeze(0)


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout1d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    if input.dim() not in (2, 3):
        raise RuntimeError(
            f"dropout1d: Expected 2D or 3D input, but received a {input.dim()}D input. Note that dropout1d exists "
            "to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an "
            "optional batch dimension (i.e. 2D or 3D inputs)."
        )
    return _unbatched_dropout(input, p, training, inplace, input.dim() == 3)


def dropout2d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    _dims_warning(input, 'dropout2d', (3, 4), 2)
    if input.dim() == 3:
        import warnings

        warnings.warn(
            "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is "
            "desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will "
            "change in a future release to interpret the input as one without a batch dimension, i.e. shape "
            "(C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead."
        )
    return _feature_dropout(input, p, training, inplace)


def dropout3d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    _dims_warning(input, 'dropout3d', (4, 5), 3)
    return _unbatched_dropout(input, p, training, inplace, input.dim() == 5)


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05):
    """Normalises each channel (dim 1) by the batch's statistics (training, which also moves the running ones)
    or by running_mean/running_var; the engine computes it as PyTorch's CPU kernel does."""
    if training and input.numel() // input.shape[1] <= 1:
        raise ValueError(f'Expected more than 1 value per channel when training, got input size {input.shape}')

    def t(x):
        return None if x is None else x._t

    return wrap(
        E.batch_norm(
            input._t, t(running_mean), t(running_var), t(weight), t(bias), bool(training), float(momentum), float(eps)
        )
    )


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    """Normalises each sample over its last dims (normalized_shape); the engine computes it as PyTorch's CPU
    kernel does."""
    shape = [int(normalized_shape)] if isinstance(normalized_shape, int) else [int(s) for s in normalized_shape]
    return wrap(
        E.layer_norm(
            input._t, shape, None if weight is None else weight._t, None if bias is None else bias._t, float(eps)
        )
    )


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    if not training or p == 0.0:
        return input
    raise unsupported('torch.nn.functional.alpha_dropout in training mode')


# ---- convolution / pooling (arguments expanded to pairs here, the arithmetic in the engine) ---------
def _pair(v, name):
    if isinstance(v, (list, tuple)):
        if len(v) == 1:
            return (int(v[0]), int(v[0]))
        if len(v) != 2:
            raise RuntimeError(
                f'expected {name} to be a single integer value or a list of 2 values to match the convolution '
                f'dimensions, but got {name}={list(v)}'
            )
        return (int(v[0]), int(v[1]))
    return (int(v), int(v))


def _tensor_arg(fn, input, name='input', position=1):
    try:
        return input._t
    except AttributeError:
        raise TypeError(
            f"{fn}(): argument '{name}' (position {position}) must be Tensor, not {type(input).__name__}"
        ) from None


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    x = _tensor_arg('conv2d', input)
    w = _tensor_arg('conv2d', weight, 'weight', 2)
    if not isinstance(padding, str):
        padding = _pair(padding, 'padding')
    return wrap(E.conv2d(x, w, _opt(bias), _pair(stride, 'stride'), padding, _pair(dilation, 'dilation'), int(groups)))


def _single(v, name):
    if isinstance(v, (list, tuple)):
        if len(v) != 1:
            raise RuntimeError(
                f'expected {name} to be a single integer value or a list of 1 values to match the convolution '
                f'dimensions, but got {name}={list(v)}'
            )
        return int(v[0])
    return int(v)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    x = _tensor_arg('conv1d', input)
    w = _tensor_arg('conv1d', weight, 'weight', 2)
    if not isinstance(padding, str):
        padding = _single(padding, 'padding')
    return wrap(
        E.conv1d(x, w, _opt(bias), _single(stride, 'stride'), padding, _single(dilation, 'dilation'), int(groups))
    )


def _no_padding_string(fn, padding):
    # PyTorch's transposed convolutions take no 'same'/'valid': its argument parser rejects the string.
    if isinstance(padding, str):
        raise TypeError(f"{fn}(): argument 'padding' must be tuple of ints, not str")


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    x = _tensor_arg('conv_transpose2d', input)
    w = _tensor_arg('conv_transpose2d', weight, 'weight', 2)
    _no_padding_string('conv_transpose2d', padding)
    return wrap(
        E.conv_transpose2d(
            x,
            w,
            _opt(bias),
            _pair(stride, 'stride'),
            _pair(padding, 'padding'),
            _pair(output_padding, 'output_padding'),
            int(groups),
            _pair(dilation, 'dilation'),
        )
    )


def conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    x = _tensor_arg('conv_transpose1d', input)
    w = _tensor_arg('conv_transpose1d', weight, 'weight', 2)
    _no_padding_string('conv_transpose1d', padding)
    return wrap(
        E.conv_transpose1d(
            x,
            w,
            _opt(bias),
            _single(stride, 'stride'),
            _single(padding, 'padding'),
            _single(output_padding, 'output_padding'),
            int(groups),
            _single(dilation, 'dilation'),
        )
    )


def _pool_stride(stride, kernel_size):
    # PyTorch: stride=None (or an empty list) means the kernel size.
    return kernel_size if stride is None or (isinstance(stride, (list, tuple)) and len(stride) == 0) else stride


def max_pool2d_with_indices(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=True
):
    values, indices = E.max_pool2d_with_indices(
        _tensor_arg('max_pool2d', input),
        _pair(kernel_size, 'kernel_size'),
        _pair(_pool_stride(stride, kernel_size), 'stride'),
        _pair(padding, 'padding'),
        _pair(dilation, 'dilation'),
        bool(ceil_mode),
    )
    return wrap(values), wrap(indices)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    values, indices = max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode)
    return (values, indices) if return_indices else values


def avg_pool2d(
    input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None
):
    return wrap(
        E.avg_pool2d(
            _tensor_arg('avg_pool2d', input),
            _pair(kernel_size, 'kernel_size'),
            _pair(_pool_stride(stride, kernel_size), 'stride'),
            _pair(padding, 'padding'),
            bool(ceil_mode),
            bool(count_include_pad),
            None if divisor_override is None else int(divisor_override),
        )
    )


def adaptive_avg_pool2d(input, output_size):
    x = _tensor_arg('adaptive_avg_pool2d', input)
    if isinstance(output_size, (list, tuple)):
        sizes = tuple(output_size)
    else:
        sizes = (output_size, output_size)
    # None keeps that dimension's input size, as PyTorch's _list_with_default.
    size = tuple(input.shape[-2 + i] if s is None else int(s) for i, s in enumerate(sizes))
    if size == (1, 1) and input.dim() in (3, 4):
        return input.mean((-1, -2), keepdim=True)  # PyTorch takes a 1x1 output as a mean (MeanBackward1)
    return wrap(E.adaptive_avg_pool2d(x, size))


# ---- activations ----------------------------------------------------------------------------------
def relu(input, inplace=False):
    out = input.relu_() if inplace else wrap(_relu(input._t))
    if _scope[0] is not None:  # inside a seen model's forward (torch/_activation_probe.py)
        _report('relu', out)
    return out


def relu_(input):
    return input.relu_()


def relu6(input, inplace=False):
    return wrap(E.relu6(input._t))


def leaky_relu(input, negative_slope=0.01, inplace=False):
    out = wrap(E.leaky_relu(input._t, float(negative_slope)))
    if _scope[0] is not None:
        _report('leaky_relu', out)
    return out


def elu(input, alpha=1.0, inplace=False):
    out = wrap(E.elu(input._t, float(alpha)))
    if _scope[0] is not None:
        _report('elu', out)
    return out


def selu(input, inplace=False):
    return wrap(E.selu(input._t))


def celu(input, alpha=1.0, inplace=False):
    return wrap(E.celu(input._t, float(alpha)))


def gelu(input, approximate='none'):
    out = wrap(E.gelu(input._t, approximate))
    if _scope[0] is not None:
        _report('gelu', out)
    return out


def silu(input, inplace=False):
    out = wrap(E.silu(input._t))
    if _scope[0] is not None:
        _report('silu', out)
    return out


def mish(input, inplace=False):
    return wrap(E.mish(input._t))


def softplus(input, beta=1, threshold=20):
    out = wrap(E.softplus(input._t, beta, threshold))
    if _scope[0] is not None:
        _report('softplus', out)
    return out


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    return wrap(E.hardtanh(input._t, float(min_val), float(max_val)))


def prelu(input, weight):
    return wrap(E.prelu(_tensor_arg('prelu', input), _tensor_arg('prelu', weight, 'weight', 2)))


def threshold(input, threshold, value, inplace=False):
    out = wrap(E.threshold(input._t, float(threshold), float(value)))
    if inplace:
        input.data = out.detach()
        return input
    return out


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    # Training mode draws a slope per non-positive element from the global generator, as PyTorch's CPU kernel.
    out = wrap(E.rrelu(input._t, float(lower), float(upper), bool(training)))
    if inplace:
        input.data = out.detach()
        return input
    return out


def logsigmoid(input):
    return wrap(E.logsigmoid(input._t))


def sigmoid(input):
    warnings.warn('nn.functional.sigmoid is deprecated. Use torch.sigmoid instead.')
    out = wrap(E.sigmoid(input._t))
    if _scope[0] is not None:
        _report('sigmoid', out)
    return out


def tanh(input):
    warnings.warn('nn.functional.tanh is deprecated. Use torch.tanh instead.')
    out = wrap(E.tanh(input._t))
    if _scope[0] is not None:
        _report('tanh', out)
    return out


def hardsigmoid(input, inplace=False):
    return (input + 3).clamp(0, 6) / 6


def hardswish(input, inplace=False):
    return wrap(E.hardswish(input._t))


def softsign(input):
    return input / (input.abs() + 1)


def tanhshrink(input):
    return input - wrap(E.tanh(input._t))  # the engine's tanh: not reported as an activation of its own


def glu(input, dim=-1):
    a, b = input.chunk(2, dim)
    return a * wrap(E.sigmoid(b._t))  # the engine's sigmoid: not reported as an activation of its own


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    if out is None:
        return input / denom
    from .. import div

    return div(input, denom, out=out)  # written into `out`, as PyTorch (spectral norm's power iteration)


def one_hot(tensor, num_classes=-1):
    return wrap(E.one_hot(tensor._t, int(num_classes)))


# ---- losses ---------------------------------------------------------------------------------------
def mse_loss(input, target, size_average=None, reduce=None, reduction='mean'):
    return wrap(E.mse_loss(input._t, target._t, _check_reduction(_reduction(size_average, reduce, reduction))))


def l1_loss(input, target, size_average=None, reduce=None, reduction='mean'):
    return wrap(E.l1_loss(input._t, target._t, _check_reduction(_reduction(size_average, reduce, reduction))))


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0):
    return wrap(
        E.smooth_l1_loss(
            input._t, target._t, _check_reduction(_reduction(size_average, reduce, reduction)), float(beta)
        )
    )


def huber_loss(input, target, reduction='mean', delta=1.0):
    return wrap(E.huber_loss(input._t, target._t, _check_reduction(reduction), float(delta)))


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean'):
    return wrap(
        E.binary_cross_entropy(
            input._t, target._t, _opt(weight), _check_reduction(_reduction(size_average, reduce, reduction))
        )
    )


def binary_cross_entropy_with_logits(
    input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None
):
    return wrap(
        E.binary_cross_entropy_with_logits(
            input._t,
            target._t,
            _opt(weight),
            _check_reduction(_reduction(size_average, reduce, reduction)),
            _opt(pos_weight),
        )
    )


def cross_entropy(
    input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0
):
    return wrap(
        E.cross_entropy(
            input._t,
            target._t,
            _opt(weight),
            _check_reduction(_reduction(size_average, reduce, reduction)),
            int(ignore_index),
            float(label_smoothing),
        )
    )


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean'):
    return wrap(
        E.nll_loss(
            input._t,
            target._t,
            _opt(weight),
            _check_reduction(_reduction(size_average, reduce, reduction)),
            int(ignore_index),
        )
    )


def kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False):
    reduction = _check_reduction(_reduction(size_average, reduce, reduction)) if reduction != 'batchmean' else reduction
    if log_target:
        difference = target - input
        loss = target.exp() * difference
    else:
        # PyTorch 1.13's composite, op for op: xlogy(t, t) - t * input, whose C++ evaluates the product first
        # (GCC's right-to-left operands): that order decides how the target's gradients add up.
        product = target * input
        loss = wrap(E.xlogy(target._t, target._t)) - product
    if reduction == 'none':
        return loss
    if reduction == 'batchmean':
        return loss.sum() / input.size(0)
    return loss.sum() if reduction == 'sum' else loss.mean()


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    # PyTorch 1.13's composite, op for op (its graph ends in SumBackward1): each input, broadcast, divided by
    # its norm, the squared norms clamped to eps**2 without recording the clamp.
    from .._grad_mode import no_grad
    from .._tensor_aliases import broadcast_tensors

    x1, x2 = broadcast_tensors(x1, x2)
    norms = []
    for x in (x1, x2):
        squared = x.pow(2).sum(dim, keepdim=True)
        with no_grad():
            squared.clamp_(min=eps * eps)
        norms.append(squared.sqrt())
    return ((x1 / norms[0]) * (x2 / norms[1])).sum(dim)


from .modules.sparse import embedding, embedding_bag  # noqa: E402,F401  (with nn.Embedding, whose forward it is)
from ._softmax import softmax, softmin, log_softmax  # noqa: E402,F401  (their implicit-dim warning, own file)
from ._padding import pad  # noqa: E402,F401  (before _attention, which imports it from here)
from ._attention import multi_head_attention_forward  # noqa: E402,F401  (PyTorch's composition, own file)
from ._margin_losses import (  # noqa: E402,F401
    margin_ranking_loss,
    hinge_embedding_loss,
    cosine_embedding_loss,
    pairwise_distance,
    triplet_margin_loss,
    triplet_margin_with_distance_loss,
    multilabel_soft_margin_loss,
    multi_margin_loss,
)
from ._likelihood_losses import poisson_nll_loss, gaussian_nll_loss  # noqa: E402,F401
from .._functions import pdist  # noqa: E402,F401  (PyTorch's F.pdist is torch.pdist)
from ._upsampling import interpolate, upsample, max_unpool2d, pixel_shuffle, pixel_unshuffle  # noqa: E402,F401
from ._im2col import fold, unfold  # noqa: E402,F401
from ._gumbel import gumbel_softmax  # noqa: E402,F401
from ._grid_sample import affine_grid, grid_sample  # noqa: E402,F401
from ._ctc import ctc_loss  # noqa: E402,F401
from ._local_response_norm import local_response_norm  # noqa: E402,F401
from ._volumetric import conv3d, conv_transpose3d, avg_pool3d, adaptive_avg_pool3d  # noqa: E402,F401
from ._volumetric import max_pool3d, max_pool3d_with_indices  # noqa: E402,F401
from ._lp_pool import lp_pool1d, lp_pool2d  # noqa: E402,F401
from ._fractional_max_pool import (  # noqa: E402,F401
    fractional_max_pool2d,
    fractional_max_pool2d_with_indices,
    fractional_max_pool3d,
    fractional_max_pool3d_with_indices,
)
from ._channel_shuffle import channel_shuffle  # noqa: E402,F401
from ._pool1d_norms import (  # noqa: E402,F401
    max_pool1d,
    avg_pool1d,
    adaptive_avg_pool1d,
    adaptive_max_pool2d,
    group_norm,
    instance_norm,
)

__getattr__ = module_getattr('torch.nn.functional')
