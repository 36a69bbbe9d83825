#!/usr/bin/env python3
"""Writes test/unit/random-torch113.json: draws from real PyTorch 1.13 (CPU, the Debian python3-torch
build the golden set was made with) that test/unit/random.test.ts must reproduce bit for bit.

    /usr/bin/python3 test/unit/random-fixture.py > test/unit/random-torch113.json
"""

import json

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)


def T(t):
    return [float(v) if t.is_floating_point() else int(v) for v in t.reshape(-1).tolist()]


out = {"torch": torch.__version__}
torch.manual_seed(123)
out["randn_1003"] = T(torch.randn(1003))  # AVX2 fill with a recomputed tail of 16
out["randn_7"] = T(torch.randn(7))  # scalar Box-Muller, 4 pairs: caches one value
out["randn_3"] = T(torch.randn(3))  # starts with that cached value
out["normal_9"] = T(torch.empty(9).normal_(0.5, 2.3))
out["normal_37"] = T(torch.empty(37).normal_(-1.5, 0.7))
out["uniform_200"] = T(torch.empty(200).uniform_(-3.3, 7.1))
out["bernoulli_300"] = T(torch.empty(300).bernoulli_(0.3))
out["dropout_300"] = T(F.dropout(torch.ones(300), 0.2, True))
out["randint_big_20"] = T(torch.randint(-5, 2**33, (20,)))
out["randint_3_1000_50"] = T(torch.randint(3, 1000, (50,)))
out["randperm_100"] = T(torch.randperm(100))
out["random_int64_5"] = [str(int(torch.empty((), dtype=torch.int64).random_().item())) for _ in range(5)]
lin = nn.Linear(30, 20)
out["linear_30_20"] = {"weight": T(lin.weight), "bias": T(lin.bias)}
g = torch.Generator()
out["default_initial_seed"] = str(g.initial_seed())
g.manual_seed(2**40 + 17)
out["big_seed_rand_4"] = T(torch.rand(4, generator=g))
g.manual_seed(-1)
out["negative_seed_initial_seed"] = str(g.initial_seed())
out["negative_seed_rand_4"] = T(torch.rand(4, generator=g))
# DataLoader's RandomSampler: a seed from the global generator, then randperm on a fresh generator.
torch.manual_seed(0)
s = int(torch.empty((), dtype=torch.int64).random_().item())
g = torch.Generator()
g.manual_seed(s)
out["sampler_seed"] = str(s)
out["sampler_randperm_10"] = T(torch.randperm(10, generator=g))
# Categorical sampling: torch.multinomial's two CPU paths (without replacement: exponential_ noise, then argmax or
# topk; with replacement: a cumulative sum and a double uniform per sample), and exponential_ itself.
g = torch.Generator()
g.manual_seed(2147483647)
probs = torch.rand(5, 27, generator=g)
out["multinomial_probs"] = T(probs)
out["multinomial_1_replacement"] = T(torch.multinomial(probs, 1, replacement=True, generator=g))
out["multinomial_6_replacement"] = T(torch.multinomial(probs, 6, replacement=True, generator=g))
out["multinomial_1"] = T(torch.multinomial(probs, 1, generator=g))
out["multinomial_4"] = T(torch.multinomial(probs, 4, generator=g))
out["multinomial_f64_row_9"] = T(torch.multinomial(probs[0].double(), 9, True, generator=g))
out["exponential_40"] = T(torch.empty(40).exponential_(1.5, generator=g))
print(json.dumps(out))
