# "Learning PyTorch with Examples" warm-up (beginner_source/examples_tensor/polynomial_numpy.py) and its
# tensor twin: a third-order polynomial fitted to sin(x) with numpy only (np.linspace(-math.pi, math.pi, n),
# np.random.randn() coefficients after np.random.seed, np.square(y_pred - y).sum(), gradients by hand),
# printed as f'Result: y = {a} + {b} x + {c} x^2 + {d} x^3'; then the same with torch tensors created with
# dtype = torch.float and device = torch.device("cpu") (torch.randn((), device=device, dtype=dtype)),
# loss.item() every 100 steps, crossing between the two (torch.from_numpy(x).float(), t.numpy()), and
# tensors indexed by numpy index arrays and masks (xt[np.random.permutation(n)[:4]], xt[x > 3.1]).
import math

import numpy as np
import torch

np.random.seed(0)
x = np.linspace(-math.pi, math.pi, 500)
y = np.sin(x)
a = np.random.randn()
b = np.random.randn()
c = np.random.randn()
d = np.random.randn()
print(x.shape, x.dtype, type(a).__name__)
learning_rate = 1e-6
for t in range(600):
    y_pred = a + b * x + c * x ** 2 + d * x ** 3
    loss = np.square(y_pred - y).sum()
    if t % 100 == 99:
        print(t, loss)
    grad_y_pred = 2.0 * (y_pred - y)
    grad_a = grad_y_pred.sum()
    grad_b = (grad_y_pred * x).sum()
    grad_c = (grad_y_pred * x ** 2).sum()
    grad_d = (grad_y_pred * x ** 3).sum()
    a -= learning_rate * grad_a
    b -= learning_rate * grad_b
    c -= learning_rate * grad_c
    d -= learning_rate * grad_d
print(f'Result: y = {a} + {b} x + {c} x^2 + {d} x^3')

dtype = torch.float
device = torch.device("cpu")
torch.manual_seed(0)
xt = torch.linspace(-math.pi, math.pi, 500, device=device, dtype=dtype)
yt = torch.sin(xt)
a = torch.randn((), device=device, dtype=dtype)
b = torch.randn((), device=device, dtype=dtype)
c = torch.randn((), device=device, dtype=dtype)
d = torch.randn((), device=device, dtype=dtype)
for t in range(600):
    y_pred = a + b * xt + c * xt ** 2 + d * xt ** 3
    loss = (y_pred - yt).pow(2).sum().item()
    if t % 100 == 99:
        print(t, round(loss, 3))
    grad_y_pred = 2.0 * (y_pred - yt)
    a -= learning_rate * grad_y_pred.sum()
    b -= learning_rate * (grad_y_pred * xt).sum()
    c -= learning_rate * (grad_y_pred * xt ** 2).sum()
    d -= learning_rate * (grad_y_pred * xt ** 3).sum()
print(f'Result: y = {a.item():.4f} + {b.item():.4f} x + {c.item():.4f} x^2 + {d.item():.4f} x^3')
from_np = torch.from_numpy(x).float()
print(from_np.dtype, from_np[:3], torch.allclose(from_np, xt, atol=1e-6))
coeffs = torch.stack([a, b, c, d]).numpy()
print(type(coeffs).__name__, coeffs.dtype, coeffs.shape, np.round(coeffs, 3))
# Indexing tensors with numpy arrays (minibatches from np.random.permutation, masks from numpy comparisons).
perm = np.random.permutation(500)[:4]
print(perm, xt[perm], yt[np.array([0, 499])])
mask = x > 3.1
print(mask.sum(), xt[mask], xt[torch.from_numpy(mask)])
z = torch.zeros(6)
z[np.array([1, 3])] = 1.0
print(z, z[np.arange(2)], len(xt[np.arange(0, 500, 50)]))
