"""nn.Linear and nn.Identity: y = x W^T + b, initialised exactly as PyTorch (kaiming_uniform_ with
a = sqrt(5), then bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))) so a seeded model has PyTorch's numbers."""

import math

from ..._engine import E

from ..._tensor import wrap
from ... import _creation
from .. import init
from ..parameter import Parameter
from .module import Module

_linear = E.linear


class Identity(Module):
    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        _creation.check_factory_kwargs(device, dtype)
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(_creation.empty(out_features, in_features))
        if bias:
            self.bias = Parameter(_creation.empty(out_features))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        b = self.bias
        try:
            x = input._t
        except AttributeError:
            raise TypeError(
                f"linear(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}"
            ) from None
        return wrap(_linear(x, self.weight._t, None if b is None else b._t))

    def extra_repr(self):
        return f'in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}'


class NonDynamicallyQuantizableLinear(Linear):
    """The Linear that MultiheadAttention holds as out_proj: PyTorch's own subclass (it only tells its
    quantization tools apart), which is why the layer prints under this name."""
