#!/usr/bin/env python3
"""Writes test/unit/batchnorm-running-torch113.json: BatchNorm's running statistics after several training
steps in real PyTorch 1.13, for [N, C] input (ATen's channels-last statistics), [N, C, L] and [N, C, H, W]
input (its contiguous ones), several momentums and momentum=None (the cumulative average). ATen updates the
running mean in float32 arithmetic and the running variance with a float32 quotient in double arithmetic:
the values are compared bit for bit. test/unit/batchnorm-running.test.ts runs this same file on our torch in
Pyodide (its seeded inputs are PyTorch's draws there too).

    /usr/bin/python3 test/unit/batchnorm-running-fixture.py > test/unit/batchnorm-running-torch113.json
"""

import torch

from fixture_cases import dump, record

CASES = [
    ((64, 16), 0.1),
    ((32, 8, 5), 0.3),
    ((128, 32), None),
    ((7, 3, 4, 4), 0.1),
    ((200, 10), 0.01),
    ((5, 4, 9), None),
    ((16, 6, 3, 3), 0.5),
    ((1000, 7), 0.1),
]


def running(shape, momentum):
    torch.manual_seed(len(shape) * 100 + shape[0])
    layer = (torch.nn.BatchNorm1d if len(shape) < 4 else torch.nn.BatchNorm2d)(shape[1], momentum=momentum)
    for _ in range(8):
        layer(torch.randn(*shape) * 2 - 0.5)
    return [layer.running_mean, layer.running_var, layer.num_batches_tracked]


for shape, momentum in CASES:
    record('%s momentum=%s' % (list(shape), momentum), lambda: running(shape, momentum))
dump()
