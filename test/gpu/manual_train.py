"""A learner's loop with a hand-written update on the device, for the GPU check (test/gpu/check.sh): no
optimizer, `with torch.no_grad(): p -= lr * p.grad` for the model's parameters and `b.data.sub_(...)` for a
loose tensor. The probe must see each step's update (update ratios; in step mode a pause after it). Without
CUDA it runs on the CPU.
"""

import sys

import torch
import torch.nn as nn

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 50
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 128), nn.Tanh(), nn.Linear(128, 1)).to(device)
x = torch.randn(256, 64, device=device)
y = x[:, :1] * 0.5 - x[:, 1:2]
lr = 0.05
for step in range(steps):
    loss = nn.functional.mse_loss(model(x), y)
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad
    if step % 10 == 0:
        print(f'step {step}: loss {loss.item():.4f}')
print(f'trained {steps} steps by hand on {device}, final loss {loss.item():.4f}')
