#!/usr/bin/env python3
"""Writes test/unit/api-gaps-torch113.json: what real PyTorch 1.13 gives for the API that learners' tutorial
files use and our torch once lacked (issue 9): creation signatures (size=, out=), out= on math functions,
indexing with range and lists, NumPy's axis=/keepdims= names, torch.linalg.norm, scatter/gather/bincount,
grad_fn classes and next_functions, class module paths, torch.autograd.Function, t_(), arange's values,
BatchNorm1d; then what the conformance files of saving and hand-written backprop met: torch.save of a
non-leaf's requires_grad, optimizer.state by parameter, vector_to_parameters, attributes set on a tensor,
register_buffer of an existing name, torch.nn.utils.prune.
test/unit/shim-api-gaps.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/api-gaps-fixture.py > test/unit/api-gaps-torch113.json
"""

import torch

from fixture_cases import run_exec_cases

CASES = [
    ('randn size=', 'result = torch.randn(size=(2, 3), requires_grad=True).shape'),
    ('zeros size=', 'result = torch.zeros(size=(2, 3))'),
    ('ones size= dtype', 'result = torch.ones(size=[3], dtype=torch.int64)'),
    ('rand size=', 'result = torch.rand(size=()).shape'),
    ('empty size=', 'result = torch.empty(size=(4,)).shape'),
    ('full size=', 'result = torch.full(size=(2,), fill_value=3.0)'),
    (
        'zeros tuple/list/Size',
        'result = [torch.zeros((2, 1)).shape, torch.zeros([3]).shape, torch.zeros(torch.Size([1, 2])).shape]',
    ),
    ('sizes and size=', 'result = torch.zeros(2, size=(2,))'),
    (
        'randint forms',
        'result = [torch.randint(3, 10, size=(2,)).shape, torch.randint(10, (3,)).shape, torch.randint(high=5, size=(4,)).dtype]',
    ),
    ('zeros out= same shape', 'y = torch.ones(2, 3)\nr = torch.zeros(2, 3, out=y)\nresult = [r is y, y]'),
    ('zeros out= resized', 'y = torch.ones(4)\ntorch.zeros(2, 3, out=y)\nresult = y'),
    ('arange out= int', 'y = torch.ones(2, dtype=torch.int64)\ntorch.arange(3, out=y)\nresult = y'),
    ('like dtype', 'result = [torch.zeros_like(torch.ones(2), dtype=torch.int64), torch.full_like(torch.ones(2), 7)]'),
    (
        'matmul out=',
        'a = torch.arange(6.0).reshape(2, 3)\ny = torch.empty(2, 2)\nr = torch.matmul(a, a.T, out=y)\nresult = [r is y, y]',
    ),
    (
        'mul/add out=',
        'a = torch.arange(4.0)\nz = torch.zeros(4)\nw = torch.zeros(4)\ntorch.mul(a, a, out=z)\ntorch.add(a, 1, out=w)\nresult = [z, w]',
    ),
    ('out= with grad', 'a = torch.ones(2, requires_grad=True)\nresult = torch.mul(a, a, out=torch.empty(2))'),
    (
        'max dim out=',
        'v = torch.empty(2)\ni = torch.empty(2, dtype=torch.int64)\ntorch.max(torch.tensor([[1.0, 5.0], [7.0, 2.0]]), 1, out=(v, i))\nresult = [v, i]',
    ),
    ('t_', 'a = torch.arange(6.0).reshape(2, 3)\nr = a.t_()\nresult = [r is a, a]'),
    ('transpose_', 'a = torch.arange(6.0).reshape(1, 2, 3)\na.transpose_(0, 2)\nresult = a'),
    ('range index', 'x = torch.arange(12.0).reshape(3, 4)\nresult = x[range(3), torch.tensor([0, 3, 1])]'),
    (
        'range index grad',
        'x = torch.arange(12.0).reshape(3, 4).requires_grad_()\ny = x[range(3), [0, 3, 1]]\ny.sum().backward()\nresult = [y, x.grad]',
    ),
    ('range assignment', 'x = torch.zeros(3, 4)\nx[range(3), [1, 2, 3]] = 5.0\nresult = x'),
    ('list index', 'x = torch.arange(12.0).reshape(3, 4)\nresult = [x[[0, 2]], x[:, [1, 1]], x[[0, 1], [2, 3]]]'),
    (
        'axis keepdims',
        'A = torch.arange(6.0).reshape(2, 3)\nresult = [A.sum(axis=0), A.sum(axis=1, keepdims=True), A.mean(axis=0), A.cumsum(axis=0), A.argmax(axis=1)]',
    ),
    (
        'axis functions',
        'A = torch.arange(6.0).reshape(2, 3)\nresult = [torch.sum(A, axis=1), torch.mean(A, axis=0, keepdims=True), A.max(axis=0), torch.cat([A, A], axis=0).shape, A.std(axis=0)]',
    ),
    (
        'linalg.norm',
        'A = torch.arange(6.0).reshape(2, 3)\nresult = [torch.linalg.norm(A), torch.linalg.norm(torch.tensor([3.0, -4.0])), torch.linalg.norm(A, dim=1), torch.linalg.vector_norm(A, ord=1)]',
    ),
    ('scatter_ one-hot', 'result = torch.zeros(4, 3).scatter_(1, torch.tensor([[0], [2], [1], [0]]), 1)'),
    (
        'scatter src',
        'result = torch.zeros(3, 5).scatter(1, torch.tensor([[0, 1], [2, 2], [4, 3]]), torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))',
    ),
    (
        'scatter grads',
        'x = torch.arange(12.0).reshape(3, 4).requires_grad_()\ns = torch.tensor([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], requires_grad=True)\ni = torch.tensor([[0, 1, 2, 0], [2, 0, 0, 1]])\ny = x.scatter(0, i, s)\n(y * torch.arange(12.0).reshape(3, 4)).sum().backward()\nresult = [y, x.grad, s.grad]',
    ),
    (
        'scatter value grad_fn',
        'x = torch.ones(2, 2, requires_grad=True)\nresult = x.scatter(1, torch.tensor([[1], [0]]), 2.5)',
    ),
    (
        'scatter_add_',
        'result = torch.zeros(2, 3, dtype=torch.long).scatter_add_(1, torch.tensor([[0, 0], [2, 2]]), torch.ones(2, 2, dtype=torch.long))',
    ),
    (
        'scatter_add grads',
        'x = torch.ones(2, 3, requires_grad=True)\ns = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\ny = torch.scatter_add(x, 1, torch.tensor([[0, 0], [2, 1]]), s)\n(y * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()\nresult = [y, x.grad, s.grad]',
    ),
    ('scatter errors', 'result = torch.zeros(3, 3).scatter_(1, torch.tensor([[5]]), 1.0)'),
    ('scatter float index', 'result = torch.zeros(3, 3).scatter_(1, torch.tensor([[1.0]]), 1.0)'),
    (
        'bincount',
        'v = torch.tensor([0, 1, 1, 3])\nresult = [torch.bincount(v), torch.bincount(v, minlength=6), torch.bincount(v, weights=torch.tensor([0.5, 1.0, 2.0, 3.0])), v.bincount()]',
    ),
    (
        'one_hot gather index_select masked_fill',
        'x = torch.arange(6.0).reshape(2, 3)\nresult = [torch.nn.functional.one_hot(torch.tensor([0, 2, 1])), x.gather(1, torch.tensor([[2], [0]])), torch.index_select(x, 1, torch.tensor([2, 0])), x.masked_fill(x > 2, -1.0)]',
    ),
    (
        'grad_fn class',
        'a = torch.ones(2, requires_grad=True)\ny = a + 1\nresult = [type(y.grad_fn).__name__, type((a * 2).sum().grad_fn).__name__, y.grad_fn.name()]',
    ),
    (
        'next_functions',
        'a = torch.ones(2, requires_grad=True)\nb = torch.ones(2)\ny = a * b + a\nf = y.grad_fn\nm = f.next_functions[0][0]\nleaf = m.next_functions[0][0]\nresult = [[(type(g).__name__ if g is not None else None, i) for g, i in f.next_functions], [(type(g).__name__ if g is not None else None, i) for g, i in m.next_functions], leaf.variable is a, leaf.next_functions, leaf.name()]',
    ),
    (
        'class paths',
        'import torch.nn as nn\nresult = [str(torch.Tensor), str(type(torch.ones(1))), type(torch.utils.data.TensorDataset(torch.ones(2))).__module__, torch.utils.data.DataLoader.__module__, nn.Linear.__module__, nn.Sequential.__module__, nn.ReLU.__module__, nn.MSELoss.__module__, nn.Module.__module__, nn.Parameter.__module__, nn.Dropout.__module__, nn.Flatten.__module__, nn.BatchNorm1d.__module__, torch.optim.SGD.__module__, torch.optim.Adam.__module__, torch.optim.Optimizer.__module__, torch.no_grad.__module__, torch.autograd.Function.__module__]',
    ),
    (
        'Function',
        FUNCTION := '''
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.save_for_backward(x)
        ctx.k = k
        return x ** 3 * k

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * 3 * x ** 2 * ctx.k, None

x = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
y = Cube.apply(x, 2.0)
y.sum().backward()
result = [y, x.grad, type(y.grad_fn).__name__, Cube.apply(torch.ones(2), 1.0)]
''',
    ),
    (
        'Function two outputs',
        '''
class Split(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, y)
        return x * y, x - y

    @staticmethod
    def backward(ctx, gp, gd):
        x, y = ctx.saved_tensors
        return gp * y + gd, gp * x - gd

p = torch.tensor([1.0, 2.0], requires_grad=True)
q = torch.tensor([3.0, -1.0], requires_grad=True)
s, t = Split.apply(p, q)
(s.sum() + 2 * t.sum()).backward()
u, v = Split.apply(p, q)
u.sum().backward()
result = [s, t, p.grad, q.grad]
''',
    ),
    (
        'Function needs_input_grad and errors',
        '''
seen = []
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, w):
        seen.append(ctx.needs_input_grad)
        return x * w

    @staticmethod
    def backward(ctx, g):
        return (g,)

x = torch.ones(2, requires_grad=True)
y = Bad.apply(x, torch.ones(2))
try:
    y.sum().backward()
except RuntimeError as e:
    seen.append(type(e).__name__)
result = seen
''',
    ),
    (
        'Variable',
        'from torch.autograd import Variable\nt = torch.ones(2)\nv = Variable(t, requires_grad=True)\n(v * 3).sum().backward()\nresult = [v.requires_grad, v.is_leaf, v.grad, isinstance(t, Variable), t.requires_grad]',
    ),
    (
        'optimizer state_dict',
        '''
torch.manual_seed(0)
w = torch.nn.Parameter(torch.randn(2, 3))
b = torch.nn.Parameter(torch.randn(3))
result = []
for make in (lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9), lambda ps: torch.optim.Adam(ps, lr=0.01)):
    opt = make([w, b])
    for _ in range(3):
        opt.zero_grad()
        ((w.sum(0) * b) ** 2).sum().backward()
        opt.step()
    sd = opt.state_dict()
    # (the order of Adam's group keys is not ours yet: maximize/foreach are swapped; compared sorted)
    result.append([sorted(sd['state'][0].keys()), list(sd['state'][0].values()), sorted(sd['param_groups'][0].items())])
    other = make([torch.nn.Parameter(w.detach().clone()), torch.nn.Parameter(b.detach().clone())])
    other.load_state_dict(sd)
    result.append(list(other.state_dict()['state'][1].values()))
''',
    ),
    (
        'save and load',
        '''
import io
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
buffer = io.BytesIO()
torch.save({'epoch': 5, 'model': model.state_dict(), 'x': torch.arange(6).reshape(2, 3)[:, 1]}, buffer)
buffer.seek(0)
loaded = torch.load(buffer)
other = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
keys = other.load_state_dict(loaded['model'])
result = [loaded['epoch'], list(loaded['model'].keys()), type(loaded['model']).__name__, loaded['x'], repr(keys), other[2].bias, type(model.state_dict()).__name__]
''',
    ),
    (
        'arange double steps',
        'x = torch.arange(-8.0, 8.0, 0.1)\nresult = [x.shape, x[78:83].tolist(), torch.arange(-8.0, 8.0, 0.1, dtype=torch.float64)[76:84].tolist()]',
    ),
    (
        'BatchNorm1d train',
        '''
bn = torch.nn.BatchNorm1d(3)
x = torch.tensor([[1.0, 2.0, 3.0], [3.0, 6.0, 9.0], [5.0, 4.0, 0.0]], requires_grad=True)
y = bn(x)
(y * torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0], [0.0, 1.0, -2.0]])).sum().backward()
result = [y, x.grad, bn.weight.grad, bn.bias.grad, bn.running_mean, bn.running_var, bn.num_batches_tracked, repr(bn), list(bn.state_dict().keys())]
''',
    ),
    (
        'BatchNorm1d eval and 3d',
        '''
torch.manual_seed(0)
bn = torch.nn.BatchNorm1d(2, momentum=None)
x = torch.randn(4, 2, 3)
bn(x)
bn(x * 2)
bn.eval()
result = [bn.running_mean, bn.running_var, bn.num_batches_tracked, bn(x)[0]]
''',
    ),
    (
        'torch.save keeps requires_grad of a non-leaf',
        '''
import io
buffer = io.BytesIO()
loss = (torch.ones(2, requires_grad=True) * 3).sum()
torch.save({'loss': loss, 'plain': torch.ones(1)}, buffer)
buffer.seek(0)
loaded = torch.load(buffer)
result = [loaded['loss'], loaded['loss'].requires_grad, loaded['loss'].is_leaf, loaded['plain'].requires_grad]
''',
    ),
    (
        'optimizer.state by parameter',
        '''
w = torch.nn.Parameter(torch.ones(2))
b = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)
before = [len(opt.state), opt.state[w], w in opt.state, b in opt.state]
(w.sum() * 2 + b.sum()).backward()
opt.step()
adam = torch.optim.Adam([b], lr=0.1)
adam.load_state_dict(torch.optim.Adam([torch.nn.Parameter(torch.ones(1))]).state_dict())
empty = len(adam.state)
adam.step()
result = before + [len(opt.state), opt.state[w]['momentum_buffer'], [p.shape for p in opt.state], empty,
                   sorted(adam.state[b]), adam.state[b]['step'], adam.state[b]['exp_avg']]
''',
    ),
    (
        'vector_to_parameters views the vector',
        '''
from torch.nn.utils import parameters_to_vector, vector_to_parameters
m = torch.nn.Linear(2, 1)
v = torch.arange(3.0)
vector_to_parameters(v, m.parameters())
v[0] = 7.0
try:
    vector_to_parameters([0.0, 1.0, 2.0], m.parameters())
    error = None
except TypeError as e:
    error = str(e)
result = [m.weight, m.bias, m.weight.is_leaf, m.weight.requires_grad, parameters_to_vector(m.parameters()), error]
''',
    ),
    (
        'attributes of the learner on a tensor',
        '''
import copy
t = torch.ones(2)
t.g = torch.zeros(2)
t.label = 'w'
c = copy.deepcopy(t)
result = [t.g, c.g, c.label, c.g is t.g, hasattr(torch.ones(1), 'g')]
''',
    ),
    (
        'register_buffer again keeps its place',
        '''
m = torch.nn.Module()
m.register_buffer('a', torch.zeros(1))
m.register_buffer('b', torch.ones(1))
m.register_buffer('a', torch.full((2,), 3.0))
result = [list(m.state_dict().keys()), m.a]
''',
    ),
    (
        'prune: iterative L1 over random, then remove',
        '''
import torch.nn.utils.prune as prune
torch.manual_seed(0)
lin = torch.nn.Linear(4, 3)
prune.random_unstructured(lin, 'weight', amount=0.25)
first = lin.weight_mask.clone()
prune.l1_unstructured(lin, 'weight', amount=2)
names = [n for n, _ in lin.named_parameters()] + [n for n, _ in lin.named_buffers()]
pruned = lin.weight
prune.remove(lin, 'weight')
result = [first, lin.weight_mask if hasattr(lin, 'weight_mask') else None, names, pruned, lin.weight,
          [n for n, _ in lin.named_parameters()], prune.is_pruned(lin)]
''',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch}, messages=False, dtypes=True)


if __name__ == '__main__':
    main()
