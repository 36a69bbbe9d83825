"""torch.nn.functional's 1-D pooling (composed as PyTorch 1.13's ATen does: unsqueeze(-2), the 2-D pooling,
squeeze(-2)), adaptive_max_pool2d, group_norm (one engine op) and instance_norm (ATen's composition: the
batch folded into the channels of one batch_norm, the running statistics averaged back)."""

from .._engine import E
from .._grad_mode import no_grad
from .._tensor import wrap


def _single(v):
    return int(v[0]) if isinstance(v, (list, tuple)) else int(v)


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    from .functional import max_pool2d_with_indices

    k = _single(kernel_size)
    s = k if stride is None or (isinstance(stride, (list, tuple)) and len(stride) == 0) else _single(stride)
    values, indices = max_pool2d_with_indices(
        input.unsqueeze(-2), (1, k), (1, s), (0, _single(padding)), (1, _single(dilation)), ceil_mode
    )
    values, indices = values.squeeze(-2), indices.squeeze(-2)
    return (values, indices) if return_indices else values


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    from .functional import avg_pool2d

    k = _single(kernel_size)
    s = k if stride is None or (isinstance(stride, (list, tuple)) and len(stride) == 0) else _single(stride)
    return avg_pool2d(input.unsqueeze(-2), (1, k), (1, s), (0, _single(padding)), ceil_mode, count_include_pad).squeeze(
        -2
    )


def adaptive_avg_pool1d(input, output_size):
    from .functional import adaptive_avg_pool2d

    return adaptive_avg_pool2d(input.unsqueeze(-2), (1, _single(output_size))).squeeze(-2)


def adaptive_max_pool2d(input, output_size, return_indices=False):
    sizes = tuple(output_size) if isinstance(output_size, (list, tuple)) else (output_size, output_size)
    size = tuple(input.shape[-2 + i] if s is None else int(s) for i, s in enumerate(sizes))
    values, indices = E.adaptive_max_pool2d(input._t, size)
    return (wrap(values), wrap(indices)) if return_indices else wrap(values)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    return wrap(
        E.group_norm(
            input._t,
            int(num_groups),
            None if weight is None else weight._t,
            None if bias is None else bias._t,
            float(eps),
        )
    )


def instance_norm(
    input,
    running_mean=None,
    running_var=None,
    weight=None,
    bias=None,
    use_input_stats=True,
    momentum=0.1,
    eps=1e-05,
):
    from .functional import batch_norm

    b, c = input.shape[0], input.shape[1]
    shape = [1, b * c, *input.shape[2:]]
    repeat = lambda t: None if t is None else t.repeat(b)
    running_mean_, running_var_ = repeat(running_mean), repeat(running_var)
    out = batch_norm(
        input.contiguous().view(shape),
        running_mean_,
        running_var_,
        repeat(weight),
        repeat(bias),
        use_input_stats,
        momentum,
        eps,
    )
    with no_grad():
        if running_mean is not None:
            running_mean.copy_(running_mean_.view(b, c).mean(0))
        if running_var is not None:
            running_var.copy_(running_var_.view(b, c).mean(0))
    return out.view(input.shape)
