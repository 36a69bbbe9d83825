# Autograd beyond loss.backward(): retain_grad on an intermediate, hooks that print or scale a gradient,
# torch.autograd.grad (first derivatives; autograd_higher_order.py has create_graph=True), requires_grad_(), detach() as
# d2l's "detaching computation" does it, x.grad.zero_(), backward of a non-scalar with gradient=,
# no_grad as a decorator, enable_grad inside no_grad, set_grad_enabled(False), is_leaf, `x.grad is None`,
# and d2l's `f(a)` whose control flow depends on the data.
import torch

torch.manual_seed(11)

x = torch.arange(4.0)
print(x.requires_grad, x.is_leaf, x.grad)
x.requires_grad_(True)
print(x.requires_grad, x.grad is None)
y = 2 * torch.dot(x, x)
print(y)
y.backward()
print(x.grad, x.grad == 4 * x)
x.grad.zero_()
y = x.sum()
y.backward()
print(x.grad)

# Non-scalar output: sum it, or pass gradient=.
x.grad.zero_()
y = x * x
y.backward(gradient=torch.ones(len(y)))
print(x.grad)
x.grad.zero_()
y = x * x
y.sum().backward()
print(x.grad)

# Detaching computation.
x.grad.zero_()
y = x * x
u = y.detach()
z = u * x
z.sum().backward()
print(x.grad == u, u.requires_grad, u.is_leaf, y.is_leaf, z.grad_fn is not None)
x.grad.zero_()
y.sum().backward()
print(x.grad == 2 * x)


def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c


a = torch.randn(size=(), requires_grad=True)
d = f(a)
d.backward()
print(a.grad == d / a)
a = torch.randn(size=(3,), requires_grad=True)
d = f(a)
d.sum().backward()
print(a.grad)

# retain_grad and hooks.
w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
h = w * 3
h.retain_grad()
seen = []
h.register_hook(lambda g: seen.append(g.clone()))
handle = w.register_hook(lambda g: g * 10)
out = (h ** 2).sum()
out.backward()
print(h.grad, h.is_leaf, h.requires_grad)
print(seen)
print(w.grad)
handle.remove()
w.grad = None
(w * w).sum().backward()
print(w.grad)
# PyTorch 1.13 keeps a retained .grad as it stood when retain_grad() was called among the hooks.
for retain_first in (True, False):
    v = torch.tensor([1.0, 2.0], requires_grad=True)
    k = v * 3
    if retain_first:
        k.retain_grad()
    k.register_hook(lambda g: g * 100)
    if not retain_first:
        k.retain_grad()
    k.sum().backward()
    print(retain_first, k.grad, v.grad)
q = w * 2
print(q.is_leaf, q.requires_grad)

x = torch.linspace(-1.0, 1.0, 5, requires_grad=True)
y = (x ** 2).sum()
grads = torch.autograd.grad(outputs=y, inputs=[x], retain_graph=True)
print(type(grads).__name__, len(grads), grads[0])
y.backward()
print(x.grad)
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, -1.0], requires_grad=True)
c = torch.tensor(5.0, requires_grad=True)
out = a * b + a.exp()
ga, gb = torch.autograd.grad(out, (a, b), grad_outputs=torch.tensor([1.0, 0.5]), retain_graph=True)
print(ga, gb, a.grad, b.grad)
print(torch.autograd.grad(out.sum(), [b, c], allow_unused=True))
try:
    torch.autograd.grad(out.sum(), [c])
except RuntimeError as err:
    print('RuntimeError:', err)


@torch.no_grad()
def predict(v):
    return v * 2


x = torch.ones(2, requires_grad=True)
p = predict(x)
print(p, p.requires_grad)
with torch.no_grad():
    r = x * 2
    print(r.requires_grad, torch.is_grad_enabled())
    with torch.enable_grad():
        s = x * 2
    print(s.requires_grad)
torch.set_grad_enabled(False)
t = x * 2
print(t.requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print((x * 2).requires_grad)
print((x * 2).requires_grad, torch.is_grad_enabled())

z = torch.ones(3) @ torch.ones(3, requires_grad=True)
print(z, z.grad_fn.name(), z.is_leaf)
try:
    torch.ones(3).sum().backward()
except RuntimeError as err:
    print('RuntimeError:', err)
try:
    (torch.ones(2, requires_grad=True) * 2).backward()
except RuntimeError as err:
    print('RuntimeError:', err)
