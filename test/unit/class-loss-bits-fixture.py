#!/usr/bin/env python3
"""Writes test/unit/class-loss-bits-torch113.json: cross_entropy's and nll_loss's float32 loss and gradients
beyond the plain (N, C) case, each tensor as base64 of its float32 little-endian bytes (bit for bit, compact):
  - class-index targets with label_smoothing, with and without weight= and ignored positions, each reduction;
  - probability (soft) targets, with and without label_smoothing and weight=, the target's gradient too;
  - spatial inputs (N, C, d1, ...) with targets (N, d1, ...): 3-D, 4-D (nll_loss2d) and 5-D, with weight=,
    ignore_index and label_smoothing, for cross_entropy and for nll_loss after log_softmax.
test/unit/class-loss-bits.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/class-loss-bits-fixture.py > test/unit/class-loss-bits-torch113.json
"""

import base64
import struct

import torch
import torch.nn.functional as F

from fixture_cases import dump, record

REDUCTIONS = ['mean', 'sum', 'none']


def bits(t):
    values = t.detach().reshape(-1).tolist()
    return base64.b64encode(struct.pack(f'<{len(values)}f', *values)).decode()


def targets(shape, c, seed, ignore):
    g = torch.Generator().manual_seed(seed)
    t = torch.randint(0, c, shape, generator=g)
    if ignore is not None:
        t[torch.rand(shape, generator=g) < 0.25] = ignore
    return t


def index_case(shape, smoothing, weighted, ignore, nll=False):
    def run():
        torch.manual_seed(sum(shape) + int(smoothing * 100))
        c = shape[1] if len(shape) > 1 else shape[0]
        tshape = (shape[0],) + tuple(shape[2:]) if len(shape) > 1 else ()
        t = targets(tshape, c, 7, ignore)
        w = torch.rand(c) + 0.1 if weighted else None
        kw = {} if ignore is None else {'ignore_index': ignore}
        out = []
        for reduction in REDUCTIONS:
            x = (torch.randn(*shape) * 2).requires_grad_(True)
            if nll:
                loss = F.nll_loss(F.log_softmax(x, 1), t, weight=w, reduction=reduction, **kw)
            else:
                loss = F.cross_entropy(x, t, weight=w, reduction=reduction, label_smoothing=smoothing, **kw)
            loss.backward(torch.randn(loss.shape) * 1.5)
            out += [bits(loss), bits(x.grad)]
        return out

    return run


def prob_case(shape, smoothing, weighted):
    def run():
        torch.manual_seed(sum(shape) + 17)
        c = shape[1] if len(shape) > 1 else shape[0]
        w = torch.rand(c) + 0.1 if weighted else None
        out = []
        for reduction in REDUCTIONS:
            x = (torch.randn(*shape) * 2).requires_grad_(True)
            t = F.softmax(torch.randn(*shape), 1 if len(shape) > 1 else 0).requires_grad_(True)
            loss = F.cross_entropy(x, t, weight=w, reduction=reduction, label_smoothing=smoothing)
            loss.backward(torch.randn(loss.shape) * 1.5)
            out += [bits(loss), bits(x.grad), bits(t.grad)]
        return out

    return run


for shape in [(4, 3), (16, 10), (5, 17), (33, 8), (7,)]:
    for smoothing in [0.1, 0.25]:
        for weighted in [False, True]:
            for ignore in [None, 2]:
                if len(shape) == 1 and ignore is not None:
                    continue
                name = f'cross_entropy {list(shape)} label_smoothing={smoothing} weight={weighted} ignore={ignore}'
                record(name, index_case(shape, smoothing, weighted, ignore))
for shape in [(4, 3), (16, 10), (5, 17), (7,)]:
    for smoothing in [0.0, 0.2]:
        for weighted in [False, True]:
            name = f'cross_entropy probabilities {list(shape)} label_smoothing={smoothing} weight={weighted}'
            record(name, prob_case(shape, smoothing, weighted))
for shape in [(3, 5, 7), (2, 4, 3, 5), (2, 10, 4, 5), (2, 3, 2, 3, 4), (40, 6, 1, 1)]:
    for weighted in [False, True]:
        for ignore in [None, 1]:
            for smoothing in [0.0, 0.15]:
                name = f'cross_entropy {list(shape)} label_smoothing={smoothing} weight={weighted} ignore={ignore}'
                record(name, index_case(shape, smoothing, weighted, ignore))
            name = f'nll_loss {list(shape)} weight={weighted} ignore={ignore}'
            record(name, index_case(shape, 0.0, weighted, ignore, nll=True))
    record(f'cross_entropy probabilities {list(shape)}', prob_case(shape, 0.1, True))
dump()
