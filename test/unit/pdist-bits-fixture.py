#!/usr/bin/env python3
"""Writes test/unit/pdist-bits-torch113.json: torch.pdist's distances and its input's gradient (for a random
output gradient) as real PyTorch 1.13 computes them on the CPU (Debian python3-torch, AVX2 build, one thread),
for every norm its kernel specialises (p = 0, 1, 2, inf, p < 1, 1 < p < 2, p > 2), rows shorter and longer
than the 8 float lanes and not a multiple of them, repeated rows (zero distances) and repeated coordinates
(zero differences); float64 inputs for the norms whose result does not depend on SLEEF's double pow.
test/unit/pdist-bits.test.ts checks that the engine (src/engine/ops/pdist.ts) gives the same bits.

    /usr/bin/python3 test/unit/pdist-bits-fixture.py > test/unit/pdist-bits-torch113.json
"""

import base64
import json

import torch

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(1913)


def enc64(t):
    t = t.detach().contiguous().double()
    return {'shape': list(t.shape), 'f64': base64.b64encode(t.numpy().astype('<f8').tobytes()).decode()}


def sample(n, m, dtype, ties):
    x = torch.randn(n, m, generator=g, dtype=torch.float64).mul(1.5).to(dtype)
    if ties and n > 2:
        x[2] = x[0]  # a zero distance
        x[1, : max(1, m // 2)] = x[0, : max(1, m // 2)]  # zero differences in half the coordinates
    return x


def case(n, m, p, dtype=torch.float32, ties=False):
    x = sample(n, m, dtype, ties).requires_grad_(True)
    d = torch.pdist(x, p)
    grad = torch.randn(d.shape, generator=g, dtype=torch.float64).to(dtype)
    d.backward(grad)
    code = enc if dtype == torch.float32 else enc64
    return {
        'p': 'inf' if p == float('inf') else p,
        'x': code(x),
        'dist': code(d),
        'grad': code(grad),
        'x_grad': code(x.grad),
    }


NORMS = [0, 0.5, 1, 1.5, 2, 3, 4.5, float('inf')]
SHAPES = [(2, 1), (3, 3), (4, 7), (5, 8), (6, 9), (4, 15), (7, 16), (5, 17), (9, 33), (12, 64), (3, 100)]
cases = [case(n, m, p) for p in NORMS for n, m in SHAPES]
cases += [case(n, m, p, ties=True) for p in NORMS for n, m in [(4, 5), (5, 12), (6, 20)]]
doubles = [case(n, m, p, torch.float64) for p in (0, 1, 2, float('inf')) for n, m in [(4, 3), (5, 6), (6, 11)]]
print(json.dumps({'float32': cases, 'float64': doubles}))
