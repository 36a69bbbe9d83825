# "The Fundamentals of Autograd" (Introduction to PyTorch on YouTube): tensors printed with their grad_fn,
# walking the graph through grad_fn.next_functions, leaf tensors, requires_grad toggling, no_grad as a
# context and as a decorator, enable_grad, detach, retain_grad; plus the grad_fn names of common ops.
import math

import torch

a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
print(a)
b = torch.sin(a)
print(b)
c = 2 * b
print(c)
d = c + 1
print(d)
out = d.sum()
print(out)


def walk(fn, depth=0):
    name = type(fn).__name__ if fn is not None else 'None'
    print('  ' * depth + name)
    if fn is not None:
        for next_fn, index in fn.next_functions:
            walk(next_fn, depth + 1)


print('d:')
print(d.grad_fn.name())
print([(type(f).__name__, i) for f, i in d.grad_fn.next_functions])
print([type(f).__name__ for f, _ in d.grad_fn.next_functions[0][0].next_functions])
print([type(f).__name__ for f, _ in d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions])
leaf = d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0]
print(type(leaf).__name__, leaf.variable is a, leaf.next_functions)
walk(out.grad_fn)
print('a:', a.grad_fn, a.is_leaf, b.is_leaf)

out.backward()
print(a.grad)
print(c.requires_grad, c.is_leaf)

a = torch.ones(2, 3, requires_grad=True)
b1 = 2 * a
print(b1)
a.requires_grad = False
b2 = 2 * a
print(b2)

a = torch.ones(2, 3, requires_grad=True) * 2
b = torch.ones(2, 3, requires_grad=True) * 3
c1 = a + b
print(c1)
with torch.no_grad():
    c2 = a + b
print(c2)
c3 = a * b
print(c3)


def add_tensors1(x, y):
    return x + y


@torch.no_grad()
def add_tensors2(x, y):
    return x + y


print(add_tensors1(a, b))
print(add_tensors2(a, b))
with torch.no_grad():
    with torch.enable_grad():
        print((a * 2).requires_grad)
print(torch.is_grad_enabled())

torch.manual_seed(0)
x = torch.rand(5, requires_grad=True)
y = x.detach()
print(x)
print(y)

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x * 2
h.retain_grad()
o = (h ** 2).sum()
o.backward()
print(h.grad, x.grad)

t = torch.tensor([[0.5, -1.0], [2.0, 3.0]], requires_grad=True)
W = torch.tensor([[1.0, 0.0], [0.5, 2.0]], requires_grad=True)
lin = torch.nn.Linear(2, 2)
ops = {
    't + 1': t + 1, 't - 1': t - 1, '1 - t': 1 - t, 't * 2': t * 2, 't / 2': t / 2, '1 / t': 1 / t,
    '-t': -t, 't ** 2': t ** 2, '2 ** t': 2 ** t, 't @ W': t @ W, 't.mm(W)': t.mm(W), 't[0] @ W': t[0] @ W,
    't.sum()': t.sum(), 't.mean()': t.mean(), 't.sum(0)': t.sum(0), 't.exp()': t.exp(), 't.log()': t.abs().log(),
    't.relu()': t.relu(), 't.sigmoid()': t.sigmoid(), 't.tanh()': t.tanh(), 't.abs()': t.abs(),
    't.sqrt()': t.abs().sqrt(), 't.T': t.T, 't.t()': t.t(), 't.view(4)': t.view(4), 't.reshape(4)': t.reshape(4),
    't.flatten()': t.flatten(), 't[0]': t[0], 't[:, 1]': t[:, 1], 't[:1]': t[:1], 't.unsqueeze(0)': t.unsqueeze(0),
    't.squeeze()': t.squeeze(), 'cat': torch.cat([t, t]), 'stack': torch.stack([t, t]), 't.max()': t.max(),
    't.max(1)': t.max(1)[0], 't.clone()': t.clone(), 't.pow(3)': t.pow(3), 'where': torch.where(t > 0, t, W),
    'clamp': t.clamp(min=0), 'softmax': t.softmax(1), 'log_softmax': torch.log_softmax(t, 1),
    'linear': lin(t), 'mse': torch.nn.functional.mse_loss(t, W),
    'cross_entropy': torch.nn.functional.cross_entropy(t, torch.tensor([0, 1])),
    'bce': torch.nn.functional.binary_cross_entropy(t.sigmoid(), torch.ones(2, 2)),
    'bce_logits': torch.nn.functional.binary_cross_entropy_with_logits(t, torch.ones(2, 2)),
    't.norm()': t.norm(), 't.expand': t[:, :1].expand(2, 3), 't.double().float()': t.double().float(), 't.double()': t.double(),
}
for name, value in ops.items():
    print(f'{name:>14} {value.grad_fn.name()}')
print(torch.tensor([1.0, 2.0], requires_grad=True) * 2)
print(torch.tensor(2.0, requires_grad=True) ** 2)
