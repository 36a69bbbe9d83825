"""torch.nn.functional's 3-D convolution and pooling (video clips, medical volumes): the arguments expanded to
(depth, height, width) triples with PyTorch's defaults and messages, the arithmetic in the engine
(src/engine/ops/conv3d.ts, convTranspose3d.ts, pool3d.ts)."""

from .._engine import E
from .._tensor import wrap
from .functional import _no_padding_string, _opt, _pool_stride, _tensor_arg


def _triple(v, name):
    if isinstance(v, (list, tuple)):
        if len(v) == 1:
            return (int(v[0]),) * 3
        if len(v) != 3:
            raise RuntimeError(
                f'expected {name} to be a single integer value or a list of 3 values to match the convolution '
                f'dimensions, but got {name}={list(v)}'
            )
        return tuple(int(e) for e in v)
    return (int(v),) * 3


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    x = _tensor_arg('conv3d', input)
    w = _tensor_arg('conv3d', weight, 'weight', 2)
    if not isinstance(padding, str):
        padding = _triple(padding, 'padding')
    return wrap(
        E.conv3d(x, w, _opt(bias), _triple(stride, 'stride'), padding, _triple(dilation, 'dilation'), int(groups))
    )


def conv_transpose3d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    x = _tensor_arg('conv_transpose3d', input)
    w = _tensor_arg('conv_transpose3d', weight, 'weight', 2)
    _no_padding_string('conv_transpose3d', padding)
    return wrap(
        E.conv_transpose3d(
            x,
            w,
            _opt(bias),
            _triple(stride, 'stride'),
            _triple(padding, 'padding'),
            _triple(output_padding, 'output_padding'),
            int(groups),
            _triple(dilation, 'dilation'),
        )
    )


def max_pool3d_with_indices(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=True
):
    values, indices = E.max_pool3d_with_indices(
        _tensor_arg('max_pool3d', input),
        _triple(kernel_size, 'kernel_size'),
        _triple(_pool_stride(stride, kernel_size), 'stride'),
        _triple(padding, 'padding'),
        _triple(dilation, 'dilation'),
        bool(ceil_mode),
    )
    return wrap(values), wrap(indices)


def max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    values, indices = max_pool3d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode)
    return (values, indices) if return_indices else values


def avg_pool3d(
    input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None
):
    return wrap(
        E.avg_pool3d(
            _tensor_arg('avg_pool3d', input),
            _triple(kernel_size, 'kernel_size'),
            _triple(_pool_stride(stride, kernel_size), 'stride'),
            _triple(padding, 'padding'),
            bool(ceil_mode),
            bool(count_include_pad),
            None if divisor_override is None else int(divisor_override),
        )
    )


def adaptive_avg_pool3d(input, output_size):
    x = _tensor_arg('adaptive_avg_pool3d', input)
    sizes = tuple(output_size) if isinstance(output_size, (list, tuple)) else (output_size,) * 3
    # None keeps that dimension's input size, as PyTorch's _list_with_default.
    size = tuple(input.shape[-3 + i] if s is None else int(s) for i, s in enumerate(sizes))
    if size == (1, 1, 1) and input.dim() in (4, 5):
        return input.mean((-1, -2, -3), keepdim=True)  # PyTorch takes a 1x1x1 output as a mean (MeanBackward1)
    return wrap(E.adaptive_avg_pool3d(x, size))
