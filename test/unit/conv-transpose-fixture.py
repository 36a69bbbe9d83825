#!/usr/bin/env python3
"""Writes test/unit/conv-transpose-torch113.json: F.conv1d, F.conv_transpose2d, F.conv_transpose1d, F.prelu,
F.threshold and F.rrelu on seeded inputs, with the gradients of every input for a seeded output
gradient, as real PyTorch 1.13 (CPU, Debian python3-torch, one thread) computes them.
test/unit/conv-transpose.test.ts runs the same calls on the engine (the layers: conv-layers-fixture.py).

    /usr/bin/python3 test/unit/conv-transpose-fixture.py > test/unit/conv-transpose-torch113.json
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
    # (name, function, input shape, weight shape, bias, kwargs)
    ('conv1d plain batch 4', 'conv1d', (4, 3, 20), (8, 3, 5), True, {}),
    ('conv1d stride 2 padding 1', 'conv1d', (2, 4, 17), (6, 4, 3), True, {'stride': 2, 'padding': 1}),
    ("conv1d padding 'same' dilation 2", 'conv1d', (2, 2, 12), (3, 2, 4), False, {'padding': 'same', 'dilation': 2}),
    ('conv1d groups 2', 'conv1d', (2, 4, 10), (6, 2, 3), True, {'groups': 2}),
    ('conv1d 20 channels in', 'conv1d', (3, 20, 9), (5, 20, 3), True, {'padding': 1}),
    ('conv1d unbatched', 'conv1d', (3, 11), (4, 3, 3), True, {}),
    ('conv_transpose2d plain', 'conv_transpose2d', (2, 3, 5, 5), (3, 4, 3, 3), True, {}),
    (
        'conv_transpose2d stride 2 padding 1 output_padding 1',
        'conv_transpose2d',
        (2, 6, 4, 4),
        (6, 3, 3, 3),
        True,
        {'stride': 2, 'padding': 1, 'output_padding': 1},
    ),
    ('conv_transpose2d DCGAN 1x1 -> 4x4', 'conv_transpose2d', (4, 8, 1, 1), (8, 6, 4, 4), False, {}),
    (
        'conv_transpose2d DCGAN 4x4 -> 8x8',
        'conv_transpose2d',
        (4, 6, 4, 4),
        (6, 3, 4, 4),
        False,
        {'stride': 2, 'padding': 1},
    ),
    ('conv_transpose2d groups 2', 'conv_transpose2d', (2, 4, 4, 3), (4, 3, 3, 2), True, {'groups': 2}),
    (
        'conv_transpose2d dilation 2 rectangular',
        'conv_transpose2d',
        (2, 3, 4, 5),
        (3, 2, 2, 3),
        True,
        {'dilation': 2, 'stride': (1, 2), 'padding': (1, 0), 'output_padding': (0, 1)},
    ),
    ('conv_transpose2d unbatched', 'conv_transpose2d', (3, 4, 4), (3, 2, 3, 3), True, {'stride': 2}),
    ('conv_transpose2d 24 channels in', 'conv_transpose2d', (2, 24, 3, 3), (24, 5, 3, 3), True, {'stride': 2}),
    ('conv_transpose1d stride 2', 'conv_transpose1d', (2, 4, 7), (4, 3, 4), True, {'stride': 2, 'padding': 1}),
]

ACT = [
    # (name, function, input shape, kwargs, weight shape or None)
    ('prelu one weight', 'prelu', (3, 4, 5), (1,)),
    ('prelu per channel 4-D', 'prelu', (2, 3, 4, 4), (3,)),
    ('prelu per channel 2-D', 'prelu', (5, 6), (6,)),
    ('prelu 1-D input', 'prelu', (7,), (1,)),
    ('threshold 0.1 -> 20', 'threshold', (4, 6), None),
    ('rrelu eval', 'rrelu', (4, 6), None),
    ('rrelu training (slopes from the global generator after manual_seed(5))', 'rrelu_train', (5, 7), None),
]


def conv_case(name, fn, xs, ws, has_bias, kw):
    x = rn(*xs)
    w = rn(*ws, scale=0.3)
    b = rn(ws[1] * kw.get('groups', 1) if 'transpose' in fn else ws[0], scale=0.1) if has_bias else None
    y = getattr(F, fn)(x, w, b, **kw)
    gy = torch.randn(*y.shape, generator=g)
    grads = torch.autograd.grad(y, [x, w] + ([b] if has_bias else []), gy)
    case = {'name': name, 'fn': fn, 'kwargs': kw, 'x': enc(x), 'w': enc(w), 'gy': enc(gy), 'y': enc(y)}
    case['b'] = enc(b) if has_bias else None
    case['gx'], case['gw'] = enc(grads[0]), enc(grads[1])
    case['gb'] = enc(grads[2]) if has_bias else None
    case['grad_fn'] = type(y.grad_fn).__name__
    return case


def act_case(name, fn, xs, ws):
    x = rn(*xs)
    w = (torch.rand(*ws, generator=g) * 0.5).requires_grad_() if ws else None
    if fn == 'prelu':
        y = F.prelu(x, w)
    elif fn == 'threshold':
        y = F.threshold(x, 0.1, 20.0)
    elif fn == 'rrelu':
        y = F.rrelu(x, training=False)
    else:
        torch.manual_seed(5)
        y = F.rrelu(x, 0.1, 0.3, training=True)
    gy = torch.randn(*y.shape, generator=g)
    grads = torch.autograd.grad(y, [x] + ([w] if ws else []), gy)
    case = {'name': name, 'fn': fn, 'x': enc(x), 'w': enc(w) if ws else None, 'gy': enc(gy), 'y': enc(y)}
    case['gx'] = enc(grads[0])
    case['gw'] = enc(grads[1]) if ws else None
    case['grad_fn'] = type(y.grad_fn).__name__
    return case


print(
    json.dumps(
        {
            'conv': [conv_case(*c) for c in CONV],
            'act': [act_case(*c) for c in ACT],
        }
    )
)
