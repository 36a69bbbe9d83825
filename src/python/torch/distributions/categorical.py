"""Categorical over the last dimension of `probs` (normalised) or `logits` (log-normalised)."""

from .distribution import Distribution
from .utils import clamp_probs


class Categorical(Distribution):
    arg_constraints = {'probs': None, 'logits': None}

    def __init__(self, probs=None, logits=None, validate_args=None):
        if (probs is None) == (logits is None):
            raise ValueError('Either `probs` or `logits` must be specified, but not both.')
        if probs is not None:
            if probs.dim() < 1:
                raise ValueError('`probs` parameter must be at least one-dimensional.')
            self.probs = probs / probs.sum(-1, keepdim=True)
        else:
            if logits.dim() < 1:
                raise ValueError('`logits` parameter must be at least one-dimensional.')
            self.logits = logits - logits.logsumexp(dim=-1, keepdim=True)
        param = self.probs if probs is not None else self.logits
        self._num_events = param.size()[-1]
        super().__init__(param.size()[:-1], validate_args=validate_args)

    def __getattr__(self, name):
        # probs and logits are computed from each other on first use, as PyTorch's lazy_property.
        if name == 'probs':
            self.probs = self.__dict__['logits'].softmax(-1)
            return self.probs
        if name == 'logits':
            self.logits = clamp_probs(self.__dict__['probs']).log()
            return self.logits
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    @property
    def param_shape(self):
        return self.probs.size()

    @property
    def mean(self):
        from .._creation import full

        return full(self._extended_shape(), float('nan'), dtype=self.probs.dtype)

    def _draw(self, sample_shape):
        from .._creation import multinomial

        probs_2d = self.probs.reshape(-1, self._num_events)
        samples_2d = multinomial(probs_2d, sample_shape.numel(), True).T
        return samples_2d.reshape(self._extended_shape(sample_shape))

    def log_prob(self, value):
        from .._tensor_aliases import broadcast_tensors

        value = value.long().unsqueeze(-1)
        value, log_pmf = broadcast_tensors(value, self.logits)
        return log_pmf.gather(-1, value[..., :1]).squeeze(-1)

    def entropy(self):
        logits = self.logits.clamp(min=-3.4028234663852886e38)
        return -(logits * self.probs).sum(-1)
