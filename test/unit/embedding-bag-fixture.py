#!/usr/bin/env python3
"""Writes test/unit/embedding-bag-torch113.json: what real PyTorch 1.13 gives for nn.EmbeddingBag and
F.embedding_bag: modes sum, mean and max with and without padding_idx (empty bags, repeated indices), the
weight gradients, 2-D input, per_sample_weights (values and both gradients), include_last_offset,
from_pretrained, reprs, grad_fn names and the argument errors.
test/unit/embedding-bag.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/embedding-bag-fixture.py > test/unit/embedding-bag-torch113.json
"""

import torch
from torch import nn
from torch.nn import functional as F

from fixture_cases import dump, record


def bags(mode, padding_idx):
    torch.manual_seed(0)
    m = nn.EmbeddingBag(10, 3, mode=mode, padding_idx=padding_idx)
    inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9, 2, 2])
    out = m(inp, torch.tensor([0, 4, 4, 8]))
    (out * torch.arange(12.0).view(4, 3)).sum().backward()
    fixed = m(torch.tensor([[1, 2, 3], [4, 2, 1]]))
    return [repr(m), out, out.grad_fn.name(), m.weight.grad, fixed]


for mode in ['sum', 'mean', 'max']:
    for padding_idx in [None, 2]:
        record(f'mode={mode} padding_idx={padding_idx}', lambda: bags(mode, padding_idx))


def weighted():
    torch.manual_seed(1)
    m = nn.EmbeddingBag(6, 4, mode='sum')
    w = torch.rand(5, requires_grad=True)
    out = m(torch.tensor([0, 1, 1, 3, 5]), torch.tensor([0, 2]), per_sample_weights=w)
    out.pow(2).sum().backward()
    return [out, w.grad, m.weight.grad]


record('per_sample_weights', weighted)
record(
    'include_last_offset',
    lambda: (
        nn.EmbeddingBag(5, 2, include_last_offset=True)(torch.tensor([1, 2, 3, 4]), torch.tensor([0, 1, 4])) * 0 + 1
    ),
)


def pretrained():
    pre = nn.EmbeddingBag.from_pretrained(torch.arange(12.0).view(4, 3), mode='max')
    return [repr(pre), pre.weight.requires_grad, pre(torch.tensor([[0, 3], [1, 2]]))]


record('from_pretrained', pretrained)


def wide_mean():
    torch.manual_seed(2)
    x = torch.randn(20, 8)
    return F.embedding_bag(torch.tensor([0, 5, 7, 19, 3, 3, 3]), x, torch.tensor([0, 3]))


record('F.embedding_bag mean of seven rows', wide_mean)

weight = torch.randn(5, 2)
ERRORS = {
    'index out of range': dict(input=torch.tensor([1, 7]), offsets=torch.tensor([0])),
    'offsets[0] not 0': dict(input=torch.tensor([1, 2]), offsets=torch.tensor([1])),
    'offsets past the end': dict(input=torch.tensor([1, 2]), offsets=torch.tensor([0, 3])),
    '2-D input with offsets': dict(input=torch.tensor([[1, 2]]), offsets=torch.tensor([0])),
    'float indices': dict(input=torch.tensor([1.0, 2.0]), offsets=torch.tensor([0])),
    '1-D input without offsets': dict(input=torch.tensor([1, 2])),
    'per_sample_weights with mean': dict(
        input=torch.tensor([1, 2]), offsets=torch.tensor([0]), per_sample_weights=torch.ones(2)
    ),
    'unknown mode': dict(input=torch.tensor([1, 2]), offsets=torch.tensor([0]), mode='avg'),
}
for name, kwargs in ERRORS.items():
    record(f'error: {name}', lambda: F.embedding_bag(weight=weight, **kwargs))

dump()
