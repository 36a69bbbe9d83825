#!/usr/bin/env python3
"""Writes test/unit/fractional-max-pool-torch113.json: F.fractional_max_pool2d and F.fractional_max_pool3d as
real PyTorch 1.13 (CPU) computes them for given random samples: batched and unbatched input, square and
rectangular kernels, output sizes from one window to one per position, ties and a NaN, samples where
float32 window starts differ from double ones; the inputs, the
samples, the output, the indices, the grad_fn name and the input gradient for a random output gradient. A
float64 case keeps its numbers as JSON doubles (its window starts are computed in double precision).
test/unit/fractional-max-pool.test.ts checks src/engine/ops/fractionalMaxPool.ts against it.

    /usr/bin/python3 test/unit/fractional-max-pool-fixture.py > test/unit/fractional-max-pool-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(1913)
cases = []


def case(dims, shape, kernel, size, dtype=torch.float32, edit=None, samples=None):
    x = torch.randn(*shape, generator=g, dtype=dtype)
    if edit is not None:
        edit(x)
    x.requires_grad_()
    batch = shape[0] if len(shape) == dims + 2 else 1
    if samples is None:
        samples = torch.rand(batch, shape[-dims - 1], dims, generator=g, dtype=dtype)
    pool = F.fractional_max_pool2d if dims == 2 else F.fractional_max_pool3d
    out, indices = pool(x, kernel, output_size=size, return_indices=True, _random_samples=samples)
    grad_out = torch.randn(out.shape, generator=g, dtype=dtype)
    out.backward(grad_out)
    exact = dtype == torch.float64

    def put(t):
        t = t.detach()
        return {'shape': list(t.shape), 'f64': t.flatten().tolist()} if exact else enc(t)

    cases.append(
        {
            'dims': dims,
            'kernel': list(kernel) if isinstance(kernel, tuple) else [kernel] * dims,
            'size': list(size) if isinstance(size, tuple) else [size] * dims,
            'x': put(x),
            'samples': put(samples),
            'out': put(out),
            'indices': indices.flatten().tolist(),
            'grad_fn': out.grad_fn.name(),
            'grad_out': put(grad_out),
            'gx': put(x.grad),
        }
    )


def ties_and_nan(x):
    x[0, 0, 1:4, 1:4] = 1.5  # equal maxima: the first in the window wins
    x[0, 1, 2, 3] = float('nan')  # a NaN wins every window it is in


case(2, (2, 3, 9, 8), 2, (4, 5))
case(2, (3, 7, 7), 3, 4)
case(2, (1, 2, 10, 6), (3, 2), (3, 5))
case(2, (2, 2, 6, 6), 2, 5, edit=ties_and_nan)
case(2, (1, 2, 5, 5), 2, (1, 4))
case(2, (1, 1, 12, 11), 2, (6, 5), dtype=torch.float64)
# Samples just below 0.5, where float32 window starts ([0, 3, 4] along 5 positions) differ from double ones.
near_half = torch.tensor([[[0.49999994, 0.49999997], [0.5, 0.49999994]]])
case(2, (1, 2, 5, 5), 1, 3, samples=near_half)
case(2, (1, 2, 5, 5), 1, 4, samples=near_half)
case(3, (1, 2, 6, 7, 8), 2, (3, 4, 5))
case(3, (2, 5, 6, 5), (1, 2, 3), (4, 3, 2))

print(json.dumps({'cases': cases}))
