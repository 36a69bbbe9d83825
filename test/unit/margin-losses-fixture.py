#!/usr/bin/env python3
"""Writes test/unit/margin-losses-torch113.json: the margin and embedding losses (margin_ranking,
hinge_embedding, cosine_embedding, triplet_margin, pairwise_distance) and clamp_min/clamp_max as real PyTorch
1.13 (CPU, one thread) computes them: inputs, options, the value, the gradient of every float input for a
random output gradient, and the grad_fn name. test/unit/margin-losses.test.ts checks
src/engine/ops/marginLosses.ts against it.

    /usr/bin/python3 test/unit/margin-losses-fixture.py > test/unit/margin-losses-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(2031)


def randn(*shape):
    return torch.randn(*shape, generator=g)


def signs(n):
    return torch.where(torch.rand(n, generator=g) < 0.5, -1.0, 1.0)


cases = []


def case(op, inputs, options, fn):
    leaves = [t.clone().requires_grad_(grad) for t, grad in inputs]
    out = fn(*leaves)
    grad_out = torch.randn(out.shape, generator=g)
    out.backward(grad_out)
    cases.append(
        {
            'op': op,
            'inputs': [enc(t) for t, _ in inputs],
            'options': options,
            'out': enc(out),
            'grad_fn': out.grad_fn.name(),
            'grad_out': enc(grad_out),
            'grads': [enc(leaf.grad) if grad else None for leaf, (_, grad) in zip(leaves, inputs)],
        }
    )


for reduction in ('mean', 'sum', 'none'):
    x1, x2, y = randn(6), randn(6), signs(6)
    case(
        'margin_ranking_loss',
        [(x1, True), (x2, True), (y, False)],
        {'margin': 0.3, 'reduction': reduction},
        lambda a, b, t: F.margin_ranking_loss(a, b, t, margin=0.3, reduction=reduction),
    )
    d, y = randn(7).abs() * 2, signs(7)
    case(
        'hinge_embedding_loss',
        [(d, True), (y, False)],
        {'margin': 1.5, 'reduction': reduction},
        lambda a, t: F.hinge_embedding_loss(a, t, margin=1.5, reduction=reduction),
    )
    a, b, y = randn(5, 4), randn(5, 4), signs(5)
    case(
        'cosine_embedding_loss',
        [(a, True), (b, True), (y, False)],
        {'margin': 0.1, 'reduction': reduction},
        lambda u, v, t: F.cosine_embedding_loss(u, v, t, margin=0.1, reduction=reduction),
    )
    an, po, ne = randn(5, 3), randn(5, 3), randn(5, 3)
    for p, swap in ((2.0, False), (1.0, True), (3.0, False)):
        options = {'margin': 1.0, 'p': p, 'eps': 1e-6, 'swap': swap, 'reduction': reduction}
        case(
            'triplet_margin_loss',
            [(an, True), (po, True), (ne, True)],
            options,
            lambda u, v, w: F.triplet_margin_loss(u, v, w, margin=1.0, p=p, swap=swap, reduction=reduction),
        )
# One pair with a 0-dim target; a distance with keepdim and broadcasting; the clamps.
u, v = randn(4), randn(4)
case(
    'cosine_embedding_loss',
    [(u, True), (v, True), (torch.tensor(-1.0), False)],
    {'margin': -0.5, 'reduction': 'mean'},
    lambda a, b, t: F.cosine_embedding_loss(a, b, t, margin=-0.5),
)
case(
    'pairwise_distance',
    [(randn(3, 4), True), (randn(4), True)],
    {'p': 2.0, 'eps': 1e-6, 'keepdim': True},
    lambda a, b: F.pairwise_distance(a, b, keepdim=True),
)
case('clamp_min', [(randn(8), True)], {'min': 0.1}, lambda a: a.clamp_min(0.1))
case('clamp_max', [(randn(8), True)], {'max': -0.2}, lambda a: torch.clamp_max(a, -0.2))
print(json.dumps({'cases': cases}))
