#!/usr/bin/env python3
"""Writes test/unit/legacy-api-torch113.json: what real PyTorch 1.13 does with the pre-0.4 idioms that course
code from 2017-2018 (PyTorchZeroToAll, Udacity's intro-to-pytorch) still runs (issue 9): `loss.data[0]` and
other indices on a 0-dim tensor, the size_average/reduce deprecation warnings, F.sigmoid/F.tanh's warnings,
softmax without dim=, Variable(volatile=True) and `.volatile`, `dataiter.next()` on a DataLoader iterator,
`images.resize_(64, 784)`, and nn.init's spellings without the trailing underscore (`xavier_uniform`).
test/unit/legacy-api.test.ts runs this same file on our torch in Pyodide.

    /usr/bin/python3 test/unit/legacy-api-fixture.py > test/unit/legacy-api-torch113.json
"""

import torch

from fixture_cases import run_exec_cases

# Each case's warnings, as category and text (their file paths belong to the installation).
WARNED = '''
import warnings


def warned(make):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter('always')
        value = make()
    return [value, [f'{w.category.__name__}: {w.message}' for w in seen]]
'''

CASES = [
    ('0-dim int index', 'result = torch.tensor(3.0)[0]'),
    ('0-dim numpy int index', 'import numpy as np\nresult = torch.tensor(3.0)[np.int64(0)]'),
    ('0-dim slice', 'result = torch.tensor(3.0)[0:1]'),
    ('0-dim tuple index', 'result = torch.tensor(3.0)[(0,)]'),
    ('0-dim tensor index', 'result = torch.tensor(3.0)[torch.tensor(0)]'),
    ('0-dim list index', 'result = torch.tensor(3.0)[[0]]'),
    ('0-dim None and ...', 'x = torch.tensor(3.0)\nresult = [x[None], x[...], x[True]]'),
    ('0-dim int assignment', 'x = torch.tensor(3.0)\nx[0] = 1.0\nresult = x'),
    ('0-dim slice assignment', 'x = torch.tensor(3.0)\nx[:] = 1.0\nresult = x'),
    ('loss.data[0] of a mean', 'w = torch.ones(1, requires_grad=True)\nresult = ((w * 2) ** 2).mean().data[0]'),
    ('1-dim still indexes', 'result = torch.tensor([3.0]).data[0]'),
    (
        'size_average=False',
        'result = warned(lambda: torch.nn.MSELoss(size_average=False).reduction)',
    ),
    (
        'size_average=True and reduce',
        'result = [warned(lambda: torch.nn.BCELoss(size_average=True).reduction), '
        'warned(lambda: torch.nn.L1Loss(reduce=False).reduction), '
        'warned(lambda: torch.nn.CrossEntropyLoss(size_average=False, reduce=True).reduction)]',
    ),
    (
        'functional size_average',
        'x = torch.tensor([1.0, 2.0])\nresult = warned(lambda: torch.nn.functional.mse_loss(x, x * 2, size_average=False))',
    ),
    ('reduction alone is quiet', "result = warned(lambda: torch.nn.MSELoss(reduction='sum').reduction)"),
    (
        'legacy_get_string',
        'from torch.nn import _reduction\nresult = [warned(lambda: _reduction.legacy_get_string(False, None)), '
        '_reduction.legacy_get_string(None, False, emit_warning=False), _reduction.get_enum("sum")]',
    ),
    ('F.sigmoid', 'import torch.nn.functional as F\nresult = warned(lambda: F.sigmoid(torch.tensor([0.0, 2.0])))'),
    ('F.tanh', 'import torch.nn.functional as F\nresult = warned(lambda: F.tanh(torch.tensor([0.0, 2.0])))'),
    ('torch.sigmoid is quiet', 'result = warned(lambda: torch.sigmoid(torch.tensor([0.0])))'),
    (
        'softmax without dim',
        'import torch.nn.functional as F\nx = torch.tensor([[1.0, 2.0], [3.0, 5.0]])\n'
        'result = [warned(lambda: F.softmax(x)), warned(lambda: F.log_softmax(x)), warned(lambda: F.softmin(x))]',
    ),
    (
        'softmax modules without dim',
        'x = torch.arange(24.0).view(2, 3, 4) / 10\n'
        'result = [warned(lambda: torch.nn.LogSoftmax()(x)), warned(lambda: torch.nn.Softmax()(x[0]))]',
    ),
    ('softmax with dim is quiet', 'result = warned(lambda: torch.nn.functional.softmax(torch.ones(2, 2), dim=1))'),
    (
        'Variable volatile',
        'from torch.autograd import Variable\nv = warned(lambda: Variable(torch.ones(2), volatile=True))\n'
        'result = [v, v[0].requires_grad]',
    ),
    (
        'Variable volatile with grad',
        'from torch.autograd import Variable\nresult = Variable(torch.ones(2), requires_grad=True, volatile=True)',
    ),
    ('Variable of a list', 'from torch.autograd import Variable\nresult = Variable([1.0, 2.0])'),
    (
        'Variable requires_grad positional',
        'from torch.autograd import Variable\nresult = Variable(torch.ones(2), True)',
    ),
    ('.volatile', 'x = torch.ones(2)\nresult = warned(lambda: x.volatile)'),
    ('.volatile = True', "x = torch.ones(2)\nresult = warned(lambda: setattr(x, 'volatile', True))"),
    (
        'DataLoader iterator',
        'ds = torch.utils.data.TensorDataset(torch.arange(10.0))\n'
        'it = iter(torch.utils.data.DataLoader(ds, batch_size=4))\n'
        'result = [type(it).__name__, type(it).__module__, len(it), next(it), [b[0].shape for b in it]]',
    ),
    (
        'dataiter.next()',
        'ds = torch.utils.data.TensorDataset(torch.arange(10.0))\n'
        'result = iter(torch.utils.data.DataLoader(ds, batch_size=4)).next()',
    ),
    (
        'resize_ keeps the tensor',
        'x = torch.arange(12.0).view(2, 1, 6)\ny = x.resize_(2, 6)\nz = x.resize_((3, 4))\n'
        'result = [y is x, z is x, x, x.stride(), x.resize_(torch.Size([12])).shape]',
    ),
    ('resize_ of a row', 'x = torch.arange(12.0).view(2, 6)\nr = x[1]\nr.resize_(2, 3)\nresult = [r, x]'),
    ('resize_ with grad', 'result = torch.ones(2, 3, requires_grad=True).resize_(3, 2)'),
    ('resize_ negative', 'result = torch.ones(2, 3).resize_(-1, 6)'),
    (
        'nn.init without the underscore',
        'w = torch.ones(3, 4)\nnames = ["uniform", "normal", "xavier_uniform", "xavier_normal", "kaiming_uniform", '
        '"kaiming_normal", "eye", "orthogonal", "sparse"]\n'
        'result = [warned(lambda: getattr(torch.nn.init, n)(w, *([0.5] if n == "sparse" else [])).shape) for n in names]'
        ' + [warned(lambda: torch.nn.init.constant(w, 0.25)), warned(lambda: torch.nn.init.dirac(torch.ones(2, 2, 3)))]',
    ),
    # TORCH_WARN_ONCE: the failed backward of a vector comes first and must not use up the one warning.
    (
        'create_graph backward of a vector',
        'result = (torch.ones(2, requires_grad=True) * 2).backward(create_graph=True)',
    ),
    (
        'backward(create_graph=True) warns once',
        'x = torch.ones(2, requires_grad=True)\nfirst = warned(lambda: (x * x).sum().backward(create_graph=True))\n'
        'result = [first, warned(lambda: (x * x).sum().backward(create_graph=True)), x.grad]',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch}, setup=WARNED)


if __name__ == '__main__':
    main()
