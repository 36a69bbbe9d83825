#!/usr/bin/env python3
"""Writes test/unit/pointwise-extra-torch113.json: addcmul/addcdiv, hypot, logaddexp/logaddexp2, xlogy,
fmax/fmin, heaviside, sinc, logit, index_add/index_copy, take/put, masked_scatter, scatter_reduce, trapezoid,
cumulative_trapezoid, cov/corrcoef, nanquantile and einsum with '...' as real PyTorch 1.13 (CPU, one thread)
computes them: the inputs (float32 as base64 bits, integer and bool ones as lists), options, the value, the
grad_fn name and the gradient of every float input that requires one for a random output gradient.
test/unit/pointwise-extra.test.ts checks src/engine/ops/{pointwiseExtra,indexExtra,scatterReduce,statsExtra,
quantile,einsum}.ts against it.

    /usr/bin/python3 test/unit/pointwise-extra-fixture.py > test/unit/pointwise-extra-torch113.json
"""

import json
import warnings

import torch

from fixture_io import enc

torch.set_num_threads(1)
warnings.simplefilter('ignore')  # scatter_reduce's beta notice
g = torch.Generator().manual_seed(1913)
nan = float('nan')


def randn(*shape):
    return torch.randn(*shape, generator=g)


def rand(*shape):
    return torch.rand(*shape, generator=g)


def F(t, grad=True):
    return ('f', t, grad)


def I(values):
    return ('i', torch.tensor(values), False)


def B(values):
    return ('b', torch.tensor(values), False)


def encode_input(kind, t, grad):
    if kind == 'f':
        return {'kind': 'f', 'grad': grad, **enc(t)}
    return {'kind': kind, 'shape': list(t.shape), 'values': [int(v) for v in t.flatten().tolist()]}


cases = []


def case(op, inputs, options, fn, exact=False):
    leaves = [t.clone().requires_grad_(grad) if kind == 'f' else t for kind, t, grad in inputs]
    out = fn(*leaves)
    entry = {
        'op': op,
        'inputs': [encode_input(*i) for i in inputs],
        'options': options,
        'exact': exact,
        'out': enc(out),
        'grad_fn': out.grad_fn.name() if out.grad_fn is not None else None,
        'grad_out': None,
        'grads': [],
    }
    if out.requires_grad and op != 'heaviside':
        grad_out = torch.randn(out.shape, generator=g)
        out.backward(grad_out)
        entry['grad_out'] = enc(grad_out)
        entry['grads'] = [
            enc(leaf.grad) if kind == 'f' and grad and leaf.grad is not None else None
            for leaf, (kind, _, grad) in zip(leaves, inputs)
        ]
    cases.append(entry)


# Elementwise: 37 values take PyTorch's vectorised code for 32 and its scalar code for the last 5.
n = 37
for value in (1, -0.3):
    case(
        'addcmul',
        [F(randn(n)), F(randn(n)), F(randn(n))],
        {'value': value},
        lambda s, a, b: torch.addcmul(s, a, b, value=value),
        exact=True,
    )
    case(
        'addcdiv',
        [F(randn(n)), F(randn(n)), F(rand(n) + 0.1)],
        {'value': value},
        lambda s, a, b: torch.addcdiv(s, a, b, value=value),
        exact=True,
    )
case(
    'addcmul',
    [F(randn(4, 1)), F(randn(1, 5)), F(randn(5))],
    {'value': 2.0},
    lambda s, a, b: torch.addcmul(s, a, b, value=2.0),
    exact=True,
)
case(
    'addcdiv',
    [F(randn(4, 1)), F(randn(1, 5)), F(rand(5) + 0.5)],
    {'value': -0.01},
    lambda s, a, b: torch.addcdiv(s, a, b, value=-0.01),
    exact=True,
)
for op in ('hypot', 'logaddexp', 'logaddexp2', 'fmax', 'fmin'):
    fn = getattr(torch, op)
    a, b = randn(n) * 3, randn(n) * 3
    if op in ('fmax', 'fmin'):
        a[3], b[5], a[7], b[7] = nan, nan, nan, nan
        b[9] = a[9]
    case(op, [F(a), F(b)], {}, fn, exact=True)
    case(op, [F(randn(4, 1)), F(randn(5))], {}, fn, exact=True)
x = randn(n)
x[::4] = 0
case('xlogy', [F(x), F(rand(n) * 4)], {}, torch.xlogy, exact=True)
case('xlogy', [F(randn(6))], {'other': 2.5}, lambda a: torch.xlogy(a, 2.5), exact=True)
case('xlogy', [F(rand(6) + 0.1)], {'self': 3.0}, lambda b: torch.xlogy(3.0, b), exact=True)
s = randn(n) * 2
s[4] = 0
case('sinc', [F(s)], {}, torch.sinc, exact=True)
case('logit', [F(rand(n) * 0.98 + 0.01)], {}, torch.logit, exact=True)
case('logit', [F(rand(n))], {'eps': 0.2}, lambda p: torch.logit(p, eps=0.2), exact=True)
case(
    'heaviside',
    [F(torch.tensor([-1.5, 0.0, 2.0, 0.0, -0.0]), False), F(torch.tensor([0.5]), False)],
    {},
    torch.heaviside,
    exact=True,
)

# add/sub with alpha, as hand-written optimizers use them (exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)):
# PyTorch's kernel fuses alpha * y into the sum (fmadd); 2000 values take the engine's WebAssembly loop.
for size in (37, 2000):
    case('add', [F(randn(size)), F(randn(size))], {'alpha': 0.1}, lambda a, b: a.add(b, alpha=0.1), exact=True)
    case('sub', [F(randn(size)), F(randn(size))], {'alpha': 0.37}, lambda a, b: a.sub(b, alpha=0.37), exact=True)
case('add', [F(randn(40, 30)), F(randn(30))], {'alpha': -2.5}, lambda a, b: a.add(b, alpha=-2.5), exact=True)

# Writing through an index.
case(
    'index_add',
    [F(randn(5, 3)), I([0, 2, 0, 4]), F(randn(4, 3))],
    {'dim': 0, 'alpha': 1},
    lambda t, i, src: t.index_add(0, i, src),
)
case(
    'index_add',
    [F(randn(3, 5)), I([4, 1]), F(randn(3, 2))],
    {'dim': 1, 'alpha': 2.5},
    lambda t, i, src: t.index_add(1, i, src, alpha=2.5),
)
case('index_copy', [F(randn(3, 5)), I([4, 1]), F(randn(3, 2))], {'dim': 1}, lambda t, i, src: t.index_copy(1, i, src))
case('take', [F(randn(3, 4)), I([[0, 11], [-1, 5]])], {}, torch.take)
case('put', [F(randn(3, 4)), I([1, -2, 7]), F(randn(3))], {'accumulate': False}, lambda t, i, src: t.put(i, src))
case(
    'put',
    [F(randn(3, 4)), I([1, 1, 7]), F(randn(3))],
    {'accumulate': True},
    lambda t, i, src: t.put(i, src, accumulate=True),
)
case(
    'masked_scatter',
    [F(randn(3, 4)), B([True, False, True, True]), F(randn(12))],
    {},
    lambda t, m, src: t.masked_scatter(m, src),
)
index = [[0, 1, 0, 2], [2, 0, 0, 1], [0, 0, 1, 1]]
for reduce in ('sum', 'prod', 'mean', 'amax', 'amin'):
    for include_self in (True, False):
        src = randn(3, 4)
        if reduce == 'prod':
            src[0, 1] = 0.0
        if reduce in ('amax', 'amin'):
            src[1, 1] = src[2, 1] = 5.0 if reduce == 'amax' else -5.0
        case(
            'scatter_reduce',
            [F(randn(3, 4)), I(index), F(src)],
            {'reduce': reduce, 'include_self': include_self},
            lambda t, i, src: t.scatter_reduce(0, i, src, reduce, include_self=include_self),
        )

# Statistics.
case('trapezoid', [F(randn(3, 6))], {'dx': 1.0}, lambda y: torch.trapz(y))
case('trapezoid', [F(randn(3, 6))], {'dx': 0.25, 'dim': 0}, lambda y: torch.trapezoid(y, dx=0.25, dim=0))
case(
    'trapezoid',
    [F(randn(3, 6)), F(torch.tensor([0.0, 0.5, 1.5, 2.0, 3.5, 4.0]), False)],
    {},
    lambda y, x: torch.trapezoid(y, x),
)
case('cov', [F(randn(3, 7))], {'correction': 1}, lambda t: torch.cov(t))
case('cov', [F(randn(7))], {'correction': 0}, lambda t: torch.cov(t, correction=0))
case(
    'cov',
    [F(randn(2, 5)), I([1, 2, 1, 3, 1]), F(rand(5) + 0.5, False)],
    {'correction': 1},
    lambda t, fw, aw: torch.cov(t, fweights=fw, aweights=aw),
)
case('corrcoef', [F(randn(3, 8))], {}, torch.corrcoef)
m = randn(3, 6)
m[0, 2] = m[1, 0] = m[1, 4] = nan
m[2] = nan
for interpolation in ('linear', 'lower', 'higher', 'midpoint', 'nearest'):
    case(
        'nanquantile',
        [F(m)],
        {'q': 0.4, 'dim': 1, 'interpolation': interpolation},
        lambda t: torch.nanquantile(t, 0.4, dim=1, interpolation=interpolation),
    )
case('nanquantile', [F(m[:2])], {'q': 0.75}, lambda t: torch.nanquantile(t, 0.75))

# einsum with '...'.
case(
    'einsum',
    [F(randn(2, 3, 4)), F(randn(4, 5))],
    {'equation': '...ij,...jk->...ik'},
    lambda a, b: torch.einsum('...ij,...jk->...ik', a, b),
)
case(
    'einsum',
    [F(randn(2, 1, 3, 4)), F(randn(5, 4, 2))],
    {'equation': '...ij,...jk'},
    lambda a, b: torch.einsum('...ij,...jk', a, b),
)
case('einsum', [F(randn(3, 4)), F(randn(4))], {'equation': '...i,...i'}, lambda a, b: torch.einsum('...i,...i', a, b))
case('einsum', [F(randn(2, 3, 4))], {'equation': 'b...->...b'}, lambda a: torch.einsum('b...->...b', a))

# cumulative_trapezoid (after the rest, so the earlier cases keep their draws).
case('cumulative_trapezoid', [F(randn(3, 6))], {'dx': 1.0}, lambda y: torch.cumulative_trapezoid(y))
case(
    'cumulative_trapezoid',
    [F(randn(4, 3))],
    {'dx': 0.25, 'dim': 0},
    lambda y: torch.cumulative_trapezoid(y, dx=0.25, dim=0),
)
case(
    'cumulative_trapezoid',
    [F(randn(3, 6)), F(torch.tensor([0.0, 0.5, 1.5, 2.0, 3.5, 4.0]), False)],
    {},
    lambda y, x: torch.cumulative_trapezoid(y, x),
)
case(
    'cumulative_trapezoid',
    [F(randn(2, 5)), F(randn(2, 5))],
    {},
    lambda y, x: torch.cumulative_trapezoid(y, x),
)

print(json.dumps({'torch': torch.__version__, 'cases': cases}))
