# Runtime benchmark: the tiny network (2-8-8-1, tanh, sigmoid output, BCE, batch 32, SGD lr 0.1) trained for
# 5000 steps, timed inside the script. Run by bench/run.ts through our CLI (`node dist/cli.js run ...`) and,
# when available, by real PyTorch (`python3 bench/tiny_train.py`); the last line is parsed.
import time

import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.rand(32, 2) * 2 - 1
y = (x[:, :1] * x[:, 1:] > 0).float()

model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

steps = 5000
start = time.perf_counter()
for step in range(steps):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
elapsed = time.perf_counter() - start

print(f"final loss {loss.item():.4f}")
print(f"{steps} steps in {elapsed:.3f} s: {steps / elapsed:.0f} steps/s")
