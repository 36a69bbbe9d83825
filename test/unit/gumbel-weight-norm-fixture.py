#!/usr/bin/env python3
"""Writes test/unit/gumbel-weight-norm-torch113.json: what real PyTorch 1.13 gives for F.gumbel_softmax
(seeded soft and straight-through hard samples, tau, dim, gradients) and nn.utils.weight_norm /
remove_weight_norm (parameters, the recomputed weight, gradients to weight_g and weight_v, errors).
test/unit/gumbel-weight-norm.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/gumbel-weight-norm-fixture.py > test/unit/gumbel-weight-norm-torch113.json
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import remove_weight_norm, weight_norm

from fixture_cases import dump, record

LOGITS = torch.tensor([[1.0, 0.5, -0.3, 2.0], [0.0, 0.0, 0.1, -1.0], [3.0, -2.0, 0.5, 0.5]])


def gumbel(**kwargs):
    def run():
        torch.manual_seed(7)
        logits = LOGITS.clone().requires_grad_()
        y = F.gumbel_softmax(logits, **kwargs)
        (y * torch.arange(12.0).view(3, 4)).sum().backward()
        return [y, y.grad_fn.name(), logits.grad]

    return run


record('gumbel_softmax default', gumbel())
record('gumbel_softmax tau=0.5', gumbel(tau=0.5))
record('gumbel_softmax hard', gumbel(hard=True))
record('gumbel_softmax hard tau=2 dim=0', gumbel(tau=2.0, hard=True, dim=0))


def weight_norm_linear():
    torch.manual_seed(0)
    lin = weight_norm(nn.Linear(3, 2))
    names = [n for n, _ in lin.named_parameters()]
    x = torch.tensor([[1.0, -1.0, 0.5]])
    y = lin(x)
    y.pow(2).sum().backward()
    return [repr(lin), names, lin.weight_g, lin.weight_v, lin.weight, y, lin.weight_g.grad, lin.weight_v.grad]


record('weight_norm on Linear', weight_norm_linear)


def weight_norm_conv(dim):
    def run():
        torch.manual_seed(1)
        conv = weight_norm(nn.Conv1d(2, 3, 2), dim=dim)
        with torch.no_grad():
            conv.weight_g.mul_(2.0)
        y = conv(torch.ones(1, 2, 4))
        y.sum().backward()
        return [list(conv.weight_g.shape), y, conv.weight_g.grad, conv.weight_v.grad]

    return run


record('weight_norm on Conv1d dim=0 after changing g', weight_norm_conv(0))
record('weight_norm on Conv1d dim=None', weight_norm_conv(None))
record('weight_norm on Conv1d dim=2', weight_norm_conv(2))


def remove():
    torch.manual_seed(2)
    lin = weight_norm(nn.Linear(2, 2))
    with torch.no_grad():
        lin.weight_g.fill_(3.0)
    remove_weight_norm(lin)
    return [[n for n, _ in lin.named_parameters()], lin.weight, type(lin.weight).__name__, len(lin._forward_pre_hooks)]


record('remove_weight_norm keeps the recomputed weight', remove)
record('weight_norm twice', lambda: weight_norm(weight_norm(nn.Linear(2, 2))))
record('remove_weight_norm without it', lambda: remove_weight_norm(nn.Linear(2, 2)))
record('weight_norm of bias', lambda: [n for n, _ in weight_norm(nn.Linear(2, 3), name='bias').named_parameters()])

dump()
