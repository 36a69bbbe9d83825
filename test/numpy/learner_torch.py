# A typical learner's file: numpy makes the data, torch trains on it, numpy looks at the predictions.
# compare: --rtol 1e-4 --atol 1e-6  (the training runs in float32 in our engine and in PyTorch)
import numpy as np
import torch
import torch.nn as nn

np.random.seed(0)
torch.manual_seed(0)
X = np.random.randn(100, 2)
y = (X[:, 0] * X[:, 1] > 0).astype(np.float32).reshape(-1, 1)
print(X.shape, X.dtype, y.dtype, y[:5].ravel(), y.mean())
X_t = torch.from_numpy(X).float()
y_t = torch.from_numpy(y)
print(X_t[:3], y_t.dtype, X_t.shape)

model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.5)
loss_fn = nn.BCEWithLogitsLoss()
losses = []
for epoch in range(200):
    opt.zero_grad()
    loss = loss_fn(model(X_t), y_t)
    loss.backward()
    opt.step()
    losses.append(loss.item())
    if epoch % 50 == 0:
        print(epoch, round(loss.item(), 4))
losses = np.array(losses)
print(losses[:3], losses.min() < losses[0], np.argmin(losses) > 100)

with torch.no_grad():
    logits = model(X_t)
probs = torch.sigmoid(logits).numpy()
print(type(probs).__name__, probs.dtype, probs.shape, probs[:3].ravel())
pred = (probs > 0.5).astype(int)
acc = (pred == y).mean()
print('accuracy', acc, type(acc).__name__)
out = model(X_t).detach().numpy()
print(out[:2], out.mean(axis=0), np.round(out[:4, 0], 3))
w = model[0].weight.detach().numpy()
print(w.shape, w.dtype, np.abs(w).max() > 0, np.linalg.norm(w) > 0)

t = torch.tensor(np.arange(6).reshape(2, 3))
print(t, t.dtype, torch.tensor(np.array([1.5, 2.5], dtype=np.float32)), torch.tensor([np.float32(1.0), 2.0]))
print(torch.ones(3) * np.float32(2.5), torch.ones(2) + np.float64(1.5), np.float32(2) * torch.ones(2), torch.ones(2) * np.int64(3))
print(np.array(torch.arange(4)), np.asarray(torch.ones(2, 2)), np.array(torch.tensor([True, False])))
print(torch.zeros(2).numpy().dtype, torch.arange(3).numpy().dtype, np.mean(torch.tensor([1.0, 2.0, 4.0]).numpy()))
print(torch.from_numpy(np.array([1, 2, 3])), torch.from_numpy(np.array([True])), torch.as_tensor(np.zeros((1, 2), dtype=np.float32)))
a = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    a.numpy()
except RuntimeError as e:
    print(type(e).__name__, e)
print(a.detach().numpy(), np.array(a.detach()))
try:
    torch.from_numpy([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
ds = torch.utils.data.TensorDataset(torch.from_numpy(X[:10]).float(), torch.from_numpy(y[:10]))
xb, yb = next(iter(torch.utils.data.DataLoader(ds, batch_size=4)))
print(xb.shape, yb.numpy().ravel())
grid = np.c_[np.linspace(-1, 1, 3), np.zeros(3)]
print(model(torch.tensor(grid, dtype=torch.float32)).detach().numpy().shape)
# class balance counted straight from a label tensor
print(np.bincount(torch.tensor([0, 1, 1, 0, 1])), np.bincount(torch.tensor([3, 3]), minlength=5), np.unique(torch.tensor([2, 0, 2])))
