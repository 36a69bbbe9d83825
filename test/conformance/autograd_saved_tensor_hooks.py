# What autograd keeps for backward, and hooks on it: a grad_fn's saved tensors (`_saved_self`, `_saved_other`,
# `_saved_result`), torch.autograd.graph.saved_tensors_hooks with pack/unpack hooks that print, change or
# store what is saved, save_on_cpu around a layer, hooks on one saved tensor (`_raw_saved_*`), and the errors.
import os
import tempfile
import uuid

import torch
import torch.nn as nn

torch.manual_seed(7)

print('--- what a product keeps ---')
u = torch.randn(4, requires_grad=True)
v = torch.full((4,), 3.0, requires_grad=True)
w = u * v
print(type(w.grad_fn).__name__)
print(w.grad_fn._saved_self is u, w.grad_fn._saved_other is v)
print(w.grad_fn._saved_other)
names = sorted(k for k in dir(w.grad_fn) if k in ('_saved_self', '_saved_other', '_raw_saved_self'))
print(names)

print('--- an output is saved too ---')
s = torch.sigmoid(u)
print(s.grad_fn._saved_result.equal(s), s.grad_fn._saved_result is s)
e = u.exp()
print(torch.equal(e.grad_fn._saved_result, e))
print(u.tanh().grad_fn._saved_result.shape)
print((u ** v).grad_fn._saved_exponent is v)

print('--- a chain keeps every step ---')
def cube_twice(t):
    return (t * t * t) * (t * t * t)

x = torch.linspace(-1, 1, 5, requires_grad=True)
y = cube_twice(x)
print(y.grad_fn.name(), y.grad_fn._saved_self.shape, y.grad_fn._saved_other.grad_fn.name())

print('--- pack and unpack, printed ---')
def show_pack(t):
    print('  pack  ', tuple(t.shape), t.requires_grad)
    return t

def show_unpack(t):
    print('  unpack', tuple(t.shape))
    return t

a = torch.ones(3, requires_grad=True)
b = torch.arange(1.0, 4.0, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(show_pack, show_unpack):
    prod = a * b
    print('forward done')
prod.sum().backward()
print(a.grad, b.grad)

print('--- hooks see no grad mode, and their result is what backward uses ---')
def scale_up(t):
    print('  grad enabled in pack:', torch.is_grad_enabled())
    return t * 8

def scale_down(t):
    return t / 8

x = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(scale_up, scale_down):
    y = torch.pow(x, 2)
y.sum().backward()
print(x.grad, torch.equal(x.grad, 2 * x))

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t * 10):
    y = x * x
y.sum().backward()
print('unpack that changes values:', x.grad)

print('--- pack to anything: an index into a list ---')
store = []

def keep(t):
    store.append(t)
    return len(store) - 1

def fetch(i):
    return store[i]

x = torch.randn(5, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(keep, fetch):
    y = (x * x).sum()
y.backward()
print(len(store), torch.allclose(x.grad, 2 * x))

print('--- an MLP under save_on_cpu ---')
net = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 1))
inputs = torch.randn(8, 4)
targets = torch.randn(8, 1)
with torch.autograd.graph.save_on_cpu(pin_memory=True):
    loss = nn.functional.mse_loss(net(inputs), targets)
loss.backward()
print(round(loss.item(), 4), net[0].weight.grad.abs().sum().item() > 0)
print(torch.autograd.graph.save_on_cpu, torch.autograd.graph.saved_tensors_hooks)

print('--- counting what each layer saves ---')
class CountSaved(nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner
        self.count = 0

    def pack(self, t):
        self.count += 1
        return t

    def forward(self, z):
        with torch.autograd.graph.saved_tensors_hooks(self.pack, lambda t: t):
            return self.inner(z)

counted = nn.Sequential(CountSaved(nn.Linear(4, 3)), nn.ReLU(), CountSaved(nn.Linear(3, 2)))
out = counted(torch.randn(5, 4)).pow(2).mean()
out.backward()
print([m.count for m in counted if isinstance(m, CountSaved)])

print('--- saved to disk, deleted when backward frees them ---')
folder = tempfile.TemporaryDirectory()

class TempTensorFile:
    def __init__(self):
        self.name = os.path.join(folder.name, uuid.uuid4().hex)

    def __del__(self):
        os.remove(self.name)

def to_disk(t):
    f = TempTensorFile()
    torch.save(t, f.name)
    return f

def from_disk(f):
    return torch.load(f.name)

x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(to_disk, from_disk):
    y = (x * x).exp().sum()
print('files while the graph lives:', len(os.listdir(folder.name)))
print(y.grad_fn.next_functions[0][0]._saved_result)
y.backward()
print('files after backward:', len(os.listdir(folder.name)))
print(x.grad)

print('--- an unpack hook that works only once ---')
def pack_file(t):
    name = os.path.join(folder.name, 'once')
    torch.save(t, name)
    return name

def unpack_once(name):
    t = torch.load(name)
    os.remove(name)
    return t

x = torch.ones(2, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack_file, unpack_once):
    y = x.pow(3)
print(y.grad_fn._saved_self)
try:
    print(y.grad_fn._saved_self)
    print('second read worked')
except Exception as err:  # PyTorch reports the hook's error as a RuntimeError naming it
    print('second read failed:', type(err).__name__, str(err).split(':')[0])

print('--- hooks on one saved tensor ---')
x = torch.tensor([0.0, 1.0], requires_grad=True)
y = x.exp()
raw = y.grad_fn._raw_saved_result
print(type(raw).__name__)
raw.register_hooks(lambda t: t * 2, lambda t: t / 2)
print(y.grad_fn._saved_result)
try:
    raw.register_hooks(lambda t: t, lambda t: t)
except RuntimeError as err:
    print('RuntimeError:', err)
y.sum().backward()
print(x.grad)

print('--- a custom Function saves through the hooks too ---')
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t * t

    @staticmethod
    def backward(ctx, g):
        (t,) = ctx.saved_tensors
        return 2 * t * g

x = torch.tensor([1.5, -0.5], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(show_pack, show_unpack):
    y = Square.apply(x)
y.sum().backward()
print(x.grad)

print('--- nested contexts: the innermost hooks pack ---')
with torch.autograd.graph.saved_tensors_hooks(lambda t: (print('  outer pack'), t)[1], lambda t: t):
    with torch.autograd.graph.saved_tensors_hooks(lambda t: (print('  inner pack'), t)[1], lambda t: t):
        y = x * x
    z = x.sin()
    with torch.no_grad():
        q = x * x
print('nothing packed under no_grad')

print('--- errors ---')
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: 'not a tensor'):
    y = x * x
try:
    y.sum().backward()
except TypeError as err:
    print('TypeError:', err)

with torch.autograd.graph.disable_saved_tensors_hooks('hooks are off in this block'):
    try:
        with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
            pass
    except RuntimeError as err:
        print('RuntimeError:', err)

y = x.pow(2)
y.sum().backward()
try:
    y.grad_fn._saved_self
except RuntimeError as err:
    print('RuntimeError:', str(err)[:60])
y = x.exp()
try:
    y.grad_fn._saved_other
except AttributeError as err:
    print('AttributeError:', err)
