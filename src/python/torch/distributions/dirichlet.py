"""Dirichlet(concentration): `rsample` is torch._sample_dirichlet's draw (PyTorch 1.13's CPU sampler: Gamma draws in double,
normalised), its gradient ATen's dirichlet_grad; densities and entropies by lgamma and digamma."""

from .._size import Size
from . import constraints
from .distribution import Distribution


def _gen_draw(concentration):
    from .._engine import E
    from .._tensor import wrap

    return wrap(E.dirichlet_rsample(concentration._t, None))


class Dirichlet(Distribution):
    arg_constraints = {'concentration': constraints.independent(constraints.positive, 1)}
    support = constraints.simplex
    has_rsample = True

    def __init__(self, concentration, validate_args=None):
        if concentration.dim() < 1:
            raise ValueError('`concentration` parameter must be at least one-dimensional.')
        self.concentration = concentration
        shape = concentration.shape
        super().__init__(shape[:-1], shape[-1:], validate_args=validate_args)

    def _draw(self, sample_shape):
        return self.rsample(sample_shape)

    def rsample(self, sample_shape=()):
        return _gen_draw(self.concentration.expand(self._extended_shape(Size(sample_shape))))

    def log_prob(self, value):
        from .._gamma_functions import lgamma

        self._validate_sample(value)
        c = self.concentration
        return (value.log() * (c - 1.0)).sum(-1) + lgamma(c.sum(-1)) - lgamma(c).sum(-1)

    @property
    def mean(self):
        return self.concentration / self.concentration.sum(-1, True)

    @property
    def mode(self):
        from ..nn.functional import one_hot

        shifted = (self.concentration - 1).clamp(min=0.0)
        mode = shifted / shifted.sum(-1, True)
        # every concentration below 1: the mass piles at the largest coordinate's vertex
        mask = (self.concentration < 1).all(-1)
        mode[mask] = one_hot(mode[mask].argmax(-1), shifted.shape[-1]).to(mode)
        return mode

    @property
    def variance(self):
        total = self.concentration.sum(-1, True)
        return self.concentration * (total - self.concentration) / (total.pow(2) * (total + 1))

    def entropy(self):
        from .._gamma_functions import digamma, lgamma

        c = self.concentration
        k = c.size(-1)
        a0 = c.sum(-1)
        return lgamma(c).sum(-1) - lgamma(a0) - (k - a0) * digamma(a0) - ((c - 1.0) * digamma(c)).sum(-1)
