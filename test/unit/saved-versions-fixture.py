#!/usr/bin/env python3
"""Writes test/unit/saved-versions-torch113.json: what real PyTorch 1.13 does when a tensor saved for backward
is written in place before backward runs (the "modified by an inplace operation" error, its exact message,
and the cases that must keep working): saved results (exp, sigmoid, tanh, relu, softmax) and saved inputs
(mul, log, mm's weight view, the mse and bce losses), views and detach() sharing the version counter, `.data` not sharing it,
optimizer steps and no_grad updates between forward and backward, in-place ops that save a clone of self,
create_graph and autograd.grad; matmul's folded, transposed and batched cases and einsum (views PyTorch's
reshape made, or copies it did not track), reductions that save their result, mse_loss's broadcast operands,
a custom Function's ctx.saved_tensors (checked when backward reads them) and in-place writes through views
(CopySlices). test/unit/saved-versions.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/saved-versions-fixture.py > test/unit/saved-versions-torch113.json
"""

import json

import torch

F = torch.nn.functional
results = []


def rounded(t):
    return None if t is None else [round(v, 4) for v in t.flatten().tolist()]


def case(name):
    """Runs the decorated body; records its RuntimeError message or what it returned (gradients, versions)."""

    def run(body):
        try:
            out = body()
            results.append({'case': name, 'error': None, 'out': out})
        except RuntimeError as e:
            results.append({'case': name, 'error': str(e), 'out': None})

    return run


def leaf(*values, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype, requires_grad=True)


@case('exp then add_: the saved result changed')
def _():
    w = leaf(1.0, 2.0, 3.0)
    h = w.exp()
    versions = [h._version]
    h.add_(1)
    versions.append(h._version)
    h.sum().backward()
    return versions


@case('sigmoid then mul_')
def _():
    s = torch.sigmoid(leaf(0.5, -1.0, 2.0) * 2)
    s.mul_(2)
    s.sum().backward()


@case('add then add_: nothing saved')
def _():
    w = leaf(1.0, 2.0, 3.0)
    t = w * 2
    t.add_(1)
    t.sum().backward()
    return rounded(w.grad)


@case('relu_ in the middle of a chain')
def _():
    w = leaf(1.0, -2.0, 3.0)
    a = (w * 1).relu_()
    a.exp().sum().backward()
    return rounded(w.grad)


@case('relu then relu_ after its use')
def _():
    w = leaf(1.0, -2.0, 3.0)
    b = (w * 1).relu()
    c = b * 3
    b.relu_()
    c.sum().backward()


@case('exp_ then add_: saved at the version exp_ left')
def _():
    x = leaf(1.0, 2.0, 3.0).exp()
    x.exp_()
    x.add_(1)
    x.sum().backward()


@case('float64 exp then add_')
def _():
    h = leaf(1.0, -2.0, 3.0, dtype=torch.float64).exp()
    h.add_(1)
    h.sum().backward()


@case('tanh then add_')
def _():
    y = torch.tanh(leaf(1.0, 2.0, 3.0) * 1)
    y.add_(1)
    y.sum().backward()


@case('softmax then mul_')
def _():
    y = torch.softmax(torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True), 1)
    y.mul_(2)
    y.sum().backward()


@case('mul saves its input: named after its grad_fn now')
def _():
    a = leaf(1.0, -2.0, 3.0) * 2
    b = a * a
    a.add_(1)
    b.sum().backward()


@case('log saves its input')
def _():
    a = leaf(1.0, 2.0, 3.0) * 1
    y = a.log()
    a.add_(1)
    y.sum().backward()


@case('a leaf input changed: no grad_fn in the message')
def _():
    x = torch.tensor([1.0, 2.0, 3.0])
    y = (x * leaf(1.0, 2.0, 3.0)).sum()
    x.add_(1)
    y.backward()


@case('mul does not save the operand only it needs a gradient for')
def _():
    x = torch.tensor([1.0, 2.0, 3.0])
    w = leaf(4.0, 5.0, 6.0)
    y = (x * w).sum()
    with torch.no_grad():
        w.add_(1)
    y.backward()
    return rounded(w.grad)


@case('div saves the divisor')
def _():
    x = torch.tensor([1.0, 2.0, 3.0])
    y = (leaf(1.0, 2.0, 3.0) / x).sum()
    x.add_(1)
    y.backward()


@case('pow saves its base')
def _():
    a = leaf(1.0, 2.0, 3.0) * 1
    y = (a**2).sum()
    a.add_(1)
    y.backward()


@case('a view of the saved result written in place')
def _():
    e = leaf(1.0, 2.0, 3.0).exp()
    e[0:2].mul_(2)
    e.sum().backward()


@case('view() of the saved result written in place')
def _():
    y = (leaf(1.0, 2.0, 3.0) * 1).exp()
    v = y.view(3)
    v.mul_(2)
    y.sum().backward()


@case('detach() then in place')
def _():
    e = leaf(1.0, 2.0, 3.0).exp()
    d = e.detach()
    d.add_(1)
    versions = [e._version, d._version]
    e.sum().backward()
    return versions


@case('detach() of a saved leaf input')
def _():
    w = leaf(1.0, 2.0, 3.0)
    x = w.detach()
    y = (x * w).sum()
    x.add_(1)
    y.backward()


@case('.data write is not seen')
def _():
    w = leaf(1.0, 2.0, 3.0)
    e = w.exp()
    e.data.add_(1)
    versions = [e._version]
    e.sum().backward()
    return [versions, rounded(w.grad)]


@case('mm saves the transposed view of its input')
def _():
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True) * 1
    b = torch.ones(2, 2, requires_grad=True) @ a.t()
    a.add_(1)
    b.sum().backward()


@case('optimizer step between two backwards through a saved weight')
def _():
    torch.manual_seed(0)
    l1 = torch.nn.Linear(4, 3)
    l2 = torch.nn.Linear(3, 2)
    opt = torch.optim.SGD(list(l1.parameters()) + list(l2.parameters()), lr=0.1)
    x = torch.randn(5, 4)
    loss = l2(torch.relu(l1(x))).pow(2).sum()
    loss.backward(retain_graph=True)
    opt.step()
    loss.backward()


@case('optimizer step through a first layer only saves its input')
def _():
    torch.manual_seed(0)
    lin = torch.nn.Linear(4, 1)
    opt = torch.optim.SGD(lin.parameters(), lr=0.1)
    loss = lin(torch.randn(5, 4)).sum()
    loss.backward(retain_graph=True)
    opt.step()
    loss.backward()
    return [lin.weight._version, rounded(lin.bias.grad)]


@case('manual SGD: .data update then a new forward')
def _():
    w = leaf(1.0, 2.0, 3.0)
    x = torch.tensor([0.5, -1.0, 2.0])
    for _ in range(3):
        loss = ((w * x).exp() * w).sum()
        loss.backward()
        w.data -= 0.01 * w.grad
        w.grad.zero_()
    return [w._version, rounded(w)]


@case('manual SGD: no_grad update then a new forward')
def _():
    w = leaf(1.0, 2.0, 3.0)
    x = torch.tensor([0.5, -1.0, 2.0])
    for _ in range(3):
        loss = (torch.sigmoid(w * x) * w).sum()
        loss.backward()
        with torch.no_grad():
            w -= 0.1 * w.grad
        w.grad = None
    return [w._version, rounded(w)]


@case('no_grad in place on a saved non-leaf')
def _():
    a = leaf(1.0, 2.0, 3.0) * 1
    y = (a * a).sum()
    with torch.no_grad():
        a.add_(1)
    y.backward()


@case('in-place ops that need the old value save a clone')
def _():
    w = leaf(1.0, 2.0, 3.0)
    w2 = leaf(1.0, 2.0, 3.0)
    a = w * 1
    a.mul_(w2)
    a.sin_()
    a.div_(w)
    a.add_(1)
    a.sum().backward()
    return [rounded(w.grad), rounded(w2.grad)]


@case('sigmoid_ then add_')
def _():
    a = leaf(1.0, 2.0, 3.0) * 1
    a.sigmoid_()
    a.add_(1)
    a.sum().backward()


@case('create_graph=True checks too')
def _():
    h = leaf(1.0, 2.0, 3.0).exp()
    h.add_(1)
    h.sum().backward(create_graph=True)


@case('autograd.grad runs only the nodes it needs')
def _():
    w = leaf(1.0, 2.0, 3.0)
    u = leaf(1.0, 2.0, 3.0)
    a = w.exp()
    b = u.exp()
    loss = a.sum() + b.sum()
    b.add_(1)
    (g,) = torch.autograd.grad(loss, [w])
    return rounded(g)


@case('autograd.grad through a changed saved tensor')
def _():
    w = leaf(1.0, 2.0, 3.0)
    a = w.exp()
    loss = a.sum()
    a.add_(1)
    torch.autograd.grad(loss, [w])


@case('mse_loss saves its target')
def _():
    y = torch.tensor([1.0, 0.0, 2.0])
    loss = torch.nn.functional.mse_loss(leaf(0.5, 0.5, 0.5) * 2, y)
    y.mul_(2)
    loss.backward()


@case('binary_cross_entropy saves its input')
def _():
    p = torch.sigmoid(leaf(0.5, -1.0, 2.0)) * 1
    loss = torch.nn.functional.binary_cross_entropy(p, torch.tensor([1.0, 0.0, 1.0]))
    p.clamp_(0.1, 0.9)
    loss.backward()


@case('binary_cross_entropy_with_logits saves its target')
def _():
    y = torch.tensor([1.0, 0.0, 1.0])
    loss = torch.nn.functional.binary_cross_entropy_with_logits(leaf(0.5, -1.0, 2.0), y)
    y.fill_(0.5)
    loss.backward()


@case('versions shared by views, not by .data')
def _():
    x = torch.zeros(2, 3)
    v = x.view(6)
    t = x.t()
    d = x.detach()
    v.add_(1)
    t.mul_(2)
    d.sub_(1)
    x.data.add_(1)
    x[0].fill_(3)
    return [x._version, v._version, t._version, d._version]


def nonleaf(*shape):
    """A non-leaf float32 tensor of distinct values (its grad_fn MulBackward0 until written in place)."""
    return (torch.arange(torch.Size(shape).numel(), dtype=torch.float32).reshape(shape) / 7 + 0.5).requires_grad_() * 1


@case('matmul 3-D @ 2-D: the folded input')
def _():
    x = nonleaf(2, 3, 4)
    w = nonleaf(4, 2)
    y = x @ w
    x.add_(1)
    y.sum().backward()


@case('matmul 3-D @ 2-D: the weight')
def _():
    x = nonleaf(2, 3, 4)
    w = nonleaf(4, 2)
    y = x @ w
    w.add_(1)
    y.sum().backward()


@case('matmul 3-D @ 1-D')
def _():
    x = nonleaf(2, 3, 4)
    v = nonleaf(4)
    y = x @ v
    v.mul_(2)
    y.sum().backward()


@case('bmm saves both')
def _():
    a = nonleaf(2, 3, 4)
    b = nonleaf(2, 4, 2)
    y = torch.bmm(a, b)
    a.add_(1)
    y.sum().backward()


@case('batched matmul with broadcast')
def _():
    a = nonleaf(2, 3, 4)
    b = nonleaf(1, 4, 2)
    y = torch.matmul(a, b)
    b.add_(1)
    y.sum().backward()


@case('matmul of 1-D vectors')
def _():
    a = nonleaf(3)
    b = nonleaf(3)
    y = a @ b
    b.add_(1)
    y.backward()


@case('matmul 1-D @ 2-D')
def _():
    a = nonleaf(3)
    b = nonleaf(3, 2)
    y = a @ b
    a.add_(1)
    y.sum().backward()


@case('matmul 1-D @ 3-D')
def _():
    a = nonleaf(4)
    b = nonleaf(2, 4, 3)
    y = a @ b
    a.add_(1)
    y.sum().backward()


@case('matmul 1-D @ 3-D: the batched operand is copied, not saved')
def _():
    a = nonleaf(4)
    b = nonleaf(2, 4, 3)
    y = a @ b
    b.add_(1)
    y.sum().backward()
    return rounded(a.grad)


@case('matmul 2-D @ 3-D: the transposed matrix')
def _():
    a = nonleaf(2, 4)
    b = nonleaf(2, 4, 3)
    y = a @ b
    a.mul_(2)
    y.sum().backward()


@case('matmul with a broadcast batch that reshape copies')
def _():
    a = nonleaf(1, 2, 3, 4)
    b = nonleaf(2, 1, 4, 2)
    y = a @ b
    a.add_(1)
    b.add_(1)
    y.sum().backward()
    return [rounded(a.grad), rounded(b.grad)]


@case('matmul with a batch of one folds to a view')
def _():
    a = nonleaf(3)
    b = nonleaf(1, 3, 2)
    y = a @ b
    b.add_(1)
    y.sum().backward()


@case('matmul of a transposed 3-D operand')
def _():
    a = nonleaf(2, 4, 3)
    w = nonleaf(4, 2)
    y = a.transpose(1, 2) @ w
    a.add_(1)
    y.sum().backward()
    return rounded(w.grad)


@case('prod saves its result')
def _():
    y = nonleaf(3).prod()
    z = y * 1
    y.add_(1)
    z.backward()


@case('prod saves its input')
def _():
    a = nonleaf(3)
    y = a.prod()
    a.add_(1)
    y.backward()


@case('prod over a dim')
def _():
    a = nonleaf(2, 3)
    y = a.prod(1)
    y.mul_(2)
    y.sum().backward()


@case('max over a dim saves no values')
def _():
    a = nonleaf(2, 3)
    y, i = a.max(1)
    y.add_(1)
    a.add_(1)
    y.sum().backward()
    return rounded(i.float())


@case('max of all saves its result')
def _():
    y = nonleaf(2, 3).max()
    y.add_(1)
    y.backward()


@case('min of all saves its input')
def _():
    a = nonleaf(2, 3)
    y = a.min()
    a.add_(1)
    y.backward()


@case('amax saves its result')
def _():
    y = nonleaf(2, 3).amax(1)
    y.add_(1)
    y.sum().backward()


@case('norm saves its result')
def _():
    y = nonleaf(2, 3).norm()
    y.mul_(2)
    y.backward()


@case('norm over a dim saves its input')
def _():
    a = nonleaf(2, 3)
    y = a.norm(dim=1)
    a.mul_(2)
    y.sum().backward()


@case('logsumexp saves its result')
def _():
    y = nonleaf(2, 3).logsumexp(1)
    y.sub_(1)
    y.sum().backward()


@case('std saves its result')
def _():
    y = nonleaf(2, 3).std(1)
    y.add_(1)
    y.sum().backward()


@case('var saves only its input')
def _():
    a = nonleaf(2, 3)
    y = a.var(1)
    y.add_(1)
    a.add_(1)
    y.sum().backward()


@case('cumsum saves nothing')
def _():
    a = nonleaf(2, 3)
    y = a.cumsum(1)
    y.add_(1)
    a.add_(1)
    y.sum().backward()
    return rounded(a)


@case('cumprod saves its result')
def _():
    y = nonleaf(4).cumprod(0)
    y.add_(1)
    y.sum().backward()


@case('mse_loss with a broadcast target')
def _():
    y = torch.tensor([1.0, 0.0, 2.0])
    loss = F.mse_loss(nonleaf(2, 3), y)
    y.mul_(2)
    loss.backward()


@case('mse_loss sum saves its input')
def _():
    x = nonleaf(2, 3)
    loss = F.mse_loss(x, torch.zeros(2, 3), reduction='sum')
    x.mul_(2)
    loss.backward()


@case('mse_loss none with a broadcast input')
def _():
    x = nonleaf(3)
    loss = F.mse_loss(x, torch.ones(2, 3), reduction='none')
    x.add_(1)
    loss.sum().backward()


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 2 * x * g


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        r = x.exp()
        ctx.save_for_backward(r)
        return r

    @staticmethod
    def backward(ctx, g):
        (r,) = ctx.saved_tensors
        return g * r


class Unused(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * 3

    @staticmethod
    def backward(ctx, g):
        return g * 3


@case('custom Function: saved input changed')
def _():
    a = nonleaf(3)
    y = Square.apply(a)
    a.add_(1)
    y.sum().backward()


@case('custom Function: saved output changed')
def _():
    y = Exp.apply(nonleaf(3))
    y.mul_(2)
    y.sum().backward()


@case('custom Function: saved leaf changed under no_grad')
def _():
    w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = Square.apply(w)
    with torch.no_grad():
        w.add_(1)
    y.sum().backward()


@case('custom Function: saved but never read')
def _():
    a = nonleaf(3)
    y = Unused.apply(a)
    a.add_(1)
    y.sum().backward()


@case('custom Function: saved tensor unchanged')
def _():
    w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    Square.apply(w * 1).sum().backward()
    return rounded(w.grad)


@case('CopySlices: a slice of a saved result written')
def _():
    y = nonleaf(2, 3).exp()
    y[0, 1:].mul_(2)
    y.sum().backward()


@case('CopySlices: in-place on a view of a saved input, base requires grad')
def _():
    a = nonleaf(2, 3)
    y = a * a
    a[0].add_(1)
    y.sum().backward()


@case('CopySlices: a slice assignment into a saved input')
def _():
    a = nonleaf(4)
    y = a.exp() * a
    a[1:3] = torch.tensor([5.0, 6.0])
    y.sum().backward()


@case('CopySlices: a saved view of a tensor written through its base')
def _():
    a = nonleaf(2, 3)
    v = a[0]
    y = v.exp()
    a.add_(1)
    y.sum().backward()


@case('CopySlices: saved view written through another view')
def _():
    a = nonleaf(2, 3)
    v = a[1]
    y = v * v
    a[1, 0] = 9.0
    y.sum().backward()


@case('CopySlices: gradients through an in-place mul_ on a view')
def _():
    w = leaf(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    x = w.view(2, 3) * 1
    v = x[0]
    v.mul_(torch.tensor([3.0, -1.0, 0.5]))
    (x * x).sum().backward()
    return [rounded(w.grad), type(x.grad_fn).__name__, type(v.grad_fn).__name__]


@case('CopySlices: a view of a leaf written in place')
def _():
    w = leaf(1.0, 2.0, 3.0)
    w[0:2].mul_(2)


@case('CopySlices: a buffer filled through its views')
def _():
    b = torch.zeros(4)
    p = leaf(1.0, 2.0)
    q = leaf(3.0)
    b[0:2].add_(p)
    b[3:].add_(q * 2)
    (b * b).sum().backward()
    return [b.requires_grad, rounded(p.grad), rounded(q.grad)]


@case('CopySlices: exp_ on a view saves the view')
def _():
    w = leaf(0.5, 1.0, 1.5)
    a = w * 1
    a[1:].exp_()
    (a * a).sum().backward()
    return rounded(w.grad)


@case('einsum bij,bjk->bik: an operand written in place')
def _():
    a = nonleaf(2, 3, 4)
    b = nonleaf(2, 4, 2)
    y = torch.einsum('bij,bjk->bik', a, b)
    a.add_(1)
    y.sum().backward()
    return rounded(b)


@case('einsum ij,kj->ik: the transposed operand written in place')
def _():
    a = nonleaf(3, 4)
    b = nonleaf(2, 4)
    y = torch.einsum('ij,kj->ik', a, b)
    b.mul_(2)
    y.sum().backward()
    return rounded(a)


@case('einsum bhqd,bhkd->bhqk: attention scores')
def _():
    q = nonleaf(2, 2, 3, 4)
    k = nonleaf(2, 2, 3, 4)
    y = torch.einsum('bhqd,bhkd->bhqk', q, k)
    q.add_(1)
    y.sum().backward()
    return rounded(k)


print(json.dumps(results, indent=1))
