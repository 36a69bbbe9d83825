#!/usr/bin/env python3
"""Writes test/unit/norm-bits-torch113.json: float32 2-norms (torch.norm, Tensor.norm, torch.linalg.norm,
torch.linalg.vector_norm) and clip_grad_norm_'s total and clipped gradients, each tensor as base64 of its
float32 little-endian bytes so that the comparison is bit for bit:
  - dim=None over every length from 1 to 40 and longer ones (the vectorized rows of 8, their tail of groups
    of 4 and the last values), and over 2-D and 3-D tensors (one contiguous row);
  - dim over the last dims (one row per output), over a leading or middle dim, over dims of size 1, keepdim;
  - the input's gradient of a norm over all values and over the last dim;
  - clip_grad_norm_ on a small network after a backward pass: the total norm and the clipped gradients.
test/unit/norm-bits.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/norm-bits-fixture.py > test/unit/norm-bits-torch113.json
"""

import base64
import struct

import torch
import torch.nn as nn

from fixture_cases import dump, record

torch.set_num_threads(1)


def bits(t):
    values = t.detach().reshape(-1).tolist()
    return base64.b64encode(struct.pack(f'<{len(values)}f', *values)).decode()


def full_norms():
    torch.manual_seed(0)
    out = []
    for n in list(range(1, 41)) + [63, 64, 65, 100, 257, 1000, 4099, 40000]:
        x = torch.randn(n) * 3
        out += [bits(torch.norm(x)), bits(x.norm()), bits(torch.linalg.norm(x)), bits(x.norm(p='fro'))]
    for shape in [(3, 5), (7, 9), (4, 3, 11), (2, 5, 6)]:
        x = torch.randn(*shape)
        out += [bits(torch.norm(x)), bits(torch.linalg.vector_norm(x))]
    return out


def dim_norms():
    torch.manual_seed(1)
    out = []
    for n in list(range(1, 21)) + [30, 37, 100]:
        x = torch.randn(20, n) * 2
        out += [bits(x.norm(dim=1)), bits(torch.linalg.vector_norm(x, dim=-1)), bits(x.norm(dim=0))]
    x = torch.randn(4, 6, 13)
    for dim in [0, 1, 2, (1, 2), (0, 2), (0, 1), -1]:
        out += [bits(torch.norm(x, dim=dim)), bits(torch.linalg.norm(x, dim=dim, keepdim=True))]
    y = torch.randn(5, 1, 7)
    out += [bits(y.norm(dim=1)), bits(y.norm(dim=(1, 2))), bits(torch.randn(1).norm()), bits(torch.tensor(-2.5).norm())]
    return out


def norm_grads():
    torch.manual_seed(2)
    out = []
    for shape, dim in [((37,), None), ((6, 13), None), ((6, 13), 1), ((9, 5), 0)]:
        x = torch.randn(*shape, requires_grad=True)
        y = x.norm(dim=dim)
        y.backward(torch.randn(y.shape))
        out += [bits(y), bits(x.grad)]
    return out


def clip():
    torch.manual_seed(3)
    out = []
    for max_norm in [0.5, 100.0]:
        net = nn.Sequential(nn.Linear(13, 29), nn.Tanh(), nn.Linear(29, 3))
        loss = nn.functional.cross_entropy(net(torch.randn(17, 13)), torch.randint(0, 3, (17,)))
        loss.backward()
        total = nn.utils.clip_grad_norm_(net.parameters(), max_norm)
        out += [bits(total)] + [bits(p.grad) for p in net.parameters()]
    return out


def grad_fn_names():
    x = torch.randn(3, 4, 5, requires_grad=True)
    calls = [
        torch.norm(x),
        torch.norm(x, dim=1),
        torch.norm(x, dim=(1, 2)),
        x.norm(2, dim=(0, 2)),
        torch.linalg.norm(x),
        torch.linalg.vector_norm(x, dim=(0, 1)),
    ]
    return [y.grad_fn.name() for y in calls] + [bits(calls[2]), bits(calls[3])]


record('2-norm of all values', full_norms)
record('grad_fn names', grad_fn_names)
record('2-norm over dims', dim_norms)
record('2-norm gradients', norm_grads)
record('clip_grad_norm_', clip)
dump()
