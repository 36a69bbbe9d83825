# compare: --rtol 1e-4 (inverse and det by elimination, not LAPACK's blocked LU: last bits differ)
# Closed-form linear regression as course notebooks write it beside gradient descent: the normal equation
# `torch.inverse(X.T @ X) @ X.T @ y` with a bias column from torch.column_stack, torch.linalg.inv and
# torch.det, checking the fit with allclose; then cumprod (compound growth, a running product of
# probabilities) with its gradient.
import torch

torch.manual_seed(12)
n = 50
x = torch.rand(n) * 10
y = 3.0 * x + 2.0 + torch.randn(n) * 0.5
X = torch.column_stack([torch.ones(n), x])
print(X.shape, X[:3])
w = torch.inverse(X.T @ X) @ X.T @ y
print('w =', w)
w2 = torch.linalg.inv(X.T @ X) @ (X.T @ y)
print(torch.allclose(w, w2, atol=1e-4))
print(f'intercept {w[0]:.3f}, slope {w[1]:.3f}')
A = torch.tensor([[4.0, 7.0], [2.0, 6.0]])
print(torch.inverse(A))
print(torch.det(A), torch.linalg.det(A), A.det())
batch = torch.eye(3).repeat(2, 1, 1) * torch.tensor([2.0, 4.0]).view(2, 1, 1)
print(torch.linalg.inv(batch)[1], torch.det(batch))
W = torch.tensor([[2.0, 1.0], [1.0, 3.0]], requires_grad=True)
torch.inverse(W).sum().backward()
print(W.grad)
W.grad = None
torch.det(W).backward()
print(W.grad)
try:
    torch.inverse(torch.zeros(2, 2))
except RuntimeError as err:
    print('RuntimeError:', err)

rates = torch.tensor([1.05, 1.02, 0.97, 1.10])
print(torch.cumprod(rates, dim=0))
p = torch.tensor([[0.9, 0.8, 0.5], [0.2, 1.0, 0.0]], requires_grad=True)
survive = p.cumprod(dim=1)
print(survive)
survive.sum().backward()
print(p.grad)
print(torch.arange(1, 6).cumprod(0))
