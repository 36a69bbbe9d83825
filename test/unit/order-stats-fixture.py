#!/usr/bin/env python3
"""Writes test/unit/order-stats-torch113.json: what real PyTorch 1.13 gives for the order statistics and
binning ops (kthvalue and mode with PyTorch's tie-breaking, cummax/cummin, logcumsumexp, quantile, histc,
searchsorted/bucketize, isin, unique over a dim, unique_consecutive, take_along_dim), torch.cdist (every p,
with gradients), F.cosine_similarity's graph, and the layout helpers (meshgrid 'xy', flip with several
dims, tensor_split, rot90, kron, block_diag, fill_diagonal_, combinations, tril_indices, promote_types).
test/unit/order-stats.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/order-stats-fixture.py > test/unit/order-stats-torch113.json
"""

import torch

from fixture_cases import run_exec_cases

TIES = 'v = torch.tensor([[2.0, 2.0, 1.0, 1.0, 3.0], [5.0, 1.0, 5.0, 2.0, 1.0]], requires_grad=True)\n'
LONG = 'torch.manual_seed(0)\nw = torch.randint(0, 4, (3, 40))\n'
NANS = "n = torch.tensor([1.0, float('nan'), 0.5, 3.0, float('nan')])\n"
PTS = 'a = torch.tensor([[0.0, 1.0, -1.0], [2.0, 2.0, 0.5]], requires_grad=True)\nb = torch.tensor([[1.0, 1.0, 1.0], [0.0, 3.0, -2.0], [4.0, 0.0, 0.5]], requires_grad=True)\n'

CASES = [
    (
        'kthvalue ties',
        TIES + 'r = v.kthvalue(2, dim=1)\nr.values.sum().backward()\nresult = [r.values, r.indices, v.grad]',
    ),
    ('kthvalue keepdim dim0', TIES + 'r = torch.kthvalue(v, 1, 0, keepdim=True)\nresult = [r.values, r.indices]'),
    ('kthvalue nan', NANS + 'result = [n.kthvalue(4), n.kthvalue(5).indices]'),
    ('kthvalue out of range', TIES + 'result = v.kthvalue(6)'),
    ('kthvalue repr', "result = repr(torch.tensor([3.0, 1.0, 2.0]).kthvalue(2))"),
    (
        'mode ties',
        TIES
        + 'r = v.mode(1)\nr.values.sum().backward()\nresult = [r.values, r.indices, v.grad, r.values.grad_fn.name()]',
    ),
    ('mode long rows', LONG + 'r = torch.mode(w, dim=1)\nresult = [r.values, r.indices, w.mode(0).indices]'),
    ('mode nan', NANS + 'result = [n.mode().values, n.mode().indices]'),
    ('mode empty', 'result = torch.empty(0).mode()'),
    ('cummax cummin', NANS + 'result = [n.cummax(0).values, n.cummax(0).indices, torch.cummin(n, 0).indices]'),
    (
        'cummax grad',
        TIES
        + 'r = v.cummax(1)\nr.values.sum().backward()\nresult = [r.values, r.indices, v.grad, r.values.grad_fn.name()]',
    ),
    ('logcumsumexp', TIES + 'y = torch.logcumsumexp(v, 1)\ny.sum().backward()\nresult = [y, v.grad]'),
    (
        'quantile modes',
        'x = torch.tensor([0.5, 9.0, 1.5, 2.5, -7.0, 3.0])\nresult = [x.quantile(q, interpolation=m) for q in (0.1, 0.5, 0.75) for m in ("linear", "lower", "higher", "midpoint", "nearest")]',
    ),
    (
        'quantile dims',
        TIES
        + 'result = [v.quantile(torch.tensor([0.25, 0.5]), dim=1, keepdim=True), torch.quantile(v, 0.3, dim=0), v.quantile(0.5, keepdim=True)]',
    ),
    ('quantile grad', TIES + 'q = v.quantile(0.4, dim=1)\nq.sum().backward()\nresult = [q, v.grad]'),
    ('quantile nan', NANS + 'result = n.quantile(0.5)'),
    ('quantile errors', 'result = torch.tensor([1.0, 2.0]).quantile(1.5)'),
    ('quantile int', 'result = torch.tensor([1, 2]).quantile(0.5)'),
    (
        'histc',
        'x = torch.tensor([1.0, 2.0, 1.0, 4.0, 2.5, -1.0, 7.0])\nresult = [torch.histc(x, bins=4, min=0, max=4), x.histc(3), torch.histc(torch.ones(3), bins=2)]',
    ),
    ('histc int', 'result = torch.histc(torch.tensor([1, 2]))'),
    (
        'searchsorted',
        'b = torch.tensor([0.0, 1.0, 2.5, 5.0])\nx = torch.tensor([[-1.0, 0.0, 1.0], [2.6, 5.0, 9.0]])\nresult = [torch.searchsorted(b, x), torch.searchsorted(b, x, right=True), torch.searchsorted(b, x, side="right"), torch.bucketize(x, b), torch.bucketize(x, b, right=True, out_int32=True), torch.searchsorted(b, 2.5)]',
    ),
    (
        'searchsorted rows',
        'result = torch.searchsorted(torch.tensor([[1, 3, 5], [2, 4, 6]]), torch.tensor([[3, 6], [1, 7]]))',
    ),
    (
        'isin',
        NANS
        + 'result = [torch.isin(n, torch.tensor([0.5, float("nan")])), torch.isin(torch.tensor([1, 2, 3]), torch.tensor([2]), invert=True)]',
    ),
    (
        'unique dim',
        'r = torch.tensor([[1, 2], [3, 4], [1, 2], [0, 9]])\nresult = [list(torch.unique(r, dim=0, return_inverse=True, return_counts=True)), torch.unique(r, dim=1)]',
    ),
    (
        'unique_consecutive',
        'x = torch.tensor([[1, 1, 2], [2, 3, 3]])\nresult = [list(torch.unique_consecutive(x, return_inverse=True, return_counts=True)), torch.unique_consecutive(torch.tensor([[1, 2], [1, 2], [0, 0]]), dim=0)]',
    ),
    (
        'take_along_dim',
        TIES
        + 'x = v.detach()\nresult = [torch.take_along_dim(x, x.argsort(1), dim=1), torch.take_along_dim(x, torch.tensor([[0], [4]]), 1), torch.take_along_dim(x, torch.tensor([7, 0]))]',
    ),
    (
        'diff prepend',
        'result = [torch.diff(torch.tensor([1.0, 4.0, 9.0]), prepend=torch.tensor([0.0]), append=torch.tensor([20.0])), torch.diff(torch.tensor([1, 4, 9, 16]), n=2)]',
    ),
    ('cdist p', PTS + 'result = [torch.cdist(a, b, p=p) for p in (0.0, 0.5, 1.0, 2.0, 3.0, float("inf"))]'),
    (
        'cdist grads',
        PTS
        + 'gs = []\nfor p in (0.5, 1.0, 2.0, 3.0, float("inf")):\n    a.grad = None\n    b.grad = None\n    torch.cdist(a, b, p=p).mul(torch.tensor([1.0, -2.0, 0.5])).sum().backward()\n    gs += [a.grad, b.grad]\nresult = gs',
    ),
    (
        'cdist batch',
        PTS
        + 'd = torch.cdist(a.unsqueeze(0).expand(2, 2, 3), b)\nd.sum().backward()\nresult = [d, a.grad, b.grad, d.grad_fn.name()]',
    ),
    (
        'cdist zero distance',
        'x = torch.zeros(2, 2, requires_grad=True)\nd = torch.cdist(x, torch.zeros(1, 2))\nd.sum().backward()\nresult = [d, x.grad]',
    ),
    ('cdist errors', 'result = torch.cdist(torch.ones(2, 3), torch.ones(2, 2))'),
    (
        'cosine_similarity graph',
        PTS
        + 'c = torch.nn.functional.cosine_similarity(a, b[:2])\nc.sum().backward()\nresult = [c, a.grad, c.grad_fn.name(), torch.nn.functional.cosine_similarity(torch.zeros(3), torch.ones(3), dim=0)]',
    ),
    (
        'matrix norms',
        PTS
        + 'result = [torch.linalg.matrix_norm(b, ord=o) for o in (1, -1, float("inf"), float("-inf"))] + [torch.linalg.matrix_norm(b.detach(), "fro"), torch.linalg.norm(b, ord=1, dim=(1, 0)), torch.linalg.matrix_norm(b, ord=1, keepdim=True)]',
    ),
    (
        'meshgrid xy',
        'X, Y = torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5]), indexing="xy")\nresult = [X, Y]',
    ),
    (
        'meshgrid ij',
        'X, Y, Z = torch.meshgrid(torch.tensor([1, 2]), torch.tensor([4, 5, 6]), torch.tensor([7]), indexing="ij")\nresult = [X, Y, Z]',
    ),
    (
        'flip dims',
        'x = torch.arange(6).reshape(2, 3)\nresult = [x.flip(0, 1), x.flip([1]), x.flip(dims=(0,)), x.flip(1)]',
    ),
    (
        'tensor_split',
        'x = torch.arange(10)\nresult = [list(torch.tensor_split(x, 4)), list(x.tensor_split([2, -3, 20])), list(torch.hsplit(torch.arange(12).reshape(2, 6), [1, 4]))]',
    ),
    ('hsplit error', 'result = torch.hsplit(torch.arange(6).reshape(2, 3), 2)'),
    (
        'rot90 kron block_diag',
        'x = torch.arange(6).reshape(2, 3)\nresult = [torch.rot90(x), x.rot90(3), torch.rot90(x, 2, [1, 0]), torch.kron(x, torch.eye(2, dtype=torch.int64)), torch.block_diag(torch.tensor(1), torch.tensor([2, 3]), torch.tensor([[4.5]]))]',
    ),
    (
        'fill_diagonal_',
        'a = torch.zeros(7, 3)\nb = torch.zeros(7, 3)\nresult = [a.fill_diagonal_(1.0, wrap=True), b.fill_diagonal_(2.0), torch.zeros(2, 2, 2).fill_diagonal_(5)]',
    ),
    (
        'combinations',
        'x = torch.tensor([1.0, 2.0, 3.0])\nresult = [torch.combinations(x), torch.combinations(x, r=3), torch.combinations(x, with_replacement=True), torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3, 4]))]',
    ),
    (
        'tril triu indices',
        'result = [torch.tril_indices(3, 4, 1), torch.triu_indices(4, 3, -1), torch.tril_indices(3, 3, -1)]',
    ),
    (
        'promote_types',
        'result = [str(torch.promote_types(torch.int32, torch.float32)), str(torch.promote_types(torch.uint8, torch.int8)), str(torch.promote_types(torch.bool, torch.int64))]',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch})


if __name__ == '__main__':
    main()
