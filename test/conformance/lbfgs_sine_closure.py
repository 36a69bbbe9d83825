# L-BFGS with a closure, the way pytorch/examples time_sequence_prediction trains: the closure zeroes the
# gradients, computes and prints the loss, calls backward and returns the loss; optimizer.step(closure)
# calls it as often as its inner iterations need. Small: a sine wave predicted from its last four values.
import math

import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
t = torch.arange(0, 40, dtype=torch.float32) * 0.3
wave = torch.sin(t) + 0.05 * torch.randn(40)
window = 4
inputs = torch.stack([wave[i : i + window] for i in range(len(wave) - window)])
targets = wave[window:].unsqueeze(1)


class Predictor(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(window, 6)
        self.out = nn.Linear(6, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


model = Predictor()
criterion = nn.MSELoss()
optimizer = optim.LBFGS(model.parameters(), lr=0.8, max_iter=5, history_size=4)
print(optimizer)

calls = 0
for i in range(3):
    print("STEP:", i)

    def closure():
        global calls
        calls += 1
        optimizer.zero_grad()
        out = model(inputs)
        loss = criterion(out, targets)
        print("loss: %.5f" % loss.item())
        loss.backward()
        return loss

    returned = optimizer.step(closure)
    print("step returned %.5f after %d closure calls" % (returned.item(), calls))
    with torch.no_grad():
        test_loss = criterion(model(inputs[-8:]), targets[-8:])
    print("test loss: %.5f" % test_loss.item())

state = optimizer.state_dict()["state"][0]
print(state["func_evals"], state["n_iter"])
print(f"prediction for sin({t[-1].item() + 0.3:.1f}): {model(wave[-window:].unsqueeze(0)).item():.3f}")
print(f"true value: {math.sin(t[-1].item() + 0.3):.3f}")

# The same fit with the strong Wolfe line search choosing each step's length.
torch.manual_seed(1)
model = Predictor()
optimizer = optim.LBFGS(model.parameters(), lr=1, max_iter=6, line_search_fn="strong_wolfe")
for i in range(2):

    def closure():
        optimizer.zero_grad()
        loss = criterion(model(inputs), targets)
        loss.backward()
        return loss

    print("strong_wolfe step %d: %.5f" % (i, optimizer.step(closure).item()))
print("after: %.5f" % criterion(model(inputs), targets).item(), optimizer.state_dict()["state"][0]["func_evals"])

try:
    optimizer.step()
except TypeError as e:
    print("TypeError:", e)
try:
    optim.LBFGS([{"params": [model.hidden.weight]}, {"params": [model.out.weight]}])
except ValueError as e:
    print("ValueError:", e)
