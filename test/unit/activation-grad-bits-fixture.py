#!/usr/bin/env python3
"""Writes test/unit/activation-grad-bits-torch113.json: input gradients whose last bits depend on PyTorch 1.13's
float32 backward kernels, each value as float.hex() so that the comparison is bit for bit:
  - silu, elu (selu, celu), softplus, mish, gelu's tanh form and hardswish: the vector code over whole blocks
    of 16 values and the scalar code over the rest (engine/ops/activationGradBits.ts), for sizes under 16,
    multiples of 16 and neither;
  - batch_norm in training over [N, C, L] and [N, C, H, W] input: the contiguous kernel's per-plane sums
    (engine/ops/batchnormBits.ts), with the gradients of weight and bias;
  - var, std and logsumexp over a dim and over everything; norm (2-norm) and F.normalize (expand's backward)
    over rows of a multiple of 8 values (the forward 2-norm of other lengths is not yet PyTorch's in every row).
glibc's expf (the scalar code's) misrounds about one value in 1500 and that is not replayed: each case's seed is
one whose values avoid it.
test/unit/activation-grad-bits.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/activation-grad-bits-fixture.py > test/unit/activation-grad-bits-torch113.json
"""

import torch
import torch.nn.functional as F

from fixture_cases import dump, record

SIZES = [1, 5, 15, 16, 17, 32, 40, 100, 300]


def bits(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]


def input_grads(fn, seed, scale=4.0):
    torch.manual_seed(seed)
    out = []
    for n in SIZES:
        x = (torch.randn(n) * scale).requires_grad_(True)
        fn(x).backward(torch.randn(n))
        out.append(bits(x.grad))
    return out


ACTIVATIONS = [
    ('silu', F.silu),
    ('elu', F.elu),
    ('elu alpha 0.7', lambda x: F.elu(x, alpha=0.7)),
    ('selu', F.selu),
    ('celu alpha 1.3', lambda x: F.celu(x, alpha=1.3)),
    ('softplus', F.softplus),
    ('softplus beta 2 threshold 5', lambda x: F.softplus(x, beta=2, threshold=5)),
    ('mish', F.mish),
    ('gelu tanh', lambda x: F.gelu(x, approximate='tanh')),
    ('hardswish', F.hardswish),
]


def large_digests():
    """Sizes at which the engine computes exp/tanh in its WebAssembly kernels (1024 values and more): a digest
    of the forward values' and input gradients' bits per activation, too many to keep one by one."""
    import hashlib

    out = []
    for k, (name, fn) in enumerate(ACTIVATIONS):
        torch.manual_seed(100 + k)
        h = hashlib.sha256()
        for n in (1031, 4099):
            x = (torch.randn(n) * 4).requires_grad_(True)
            y = fn(x)
            y.backward(torch.randn(n))
            h.update(''.join(bits(y)).encode())
            h.update(''.join(bits(x.grad)).encode())
        out.append([name, h.hexdigest()])
    return out


def hardswish_edges():
    x = torch.tensor([-4.0, -3.0, -1.5, 0.0, 2.0, 3.0, 5.0] * 3, requires_grad=True)
    y = F.hardswish(x)
    y.sum().backward()
    (g,) = torch.autograd.grad(F.hardswish(x).sum(), x, create_graph=True)
    (gg,) = torch.autograd.grad(g.sum(), x)
    return [y.grad_fn.name(), bits(y), bits(x.grad), g.grad_fn.name(), [round(v, 6) for v in g.tolist()], bits(gg)]


def float64_activations():
    torch.manual_seed(9)
    out = []
    for name, fn in ACTIVATIONS:
        if ' ' in name and name != 'gelu tanh':
            continue  # float32 coefficients: elu's alpha is rounded to float32 for float64 tensors too
        x = (torch.randn(20, dtype=torch.float64) * 4).requires_grad_(True)
        fn(x).backward(torch.randn(20, dtype=torch.float64))
        out.append([round(v, 12) for v in x.grad.tolist()])
    return out


def batch_norm_backward():
    torch.manual_seed(6)
    out = []
    for shape in [(4, 3, 5, 5), (2, 3, 2, 2), (3, 2, 7), (3, 4, 8, 8), (8, 2, 17), (1, 3, 33), (2, 2, 3, 1)]:
        c = shape[1]
        x = (torch.randn(*shape) * 2 + 0.5).requires_grad_(True)
        w = torch.randn(c).requires_grad_(True)
        b = torch.randn(c).requires_grad_(True)
        F.batch_norm(x, None, None, w, b, training=True).backward(torch.randn(*shape))
        out += [bits(x.grad), bits(w.grad), bits(b.grad)]
    x = torch.randn(4, 3, 6, 6, requires_grad=True)
    F.batch_norm(x, None, None, training=True).backward(torch.randn(4, 3, 6, 6))
    out.append(bits(x.grad))
    return out


def reduction_backward():
    torch.manual_seed(7)
    fns = [
        lambda x: x.var(dim=1),
        lambda x: x.var(),
        lambda x: x.std(dim=1),
        lambda x: x.std(),
        lambda x: x.var(dim=0, unbiased=False),
        lambda x: torch.logsumexp(x, dim=1),
        lambda x: torch.logsumexp(x, dim=0),
    ]
    norms = [lambda x: x.norm(dim=1), lambda x: F.normalize(x, dim=1)]
    out = []
    for rows, cols in [(16, 37), (5, 8), (3, 20), (16, 32), (4, 24)]:
        for fn in fns + (norms if cols % 8 == 0 else []):
            x = torch.randn(rows, cols, requires_grad=True)
            y = fn(x)
            y.backward(torch.randn(y.shape))
            out += [bits(y), bits(x.grad)]
    return out


for k, (name, fn) in enumerate(ACTIVATIONS):
    record(f'{name} backward', lambda fn=fn, seed=k + 10: input_grads(fn, seed))
record('forward and backward bits at WebAssembly sizes (digests)', large_digests)
record('hardswish at its edges and its second derivative', hardswish_edges)
record('activation gradients of float64 tensors', float64_activations)
record('batch_norm backward over planes', batch_norm_backward)
record('var, std, norm, logsumexp and normalize backward', reduction_backward)
dump()
