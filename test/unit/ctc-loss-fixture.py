#!/usr/bin/env python3
"""Writes test/unit/ctc-loss-torch113.json: what real PyTorch 1.13 gives for F.ctc_loss / nn.CTCLoss: losses
for padded and concatenated targets, every reduction, blank other than 0, repeated labels, empty targets,
inputs too short for their targets (inf, zero_infinity), unbatched input, float64, the gradients of the
log-probabilities (through log_softmax) and grad_fn names, and the argument errors.
test/unit/ctc-loss.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/ctc-loss-fixture.py > test/unit/ctc-loss-torch113.json
"""

import torch
import torch.nn.functional as F
from torch import nn

from fixture_cases import dump, record

torch.set_num_threads(1)


def case(T, N, C, targets, input_lengths, target_lengths, dtype=torch.float32, seed=0, **kwargs):
    def run():
        torch.manual_seed(seed)
        logits = torch.randn(T, N, C, dtype=dtype, requires_grad=True)
        lp = logits.log_softmax(2)
        loss = F.ctc_loss(lp, targets, input_lengths, target_lengths, **kwargs)
        loss.backward(torch.ones_like(loss) if loss.dim() else None)
        return [loss, loss.grad_fn.name(), logits.grad]

    return run


padded = torch.tensor([[1, 2, 2, 3], [3, 1, 0, 0], [2, 2, 2, 1]])
record('padded targets, mean', case(10, 3, 5, padded, (10, 8, 9), (4, 2, 4)))
record('padded targets, sum', case(10, 3, 5, padded, (10, 8, 9), (4, 2, 4), reduction='sum'))
record('padded targets, none', case(10, 3, 5, padded, (10, 8, 9), (4, 2, 4), reduction='none'))
record(
    'concatenated targets, tensor lengths',
    case(12, 2, 6, torch.tensor([1, 5, 5, 2, 3, 4, 4]), torch.tensor([12, 11]), torch.tensor([3, 4]), seed=1),
)
record('blank 4', case(8, 2, 5, torch.tensor([[0, 1, 1], [2, 3, 0]]), (8, 8), (3, 3), seed=2, blank=4))
record('empty target', case(6, 2, 4, torch.tensor([[1, 2], [0, 0]]), (6, 5), (2, 0), seed=3, reduction='none'))


def too_short():
    # The first item cannot emit 1, 1, 1 in 3 steps: its loss is inf and its gradient NaN (JSON has neither,
    # so they are recorded as flags beside the finite item).
    torch.manual_seed(4)
    logits = torch.randn(3, 2, 4, requires_grad=True)
    loss = F.ctc_loss(logits.log_softmax(2), torch.tensor([[1, 1, 1], [2, 3, 1]]), (3, 3), (3, 2), reduction='none')
    loss.sum().backward()
    return [loss.isinf(), loss[1], logits.grad.isnan(), logits.grad[:, 1]]


record('too short: inf', too_short)
record(
    'too short: zero_infinity',
    case(3, 2, 4, torch.tensor([[1, 1, 1], [2, 3, 1]]), (3, 3), (3, 2), seed=4, zero_infinity=True),
)
record('int32 targets', case(7, 2, 4, torch.tensor([[1, 2], [3, 3]], dtype=torch.int32), (7, 6), (2, 2), seed=5))
record('float64', case(9, 2, 5, torch.tensor([[1, 2, 3], [4, 4, 1]]), (9, 9), (3, 3), dtype=torch.float64, seed=6))
record('long sequence', case(40, 2, 8, torch.randint(1, 8, (2, 12)), (40, 33), (12, 10), seed=7))


def unbatched(reduction):
    def run():
        torch.manual_seed(8)
        logits = torch.randn(7, 5, requires_grad=True)
        loss = F.ctc_loss(logits.log_softmax(1), torch.tensor([1, 2, 1]), (7,), (3,), reduction=reduction)
        loss.backward()
        return [loss, loss.grad_fn.name(), logits.grad]

    return run


record('unbatched mean', unbatched('mean'))
record('unbatched none', unbatched('none'))


def module():
    torch.manual_seed(9)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    x = torch.randn(15, 4, 6).log_softmax(2).detach().requires_grad_()
    targets = torch.randint(1, 6, (4, 5), dtype=torch.long)
    loss = ctc(x, targets, torch.full((4,), 15, dtype=torch.long), torch.tensor([5, 3, 4, 1]))
    loss.backward()
    return [repr(ctc), repr(nn.CTCLoss(blank=3, reduction='sum')), loss, x.grad]


record('nn.CTCLoss', module)
LP = torch.randn(5, 2, 4).log_softmax(2)
record('blank out of range', lambda: F.ctc_loss(LP, torch.tensor([[1], [2]]), (5, 5), (1, 1), blank=4))
record('input_lengths size', lambda: F.ctc_loss(LP, torch.tensor([[1], [2]]), (5,), (1, 1)))
record('input length too long', lambda: F.ctc_loss(LP, torch.tensor([[1], [2]]), (6, 5), (1, 1)))
record('targets too narrow', lambda: F.ctc_loss(LP, torch.tensor([[1], [2]]), (5, 5), (2, 1)))
record('concatenated size', lambda: F.ctc_loss(LP, torch.tensor([1, 2, 3]), (5, 5), (1, 1)))
record(
    'float lengths',
    lambda: F.ctc_loss(LP, torch.tensor([[1], [2]]), torch.tensor([5.0, 5.0]), torch.tensor([1.0, 1.0])),
)
record('bad reduction', lambda: F.ctc_loss(LP, torch.tensor([[1], [2]]), (5, 5), (1, 1), reduction='avg'))

dump()
