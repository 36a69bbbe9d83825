#!/usr/bin/env python3
"""Writes test/unit/lazy-modules-torch113.json: what real PyTorch 1.13 gives for its lazy modules (LazyLinear,
LazyConv1d/2d, LazyConvTranspose2d, LazyBatchNorm1d/2d, LazyInstanceNorm2d): how they print before and after
the first call, the class they become, UninitializedParameter's repr and shape error, the values drawn at the
first call, an optimizer made before it, the unbatched-input error, is_lazy and the warning (its text, once).
test/unit/lazy-modules.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/lazy-modules-fixture.py > test/unit/lazy-modules-torch113.json
"""

import warnings

import torch
from torch import nn

from fixture_cases import dump, record


def warning_once():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('default')
        nn.LazyLinear(2)
        nn.LazyConv2d(2, 3)
    return [(w.category.__name__, str(w.message)) for w in caught]


# First, before any lazy module: PyTorch warns once per run (here, once inside catch_warnings).
record('the warning, once', warning_once)


def mlp():
    torch.manual_seed(0)
    net = nn.Sequential(nn.LazyLinear(3), nn.ReLU(), nn.LazyLinear(1))
    before = [repr(net), repr(net[0].weight), type(net[0]).__name__]
    out = net(torch.rand(2, 4))
    return before + [out, repr(net), type(net[0]).__name__, type(net[0].weight).__name__, net[0].weight, net[2].bias]


record('LazyLinear before and after the first call', mlp)


def shape_error():
    return nn.LazyLinear(2).weight.shape


record('the shape of an uninitialized parameter', shape_error)


def optimizer_first():
    torch.manual_seed(1)
    model = nn.LazyLinear(1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
    for _ in range(3):
        loss = (model(x) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return [model.weight, model.bias, loss]


record('an optimizer made before the first call', optimizer_first)


def cnn():
    torch.manual_seed(2)
    net = nn.Sequential(
        nn.LazyConv2d(2, kernel_size=3, padding=1), nn.LazyBatchNorm2d(), nn.ReLU(), nn.Flatten(), nn.LazyLinear(2)
    )
    before = repr(net)
    out = net(torch.randn(2, 1, 4, 4))
    return [before, out, repr(net), net[1].running_mean, net[1].num_batches_tracked, net[0].weight[0, 0]]


record('LazyConv2d, LazyBatchNorm2d, LazyLinear', cnn)


def others():
    torch.manual_seed(3)
    c1 = nn.LazyConv1d(2, 3)
    t = nn.LazyConvTranspose2d(2, kernel_size=2, stride=2)
    b = nn.LazyBatchNorm1d()
    i = nn.LazyInstanceNorm2d(affine=True)
    shapes = [c1(torch.randn(3, 5)).shape, t(torch.randn(1, 3, 2, 2)).shape, b(torch.randn(4, 3)).shape]
    shapes.append(i(torch.randn(1, 3, 2, 2)).shape)
    return [str(s) for s in shapes] + [repr(c1), repr(t), repr(b), repr(i), t.weight.shape == (3, 2, 2, 2)]


record('LazyConv1d (unbatched), LazyConvTranspose2d, LazyBatchNorm1d, LazyInstanceNorm2d', others)
record('unbatched input of the wrong rank', lambda: nn.LazyConv2d(4, 3)(torch.randn(3)))
record('is_lazy', lambda: [nn.parameter.is_lazy(nn.LazyLinear(3).weight), nn.parameter.is_lazy(nn.Linear(2, 2).weight)])
record('a LazyModuleMixin', lambda: isinstance(nn.LazyLinear(2), nn.modules.lazy.LazyModuleMixin))


dump()
