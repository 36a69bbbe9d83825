#!/usr/bin/env python3
"""Writes test/unit/numpy-tensor-wrap-torch113.json: what NumPy 1.24 gives back for a torch tensor passed to
its ufuncs and to the functions it routes through _wrapfunc (np.argmax(Z, axis=1) in NYU's plot_model,
np.exp(t), np.clip(t, 0, 1)): a tensor made by Tensor.__array_wrap__ (bool results as uint8), while
np.sort/np.ravel and reductions on a tensor's numpy() stay ndarrays; and numpy scalars given to torch as
numbers and sizes (torch.arange(np.float32, ...), view(np.int64, -1)). numpy-tensor-wrap.test.ts runs this
same file on our torch and numpy in Pyodide and compares.

    /usr/bin/python3 test/unit/numpy-tensor-wrap-fixture.py > test/unit/numpy-tensor-wrap-torch113.json
"""

import numpy as np
import torch
from fixture_cases import dump, enc, record

t = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
i = torch.tensor([3, 1, 2])


def kind(r):
    """The result's type name and values: a tensor by enc, an ndarray or numpy scalar by dtype and tolist."""
    if isinstance(r, torch.Tensor):
        return [type(r).__name__, enc(r)]
    return [type(r).__name__, str(r.dtype), r.tolist()]


cases = {
    'argmax axis=1': lambda: np.argmax(t, axis=1),
    'argmin flat': lambda: np.argmin(t),
    'argmax int tensor': lambda: np.argmax(i),
    'sin (ufunc)': lambda: np.sin(t),
    'exp (ufunc)': lambda: np.exp(t),
    'greater (bool -> uint8)': lambda: np.greater(t, 2),
    'maximum with a scalar': lambda: np.maximum(t, 3),
    'add tensor + ndarray': lambda: np.add(t, np.ones(3, dtype=np.float32)),
    'add ndarray + tensor': lambda: np.add(np.ones(3, dtype=np.float32), t),
    'sqrt of int tensor': lambda: np.sqrt(i),
    'clip': lambda: np.clip(t, 2, 4),
    'round': lambda: np.round(t / 3, 2),
    'transpose': lambda: np.transpose(t),
    'reshape': lambda: np.reshape(t, -1),
    'squeeze': lambda: np.squeeze(t[:1]),
    'cumsum': lambda: np.cumsum(t),
    'argsort': lambda: np.argsort(t),
    'swapaxes': lambda: np.swapaxes(t, 0, 1),
    'take': lambda: np.take(t, [0, 4]),
    'repeat': lambda: np.repeat(i, 2),
    'sort stays ndarray': lambda: np.sort(t),
    'ravel stays ndarray': lambda: np.ravel(t),
    'argmax of numpy() stays numpy': lambda: np.argmax(t.numpy(), axis=1),
    'exp of numpy() stays numpy': lambda: np.exp(t.numpy()),
    '__array_wrap__ of an int array': lambda: t.__array_wrap__(np.array([1, 2])),
    '__array_wrap__ of a bool array': lambda: t.__array_wrap__(np.array([True, False])),
}
# and the other way: numpy scalars as torch arguments (np.float32 from arr.max() as arange bounds, np.int64
# from a shape computation as a size)
lo, hi = -np.absolute(np.array([3.5, -13.0712], dtype=np.float32)).max(), np.float32(13.0712)
n = np.int64(3)
cases.update(
    {
        'arange(np.float32, np.float32, np.float64)': lambda: torch.arange(lo, hi, (hi - lo) / 7.0),
        'arange(np.int64)': lambda: torch.arange(n),
        'zeros(np.int64)': lambda: torch.zeros(n),
        'zeros(np.int64, 2)': lambda: torch.zeros(n, 2),
        'ones((np.int64, 2))': lambda: torch.ones((n, 2)),
        'view(np.int64, -1)': lambda: torch.arange(12).view(n, -1),
        'reshape((2, np.int64 * 2))': lambda: torch.arange(12).reshape((2, n * 2)),
    }
)
for name, fn in cases.items():
    record(name, lambda fn=fn: kind(fn()))
dump()
