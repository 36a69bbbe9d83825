"""Real PyTorch's element-wise ops on a 3000x100 float32 tensor, one thread: the other half of
bench/full_batch.ts's element-wise table. Prints one JSON object {op: best microseconds of one call}; the
ops and their inputs must stay those of ELEMENTWISE_OPS in bench/full_batch.ts."""

import json
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
x = torch.randn(3000, 100)
y = torch.randn(3000, 100)
b = torch.randn(100)
OPS = {
    "relu": lambda: torch.relu(x),
    "tanh": lambda: torch.tanh(x),
    "sigmoid": lambda: torch.sigmoid(x),
    "exp": lambda: torch.exp(x),
    "add": lambda: x + y,
    "mul": lambda: x * y,
    "affine (x * 2 + 1)": lambda: x * 2 + 1,
    "bias add (x + b)": lambda: x + b,
    "squared difference": lambda: (x - y) ** 2,
}
calls = int(sys.argv[1]) if len(sys.argv) > 1 else 40
best = {}
for _ in range(calls):
    for name, op in OPS.items():
        start = time.perf_counter()
        op()
        best[name] = min(best.get(name, 1e9), time.perf_counter() - start)
print(json.dumps({name: t * 1e6 for name, t in best.items()}))
