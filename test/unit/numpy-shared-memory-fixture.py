#!/usr/bin/env python3
"""Writes test/unit/numpy-shared-memory-torch113.json: what real PyTorch 1.13 with NumPy 1.24 shows when a
tensor and a numpy array share memory (Tensor.numpy(), torch.from_numpy, torch.as_tensor) for each dtype,
both ways: in-place tensor ops, index assignment, numpy ufuncs with out=, in-place operators, writes through
views of the shared array, and the cases that copy (torch.tensor(ndarray), np.array(tensor),
as_tensor with another dtype), and torch.from_numpy of views (rows, column slices, transposes). test/unit/numpy-shared-memory.test.ts runs this same file on our torch and
numpy in Pyodide and compares.

    /usr/bin/python3 test/unit/numpy-shared-memory-fixture.py > test/unit/numpy-shared-memory-torch113.json
"""

import json

import numpy as np
import torch

DTYPES = {
    'float32': ([1.5, -2.0, 0.1, 4.0, 0.0, 3.25], 0.1),
    'float64': ([1.5, -2.0, 0.1, 4.0, 0.0, 3.25], 0.1),
    'int64': ([1, -2, 3, 40, 0, 7], 5),
    'int32': ([1, -2, 3, 2147483647, 0, 7], 5),
    'uint8': ([1, 2, 3, 250, 0, 7], 9),
    'bool': ([True, False, True, False, False, True], True),
}

results = []


def record(name, dtype, **values):
    out = {'case': f'{dtype}: {name}'}
    for k, v in values.items():
        if isinstance(v, torch.Tensor):
            out[k] = {'values': v.tolist(), 'dtype': str(v.dtype)}
        elif isinstance(v, np.ndarray):
            out[k] = {'values': v.tolist(), 'dtype': v.dtype.name, 'shape': list(v.shape)}
        else:
            out[k] = v
    results.append(out)


for name, (vals, x) in DTYPES.items():
    tdt = getattr(torch, name)
    ndt = getattr(np, 'bool_' if name == 'bool' else name)
    is_bool = name == 'bool'

    # tensor -> numpy: writes through the tensor are seen in the array, and back
    t = torch.tensor(vals, dtype=tdt)
    n = t.numpy()
    record('numpy() of a new tensor', name, n=n)
    if is_bool:
        t.copy_(~t)
    else:
        t.add_(1)
    record('t in-place op seen in n', name, n=n)
    t[1] = x
    record('t[1] = x seen in n', name, n=n)
    if not is_bool:
        t.mul_(2)
        record('t.mul_(2) seen in n', name, n=n)
    n[0] = x
    record('n[0] = x seen in t', name, t=t)
    t.zero_()
    record('t.zero_() seen in n', name, n=n)

    # numpy -> tensor
    n = np.array(vals, dtype=ndt)
    t = torch.from_numpy(n)
    c = torch.tensor(n)
    a = torch.as_tensor(n)
    if is_bool:
        np.logical_not(n, out=n)
    else:
        np.add(n, 1, out=n)
    record('np.add(n, 1, out=n) seen by from_numpy and as_tensor', name, t=t, c=c, a=a)
    if not is_bool:
        n += x
        record('n += x', name, t=t, a=a)
        np.multiply(n, 3, out=n)
        record('np.multiply(n, 3, out=n)', name, t=t)
        n -= n[0]
        record('n -= n[0]', name, t=t)
    n[2] = x
    t[3] = x
    record('n[2] = x and t[3] = x', name, t=t, n=n)
    n[...] = vals
    record('n[...] = values', name, t=t)

    # views of a shared array write through to the tensor, and see the tensor's writes
    t = torch.tensor(vals, dtype=tdt).reshape(2, 3)
    n = t.numpy()
    row = n[1]
    col = n[:, 1]
    n[0, 2] = x
    row[0] = x
    col[0] = x
    n[1, ::2] = x
    record('writes through views of n', name, t=t)
    t[1, 1] = x
    record('views see t[1, 1] = x', name, row=row, col=col, nT=n.T, flat=n.ravel())
    record('reductions of n', name, s=n.sum().item(), m=n.max().item(), axis0=n.sum(axis=0))
    record('advanced indexing of n', name, sel=n[[1, 0], [2, 1]], mask=n[n > 0] if not is_bool else n[n])

    # detach().numpy() shares; numpy() refuses a tensor requiring grad
    if name in ('float32', 'float64'):
        w = torch.tensor(vals, dtype=tdt, requires_grad=True)
        try:
            w.numpy()
            err = None
        except RuntimeError as e:
            err = str(e)
        d = w.detach().numpy()
        with torch.no_grad():
            w.sub_(1)
        record('detach().numpy() shares; numpy() of requires_grad', name, d=d, err=err)
        # copies: as_tensor to another dtype, np.array(tensor), a clone
        n = np.array(vals, dtype=ndt)
        other = torch.as_tensor(n, dtype=torch.float64 if name == 'float32' else torch.float32)
        t = torch.from_numpy(n)
        copied = np.array(t)
        n *= 2
        record('as_tensor(dtype=other) and np.array(t) copy', name, other=other, copied=copied, t=t)

# a whole reshape of an arange shares, as in PyTorch
X = np.arange(6.0).reshape(2, 3)
T = torch.from_numpy(X)
X += 1
T[0, 0] = -5
record('from_numpy of np.arange(6.).reshape(2, 3)', 'float64', T=T, X=X)
# torch.from_numpy(t.numpy()) is the same memory
t = torch.ones(4)
u = torch.from_numpy(t.numpy())
u.add_(1)
record('from_numpy(t.numpy()) shares with t', 'float32', t=t)
# a mid-sized tensor (the engine carves it from a shared slab), a row of a matrix, and a 0-d tensor share too
b = torch.arange(100.0)
n = b.numpy()
b.mul_(2)
n[1:4] = -1
record('numpy() of arange(100.)', 'float32', n=n[:6], s=n.sum().item(), b=b[:6])
k = torch.ones(2, 2)
kn = k[0].numpy()
k[0, 1] = 9
record('numpy() of a row k[0]', 'float32', kn=kn)
s0 = torch.tensor(2.0)
z = s0.numpy()
s0.add_(1)
z[()] = z * 2
record('numpy() of a 0-d tensor', 'float32', z=z, s0=s0)
# a large gradient buffer zeroed by zero_grad, then written through numpy: the next backward (a matmul's
# gradient (F.linear's), which the engine may copy into a gradient it knows to be all zeros) adds to it
w = torch.zeros(50, 100, requires_grad=True)
x = torch.ones(3, 100)
torch.nn.functional.linear(x, w).sum().backward()
opt = torch.optim.SGD([w], lr=0.1)
opt.zero_grad(set_to_none=False)
g = w.grad.numpy()
g[:] = 1.0
torch.nn.functional.linear(x, w).sum().backward()
record('w.grad written through numpy after zero_grad', 'float32', g=[w.grad[0, 0].item(), w.grad[49, 99].item()])
# from_numpy of views shares with the base and its other views (Loeber's WineDataset: rows of
# `xy[:, 1:]` from np.loadtxt, multiplied in place by a transform)
xy = np.arange(12, dtype=np.float32).reshape(3, 4)
x_data = xy[:, 1:]
row = torch.from_numpy(x_data[0])
row *= 4
record('from_numpy of a row of a column slice', 'float32', xy=xy, x_data=x_data, row=row)
again = torch.from_numpy(x_data[0])
again += 1
xy[2, 3] = -1
last = torch.from_numpy(x_data[2])
record('from_numpy of rows after the buffer is shared', 'float32', xy=xy, again=again, row=row, last=last)
m = np.arange(6.0).reshape(2, 3)
tT = torch.from_numpy(m.T)
m[0, 1] = 50
tT.mul_(2)
record('from_numpy of a transpose', 'float64', m=m, tT=tT, stride=list(tT.stride()), contig=tT.is_contiguous())
v = np.arange(10)
ev = torch.from_numpy(v[::2])
ev[1] = -7
record('from_numpy of a strided slice', 'int64', v=v, ev=ev, stride=list(ev.stride()))
z = np.zeros((4, 3), dtype=np.float32)
mid = torch.from_numpy(z[1])
mid.add_(3)
record('from_numpy of a row of a fresh array', 'float32', z=z, s=(mid * 2).sum().item())
# views made before from_numpy of the whole array (features and labels sliced off a loaded table) share too
table = np.arange(8.0).reshape(4, 2)
feats, labels = table[:, 0], table[:, 1]
whole = torch.from_numpy(table)
whole[:, 1] *= -1
feats[0] = 99
record('views made before from_numpy of the whole array', 'float64', feats=feats, labels=labels, whole=whole)
print(json.dumps(results, indent=1))
