# The cross-check micrograd's tests run against PyTorch (karpathy/micrograd test/test_engine.py): scalar
# expressions in float64 via torch.Tensor([...]).double(), requires_grad set as an attribute, relu, powers,
# division by a tensor, and unary functions through torch.Tensor.tanh / torch.Tensor.exp.
import torch

x = torch.Tensor([-4.0]).double()
x.requires_grad = True
z = 2 * x + 2 + x
q = z.relu() + z * x
h = (z * z).relu()
y = h + q + q * x
y.backward()
print(x.dtype, y.dtype, y)
print(y.data.item(), x.grad.item())
print(x.grad)

a = torch.Tensor([-4.0]).double()
b = torch.Tensor([2.0]).double()
a.requires_grad = True
b.requires_grad = True
c = a + b
d = a * b + b ** 3
c = c + c + 1
c = c + 1 + c + (-a)
d = d + d * 2 + (b + a).relu()
d = d + 3 * d + (b - a).relu()
e = c - d
f = e ** 2
g = f / 2.0
g = g + 10.0 / f
g.backward()
print(g.data.item(), a.grad.item(), b.grad.item())
print(g, a.grad, b.grad)
print(g.grad_fn.name(), f.grad_fn.name(), (10.0 / f).grad_fn.name())

for fn in [torch.Tensor.tanh, torch.Tensor.exp, torch.Tensor.sigmoid, torch.Tensor.relu]:
    for v in [-1., .123, 2.]:
        xt = torch.Tensor([v]).double()
        xt.requires_grad = True
        yt = fn(xt)
        yt.backward()
        print(fn.__name__, v, yt.data.item(), xt.grad.item())

# The same expression in float32 differs in the last digits
a32 = torch.tensor([-4.0], requires_grad=True)
b32 = torch.tensor([2.0], requires_grad=True)
c = a32 + b32
d = a32 * b32 + b32 ** 3
c = c + c + 1
c = c + 1 + c + (-a32)
d = d + d * 2 + (b32 + a32).relu()
d = d + 3 * d + (b32 - a32).relu()
g32 = (c - d) ** 2 / 2.0
g32 = g32 + 10.0 / ((c - d) ** 2)
g32.backward()
print(g32.item(), a32.grad.item(), abs(g32.item() - g.item()) < 1e-3)
