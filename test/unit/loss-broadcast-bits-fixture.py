#!/usr/bin/env python3
"""Writes test/unit/loss-broadcast-bits-torch113.json: the pointwise losses (mse_loss, l1_loss, smooth_l1_loss,
huber_loss) with a target that broadcasts against the input (PyTorch warns, then broadcasts), each reduction:
the loss and both gradients, each tensor as base64 of its float32 little-endian bytes (bit for bit). The
gradients are summed back to each operand's shape in torch.sum's order; the target's is PyTorch's backward with
the operands swapped (+0, not -0, where input and target are equal: the last case).
test/unit/loss-broadcast-bits.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/loss-broadcast-bits-fixture.py > test/unit/loss-broadcast-bits-torch113.json
"""

import base64
import struct
import warnings

import torch
import torch.nn.functional as F

from fixture_cases import dump, record

warnings.simplefilter('ignore')


def bits(t):
    values = t.detach().reshape(-1).tolist()
    return base64.b64encode(struct.pack(f'<{len(values)}f', *values)).decode()


def case(fn, xs, ts, equal=False):
    def run():
        torch.manual_seed(len(xs) * 7 + len(ts))
        out = []
        for reduction in ['mean', 'sum', 'none']:
            x = (torch.randn(*xs) * 2).requires_grad_(True)
            t = (torch.randn(*ts) * 2).requires_grad_(True)
            if equal:
                with torch.no_grad():
                    t[::2] = x[::2]
            loss = fn(x, t, reduction=reduction)
            loss.backward(torch.randn(loss.shape))
            out += [bits(loss), bits(x.grad), bits(t.grad)]
        return out

    return run


LOSSES = [
    ('mse_loss', F.mse_loss),
    ('l1_loss', F.l1_loss),
    ('smooth_l1_loss', F.smooth_l1_loss),
    ('huber_loss', F.huber_loss),
]
SHAPES = [((37, 1), (37,)), ((50,), (1,)), ((9, 13), (13,)), ((3, 1, 21), (4, 1)), ((64, 1), (64,)), ((129, 1), (129,))]

for name, fn in LOSSES:
    for xs, ts in SHAPES:
        record(f'{name} {list(xs)} vs {list(ts)}', case(fn, xs, ts))
    record(f'{name} with equal values', case(fn, (40,), (40,), equal=True))
dump()
