#!/usr/bin/env python3
"""Writes test/unit/im2col-torch113.json: what real PyTorch 1.13 gives for F.unfold / F.fold and
nn.Unfold / nn.Fold: values with kernel_size, dilation, padding and stride, batched and not, grad_fn names,
input gradients (weighted, so overlapping blocks show the order of accumulation), fold(unfold(x)) and a
convolution written as unfold + matmul against F.conv2d, the size checks' errors and the reprs.
test/unit/im2col.test.ts runs this same file on our torch in Pyodide.

    /usr/bin/python3 test/unit/im2col-fixture.py > test/unit/im2col-torch113.json
"""

import torch
import torch.nn.functional as F
from torch import nn

from fixture_cases import dump, record


def unfolded(shape, **kw):
    def run():
        torch.manual_seed(sum(shape))
        x = torch.randn(*shape).requires_grad_()
        y = F.unfold(x, **kw)
        (y * torch.randn(*y.shape)).sum().backward()
        return [y, y.grad_fn.name(), x.grad]

    return run


record('unfold 3x3', unfolded((1, 2, 4, 5), kernel_size=3))
record(
    'unfold dilation, padding, stride',
    unfolded((2, 2, 5, 5), kernel_size=(2, 3), dilation=(1, 2), padding=1, stride=(2, 1)),
)
record('unfold unbatched', unfolded((3, 4, 4), kernel_size=2, stride=2))
record('unfold padding 2', unfolded((1, 1, 3, 3), kernel_size=3, padding=2))


def folded(shape, out, **kw):
    def run():
        torch.manual_seed(sum(shape))
        c = torch.randn(*shape).requires_grad_()
        y = F.fold(c, out, **kw)
        (y * torch.randn(*y.shape)).sum().backward()
        return [y, y.grad_fn.name(), c.grad]

    return run


record('fold 2x2 overlapping', folded((1, 8, 12), (4, 5), kernel_size=2))
record('fold padding and stride', folded((2, 4, 9), (5, 5), kernel_size=2, padding=1, stride=2))
record('fold unbatched dilation', folded((4, 8), (4, 5), kernel_size=2, dilation=(2, 1)))


def round_trip():
    x = torch.arange(20.0).view(1, 1, 4, 5)
    cols = F.unfold(x, 2)
    ones = F.fold(F.unfold(torch.ones_like(x), 2), (4, 5), 2)
    return [F.fold(cols, (4, 5), 2), ones, F.fold(cols, (4, 5), 2) / ones]


record('fold(unfold(x)) counts the overlaps', round_trip)


def conv_as_matmul():
    torch.manual_seed(3)
    x = torch.randn(2, 3, 5, 5, requires_grad=True)
    w = torch.randn(4, 3, 3, 3, requires_grad=True)
    cols = F.unfold(x, 3, padding=1)
    out = (w.view(4, -1) @ cols).view(2, 4, 5, 5)
    out.square().sum().backward()
    ref = F.conv2d(x.detach(), w.detach(), padding=1)
    return [out, (out - ref).abs().max() < 1e-4, x.grad, w.grad]


record('convolution as unfold and matmul', conv_as_matmul)

ERRORS = {
    'unfold kernel larger than input': lambda: F.unfold(torch.ones(1, 2, 4, 5), 6),
    'unfold kernel 0': lambda: F.unfold(torch.ones(1, 2, 4, 5), 0),
    'unfold stride 0': lambda: F.unfold(torch.ones(1, 2, 4, 5), 2, stride=0),
    'unfold negative padding': lambda: F.unfold(torch.ones(1, 2, 4, 5), 2, padding=-1),
    'unfold dilation 0': lambda: F.unfold(torch.ones(1, 2, 4, 5), 2, dilation=0),
    'unfold 2-D input': lambda: F.unfold(torch.ones(4, 5), 2),
    'unfold 6-D input': lambda: F.unfold(torch.ones(1, 1, 1, 1, 4, 5), 2),
    'unfold Long': lambda: F.unfold(torch.ones(1, 1, 3, 3, dtype=torch.long), 2),
    'fold block count': lambda: F.fold(torch.ones(1, 8, 12), (5, 5), 2),
    'fold channels not divisible': lambda: F.fold(torch.ones(1, 7, 12), (4, 5), 2),
    'fold 4-D input': lambda: F.fold(torch.ones(1, 1, 8, 12), (4, 5), 2),
    'fold too small': lambda: F.fold(torch.ones(1, 4, 1), (1, 1), 2),
}
for name, fn in ERRORS.items():
    record(name, lambda: list(fn().shape))

MODULES = {
    'Unfold(3)': lambda: nn.Unfold(3),
    'Unfold((2, 3), dilation=2, padding=1, stride=(1, 2))': lambda: nn.Unfold(
        (2, 3), dilation=2, padding=1, stride=(1, 2)
    ),
    'Fold((4, 5), 2)': lambda: nn.Fold((4, 5), 2),
    'Fold(4, (2, 3), 1, 0, 1)': lambda: nn.Fold(4, (2, 3), 1, 0, 1),
}
for name, make in MODULES.items():
    record(f'{name}: repr, module', lambda: [repr(make()), type(make()).__module__])
record('nn.Unfold then nn.Fold', lambda: nn.Fold((3, 4), 2)(nn.Unfold(2)(torch.arange(12.0).view(1, 1, 3, 4))))

dump()
