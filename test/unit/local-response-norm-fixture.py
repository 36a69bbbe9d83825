#!/usr/bin/env python3
"""Writes test/unit/local-response-norm-torch113.json: what real PyTorch 1.13 gives for nn.LocalResponseNorm /
F.local_response_norm (AlexNet's settings on 4-D input, 3-D and 5-D input, even and odd sizes, gradients, the
repr, the error below 3 dims). test/unit/local-response-norm.test.ts runs this same file on our torch in
Pyodide and compares.

    /usr/bin/python3 test/unit/local-response-norm-fixture.py > test/unit/local-response-norm-torch113.json
"""

import torch
import torch.nn.functional as F
from torch import nn

from fixture_cases import dump, record

torch.manual_seed(0)
X4 = torch.randn(2, 6, 3, 3) * 3


def alexnet():
    x = X4.clone().requires_grad_(True)
    lrn = nn.LocalResponseNorm(size=5, alpha=0.0001, beta=0.75, k=2)
    y = lrn(x)
    (y * torch.linspace(-1, 1, y.numel()).view_as(y)).sum().backward()
    return [repr(lrn), y, y.grad_fn.name(), x.grad]


record("AlexNet's LocalResponseNorm on 4-D input, with gradients", alexnet)
record('3-D input, even size', lambda: F.local_response_norm(torch.randn(2, 5, 4), 4, alpha=0.01, beta=0.5))
record('5-D input', lambda: F.local_response_norm(torch.randn(1, 4, 2, 2, 2), 3))
record('defaults', lambda: [repr(nn.LocalResponseNorm(2)), nn.LocalResponseNorm(2)(X4)])
record('2-D input', lambda: F.local_response_norm(torch.randn(2, 3), 2))
dump()
