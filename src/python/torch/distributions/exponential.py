"""Exponential(rate): `rsample` fills a tensor with exponential_() and divides by the rate, as PyTorch does."""

from numbers import Number

from .._size import Size
from . import constraints
from .distribution import Distribution
from .utils import broadcast_all


class Exponential(Distribution):
    arg_constraints = {'rate': constraints.positive}
    support = constraints.nonnegative
    has_rsample = True

    def __init__(self, rate, validate_args=None):
        (self.rate,) = broadcast_all(rate)
        batch_shape = Size() if isinstance(rate, Number) else self.rate.size()
        super().__init__(batch_shape, validate_args=validate_args)

    @property
    def mean(self):
        return self.rate.reciprocal()

    @property
    def mode(self):
        from .._creation import zeros_like

        return zeros_like(self.rate)

    @property
    def stddev(self):
        return self.rate.reciprocal()

    @property
    def variance(self):
        return self.rate.pow(-2)

    def _draw(self, sample_shape):
        return self.rsample(sample_shape)

    def rsample(self, sample_shape=Size()):
        from .._creation import empty

        draw = empty(self._extended_shape(sample_shape), dtype=self.rate.dtype).exponential_()
        return draw / self.rate

    def log_prob(self, value):
        self._validate_sample(value)
        return self.rate.log() - self.rate * value

    def cdf(self, value):
        self._validate_sample(value)
        return 1 - (-self.rate * value).exp()

    def entropy(self):
        return 1.0 - self.rate.log()
