#!/usr/bin/env python3
"""Writes test/unit/conv-pool-torch113.json: F.conv2d, F.max_pool2d, F.avg_pool2d and
F.adaptive_avg_pool2d on seeded inputs, with the gradients of every input for a seeded output gradient,
as real PyTorch 1.13 (CPU, Debian python3-torch, one thread) computes them. test/unit/conv-pool.test.ts
runs the same calls on the engine and compares bit for bit where the engine reproduces PyTorch's summation
order (see src/engine/ops/conv.ts), to a few ulps elsewhere.

    /usr/bin/python3 test/unit/conv-pool-fixture.py > test/unit/conv-pool-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(2026)


def rn(*shape, scale=1.0):
    return (torch.randn(*shape, generator=g) * scale).requires_grad_()


CONV = [
    # (name, input shape, weight shape, bias, kwargs)
    ('lenet conv1', (1, 1, 20, 20), (6, 1, 5, 5), True, {}),
    ('lenet conv2 batch 2', (2, 6, 14, 14), (16, 6, 5, 5), True, {}),
    ('3x3 padding 1 batch 2', (2, 3, 10, 10), (8, 3, 3, 3), True, {'padding': 1}),
    ('16 channels in', (2, 16, 7, 7), (6, 16, 3, 3), True, {}),
    ('no bias, stride 2', (2, 4, 11, 9), (5, 4, 3, 3), False, {'stride': 2}),
    (
        'rectangular kernel, stride (2, 1), padding (1, 2)',
        (2, 3, 8, 7),
        (4, 3, 3, 2),
        True,
        {'stride': (2, 1), 'padding': (1, 2)},
    ),
    ('dilation 2', (2, 2, 9, 9), (3, 2, 3, 3), True, {'dilation': 2}),
    ("padding 'same', even kernel", (2, 3, 7, 7), (4, 3, 4, 4), True, {'padding': 'same'}),
    ("padding 'valid'", (2, 3, 7, 7), (4, 3, 3, 3), True, {'padding': 'valid'}),
    ('groups 2', (2, 4, 6, 6), (6, 2, 3, 3), True, {'groups': 2}),
    ('unbatched', (3, 6, 6), (4, 3, 3, 3), True, {}),
    ('24 channels in (oneDNN blocks them by 16)', (2, 24, 5, 5), (18, 24, 3, 3), True, {'padding': 1}),
    ('batch 1, 3x3 (the thnn/BLAS path)', (1, 4, 12, 12), (8, 4, 3, 3), True, {'padding': 1}),
]

POOL = [
    ('max 2', 'max', (1, 3, 12, 12), {'kernel_size': 2}),
    ('max 3 stride 2 padding 1', 'max', (2, 3, 9, 8), {'kernel_size': 3, 'stride': 2, 'padding': 1}),
    ('max ceil_mode dilation', 'max', (2, 2, 9, 9), {'kernel_size': 2, 'stride': 2, 'dilation': 2, 'ceil_mode': True}),
    ('max overlapping', 'max', (1, 2, 6, 6), {'kernel_size': 3, 'stride': 1}),
    ('max unbatched', 'max', (3, 8, 8), {'kernel_size': (2, 3)}),
    ('avg 2', 'avg', (2, 3, 8, 8), {'kernel_size': 2}),
    ('avg 3 stride 2 padding 1', 'avg', (2, 3, 9, 8), {'kernel_size': 3, 'stride': 2, 'padding': 1}),
    (
        'avg no pad count',
        'avg',
        (2, 3, 9, 8),
        {'kernel_size': 3, 'stride': 2, 'padding': 1, 'count_include_pad': False},
    ),
    ('avg ceil divisor', 'avg', (1, 2, 7, 7), {'kernel_size': 2, 'ceil_mode': True, 'divisor_override': 3}),
    ('adaptive 3x2', 'adaptive', (2, 3, 7, 8), {'output_size': (3, 2)}),
    ('adaptive 4', 'adaptive', (1, 2, 10, 9), {'output_size': 4}),
]


def conv_case(name, xs, ws, has_bias, kw):
    x = rn(*xs)
    w = rn(*ws, scale=0.3)
    b = rn(ws[0], scale=0.1) if has_bias else None
    y = F.conv2d(x, w, b, **kw)
    gy = torch.randn(*y.shape, generator=g)
    grads = torch.autograd.grad(y, [x, w] + ([b] if has_bias else []), gy)
    case = {'name': name, 'kwargs': kw, 'x': enc(x), 'w': enc(w), 'gy': enc(gy), 'y': enc(y)}
    case['b'] = enc(b) if has_bias else None
    case['gx'], case['gw'] = enc(grads[0]), enc(grads[1])
    case['gb'] = enc(grads[2]) if has_bias else None
    case['grad_fn'] = type(y.grad_fn).__name__
    return case


def pool_case(name, kind, xs, kw):
    x = rn(*xs)
    if kind == 'max':
        y = F.max_pool2d(x, **kw)
    elif kind == 'avg':
        y = F.avg_pool2d(x, **kw)
    else:
        y = F.adaptive_avg_pool2d(x, **kw)
    gy = torch.randn(*y.shape, generator=g)
    (gx,) = torch.autograd.grad(y, [x], gy)
    case = {'name': name, 'kind': kind, 'kwargs': kw, 'x': enc(x), 'gy': enc(gy), 'y': enc(y), 'gx': enc(gx)}
    case['grad_fn'] = type(y.grad_fn).__name__
    if kind == 'max':
        case['indices'] = F.max_pool2d(x, return_indices=True, **kw)[1].reshape(-1).tolist()
    return case


def module_cases():
    # nn.Conv2d's default initialisation after manual_seed, and the reprs learners print.
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(1, 6, 5)
    torch.manual_seed(1)
    grouped = torch.nn.Conv2d(4, 6, (3, 2), stride=2, padding=1, dilation=(2, 1), groups=2, bias=False)
    return {
        'seed0 Conv2d(1, 6, 5)': {'weight': enc(conv.weight), 'bias': enc(conv.bias), 'repr': repr(conv)},
        'seed1 grouped': {'weight': enc(grouped.weight), 'bias': None, 'repr': repr(grouped)},
        'reprs': [
            repr(torch.nn.Conv2d(3, 8, 3, padding='same')),
            repr(torch.nn.MaxPool2d(2)),
            repr(torch.nn.MaxPool2d(3, 1, 1)),
            repr(torch.nn.AvgPool2d(2)),
        ],
    }


print(
    json.dumps(
        {
            'conv': [conv_case(*c) for c in CONV],
            'pool': [pool_case(*c) for c in POOL],
            'modules': module_cases(),
        }
    )
)
