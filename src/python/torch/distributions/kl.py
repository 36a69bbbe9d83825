"""kl_divergence(p, q) for the pairs learners use, each with PyTorch's closed form; register_kl adds more."""

import math

from .distribution import Distribution

_KL_REGISTRY = {}


def register_kl(type_p, type_q):
    def decorator(fun):
        _KL_REGISTRY[type_p, type_q] = fun
        return fun

    return decorator


def _dispatch(type_p, type_q):
    # The most specific registered pair over both class hierarchies, as PyTorch's lookup.
    matches = [
        (i + j, fun)
        for i, super_p in enumerate(type_p.__mro__)
        for j, super_q in enumerate(type_q.__mro__)
        for (p, q), fun in _KL_REGISTRY.items()
        if p is super_p and q is super_q
    ]
    return min(matches, key=lambda m: m[0])[1] if matches else None


def kl_divergence(p, q):
    fun = _dispatch(type(p), type(q))
    if fun is None:
        raise NotImplementedError(
            f'No KL(p || q) is implemented for p type {type(p).__name__} and q type {type(q).__name__}'
        )
    return fun(p, q)


def _infinite_where(t, mask, value):
    return t.masked_fill(mask.expand_as(t), value)


def _register_all():
    from .bernoulli import Bernoulli
    from .categorical import Categorical
    from .exponential import Exponential
    from .independent import Independent, sum_rightmost
    from .laplace import Laplace
    from .multivariate_normal import MultivariateNormal, batch_mahalanobis, batch_trace_xxt, _broadcast_shape
    from .normal import Normal
    from .uniform import Uniform

    @register_kl(Normal, Normal)
    def _kl_normal_normal(p, q):
        var_ratio = (p.scale / q.scale).pow(2)
        t1 = ((p.loc - q.loc) / q.scale).pow(2)
        return 0.5 * (var_ratio + t1 - 1 - var_ratio.log())

    @register_kl(Categorical, Categorical)
    def _kl_categorical_categorical(p, q):
        t = p.probs * (p.logits - q.logits)
        t = _infinite_where(t, q.probs == 0, math.inf)
        t = _infinite_where(t, p.probs == 0, 0.0)
        return t.sum(-1)

    @register_kl(Bernoulli, Bernoulli)
    def _kl_bernoulli_bernoulli(p, q):
        from ..nn.functional import softplus

        t1 = p.probs * (softplus(-q.logits) - softplus(-p.logits))
        t1 = _infinite_where(t1, q.probs == 0, math.inf)
        t1 = _infinite_where(t1, p.probs == 0, 0.0)
        t2 = (1 - p.probs) * (softplus(q.logits) - softplus(p.logits))
        t2 = _infinite_where(t2, q.probs == 1, math.inf)
        t2 = _infinite_where(t2, p.probs == 1, 0.0)
        return t1 + t2

    @register_kl(Uniform, Uniform)
    def _kl_uniform_uniform(p, q):
        result = ((q.high - q.low) / (p.high - p.low)).log()
        return _infinite_where(result, (q.low > p.low) | (q.high < p.high), math.inf)

    @register_kl(Exponential, Exponential)
    def _kl_exponential_exponential(p, q):
        rate_ratio = q.rate / p.rate
        return -rate_ratio.log() + rate_ratio - 1

    @register_kl(Laplace, Laplace)
    def _kl_laplace_laplace(p, q):
        scale_ratio = p.scale / q.scale
        loc_abs_diff = (p.loc - q.loc).abs()
        t1 = -scale_ratio.log()
        t2 = loc_abs_diff / q.scale
        t3 = scale_ratio * (-loc_abs_diff / p.scale).exp()
        return t1 + t2 + t3 - 1

    @register_kl(MultivariateNormal, MultivariateNormal)
    def _kl_mvn_mvn(p, q):
        from ..linalg import solve_triangular

        if p.event_shape != q.event_shape:
            # PyTorch's message carries the indentation of its continued source line.
            raise ValueError(
                'KL-divergence between two Multivariate Normals with'
                + ' ' * 26
                + 'different event shapes cannot be computed'
            )
        pL, qL = p._unbroadcasted_scale_tril, q._unbroadcasted_scale_tril
        half_term1 = qL.diagonal(dim1=-2, dim2=-1).log().sum(-1) - pL.diagonal(dim1=-2, dim2=-1).log().sum(-1)
        n = p.event_shape[0]
        batch = _broadcast_shape(tuple(qL.shape[:-2]), tuple(pL.shape[:-2]))
        term2 = batch_trace_xxt(solve_triangular(qL.expand(batch + (n, n)), pL.expand(batch + (n, n)), upper=False))
        term3 = batch_mahalanobis(qL, q.loc - p.loc)
        return half_term1 + 0.5 * (term2 + term3 - n)

    from .one_hot_categorical import OneHotCategorical

    @register_kl(OneHotCategorical, OneHotCategorical)
    def _kl_onehotcategorical_onehotcategorical(p, q):
        return _kl_categorical_categorical(p._categorical, q._categorical)

    @register_kl(Independent, Independent)
    def _kl_independent_independent(p, q):
        if p.reinterpreted_batch_ndims != q.reinterpreted_batch_ndims:
            raise NotImplementedError
        return sum_rightmost(kl_divergence(p.base_dist, q.base_dist), p.reinterpreted_batch_ndims)


_register_all()
__all__ = ['register_kl', 'kl_divergence', 'Distribution']
