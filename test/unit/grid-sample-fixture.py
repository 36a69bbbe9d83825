#!/usr/bin/env python3
"""Writes test/unit/grid-sample-torch113.json: what real PyTorch 1.13 gives for F.affine_grid and F.grid_sample
(2-D): grids with and without align_corners, bilinear and nearest sampling under zeros / border / reflection
padding, gradients to input, grid and theta, an STN-style block, and argument errors.
test/unit/grid-sample.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/grid-sample-fixture.py > test/unit/grid-sample-torch113.json
"""

import torch
import torch.nn.functional as F

from fixture_cases import dump, record

THETA = torch.tensor([[[0.9, -0.2, 0.1], [0.3, 1.1, -0.25]], [[1.2, 0.0, 0.4], [0.0, 0.7, 0.0]]])

for align in (False, True):
    record(f'affine_grid align_corners={align}', lambda a=align: F.affine_grid(THETA, [2, 1, 3, 4], align_corners=a))
record('affine_grid one column', lambda: F.affine_grid(THETA, [2, 3, 2, 1], align_corners=False))


def sample(mode, padding, align):
    def run():
        torch.manual_seed(0)
        x = torch.randn(2, 2, 4, 5, requires_grad=True)
        grid = (torch.rand(2, 3, 4, 2) * 2.6 - 1.3).requires_grad_()
        y = F.grid_sample(x, grid, mode=mode, padding_mode=padding, align_corners=align)
        (y * torch.arange(y.numel(), dtype=torch.float32).view_as(y).sin()).sum().backward()
        return [y, y.grad_fn.name(), x.grad, grid.grad]

    return run


for mode in ('bilinear', 'nearest'):
    for padding in ('zeros', 'border', 'reflection'):
        for align in (False, True):
            record(f'grid_sample {mode} {padding} align_corners={align}', sample(mode, padding, align))


def identity_round_trip():
    x = torch.arange(12.0).view(1, 1, 3, 4)
    theta = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    grid = F.affine_grid(theta, x.size(), align_corners=False)
    return F.grid_sample(x, grid, align_corners=False)


record('identity theta reproduces the input', identity_round_trip)


def stn_block():
    torch.manual_seed(4)
    loc = torch.nn.Linear(16, 6)
    with torch.no_grad():
        loc.weight.mul_(0.1)
        loc.bias.copy_(torch.tensor([1.0, 0.0, 0.0, 0.0, 1.0, 0.0]))
    x = torch.randn(2, 1, 4, 4)
    theta = loc(x.view(2, -1)).view(-1, 2, 3)
    grid = F.affine_grid(theta, x.size(), align_corners=False)
    y = F.grid_sample(x, grid, align_corners=False)
    y.pow(2).mean().backward()
    return [theta, grid.grad_fn.name(), y, loc.weight.grad, loc.bias.grad]


record('STN block gradients to the localisation layer', stn_block)

ERRORS = {
    'grid_sample bad mode': lambda: F.grid_sample(torch.ones(1, 1, 2, 2), torch.zeros(1, 1, 1, 2), mode='linear'),
    'grid_sample bad padding': lambda: F.grid_sample(
        torch.ones(1, 1, 2, 2), torch.zeros(1, 1, 1, 2), padding_mode='circular'
    ),
    'affine_grid integer theta': lambda: F.affine_grid(torch.ones(1, 2, 3, dtype=torch.long), [1, 1, 2, 2], False),
    'affine_grid wrong theta shape': lambda: F.affine_grid(torch.ones(1, 3, 3), [1, 1, 2, 2], False),
    'affine_grid zero size': lambda: F.affine_grid(torch.ones(1, 2, 3), [1, 1, 0, 2], False),
    'affine_grid 3-D size': lambda: F.affine_grid(torch.ones(1, 2, 3), [1, 2, 2], False),
    'grid_sample grid last dim 3': lambda: F.grid_sample(
        torch.ones(1, 1, 2, 2), torch.zeros(1, 1, 1, 3), align_corners=False
    ),
    'grid_sample batch mismatch': lambda: F.grid_sample(
        torch.ones(2, 1, 2, 2), torch.zeros(1, 1, 1, 2), align_corners=False
    ),
}
for name, make in ERRORS.items():
    record(name, make)

dump()
