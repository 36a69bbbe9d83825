#!/usr/bin/env python3
"""Writes test/unit/tanh-torch113.json: torch.tanh of float32 inputs as real PyTorch 1.13 (CPU, Debian
python3-torch, one thread) computes them, SLEEF's tanhf8_u10 on AVX2. test/unit/tanh.test.ts checks that the
engine gives the same float32 bits (src/engine/ops/sleefTanh.ts, assembly/transcendental.ts).

    /usr/bin/python3 test/unit/tanh-fixture.py > test/unit/tanh-torch113.json
"""

import json

import numpy as np
import torch

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(2028)


def neighbours(v, k):
    """v and the k float32 values on each side of it."""
    b = np.array([v], dtype=np.float32).view(np.int32)[0]
    return np.arange(b - k, b + k + 1, dtype=np.int32).view(np.float32).tolist()


limit = float(np.float32(8.664339742))
special = (
    [float('nan'), float('inf'), -float('inf'), 0.0, -0.0, 1e-45, -1e-45, 1e-40, -3e-39, 1.1754942e-38]
    + [2.0**-26, 2.0**-25, -(2.0**-25), 3e-8, 1e-6, 2.0**-16, -(2.0**-16), 1e-5, 0.6, -0.6, 1.0, -1.0]
    + neighbours(limit, 3)
    + neighbours(-limit, 2)
    + [8.66, 8.67, 9.0, -9.0, 10.0, 20.0, -20.0, 88.0, 1e10, -1e10, 3.4e38, -3.4e38]
)
log_mag = torch.exp(torch.empty(1000).uniform_(np.log(1e-9), np.log(10.0), generator=g))
signs = torch.where(torch.rand(1000, generator=g) < 0.5, -1.0, 1.0)
band = torch.exp(torch.empty(500).uniform_(np.log(2.0**-25), np.log(2.0**-16), generator=g))
# Values where SLEEF's result is not tanh rounded once: the cases a correctly rounded tanh gets wrong.
pool = torch.randn(400000, generator=g) * 3
exact = torch.from_numpy(np.tanh(pool.double().numpy()).astype(np.float32))
off = pool[torch.tanh(pool) != exact][:500]
x = torch.cat(
    [
        torch.tensor(special),
        torch.randn(3000, generator=g) * 3,
        torch.empty(1000).uniform_(-9.0, 9.0, generator=g),
        log_mag * signs,
        band,
        off,
    ]
).float()
# Prefixes of x: under 16 values, around the 16-value blocks of the vectorised loop, and across the size
# where the engine moves from its TypeScript loop to the WebAssembly kernel (1024).
lengths = [1, 7, 15, 16, 17, 31, 33, 100, 1023, 1024, 1025, 4099]
prefixes = [{'n': n, 'tanh': enc(torch.tanh(x[:n].clone()))} for n in lengths]
print(json.dumps({'x': enc(x), 'tanh': enc(torch.tanh(x)), 'off_count': len(off), 'prefixes': prefixes}))
