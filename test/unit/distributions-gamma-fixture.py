#!/usr/bin/env python3
"""Writes test/unit/distributions-gamma-torch113.json: what real PyTorch 1.13 gives for Gamma, Chi2, Beta and
Dirichlet (seeded sample/rsample draws in float32 and float64, log_prob, entropy, moments, reprs, shapes,
rsample and log_prob gradients, kl_divergence, argument errors) and for torch.lgamma/torch.digamma.
test/unit/distributions-gamma.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/distributions-gamma-fixture.py > test/unit/distributions-gamma-torch113.json
"""

import torch
from torch.distributions import Beta, Chi2, Dirichlet, Gamma, kl_divergence

from fixture_cases import dump, record


def seeded(make, shape=(), seed=3):
    def run():
        torch.manual_seed(seed)
        d = make()
        return [d.sample(shape), d.rsample(shape), d.sample()]

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
            d.mode,
            d.entropy(),
            d.log_prob(value),
        ]

    return run


def gen_dists(dtype):
    t = lambda v: torch.tensor(v, dtype=dtype)  # noqa: E731
    return {
        'Gamma(2, 3)': (lambda: Gamma(2.0, 3.0), t([0.1, 0.5, 2.0])),
        'Gamma tensors': (lambda: Gamma(t([0.3, 1.0, 5.0, 40.0]), t([1.0, 0.5, 2.0, 4.0])), t([0.2, 1.0, 2.5, 9.0])),
        'Gamma small concentration': (lambda: Gamma(t([0.05, 0.2]), t(1.0)), t([1e-3, 0.4])),
        'Chi2(4)': (lambda: Chi2(t(4.0)), t([0.5, 3.0])),
        'Chi2 tensor': (lambda: Chi2(t([1.0, 2.5, 10.0])), t([0.3, 2.0, 11.0])),
        'Beta(2, 5)': (lambda: Beta(2.0, 5.0), t([0.1, 0.3, 0.9])),
        'Beta tensors': (lambda: Beta(t([0.5, 1.0, 3.0, 30.0]), t([0.5, 2.0, 1.5, 20.0])), t([0.2, 0.5, 0.7, 0.6])),
        'Dirichlet': (lambda: Dirichlet(t([0.8, 2.0, 3.0])), t([0.2, 0.3, 0.5])),
        'Dirichlet batched': (lambda: Dirichlet(t([[0.5, 0.5], [4.0, 9.0]])), t([[0.3, 0.7], [0.25, 0.75]])),
        'Dirichlet mode below 1': (lambda: Dirichlet(t([[0.5, 0.7, 0.2], [2.0, 3.0, 4.0]])), t([0.1, 0.1, 0.8])),
    }


for dtype in (torch.float32, torch.float64):
    tag = str(dtype).replace('torch.', '')
    for name, (make, value) in gen_dists(dtype).items():
        record(f'{name} {tag}: repr, shapes, moments, entropy, log_prob', summary(make, value))
        record(f'{name} {tag}: seeded sample and rsample', seeded(make, (5,)))


def rsample_grads(dtype):
    def run():
        torch.manual_seed(11)
        conc = torch.tensor([0.4, 1.5, 6.0, 12.0], dtype=dtype, requires_grad=True)
        rate = torch.tensor([2.0, 1.0, 0.5, 1.0], dtype=dtype, requires_grad=True)
        a = torch.tensor([0.7, 3.0], dtype=dtype, requires_grad=True)
        b = torch.tensor([2.0, 8.0], dtype=dtype, requires_grad=True)
        alpha = torch.tensor([[0.3, 1.2, 4.0], [7.0, 9.0, 8.0]], dtype=dtype, requires_grad=True)
        df = torch.tensor([3.0], dtype=dtype, requires_grad=True)
        g = Gamma(conc, rate).rsample((6,))
        x = Beta(a, b).rsample((6,))
        y = Dirichlet(alpha).rsample((6,))
        z = Chi2(df).rsample((4,))
        w = torch.arange(3, dtype=dtype)
        out = g.sum() + (x * x).sum() + (y * w).sum() + z.sum()
        out.backward()
        return [
            g,
            x,
            y,
            z,
            g.grad_fn.name(),
            y.grad_fn.name(),
            conc.grad,
            rate.grad,
            a.grad,
            b.grad,
            alpha.grad,
            df.grad,
        ]

    return run


def log_prob_grads(dtype):
    def run():
        conc = torch.tensor([0.4, 1.5, 6.0], dtype=dtype, requires_grad=True)
        rate = torch.tensor([2.0, 1.0, 0.5], dtype=dtype, requires_grad=True)
        a = torch.tensor([0.7, 3.0], dtype=dtype, requires_grad=True)
        b = torch.tensor([2.0, 8.0], dtype=dtype, requires_grad=True)
        alpha = torch.tensor([0.3, 1.2, 4.0], dtype=dtype, requires_grad=True)
        lp = (
            Gamma(conc, rate).log_prob(torch.tensor([0.5, 1.0, 9.0], dtype=dtype)).sum()
            + Beta(a, b).log_prob(torch.tensor([0.2, 0.4], dtype=dtype)).sum()
            + Dirichlet(alpha).log_prob(torch.tensor([0.1, 0.3, 0.6], dtype=dtype))
            + Gamma(conc, rate).entropy().sum()
            + Dirichlet(alpha).entropy()
        )
        lp.backward()
        return [lp, conc.grad, rate.grad, a.grad, b.grad, alpha.grad]

    return run


for dtype in (torch.float32, torch.float64):
    tag = str(dtype).replace('torch.', '')
    record(f'rsample gradients {tag}', rsample_grads(dtype))
    record(f'log_prob and entropy gradients {tag}', log_prob_grads(dtype))
    record(
        f'lgamma and digamma {tag}',
        lambda dtype=dtype: [
            torch.lgamma(torch.tensor([0.5, 1.0, 2.0, 3.5, 10.0, 57.25, 1e-3, -0.5, -2.5], dtype=dtype)),
            torch.digamma(torch.tensor([0.5, 1.0, 2.0, 3.5, 10.0, 57.25, 1e-3, -0.5, -2.5], dtype=dtype)),
            torch.tensor([4.0, 0.25], dtype=dtype).lgamma(),
            torch.tensor([4.0, 0.25], dtype=dtype).digamma(),
        ],
    )


def special_grads():
    x = torch.tensor([0.3, 1.0, 2.5, 7.0, 30.0, -0.5], requires_grad=True)
    y = (torch.lgamma(x) * torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])).sum() + torch.digamma(x).sum()
    y.backward()
    return [y, x.grad, torch.lgamma(x).grad_fn.name(), torch.digamma(x).grad_fn.name()]


record('lgamma and digamma gradients', special_grads)
record(
    'lgamma and digamma at poles',
    lambda: [
        str(torch.lgamma(torch.tensor([0.0, -1.0, -2.0, float('inf')]))),
        str(torch.digamma(torch.tensor([0.0, -0.0, -1.0, -3.0]))),
        str(torch.lgamma(torch.tensor([1, 2, 5]))),
    ],
)
record(
    'kl_divergence',
    lambda: [
        kl_divergence(Gamma(torch.tensor([2.0, 0.5]), torch.tensor([1.0, 3.0])), Gamma(3.0, 2.0)),
        kl_divergence(Chi2(torch.tensor([3.0])), Gamma(2.0, 1.0)),
        kl_divergence(Beta(torch.tensor([2.0, 0.5]), torch.tensor([5.0, 0.5])), Beta(1.0, 1.0)),
        kl_divergence(Dirichlet(torch.tensor([[1.0, 2.0, 3.0], [0.5, 0.5, 4.0]])), Dirichlet(torch.ones(3))),
    ],
)
record('Gamma bad rate', lambda: Gamma(torch.tensor([1.0]), torch.tensor([-1.0])))
record('Dirichlet scalar', lambda: Dirichlet(torch.tensor(1.0)))
record('Dirichlet bad concentration', lambda: Dirichlet(torch.tensor([1.0, 0.0])))
record('Beta log_prob outside', lambda: Beta(2.0, 2.0).log_prob(torch.tensor([1.5])))
record('Gamma log_prob negative', lambda: Gamma(2.0, 1.0).log_prob(torch.tensor([-1.0])))
record('Dirichlet log_prob not simplex', lambda: Dirichlet(torch.ones(3)).log_prob(torch.tensor([0.5, 0.5, 0.5])))
record(
    'reprs and classes',
    lambda: [
        repr(Beta(2.0, 3.0)),
        repr(Chi2(torch.tensor([2.0, 3.0]))),
        repr(Gamma(torch.ones(2, 3), 1.0)),
        repr(Dirichlet(torch.ones(4))),
        str(type(Beta(2.0, 3.0))),
        str(type(Chi2(2.0))),
        Chi2(torch.tensor(5.0)).df,
        Beta(2.0, 3.0).concentration1,
        Beta(torch.tensor([2.0, 4.0]), 3.0).concentration0,
        [Gamma(1.0, 1.0).has_rsample, Beta(1.0, 1.0).has_rsample, Dirichlet(torch.ones(2)).has_rsample],
        repr(Dirichlet.support),
        repr(Beta.support),
    ],
)


def generator_draws():
    g = torch.Generator().manual_seed(7)
    return [
        torch._standard_gamma(torch.tensor([0.5, 2.0, 9.0]), generator=g),
        torch._sample_dirichlet(torch.tensor([1.0, 2.0]), generator=g),
    ]


record('private samplers with a generator', generator_draws)

dump()
