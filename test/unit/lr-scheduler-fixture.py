#!/usr/bin/env python3
"""Writes test/unit/lr-scheduler-torch113.json: the exact lr (and momentum) after each scheduler.step() of
every lr_scheduler kind in real PyTorch 1.13, as Python floats (repr round-trips them), on SGD with two
parameter groups; test/unit/lr-scheduler-torch.test.ts replays them through the engine's schedulers and
compares every double exactly (the conformance file prints fewer digits).

    /usr/bin/python3 test/unit/lr-scheduler-fixture.py > test/unit/lr-scheduler-torch113.json
"""

import json

import torch
from torch.optim import lr_scheduler as S

EPOCHS = 25

# name, constructor arguments after the optimizer (JSON-able), keyword arguments
CASES = [
    ("StepLR", [4], {"gamma": 0.7}),
    ("MultiStepLR", [[3, 7, 7, 15]], {"gamma": 0.3}),
    ("ExponentialLR", [0.93], {}),
    ("CosineAnnealingLR", [7], {"eta_min": 0.003}),
    ("CosineAnnealingLR", [10], {}),
    ("ConstantLR", [], {"factor": 0.25, "total_iters": 6}),
    ("LinearLR", [], {"start_factor": 0.05, "end_factor": 0.9, "total_iters": 9}),
    ("PolynomialLR", [], {"total_iters": 13, "power": 1.7}),
    ("PolynomialLR", [], {"total_iters": 8, "power": 2.0}),
    ("CosineAnnealingWarmRestarts", [3], {"T_mult": 2, "eta_min": 0.001}),
    ("CosineAnnealingWarmRestarts", [5], {}),
    ("CyclicLR", [0.01, 0.2], {"step_size_up": 4, "step_size_down": 3}),
    ("CyclicLR", [[0.01, 0.02], 0.3], {"step_size_up": 3, "mode": "triangular2", "base_momentum": 0.7}),
    ("CyclicLR", [0.005, 0.1], {"step_size_up": 5, "mode": "exp_range", "gamma": 0.97}),
    ("OneCycleLR", [0.4], {"total_steps": EPOCHS}),
    ("OneCycleLR", [[0.4, 0.2]], {"epochs": 5, "steps_per_epoch": 5, "anneal_strategy": "linear", "pct_start": 0.4}),
    ("OneCycleLR", [0.3], {"total_steps": EPOCHS, "three_phase": True, "div_factor": 10.0}),
]


def groups():
    a = torch.nn.Parameter(torch.zeros(2))
    b = torch.nn.Parameter(torch.zeros(3))
    return torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.05}], lr=0.1, momentum=0.9)


cases = []
for name, args, kwargs in CASES:
    opt = groups()
    sched = getattr(S, name)(opt, *args, **kwargs)
    lrs, momenta = [], []
    for _ in range(EPOCHS):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr())
        momenta.append([g["momentum"] for g in opt.param_groups])
    cases.append({"name": name, "args": args, "kwargs": kwargs, "lrs": lrs, "momenta": momenta})

print(json.dumps({"torch": torch.__version__, "epochs": EPOCHS, "cases": cases}))
