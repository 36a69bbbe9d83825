#!/usr/bin/env python3
"""Writes test/unit/histogram-torch113.json: torch.histogram as real PyTorch 1.13 (CPU, Debian python3-torch)
computes it, for test/unit/histogram.test.ts (src/engine/ops/histogram.ts): equal bins over the data's range
or a given one (edges from linspace, values on edges, the last bin closed), given edges, weights, density,
float64, and the error messages. Inputs are drawn by seed with torch.manual_seed + randn (times a scale); the
test draws them again with the engine's PyTorch-exact generator.

    /usr/bin/python3 test/unit/histogram-fixture.py > test/unit/histogram-torch113.json && npx prettier --write test/unit/histogram-torch113.json
"""

import json

import torch

torch.set_num_threads(1)


def values(t):
    return [float(v) for v in t.reshape(-1).tolist()]


def draw(seed, n, scale, dtype):
    torch.manual_seed(seed)
    return torch.randn(n, dtype=dtype) * scale


CASES = [
    # seed, n, scale, bins (int or edge list), range, weighted, density, dtype
    (1, 200, 1.0, 10, None, False, False, 'float32'),
    (2, 1000, 0.7, 100, None, False, True, 'float32'),
    (3, 257, 3.0, 7, (-2.0, 2.5), False, False, 'float32'),
    (4, 64, 1.0, 5, (-1.0, 1.0), True, False, 'float32'),
    (5, 300, 2.0, [-3.0, -1.0, 0.0, 0.25, 4.0], None, False, True, 'float32'),
    (6, 300, 2.0, [-3.0, -1.0, 0.0, 0.25, 4.0], None, True, False, 'float32'),
    (7, 500, 1.0, 33, None, False, True, 'float64'),
    (8, 0, 1.0, 4, None, False, False, 'float32'),
    (9, 120, 0.1, 13, None, True, True, 'float32'),
]


def cases():
    out = []
    for seed, n, scale, bins, rng, weighted, density, dtype_name in CASES:
        dtype = getattr(torch, dtype_name)
        x = draw(seed, n, scale, dtype)
        weight = draw(seed + 1000, n, 1.0, dtype).abs() if weighted else None
        b = torch.tensor(bins, dtype=dtype) if isinstance(bins, list) else bins
        extra = {} if rng is None else {'range': rng}  # PyTorch refuses range= beside edges
        hist, edges = torch.histogram(x, b, weight=weight, density=density, **extra)
        out.append(
            {
                'seed': seed,
                'n': n,
                'scale': scale,
                'bins': bins,
                'range': rng,
                'weighted': weighted,
                'density': density,
                'dtype': dtype_name,
                'hist': values(hist),
                'edges': values(edges),
            }
        )
    # values exactly on the edges, and all values equal (the range widened by 0.5 each way)
    for data, bins in [([0.0, 0.25, 0.5, 0.75, 1.0, 1.0], 4), ([2.0, 2.0, 2.0], 3), ([0.1, 0.2, 0.3, 0.7], 3)]:
        hist, edges = torch.histogram(torch.tensor(data), bins)
        out.append({'data': data, 'bins': bins, 'hist': values(hist), 'edges': values(edges)})
    return out


def errors():
    out = []
    for expr in [
        "torch.histogram(torch.tensor([1, 2]), bins=2)",
        "torch.histogram(torch.tensor([1., 2.]), bins=0)",
        "torch.histogram(torch.tensor([1., float('nan')]), bins=2)",
        "torch.histogram(torch.tensor([1., float('inf')]), bins=2)",
        "torch.histogram(torch.tensor([1., 5.]), bins=2, range=(3., 1.5))",
        "torch.histogram(torch.tensor([1., 5.]), torch.tensor([[3., 1.]]))",
        "torch.histogram(torch.tensor([1., 5.]), torch.tensor([3.]))",
        "torch.histogram(torch.tensor([1., 5.]), torch.tensor([]))",
        "torch.histogram(torch.tensor([1., 5.]), torch.tensor([1., 2.], dtype=torch.float64))",
        "torch.histogram(torch.tensor([1., 5.]), 2, weight=torch.tensor([1.]))",
        "torch.histogram(torch.tensor([1., 5.]), 2, weight=torch.tensor([1., 2.], dtype=torch.float64))",
    ]:
        try:
            eval(expr)
            raise SystemExit(f'{expr} did not raise')
        except RuntimeError as e:
            out.append({'expr': expr, 'message': str(e)})
    return out


def backward_error():
    x = torch.tensor([1.0, 5.0, 2.0], requires_grad=True)
    hist, edges = torch.histogram(x, 2)
    try:
        hist.sum().backward()
    except RuntimeError as e:
        return {'grad_fn': type(hist.grad_fn).__name__, 'edges_requires_grad': edges.requires_grad, 'message': str(e)}
    raise SystemExit('backward through histogram did not raise')


print(json.dumps({'torch': torch.__version__, 'cases': cases(), 'errors': errors(), 'backward': backward_error()}))
