#!/usr/bin/env python3
"""Writes test/unit/loss-grad-bits-torch113.json: float32 gradients of softmax, log_softmax and the losses a
training step backpropagates, each value as float.hex() so that the comparison is bit for bit:
  - softmax and log_softmax over the last dim and over another dim (their outputs too), for lengths below 8,
    between 8 and 16, above 16, not multiples of 8 or 16, and inner sizes on both sides of a vector of 8
    (inner positions outside whole vectors take glibc's expf, whose rare misroundings the last case meets);
  - cross_entropy and nll_loss over class indices, 'mean' and 'sum';
  - mse_loss, smooth_l1_loss, huber_loss (input and target) and binary_cross_entropy_with_logits (with and
    without weight and pos_weight) for 'mean', 'sum' and 'none', over sizes around blocks of 16;
  - kl_div (loss, input and target gradients) for each reduction, with and without log_target.
test/unit/loss-grad-bits.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/loss-grad-bits-fixture.py > test/unit/loss-grad-bits-torch113.json
"""

import torch
import torch.nn.functional as F

from fixture_cases import dump, record

LENGTHS = [1, 3, 7, 8, 9, 13, 16, 17, 31, 37, 64, 100]


def bits(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]


def softmax_case(log, shape, dim, seed):
    def run():
        torch.manual_seed(seed)
        x = (torch.randn(*shape) * 2).requires_grad_(True)
        y = F.log_softmax(x, dim) if log else F.softmax(x, dim)
        y.backward(torch.randn(y.shape))
        return [bits(y), bits(x.grad)]

    return run


def class_losses():
    torch.manual_seed(1)
    out = []
    for n, c in [(4, 3), (16, 10), (5, 17), (33, 8)]:
        target = torch.randint(0, c, (n,))
        for reduction in ['mean', 'sum']:
            x = torch.randn(n, c, requires_grad=True)
            (F.cross_entropy(x, target, reduction=reduction) * 1.5).backward()
            z = torch.randn(n, c, requires_grad=True)
            F.nll_loss(F.log_softmax(z, 1), target, reduction=reduction).backward()
            out += [bits(x.grad), bits(z.grad)]
    return out


def pointwise_losses(fn):
    def run():
        torch.manual_seed(2)
        out = []
        for n in [5, 16, 23, 64, 100]:
            for reduction in ['mean', 'sum', 'none']:
                x = (torch.randn(n) * 2).requires_grad_(True)
                t = (torch.randn(n) * 2).requires_grad_(True)
                loss = fn(x, t, reduction)
                loss.backward(torch.randn(loss.shape) * 3)
                out += [bits(x.grad), bits(t.grad)]
        return out

    return run


def bce_with_logits():
    torch.manual_seed(3)
    out = []
    for n in [5, 16, 23, 64]:
        for reduction in ['mean', 'sum', 'none']:
            for weighted in [False, True]:
                x = (torch.randn(n) * 3).requires_grad_(True)
                t = torch.rand(n)
                w = torch.rand(n) if weighted else None
                pw = torch.rand(n) * 2 if weighted else None
                loss = F.binary_cross_entropy_with_logits(x, t, weight=w, pos_weight=pw, reduction=reduction)
                loss.backward(torch.randn(loss.shape))
                out.append(bits(x.grad))
    return out


def kl_div():
    """kl_div's composite: the target's gradient adds three contributions in PyTorch's node order."""
    torch.manual_seed(4)
    out = []
    for reduction in ['batchmean', 'sum', 'mean', 'none']:
        for log_target in [False, True]:
            x = torch.randn(16, 10, requires_grad=True)
            y = torch.randn(16, 10, requires_grad=True)
            t = F.log_softmax(y, 1) if log_target else F.softmax(y, 1)
            loss = F.kl_div(F.log_softmax(x, 1), t, reduction=reduction, log_target=log_target)
            loss.backward(torch.randn(loss.shape))
            out += [bits(loss), bits(x.grad), bits(y.grad)]
    return out


for log in [False, True]:
    fn = 'log_softmax' if log else 'softmax'
    for k, n in enumerate(LENGTHS):
        record(f'{fn} over the last dim, length {n}', softmax_case(log, (3, n), 1, k))
    for k, (shape, dim) in enumerate(
        [((5, 7), 0), ((16, 37), 0), ((9, 20), 0), ((2, 13, 3), 1), ((3, 6, 1), 1), ((80, 40, 1), 1)]
    ):
        record(f'{fn} over dim {dim} of {list(shape)}', softmax_case(log, shape, dim, 100 + k))
record('cross_entropy and nll_loss', class_losses)
record('mse_loss', pointwise_losses(lambda x, t, r: F.mse_loss(x, t, reduction=r)))
record('smooth_l1_loss', pointwise_losses(lambda x, t, r: F.smooth_l1_loss(x, t, reduction=r, beta=0.7)))
record('huber_loss', pointwise_losses(lambda x, t, r: F.huber_loss(x, t, reduction=r, delta=1.3)))
record('binary_cross_entropy_with_logits', bce_with_logits)
record('kl_div', kl_div)
dump()
