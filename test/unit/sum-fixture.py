#!/usr/bin/env python3
"""Writes test/unit/sum-torch113.json: float32 sums and means as real PyTorch 1.13 (CPU, Debian
python3-torch) computes them, for the bit-exact summation order of src/engine/ops/cascadeSum.ts, the losses
reduced with it, and sigmoid/tanh with their gradients on small tensors (float32 step rounding). Each case
names a seed and a shape; test/unit/sum-order.test.ts draws the same input with the engine's
PyTorch-exact generator (checked by `in_fsum`, the exact sum of the input) and compares every output bit.

    /usr/bin/python3 test/unit/sum-fixture.py > test/unit/sum-torch113.json && npx prettier --write test/unit/sum-torch113.json
"""

import json
import math
import random

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
pick = random.Random(9)


def draw(seed, shape, scale):
    torch.manual_seed(seed)
    return torch.randn(shape) * scale


def values(t):
    return [float(v) for v in t.reshape(-1).tolist()]


def random_shape(ndim, limit):
    while True:
        shape = [pick.randint(1, 70 if ndim > 1 else limit) for _ in range(ndim)]
        if ndim == 3:
            shape = [pick.randint(1, 17) for _ in range(3)]
        if math.prod(shape) <= limit:
            return shape


def reduction_cases():
    cases = []
    seed = 1000
    sizes = list(range(1, 80)) + [pick.randint(80, 5000) for _ in range(60)] + [127, 128, 129, 256, 257, 4096, 5000]
    for n in sizes:
        seed += 1
        cases.append({"op": "sum", "seed": seed, "shape": [n], "dim": None, "scale": pick.choice([1, 3, 1e3])})
    for ndim, dims in [(2, [0, 1, None, [0, 1]]), (3, [0, 1, 2, [0, 2], [1, 2], [0, 1], None])]:
        for _ in range(60):
            seed += 1
            shape = random_shape(ndim, 5000)
            dim = pick.choice(dims)
            op = pick.choice(["sum", "mean"])
            cases.append({"op": op, "seed": seed, "shape": shape, "dim": dim, "scale": 2})
    # Column sums over many rows (a bias gradient over a full batch): the widest blocks of vectorized_outer_sum.
    for shape, dim in [
        ([3000, 100], 0),
        ([600, 64], 0),
        ([257, 40], 0),
        ([5000, 33], 0),
        ([129, 256], 0),
        ([3, 300, 40], 1),
        ([4, 500, 48], [0, 1]),
        ([2000, 1, 96], 0),
    ]:
        seed += 1
        cases.append({"op": "sum", "seed": seed, "shape": shape, "dim": dim, "scale": 2})
    for c in cases:
        x = draw(c["seed"], c["shape"], c["scale"])
        c["in_fsum"] = math.fsum(values(x))
        fn = torch.sum if c["op"] == "sum" else torch.mean
        c["out"] = values(fn(x) if c["dim"] is None else fn(x, c["dim"]))
    return cases


def loss_cases():
    cases = []
    seed = 5000
    for n in [1, 7, 8, 33, 100, 257, 1000, 3000]:
        for loss in ["mse_mean", "mse_sum", "l1_mean", "bce_mean"]:
            seed += 1
            x = draw(seed, [n, 1], 1)
            y = draw(seed + 100000, [n, 1], 1)
            if loss == "mse_mean":
                out = F.mse_loss(x, y)
            elif loss == "mse_sum":
                out = F.mse_loss(x, y, reduction="sum")
            elif loss == "l1_mean":
                out = F.l1_loss(x, y)
            else:
                torch.manual_seed(seed)
                x, y = torch.rand(n, 1), (y > 0).float()
                out = F.binary_cross_entropy(x, y)
            cases.append({"loss": loss, "seed": seed, "n": n, "out": float(out)})
    return cases


def activation_cases():
    """sigmoid and tanh on tensors under 16 elements (PyTorch's scalar path) and their gradients."""
    cases = []
    for n in range(1, 16):
        for fn in ["sigmoid", "tanh"]:
            seed = 9000 + n
            x = draw(seed, [n], 3).requires_grad_()
            g = draw(seed + 500, [n], 1)
            y = torch.sigmoid(x) if fn == "sigmoid" else torch.tanh(x)
            y.backward(g)
            cases.append({"fn": fn, "seed": seed, "n": n, "out": values(y.detach()), "grad": values(x.grad)})
    return cases


result = {"torch": torch.__version__, "reductions": reduction_cases(), "losses": loss_cases()}
result["activations"] = activation_cases()
print(json.dumps(result))
