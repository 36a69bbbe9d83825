#!/usr/bin/env python3
"""Writes test/unit/saved-versions-torch113.json: what real PyTorch 1.13 does when a tensor saved for backward
is written in place before backward runs (the "modified by an inplace operation" error, its exact message,
and the cases that must keep working): saved results (exp, sigmoid, tanh, relu, softmax) and saved inputs
(mul, log, mm's weight view, the mse and bce losses), views and detach() sharing the version counter, `.data` not sharing it,
optimizer steps and no_grad updates between forward and backward, in-place ops that save a clone of self,
create_graph and autograd.grad. test/unit/saved-versions.test.ts runs this same file on our torch in
Pyodide and compares.

    /usr/bin/python3 test/unit/saved-versions-fixture.py > test/unit/saved-versions-torch113.json
"""

import json

import torch

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


print(json.dumps(results, indent=1))
