"""Bernoulli(probs or logits): `sample` by torch.bernoulli, `log_prob` as minus the BCE with logits."""

from .._size import Size
from .._grad_mode import no_grad
from .distribution import Distribution
from .utils import broadcast_all, clamp_probs


class Bernoulli(Distribution):
    arg_constraints = {'probs': None, 'logits': None}

    def __init__(self, probs=None, logits=None, validate_args=None):
        if (probs is None) == (logits is None):
            raise ValueError('Either `probs` or `logits` must be specified, but not both.')
        if probs is not None:
            (self.probs,) = broadcast_all(probs)
            param = self.probs
        else:
            (self.logits,) = broadcast_all(logits)
            param = self.logits
        super().__init__(param.size(), validate_args=validate_args)

    def __getattr__(self, name):
        # probs and logits are computed from each other on first use, as PyTorch's lazy_property.
        if name == 'probs':
            self.probs = self.__dict__['logits'].sigmoid()
            return self.probs
        if name == 'logits':
            p = clamp_probs(self.__dict__['probs'])
            self.logits = p.log() - (-p).log1p()
            return self.logits
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    @property
    def mean(self):
        return self.probs

    @property
    def variance(self):
        return self.probs * (1 - self.probs)

    def sample(self, sample_shape=Size()):
        from .._creation import bernoulli

        with no_grad():
            return bernoulli(self.probs.expand(self._extended_shape(sample_shape)))

    def log_prob(self, value):
        from ..nn.functional import binary_cross_entropy_with_logits

        logits, value = broadcast_all(self.logits, value)
        return -binary_cross_entropy_with_logits(logits, value, reduction='none')

    def entropy(self):
        from ..nn.functional import binary_cross_entropy_with_logits

        return binary_cross_entropy_with_logits(self.logits, self.probs, reduction='none')
