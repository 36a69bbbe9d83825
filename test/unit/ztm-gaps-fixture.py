#!/usr/bin/env python3
"""Writes test/unit/ztm-gaps-torch113.json: what real PyTorch 1.13 gives for what the Zero to Mastery
conformance files (test/conformance/ztm_*.py) found missing or worded differently in our torch: the
deprecated torch.range (values, dtypes, errors), the matmul/mm/linear shape errors in PyTorch's words only,
a convolution fed integer images, a list of 0-d NumPy arrays (loss.detach().numpy() values) into
torch.tensor, and pprint of a state_dict. test/unit/ztm-gaps.test.ts runs this same file on our torch in
Pyodide and compares.

    /usr/bin/python3 test/unit/ztm-gaps-fixture.py > test/unit/ztm-gaps-torch113.json
"""

import warnings

import numpy as np
import torch

from fixture_cases import run_exec_cases

CASES = [
    ('range ints', 'result = torch.range(0, 10)'),
    ('range float step', 'result = torch.range(0, 1, 0.1)'),
    ('range third step', 'result = torch.range(0, 1, 1 / 3)'),
    ('range down', 'result = torch.range(5, 1, -1)'),
    ('range dtype int64', 'result = torch.range(1, 4, dtype=torch.int64)'),
    ('range dtype float64', 'result = torch.range(0, 2.5, 0.5, dtype=torch.float64)'),
    ('range tensor bounds', 'result = torch.range(torch.tensor(1.5), torch.tensor(3.0))'),
    ('range without end', 'result = torch.range(5)'),
    ('range wrong sign', 'result = torch.range(1, 0)'),
    ('range zero step', 'result = torch.range(0, 1, 0)'),
    (
        'range warns once per line',
        '''
with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter('default')
    for _ in range(3):
        torch.range(0, 2)
result = [len(seen), seen[0].category.__name__, str(seen[0].message)]
''',
    ),
    ('matmul 2-D', 'result = torch.matmul(torch.ones(3, 2), torch.ones(3, 2))'),
    ('mm', 'result = torch.mm(torch.ones(3, 2), torch.ones(3, 2))'),
    ('matmul 1-D 1-D', 'result = torch.matmul(torch.ones(3), torch.ones(4))'),
    ('matmul 2-D 1-D', 'result = torch.matmul(torch.ones(2, 3), torch.ones(4))'),
    ('matmul 1-D 2-D', 'result = torch.matmul(torch.ones(3), torch.ones(4, 5))'),
    ('matmul 3-D 2-D', 'result = torch.matmul(torch.ones(2, 2, 3), torch.ones(4, 5))'),
    ('matmul 3-D 1-D', 'result = torch.matmul(torch.ones(2, 2, 3), torch.ones(4))'),
    ('matmul batched', 'result = torch.matmul(torch.ones(2, 2, 3), torch.ones(2, 4, 5))'),
    ('bmm', 'result = torch.bmm(torch.ones(2, 2, 3), torch.ones(2, 4, 5))'),
    ('Linear 2-D', 'result = torch.nn.Linear(2, 6)(torch.ones(3, 3))'),
    ('Linear 1-D', 'result = torch.nn.Linear(2, 6)(torch.ones(3))'),
    ('Conv2d uint8', 'result = torch.nn.Conv2d(3, 4, 3)(torch.zeros(1, 3, 8, 8, dtype=torch.uint8))'),
    ('Conv2d uint8 unbatched', 'result = torch.nn.Conv2d(3, 4, 3)(torch.zeros(3, 8, 8, dtype=torch.uint8))'),
    ('Conv2d int64', 'result = torch.nn.Conv2d(3, 4, 3)(torch.zeros(1, 3, 8, 8, dtype=torch.int64))'),
    ('Conv2d float64', 'result = torch.nn.Conv2d(3, 4, 3)(torch.zeros(1, 3, 8, 8, dtype=torch.float64))'),
    ('Conv2d double layer', 'result = torch.nn.Conv2d(3, 4, 3).double()(torch.zeros(1, 3, 8, 8))'),
    (
        'Conv2d no bias uint8',
        'result = torch.nn.Conv2d(3, 4, 3, bias=False)(torch.zeros(1, 3, 8, 8, dtype=torch.uint8))',
    ),
    ('Conv1d uint8', 'result = torch.nn.Conv1d(3, 4, 3)(torch.zeros(1, 3, 8, dtype=torch.uint8))'),
    (
        'tensor of 0-d arrays',
        'result = torch.tensor([np.array(0.5, dtype=np.float32), np.array(0.25, dtype=np.float32)])',
    ),
    ('tensor of nested 0-d array', 'result = torch.tensor([[np.array(1.0)]])'),
    ('tensor 0-d array later', 'result = torch.tensor([1.0, np.array(2.0)])'),
    ('tensor of numpy scalars', 'result = torch.tensor([np.float32(1.0), np.array(2.0)])'),
    (
        'pprint state_dict',
        '''
import pprint
torch.manual_seed(0)
m = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.Linear(1, 1))
result = [pprint.pformat(m.state_dict()), pprint.pformat(torch.nn.Linear(1, 1).state_dict(), width=200),
          pprint.pformat({'model': m[0].state_dict(), 'epoch': 3})]
''',
    ),
]


def main():
    warnings.simplefilter('ignore')
    run_exec_cases(CASES, lambda: {'torch': torch, 'np': np, 'warnings': warnings}, dtypes=True)


if __name__ == '__main__':
    main()
