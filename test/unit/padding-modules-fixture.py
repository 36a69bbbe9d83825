#!/usr/bin/env python3
"""Writes test/unit/padding-modules-torch113.json: what real PyTorch 1.13 gives for nn.ZeroPad2d and
nn.ConstantPad1d/2d/3d: reprs (ints, tuples, int and float values), their padding attribute and module path,
padded values (negative amounts crop), grad_fn names, the input gradient, unbatched input and a padded conv.
test/unit/padding-modules.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/padding-modules-fixture.py > test/unit/padding-modules-torch113.json
"""

import torch
from torch import nn

from fixture_cases import dump, record

MODULES = {
    'ZeroPad2d(1)': lambda: nn.ZeroPad2d(1),
    'ZeroPad2d((1, 2, 0, 1))': lambda: nn.ZeroPad2d((1, 2, 0, 1)),
    'ConstantPad1d(2, 3.5)': lambda: nn.ConstantPad1d(2, 3.5),
    'ConstantPad1d((0, 1), -2)': lambda: nn.ConstantPad1d((0, 1), -2),
    'ConstantPad2d((1, 0, 1, 0), -1)': lambda: nn.ConstantPad2d((1, 0, 1, 0), -1),
    'ConstantPad3d(1, 0.0)': lambda: nn.ConstantPad3d(1, 0.0),
}
for name, make in MODULES.items():
    record(f'{name}: repr, padding, module', lambda: [repr(make()), list(make().padding), type(make()).__module__])


def zero_pad_grad():
    x = torch.arange(4.0).view(1, 1, 2, 2).requires_grad_()
    y = nn.ZeroPad2d((1, 2, 0, 1))(x)
    (y * torch.arange(15.0).view(1, 1, 3, 5)).sum().backward()
    return [y, y.grad_fn.name(), x.grad]


record('ZeroPad2d values and gradient', zero_pad_grad)
record('ConstantPad1d on 3-D input', lambda: nn.ConstantPad1d(2, 3.5)(torch.ones(1, 2, 2)))
record('ConstantPad1d on 1-D input', lambda: nn.ConstantPad1d((0, 1), -2)(torch.ones(3)))
record('negative padding crops', lambda: nn.ZeroPad2d((-1, 1, 0, -1))(torch.arange(9.0).view(1, 3, 3)))
record('ConstantPad3d shape', lambda: list(nn.ConstantPad3d(1, 0.0)(torch.ones(1, 1, 1, 1, 1)).shape))


def padded_conv():
    torch.manual_seed(0)
    net = nn.Sequential(nn.ZeroPad2d(2), nn.Conv2d(1, 2, 3), nn.ReLU())
    return [repr(net), net(torch.ones(1, 1, 4, 4))]


record('ZeroPad2d before a convolution', padded_conv)

dump()
