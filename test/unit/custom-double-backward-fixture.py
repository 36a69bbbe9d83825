#!/usr/bin/env python3
"""Writes test/unit/custom-double-backward-torch113.json: what real PyTorch 1.13 gives when a learner's
torch.autograd.Function is differentiated twice (the "Double Backward with Custom Functions" tutorial): a
backward written with differentiable ops under create_graph, a saved output (exp's result) whose use in backward
is differentiated again, several outputs, gradgradcheck, and @once_differentiable's DelayedError.
test/unit/custom-double-backward.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/custom-double-backward-fixture.py > test/unit/custom-double-backward-torch113.json
"""

import torch
from torch.autograd.function import once_differentiable

from fixture_cases import dump, record


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * 2 * x


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = torch.exp(x)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_out):
        (result,) = ctx.saved_tensors
        return grad_out * result


class Sinh(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        expx = torch.exp(x)
        expnegx = torch.exp(-x)
        ctx.save_for_backward(expx, expnegx)
        return (expx - expnegx) / 2, expx, expnegx

    @staticmethod
    def backward(ctx, grad_out, grad_exp, grad_negexp):
        expx, expnegx = ctx.saved_tensors
        grad_input = grad_out * (expx + expnegx) / 2
        grad_input += grad_exp * expx
        grad_input -= grad_negexp * expnegx
        return grad_input


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * 3 * x**2


X = [1.5, -2.0, 0.25]


def second(fn, pick=lambda out: out):
    def run():
        x = torch.tensor(X, requires_grad=True)
        (g,) = torch.autograd.grad(pick(fn(x)).sum(), x, create_graph=True)
        (g * g).sum().backward()
        return [g, g.requires_grad, x.grad]

    return run


record('square: second derivative through backward', second(Square.apply))
record('exp: the saved output is differentiated again', second(Exp.apply))
record('sinh: three outputs, the first used', second(Sinh.apply, lambda out: out[0]))
record('sinh: all three outputs used', second(Sinh.apply, lambda out: out[0] + out[1] * 2 - out[2]))


def plain_backward_unchanged():
    x = torch.tensor(X, requires_grad=True)
    Exp.apply(x).sum().backward()
    return x.grad


record('exp: plain backward', plain_backward_unchanged)


def gradgradchecks():
    x = torch.tensor(X, dtype=torch.double, requires_grad=True)
    return [
        torch.autograd.gradgradcheck(Square.apply, x),
        torch.autograd.gradgradcheck(Exp.apply, x),
        torch.autograd.gradgradcheck(lambda t: Sinh.apply(t)[0], x),
    ]


record('gradgradcheck', gradgradchecks)


def once():
    x = torch.tensor(X, requires_grad=True)
    (g,) = torch.autograd.grad(Cube.apply(x).sum(), x, create_graph=True)
    return [g, g.requires_grad, g.grad_fn.name()]


record('once_differentiable: first derivative', once)


def twice():
    x = torch.tensor(X, requires_grad=True)
    (g,) = torch.autograd.grad(Cube.apply(x).sum(), x, create_graph=True)
    g.sum().backward()


record('once_differentiable: differentiated twice', twice)


def once_plain():
    x = torch.tensor(X, requires_grad=True)
    Cube.apply(x).sum().backward()
    return [x.grad, x.grad.requires_grad]


record('once_differentiable: plain backward', once_plain)


def once_with_grad_outputs():
    # Gradients that require grad reach the marked backward: its result hangs from PyTorch's Error node.
    x = torch.tensor(X, requires_grad=True)
    v = torch.ones(3, requires_grad=True)
    (g,) = torch.autograd.grad(Cube.apply(x), x, grad_outputs=v, create_graph=True)
    out = [g, repr(g), g.grad_fn.name()]
    try:
        g.sum().backward()
    except RuntimeError as e:
        out.append(str(e))
    return out


record('once_differentiable: grad_outputs that require grad', once_with_grad_outputs)
dump()
