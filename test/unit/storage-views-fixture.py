#!/usr/bin/env python3
"""Writes test/unit/storage-views-torch113.json: what real PyTorch 1.13 shows about views of one storage
(after "Deep Learning with PyTorch", ch. 3-4): sizes, strides, storage_offset() and is_contiguous() of t(),
transpose, permute, narrow, x[:, 1], step slices, expand and their views; writes through each view seen by
the base and base writes seen by the view; in-place ops (add_, mul_, zero_, fill_, clamp_, copy_, index
assignment) on views; contiguous(); view() against reshape() on non-contiguous tensors; storage() reads and
writes; data_ptr() distances; numpy arrays sharing the storage; autograd through views.
test/unit/storage-views.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/storage-views-fixture.py > test/unit/storage-views-torch113.json
"""

import json

import numpy as np
import torch

results = []


def record(name, **values):
    out = {'case': name}
    for k, v in values.items():
        out[k] = v.tolist() if isinstance(v, (torch.Tensor, np.ndarray)) else v
    results.append(out)


def layout(t):
    return {
        'shape': list(t.shape),
        'stride': list(t.stride()),
        'offset': t.storage_offset(),
        'contiguous': t.is_contiguous(),
    }


def base():
    return torch.arange(24.0).view(2, 3, 4)


VIEWS = {
    'plain': lambda x: x,
    'x[1]': lambda x: x[1],
    'x[:, 1]': lambda x: x[:, 1],
    'x[..., 2]': lambda x: x[..., 2],
    'x[:, ::2]': lambda x: x[:, ::2],
    'x[::2, 1:, 1::2]': lambda x: x[::2, 1:, 1::2],
    'x[:, None, 1]': lambda x: x[:, None, 1],
    'x[1].t()': lambda x: x[1].t(),
    'transpose(0, 2)': lambda x: x.transpose(0, 2),
    'transpose(1, 2)[:, 1, :]': lambda x: x.transpose(1, 2)[:, 1, :],
    'permute(2, 0, 1)': lambda x: x.permute(2, 0, 1),
    'permute(1, 2, 0)[1]': lambda x: x.permute(1, 2, 0)[1],
    'narrow(2, 1, 2)': lambda x: x.narrow(2, 1, 2),
    'narrow(0, 1, 1)': lambda x: x.narrow(0, 1, 1),
    'x.mT': lambda x: x.mT,
    'transpose(0, 1).unsqueeze(0)': lambda x: x.transpose(0, 1).unsqueeze(0),
    'transpose(0, 1).unsqueeze(3)': lambda x: x.transpose(0, 1).unsqueeze(3),
    'x[:, :1].squeeze(1)': lambda x: x[:, :1].squeeze(1),
    'transpose(1, 2).view(2, 2, 2, 3)': lambda x: x.transpose(1, 2).view(2, 2, 2, 3),
    'view(6, 4)[1:4].t()': lambda x: x.view(6, 4)[1:4].t(),
    'x[0].t().reshape(2, 2, 3)': lambda x: x[0].t().reshape(2, 2, 3),
    'x[0].t().flatten()': lambda x: x[0].t().flatten(),
}

for name, make in VIEWS.items():
    x = base()
    v = make(x)
    record(f'layout {name}', **layout(v), values=v)
    x = base()
    v = make(x)
    v.mul_(-1)
    record(f'mul_ through {name}', base=x, view=v)
    x = base()
    v = make(x)
    x.add_(100)
    record(f'base add_ seen by {name}', view=v)
    x = base()
    v = make(x)
    v[0] = 0.5
    x[1, 2, 3] = -7.0
    record(f'index assignment through {name}', base=x, view=v)

x = torch.arange(6.0).view(2, 3)
e = x[:, :1].expand(2, 4)
record('expand layout', **layout(e), values=e)
e2 = torch.tensor([1.0, 2.0, 3.0]).expand(2, 3)
record('expand new dim', **layout(e2))
x[1, 0] = 50.0
record('base write seen by expand', view=e)

# In-place ops on a transposed and a strided view.
for op_name, op in {
    'add_': lambda v: v.add_(torch.tensor([1.0, 2.0])),
    'mul_': lambda v: v.mul_(3),
    'zero_': lambda v: v.zero_(),
    'fill_': lambda v: v.fill_(2.5),
    'clamp_': lambda v: v.clamp_(2.0, 4.0),
    'copy_': lambda v: v.copy_(torch.ones(2)),
    'sub_ alpha': lambda v: v.sub_(torch.ones(2), alpha=2),
    'slice assignment': lambda v: v.__setitem__((slice(None), 0), torch.tensor(9.0)),
}.items():
    a = torch.arange(6.0).view(3, 2)
    at = a.t()
    v = at[:, 1:]
    r = op(v)
    record(f'{op_name} on a view of a transpose', base=a, view=at, returns_self=r is None or r is v)

# contiguous(): itself when contiguous, else a copy that does not share.
x = torch.arange(6.0).view(2, 3)
xt = x.t()
c = xt.contiguous()
c[0, 0] = 99.0
record('contiguous copy', **layout(c), same_as_self=x.contiguous() is x, base=x, shares=c.data_ptr() == x.data_ptr())

# view() against reshape() on non-contiguous tensors.
for name, make in {
    'x.t().view(6)': lambda x: x.t().view(6),
    'x.t().view(-1)': lambda x: x.t().view(-1),
    'x.t().view(3, 1, 2)': lambda x: x.t().view(3, 1, 2),
    'x[:, ::2].view(4)': lambda x: x[:, ::2].view(4),
    'x.permute(1, 0).view(2, 3)': lambda x: x.permute(1, 0).view(2, 3),
    'x.expand(2, 2, 3).view(12)': lambda x: x.expand(2, 2, 3).view(12),
}.items():
    x = torch.arange(6.0).view(2, 3)
    try:
        v = make(x)
        record(f'view {name}', ok=True, **layout(v))
    except RuntimeError as err:
        record(f'view {name}', ok=False, error=str(err))
x = torch.arange(6.0).view(2, 3)
r = x.t().reshape(6)
r[0] = 42.0
record('reshape of a transpose copies', values=r, base=x, **layout(r))
r = x.t().reshape(3, 1, 2)
r[0, 0, 0] = 42.0
record('reshape of a transpose that can be a view', values=r, base=x, **layout(r))

# storage(): the whole storage of the base, read and written.
x = torch.tensor([[5.0, 2.0], [6.0, 3.0], [1.0, 4.0]])
xt = x.t()
s = xt.storage()
record('storage of a transpose', text=str(s), size=len(s), values=s.tolist(), item=s[-1])
s[1] = 8.0
record('storage write seen by views', base=x, view=xt, row=x[1])
for dtype, vals in {'int64': [3, -1, 7], 'bool': [True, False, True], 'float64': [0.1, 2.0, -3.5]}.items():
    t = torch.tensor(vals, dtype=getattr(torch, dtype))
    record(f'storage text {dtype}', text=str(t[1:].storage()), offset=t[1:].storage_offset())
try:
    xt.storage()[6]
except IndexError as err:
    record('storage index out of range', error=str(err))

# data_ptr(): views share the base's address, offset by their storage offset in bytes.
x = torch.arange(12.0).view(3, 4)
record(
    'data_ptr distances',
    t=x.t().data_ptr() - x.data_ptr(),
    row=x[1].data_ptr() - x.data_ptr(),
    col=x[:, 2].data_ptr() - x.data_ptr(),
    clone=x.clone().data_ptr() == x.data_ptr(),
    view=x.view(2, 6).data_ptr() == x.data_ptr(),
)

# numpy arrays sharing a storage, and views of it.
n = np.arange(6.0, dtype=np.float32).reshape(2, 3)
t = torch.from_numpy(n)
tt = t.t()
n[0, 1] = 40.0
record('numpy write seen by a transpose', view=tt)
tt[2, 1] = -5.0
record('transpose write seen by numpy', array=n)
row = t[1].numpy()
row[0] = 77.0
record('numpy of a row shares', base=t)

# Autograd through views: names and gradients.
w = torch.arange(6.0).view(2, 3).requires_grad_()
c = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
names = [
    w.t().grad_fn.name(),
    w.transpose(0, 1).grad_fn.name(),
    w.permute(1, 0).grad_fn.name(),
    w[:, 1].grad_fn.name(),
    w[:, ::2].grad_fn.name(),
    w.expand(2, 2, 3).grad_fn.name(),
    w.narrow(1, 0, 2).grad_fn.name(),
    w.t().reshape(6).grad_fn.name(),
    w.mT.grad_fn.name(),
]
(w.t() * c).sum().backward()
record('grad through t()', names=names, grad=w.grad)
w.grad = None
(w.permute(1, 0)[::2] ** 2).sum().backward()
record('grad through permute and a step slice', grad=w.grad)
w.grad = None
(w.expand(4, 2, 3) * torch.arange(4.0).view(4, 1, 1)).sum().backward()
record('grad through expand', grad=w.grad)
w.grad = None
h = w * 2
ht = h.t()
y = (ht * c).sum()
y.backward()
record('grad through a transposed non-leaf', grad=w.grad)
w.grad = None
with torch.no_grad():
    w.t()[0].mul_(10)
record('no_grad write through a view of a leaf', w=w)
(w.t()[1:] * 3).sum().backward()
record('grad after the no_grad write', grad=w.grad)

# Random fills through a strided view, and an optimizer step seen by a transposed view kept across it.
torch.manual_seed(0)
x = torch.zeros(2, 3)
x[:, 1].uniform_(-1, 1)
x.t()[2].normal_()
record('random fills through views', base=x)
w = torch.ones(2, 3, requires_grad=True)
wt = w.t()
opt = torch.optim.SGD([w], lr=0.5)
(w * torch.arange(6.0).view(2, 3)).sum().backward()
opt.step()
record('optimizer step seen by a transpose', view=wt)

# Tensor.unfold: sliding windows as a view (strides step * s and s), writes through it, overlapping windows'
# gradients summed, a 0-dim tensor, and its errors.
x = torch.arange(1.0, 8.0)
u = x.unfold(0, 3, 2)
record('unfold windows of a vector', view=u, **layout(u))
a = base()
for args in [(2, 2, 1), (1, 2, 1), (0, 1, 3)]:
    v = a.unfold(*args)
    record(f'unfold{args} of a 3-D base', view=v, **layout(v))
v = a.transpose(0, 2).unfold(0, 3, 1)
record('unfold of a transpose', view=v, **layout(v))
u[1, 0] = 100.0
record('write through an unfold view', base=x)
w = torch.arange(6.0, requires_grad=True)
y = w.unfold(0, 3, 1)
(y * torch.arange(12.0).view(4, 3)).sum().backward()
record('grad through overlapping unfold windows', node=y.grad_fn.name(), grad=w.grad)
record('unfold of a 0-dim tensor', view=torch.tensor(5.0).unfold(0, 1, 1))
errors = []
for args in [(0, 9, 1), (0, 2, 0), (3, 1, 1)]:
    try:
        x.unfold(*args)
    except Exception as e:
        errors.append(f'{type(e).__name__}: {e}')
record('unfold errors', errors=errors)

print(json.dumps(results, indent=1))
