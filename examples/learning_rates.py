# The same model with three learning rates: too small creeps, about right converges, too large diverges.
import torch
import torch.nn as nn

X = torch.linspace(-1, 1, 20).unsqueeze(1)
y = 3 * X - 0.5

for lr in [0.02, 0.5, 1.1]:
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(40):
        loss = nn.functional.mse_loss(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"lr {lr}: final loss {loss.item():.4g}")
