#!/usr/bin/env python3
"""Writes test/unit/interpolate-modes-torch113.json: what real PyTorch 1.13 gives for F.interpolate's modes
beyond 4-D nearest / bilinear: linear (3-D), bicubic (4-D, align_corners both ways), trilinear and nearest
(5-D), nearest-exact (3-D to 5-D), area on 3-D input, with size or scale_factor (recompute_scale_factor both
ways), up and down: values, grad_fn names and input gradients (weighted, so the order of accumulation shows),
nn.Upsample with these modes and the rank errors. test/unit/interpolate-modes.test.ts runs this same file on
our torch in Pyodide.

    /usr/bin/python3 test/unit/interpolate-modes-fixture.py > test/unit/interpolate-modes-torch113.json
"""

import torch
import torch.nn.functional as F
from torch import nn

from fixture_cases import dump, record


def interp(shape, **kw):
    def run():
        torch.manual_seed(sum(shape))
        x = torch.randn(*shape).requires_grad_()
        y = F.interpolate(x, **kw)
        (y * torch.randn(*y.shape)).sum().backward()
        return [y, y.grad_fn.name(), x.grad]

    return run


CASES = [
    ((1, 2, 5), dict(size=9, mode='linear')),
    ((1, 2, 5), dict(size=9, mode='linear', align_corners=True)),
    ((2, 1, 7), dict(scale_factor=0.6, mode='linear')),
    ((1, 1, 4), dict(scale_factor=2.5, mode='linear', recompute_scale_factor=True)),
    ((1, 2, 3, 4), dict(scale_factor=2, mode='bicubic')),
    ((1, 2, 3, 4), dict(scale_factor=2, mode='bicubic', align_corners=True)),
    ((1, 1, 5, 6), dict(size=(3, 8), mode='bicubic')),
    ((1, 1, 5, 6), dict(size=(3, 8), mode='bicubic', align_corners=True)),
    ((2, 1, 4, 4), dict(scale_factor=1.7, mode='bicubic')),
    ((1, 1, 4, 4), dict(scale_factor=1.7, mode='bicubic', recompute_scale_factor=True)),
    ((1, 2, 2, 3, 3), dict(scale_factor=2, mode='trilinear')),
    ((1, 1, 3, 2, 4), dict(size=(4, 5, 3), mode='trilinear', align_corners=True)),
    ((1, 2, 2, 3, 3), dict(scale_factor=(2, 1.5, 3), mode='nearest')),
    ((1, 2, 5), dict(size=8, mode='nearest')),
    ((1, 2, 5), dict(size=3, mode='nearest')),
    ((1, 2, 5), dict(size=8, mode='nearest-exact')),
    ((1, 2, 3, 5), dict(scale_factor=1.5, mode='nearest-exact')),
    ((1, 2, 7, 5), dict(size=(3, 2), mode='nearest-exact')),
    ((1, 1, 2, 3, 3), dict(scale_factor=2, mode='nearest-exact')),
    ((1, 2, 7), dict(size=3, mode='area')),
    ((1, 2, 6, 6), dict(scale_factor=0.5, mode='area')),
]
for shape, kw in CASES:
    record(f'{list(shape)} {kw}', interp(shape, **kw))

ERRORS = {
    'linear on 4-D': lambda: F.interpolate(torch.ones(1, 1, 2, 2), size=3, mode='linear'),
    'bilinear on 3-D': lambda: F.interpolate(torch.ones(1, 1, 2), size=3, mode='bilinear'),
    'trilinear on 4-D': lambda: F.interpolate(torch.ones(1, 1, 2, 2), size=3, mode='trilinear'),
    'bicubic on 5-D': lambda: F.interpolate(torch.ones(1, 1, 2, 2, 2), size=3, mode='bicubic'),
    'nearest on 2-D': lambda: F.interpolate(torch.ones(2, 2), size=3, mode='nearest'),
    'unknown mode': lambda: F.interpolate(torch.ones(1, 1, 2, 2), size=3, mode='cubic'),
    'zero output size, bicubic': lambda: F.interpolate(torch.ones(1, 1, 2, 2), size=(3, 0), mode='bicubic'),
    'zero output size, linear': lambda: F.interpolate(torch.ones(1, 1, 2), size=0, mode='linear'),
    'align_corners with nearest-exact': lambda: F.interpolate(
        torch.ones(1, 1, 2), size=3, mode='nearest-exact', align_corners=True
    ),
}
for name, fn in ERRORS.items():
    record(name, lambda: list(fn().shape))

UPSAMPLES = {
    "Upsample(scale_factor=2, mode='bicubic', align_corners=False)": lambda: nn.Upsample(
        scale_factor=2, mode='bicubic', align_corners=False
    ),
    "Upsample(size=5, mode='linear')": lambda: nn.Upsample(size=5, mode='linear'),
    "Upsample(scale_factor=2, mode='trilinear', align_corners=True)": lambda: nn.Upsample(
        scale_factor=2, mode='trilinear', align_corners=True
    ),
}
for name, make in UPSAMPLES.items():
    record(name, lambda: repr(make()))
record(
    'Upsample bicubic forward', lambda: nn.Upsample(scale_factor=2, mode='bicubic')(torch.arange(6.0).view(1, 1, 2, 3))
)
record('Upsample linear forward', lambda: nn.Upsample(size=5, mode='linear')(torch.arange(3.0).view(1, 1, 3)))

dump()
