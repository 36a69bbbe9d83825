#!/usr/bin/env python3
"""Writes test/unit/rng-state-torch113.json: torch.get_rng_state()'s bytes from real PyTorch 1.13 at points
where each field differs (fresh seed, mid-block, an exhausted block, a cached normal, a 64-bit seed) and the
draws that follow restoring them, which test/unit/rng-state.test.ts must reproduce byte for byte and bit for bit.

    /usr/bin/python3 test/unit/rng-state-fixture.py > test/unit/rng-state-torch113.json
"""

import json

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def T(t):
    return [float(v) if t.is_floating_point() else int(v) for v in t.reshape(-1).tolist()]


def continuation():
    """The draws after a restore, in this order (the test replays the same sequence)."""
    return {
        "rand_3": T(torch.rand(3)),
        "randn_5": T(torch.randn(5)),  # scalar Box-Muller: uses and leaves a cached value
        "randn_40": T(torch.randn(40)),  # the vectorised fill
        "randint_0_10_6": T(torch.randint(0, 10, (6,))),
        "randperm_8": T(torch.randperm(8)),
        "normal_4": T(torch.empty(4).normal_(1.0, 2.0)),
        "dropout_12": T(F.dropout(torch.ones(12), 0.5)),
        "multinomial_4": T(torch.multinomial(torch.tensor([0.1, 0.2, 0.7]), 4, True)),
    }


out = {"torch": torch.__version__, "states": {}}


def record(name, setup):
    setup()
    state = torch.get_rng_state()
    out["states"][name] = {"bytes": state.tolist(), "initial_seed": str(torch.initial_seed())}
    out["states"][name]["after"] = continuation()


record("fresh_seed_0", lambda: torch.manual_seed(0))
record("rand_5", lambda: (torch.manual_seed(0), torch.rand(5)))
record("cached_normal", lambda: (torch.manual_seed(5), torch.randn(3)))
record("exhausted_block", lambda: (torch.manual_seed(3), torch.rand(624)))
record("big_seed", lambda: (torch.manual_seed(2**40 + 17), torch.rand(700)))
record("negative_seed", lambda: (torch.manual_seed(-1), torch.randn(1)))

g = torch.Generator()
out["generator_default_state"] = g.get_state().tolist()
torch.manual_seed(2)
torch.randn(1)
legacy = torch.get_rng_state()[:5048].clone()
torch.set_rng_state(legacy)
out["legacy_5048"] = {
    "bytes": legacy.tolist(),
    "randn_2": T(torch.randn(2)),
    "state_after": torch.get_rng_state().tolist(),
}

errors = {}
for name, bad in [
    ("size_10", torch.zeros(10, dtype=torch.uint8)),
    ("zeros_5056", torch.zeros(5056, dtype=torch.uint8)),
]:
    try:
        torch.set_rng_state(bad)
    except Exception as e:
        errors[name] = f"{type(e).__name__}: {e}"
out["errors"] = errors

print(json.dumps(out))
