#!/usr/bin/env python3
"""Writes test/unit/optim-torch113.json: parameters after each of a few optimizer steps in real PyTorch 1.13
(CPU, one thread, default single-tensor code paths) with fixed gradients, for many optimizer configurations;
test/unit/optim-torch.test.ts replays them through the engine's optimizers.

    /usr/bin/python3 test/unit/optim-fixture.py > test/unit/optim-torch113.json

Sizes: 5 elements (below one AVX2 vector: PyTorch's scalar loop), 37 (vectors plus a scalar tail) and 300
(large enough for the engine's WebAssembly Adam kernel).
"""

import json
import struct

import torch

torch.set_num_threads(1)
torch.manual_seed(1234)

SIZES = [5, 37, 300]
STEPS = 4

CONFIGS = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.05, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.05, "momentum": 0.9}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.003}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "maximize": True}),
    ("Adam", {"lr": 0.01}),
    ("Adam", {"lr": 0.003, "weight_decay": 0.01}),
    ("Adam", {"lr": 0.01, "amsgrad": True}),
    ("Adam", {"lr": 0.01, "betas": (0.8, 0.95), "eps": 1e-6, "maximize": True}),
    ("AdamW", {"lr": 0.01}),
    ("AdamW", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}),
    ("RMSprop", {"lr": 0.01}),
    ("RMSprop", {"lr": 0.01, "weight_decay": 0.01}),
    ("RMSprop", {"lr": 0.01, "momentum": 0.9}),
    ("RMSprop", {"lr": 0.01, "centered": True, "momentum": 0.5}),
    ("Adagrad", {"lr": 0.1}),
    ("Adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.02, "initial_accumulator_value": 0.1}),
]


def shortest(v):
    """The shortest decimal that rounds back to the same float32 (keeps the file small; the test rounds
    each number to float32 before comparing bits)."""
    f32 = struct.unpack('f', struct.pack('f', v))[0]
    for digits in range(6, 10):
        text = '%.*g' % (digits, f32)
        if struct.unpack('f', struct.pack('f', float(text)))[0] == f32:
            return float(text)
    return f32


def values(t):
    return [shortest(x) for x in t.tolist()]


cases = []
for n in SIZES:
    p0 = torch.randn(n)
    grads = [torch.randn(n) * (0.5 + k) for k in range(STEPS)]
    for name, options in CONFIGS:
        if n > 256 and not name.startswith("Adam"):
            continue  # the large size exists for the WebAssembly Adam kernel
        p = torch.nn.Parameter(p0.clone())
        opt = getattr(torch.optim, name)([p], **options)
        after = []
        for g in grads:
            p.grad = g.clone()
            opt.step()
            after.append(values(p.detach()))
        json_options = {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}
        cases.append(
            {
                "optimizer": name,
                "options": json_options,
                "param": values(p0),
                "grads": [values(g) for g in grads],
                "after": after,
            }
        )

print(json.dumps({"torch": torch.__version__, "cases": cases}, separators=(",", ":")))
