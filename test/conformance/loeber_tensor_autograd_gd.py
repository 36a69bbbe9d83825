# Patrick Loeber's "PyTorch Tutorial" idioms (python-engineer/pytorchTutorial 02_tensor_basics, 03_autograd,
# 04_backpropagation, 05_1/05_2 gradient descent, 06_1/06_2 loss and optimizer): `torch.empty(2, 2, 3)` then
# only its size (its values are uninitialised), `torch.rand`, `torch.zeros(..., dtype=torch.float64)` (the tutorial's float16 is unsupported),
# `x.size()` / `x.dtype`, torch.add/sub/mul/div beside the operators and in-place `y.add_(x)`, slicing
# `x[:, 0]`, `x[1, :]`, `x[1, 1].item()`, `x.view(16)` / `x.view(-1, 8)` sizes printed on one line, `.numpy()`
# and `torch.from_numpy` sharing memory (`a.add_(1)` / `a += 1` seen through the other), the
# `torch.cuda.is_available()` guard; autograd with `y.grad_fn` by name, `z.backward()`, a non-scalar
# `y.backward(v)`, `requires_grad_(True)`, `.detach()`, `torch.no_grad()`, `weights.grad.zero_()` in a dummy
# loop; f = w * x fitted by a numpy hand-written gradient, then autograd, then nn.MSELoss with
# `torch.optim.SGD([w])`, then nn.Linear with `[w, b] = model.parameters()` and the tutorial's
# `print('epoch ', epoch+1, ': w = ', w, ' loss = ', l)` (a tensor repr with grad_fn), `loss(Y, y_pred)`
# argument order as the tutorial writes it, and f-strings like `f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}'`.
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(7)

# --- tensor basics
x = torch.empty(2, 2, 3)
# only the shape is meaningful for an uninitialised tensor
print('empty size:', x.size(), x.dim())
x = torch.rand(3, 2)
print(x)
# the tutorial's float16 is not supported here: float64 shows the same dtype suffix habit
x = torch.zeros(3, 2, dtype=torch.float64)
print(x)
print(x.size(), x.dtype)
x = torch.ones(2, 3, dtype=torch.int32)
print(x, x.dtype)
x = torch.tensor([4.25, 7])
print(x, x.size())

a = torch.rand(2, 2)
b = torch.rand(2, 2)
print(a + b)
print(torch.add(a, b))
print(torch.sub(a, b))
print(torch.mul(a, b))
print(torch.div(a, b))
b.add_(a)
print('after b.add_(a):', b)

x = torch.rand(4, 3)
print(x)
print(x[:, 0])
print(x[1, :])
print(x[1, 1])
print(x[1, 1].item())

x = torch.randn(4, 4)
y = x.view(16)
z = x.view(-1, 8)
print(x.size(), y.size(), z.size())
print(z.shape[0], z.shape[1])

a = torch.ones(5)
b = a.numpy()
print(a)
print(b)
print(type(b))
a.add_(1)
# CPU tensor and its numpy view share storage
print(a)
print(b)

a = np.ones(4)
b = torch.from_numpy(a)
a += 1
print(a)
print(b)
a = np.arange(3, dtype=np.float32)
b = torch.from_numpy(a)
b.mul_(3)
print(a, b)

if torch.cuda.is_available():
    device = torch.device('cuda')
else:
    device = torch.device('cpu')
print('device:', device)
y = torch.ones_like(x, device=device)
print((x.to(device) + y).to('cpu').shape)

# --- autograd
x = torch.randn(3, requires_grad=True)
y = x + 2
print(x)
print(y)
print(y.grad_fn.name(), x.grad_fn)
z = y * y * 3
print(z)
z = z.mean()
print(z)
z.backward()
print(x.grad)

x = torch.randn(3, requires_grad=True)
y = x * 2
for _ in range(6):
    y = y * 2
print(y)
print(y.shape)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float32)
y.backward(v)
print(x.grad)

a = torch.randn(2, 2)
print(a.requires_grad)
b = (a * 3) / (a - 1)
print(b.grad_fn)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(type(b.grad_fn).__name__)

a = torch.randn(2, 2, requires_grad=True)
b = a.detach()
print(a.requires_grad, b.requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)
print((x ** 2).requires_grad)

weights = torch.ones(4, requires_grad=True)
for epoch in range(3):
    model_output = (weights * 3).sum()
    model_output.backward()
    print(weights.grad)
    with torch.no_grad():
        weights -= 0.1 * weights.grad
    # without this the gradients would keep accumulating
    weights.grad.zero_()
print(weights)
print(model_output)

# --- backpropagation on one sample
x = torch.tensor(1.0)
y = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)
y_hat = w * x
loss = (y_hat - y) ** 2
print(loss)
loss.backward()
print(w.grad)
with torch.no_grad():
    w -= 0.01 * w.grad
w.grad.zero_()
print(w, w.grad)

# --- f = 3 * x by hand with numpy
X = np.array([1, 2, 3, 4, 5], dtype=np.float32)
Y = np.array([3, 6, 9, 12, 15], dtype=np.float32)
w = 0.0


def forward(x):
    return w * x


def loss(y, y_pred):
    return ((y_pred - y) ** 2).mean()


def gradient(x, y, y_pred):
    return np.mean(2 * x * (y_pred - y))


print(f'Prediction before training: f(6) = {forward(6):.3f}')
learning_rate = 0.01
for epoch in range(12):
    y_pred = forward(X)
    l = loss(Y, y_pred)
    dw = gradient(X, Y, y_pred)
    w -= learning_rate * dw
    if epoch % 3 == 0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}')
print(f'Prediction after training: f(6) = {forward(6):.3f}')
print(type(w).__name__, type(l).__name__)

# --- the same with autograd
X = torch.tensor([1, 2, 3, 4, 5], dtype=torch.float32)
Y = torch.tensor([3, 6, 9, 12, 15], dtype=torch.float32)
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)
print(f'Prediction before training: f(6) = {forward(6).item():.3f}')
for epoch in range(40):
    y_pred = forward(X)
    l = loss(Y, y_pred)
    l.backward()
    with torch.no_grad():
        w -= learning_rate * w.grad
    w.grad.zero_()
    if epoch % 8 == 0:
        print(f'epoch {epoch+1}: w = {w.item():.3f}, loss = {l.item():.8f}')
print(f'Prediction after training: f(6) = {forward(6).item():.3f}')

# --- loss and optimizer from torch
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)
loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=learning_rate)
for epoch in range(30):
    y_predicted = forward(X)
    l = loss(Y, y_predicted)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 10 == 0:
        print('epoch ', epoch + 1, ': w = ', w, ' loss = ', l)
print(f'Prediction after training: f(6) = {forward(6).item():.3f}')

# --- nn.Linear needs (samples, features)
X = torch.tensor([[1], [2], [3], [4], [5]], dtype=torch.float32)
Y = torch.tensor([[3], [6], [9], [12], [15]], dtype=torch.float32)
n_samples, n_features = X.shape
print(f'#samples: {n_samples}, #features: {n_features}')
X_test = torch.tensor([6], dtype=torch.float32)
torch.manual_seed(1)
model = nn.Linear(n_features, n_features)
print(model)
print(f'Prediction before training: f(6) = {model(X_test).item():.3f}')
optimizer = torch.optim.SGD(model.parameters(), lr=0.02)
for epoch in range(60):
    y_predicted = model(X)
    l = loss(Y, y_predicted)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 15 == 0:
        [w, b] = model.parameters()
        print('epoch ', epoch + 1, ': w = ', w[0][0].item(), ' loss = ', l)
print(f'Prediction after training: f(6) = {model(X_test).item():.3f}')


class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LinearRegression, self).__init__()
        self.lin = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.lin(x)


torch.manual_seed(1)
model = LinearRegression(n_features, n_features)
print(model)
print(f'same start: f(6) = {model(X_test).item():.3f}')
