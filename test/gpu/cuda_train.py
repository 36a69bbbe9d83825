"""A learner's CUDA training run for the GPU check of the Python backend (test/gpu/check.sh).

An MLP moved to the GPU with `.to('cuda')`, AdamW, a StepLR schedule and a fixed batch, timed inside the
script so that check.sh can compare it plain and under the probe. Without CUDA it runs on the CPU (the local
dry run of the checker: test/unit/pytorch-backend-probe.test.ts).
"""

import sys
import time

import torch
import torch.nn as nn

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(784, 1024),
    nn.ReLU(),
    nn.Linear(1024, 512),
    nn.ReLU(),
    nn.Linear(512, 10),
).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=100, gamma=0.5)
loss_fn = nn.CrossEntropyLoss()
x = torch.randn(512, 784, device=device)
y = torch.randint(0, 10, (512,), device=device)

start = time.perf_counter()
for step in range(steps):
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    if step % 100 == 0:
        print(f'step {step}: loss {loss.item():.4f}')
if device.type == 'cuda':
    torch.cuda.synchronize()
elapsed = time.perf_counter() - start
print(
    f'trained {steps} steps on {device} in {elapsed:.3f} s: {steps / elapsed:.0f} steps/s, final loss {loss.item():.4f}'
)
