#!/usr/bin/env python3
"""Writes test/unit/nan-fused-init-torch113.json: what real PyTorch 1.13 gives for the data-cleaning
reductions (nan_to_num, nansum, nanmean, median, nanmedian), the fused products (addmm, addmv, addr, baddbmm,
addbmm) with their gradients and errors, erfinv, the initialisers trunc_normal_, orthogonal_, sparse_ and
dirac_, Module.register_full_backward_hook, torch.device('cpu:0') and the legacy tensor types.
test/unit/nan-fused-init.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/nan-fused-init-fixture.py > test/unit/nan-fused-init-torch113.json
"""

import torch

from fixture_cases import run_exec_cases

NAN_DATA = "x = torch.tensor([[1.0, float('nan'), 3.0], [float('inf'), -2.0, float('-inf')]], requires_grad=True)\n"
TIES = "b = torch.tensor([[3.0, 1.0, 2.0, 5.0], [0.5, 4.0, -1.0, 2.0], [2.0, 2.0, 7.0, 2.0]], requires_grad=True)\n"
PRODUCTS = '''
torch.manual_seed(0)
inp = torch.randn(3, requires_grad=True)
m1 = torch.randn(2, 4, requires_grad=True)
m2 = torch.randn(4, 3, requires_grad=True)
'''

CASES = [
    ('nan_to_num defaults', NAN_DATA + 'y = torch.nan_to_num(x)\ny.sum().backward()\nresult = [y, x.grad]'),
    ('nan_to_num args', NAN_DATA + 'result = [x.nan_to_num(nan=0.5, posinf=9.0, neginf=-9.0), x.nan_to_num(1.0)]'),
    ('nan_to_num float64', "result = torch.tensor([float('nan'), float('inf')], dtype=torch.float64).nan_to_num()"),
    ('nan_to_num int', 'result = torch.nan_to_num(torch.tensor([1, 2]))'),
    ('nan_to_num_', NAN_DATA + 'y = x * 1\ny.nan_to_num_(2.0)\nresult = y'),
    ('nansum', NAN_DATA + 'y = torch.nansum(x[0])\ny.backward()\nresult = [y, x.grad]'),
    (
        'nansum dim',
        "a = torch.tensor([[1.0, float('nan')], [3.0, 4.0]])\nresult = [a.nansum(1), a.nansum(0, keepdim=True)]",
    ),
    (
        'nanmean',
        "a = torch.tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]], requires_grad=True)\n"
        'm = torch.nanmean(a, dim=0)\nm.sum().backward()\nresult = [m, a.nanmean(), a.nanmean(1, keepdim=True), a.grad]',
    ),
    ('nanmean int', 'result = torch.nanmean(torch.tensor([1, 2]))'),
    ('median all', TIES + 'm = torch.median(b)\nm.backward()\nresult = [m, b.grad]'),
    ('median even count', 'result = torch.tensor([4.0, 1.0, 3.0, 2.0]).median()'),
    ('median dim', TIES + 'r = b.median(dim=1)\nr.values.sum().backward()\nresult = [r.values, r.indices, b.grad]'),
    ('median keepdim', TIES + 'r = torch.median(b[:2], 0, keepdim=True)\nresult = [r.values, r.indices]'),
    ('median repr', 'result = repr(torch.median(torch.tensor([[1.0, 3.0, 2.0]]), 1))'),
    ('median nan', "a = torch.tensor([1.0, float('nan'), 3.0])\nresult = [a.median(), a.median(0).indices]"),
    ('median int', 'result = torch.median(torch.tensor([1, 5, 3, 2]))'),
    (
        'nanmedian',
        "a = torch.tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]])\n"
        'r = torch.nanmedian(a, dim=1)\nresult = [torch.nanmedian(a), r.values, r.indices, type(r).__name__]',
    ),
    (
        'addmm beta alpha',
        PRODUCTS + 'out = torch.addmm(inp, m1, m2, beta=0.5, alpha=2.0)\nout.pow(2).sum().backward()\n'
        'result = [out, inp.grad, m1.grad, m2.grad, [type(f).__name__ for f, _ in out.grad_fn.next_functions]]',
    ),
    ('addmm method', PRODUCTS + 'result = [inp.addmm(m1, m2), torch.ones(2, 3).addmm_(m1, m2)]'),
    (
        'addmm beta 0 nan',
        "result = torch.addmm(torch.tensor([float('nan')]), torch.ones(2, 2), torch.ones(2, 2), beta=0)",
    ),
    ('addmm shapes', 'result = torch.addmm(torch.zeros(2, 3), torch.zeros(2, 3), torch.zeros(2, 3))'),
    ('addmm input shape', 'result = torch.addmm(torch.zeros(4), torch.zeros(2, 3), torch.zeros(3, 3))'),
    (
        'addmv',
        PRODUCTS + 'v = torch.randn(4, requires_grad=True)\no = torch.addmv(torch.ones(2), m1, v, alpha=0.5)\n'
        'o.sum().backward()\nresult = [o, v.grad, m1.grad]',
    ),
    ('addmv shapes', 'result = torch.addmv(torch.zeros(2), torch.zeros(2, 3), torch.zeros(2))'),
    (
        'addr',
        'v1 = torch.tensor([1.0, 2.0], requires_grad=True)\nv2 = torch.tensor([1.0, 0.0, -1.0], requires_grad=True)\n'
        'o = torch.addr(torch.ones(2, 3), v1, v2, beta=2)\n(o * torch.arange(6.0).view(2, 3)).sum().backward()\n'
        'result = [o, v1.grad, v2.grad]',
    ),
    (
        'baddbmm addbmm',
        'torch.manual_seed(1)\nB1 = torch.randn(2, 2, 3, requires_grad=True)\nB2 = torch.randn(2, 3, 2)\n'
        'o = torch.baddbmm(torch.ones(2, 2), B1, B2)\nq = torch.addbmm(torch.ones(2), B1, B2, alpha=0.1)\n'
        '(o.sum() + q.sum()).backward()\nresult = [o, q, B1.grad]',
    ),
    ('baddbmm shapes', 'result = torch.baddbmm(torch.zeros(2, 2, 2), torch.zeros(2, 2, 3), torch.zeros(3, 3, 2))'),
    ('addbmm shapes', 'result = torch.addbmm(torch.zeros(2, 2), torch.zeros(2, 2, 3), torch.zeros(2, 2, 2))'),
    (
        'erfinv',
        'u = torch.linspace(-0.99, 0.99, 9, requires_grad=True)\ne = torch.erfinv(u)\ne.sum().backward()\nresult = [e, u.grad]',
    ),
    (
        'trunc_normal_',
        'torch.manual_seed(0)\nw = torch.empty(40, 30)\nresult = torch.nn.init.trunc_normal_(w, std=0.02)',
    ),
    (
        'trunc_normal_ a b',
        'torch.manual_seed(3)\nresult = torch.nn.init.trunc_normal_(torch.empty(5, 7), 1.0, 2.0, -1.0, 3.0)',
    ),
    ('orthogonal_ wide', 'torch.manual_seed(0)\nresult = torch.nn.init.orthogonal_(torch.empty(3, 5))'),
    (
        'orthogonal_ tall gain',
        'torch.manual_seed(0)\nresult = torch.nn.init.orthogonal_(torch.empty(6, 2, 2), gain=2.0)',
    ),
    ('sparse_', 'torch.manual_seed(0)\nresult = torch.nn.init.sparse_(torch.empty(5, 3), 0.4)'),
    (
        'dirac_',
        'result = [torch.nn.init.dirac_(torch.empty(2, 2, 3)), torch.nn.init.dirac_(torch.empty(4, 2, 3, 3), 2)]',
    ),
    (
        'full backward hook',
        '''
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))
seen = []
def hook(m, gi, go):
    seen.append([type(m).__name__, [None if g is None else g for g in gi], list(go)])
for m in model:
    m.register_full_backward_hook(hook)
x = torch.randn(5, 4)
out = model(x)
out.sum().backward()
x2 = torch.randn(5, 4, requires_grad=True)
h = model[0].register_full_backward_hook(lambda m, gi, go: (gi[0] * 0,))
model(x2).sum().backward()
zeroed = x2.grad.clone()
h.remove()
x2.grad = None
model(x2).sum().backward()
result = [type(out.grad_fn).__name__, seen, zeroed, x2.grad]
''',
    ),
    (
        'device cpu:0',
        "d = torch.device('cpu:0')\ne = torch.device('cpu', 0)\n"
        "result = [repr(d), str(d), d.type, d.index, repr(e), d == e, d == torch.device('cpu'), str(torch.ones(1).to('cpu:0').device)]",
    ),
    ('device bad string', "result = torch.device('cpu:x')"),
    (
        'legacy tensor types',
        'x = torch.ones(2)\n'
        'result = [str(torch.FloatTensor), str(torch.DoubleTensor), str(torch.LongTensor), isinstance(x, torch.FloatTensor),'
        ' isinstance(x.double(), torch.FloatTensor), isinstance(x.double(), torch.DoubleTensor), isinstance(x.long(), torch.LongTensor),'
        ' torch.FloatTensor([1, 2]), torch.FloatTensor(2, 3).shape, x.type(torch.DoubleTensor)]',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch})


if __name__ == '__main__':
    main()
