"""Uniform(low, high): `rsample` as low + torch.rand * (high - low), the draw PyTorch makes."""

from numbers import Number

from .._size import Size
from . import constraints
from .distribution import Distribution
from .utils import broadcast_all


class Uniform(Distribution):
    # low and high bound each other, so PyTorch checks them together (below) instead of one by one.
    arg_constraints = {'low': None, 'high': None}
    has_rsample = True

    def __init__(self, low, high, validate_args=None):
        self.low, self.high = broadcast_all(low, high)
        batch_shape = Size() if isinstance(low, Number) and isinstance(high, Number) else self.low.size()
        super().__init__(batch_shape, validate_args=validate_args)
        if self._validate_args and not self.low.lt(self.high).all():
            raise ValueError('Uniform is not defined when low>= high')

    @property
    def support(self):
        return constraints.interval(self.low, self.high)

    @property
    def mean(self):
        return (self.high + self.low) / 2

    @property
    def mode(self):
        return float('nan') * self.high

    @property
    def stddev(self):
        return (self.high - self.low) / 12**0.5

    @property
    def variance(self):
        return (self.high - self.low).pow(2) / 12

    def _draw(self, sample_shape):
        return self.rsample(sample_shape)

    def rsample(self, sample_shape=Size()):
        from .._creation import rand

        rnd = rand(self._extended_shape(sample_shape), dtype=self.low.dtype)
        return self.low + rnd * (self.high - self.low)

    def log_prob(self, value):
        self._validate_sample(value)
        lb = self.low.le(value).type_as(self.low)
        ub = self.high.gt(value).type_as(self.low)
        return lb.mul(ub).log() - (self.high - self.low).log()

    def cdf(self, value):
        self._validate_sample(value)
        return ((value - self.low) / (self.high - self.low)).clamp(min=0, max=1)

    def entropy(self):
        return (self.high - self.low).log()
