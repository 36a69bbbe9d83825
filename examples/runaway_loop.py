# This loop never ends on purpose: use Stop to end the run.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
x = torch.randn(16, 4)
y = x.sum(dim=1, keepdim=True)

step = 0
while True:
    loss = ((model(x) - y) ** 2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    step += 1
    if step % 10000 == 0:
        print(f"step {step}: loss {loss.item():.6f}")
