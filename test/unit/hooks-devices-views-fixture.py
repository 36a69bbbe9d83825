#!/usr/bin/env python3
"""Writes test/unit/hooks-devices-views-torch113.json: what real PyTorch 1.13 (CPU-only) gives for
Module.register_backward_hook (the old, non-full hook on the grad_fn of the module's output: its grad_input
in the node's order, grad_output, replacements, errors and deprecation warnings), grad_fn.register_hook;
for putting tensors and modules on CUDA or other devices (torch.device names them; using them fails); and
for storage shared in place: t_()/transpose_() changing strides only, split/chunk/unbind pieces written
through, and .numpy() of non-contiguous tensors sharing memory.
test/unit/hooks-devices-views.test.ts runs this same file on our torch (and numpy) in Pyodide and compares.

    /usr/bin/python3 test/unit/hooks-devices-views-fixture.py > test/unit/hooks-devices-views-torch113.json
"""

import json
import math
import warnings

import numpy as np
import torch

LINEAR = '''
torch.manual_seed(0)
lin = torch.nn.Linear(3, 2)
seen = []
def hook(m, gi, go):
    # Copies: PyTorch's .grad of a leaf may take over a gradient's buffer and accumulate into it later.
    seen.append([type(m).__name__, [g if g is None else g.clone() for g in gi], [g.clone() for g in go]])
'''

CASES = [
    (
        'linear 2-D input: (bias, input, weight.T) grads',
        LINEAR + 'lin.register_backward_hook(hook)\nx = torch.randn(4, 3)\nlin(x).pow(2).sum().backward()\n'
        'x2 = torch.randn(4, 3, requires_grad=True)\nlin(x2).pow(2).sum().backward()\nresult = seen',
    ),
    (
        'linear 1-D and 3-D input',
        LINEAR + 'lin.register_backward_hook(hook)\nlin(torch.randn(3, requires_grad=True)).pow(2).sum().backward()\n'
        'lin(torch.randn(2, 4, 3, requires_grad=True)).pow(2).sum().backward()\nresult = seen',
    ),
    (
        'linear 4-D input',
        LINEAR
        + 'lin.register_backward_hook(hook)\nlin(torch.randn(2, 2, 2, 3)).pow(2).sum().backward()\nresult = seen',
    ),
    (
        'replacing grad_input',
        LINEAR + 'lin.register_backward_hook(lambda m, gi, go: (gi[0] * 2, gi[1] * 0 + 1, gi[2] * 3))\n'
        'x = torch.randn(4, 3, requires_grad=True)\nlin(x).pow(2).sum().backward()\n'
        'result = [x.grad, lin.weight.grad, lin.bias.grad]',
    ),
    (
        'replacing grad_input 1-D and 3-D',
        LINEAR + 'lin.register_backward_hook(lambda m, gi, go: tuple(g * 2 for g in gi))\n'
        'x = torch.randn(3, requires_grad=True)\nlin(x).pow(2).sum().backward()\nr = [x.grad, lin.weight.grad, lin.bias.grad]\n'
        'lin.zero_grad()\nx3 = torch.randn(2, 4, 3, requires_grad=True)\nlin(x3).pow(2).sum().backward()\n'
        'result = r + [x3.grad, lin.weight.grad, lin.bias.grad]',
    ),
    (
        'None in the returned tuple drops that gradient',
        LINEAR + 'lin.register_backward_hook(lambda m, gi, go: (gi[0], None, gi[2]))\n'
        'x = torch.randn(4, 3, requires_grad=True)\nlin(x).sum().backward()\nresult = [x.grad, lin.weight.grad]',
    ),
    (
        'activation on a non-leaf and on a leaf, Sequential, handle.remove',
        LINEAR + 'r = torch.nn.Tanh()\nh = r.register_backward_hook(hook)\nx = torch.randn(4, 3, requires_grad=True)\n'
        'r(x * 2).sum().backward()\nr(x).sum().backward()\nh.remove()\nr(x).sum().backward()\n'
        'seq = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU())\nseq.register_backward_hook(hook)\n'
        'seq(x).sum().backward()\nresult = seen',
    ),
    (
        'module returning a tuple or a dict',
        LINEAR
        + '''
class Two(torch.nn.Module):
    def forward(self, x):
        return x.exp(), x.sin()
class Named(torch.nn.Module):
    def forward(self, x):
        return {'a': x * 3}
m = Two()
m.register_backward_hook(hook)
x = torch.randn(3, requires_grad=True)
a, b = m(x * 1)
(a + b).sum().backward()
n = Named()
n.register_backward_hook(hook)
n(x * 1)['a'].sum().backward()
result = seen
''',
    ),
    (
        'hooks in a create_graph pass',
        'x = torch.tensor([[1.0, -2.0, 0.5]], requires_grad=True)\nt = torch.nn.Tanh()\n'
        't.register_backward_hook(lambda m, gi, go: (gi[0] * go[0] * 3,))\ny = t(x * 2)\n'
        '(g,) = torch.autograd.grad(y.pow(2).sum(), x, create_graph=True)\ng.sum().backward()\nresult = [g, x.grad]',
    ),
    (
        'mixing hook kinds',
        'lin = torch.nn.Linear(2, 2)\nlin.register_backward_hook(lambda *a: None)\n'
        'result = lin.register_full_backward_hook(lambda *a: None)',
    ),
    (
        'mixing hook kinds, full first',
        'lin = torch.nn.Linear(2, 2)\nlin.register_full_backward_hook(lambda *a: None)\n'
        'result = lin.register_backward_hook(lambda *a: None)',
    ),
    (
        'wrong number of values',
        LINEAR + 'def bad(m, gi, go):\n    return (gi[0],)\nlin.register_backward_hook(bad)\n'
        'x = torch.randn(4, 3, requires_grad=True)\nlin(x).sum().backward()\nresult = 0',
    ),
    (
        'changed size',
        LINEAR + 'lin.register_backward_hook(lambda m, gi, go: (gi[0], gi[1], torch.zeros(2, 3)))\n'
        'lin(torch.randn(4, 3)).sum().backward()\nresult = 0',
    ),
    (
        'returning a list',
        LINEAR
        + 'lin.register_backward_hook(lambda m, gi, go: list(gi))\nlin(torch.randn(4, 3)).sum().backward()\nresult = 0',
    ),
    (
        'grad_fn.register_hook',
        'x = torch.tensor([[1.0, -2.0], [3.0, -0.5]], requires_grad=True)\nw = torch.tensor([0.5, 2.0], requires_grad=True)\n'
        'y = (x * w).relu()\nseen = []\n'
        'h = y.grad_fn.register_hook(lambda gi, go: seen.append([[g.clone() for g in gi], list(go)]))\n'
        'm = y.grad_fn.next_functions[0][0]\nm.register_hook(lambda gi, go: (gi[0] * 10, gi[1]))\n'
        'y.sum().backward()\nresult = [seen, x.grad, w.grad]',
    ),
    (
        'cuda is not available',
        "result = [torch.cuda.is_available(), torch.cuda.device_count(), str(torch.device('cuda' if torch.cuda.is_available() else 'cpu'))]",
    ),
    (
        'devices named',
        "result = [repr(torch.device(d)) for d in ['cuda', 'cuda:1', 'mps', 'mps:0', 'xla', 'xla:1', 'hip', 'meta']]"
        " + [repr(torch.device('cuda', 2)), repr(torch.device(0)), str(torch.device('xla:1')), torch.device('mps').type,"
        " torch.device('cuda:0').index, torch.device('xla') == torch.device('xla')]",
    ),
    ('device unknown type', "result = torch.device('gpu')"),
    ('device upper case', "result = torch.device('CUDA')"),
    ('device negative index', "result = torch.device('cuda', -1)"),
    ('device index twice', "result = torch.device('cuda:0', 0)"),
    ('device bad index', "result = torch.device('cuda:01')"),
]

# What each of these raises (all AssertionError "Torch not compiled with CUDA enabled" on a CPU-only build).
FAILING = [
    'x.cuda()',
    'x.cuda(0)',
    "x.to('cuda')",
    "x.to('cuda:0')",
    "x.to(torch.device('cuda:0'))",
    "x.to(device='cuda', dtype=torch.float64)",
    'x.to(0)',
    "torch.zeros(2, device='cuda')",
    "torch.ones(2, device=torch.device('cuda:1'))",
    "torch.randn(2, device='cuda')",
    "torch.arange(3, device='cuda')",
    "torch.tensor([1.0], device='cuda')",
    "torch.zeros_like(x, device='cuda')",
    "x.new_zeros(2, device='cuda')",
    'model.cuda()',
    "model.to(torch.device('cuda:0'))",
    "model.to('cuda')",
    'torch.cuda.current_device()',
    'torch.cuda.get_device_name(0)',
    "torch.cuda.FloatTensor(2)",
    "torch.set_default_tensor_type('torch.cuda.FloatTensor')",
    'torch.set_default_tensor_type(torch.cuda.DoubleTensor)',
    "torch.Generator(device='cuda')",
    "x.to('xla')",
    "x.to('mps')",
    "model.to(torch.device('mps'))",
    "torch.zeros(2, device='mps')",
    "torch.randn(2, device=torch.device('xla'))",
    "torch.tensor([1.0], device='mps')",
]
CASES += [(f'raises: {expr}', f'x = torch.ones(2)\nmodel = torch.nn.Linear(2, 1)\nresult = {expr}') for expr in FAILING]

LAYOUT = 'def layout(t):\n    return [list(t.shape), list(t.stride()), t.storage_offset(), t.is_contiguous()]\n'
CASES += [
    (
        't_ changes strides, not storage',
        LAYOUT + 'x = torch.arange(6.0).view(2, 3)\nrow = x[0]\nflat = x.view(3, 2)\nx.t_()\nx[0, 1] = 100\n'
        'result = [layout(x), x, row, flat, x.storage().tolist(), x.data_ptr() == flat.data_ptr()]',
    ),
    (
        'transpose_ and writes through it',
        LAYOUT
        + 'y = torch.arange(24.0).view(2, 3, 4)\nkeep = y[1]\ny.transpose_(0, 2)\ny[1, 2, 0] = -1\ny[0].mul_(2)\n'
        'result = [layout(y), y, keep, y.contiguous().stride()]',
    ),
    (
        't_ twice, swapaxes_, 0-D and 1-D',
        LAYOUT + 'm = torch.arange(6.0).view(2, 3)\nm.t_()\na = [layout(m), m + 1, m.sum(0), m @ torch.ones(2)]\n'
        'm.t_()\nn = torch.arange(6.0).view(1, 2, 3)\nn.swapaxes_(1, 2)\ns = torch.tensor(3.0)\ns.t_()\n'
        'v = torch.arange(3.0)\nv.t_()\nresult = a + [layout(m), m, layout(n), s, layout(v)]',
    ),
    (
        't_ and transpose_ with autograd',
        'a = torch.ones(2, 3, requires_grad=True)\nb = a * torch.arange(6.0).view(2, 3)\nb.t_()\n'
        'names = [b.grad_fn.name(), [f.name() for f, _ in b.grad_fn.next_functions], b._version]\n'
        '(b * torch.arange(6.0).view(3, 2)).sum().backward()\nc = torch.arange(24.0, requires_grad=True)\n'
        'd = c.view(2, 3, 4) * 1\nd.transpose_(-1, 0)\n(d * torch.arange(24.0).view(4, 3, 2)).sum().backward()\n'
        'result = names + [a.grad, d.grad_fn.name(), c.grad]',
    ),
    ('t_ of a leaf that requires grad', 'a = torch.ones(2, 3, requires_grad=True)\nresult = a.t_()'),
    ('t_ of 3-D', 'result = torch.ones(2, 2, 2).t_()'),
    ('transpose_ out of range', 'result = torch.ones(2, 2).transpose_(0, 2)'),
    (
        'split and chunk pieces share storage',
        LAYOUT + 'z = torch.arange(10.0)\nparts = z.split(3)\nparts[1][0] = 50\nparts[-1].mul_(2)\n'
        'base = torch.arange(12.0).view(3, 4)\nc = base.chunk(2, dim=1)\nc[1].add_(100)\nc[0][2, 0] = -1\n'
        'sp = torch.arange(12.0).view(3, 4)\nq = sp.split([1, 3], dim=1)\nq[1][0, 0] = 77\n'
        'result = [z, [layout(p) for p in parts], base, [layout(p) for p in c], sp, [layout(p) for p in q]]',
    ),
    (
        'unbind pieces share storage',
        LAYOUT
        + 'u = torch.arange(6.0).view(2, 3)\ncols = u.unbind(1)\ncols[2][0] = -5\nrows = u.unbind()\nrows[1].zero_()\n'
        'result = [u, [layout(c) for c in cols], [layout(r) for r in rows]]',
    ),
    (
        'split, chunk, unbind grad_fn names',
        'a = torch.ones(5, requires_grad=True)\nresult = [[p.grad_fn.name() for p in ps] for ps in '
        '[a.chunk(2), torch.split(a, 2), a.split([2, 3]), a.view(5, 1).unbind(1)]]',
    ),
    (
        'numpy of a transpose shares memory',
        'n = torch.arange(6.0).view(2, 3)\na = n.t().numpy()\ninfo = [list(a.shape), list(a.strides), a.flags["C_CONTIGUOUS"]]\n'
        'a[0, 1] = 42\nn[1, 2] = -7\nresult = info + [n, a.tolist()]',
    ),
    (
        'numpy of strided slices and after t_',
        's = torch.arange(10.0)\ne = s[::2].numpy()\ne[1] = 33\nm = torch.arange(12.0).view(3, 4)\nk = m[:, 1:3].numpy()\n'
        'k += 1\nw = torch.arange(6, dtype=torch.float64).view(2, 3)\nw.t_()\nwn = w.numpy()\nwn[2, 1] = 0.5\n'
        'result = [s, list(e.strides), e.tolist(), m, list(k.strides), w, list(wn.strides), wn.tolist()]',
    ),
]


def encode(v):
    if isinstance(v, torch.Tensor):
        data = v.detach().reshape(-1).tolist()
        data = [None if isinstance(x, float) and math.isnan(x) else x for x in data]
        return {'dtype': str(v.dtype), 'shape': list(v.shape), 'data': data}
    if isinstance(v, (list, tuple)):
        return [encode(x) for x in v]
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return {'type': type(v).__name__}


def main():
    results = []
    for name, code in CASES:
        env = {'torch': torch, 'np': np}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            try:
                exec(code, env)
                out = {'case': name, 'result': encode(env['result'])}
            except Exception as ex:  # noqa: BLE001 - recording whatever PyTorch raises
                # The first sentence: PyTorch's dispatcher errors go on to list its build's kernels.
                out = {'case': name, 'error': type(ex).__name__, 'message': str(ex).split('. ')[0]}
        out['warnings'] = [f'{w.category.__name__}: {w.message}' for w in caught]
        results.append(out)
    print(json.dumps(results, indent=1))


if __name__ == '__main__':
    main()
