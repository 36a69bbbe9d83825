#!/usr/bin/env python3
"""Writes test/unit/yunjey-gaps-torch113.json: what real PyTorch 1.13 gives for what the conformance files
after yunjey/pytorch-tutorial (test/conformance/yunjey_*.py) and the mistakes learners make around them found
different in our torch: the deprecated `torch.nn.utils.clip_grad_norm` (its warning, then clip_grad_norm_'s
result); cross_entropy/nll_loss target checks in ATen's order (batch sizes first, so a language model's
un-flattened (B, T) target names them; then the target's rank or trailing shape, the dtype last; an integer
target of the input's shape fails as class probabilities); and batch_norm's per-tensor channel checks
(running_mean, running_var, weight, bias, each named) and the evaluation-mode ones; Embedding and
EmbeddingBag with max_norm (the rows looked up renormalised in place, as ATen's embedding_renorm_).
test/unit/yunjey-gaps.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/yunjey-gaps-fixture.py > test/unit/yunjey-gaps-torch113.json
"""

import torch

from fixture_cases import run_exec_cases

SETUP = '''
import warnings
import torch.nn.functional as F


def warned(make):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter('always')
        value = make()
    return [value, [f'{w.category.__name__}: {w.message}' for w in seen]]


def grads(scale):
    w = torch.tensor([3.0, 4.0], requires_grad=True)
    b = torch.tensor([12.0], requires_grad=True)
    (scale * (w.sum() + b.sum())).backward()
    return [w, b]


X4 = torch.arange(16.0).view(2, 4, 2) / 7
'''

CASES = [
    (
        'clip_grad_norm warns and clips',
        'ps = grads(1.0)\nresult = [warned(lambda: torch.nn.utils.clip_grad_norm(ps, 0.5)), ps[0].grad, ps[1].grad]',
    ),
    (
        'clip_grad_norm from clip_grad',
        'from torch.nn.utils.clip_grad import clip_grad_norm\nps = grads(2.0)\n'
        'result = [warned(lambda: clip_grad_norm(ps, 1.0, norm_type=1)), ps[0].grad]',
    ),
    ('ce (B, T) target', 'result = F.cross_entropy(torch.randn(20, 7), torch.randint(0, 7, (4, 5)))'),
    ('ce (N, K) target', 'result = F.cross_entropy(torch.randn(20, 7), torch.randint(0, 7, (20, 5)))'),
    ('ce float target other batch', 'result = F.cross_entropy(torch.randn(20, 7), torch.rand(4, 5))'),
    ('ce float target (N, K)', 'result = F.cross_entropy(torch.randn(20, 7), torch.rand(20, 5))'),
    ('ce float 1-D target other batch', 'result = F.cross_entropy(torch.randn(20, 7), torch.ones(4))'),
    ('ce float 1-D target', 'result = F.cross_entropy(torch.randn(3, 7), torch.ones(3))'),
    ('ce int32 target', 'result = F.cross_entropy(torch.randn(3, 7), torch.tensor([2, 1, 0]).int())'),
    ('ce 0-d target of a batch', 'result = F.cross_entropy(torch.randn(20, 7), torch.tensor(3))'),
    ('ce 1-D input, 1-D target', 'result = F.cross_entropy(torch.randn(7), torch.tensor([2]))'),
    ('ce 1-D input, 0-d target', 'result = F.cross_entropy(torch.zeros(7), torch.tensor(2))'),
    ('nll (B, T) target', 'result = F.nll_loss(torch.randn(20, 7), torch.randint(0, 7, (4, 5)))'),
    ('nll 1-D input, 1-D target', 'result = F.nll_loss(torch.randn(7), torch.tensor([2]))'),
    ('ce 3-D other batch', 'result = F.cross_entropy(torch.randn(2, 7, 3), torch.randint(0, 7, (4, 3)))'),
    ('ce 3-D other trailing', 'result = F.cross_entropy(torch.randn(2, 7, 3), torch.randint(0, 7, (2, 4)))'),
    ('ce 3-D float trailing', 'result = F.cross_entropy(torch.randn(3, 7, 2), torch.rand(3, 2))'),
    ('ce long one-hot', 'result = F.cross_entropy(torch.randn(2, 3), torch.eye(3)[:2].long())'),
    ('ce bool one-hot', 'result = F.cross_entropy(torch.randn(2, 3), torch.eye(3)[:2].bool())'),
    ('ce long 1-D of input shape', 'result = F.cross_entropy(torch.randn(7), torch.randint(0, 7, (7,)))'),
    ('ce float one-hot still fine', 'result = F.cross_entropy(torch.zeros(2, 3), torch.eye(3)[:2])'),
    ('bn wrong channels', 'result = torch.nn.BatchNorm2d(3)(X4.view(2, 4, 1, 2))'),
    ('bn1d wrong channels', 'result = torch.nn.BatchNorm1d(3)(X4[:, :, 0])'),
    ('bn affine=False', 'result = torch.nn.BatchNorm2d(3, affine=False)(X4.view(2, 4, 1, 2))'),
    ('bn no running stats', 'result = torch.nn.BatchNorm2d(3, track_running_stats=False)(X4.view(2, 4, 1, 2))'),
    ('bn eval wrong channels', 'result = torch.nn.BatchNorm2d(3).eval()(X4.view(2, 4, 1, 2))'),
    ('bn one value wrong channels', 'result = torch.nn.BatchNorm2d(3)(torch.ones(1, 4, 1, 1))'),
    ('F.batch_norm eval no stats', 'result = F.batch_norm(X4, None, None, training=False)'),
    ('F.batch_norm eval no var', 'result = F.batch_norm(X4, torch.zeros(4), None, training=False)'),
    ('F.batch_norm weight', 'result = F.batch_norm(X4, torch.zeros(4), torch.ones(4), torch.ones(3))'),
    ('F.batch_norm bias', 'result = F.batch_norm(X4, torch.zeros(4), torch.ones(4), torch.ones(4), torch.ones(5))'),
    ('F.batch_norm var', 'result = F.batch_norm(X4, torch.zeros(4), torch.ones(2), training=True)'),
    ('F.batch_norm train no stats', 'result = F.batch_norm(X4, None, None, training=True)'),
    (
        'Embedding max_norm',
        'torch.manual_seed(0)\nemb = torch.nn.Embedding(10, 3, max_norm=1.0)\nout = emb(torch.tensor([[1, 2], [1, 7]]))\n'
        'out.sum().backward()\nresult = [out, emb.weight, emb.weight.grad, emb.weight.norm(dim=1)]',
    ),
    (
        'Embedding max_norm norm_type 1',
        'torch.manual_seed(1)\nemb = torch.nn.Embedding(6, 4, max_norm=0.5, norm_type=1.0)\n'
        'result = [emb(torch.tensor([5, 0, 5])), emb.weight, repr(emb)]',
    ),
    (
        'F.embedding max_norm int32 indices',
        'torch.manual_seed(2)\nw = torch.randn(5, 2) * 3\nresult = [F.embedding(torch.tensor([4, 1]).int(), w, max_norm=2.0), w]',
    ),
    ('F.embedding max_norm float indices', 'result = F.embedding(torch.tensor([1.0]), torch.ones(3, 2), max_norm=1.0)'),
    (
        'EmbeddingBag max_norm',
        'torch.manual_seed(3)\nbag = torch.nn.EmbeddingBag(8, 3, mode="mean", max_norm=1.5)\n'
        'result = [bag(torch.tensor([[1, 2, 3], [3, 4, 1]])), bag.weight]',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch}, setup=SETUP)


if __name__ == '__main__':
    main()
