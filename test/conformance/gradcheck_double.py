# Idioms: `torch.autograd.gradcheck(fn, (x,), eps=1e-6, atol=1e-4)` on double tensors (a custom Function,
# built-in ops, several inputs), `gradgradcheck`, a wrong backward caught with `raise_exception=False`,
# the GradcheckError message, and a finite-difference check written by hand with `torch.zeros_like(x)` and `x[i] += eps`.
# Seen in: PyTorch docs "Extending PyTorch" (gradcheck on a custom Function); course notebooks that check
# hand-written backward passes (e.g. CS231n-style gradient checks, "Dive into backprop" exercises).
import torch
from torch.autograd import gradcheck, gradgradcheck

torch.manual_seed(0)


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x**2


class WrongCube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 2 * x**2


x = torch.randn(4, dtype=torch.double, requires_grad=True)
print(gradcheck(Cube.apply, (x,), eps=1e-6, atol=1e-4))
print(gradcheck(WrongCube.apply, (x,), eps=1e-6, atol=1e-4, raise_exception=False))

a = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
b = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
print(gradcheck(lambda p, q: torch.tanh(p @ q).sum(dim=1), (a, b)))
print(gradcheck(torch.sigmoid, (a,)))
print(gradgradcheck(lambda p: (p**2).sin(), (a,)))
lin = torch.nn.Linear(4, 3).double()
print(gradcheck(lambda inp: torch.nn.functional.softplus(lin(inp)), (a,)))


def numerical_grad(f, x, eps=1e-6):
    grad = torch.zeros_like(x)
    flat = x.view(-1)
    for i in range(flat.numel()):
        old = flat[i].item()
        flat[i] = old + eps
        plus = f(x).item()
        flat[i] = old - eps
        minus = f(x).item()
        flat[i] = old
        grad.view(-1)[i] = (plus - minus) / (2 * eps)
    return grad


w = torch.randn(2, 3, dtype=torch.double)
loss_of = lambda t: (t.exp() * t).sum()
w.requires_grad_(True)
loss_of(w).backward()
with torch.no_grad():
    num = numerical_grad(loss_of, w.detach().clone())
rel = (w.grad - num).abs().max() / num.abs().max()
print(rel.item() < 1e-8, torch.allclose(w.grad, num))

try:
    gradcheck(WrongCube.apply, (torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True),))
except RuntimeError as e:
    print(type(e).__name__)
    print(e)
