# A full-batch tutorial as learners write it: 3000 two-feature points (two interleaved half-moons), an MLP
# 2-100-100-1 with tanh and relu, BCEWithLogits on the whole batch every step, SGD with momentum, timed inside
# the script. bench/full_batch.ts runs it through our CLI and with real PyTorch on one thread and parses the
# `full-batch:` line. No backward() shortcuts: zero_grad / forward / loss / backward / step.
import math
import time

import torch
import torch.nn as nn

torch.manual_seed(0)
n = 3000
t = torch.rand(n) * math.pi
upper = torch.stack([torch.cos(t), torch.sin(t)], 1)
lower = torch.stack([1 - torch.cos(t), 0.5 - torch.sin(t)], 1)
half = n // 2
x = torch.cat([upper[:half], lower[half:]]) + 0.1 * torch.randn(n, 2)
y = torch.cat([torch.zeros(half, 1), torch.ones(n - half, 1)])

model = nn.Sequential(nn.Linear(2, 100), nn.Tanh(), nn.Linear(100, 100), nn.ReLU(), nn.Linear(100, 1))
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
steps = 200
start = time.perf_counter()
for step in range(steps):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
elapsed = time.perf_counter() - start
print(f"full-batch: {steps} steps in {elapsed:.3f} s: {steps / elapsed:.1f} steps/s, final loss {loss.item():.4f}")
