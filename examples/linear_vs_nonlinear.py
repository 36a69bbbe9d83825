# Linear vs non-linear: the same XOR data fitted by two models of the same size.
# Without an activation, Linear(Linear(x)) is still a linear function of x (one flat plane), and the best
# plane through XOR predicts 0.5 everywhere: its MSE cannot go below 0.25. A Tanh between the layers bends
# the plane, so the second model can fit all four points.
import torch
import torch.nn as nn

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])


def train(model, steps=800, lr=0.1):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    for step in range(steps):
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


torch.manual_seed(0)
linear = nn.Sequential(nn.Linear(2, 8), nn.Linear(8, 1))
torch.manual_seed(0)
nonlinear = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))

linear_loss = train(linear)
nonlinear_loss = train(nonlinear)
print(f"without activation: final MSE {linear_loss:.4f}")
print(f"with Tanh:          final MSE {nonlinear_loss:.4f}")
with torch.no_grad():
    print("without activation predicts", [round(v, 2) for v in linear(X).squeeze(1).tolist()])
    print("with Tanh predicts         ", [round(v, 2) for v in nonlinear(X).squeeze(1).tolist()])
print("the non-linear model fits XOR better:", nonlinear_loss < linear_loss)
