#!/usr/bin/env python3
"""Writes test/unit/nlpbook-gaps-torch113.json: what real PyTorch 1.13 gives for what the "Natural Language
Processing with PyTorch" conformance files (test/conformance/nlpbook_*.py) met: torch.index_select's own
checks (a vector of int32 or int64 indices, no negative ones, and its two wordings of an index out of range),
and the class-weight checks of cross_entropy / nll_loss (a 1-D weight per class; inputs of 3+ dims go through
nll_loss2d, which counts elements only; class-probability targets prefix 'cross_entropy: '), and the order
of tied values' indices from topk (PyTorch's unstable std::nth_element / std::partial_sort / std::sort steps).
test/unit/nlpbook-gaps.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/nlpbook-gaps-fixture.py > test/unit/nlpbook-gaps-torch113.json
"""

import torch
import torch.nn.functional as F

from fixture_cases import run_exec_cases

X = 'x = torch.arange(24.0).view(2, 3, 4)\n'
LOGITS = 'x = torch.arange(15.0).view(3, 5) / 7\nt = torch.tensor([1, 0, 2])\n'

CASES = [
    ('index_select dim 1', X + 'result = torch.index_select(x, 1, torch.tensor([2, 0, 2]))'),
    ('index_select int32 index', X + 'result = x.index_select(2, torch.tensor([3, 1], dtype=torch.int32))'),
    ('index_select 0-d index', X + 'result = x.index_select(-1, torch.tensor(1))'),
    ('index_select empty index', X + 'result = x.index_select(0, torch.tensor([], dtype=torch.long))'),
    ('index_select negative index', X + 'result = x.index_select(0, torch.tensor([-1]))'),
    ('index_select dim 0 out of range', X + 'result = x.index_select(0, torch.tensor([0, 2]))'),
    ('index_select dim 1 out of range', X + 'result = x.index_select(1, torch.tensor([1, 5, 9]))'),
    ('index_select dim -1 of 2-D', 'result = torch.ones(2, 3).index_select(-1, torch.tensor([3]))'),
    ('index_select dim 2 out of range', X + 'result = x.index_select(2, torch.tensor([4]))'),
    ('index_select 1-D out of range', 'result = torch.arange(6).index_select(0, torch.tensor([6]))'),
    ('index_select float index', X + 'result = x.index_select(1, torch.tensor([1.0]))'),
    ('index_select 2-D index', X + 'result = x.index_select(1, torch.tensor([[1]]))'),
    ('index_select bad dim', X + 'result = x.index_select(3, torch.tensor([[1.5]]))'),
    (
        'index_select grad',
        X + 'w = x.clone().requires_grad_()\nw.index_select(1, torch.tensor([0, 0])).sum().backward()\nresult = w.grad',
    ),
    ('cross_entropy weight', LOGITS + 'result = F.cross_entropy(x, t, weight=torch.tensor([1.0, 2.0, 0.5, 1.0, 1.0]))'),
    ('cross_entropy short weight', LOGITS + 'result = F.cross_entropy(x, t, weight=torch.ones(4))'),
    ('cross_entropy 1-element weight', LOGITS + 'result = F.cross_entropy(x, t, weight=torch.ones(1))'),
    ('cross_entropy 2-D weight', LOGITS + 'result = torch.nn.CrossEntropyLoss(weight=torch.ones(5, 1))(x, t)'),
    ('nll_loss short weight', LOGITS + 'result = F.nll_loss(x, t, weight=torch.ones(3))'),
    (
        'nll_loss2d short weight',
        'result = F.nll_loss(torch.zeros(3, 5, 2), torch.zeros(3, 2, dtype=torch.long), weight=torch.ones(4))',
    ),
    (
        'nll_loss2d 2-D weight',
        'result = F.nll_loss(torch.zeros(3, 5, 2), torch.zeros(3, 2, dtype=torch.long), weight=torch.ones(5, 1))',
    ),
    ('cross_entropy probs short weight', LOGITS + 'result = F.cross_entropy(x, x.softmax(1), weight=torch.ones(4))'),
    ('cross_entropy probs 2-D weight', LOGITS + 'result = F.cross_entropy(x, x.softmax(1), weight=torch.ones(5, 1))'),
    # topk's CPU kernel (nth_element / partial_sort, then std::sort) is not stable: tied indices come in its order.
    ('topk ties', 'result = torch.topk(torch.tensor([[0.1, 0.5, 0.2, 0.2]]), k=3)'),
    ('topk ties unsorted', 'result = torch.tensor([1.0, 3, 3, 2, 3, 1, 3, 2]).topk(5, sorted=False)'),
    ('topk smallest ties', 'result = torch.tensor([2, 1, 1, 0, 2, 1, 0, 0, 1]).topk(4, largest=False)'),
    ('topk nan', "result = torch.tensor([1.0, float('nan'), 3, 3, float('nan'), 0]).topk(4)"),
    ('topk nan smallest', "result = torch.tensor([1.0, float('nan'), 3, 3, float('nan'), 0]).topk(5, largest=False)"),
    ('topk partial_sort path', 'result = (torch.arange(200) % 7).topk(3)'),
    ('topk long introsort', 'result = (torch.arange(300.0) * 37 % 11).topk(290)[1][:40]'),
    (
        'topk dim 1 with grad',
        'x = (torch.arange(30.0) % 4).view(2, 5, 3).requires_grad_()\nv, i = x.topk(3, dim=1)\n'
        'v.sum().backward()\nresult = [v, i, x.grad]',
    ),
    ('topk k out of range', 'result = torch.ones(3).topk(4)'),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch, 'F': F}, dtypes=True)


if __name__ == '__main__':
    main()
