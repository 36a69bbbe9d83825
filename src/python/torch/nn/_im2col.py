"""torch.nn.functional's unfold (im2col) and fold (col2im): ints expanded to pairs as PyTorch 1.13's
functional.py does; the engine (src/engine/ops/im2col.ts) checks the sizes and computes values and gradients."""

from .._engine import E
from .._tensor import wrap


def _pair(v):
    return (int(v[0]), int(v[1])) if isinstance(v, (list, tuple)) else (int(v), int(v))


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    return wrap(E.im2col(input._t, _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride)))


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    return wrap(
        E.col2im(input._t, _pair(output_size), _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride))
    )
