"""kl_divergence's closed forms for the gamma family (Gamma, Chi2 through Gamma, Beta, Dirichlet), written
with lgamma and digamma as PyTorch's are, registered beside kl.py's."""

from .beta import Beta
from .dirichlet import Dirichlet
from .gamma import Gamma
from .kl import register_kl


def _lgamma(t):
    return t.lgamma()


def _digamma(t):
    return t.digamma()


@register_kl(Gamma, Gamma)
def _kl_gamma_gamma(p, q):
    log_rates = q.concentration * (p.rate / q.rate).log()
    normalisers = _lgamma(q.concentration) - _lgamma(p.concentration)
    shapes = (p.concentration - q.concentration) * _digamma(p.concentration)
    return log_rates + normalisers + shapes + (q.rate - p.rate) * (p.concentration / p.rate)


@register_kl(Beta, Beta)
def _kl_beta_beta(p, q):
    total_p = p.concentration1 + p.concentration0
    total_q = q.concentration1 + q.concentration0
    lg_q = _lgamma(q.concentration1) + _lgamma(q.concentration0) + _lgamma(total_p)
    lg_p = _lgamma(p.concentration1) + _lgamma(p.concentration0) + _lgamma(total_q)
    d1 = (p.concentration1 - q.concentration1) * _digamma(p.concentration1)
    d0 = (p.concentration0 - q.concentration0) * _digamma(p.concentration0)
    return lg_q - lg_p + d1 + d0 + (total_q - total_p) * _digamma(total_p)


@register_kl(Dirichlet, Dirichlet)
def _kl_dirichlet_dirichlet(p, q):
    total_p = p.concentration.sum(-1)
    total_q = q.concentration.sum(-1)
    normalisers = _lgamma(total_p) - _lgamma(total_q)
    per_coordinate = (_lgamma(p.concentration) - _lgamma(q.concentration)).sum(-1)
    weights = p.concentration - q.concentration
    expected_logs = _digamma(p.concentration) - _digamma(total_p).unsqueeze(-1)
    return normalisers - per_coordinate + (weights * expected_logs).sum(-1)
