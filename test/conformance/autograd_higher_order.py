# Higher-order derivatives as the autograd tutorials and "gradient penalty" code write them:
# torch.autograd.grad(..., create_graph=True) then a second grad, the derivative of sin being cos with a
# graph of its own, and a penalty on the gradient's norm trained with backward().
import torch

torch.manual_seed(4)
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3 + 2 * x
(dy_dx,) = torch.autograd.grad(y, x, create_graph=True)
print(dy_dx)
(d2y_dx2,) = torch.autograd.grad(dy_dx, x)
print(d2y_dx2)

x = torch.linspace(-1.0, 1.0, 5, requires_grad=True)
y = torch.sin(x)
g = torch.autograd.grad(y.sum(), x, create_graph=True)[0]
print(g)
g2 = torch.autograd.grad(g.sum(), x)[0]
print(g2)
print(torch.allclose(g2, -torch.sin(x)))

w = torch.randn(3, requires_grad=True)
inp = torch.randn(4, 3, requires_grad=True)
score = torch.tanh(inp @ w).sum()
(grad_inp,) = torch.autograd.grad(score, inp, create_graph=True)
penalty = ((grad_inp.norm(2, dim=1) - 1) ** 2).mean()
penalty.backward()
print(penalty)
print(w.grad)
