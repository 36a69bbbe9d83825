# NYU Deep Learning (Canziani, 04-spiral_classification): a 3-class spiral built point by point with
# torch.linspace + torch.randn noise and torch.FloatTensor((math.sin(...), math.cos(...))), a linear model
# (two stacked nn.Linear) trained by SGD with weight_decay against a Linear-ReLU-Linear net trained by Adam,
# the '[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f' line, print(model), and the decision regions as the
# course's plot_model draws them: np.meshgrid of np.arange, torch.from_numpy(np.vstack(...).T).float(),
# np.argmax on the model's output tensor, plt.contourf with plt.cm.Spectral, plt.scatter and plt.axis.
import math
import random

import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
seed = 12345
random.seed(seed)
torch.manual_seed(seed)
N = 60  # samples per class
D = 2
C = 3
H = 50

X = torch.zeros(N * C, D).to(device)
y = torch.zeros(N * C, dtype=torch.long).to(device)
for c in range(C):
    index = 0
    t = torch.linspace(0, 1, N)
    inner_var = torch.linspace((2 * math.pi / C) * c, (2 * math.pi / C) * (2 + c), N) + torch.randn(N) * 0.2
    for ix in range(N * c, N * (c + 1)):
        X[ix] = t[index] * torch.FloatTensor((math.sin(inner_var[index]), math.cos(inner_var[index])))
        y[ix] = c
        index += 1

print("Shapes:")
print("X:", tuple(X.size()))
print("y:", tuple(y.size()))
print(X[::37])
print(y[::37])


def plot_data(X, y, zoom=1):
    X = X.cpu()
    y = y.cpu()
    plt.scatter(X.numpy()[:, 0], X.numpy()[:, 1], c=y, s=20, cmap=plt.cm.Spectral)
    plt.axis('square')
    plt.axis(np.array((-1.1, 1.1, -1.1, 1.1)) * zoom)
    plt.axis('off')
    plt.axvline(0, ymin=0, color='.15', lw=1, zorder=0)
    plt.axhline(0, xmin=0, color='.15', lw=1, zorder=0)


def plot_model(X, y, model):
    model.cpu()
    mesh = np.arange(-1.1, 1.1, 0.05)
    xx, yy = np.meshgrid(mesh, mesh)
    with torch.no_grad():
        data = torch.from_numpy(np.vstack((xx.reshape(-1), yy.reshape(-1))).T).float()
        Z = model(data).detach()
    Z = np.argmax(Z, axis=1).reshape(xx.shape)
    print('mesh', mesh.shape, xx.shape, data.shape, data.dtype, type(Z).__name__, Z.shape)
    print('region sizes', [int((Z == k).sum()) for k in range(C)])
    plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral, alpha=0.3)
    plot_data(X, y)


plt.figure()
plot_data(X, y)
plt.close()

learning_rate = 1e-1
lambda_l2 = 1e-5
model = nn.Sequential(nn.Linear(D, H), nn.Linear(H, C))
model.to(device)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2)
for t in range(150):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    score, predicted = torch.max(y_pred, 1)
    acc = (y == predicted).sum().float() / len(y)
    if t % 25 == 0 or t == 149:
        print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % (t, loss.item(), acc))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(model)
plt.figure()
plot_model(X, y, model)
plt.close()

learning_rate = 1e-2
model = nn.Sequential(nn.Linear(D, H), nn.ReLU(), nn.Linear(H, C))
model.to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=lambda_l2)
for t in range(300):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    score, predicted = torch.max(y_pred, 1)
    acc = (y == predicted).sum().float() / len(y)
    if t % 50 == 0 or t == 299:
        print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % (t, loss.item(), acc))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(model)
print('score', score[:5], score.dtype)
plt.figure()
plot_model(X, y, model)
ax = plt.gca()
print(ax.get_xlim(), ax.get_ylim())
plt.close()

# the same regions through torch only, and the per-class accuracy
with torch.no_grad():
    grid = torch.stack(torch.meshgrid(torch.linspace(-1, 1, 5), torch.linspace(-1, 1, 5), indexing='xy'), dim=-1)
    print(model(grid.reshape(-1, 2)).argmax(1).reshape(5, 5))
    pred = model(X).argmax(dim=1)
for c in range(C):
    mask = y == c
    print(f'class {c}: {(pred[mask] == c).float().mean().item():.3f}')
