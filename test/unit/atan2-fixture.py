#!/usr/bin/env python3
"""Writes test/unit/atan2-torch113.json: what real PyTorch 1.13 gives for torch.atan2 / arctan2 / Tensor.atan2_
(the float32 bits, as hex strings, of contiguous rows, where whole blocks of 16 take SLEEF's atan2f_u10 and the rest glibc's
atan2f, of broadcast and non-contiguous operands, the signed zeros and infinities, integer and float64
promotion, the Atan2Backward0 node with gradients to both broadcast inputs, and the errors for Python numbers
and an integer atan2_). test/unit/atan2.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/atan2-fixture.py > test/unit/atan2-torch113.json
"""

import struct

import torch

from fixture_cases import dump, record

torch.manual_seed(0)
Y = torch.randn(4, 37) * 3
X = torch.randn(4, 37) * 2


def bits(t):
    """The float32 bit patterns as hex strings: compared exactly, where numbers get a tolerance."""
    return ''.join(struct.pack('<f', v).hex() for v in t.reshape(-1).tolist())


# Rows of 37: two whole blocks of 16 (vectorised) and a tail of 5 (scalar) each.
record('rows bits', lambda: bits(torch.atan2(Y, X)))
record('tiny and huge ratios bits', lambda: bits(torch.atan2(Y * 1e-4, X * 1e3)))
record('one row of 37 broadcast against a column', lambda: bits(torch.atan2(Y[:1], X[:, :1])))
record('non-contiguous operands bits', lambda: bits(torch.atan2(Y.t(), X.t())))
record('scalar x bits', lambda: bits(torch.atan2(Y, torch.tensor(0.75))))

ZEROS = [0.0, -0.0, 0.0, -0.0, 1.0, -1.0, float('inf'), float('-inf'), float('inf'), float('-inf'), 2.0, -3.0]
XS = [
    0.0,
    0.0,
    -0.0,
    -0.0,
    0.0,
    -0.0,
    float('inf'),
    float('inf'),
    float('-inf'),
    float('-inf'),
    float('inf'),
    float('-inf'),
]
record('signed zeros and infinities, scalar', lambda: bits(torch.atan2(torch.tensor(ZEROS), torch.tensor(XS))))
record(
    'signed zeros and infinities, vectorised',
    lambda: bits(torch.atan2(torch.tensor(ZEROS + ZEROS[:4]), torch.tensor(XS + XS[:4]))),
)
record('nan', lambda: torch.atan2(torch.tensor([float('nan'), 1.0]), torch.tensor([1.0, float('nan')])).isnan())
record('integers give float32', lambda: torch.atan2(torch.tensor([1, 2, -3]), torch.tensor([2, 2, 0])))
record('float64', lambda: torch.atan2(torch.tensor([1.0, -2.0], dtype=torch.float64), torch.tensor([0.5, 3.0])))
record('int with float64', lambda: torch.atan2(torch.tensor([1, 2]), torch.tensor([2.0, 1.0], dtype=torch.float64)))
record(
    'arctan2 and the method',
    lambda: [torch.arctan2(Y[0, :3], X[0, :3]), Y[0, :3].atan2(X[0, :3]), Y[0, :3].arctan2(X[0, :3])],
)


def inplace():
    y = Y[0, :5].clone()
    r = y.atan2_(X[0, :5])
    z = Y[1, :5].clone()
    z.arctan2_(X[1, :5])
    return [r is y, y, z]


record('atan2_ and arctan2_', inplace)


def out():
    o = torch.empty(3)
    r = torch.atan2(Y[0, :3], X[0, :3], out=o)
    return [r is o, o]


record('out=', out)


def grads():
    a = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    b = torch.tensor([[0.5], [3.0]], requires_grad=True)
    r = torch.atan2(a, b)
    (r * torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])).sum().backward()
    return [r, r.grad_fn.name(), a.grad, b.grad]


record('gradients to both broadcast inputs', grads)


def second_order():
    a = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    b = torch.tensor([0.5, 3.0, -1.0], requires_grad=True)
    ga, gb = torch.autograd.grad(torch.atan2(a, b).sum(), (a, b), create_graph=True)
    return [ga, gb, torch.autograd.grad((ga * gb).sum(), (a, b))]


record('second order', second_order)
record('python number other', lambda: torch.atan2(Y[0], 2.0))
record('python number input', lambda: torch.atan2(2.0, Y[0]))
record('method with a number', lambda: Y[0].atan2(2.0))
record('integer atan2_', lambda: torch.tensor([1, 2]).atan2_(torch.tensor([1, 1])))
record('shape mismatch', lambda: torch.atan2(torch.ones(2, 3), torch.ones(4)))
dump()
