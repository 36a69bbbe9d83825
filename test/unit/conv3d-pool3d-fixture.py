#!/usr/bin/env python3
"""Writes test/unit/conv3d-pool3d-torch113.json: F.conv3d, F.conv_transpose3d, F.max_pool3d, F.avg_pool3d and
F.adaptive_avg_pool3d on seeded inputs, with the gradients of every input for a seeded output gradient, as
real PyTorch 1.13 (CPU, Debian python3-torch, one thread) computes them. test/unit/conv3d-pool3d.test.ts runs
the same calls on the engine and compares bit for bit where the engine follows PyTorch's summation order
(src/engine/ops/conv3d.ts), to a few float32 steps elsewhere. (An adaptive output of 1 x 1 x 1 is a mean in
PyTorch: nn3d-spectral-fixture.py checks that path.)

    /usr/bin/python3 test/unit/conv3d-pool3d-fixture.py > test/unit/conv3d-pool3d-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(2027)


def rn(*shape, scale=1.0):
    return (torch.randn(*shape, generator=g) * scale).requires_grad_()


CONV = [
    # (name, input shape, weight shape, bias, kwargs)
    ('3x3x3 batch 2', (2, 3, 6, 7, 5), (4, 3, 3, 3, 3), True, {}),
    ('padding 1 batch 2', (2, 2, 5, 5, 5), (3, 2, 3, 3, 3), True, {'padding': 1}),
    ('one channel in, stride 2', (2, 1, 8, 7, 9), (4, 1, 3, 3, 3), True, {'stride': 2}),
    ('20 channels in (oneDNN blocks them by 16)', (2, 20, 4, 4, 4), (18, 20, 2, 2, 2), True, {'padding': 1}),
    (
        'anisotropic kernel, stride, padding, dilation',
        (2, 3, 7, 8, 9),
        (4, 3, 2, 3, 2),
        False,
        {'stride': (1, 2, 2), 'padding': (1, 0, 1), 'dilation': (2, 1, 1)},
    ),
    ("padding 'same', even kernel", (2, 2, 5, 6, 5), (3, 2, 2, 3, 4), True, {'padding': 'same'}),
    ("padding 'valid'", (2, 2, 4, 5, 4), (2, 2, 3, 3, 3), True, {'padding': 'valid'}),
    ('groups 2', (2, 4, 4, 5, 5), (6, 2, 3, 3, 3), True, {'groups': 2}),
    ('batch 1, 5x5x5 kernel', (1, 2, 7, 7, 7), (3, 2, 5, 5, 5), True, {}),
    (
        'depthwise, stride 2, padding 1',
        (2, 3, 5, 6, 7),
        (6, 1, 3, 3, 3),
        True,
        {'groups': 3, 'stride': 2, 'padding': 1},
    ),
    ('padding as wide as the kernel', (2, 2, 3, 4, 3), (3, 2, 2, 2, 2), True, {'padding': (2, 1, 2)}),
    ('unbatched', (2, 5, 5, 5), (3, 2, 3, 3, 3), True, {'padding': 1}),
]

CONV_T = [
    ('transposed stride 2', (2, 3, 3, 4, 3), (3, 2, 3, 3, 3), True, {'stride': 2}),
    (
        'transposed padding, output_padding, dilation',
        (2, 2, 3, 3, 4),
        (2, 3, 2, 3, 2),
        True,
        {'stride': (2, 1, 2), 'padding': (1, 1, 0), 'output_padding': (1, 0, 1), 'dilation': (1, 2, 1)},
    ),
    ('transposed groups 2', (2, 4, 3, 3, 3), (4, 1, 2, 2, 2), False, {'groups': 2}),
]

POOL = [
    ('max 2', 'max', (2, 3, 4, 6, 6), {'kernel_size': 2}),
    ('max 3 stride 2 padding 1', 'max', (2, 2, 5, 7, 6), {'kernel_size': 3, 'stride': 2, 'padding': 1}),
    (
        'max ceil_mode dilation',
        'max',
        (1, 2, 7, 7, 7),
        {'kernel_size': 2, 'stride': 2, 'dilation': (2, 1, 2), 'ceil_mode': True},
    ),
    ('max overlapping unbatched', 'max', (2, 4, 5, 5), {'kernel_size': (2, 3, 2), 'stride': 1}),
    ('avg 2', 'avg', (2, 3, 4, 6, 6), {'kernel_size': 2}),
    ('avg 3 stride 2 padding 1', 'avg', (2, 2, 5, 7, 6), {'kernel_size': 3, 'stride': 2, 'padding': 1}),
    (
        'avg no pad count',
        'avg',
        (2, 2, 5, 7, 6),
        {'kernel_size': 3, 'stride': 2, 'padding': 1, 'count_include_pad': False},
    ),
    ('avg ceil divisor', 'avg', (1, 2, 5, 5, 5), {'kernel_size': 2, 'ceil_mode': True, 'divisor_override': 3}),
    ('adaptive 2x3x2', 'adaptive', (2, 3, 5, 7, 6), {'output_size': (2, 3, 2)}),
    ('adaptive 3, unbatched', 'adaptive', (2, 7, 6, 5), {'output_size': 3}),
]


def conv_case(name, xs, ws, has_bias, kw, fn=F.conv3d):
    x = rn(*xs)
    w = rn(*ws, scale=0.3)
    b = rn(ws[1] * kw.get('groups', 1) if fn is F.conv_transpose3d else ws[0], scale=0.1) if has_bias else None
    y = fn(x, w, b, **kw)
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
        y = F.max_pool3d(x, **kw)
    elif kind == 'avg':
        y = F.avg_pool3d(x, **kw)
    else:
        y = F.adaptive_avg_pool3d(x, **kw)
    gy = torch.randn(*y.shape, generator=g)
    (gx,) = torch.autograd.grad(y, [x], gy)
    case = {'name': name, 'kind': kind, 'kwargs': kw, 'x': enc(x), 'gy': enc(gy), 'y': enc(y), 'gx': enc(gx)}
    case['grad_fn'] = type(y.grad_fn).__name__
    if kind == 'max':
        case['indices'] = F.max_pool3d(x, return_indices=True, **kw)[1].reshape(-1).tolist()
    return case


print(
    json.dumps(
        {
            'conv': [conv_case(*c) for c in CONV],
            'conv_transpose': [conv_case(*c, fn=F.conv_transpose3d) for c in CONV_T],
            'pool': [pool_case(*c) for c in POOL],
        }
    )
)
