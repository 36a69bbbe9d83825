#!/usr/bin/env python3
"""Writes test/unit/format-torch113.json: what real PyTorch 1.13 (CPU, Debian python3-torch) prints for
many tensors and print options; test/unit/format.test.ts must reproduce every string exactly.

    /usr/bin/python3 test/unit/format-fixture.py > test/unit/format-torch113.json
"""

import json
import math

import torch
import torch.nn as nn

torch.set_num_threads(1)


def enc(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        if v == 0 and math.copysign(1.0, v) < 0:
            return "-0"
    return v


DTYPES = {torch.float32: "float32", torch.int64: "int64", torch.bool: "bool"}
cases = []


def case(name, t, opts=None, parameter=False):
    torch.set_printoptions(profile="default")
    if opts:
        torch.set_printoptions(**opts)
    text = repr(t)
    torch.set_printoptions(profile="default")
    cases.append(
        {
            "name": name,
            "shape": list(t.shape),
            "dtype": DTYPES[t.dtype],
            "data": [enc(v) for v in t.detach().reshape(-1).tolist()],
            "requires_grad": bool(t.requires_grad),
            "grad_fn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
            "parameter": parameter,
            "opts": opts or {},
            "expected": text,
        }
    )


g = torch.Generator().manual_seed(0)
randn = lambda *s, scale=1.0: torch.randn(*s, generator=g) * scale

case("sigmoid values", torch.tensor([0.1192, 0.3775, 0.5, 0.6225, 0.8808]))
case("mixed signs", torch.tensor([-0.9640, -0.4621, 0.0, 0.4621, 0.9640]))
case("zeros and fractions", torch.tensor([0.0, 0.0, 0.0, 0.5, 2.0]))
case("0-d almost one", torch.tensor(0.99999994))
case("0-d one", torch.tensor(1.0))
case("0-d zero", torch.tensor(0.0))
case("0-d negative zero", torch.tensor(-0.0))
case("0-d fraction", torch.tensor(2.5))
case("0-d nan", torch.tensor(float("nan")))
case("0-d -inf", torch.tensor(float("-inf")))
case("0-d tiny", torch.tensor(3e-7))
case("0-d huge", torch.tensor(3e9))
case("0-d int64", torch.tensor(7))
case("0-d bool", torch.tensor(True))
case("int mode column", torch.tensor([[0.0], [1.0], [1.0], [0.0]]))
case("int mode negative", torch.tensor([-3.0, 0.0, 12.0, -0.0]))
case("int mode wide range goes scientific", torch.tensor([1.0, 10000.0]))
case("int mode above 1e8", torch.tensor([2.0, 3e8]))
case("small values scientific", torch.tensor([1e-5, 0.5, 0.25]))
case("ratio above 1000 scientific", torch.tensor([0.001, 2.5]))
case("large non-integers", torch.tensor([123456.7, 0.5]))
case("nan and inf mixed", torch.tensor([1.5, float("nan"), float("inf"), -float("inf"), 0.0]))
case("only nonfinite", torch.tensor([float("nan"), float("inf")]))
case("all zeros", torch.zeros(2, 3))
case("negative zero vector", torch.tensor([-0.0, 0.5, -0.25]))
case("exact ties", torch.tensor([0.03125, 0.09375, 2.5, -0.15625]))
case("rounding up to next integer", torch.tensor([9.99996, 0.5]))
case("randn 3x4", randn(3, 4))
case("randn 2x3x4", randn(2, 3, 4))
case("randn 2x2x2x3", randn(2, 2, 2, 3))
case("randn vector that wraps", randn(30))
case("randn matrix whose rows wrap", randn(3, 15))
case("scientific vector that wraps", randn(20, scale=1e-6))
case("scientific with large", torch.tensor([1.5e10, -2.25e-3, 7.0]))
case("int64 vector", torch.tensor([5, 7, -12, 0]))
case("int64 wraps", torch.arange(-20, 40))
case("int64 large", torch.tensor([2**40, -(2**50), 3]))
case("int64 matrix", torch.tensor([[1, 20], [300, -4]]))
case("bool vector", torch.tensor([True, False, True]))
case("bool matrix", torch.tensor([[True], [False]]))
case("empty", torch.tensor([]))
case("empty int64", torch.tensor([], dtype=torch.int64))
case("empty bool", torch.tensor([], dtype=torch.bool))
case("empty 0x3", torch.zeros(0, 3))
case("empty int64 2x0x4", torch.zeros(2, 0, 4, dtype=torch.int64))
case("summarised vector", randn(1100))
case("summarised matrix", randn(40, 30))
case("summarised 3-d", randn(7, 8, 20))
case("summarised int mode", torch.arange(1500.0))
case("summarised int64", torch.arange(1500))
case("summarised bool", torch.arange(1200) % 3 == 0)
case("summarised with small leading dim", randn(2, 600))
case("ones 1001", torch.ones(1001))
case("exactly threshold", randn(1000))
case("requires grad vector", torch.tensor([3.0270, -1.9999], requires_grad=True))
case("requires grad 0-d", torch.tensor(2.0, requires_grad=True))
w = torch.tensor(
    [
        [-0.5, 0.25, 1.5, -2.0],
        [0.1, 0.2, 0.3, 0.4],
        [1.0, -1.0, 0.5, 0.75],
        [0.0, 0.125, -0.375, 2.0],
        [0.6, -0.7, 0.8, -0.9],
        [1.1, 1.2, -1.3, 1.4],
    ],
    requires_grad=True,
)
x = torch.tensor([[1.5, -2.0, 0.5, 1.0]])
b = torch.tensor([0.1, -0.2, 0.3, -0.4, 0.5, -0.6], requires_grad=True)
case("addmm grad_fn wraps", torch.addmm(b, x, w.t()))
case("grad_fn fits on the line", torch.tensor([1.0, 2.0], requires_grad=True) * 2)
case("0-d grad_fn", (torch.tensor([1.0, 2.0], requires_grad=True) ** 2).mean())
case("matrix grad_fn", torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True).relu())
case("long grad_fn after wrapped rows", (randn(2, 14).requires_grad_() * 3).sigmoid())
lin = nn.Linear(4, 3)
with torch.no_grad():
    lin.weight.copy_(randn(3, 4))
    lin.bias.copy_(randn(3))
case("parameter weight", lin.weight, parameter=True)
case("parameter bias", lin.bias, parameter=True)
case("parameter wide row", nn.Parameter(randn(1, 9)), parameter=True)
case("precision 2", randn(5), {"precision": 2})
case("precision 0 ties", torch.tensor([0.5, 1.5, 2.5, 3.25]), {"precision": 0})
case("precision 1 ties", torch.tensor([0.25, 0.75, 0.125, 1e-6]), {"precision": 1})
case("precision 8", randn(4), {"precision": 8})
case("sci_mode off", torch.tensor([1e-5, 0.5]), {"sci_mode": False})
case("sci_mode off huge", torch.tensor([3.5e25, 1.0]), {"sci_mode": False})
case("sci_mode on", torch.tensor([1.5, 2.25]), {"sci_mode": True})
case("sci_mode on int mode", torch.tensor([1.0, 2.0]), {"sci_mode": True})
case("sci_mode on zeros", torch.zeros(3), {"sci_mode": True})
case("linewidth 40", randn(4, 9), {"linewidth": 40})
case("threshold 5 edgeitems 2", torch.arange(10), {"threshold": 5, "edgeitems": 2})
case("threshold 5 edgeitems 1 matrix", randn(4, 4), {"threshold": 5, "edgeitems": 1})
case("profile short", randn(3, 3), {"profile": "short"})
case("profile full", torch.arange(1500.0).reshape(30, 50), {"profile": "full"})
case("narrow linewidth one per line", randn(5), {"linewidth": 10})
print(json.dumps({"torch": torch.__version__, "cases": cases}))
