"""Gamma(concentration, rate): `rsample` divides torch._standard_gamma's
draw (PyTorch 1.13's CPU sampler, so seeded draws repeat) by the rate; the gradient reaches the
concentration through ATen's reparameterised standard-gamma gradient."""

from numbers import Number

from .._size import Size
from . import constraints
from .distribution import Distribution
from .utils import broadcast_all


class Gamma(Distribution):
    arg_constraints = {'concentration': constraints.positive, 'rate': constraints.positive}
    support = constraints.nonnegative
    has_rsample = True
    _mean_carrier_measure = 0

    def __init__(self, concentration, rate, validate_args=None):
        self.concentration, self.rate = broadcast_all(concentration, rate)
        scalars = isinstance(concentration, Number) and isinstance(rate, Number)
        super().__init__(Size() if scalars else self.concentration.size(), validate_args=validate_args)

    @property
    def mean(self):
        return self.concentration / self.rate

    @property
    def mode(self):
        return ((self.concentration - 1) / self.rate).clamp(min=0)

    @property
    def variance(self):
        return self.concentration / self.rate.pow(2)

    def _draw(self, sample_shape):
        return self.rsample(sample_shape)

    def rsample(self, sample_shape=Size()):
        from .._gamma_functions import _standard_gamma
        from .._torch_extras import finfo

        shape = self._extended_shape(sample_shape)
        value = _standard_gamma(self.concentration.expand(shape)) / self.rate.expand(shape)
        # the clamp is on the values only, outside the graph
        value.detach().clamp_(min=finfo(value.dtype).tiny)
        return value

    def log_prob(self, value):
        from .. import xlogy
        from .._creation import as_tensor
        from .._gamma_functions import lgamma

        value = as_tensor(value, dtype=self.rate.dtype)
        self._validate_sample(value)
        return (
            xlogy(self.concentration, self.rate)
            + xlogy(self.concentration - 1, value)
            - self.rate * value
            - lgamma(self.concentration)
        )

    def entropy(self):
        from .._gamma_functions import digamma, lgamma

        return (
            self.concentration
            - self.rate.log()
            + lgamma(self.concentration)
            + (1.0 - self.concentration) * digamma(self.concentration)
        )
