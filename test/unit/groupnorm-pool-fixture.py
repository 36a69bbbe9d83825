#!/usr/bin/env python3
"""Writes test/unit/groupnorm-pool-torch113.json: F.group_norm (with and without weight and bias, several group
counts, 2-D to 4-D input) and F.adaptive_max_pool2d (output sizes that divide the input and that do not) as real
PyTorch 1.13 (CPU, one thread) computes them: the inputs, the output, the gradients for a random output
gradient, the grad_fn name and (for the pooling) the indices. test/unit/groupnorm-pool.test.ts checks
src/engine/ops/groupnorm.ts and adaptiveMaxPool.ts against it.

    /usr/bin/python3 test/unit/groupnorm-pool-fixture.py > test/unit/groupnorm-pool-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(2033)
cases = []

for shape, groups, affine in (
    ((3, 6, 4, 5), 3, True),
    ((2, 4, 7), 2, False),
    ((2, 8), 4, True),
    ((2, 6, 3, 3), 1, True),
    ((1, 4, 20, 20), 4, True),
):
    x = (torch.randn(*shape, generator=g) * 2 + 0.5).requires_grad_()
    c = shape[1]
    w = (torch.rand(c, generator=g) + 0.5).requires_grad_() if affine else None
    b = torch.randn(c, generator=g).requires_grad_() if affine else None
    out = F.group_norm(x, groups, w, b, eps=1e-5)
    grad_out = torch.randn(out.shape, generator=g)
    out.backward(grad_out)
    cases.append(
        {
            'op': 'group_norm',
            'groups': groups,
            'x': enc(x),
            'w': enc(w) if affine else None,
            'b': enc(b) if affine else None,
            'out': enc(out),
            'grad_fn': out.grad_fn.name(),
            'grad_out': enc(grad_out),
            'gx': enc(x.grad),
            'gw': enc(w.grad) if affine else None,
            'gb': enc(b.grad) if affine else None,
        }
    )
for shape, size in (((2, 3, 6, 6), (2, 3)), ((1, 2, 5, 7), (3, 4)), ((3, 5, 4), (1, 1))):
    x = torch.randn(*shape, generator=g).requires_grad_()
    out, idx = F.adaptive_max_pool2d(x, size, return_indices=True)
    grad_out = torch.randn(out.shape, generator=g)
    out.backward(grad_out)
    cases.append(
        {
            'op': 'adaptive_max_pool2d',
            'size': list(size),
            'x': enc(x),
            'out': enc(out),
            'indices': [int(i) for i in idx.reshape(-1).tolist()],
            'grad_fn': out.grad_fn.name(),
            'grad_out': enc(grad_out),
            'gx': enc(x.grad),
        }
    )
print(json.dumps({'cases': cases}))
