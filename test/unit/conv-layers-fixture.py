#!/usr/bin/env python3
"""Prints, as JSON, what learners see of nn.Conv1d, nn.ConvTranspose1d/2d, nn.PReLU, nn.RReLU and
nn.Threshold: seeded initial weights, reprs, a forward and backward through the layers, output_size, and
the errors. Run by real PyTorch 1.13 into conv-layers-torch113.json and by our torch in Pyodide
(test/unit/conv-transpose.test.ts), which must print the same.

    /usr/bin/python3 test/unit/conv-layers-fixture.py > test/unit/conv-layers-torch113.json
"""

import json

import torch
import torch.nn as nn
import torch.nn.functional as F


def seeded(make):
    torch.manual_seed(0)
    m = make()
    bias = getattr(m, 'bias', None)
    return {'weight': m.weight.tolist(), 'bias': None if bias is None else bias.tolist(), 'repr': repr(m)}


def error(fn):
    try:
        fn()
    except (RuntimeError, ValueError, TypeError) as e:
        return f'{type(e).__name__}: {e}'
    return 'no error'


modules = {
    'Conv1d(3, 8, 5)': seeded(lambda: nn.Conv1d(3, 8, 5)),
    'Conv1d same grouped': seeded(lambda: nn.Conv1d(4, 6, 3, padding='same', groups=2, bias=False)),
    'ConvTranspose2d(16, 8, 4, 2, 1)': seeded(lambda: nn.ConvTranspose2d(16, 8, 4, 2, 1)),
    'ConvTranspose2d grouped': seeded(
        lambda: nn.ConvTranspose2d(4, 6, (3, 2), stride=2, padding=1, output_padding=1, groups=2, dilation=2)
    ),
    'ConvTranspose1d(4, 3, 3, stride=2, bias=False)': seeded(lambda: nn.ConvTranspose1d(4, 3, 3, stride=2, bias=False)),
    'PReLU()': seeded(lambda: nn.PReLU()),
    'PReLU(3, init=0.1)': seeded(lambda: nn.PReLU(3, init=0.1)),
}

torch.manual_seed(1)
net = nn.Sequential(nn.ConvTranspose2d(3, 4, 3, stride=2, padding=1, output_padding=1), nn.PReLU(4), nn.Conv2d(4, 2, 3))
seq = nn.Sequential(nn.Conv1d(2, 3, 3, stride=2, padding=1), nn.RReLU(), nn.ConvTranspose1d(3, 2, 4, stride=2))
seq.eval()
x = torch.randn(2, 3, 4, 4, requires_grad=True)
s = torch.randn(2, 2, 9, requires_grad=True)
y = net(x)
z = seq(s)
(y.pow(2).sum() + z.pow(2).sum()).backward()
torch.manual_seed(3)
noisy = torch.randn(3, 8, requires_grad=True)
r = nn.RReLU(0.2, 0.4)(noisy)  # training mode: a slope drawn per non-positive element
r.sum().backward()
up = nn.ConvTranspose2d(2, 2, 3, stride=2, padding=1)
small = torch.randn(1, 2, 4, 4)
print(
    json.dumps(
        {
            'modules': modules,
            'reprs': [
                repr(m)
                for m in [
                    nn.RReLU(),
                    nn.RReLU(0.1, 0.3, inplace=True),
                    nn.Threshold(0.1, 20),
                    nn.Conv1d(2, 2, 3, dilation=2),
                    net,
                    seq,
                ]
            ],
            'forward': {
                'y': y.tolist(),
                'z': z.tolist(),
                'grad_fns': [y.grad_fn.name(), z.grad_fn.name()],
                'x.grad': x.grad.tolist(),
                's.grad': s.grad.tolist(),
                'grads': {
                    name: p.grad.tolist() for name, p in list(net.named_parameters()) + list(seq.named_parameters())
                },
            },
            'rrelu_train': {'y': r.tolist(), 'grad': noisy.grad.tolist(), 'next': torch.rand(2).tolist()},
            'output_size': [list(up(small, output_size=size).shape) for size in ([7, 7], [8, 8], (1, 2, 8, 7))],
            'errors': [
                error(lambda: up(small, output_size=[9, 9])),
                error(lambda: up(small, output_size=[8])),
                error(lambda: F.conv1d(torch.randn(1, 3, 4), torch.randn(2, 3, 5))),
                error(lambda: F.conv1d(torch.randn(3, 4, 5, 6), torch.randn(2, 3, 5))),
                error(lambda: F.conv1d(torch.randn(1, 3, 10), torch.randn(2, 3, 5), torch.randn(3))),
                error(lambda: F.conv_transpose2d(torch.randn(1, 4, 4, 4), torch.randn(4, 3, 3, 3), torch.randn(5))),
                error(lambda: F.conv_transpose2d(torch.randn(4, 4), torch.randn(4, 3, 3, 3))),
                error(lambda: F.conv_transpose2d(torch.randn(1, 4, 4, 4), torch.randn(4, 3, 3, 3), padding=3)),
                error(lambda: F.conv_transpose2d(torch.randn(1, 4, 4, 4), torch.randn(4, 3, 3, 3), padding='same')),
                error(lambda: F.conv_transpose2d(torch.randn(1, 4, 4, 4), torch.randn(4, 3, 3, 3), groups=3)),
                error(lambda: F.prelu(torch.randn(2, 3, 4), torch.randn(2))),
                error(lambda: nn.PReLU(3)(torch.randn(2, 4))),
                error(lambda: nn.ConvTranspose2d(4, 2, 3, padding_mode='reflect')),
                error(lambda: nn.Conv1d(4, 2, 3, stride=2, padding='same')),
            ],
        }
    )
)
