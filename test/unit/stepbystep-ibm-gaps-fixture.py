#!/usr/bin/env python3
"""Writes test/unit/stepbystep-ibm-gaps-torch113.json: what NumPy 1.24 and PyTorch 1.13 give for the calls
the StepByStep and IBM conformance files found missing or wrong: np.apply_along_axis (the loss surface of
Godoy's chapter 0, scalar and array results, every axis), np.unravel_index (scalar and array indices, 'F'
order, out of bounds), np.histogram (equal bins over a range or the data, float32 edges, weights, density,
given edges), a tensor indexed by a data.Subset of indices (a long one read as indices, a short one as a
tuple of 0-dim tensors), and BCEWithLogitsLoss on float64 logits against a float32 target (the loss takes
the target's dtype). stepbystep-ibm-gaps.test.ts runs this same file on our torch and numpy in Pyodide.

    /usr/bin/python3 test/unit/stepbystep-ibm-gaps-fixture.py > test/unit/stepbystep-ibm-gaps-torch113.json
"""

import numpy as np
import torch
from fixture_cases import dump, record
from torch.utils.data import random_split


def arr(r):
    """An ndarray (or numpy scalar) as type name, dtype, shape and values; tuples item by item."""
    if isinstance(r, tuple):
        return [arr(x) for x in r]
    return [type(r).__name__, str(r.dtype), list(np.shape(r)), np.asarray(r).tolist()]


x = np.arange(12.0).reshape(3, 4)
grid_b, grid_w = np.meshgrid(np.linspace(-1, 1, 3), np.linspace(0, 2, 4))
col = np.array([[0.5], [1.5]])
f32 = np.array([0.05, 0.2, 0.2, 0.55, 0.99, 1.0, -0.1, 0.4], dtype=np.float32)
cases = {
    'apply_along_axis sum axis=1': lambda: np.apply_along_axis(np.sum, 1, x),
    'apply_along_axis sum axis=0': lambda: np.apply_along_axis(np.sum, 0, x),
    'apply_along_axis vector axis=-1': lambda: np.apply_along_axis(lambda v: v[::-1] * 2, -1, x),
    'apply_along_axis vector axis=0': lambda: np.apply_along_axis(lambda v: v[:2], 0, x),
    'apply_along_axis surface (func1d=, arr=)': lambda: np.apply_along_axis(
        func1d=lambda v: grid_b + grid_w * v, axis=1, arr=col
    ),
    'apply_along_axis extra args': lambda: np.apply_along_axis(np.percentile, 1, x, 50),
    'apply_along_axis 3-D middle axis': lambda: np.apply_along_axis(np.max, 1, np.arange(24).reshape(2, 3, 4)),
    'apply_along_axis bad axis': lambda: np.apply_along_axis(np.sum, 2, x),
    'unravel_index scalar': lambda: np.unravel_index(7, (3, 4)),
    'unravel_index argmin': lambda: np.unravel_index(np.array([[3, 1], [0, 2]]).argmin(), (2, 2)),
    'unravel_index array': lambda: np.unravel_index(np.array([0, 5, 11]), (3, 4)),
    'unravel_index F order': lambda: np.unravel_index(5, (3, 4), order='F'),
    'unravel_index list': lambda: np.unravel_index([1, 22], (2, 3, 4)),
    'unravel_index out of bounds': lambda: np.unravel_index(12, (3, 4)),
    'unravel_index float': lambda: np.unravel_index(1.0, (3, 4)),
    'histogram default bins': lambda: np.histogram(np.array([1, 2, 2, 3, 3, 3, 9])),
    'histogram range float32': lambda: np.histogram(f32, bins=5, range=(0, 1)),
    'histogram data range float32': lambda: np.histogram(f32, bins=3),
    'histogram equal values': lambda: np.histogram(np.array([2.0, 2.0]), bins=2),
    'histogram weights': lambda: np.histogram(np.array([0.1, 0.5, 0.9]), bins=2, weights=np.array([1.0, 2.0, 3.0])),
    'histogram density': lambda: np.histogram(np.array([0.1, 0.2, 0.5, 0.9]), bins=4, range=(0, 1), density=True),
    'histogram edges': lambda: np.histogram(np.array([0, 1, 2, 3, 4, 5]), bins=[0, 1, 3, 5]),
    'histogram bins 0': lambda: np.histogram(np.array([1.0]), bins=0),
    'histogram bad range': lambda: np.histogram(np.array([1.0]), bins=2, range=(1, 0)),
    'histogram edges not monotonic': lambda: np.histogram(np.array([1.0]), bins=[0, 2, 1]),
}
for name, fn in cases.items():
    record(name, lambda fn=fn: arr(fn()))

torch.manual_seed(13)
long_idx, short_idx = random_split(torch.arange(60), [40, 20])
data = torch.arange(120.0).view(60, 2)
record('tensor[Subset of 40]', lambda: data[long_idx])
record('tensor[Subset of 20] (a tuple of 0-dim tensors)', lambda: data[short_idx])
record('1-D tensor[Subset of 20]', lambda: torch.arange(60)[short_idx])
record('tensor[range] still an index', lambda: data[range(3)])

logits64 = torch.tensor([np.log(9.0), np.log(0.25), 0.3])
target32 = torch.tensor([1.0, 0.0, 1.0])
for reduction in ('mean', 'sum', 'none'):
    record(
        f'BCEWithLogits float64 logits, float32 target, {reduction}',
        lambda r=reduction: torch.nn.BCEWithLogitsLoss(reduction=r)(logits64, target32),
    )
record(
    'BCEWithLogits float64 logits, pos_weight',
    lambda: torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0]))(logits64, target32),
)
record(
    'BCEWithLogits float32 logits, float64 target',
    lambda: torch.nn.BCEWithLogitsLoss()(logits64.float(), target32.double()),
)
logits_grad = logits64.clone().requires_grad_()
record(
    'BCEWithLogits float64 logits grad',
    lambda: torch.autograd.grad(torch.nn.BCEWithLogitsLoss()(logits_grad, target32), logits_grad)[0],
)
dump()
