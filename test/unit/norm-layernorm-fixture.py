#!/usr/bin/env python3
"""Writes test/unit/norm-layernorm-torch113.json: float32 rows and what real PyTorch 1.13 gives for their
2-norm (torch.norm over the last dim, the vectorised fast path) and for F.layer_norm with and without weight
and bias, as exact float32 values. test/unit/norm-layernorm.test.ts compares the engine bit for bit.

    /usr/bin/python3 test/unit/norm-layernorm-fixture.py > test/unit/norm-layernorm-torch113.json
"""

import json

import torch
import torch.nn.functional as F

torch.manual_seed(20261205)
norm_rows = []
for length in [1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 64, 100, 129, 257]:
    for _ in range(4):
        x = torch.randn(length) * torch.rand(length) * 100
        norm_rows.append({'x': x.tolist(), 'norm': x.norm().item()})

layer_rows = []
for length in [2, 3, 5, 8, 10, 21, 64, 130, 300]:
    for affine in (False, True):
        x = torch.randn(1, length) * 3 + 1
        w = torch.randn(length) if affine else None
        b = torch.randn(length) if affine else None
        y = F.layer_norm(x, [length], w, b, 1e-5)
        layer_rows.append(
            {
                'x': x.tolist(),
                'weight': None if w is None else w.tolist(),
                'bias': None if b is None else b.tolist(),
                'y': y.tolist(),
            }
        )

print(json.dumps({'torch': torch.__version__, 'norm': norm_rows, 'layer_norm': layer_rows}))
