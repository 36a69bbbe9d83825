#!/usr/bin/env python3
"""Writes test/unit/tensordot-torch113.json: what real PyTorch 1.13 gives for torch.tensordot (int dims, dim
lists, a tensor of dims, dims=0, a size-1 contracted dim, gradients to both operands, the node of its result,
out=) and its errors. test/unit/tensordot.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/tensordot-fixture.py > test/unit/tensordot-torch113.json
"""

import torch

from fixture_cases import dump, record

torch.manual_seed(0)
A = torch.randn(3, 4, 5)
B = torch.randn(4, 5, 2)


def grads():
    a = A.clone().requires_grad_(True)
    b = B.clone().requires_grad_(True)
    r = torch.tensordot(a, b)
    (r * torch.tensor([[1.0, -2.0]])).sum().backward()
    return [r, r.grad_fn.name(), a.grad, b.grad]


record('default dims=2 with gradients', grads)
record('dim lists', lambda: torch.tensordot(A, B, dims=([1, 2], [0, 1])))
record('one pair', lambda: torch.tensordot(A, B, dims=([1], [0])))
record('negative dims in lists', lambda: torch.tensordot(A, B, dims=([-1], [1])))
record('dims=1', lambda: torch.tensordot(A, B.permute(1, 2, 0), dims=1))
record('dims=1, sizes differ', lambda: torch.tensordot(A, B.permute(2, 0, 1), dims=1))
record('dims=0 (outer product)', lambda: torch.tensordot(A[0, 0], B[0, 0], dims=0))
record('dims as a tensor', lambda: torch.tensordot(A, B, dims=torch.tensor([[1], [0]])))
record(
    'size-1 contracted dim',
    lambda: torch.tensordot(torch.ones(2, 1) * 2, torch.arange(12.0).view(3, 4), dims=([1], [0])),
)


def out():
    o = torch.empty(3, 2)
    r = torch.tensordot(A, B, out=o)
    return [r is o, o]


record('out=', out)
record('sizes differ', lambda: torch.tensordot(A, B, dims=([1], [1])))
record('negative int', lambda: torch.tensordot(A, B, dims=-1))
record('dim out of range', lambda: torch.tensordot(A, B, dims=4))
record('lists of different lengths', lambda: torch.tensordot(A, B, dims=([0, 1], [0])))
dump()
