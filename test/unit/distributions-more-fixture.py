#!/usr/bin/env python3
"""Writes test/unit/distributions-more-torch113.json: what real PyTorch 1.13 gives for Uniform, Exponential,
Laplace, MultivariateNormal (covariance, scale_tril and precision forms), Independent and kl_divergence:
seeded sample/rsample draws, log_prob, entropy, moments, shapes, reprs, gradients and argument errors.
test/unit/distributions-more.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/distributions-more-fixture.py > test/unit/distributions-more-torch113.json
"""

import torch
from torch.distributions import (
    Bernoulli,
    Categorical,
    Exponential,
    Independent,
    Laplace,
    MultivariateNormal,
    Normal,
    OneHotCategorical,
    Uniform,
    kl_divergence,
)

from fixture_cases import dump, record

COV = torch.tensor([[2.0, 0.5], [0.5, 1.0]])
LOC = torch.tensor([0.5, -1.0])


def seeded(make, shape=()):
    def run():
        torch.manual_seed(3)
        d = make()
        return [d.sample(shape), d.rsample(shape) if d.has_rsample else None]

    return run


def summary(make, value):
    def run():
        d = make()
        return [
            repr(d),
            list(d.batch_shape),
            list(d.event_shape),
            d.mean,
            d.variance,
            d.stddev,
            d.entropy(),
            d.log_prob(value),
        ]

    return run


SCALAR_DISTS = {
    'Uniform(0, 2)': (lambda: Uniform(0.0, 2.0), torch.tensor([0.5, 1.5, 0.0])),
    'Uniform tensors': (lambda: Uniform(torch.tensor([-1.0, 0.0]), torch.tensor([1.0, 3.0])), torch.tensor([0.0, 2.0])),
    'Exponential(1.5)': (lambda: Exponential(1.5), torch.tensor([0.0, 0.7, 3.0])),
    'Exponential tensor': (lambda: Exponential(torch.tensor([0.5, 2.0])), torch.tensor([1.0, 0.25])),
    'Laplace(0.5, 2)': (lambda: Laplace(0.5, 2.0), torch.tensor([-1.0, 0.5, 4.0])),
    'Laplace tensors': (lambda: Laplace(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5])), torch.tensor([0.3, -0.2])),
    'MVN covariance': (lambda: MultivariateNormal(LOC, covariance_matrix=COV), torch.tensor([[0.0, 0.0], [1.0, -2.0]])),
    'MVN scale_tril': (
        lambda: MultivariateNormal(LOC, scale_tril=torch.tensor([[1.5, 0.0], [-0.3, 0.8]])),
        torch.tensor([0.2, 0.1]),
    ),
    'MVN precision': (lambda: MultivariateNormal(LOC, precision_matrix=COV), torch.tensor([1.0, 1.0])),
    'MVN batched loc': (lambda: MultivariateNormal(torch.zeros(3, 2), COV), torch.ones(2)),
    'Independent Normal': (
        lambda: Independent(Normal(torch.zeros(2, 3), torch.tensor([0.5, 1.0, 2.0])), 1),
        torch.tensor([0.1, -0.2, 0.3]),
    ),
}
for name, (make, value) in SCALAR_DISTS.items():
    record(f'{name}: repr, shapes, moments, entropy, log_prob', summary(make, value))
    record(f'{name}: seeded sample and rsample', seeded(make, (4,)))

record(
    'MVN derived parameters',
    lambda: [
        MultivariateNormal(LOC, COV).scale_tril,
        MultivariateNormal(LOC, COV).precision_matrix,
        MultivariateNormal(LOC, precision_matrix=COV).covariance_matrix,
    ],
)
record(
    'OneHotCategorical',
    lambda: [
        repr(OneHotCategorical(torch.tensor([0.2, 0.3, 0.5]))),
        list(OneHotCategorical(logits=torch.zeros(2, 3)).event_shape),
        OneHotCategorical(torch.tensor([0.2, 0.3, 0.5])).log_prob(torch.tensor([0.0, 1.0, 0.0])),
        OneHotCategorical(torch.tensor([0.2, 0.3, 0.5])).entropy(),
        OneHotCategorical(torch.tensor([0.2, 0.3, 0.5])).variance,
    ],
)
record(
    'OneHotCategorical seeded sample',
    seeded(lambda: OneHotCategorical(torch.tensor([[0.2, 0.3, 0.5], [0.6, 0.2, 0.2]])), (3,)),
)
record('Uniform cdf', lambda: Uniform(0.0, 2.0).cdf(torch.tensor([0.0, 0.5, 2.0])))
# JSON has no infinities, so results holding them are compared as printed.
record(
    'Uniform outside support, unvalidated',
    lambda: str(Uniform(0.0, 2.0, validate_args=False).log_prob(torch.tensor([-1.0, 2.0, 3.0]))),
)
record('Uniform log_prob outside support', lambda: Uniform(0.0, 2.0).log_prob(torch.tensor([2.5])))
record('Exponential cdf', lambda: Exponential(2.0).cdf(torch.tensor([0.0, 0.5])))
record('Laplace cdf', lambda: Laplace(0.0, 1.0).cdf(torch.tensor([-1.0, 0.0, 2.0])))
record('Normal sample shape (2, 3)', seeded(lambda: Normal(torch.zeros(2), 1.0), (2, 3)))


def rsample_grads():
    torch.manual_seed(5)
    loc = torch.tensor([0.5, -1.0], requires_grad=True)
    scale = torch.tensor([1.0, 2.0], requires_grad=True)
    L = torch.tensor([[1.0, 0.0], [0.5, 2.0]], requires_grad=True)
    out = (
        Laplace(loc, scale).rsample((3,)).sum()
        + Uniform(loc, scale + 1).rsample().sum()
        + Exponential(scale).rsample((2,)).sum()
        + MultivariateNormal(loc, scale_tril=L).rsample((2,)).pow(2).sum()
    )
    out.backward()
    return [out, loc.grad, scale.grad, L.grad]


record('rsample gradients', rsample_grads)


def log_prob_grads():
    loc = torch.tensor([0.5, -1.0], requires_grad=True)
    cov = COV.clone().requires_grad_()
    lp = MultivariateNormal(loc, cov).log_prob(torch.tensor([[0.0, 0.0], [1.0, 2.0]])).sum()
    lp.backward()
    return [lp, loc.grad, cov.grad]


record('MVN log_prob gradients', log_prob_grads)

KL_PAIRS = {
    'Normal-Normal': lambda: (Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5])), Normal(0.5, 2.0)),
    'Categorical-Categorical': lambda: (
        Categorical(probs=torch.tensor([[0.2, 0.3, 0.5], [0.0, 0.5, 0.5]])),
        Categorical(logits=torch.tensor([0.1, -0.4, 1.0])),
    ),
    'Categorical zero in q': lambda: (Categorical(torch.tensor([0.5, 0.5])), Categorical(torch.tensor([1.0, 0.0]))),
    'Bernoulli-Bernoulli': lambda: (
        Bernoulli(torch.tensor([0.2, 0.9, 0.0])),
        Bernoulli(logits=torch.tensor([0.3, -1.0, 2.0])),
    ),
    'Uniform-Uniform': lambda: (Uniform(torch.tensor([0.0, -1.0]), 1.0), Uniform(torch.tensor([-1.0, 0.0]), 2.0)),
    'Exponential-Exponential': lambda: (Exponential(torch.tensor([1.0, 2.0])), Exponential(0.5)),
    'Laplace-Laplace': lambda: (Laplace(0.0, 1.0), Laplace(torch.tensor([1.0, -0.5]), 2.0)),
    'MVN-MVN': lambda: (
        MultivariateNormal(LOC, COV),
        MultivariateNormal(torch.zeros(3, 2), scale_tril=torch.tensor([[1.0, 0.0], [0.2, 0.7]])),
    ),
    'OneHotCategorical-OneHotCategorical': lambda: (
        OneHotCategorical(torch.tensor([0.2, 0.3, 0.5])),
        OneHotCategorical(logits=torch.tensor([0.1, -0.4, 1.0])),
    ),
    'Independent-Independent': lambda: (
        Independent(Normal(torch.zeros(2, 3), 1.0), 1),
        Independent(Normal(torch.ones(3), torch.tensor([1.0, 2.0, 0.5])), 1),
    ),
}
for name, make in KL_PAIRS.items():
    record(
        f'kl_divergence {name}',
        lambda make=make: [str(kl_divergence(*make())), kl_divergence(*make()).nan_to_num(posinf=7.0)],
    )


def vae_kl_grad():
    mu = torch.tensor([[0.3, -0.2], [1.0, 0.5]], requires_grad=True)
    log_var = torch.tensor([[0.1, -0.5], [0.0, 0.4]], requires_grad=True)
    q = Normal(mu, (0.5 * log_var).exp())
    kl = kl_divergence(q, Normal(torch.zeros_like(mu), torch.ones_like(mu))).sum()
    kl.backward()
    return [kl, mu.grad, log_var.grad]


record('VAE KL gradient', vae_kl_grad)
record(
    'kl_divergence through torch.distributions.kl',
    lambda: torch.distributions.kl.kl_divergence(Normal(0.0, 1.0), Normal(1.0, 1.0)),
)
record('kl_divergence unregistered pair', lambda: kl_divergence(Exponential(1.0), Categorical(torch.ones(2))))
record(
    'MVN-MVN event mismatch',
    lambda: kl_divergence(MultivariateNormal(LOC, COV), MultivariateNormal(torch.zeros(3), torch.eye(3))),
)

ERRORS = {
    'Uniform low >= high': lambda: Uniform(1.0, 0.0),
    'Exponential negative rate': lambda: Exponential(torch.tensor([-1.0, 1.0])),
    'Laplace zero scale': lambda: Laplace(0.0, torch.tensor([0.0])),
    'Normal negative scale': lambda: Normal(torch.tensor([1.0]), torch.tensor([-1.0])),
    'Normal log_prob of nan': lambda: Normal(0.0, 1.0).log_prob(torch.tensor(float('nan'))),
    'Exponential log_prob outside support': lambda: Exponential(1.0).log_prob(torch.tensor([-1.0])),
    'log_prob of a float': lambda: Laplace(0.0, 1.0).log_prob(0.5),
    'MVN two matrices': lambda: MultivariateNormal(LOC, COV, scale_tril=COV),
    'MVN no matrix': lambda: MultivariateNormal(LOC),
    'MVN scalar loc': lambda: MultivariateNormal(torch.tensor(0.0), COV),
    'MVN vector covariance': lambda: MultivariateNormal(LOC, torch.ones(2)),
    'MVN not positive definite': lambda: MultivariateNormal(LOC, torch.tensor([[1.0, 2.0], [2.0, 1.0]])),
    'MVN scale_tril not lower': lambda: MultivariateNormal(LOC, scale_tril=torch.tensor([[1.0, 1.0], [0.0, 1.0]])),
    'MVN log_prob wrong event': lambda: MultivariateNormal(LOC, COV).log_prob(torch.ones(3)),
    'Independent too many dims': lambda: Independent(Normal(torch.zeros(2), 1.0), 2),
    'validate_args=False skips the check': lambda: repr(Exponential(torch.tensor([-1.0]), validate_args=False)),
}
for name, make in ERRORS.items():
    record(name, make)

dump()
