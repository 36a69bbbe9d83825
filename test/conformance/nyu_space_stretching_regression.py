# NYU Deep Learning (Canziani, 02-space_stretching and 05-regression): points from torch.randn coloured by
# (X - x_min) / (x_max - x_min) * 511 turned to .short().numpy() and np.clip'ed, random 2x2 matrices applied
# as X @ W.t() with torch.svd's singular values in the title string, the basis arrows OI transformed, an
# nn.Linear(2, 2, bias=False) and a Tanh squashing s * torch.eye(2) copied into weight.data, random ReLU/Tanh
# networks stretching space; then regression on a noisy cubic: a linear model by SGD, an ensemble of
# ReLU and Tanh nets by Adam (the f-string '[MODEL]: ..., [EPOCH]: ..., [LOSS]: ...' line), the untrained
# outputs stacked and their variance, predictions on a wider range with torch.stack(...).var(dim=0).
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
from numpy import clip

torch.manual_seed(0)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
n_points = 400
X = torch.randn(n_points, 2).to(device)
x_min = -1.5
x_max = +1.5
colors = (X - x_min) / (x_max - x_min)
colors = (colors * 511).short().numpy()
print(colors.dtype, colors.shape, colors[:3])
colors = clip(colors, 0, 511)
print(colors.min(), colors.max(), colors[:3].tolist())


def show_scatterplot(X, colors, title=''):
    X = X.numpy()
    plt.axis('equal')
    plt.scatter(X[:, 0], X[:, 1], c=colors[:, 0] / 511, s=30)
    plt.title(title)
    plt.axis('off')


def plot_bases(bases):
    bases[2:] -= bases[:2]
    print('bases', bases.tolist())


OI = torch.cat((torch.zeros(2, 2), torch.eye(2))).to(device)
print(OI)
plt.figure()
show_scatterplot(X, colors, title='X')
plot_bases(OI.clone())
plt.close()

for i in range(4):
    W = torch.randn(2, 2).to(device)
    Y = X @ W.t()
    U, S, V = torch.svd(W)
    title = 'y = Wx, singular values : [{:.3f}, {:.3f}]'.format(S[0], S[1])
    print(title)
    print('  det %.4f  |det| = s0*s1: %s' % (torch.det(W).item(), torch.allclose(torch.det(W).abs(), S.prod())))
    print('  U orthogonal:', torch.allclose(U @ U.t(), torch.eye(2), atol=1e-6),
          ' reconstruct:', torch.allclose(U @ torch.diag(S) @ V.t(), W, atol=1e-6))
    print('  spread', Y.std(dim=0), X.std(dim=0))
    new_OI = OI @ W
    plot_bases(new_OI)

model = nn.Sequential(nn.Linear(2, 2, bias=False))
model.to(device)
with torch.no_grad():
    Y = model(X)
    print(model[0].weight)
    print(Y[:3])
    print(model(OI))
    print(torch.linalg.svdvals(model[0].weight))

z = torch.linspace(-10, 10, 101)
s = torch.tanh(z)
print(s[::20])
model = nn.Sequential(nn.Linear(2, 2, bias=False), nn.Tanh())
model.to(device)
for s in range(1, 6):
    W = s * torch.eye(2)
    model[0].weight.data.copy_(W)
    Y = model(X).data
    print(f'f(x), s={s}', Y.abs().max(dim=0).values, (Y.abs() > 0.99).float().mean().item())

n_hidden = 5
for NL in (nn.Tanh(), nn.ReLU()):
    for i in range(3):
        model = nn.Sequential(nn.Linear(2, n_hidden), NL, nn.Linear(n_hidden, 2))
        model.to(device)
        with torch.no_grad():
            Y = model(X)
        print(type(NL).__name__, i, Y.mean(dim=0), Y.std(dim=0))
model = nn.Sequential(nn.Linear(2, n_hidden), nn.ReLU(), nn.Linear(n_hidden, n_hidden), nn.ReLU(),
                      nn.Linear(n_hidden, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 2))
with torch.no_grad():
    Y = model(X).detach()
print('deep', Y[:2], torch.unique(Y, dim=0).shape)

# regression
seed = 1
torch.manual_seed(seed)
D, C, H = 1, 1, 40
X = torch.unsqueeze(torch.linspace(-1, 1, 50), dim=1).to(device)
y = X.pow(3) + 0.3 * torch.rand(X.size()).to(device)
print("Shapes:")
print("X:", tuple(X.size()))
print("y:", tuple(y.size()))
plt.scatter(X.cpu().numpy(), y.cpu().numpy())
plt.axis('equal')
plt.close()

learning_rate = 1e-2
lambda_l2 = 1e-5
model = nn.Sequential(nn.Linear(D, H), nn.Linear(H, C))
criterion = torch.nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2)
for t in range(200):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    if t % 40 == 0:
        print("[EPOCH]: %i, [LOSS or MSE]: %.6f" % (t, loss.item()))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(model)
plt.scatter(X.data.cpu().numpy(), y.data.cpu().numpy())
plt.plot(X.data.cpu().numpy(), y_pred.data.cpu().numpy(), 'r-', lw=5)
plt.close()

n_networks = 4
models = list()
y_pretrain = list()
for mod in range(n_networks):
    model = nn.Sequential(nn.Linear(D, H), nn.ReLU() if mod < n_networks // 2 else nn.Tanh(), nn.Linear(H, C))
    model.to(device)
    models.append(model)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=lambda_l2)
    for t in range(150):
        y_pred = model(X)
        if t == 0:
            y_pretrain.append(y_pred.detach())
        loss = criterion(y_pred, y)
        if t % 50 == 0 or t == 149:
            print(f"[MODEL]: {mod + 1}, [EPOCH]: {t}, [LOSS]: {loss.item():.6f}")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
print(models[0], models[-1])
y_combo = torch.stack(y_pretrain)
print(y_combo.shape, y_combo.var(dim=0)[::10].squeeze())

y_pred = list()
for name, group in (('ReLU', models[:n_networks // 2]), ('Tanh', models[n_networks // 2:])):
    for model in group:
        X_new = torch.unsqueeze(torch.linspace(-4, 4, 81), dim=1).to(device)
        with torch.no_grad():
            y_pred.append(model(X_new))
    y_combo = torch.stack(y_pred)
    print(name, y_combo.shape, (10 * y_combo.var(dim=0).cpu().sqrt())[::20].squeeze())
    plt.axis(torch.tensor((-1.1, 1.1, -1.1, 1.1)) * 4)
    print(plt.gca().get_xlim())
    plt.close()
