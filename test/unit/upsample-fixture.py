#!/usr/bin/env python3
"""Writes test/unit/upsample-torch113.json: F.interpolate (nearest, bilinear with and without align_corners,
by size and by scale factor), F.max_unpool2d after F.max_pool2d(return_indices=True), F.pixel_shuffle and
F.pixel_unshuffle as real PyTorch 1.13 (CPU, one thread) computes them: the input, the options, the output, the
gradient of the input for a random output gradient and the grad_fn name. test/unit/upsample.test.ts checks
src/engine/ops/upsample.ts against it.

    /usr/bin/python3 test/unit/upsample-fixture.py > test/unit/upsample-torch113.json
"""

import json

import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(2032)
cases = []


def case(op, x, options, fn, extra=None):
    leaf = x.clone().requires_grad_(True)
    out = fn(leaf)
    grad_out = torch.randn(out.shape, generator=g)
    out.backward(grad_out)
    item = {
        'op': op,
        'x': enc(x),
        'options': options,
        'out': enc(out),
        'grad_fn': out.grad_fn.name(),
        'grad_out': enc(grad_out),
        'grad': enc(leaf.grad),
    }
    if extra:
        item.update(extra)
    cases.append(item)


x = torch.randn(2, 3, 4, 5, generator=g)
for size, scale in (
    ((8, 10), None),
    ((5, 7), None),
    ((3, 2), None),
    ((4, 5), None),
    (None, 2.0),
    (None, 1.5),
    (None, (3.0, 0.5)),
    (None, 2.5),
):
    if size is not None:
        out_size = list(size)
        scales = None
    else:
        pair = scale if isinstance(scale, tuple) else (scale, scale)
        out_size = [int(x.shape[2] * pair[0]), int(x.shape[3] * pair[1])]
        scales = list(pair)
    options = {'size': out_size, 'scales': scales}
    case('nearest', x, options, lambda t: F.interpolate(t, size=size, scale_factor=scale, mode='nearest'))
    for align in (False, True):
        if align and scale is not None and size is None and isinstance(scale, tuple):
            continue
        case(
            'bilinear',
            x,
            {**options, 'align_corners': align},
            lambda t: F.interpolate(t, size=size, scale_factor=scale, mode='bilinear', align_corners=align),
        )
for r in (2, 3):
    case('pixel_shuffle', torch.randn(2, 2 * r * r, 3, 2, generator=g), {'r': r}, lambda t: F.pixel_shuffle(t, r))
    case('pixel_unshuffle', torch.randn(2, 2, 3 * r, 2 * r, generator=g), {'r': r}, lambda t: F.pixel_unshuffle(t, r))
case('pixel_shuffle', torch.randn(8, 2, 3, generator=g), {'r': 2}, lambda t: F.pixel_shuffle(t, 2))
for shape, k, stride, size in (((2, 3, 4, 6), 2, 2, None), ((1, 2, 5, 5), 2, 2, [5, 5]), ((1, 2, 6, 6), 3, 2, [6, 6])):
    v = torch.randn(*shape, generator=g)
    vals, idx = F.max_pool2d(v, k, stride, return_indices=True)
    out_size = list(size) if size else [(vals.shape[2] - 1) * stride + k, (vals.shape[3] - 1) * stride + k]
    case(
        'max_unpool2d',
        vals,
        {'size': out_size},
        lambda t: F.max_unpool2d(t, idx, k, stride, output_size=size),
        {'indices': [int(i) for i in idx.reshape(-1).tolist()]},
    )
print(json.dumps({'cases': cases}))
