#!/usr/bin/env python3
"""Writes test/unit/dist-torch113.json: what real PyTorch 1.13 gives for torch.dist / Tensor.dist (values,
the DistBackward0 node, gradients to both inputs with broadcasting, a zero distance, float64, second-order
gradients for p = 2, and other p). test/unit/dist.test.ts runs this same file on our torch in Pyodide
and compares.

    /usr/bin/python3 test/unit/dist-fixture.py > test/unit/dist-torch113.json
"""

import torch

from fixture_cases import dump, record

A = [[0.5, -1.0, 2.0, 0.25], [1.5, 0.0, -0.75, 3.0], [-2.0, 1.0, 0.5, -0.5]]
B = [1.0, -0.5, 0.0, 2.0]


def dist(p, dtype=torch.float32):
    def run():
        a = torch.tensor(A, dtype=dtype, requires_grad=True)
        b = torch.tensor(B, dtype=dtype, requires_grad=True)
        d = torch.dist(a, b, p)
        (3.0 * d).backward()
        return [d, d.grad_fn.name(), a.grad, b.grad]

    return run


record('dist p=2 broadcast', dist(2))
record('dist p=1 broadcast', dist(1))
record('dist p=2 float64', dist(2, torch.float64))
record('dist p=3 value', lambda: torch.dist(torch.tensor(A), torch.tensor(B), 3))


def second_order(p):
    def run():
        a = torch.tensor(A, requires_grad=True)
        b = torch.tensor(B, requires_grad=True)
        ga, gb = torch.autograd.grad(a.dist(b, p), (a, b), create_graph=True)
        return [ga, gb, torch.autograd.grad((ga * ga).sum() + gb.sum(), (a, b))]

    return run


record('dist p=2 second order', second_order(2))


def first_order_graph_p1():
    # PyTorch's second derivative of p = 1 is a tensor without storage (tolist() fails): only its first order.
    a = torch.tensor(A, requires_grad=True)
    b = torch.tensor(B, requires_grad=True)
    return list(torch.autograd.grad(a.dist(b, 1), (a, b), create_graph=True))


record('dist p=1 create_graph', first_order_graph_p1)


def zero():
    z = torch.zeros(2, 3, requires_grad=True)
    d = torch.dist(z, torch.zeros(3))
    d.backward()
    return [d, z.grad]


record('dist of equal tensors has a zero gradient', zero)
record('dist without grad', lambda: torch.tensor(A).dist(torch.tensor(B)))

dump()
