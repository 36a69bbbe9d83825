#!/usr/bin/env python3
"""Writes test/unit/numpy-index-torch113.json: a tensor indexed (read and assigned) by numpy arrays of every
dtype, as PyTorch 1.13 reads them: bool arrays as masks, any other dtype (np.int32 edge lists such as
pytorch/examples gat's `edges[:, 0]`, int16, even float) converted to long; and integer *tensors* other than
int64 refused with 1.13's message. numpy-index.test.ts runs this same file on our torch and numpy in Pyodide
and compares.

    /usr/bin/python3 test/unit/numpy-index-fixture.py > test/unit/numpy-index-torch113.json
"""

import numpy as np
import torch
from fixture_cases import dump, record


def base():
    return torch.arange(12.0).view(3, 4)


def assign(key, value, t=None):
    t = base() if t is None else t
    t[key] = value
    return t


edges = np.array([[0, 1], [1, 3], [2, 0]], dtype=np.int32)

cases = {
    'rows by int32 array': lambda: base()[np.array([2, 0], dtype=np.int32)],
    'columns by int16 array': lambda: base()[:, np.array([3, 1], dtype=np.int16)],
    'pairs by int32 columns of an edge list': lambda: base()[edges[:, 0], edges[:, 1]],
    'negative int32 indices': lambda: base()[np.array([-1], dtype=np.int32)],
    'float array truncated to long': lambda: base()[:, np.array([2.7, 0.2])],
    'bool array mask': lambda: base()[np.array([True, False, True])],
    'int64 array': lambda: base()[np.array([1])],
    'assign through int32 edge list': lambda: assign((edges[:, 0], edges[:, 1]), -1.0),
    'adjacency from int32 edges': lambda: assign((edges[:, 1], edges[:, 0]), 1, torch.zeros(4, 4, dtype=torch.int64)),
    'int32 out of range': lambda: base()[np.array([3], dtype=np.int32)],
    'int32 tensor refused': lambda: base()[torch.tensor([0], dtype=torch.int32)],
    'float tensor refused': lambda: base()[torch.tensor([0.0])],
}
for name, fn in cases.items():
    record(name, fn)
dump()
