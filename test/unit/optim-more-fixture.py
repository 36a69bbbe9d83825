#!/usr/bin/env python3
"""Writes test/unit/optim-more-torch113.json: parameters after each of several steps of the optimizers added
after the first five (Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD, LBFGS) in real PyTorch 1.13 (CPU, one
thread, single-tensor code paths), with fixed gradients; test/unit/optim-more-torch.test.ts replays them.

    /usr/bin/python3 test/unit/optim-more-fixture.py > test/unit/optim-more-torch113.json

Sizes: 5 elements (PyTorch's scalar loop) and 37 (AVX2 vectors plus a scalar tail). Eight steps, so that
RAdam passes from its un-rectified start (rho_t <= 5) to the rectified rule. LBFGS cases use a closure
whose gradient is c * (p - b) (or c * (p - b) + p^3, with line_search_fn='strong_wolfe' too) element by
element (float32 ops that the test repeats exactly) and sizes below 32, where OpenBLAS's sdot sums float32
products in double.
"""

import json
import struct

import torch

torch.set_num_threads(1)
torch.manual_seed(4321)

SIZES = [5, 37]
STEPS = 8

CONFIGS = [
    ("Adadelta", {}),
    ("Adadelta", {"lr": 0.5, "rho": 0.8, "eps": 1e-5, "weight_decay": 0.01}),
    ("Adadelta", {"maximize": True}),
    ("Adamax", {}),
    ("Adamax", {"lr": 0.01, "betas": (0.8, 0.9), "weight_decay": 0.02, "maximize": True}),
    ("NAdam", {}),
    ("NAdam", {"lr": 0.01, "momentum_decay": 0.01, "weight_decay": 0.01}),
    ("RAdam", {}),
    ("RAdam", {"lr": 0.01, "betas": (0.8, 0.9), "weight_decay": 0.05}),
    ("Rprop", {}),
    ("Rprop", {"lr": 0.05, "etas": (0.3, 1.5), "step_sizes": (1e-3, 0.06), "maximize": True}),
    ("ASGD", {}),
    ("ASGD", {"lr": 0.05, "lambd": 0.01, "alpha": 0.5, "t0": 3, "weight_decay": 0.01}),
]

LBFGS_CONFIGS = [
    ("quadratic", {}),
    ("quadratic", {"lr": 0.8, "history_size": 3, "max_iter": 5}),
    ("quadratic", {"lr": 0.5, "max_iter": 4, "max_eval": 3}),
    ("quartic", {"line_search_fn": "strong_wolfe"}),
    ("quartic", {"lr": 1.5, "line_search_fn": "strong_wolfe", "max_iter": 6, "history_size": 3}),
    ("quartic", {"lr": 0.05, "line_search_fn": "strong_wolfe", "max_iter": 8}),
    ("quartic", {"lr": 0.7, "max_iter": 6}),
]


def shortest(v):
    """The shortest decimal that rounds back to the same float32 (the test rounds to float32 to compare)."""
    f32 = struct.unpack('f', struct.pack('f', v))[0]
    for digits in range(6, 10):
        text = '%.*g' % (digits, f32)
        if struct.unpack('f', struct.pack('f', float(text)))[0] == f32:
            return float(text)
    return f32


def values(t):
    return [shortest(x) for x in t.reshape(-1).tolist()]


def json_options(options):
    return {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}


cases = []
for n in SIZES:
    p0 = torch.randn(n)
    grads = [torch.randn(n) * (0.5 + k % 3) for k in range(STEPS)]
    for name, options in CONFIGS:
        p = torch.nn.Parameter(p0.clone())
        opt = getattr(torch.optim, name)([p], **options)
        after = []
        for g in grads:
            p.grad = g.clone()
            opt.step()
            after.append(values(p.detach()))
        cases.append(
            {
                "optimizer": name,
                "options": json_options(options),
                "param": values(p0),
                "grads": [values(g) for g in grads],
                "after": after,
            }
        )

lbfgs = []
for n in [5, 20]:
    p0 = torch.randn(n)
    b = torch.randn(n)
    c = torch.rand(n) * 3 + 0.1
    for kind, options in LBFGS_CONFIGS:
        p = torch.nn.Parameter(p0.clone())
        opt = torch.optim.LBFGS([p], **options)
        evals = [0]

        def closure():
            evals[0] += 1
            with torch.no_grad():
                diff = p - b
                if kind == "quadratic":
                    p.grad = diff * c
                    return (diff * diff * c).sum()
                # c (p - b)^2 / 2 + p^4 / 4: the gradient c (p - b) + p^3; the loss summed in double, in order,
                # so that the test can repeat it exactly (the line search compares losses).
                p.grad = diff * c + p * p * p
                terms = diff * diff * c * 0.5 + p * p * p * p * 0.25
                return sum(terms.tolist())

        after = []
        for _ in range(3):
            opt.step(closure)
            after.append(values(p.detach()))
        lbfgs.append(
            {
                "closure": kind,
                "options": json_options(options),
                "param": values(p0),
                "b": values(b),
                "c": values(c),
                "after": after,
                "evals": evals[0],
            }
        )

print(json.dumps({"torch": torch.__version__, "cases": cases, "lbfgs": lbfgs}, separators=(",", ":")))
