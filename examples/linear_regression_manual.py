# Gradient descent written out by hand: autograd computes the gradients, we do the update ourselves.
import torch

torch.manual_seed(2)
x = torch.linspace(0, 1, 50).unsqueeze(1)
y = -1.5 * x + 0.7 + 0.02 * torch.randn(50, 1)

w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.5

for step in range(300):
    pred = x * w + b                     # forward
    loss = ((pred - y) ** 2).mean()      # loss
    loss.backward()                      # backward: fills w.grad and b.grad
    with torch.no_grad():                # update: no graph for the update itself
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    if step % 60 == 0:
        print(f"step {step}: loss {loss.item():.5f} w {w.item():.3f} b {b.item():.3f}")

print(f"learned y = {w.item():.3f}x + {b.item():.3f}")
