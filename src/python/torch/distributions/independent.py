"""Independent(base, n): the base distribution's rightmost n batch dimensions read as event dimensions, so
log_prob and entropy sum over them (a diagonal Gaussian policy or VAE posterior)."""

from .._size import Size
from .distribution import Distribution


def sum_rightmost(value, dim):
    if dim == 0:
        return value
    return value.reshape(tuple(value.shape[: value.dim() - dim]) + (-1,)).sum(-1)


class Independent(Distribution):
    arg_constraints = {}

    def __init__(self, base_distribution, reinterpreted_batch_ndims, validate_args=None):
        if reinterpreted_batch_ndims > len(base_distribution.batch_shape):
            raise ValueError(
                'Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), '
                f'actual {reinterpreted_batch_ndims} vs {len(base_distribution.batch_shape)}'
            )
        shape = tuple(base_distribution.batch_shape) + tuple(base_distribution.event_shape)
        event_dim = reinterpreted_batch_ndims + len(base_distribution.event_shape)
        self.base_dist = base_distribution
        self.reinterpreted_batch_ndims = reinterpreted_batch_ndims
        super().__init__(Size(shape[: len(shape) - event_dim]), Size(shape[len(shape) - event_dim :]), validate_args)

    @property
    def has_rsample(self):
        return getattr(self.base_dist, 'has_rsample', False)

    @property
    def support(self):
        from .constraints import independent

        base = self.base_dist.support
        return None if base is None else independent(base, self.reinterpreted_batch_ndims)

    @property
    def mean(self):
        return self.base_dist.mean

    @property
    def mode(self):
        return self.base_dist.mode

    @property
    def variance(self):
        return self.base_dist.variance

    @property
    def stddev(self):
        return self.base_dist.stddev

    def sample(self, sample_shape=Size()):
        return self.base_dist.sample(sample_shape)

    def rsample(self, sample_shape=Size()):
        return self.base_dist.rsample(sample_shape)

    def log_prob(self, value):
        return sum_rightmost(self.base_dist.log_prob(value), self.reinterpreted_batch_ndims)

    def entropy(self):
        return sum_rightmost(self.base_dist.entropy(), self.reinterpreted_batch_ndims)

    def __repr__(self):
        return f'{type(self).__name__}({self.base_dist}, {self.reinterpreted_batch_ndims})'
