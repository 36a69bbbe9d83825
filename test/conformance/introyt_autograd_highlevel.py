# The rest of the autograd video of PyTorch's "Introduction to PyTorch" (YouTube series): a doubling loop
# whose backward needs a gradient vector, then the high-level API, torch.autograd.functional.jacobian of a
# two-input function (scalar and vector inputs), vjp and jvp.
import torch
from torch.autograd.functional import jacobian

torch.manual_seed(5)

x = torch.randn(3, requires_grad=True)
y = x * 2
while y.data.norm() < 500:
    y = y * 2
print(y)
try:
    y.backward()
except RuntimeError as err:
    print('RuntimeError:', err)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(v)
print(x.grad)


def exp_adder(x, y):
    return 2 * x.exp() + 3 * y


inputs = (torch.rand(1), torch.rand(1))
print(inputs)
print(torch.autograd.functional.jacobian(exp_adder, inputs))

inputs = (torch.rand(3), torch.rand(3))
print(inputs)
jac = jacobian(exp_adder, inputs)
print(jac)
print(type(jac), len(jac), jac[0].shape)


def squares(t):
    return t**2


vec = torch.tensor([1.0, -2.0, 0.5])
print(jacobian(squares, vec))
print(jacobian(lambda m: m.sum(0), torch.rand(2, 3)).shape)


def do_some_doubling(x):
    y = x * 2
    while y.data.norm() < 1000:
        y = y * 2
    return y


inputs = torch.randn(3)
my_gradients = torch.tensor([0.1, 1.0, 0.0001])
print(torch.autograd.functional.vjp(do_some_doubling, inputs, v=my_gradients))
print(torch.autograd.functional.jvp(squares, vec, v=torch.tensor([1.0, 0.5, 2.0])))
print(torch.autograd.functional.vjp(lambda t: (t * t).sum(), vec))
