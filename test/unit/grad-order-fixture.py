#!/usr/bin/env python3
"""Writes test/unit/grad-order-torch113.json: gradients that depend on how PyTorch 1.13 adds things up, each
value as float.hex() so that the comparison is bit for bit:
  - a matrix product's gradients where an operand is column-major (x @ w.t(), a.t() @ b): PyTorch's mm
    backward computes those as the transposed product the other way round;
  - a weight whose gradient sums contributions from a forward pass and from a create_graph backward pass
    (the engine runs ready nodes latest-made first: the order the contributions add up in);
  - the gradients of tanh's and sigmoid's backward (the second derivative), in PyTorch's rounding order;
  - the grad_fn of a first derivative taken through unsqueeze / squeeze with create_graph=True;
  - gelu's backward (oneDNN's kernel for more than one value, the scalar code for one) and layer_norm's
    backward (ATen's float32 lanes and fused multiply-adds), for row lengths on both sides of 8 lanes.
test/unit/grad-order.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/grad-order-fixture.py > test/unit/grad-order-torch113.json
"""

import torch

from fixture_cases import dump, record


def bits(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]


def column_major_products():
    torch.manual_seed(0)
    out = []
    for m, i, o in [(32, 16, 16), (64, 24, 20), (12, 40, 8)]:
        x = torch.randn(m, i, requires_grad=True)
        w = torch.randn(o, i, requires_grad=True)
        r = torch.randn(m, o)
        (torch.matmul(x, w.t()) * r).sum().backward()
        a = torch.randn(i, m, requires_grad=True)
        b = torch.randn(o, i, requires_grad=True)
        (torch.mm(a.t(), b.t()) * r).sum().backward()
        out += [bits(w.grad), bits(x.grad), bits(a.grad), bits(b.grad)]
    return out


def create_graph_products():
    """A column-major product's gradients taken with create_graph=True, then differentiated again."""
    torch.manual_seed(1)
    x = torch.randn(16, 12, requires_grad=True)
    w = torch.randn(10, 12, requires_grad=True)
    gx, gw = torch.autograd.grad((torch.tanh(x @ w.t()) ** 2).sum(), (x, w), create_graph=True)
    (gx.pow(2).sum() + gw.pow(2).sum()).backward()
    return [bits(gx), bits(gw), bits(x.grad), bits(w.grad)]


def second_derivative_net():
    """u(x) of a small tanh network, u' by create_graph, and the gradient of mean(u'^2) in its weights."""
    torch.manual_seed(0)
    w1 = torch.randn(16, 1, requires_grad=True)
    b1 = torch.randn(16, requires_grad=True)
    w2 = torch.randn(16, 16, requires_grad=True)
    b2 = torch.randn(16, requires_grad=True)
    w3 = torch.randn(1, 16, requires_grad=True)
    x = torch.linspace(0, 1, 32).reshape(-1, 1).requires_grad_(True)
    u = torch.tanh(torch.tanh(x @ w1.t() + b1) @ w2.t() + b2) @ w3.t()
    ux = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
    uxx = torch.autograd.grad(ux, x, torch.ones_like(ux), create_graph=True)[0]
    ((ux**2).mean() + (uxx**2).mean()).backward()
    return [bits(ux), bits(uxx)] + [bits(p.grad) for p in (w1, b1, w2, b2, w3)]


def activation_second_derivatives():
    torch.manual_seed(2)
    out = []
    for fn in (torch.tanh, torch.sigmoid):
        x = torch.randn(2000, requires_grad=True)
        y = fn(x)
        (g,) = torch.autograd.grad(y, x, torch.randn(2000, requires_grad=True), create_graph=True)
        (gg,) = torch.autograd.grad((g * torch.randn(2000)).sum(), x)
        out += [g.grad_fn.name(), bits(gg)]
    return out


def unsqueeze_squeeze_names():
    x = torch.tensor([0.3, 0.7], requires_grad=True)
    y = (x.unsqueeze(0) ** 3).sum()
    (g1,) = torch.autograd.grad(y, x, create_graph=True)
    z = torch.ones(2, 1, 3, requires_grad=True)
    (g2,) = torch.autograd.grad((z.squeeze(1) ** 2).sum(), z, create_graph=True)
    (g3,) = torch.autograd.grad((z.squeeze() ** 2).sum(), z, create_graph=True)
    return [g1.grad_fn.name(), g2.grad_fn.name(), g3.grad_fn.name(), list(g3.shape)]


def gelu_backward():
    torch.manual_seed(4)
    out = []
    for n in [1, 1, 1, 2, 7, 40, 1000]:
        x = (torch.randn(n) * 3).requires_grad_(True)
        torch.nn.functional.gelu(x).backward(torch.randn(n))
        out.append(bits(x.grad))
    return out


def layer_norm_backward():
    torch.manual_seed(5)
    out = []
    for n in [4, 7, 8, 13, 33, 100]:
        for affine in (True, False):
            x = (torch.randn(6, n) * 2 + 0.5).requires_grad_(True)
            ln = torch.nn.LayerNorm(n, elementwise_affine=affine)
            if affine:
                with torch.no_grad():
                    ln.weight.copy_(torch.randn(n))
                    ln.bias.copy_(torch.randn(n))
            (ln(x) * torch.randn(6, n)).sum().backward()
            out.append(bits(x.grad))
            if affine:
                out += [bits(ln.weight.grad), bits(ln.bias.grad)]
    return out


record('column-major operands of mm and matmul', column_major_products)
record('create_graph through a column-major product', create_graph_products)
record('second derivative of a tanh network', second_derivative_net)
record('tanh and sigmoid second derivatives', activation_second_derivatives)
record('unsqueeze and squeeze under create_graph', unsqueeze_squeeze_names)
record('gelu backward', gelu_backward)
record('layer_norm backward', layer_norm_backward)
dump()
