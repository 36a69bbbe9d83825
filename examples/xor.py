# XOR cannot be separated by one straight line: a hidden layer with a non-linear activation can.
import torch
import torch.nn as nn

torch.manual_seed(1)
X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])


class XorNet(nn.Module):
    def __init__(self, hidden=4):
        super().__init__()
        self.hidden = nn.Linear(2, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        x = torch.tanh(self.hidden(x))
        return torch.sigmoid(self.out(x))


model = XorNet()
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)

for step in range(1500):
    loss = loss_fn(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 300 == 0:
        print(f"step {step}: loss {loss.item():.4f}")

with torch.no_grad():
    print("predictions", model(X).squeeze(1))
