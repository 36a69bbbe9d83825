#!/usr/bin/env python3
"""Writes test/unit/tensor-from-sequence-torch113.json: what real PyTorch 1.13 makes of torch.tensor(data)
when the data holds tensors or numpy values (the dtype inferred from every element, promoted together, as
torch/csrc/utils/tensor_new.cpp's infer_scalar_type does; a tensor element read as one scalar; the error for
a longer one), the warning for a list of ndarrays, and list indices read as tuples (treatSequenceAsTuple).
test/unit/tensor-from-sequence.test.ts runs this same file on our torch and numpy in Pyodide and compares.

    /usr/bin/python3 test/unit/tensor-from-sequence-fixture.py > test/unit/tensor-from-sequence-torch113.json
"""

import warnings

import numpy as np
import torch

from fixture_cases import dump, record

a64 = np.array([1.0, 2.5])
a32 = a64.astype(np.float32)
ai = np.array([1, 2])
ai32 = ai.astype(np.int32)


def warned():
    # PyTorch warns once per process: the first list of ndarrays warns, the second does not.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        torch.tensor([np.zeros(2), np.ones(2)])
        torch.tensor([np.zeros(2)])
    return [f'{w.category.__name__}: {w.message}' for w in caught]


record('list of ndarrays warning', warned)
CASES = {
    '[np.float64 scalar]': lambda: [np.float64(2.0)],
    '[np.float32 scalar, 1]': lambda: [np.float32(2.0), 1],
    '[np.int64 scalar]': lambda: [np.int64(3)],
    '[np.int32 scalar, True]': lambda: [np.int32(3), True],
    '[float64 array]': lambda: [a64],
    '[float32 array, float32 array]': lambda: [a32, a32],
    '[int array]': lambda: [ai],
    '[int32 array, [5, 6]]': lambda: [ai32, [5, 6]],
    '[[1, 1], float64 array]': lambda: [[1, 1], a64],
    '[[1.5, 2], int array]': lambda: [[1.5, 2], ai],
    '[[float64 array]]': lambda: [[a64]],
    '[uint8 array, int8 array]': lambda: [np.array([1], dtype=np.uint8), np.array([2], dtype=np.int8)],
    '[float64 0-d tensor]': lambda: [torch.tensor(1.5, dtype=torch.float64)],
    '[int tensor, 2.5]': lambda: [torch.tensor(1), 2.5],
    '[int32 tensor]': lambda: [torch.tensor(3, dtype=torch.int32)],
    '[int32 tensor, 7]': lambda: [torch.tensor(3, dtype=torch.int32), 7],
    '[one-element tensors]': lambda: [torch.tensor([1.0]), torch.tensor([[2.0]])],
    '[float32 losses]': lambda: [torch.tensor(0.25), torch.tensor(0.5)],
    '[two-element tensors]': lambda: [torch.ones(2), torch.zeros(2)],
    '[[], []]': lambda: [[], []],
    '[1, 2] plain': lambda: [1, 2],
    '[True, 2.0] plain': lambda: [True, 2.0],
}
for name, make in CASES.items():
    record(name, lambda: torch.tensor(make()))
record('FloatTensor([float64 array])', lambda: torch.FloatTensor([a64]))

# Longer rows of plain numbers, which our torch hands to the engine as one float64 buffer.
LONG = {
    'bools': lambda: torch.tensor([True, False, False] * 30),
    'ints': lambda: torch.tensor([[i * 7 - 300 for i in range(80)]] * 3),
    'ints at 2**53': lambda: torch.tensor([2**53, -(2**53)] + [1] * 70),
    'floats with -0': lambda: torch.tensor([1.5, -0.0, 2.25, -1e-30] * 20),
    'ints and floats': lambda: torch.tensor([1, 2.5, True] * 30),
    'int32 from floats': lambda: torch.tensor([[1.9, -2.7, 3.5]] * 30, dtype=torch.int32),
    'uint8 from ints': lambda: torch.tensor(list(range(-1, 254, 3)), dtype=torch.uint8),
    'float64': lambda: torch.tensor([0.1, 1e-300, 1e300] * 30, dtype=torch.float64),
    'ragged': lambda: torch.tensor([[1.0] * 70, [2.0] * 69]),
    'rows under a scalar': lambda: torch.tensor([[1.0] * 70, 2.0]),
}
for name, make in LONG.items():
    record(f'long row: {name}', make)


x = torch.arange(12).view(3, 4)
record('x[[rows, cols]] tensors', lambda: x[[torch.tensor([0, 1]), torch.tensor([1, 0])]])
record('x[[0-d, 0-d]]', lambda: x[[torch.tensor(0), torch.tensor(2)]])
record('x[[[0, 1], [1, 0]]]', lambda: x[[[0, 1], [1, 0]]])
record('x[[0, 2]]', lambda: x[[0, 2]])
record('x[[slice, 1]]', lambda: x[[slice(0, 2), 1]])
record('x[[None, 0]]', lambda: x[[None, 0]])
record('x[:, [0-d, 0-d]]', lambda: x[:, [torch.tensor(0), torch.tensor(2)]])
record('x[:, [two-element tensors]]', lambda: x[:, [torch.tensor([0, 1]), torch.tensor([1, 0])]])


def assigned():
    y = torch.zeros(2, 3)
    y[[torch.tensor([0, 1]), torch.tensor([2, 0])]] = 5.0
    return y


record('y[[rows, cols]] = 5', assigned)
dump()
