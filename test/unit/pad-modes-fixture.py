#!/usr/bin/env python3
"""Writes test/unit/pad-modes-torch113.json: what real PyTorch 1.13 gives for F.pad's 'reflect', 'replicate'
and 'circular' modes (1-D, 2-D and 3-D padding, batched and not, negative amounts), their grad_fn names and
input gradients (weighted so that the order of accumulation shows), the errors of each mode and kernel,
nn.ReflectionPad1d/2d/3d and nn.ReplicationPad1d/2d/3d (reprs, padding, module path) and Conv1d/Conv2d with a
non-'zeros' padding_mode. test/unit/pad-modes.test.ts runs this same file on our torch in Pyodide.

    /usr/bin/python3 test/unit/pad-modes-fixture.py > test/unit/pad-modes-torch113.json
"""

import torch
import torch.nn.functional as F
from torch import nn

from fixture_cases import dump, record


def padded(shape, pads, mode):
    def run():
        torch.manual_seed(sum(shape) + len(pads))
        x = torch.randn(*shape).requires_grad_()
        y = F.pad(x, pads, mode=mode)
        w = torch.randn(*y.shape)
        (y * w).sum().backward()
        return [y, y.grad_fn.name() if y.grad_fn is not None else None, x.grad]

    return run


CASES = [
    ((2, 4), (2, 1)),
    ((1, 2, 5), (3, 2)),
    ((1, 2, 5), (-1, 2)),
    ((2, 3, 4), (1, 2, 2, 1)),
    ((1, 2, 3, 4), (3, 3, 2, 2)),
    ((1, 1, 3, 4), (-1, 2, 1, -1)),
    ((1, 2, 2, 3, 3), (1, 1, 2, 0, 1, 1)),
    ((2, 2, 3, 3), (2, 2, 1, 1, 1, 0)),
]
for mode in ('reflect', 'replicate', 'circular'):
    for shape, pads in CASES:
        record(f'{mode} {list(shape)} {pads}', padded(shape, pads, mode))

ERRORS = [
    ((2, 3), (3, 0), 'reflect'),
    ((1, 2, 3, 4), (0, 0, 3, 0), 'reflect'),
    ((1, 2, 3, 4), (4, 4, 0, 0), 'reflect'),
    ((1, 2, 3, 3, 4), (0, 0, 3, 0, 0, 0), 'reflect'),
    ((2, 3), (-2, -1), 'reflect'),
    ((2, 3), (-2, -1), 'replicate'),
    ((2, 0), (1, 1), 'reflect'),
    ((2, 0), (1, 1), 'replicate'),
    ((1, 2, 3, 4), (1,), 'reflect'),
    ((2, 3), (1, 1, 1, 1, 1, 1, 1, 1), 'replicate'),
    ((1, 2, 3, 4), (1, 1), 'reflect'),
    ((3, 4), (1, 1, 1, 1), 'replicate'),
    ((2, 3), (1, 1), 'circular'),
    ((1, 2, 3, 4), (1, 1, 1, 1, 1, 1), 'circular'),
    ((1, 2, 3, 4), (5, 5, 0, 0), 'circular'),
    ((1, 2, 3, 4), (1, 1, 1, 1), 'wrap'),
]
for shape, pads, mode in ERRORS:
    record(f'error {mode} {list(shape)} {pads}', lambda: list(F.pad(torch.ones(*shape), pads, mode=mode).shape))
record('reflect with a value', lambda: F.pad(torch.ones(1, 3), (1, 1), mode='reflect', value=2.0))
record('replicate with value 0', lambda: F.pad(torch.arange(3.0).view(1, 3), (1, 1), mode='replicate', value=0.0))
record('replicate on Long', lambda: F.pad(torch.ones(1, 2, 2, dtype=torch.long), (1, 1, 1, 1), mode='replicate'))
record('reflect on Long', lambda: F.pad(torch.ones(1, 2, 2, dtype=torch.long), (1, 1, 1, 1), mode='reflect'))
record('empty output of a 2-D reflection', lambda: list(F.pad(torch.ones(1, 3, 4), (0, 0, -2, -1), 'reflect').shape))

MODULES = {
    'ReflectionPad1d(2)': lambda: nn.ReflectionPad1d(2),
    'ReflectionPad2d((1, 0, 2, 1))': lambda: nn.ReflectionPad2d((1, 0, 2, 1)),
    'ReflectionPad3d(1)': lambda: nn.ReflectionPad3d(1),
    'ReplicationPad1d([1, 3])': lambda: nn.ReplicationPad1d([1, 3]),
    'ReplicationPad2d(2)': lambda: nn.ReplicationPad2d(2),
    'ReplicationPad3d((1, 2, 0, 1, 1, 0))': lambda: nn.ReplicationPad3d((1, 2, 0, 1, 1, 0)),
}
for name, make in MODULES.items():
    record(f'{name}: repr, padding, module', lambda: [repr(make()), list(make().padding), type(make()).__module__])
record('ReflectionPad2d forward', lambda: nn.ReflectionPad2d((1, 0, 2, 1))(torch.arange(12.0).view(1, 1, 3, 4)))
record('ReplicationPad3d forward', lambda: nn.ReplicationPad3d(1)(torch.arange(8.0).view(1, 2, 2, 2)))


def conv_mode(cls, mode, padding, shape):
    def run():
        torch.manual_seed(1)
        conv = cls(2, 3, 3, padding=padding, padding_mode=mode)
        x = torch.randn(*shape).requires_grad_()
        y = conv(x)
        y.pow(2).sum().backward()
        return [repr(conv), y, y.grad_fn.next_functions[0][0].name(), x.grad, conv.weight.grad]

    return run


for mode in ('reflect', 'replicate', 'circular'):
    record(f'Conv2d {mode}', conv_mode(nn.Conv2d, mode, 1, (1, 2, 4, 5)))
    record(f'Conv1d {mode}', conv_mode(nn.Conv1d, mode, 2, (2, 2, 6)))
record("Conv2d reflect padding='same'", conv_mode(nn.Conv2d, 'reflect', 'same', (1, 2, 4, 4)))
record('Conv2d reflect (2, 1)', conv_mode(nn.Conv2d, 'reflect', (2, 1), (1, 2, 4, 4)))

dump()
