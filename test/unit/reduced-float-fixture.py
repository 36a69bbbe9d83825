"""Writes reduced-float-torch113.json: float32 values and what PyTorch 1.13 rounds them to as float16 and as
bfloat16 (Tensor.half() / .bfloat16()), with their 16-bit patterns, for test/unit/reduced-float.test.ts.
Run with Debian's python3 (python3-torch): /usr/bin/python3 test/unit/reduced-float-fixture.py"""

import json
import os

import torch

torch.manual_seed(0)
edges = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    65504.0,
    65519.99,
    65520.0,
    -65520.0,
    1e-8,
    2.0**-24,
    2.0**-25,
    2.0**-25 * 1.5,
    3 * 2.0**-26,
    2.0**-14,
    2.0**-14 * (1 - 2.0**-11),
    0.1,
    1 / 3,
    2049.0,
    2051.0,
    4097.0,
    1.0009765625,
    1.00048828125,
    1.00146484375,
    3.4e38,
    -3.4e38,
    1.00390625,
    1.01171875,
    float('inf'),
    float('-inf'),
]
values = torch.tensor(edges, dtype=torch.float32)
values = torch.cat([values, torch.randn(400) * 10, torch.randn(200) * 1e-5, torch.rand(200) * 70000])
half = values.half()
bf = values.bfloat16()


def plain(xs):
    # JSON has no infinities: they travel as strings.
    return [x if x not in (float('inf'), float('-inf')) else str(x) for x in xs]


out = {
    'values': plain(values.tolist()),
    'float16': plain(half.float().tolist()),
    'float16Bits': half.view(torch.int16).tolist(),
    'bfloat16': plain(bf.float().tolist()),
    'bfloat16Bits': bf.view(torch.int16).tolist(),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reduced-float-torch113.json'), 'w') as f:
    json.dump(out, f)
