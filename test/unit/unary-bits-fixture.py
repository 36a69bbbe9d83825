#!/usr/bin/env python3
"""Writes test/unit/unary-bits-torch113.json: float32 element-wise math (log, sqrt, trigonometry, the
activations, pow, log_softmax over the last dim) of seeded inputs as real PyTorch 1.13 computes it on the
CPU (Debian python3-torch, AVX2 kernels, one thread). test/unit/unary-bits.test.ts compares the engine's
float32 bits with these. Lengths leave tails of n % 16 so that the scalar code PyTorch runs on the last
values of its vectorised loops is covered as well.

    /usr/bin/python3 test/unit/unary-bits-fixture.py > test/unit/unary-bits-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(1313)


EDGES = [float('nan'), float('inf'), -float('inf'), 0.0, -0.0, 1e-45, -1e-45, 1e-38, -1e-38, 1.0, -1.0, 0.5, 2.0]


def normal(n, scale):
    return torch.randn(n, generator=g) * scale


def uniform(n, lo, hi):
    return torch.rand(n, generator=g) * (hi - lo) + lo


N = 1011  # values per input set: N % 16 == 3, so PyTorch's scalar code takes the last three


def inputs(*parts):
    # edges first, then the ranges, N values in all
    x = torch.cat([torch.tensor(EDGES), *parts]).float()
    return x[:N] if x.numel() >= N else torch.cat([x, normal(N - x.numel(), 1.0)])


def mixed(x):
    # one value in each other vector of eight at 125 or more: SLEEF's sin, cos and tan then reduce all eight
    # by Payne-Hanek
    x = x.clone()
    x[5::16] = uniform(x[5::16].numel(), 125, 5000)
    return x


SETS = {
    'positive': inputs(uniform(333, 0, 4), torch.exp(normal(333, 6)), uniform(167, 0.5, 1.5), uniform(173, 1e-6, 1e-3)),
    'wide': inputs(normal(500, 3), uniform(333, -20, 20), normal(173, 1e-3)),
    'unit': inputs(uniform(667, -1, 1), normal(340, 0.5)),
    'act': inputs(normal(500, 2), uniform(333, -30, 30), normal(173, 1e-2)),
    'log1p': inputs(uniform(500, -1, 3), torch.exp(normal(507, 5))),
    'hyperbolic': inputs(normal(500, 3), uniform(507, -90, 90)),
    'expm1': inputs(normal(500, 3), uniform(333, -20, 90), normal(173, 1e-3)),
    'erf': inputs(normal(667, 1.5), uniform(340, -6, 6)),
    'exp2': inputs(normal(500, 4), uniform(507, -150, 128)),
    'large': inputs(uniform(500, -1e4, 1e4), uniform(507, 125, 300)),
}
SETS['mixed'] = mixed(SETS['wide'])

OPS = {
    'log': ('positive', torch.log),
    'log2': ('positive', torch.log2),
    'log10': ('positive', torch.log10),
    'log1p': ('log1p', torch.log1p),
    'sqrt': ('positive', torch.sqrt),
    'rsqrt': ('positive', torch.rsqrt),
    'reciprocal': ('wide', torch.reciprocal),
    'sin': ('wide', torch.sin),
    'cos': ('wide', torch.cos),
    'tan': ('wide', torch.tan),
    'sin_large': ('large', torch.sin),
    'cos_large': ('large', torch.cos),
    'tan_large': ('large', torch.tan),
    'sin_mixed': ('mixed', torch.sin),
    'cos_mixed': ('mixed', torch.cos),
    'tan_mixed': ('mixed', torch.tan),
    'asin': ('unit', torch.asin),
    'acos': ('unit', torch.acos),
    'atan': ('wide', torch.atan),
    'sinh': ('hyperbolic', torch.sinh),
    'cosh': ('hyperbolic', torch.cosh),
    'expm1': ('expm1', torch.expm1),
    'erf': ('erf', torch.erf),
    'abs': ('wide', torch.abs),
    'neg': ('wide', torch.neg),
    'pow2': ('wide', lambda x: x**2),
    'pow0.5': ('positive', lambda x: x**0.5),
    'pow3': ('wide', lambda x: x**3),
    'pow2.5': ('positive', lambda x: x**2.5),
    'pow-3': ('wide', lambda x: x**-3),
    'exp2': ('exp2', lambda x: 2**x),
    'softplus': ('act', F.softplus),
    'softplus_beta2_th5': ('act', lambda x: F.softplus(x, beta=2, threshold=5)),
    'silu': ('act', F.silu),
    'elu': ('act', F.elu),
    'elu_alpha0.5': ('act', lambda x: F.elu(x, alpha=0.5)),
    'celu_alpha1.5': ('act', lambda x: F.celu(x, alpha=1.5)),
    'selu': ('act', F.selu),
    'leaky_relu': ('act', F.leaky_relu),
    'leaky_relu_0.2': ('act', lambda x: F.leaky_relu(x, 0.2)),
    'gelu': ('act', F.gelu),
    'gelu_tanh': ('act', lambda x: F.gelu(x, approximate='tanh')),
    'logsigmoid': ('act', F.logsigmoid),
    'hardtanh': ('act', F.hardtanh),
    'mish': ('act', F.mish),
    'softsign': ('act', F.softsign),
}

unary = {}
for name, (set_name, fn) in OPS.items():
    x = SETS[set_name]
    # the whole set, its first 37 values (32 vectorised, 5 through the scalar tail), and its first 24 one at a
    # time (one-element tensors: gelu takes another kernel there)
    ones = torch.cat([fn(x[i : i + 1].clone()) for i in range(24)])
    unary[name] = {'input': set_name, 'y': enc(fn(x)), 'y_small': enc(fn(x[:37].clone())), 'y_one': enc(ones)}

log_softmax = []
for rows, cols, scale in [(64, 10, 3), (33, 7, 2), (16, 100, 4), (4, 300, 1), (50, 3, 10), (20, 17, 0.1)]:
    t = normal(rows * cols, scale).reshape(rows, cols)
    log_softmax.append({'x': enc(t), 'y': enc(F.log_softmax(t, -1))})

# a tensor exponent: SLEEF's powf, negative bases with whole and fractional exponents, zeros and infinities
base = torch.cat(
    [torch.tensor([0.0, -0.0, 0.0, float('inf'), -float('inf'), 1.0, -1.0]), normal(500, 3), uniform(500, 0, 5)]
)
expo = torch.cat(
    [
        torch.tensor([2.0, 3.0, -1.0, -2.0, 3.0, float('nan'), float('inf')]),
        torch.randint(-4, 5, (500,), generator=g).float(),
        normal(500, 2),
    ]
)
pow_tensor = {'a': enc(base), 'b': enc(expo), 'y': enc(base**expo)}

# BCE and NLL on probabilities take log of the inputs
p = torch.sigmoid(normal(1001, 3))
target = (torch.rand(1001, generator=g) > 0.5).float()
bce = {'p': enc(p), 'target': enc(target), 'mean': enc(F.binary_cross_entropy(p, target))}

print(
    json.dumps(
        {
            'inputs': {k: enc(v) for k, v in SETS.items()},
            'unary': unary,
            'log_softmax': log_softmax,
            'pow_tensor': pow_tensor,
            'bce': bce,
        }
    )
)
