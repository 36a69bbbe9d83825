#!/usr/bin/env python3
"""Writes test/unit/softmax-exp-torch113.json: torch.exp, torch.sigmoid, softmax, log_softmax and
cross_entropy of seeded float32 inputs as real PyTorch 1.13 (CPU, Debian python3-torch, one thread) computes
them. test/unit/softmax-exp.test.ts checks that the engine gives the same float32 bits (src/engine/ops/
sleefExp.ts, softmaxKernels.ts).

    /usr/bin/python3 test/unit/softmax-exp-fixture.py > test/unit/softmax-exp-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(2027)


special = torch.tensor(
    [
        float('nan'),
        float('inf'),
        -float('inf'),
        0.0,
        -0.0,
        1e-45,
        -1e-45,
        88.72,
        88.73,
        88.8,
        89.0,
        -87.5,
        -103.9,
        -104.0,
        -104.1,
        1e10,
        -1e10,
        3.4e38,
        -3.4e38,
    ]
)
x = torch.cat(
    [
        special,
        torch.randn(6000, generator=g) * 4,
        torch.linspace(-106, 90, 2001),
        torch.randn(500, generator=g) * 1e-3,
    ]
).float()
unary = {'x': enc(x), 'exp': enc(torch.exp(x)), 'sigmoid': enc(torch.sigmoid(x))}
# A tensor of 300: 288 values through the vectorised code, the last 12 through the scalar code.
small = x[:300].clone()
unary_small = {'exp': enc(torch.exp(small)), 'sigmoid': enc(torch.sigmoid(small))}

softmax = []
for shape, dim in [
    ((1, 1), 1),
    ((3, 2), 1),
    ((4, 5), 1),
    ((2, 7), 1),
    ((3, 8), 1),
    ((5, 9), 1),
    ((2, 16), 1),
    ((2, 17), 1),
    ((3, 33), 1),
    ((2, 100), 1),
    ((64, 10), 1),
    ((2, 3, 6), 2),
    ((5, 3), 0),
    ((4, 9), 0),
    ((6, 20), 0),
    ((3, 4, 17), 1),
    ((2, 3, 8), 1),
    ((7,), 0),
]:
    t = torch.randn(*shape, generator=g) * 3
    softmax.append(
        {'x': enc(t), 'dim': dim, 'softmax': enc(F.softmax(t, dim)), 'log_softmax': enc(F.log_softmax(t, dim))}
    )

cross_entropy = []
for n, c in [(4, 3), (16, 10), (9, 17), (32, 2)]:
    logits = torch.randn(n, c, generator=g) * 2
    target = torch.randint(0, c, (n,), generator=g)
    probs = F.softmax(torch.randn(n, c, generator=g), 1)
    cross_entropy.append(
        {
            'logits': enc(logits),
            'target': target.tolist(),
            'probs': enc(probs),
            'mean': enc(F.cross_entropy(logits, target)),
            'sum': enc(F.cross_entropy(logits, target, reduction='sum')),
            'soft': enc(F.cross_entropy(logits, probs)),
        }
    )

print(json.dumps({'unary': unary, 'unary_small': unary_small, 'softmax': softmax, 'cross_entropy': cross_entropy}))
