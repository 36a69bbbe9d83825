"""torch.nn.functional's power-average pooling, lp_pool1d and lp_pool2d: PyTorch 1.13 writes them in Python
from other ops, so they are composed here from the same ops in the same order (x ** p averaged over each
window, the sign times relu(abs) of the average, times the window size, to the power 1 / p), which gives
PyTorch's values, grad_fn names (the result's is PowBackward0) and gradient order. The relu keeps a zero
average's gradient at zero. The engine computes each op."""

from .._engine import E
from .._tensor import wrap


def _power_root(out, window, norm_type):
    # sign(out) * relu(abs(out)), evaluated left to right as PyTorch's expression is (the order of the nodes
    # decides how gradients add up); the engine's relu, not F.relu: this is no activation of the model's.
    sign = out.sign()
    magnitude = wrap(E.relu(out.abs()._t))
    return (sign * magnitude).mul(window).pow(1.0 / norm_type)


def lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    from .functional import avg_pool2d

    kh, kw = tuple(kernel_size) if isinstance(kernel_size, (list, tuple)) else (kernel_size, kernel_size)
    out = avg_pool2d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    return _power_root(out, kw * kh, norm_type)


def lp_pool1d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    from .functional import avg_pool1d

    out = avg_pool1d(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
    return _power_root(out, kernel_size, norm_type)
