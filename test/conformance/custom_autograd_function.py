# "Learning PyTorch with Examples", defining new autograd functions: a Legendre polynomial P3 as a
# torch.autograd.Function with ctx.save_for_backward / ctx.saved_tensors, used through .apply, with scalar
# weights from torch.full((), ...); then a clamp-based ReLU Function and a two-output Function checked
# against autograd.
import math

import torch


class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)


dtype = torch.float
device = torch.device("cpu")
x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
y = torch.sin(x)

a = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
b = torch.full((), -1.0, device=device, dtype=dtype, requires_grad=True)
c = torch.full((), 0.0, device=device, dtype=dtype, requires_grad=True)
d = torch.full((), 0.3, device=device, dtype=dtype, requires_grad=True)

learning_rate = 5e-6
for t in range(2000):
    P3 = LegendrePolynomial3.apply
    y_pred = a + b * P3(c + d * x)
    loss = (y_pred - y).pow(2).sum()
    if t % 100 == 99:
        print(t, loss.item())
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None
print(f'Result: y = {a.item()} + {b.item()} * P3({c.item()} + {d.item()} x)')
print(y_pred.grad_fn.name(), y_pred.grad_fn.next_functions[1][0].next_functions[1][0].name())


class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input


torch.manual_seed(0)
x = torch.randn(8, 5)
w1 = torch.randn(5, 6, requires_grad=True)
w2 = torch.randn(6, 2, requires_grad=True)
relu = MyReLU.apply
out = relu(x.mm(w1)).mm(w2)
out.pow(2).sum().backward()
g1, g2 = w1.grad.clone(), w2.grad.clone()
w1.grad = None
w2.grad = None
x.mm(w1).clamp(min=0).mm(w2).pow(2).sum().backward()
print(torch.allclose(g1, w1.grad), torch.allclose(g2, w2.grad))
print(g2)


class MulAdd(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y, k):
        ctx.k = k
        ctx.save_for_backward(x, y)
        return x * y + k, x - y

    @staticmethod
    def backward(ctx, g_prod, g_diff):
        x, y = ctx.saved_tensors
        return g_prod * y + g_diff, g_prod * x - g_diff, None


p = torch.tensor([1.0, 2.0], requires_grad=True)
q = torch.tensor([3.0, -1.0], requires_grad=True)
s, t = MulAdd.apply(p, q, 5.0)
print(s, t)
(s.sum() + 2 * t.sum()).backward()
print(p.grad, q.grad)
