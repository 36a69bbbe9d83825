#!/usr/bin/env python3
"""Writes test/unit/nll-margin-losses-torch113.json: multi_margin_loss (PyTorch's own kernel), poisson_nll_loss
and gaussian_nll_loss (composites) as real PyTorch 1.13 (CPU, one thread) computes them: inputs, options, the
value, the gradient of every float input for a random output gradient, and the grad_fn name.
test/unit/nll-margin-losses.test.ts checks src/engine/ops/multiMarginLoss.ts and likelihoodLosses.ts against it.

    /usr/bin/python3 test/unit/nll-margin-losses-fixture.py > test/unit/nll-margin-losses-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(1913)


def randn(*shape, scale=1.0):
    return torch.randn(*shape, generator=g) * scale


def classes(n, c):
    return torch.randint(0, c, (n,), generator=g)


cases = []


def case(op, inputs, options, fn, target=None):
    """inputs: (tensor, requires_grad) pairs; target: int64 class indices, written as a list."""
    leaves = [t.clone().requires_grad_(grad) for t, grad in inputs]
    out = fn(*leaves)
    grad_out = torch.randn(out.shape, generator=g)
    out.backward(grad_out)
    cases.append(
        {
            'op': op,
            'inputs': [enc(t) for t, _ in inputs],
            'target': None if target is None else {'shape': list(target.shape), 'values': target.flatten().tolist()},
            'options': options,
            'out': enc(out),
            'grad_fn': out.grad_fn.name(),
            'grad_out': enc(grad_out),
            'grads': [enc(leaf.grad) if grad else None for leaf, (_, grad) in zip(leaves, inputs)],
        }
    )


# multi_margin_loss: batches with many classes (each sample's float32 sum rounds), p = 1 and 2, margins, class
# weights, every reduction; a single 1-D sample with a 0-dim and a one-element target.
for reduction in ('mean', 'sum', 'none'):
    for p, margin, weighted in ((1, 1.0, False), (2, 1.0, False), (1, 0.7, True), (2, 2.3, True)):
        x = randn(9, 13, scale=1.7)
        y = classes(9, 13)
        w = torch.rand(13, generator=g) + 0.25 if weighted else None
        options = {'p': p, 'margin': margin, 'weight': None if w is None else enc(w), 'reduction': reduction}
        case(
            'multi_margin_loss',
            [(x, True)],
            options,
            lambda a, y=y, p=p, margin=margin, w=w: F.multi_margin_loss(
                a, y, p=p, margin=margin, weight=w, reduction=reduction
            ),
            y,
        )
x = randn(6, scale=2.0)
for target in (torch.tensor(4), torch.tensor([1])):
    for reduction in ('mean', 'none'):
        case(
            'multi_margin_loss',
            [(x, True)],
            {'p': 2, 'margin': 1.5, 'weight': None, 'reduction': reduction},
            lambda a, target=target: F.multi_margin_loss(a, target, p=2, margin=1.5, reduction=reduction),
            target,
        )

# poisson_nll_loss: log rates or rates, with and without the Stirling term, counts 0 to 9.
for reduction in ('mean', 'sum', 'none'):
    for log_input in (True, False):
        for full in (False, True):
            rate = randn(4, 5)
            counts = torch.randint(0, 10, (4, 5), generator=g).float()
            inp = rate if log_input else rate.exp()
            case(
                'poisson_nll_loss',
                [(inp, True), (counts, False)],
                {'log_input': log_input, 'full': full, 'eps': 1e-8, 'reduction': reduction},
                lambda a, t, li=log_input, fu=full: F.poisson_nll_loss(
                    a, t, log_input=li, full=fu, reduction=reduction
                ),
            )

# gaussian_nll_loss: a variance per value, one per sample (one dimension short, or a last dimension of 1),
# variances under eps (clamped, yet given their gradient), the constant term.
for reduction in ('mean', 'sum', 'none'):
    for var_shape, full in (((5, 3), False), ((5,), True), ((5, 1), False)):
        mu, y = randn(5, 3), randn(5, 3)
        var = torch.rand(var_shape, generator=g) * 2
        var.view(-1)[0] = 1e-9
        case(
            'gaussian_nll_loss',
            [(mu, True), (y, True), (var, True)],
            {'full': full, 'eps': 1e-6, 'reduction': reduction},
            lambda a, b, v, fu=full: F.gaussian_nll_loss(a, b, v, full=fu, reduction=reduction),
        )
print(json.dumps({'cases': cases}))
