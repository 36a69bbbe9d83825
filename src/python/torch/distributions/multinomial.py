"""Multinomial: counts of `total_count` Categorical draws, scattered per event as PyTorch counts them."""

from .categorical import Categorical
from .distribution import Distribution


class Multinomial(Distribution):
    arg_constraints = {'probs': None, 'logits': None}

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        if not isinstance(total_count, int):
            raise NotImplementedError('inhomogeneous total_count is not supported')
        self.total_count = total_count
        self._categorical = Categorical(probs=probs, logits=logits)
        if probs is not None:
            self.probs = self._categorical.probs
        else:
            self.logits = self._categorical.logits
        super().__init__(self._categorical.batch_shape, self._categorical.param_shape[-1:], validate_args)

    def __getattr__(self, name):
        if name in ('probs', 'logits'):
            return getattr(self.__dict__['_categorical'], name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    @property
    def mean(self):
        return self.probs * self.total_count

    @property
    def variance(self):
        return self.total_count * self.probs * (1 - self.probs)

    def _draw(self, sample_shape):
        from .._creation import ones_like, zeros

        samples = self._categorical.sample((self.total_count,) + tuple(sample_shape))
        # (total_count, sample, batch) -> (sample, batch, total_count), then count each event.
        order = list(range(samples.dim()))
        order.append(order.pop(0))
        samples = samples.permute(*order)
        counts = zeros(self._extended_shape(sample_shape), dtype=samples.dtype)
        counts.scatter_add_(-1, samples, ones_like(samples))
        return counts.type_as(self.probs)

    def log_prob(self, value):
        from .._tensor_aliases import broadcast_tensors

        logits, value = broadcast_tensors(self.logits, value)
        logits = logits.clone()
        log_factorial_n = (value.sum(-1) + 1).lgamma()
        log_factorial_xs = (value + 1).lgamma().sum(-1)
        logits[(value == 0) & (logits == float('-inf'))] = 0
        return log_factorial_n - log_factorial_xs + (logits * value).sum(-1)
