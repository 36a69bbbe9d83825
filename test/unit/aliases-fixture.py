#!/usr/bin/env python3
"""Writes test/unit/aliases-torch113.json: what real PyTorch 1.13 gives for the Tensor and torch names that are
another name for, or a one-line composition of, existing ops (src/python/torch/_tensor_aliases.py): values,
dtypes, grad_fn names, gradients and errors. test/unit/torch-names.test.ts runs this same file on our torch.

    /usr/bin/python3 test/unit/aliases-fixture.py > test/unit/aliases-torch113.json
"""

import torch

from fixture_cases import run_exec_cases

SETUP = 'x = torch.tensor([[0.25, -0.5, 0.75], [1.0, -0.125, 0.5]], requires_grad=True)\ny = x * 1\n'

CASES = [
    ('arccos arcsin', 'result = [y.arccos(), torch.arccos(y), y.arcsin(), torch.arcsin(y), torch.arctan(y)]'),
    ('moveaxis fix ger', 'result = [y.moveaxis(0, 1), torch.moveaxis(y, 1, 0), (y * 3).fix(), y[0].ger(y[1])]'),
    ('in-place aliases', 'z = y.clone()\nz.absolute_()\nz.negative_()\nz.multiply_(2)\nz.subtract_(1)\nresult = z'),
    (
        'unary in-place',
        'z = (y * 0.5).clone()\nr = z.sin_()\nz.cos_()\nz.tan_()\nz.asin_()\nz.acos_()\nz.atan_()\nz.sinh_()\n'
        'z.cosh_()\nz.erf_()\nz.exp2_()\nz.expm1_()\nz.log2_()\nz.log10_()\nz.log1p_()\nz.reciprocal_()\n'
        'z.rsqrt_()\nz.frac_()\nz.arccos_()\nz.arcsin_()\nz.arctan_()\nw = (y * 3).clone()\nw.trunc_()\n'
        'v = y.clone()\nv.sign_()\nu = (y * 5).clone()\nu.fix_()\nu.sgn_()\n'
        'result = [r is z, z, w, v, u]',
    ),
    (
        'unary in-place backward',
        'z = (y * 0.5).clone()\nz.sin_()\nz.cos_()\nz.atan_()\nz.reciprocal_()\nz.sum().backward()\nresult = x.grad',
    ),
    ('unary in-place on int', 'z = torch.tensor([1, 2])\nresult = z.sin_()'),
    ('unary in-place on a leaf', 'result = x.sin_()'),
    ('divide_ true_divide_', 'z = y.clone()\nz.divide_(4)\nz.true_divide_(2)\nresult = z'),
    ('square_', 'z = y.clone()\nz.square_()\nresult = z'),
    ('swapaxes_', 'z = torch.arange(6.0).reshape(2, 3)\nz.swapaxes_(0, 1)\nresult = z'),
    ('fliplr flipud', 'result = [y.fliplr(), y.flipud(), torch.fliplr(y), torch.flipud(y[0])]'),
    ('fliplr 1-d', 'result = y[0].fliplr()'),
    ('flipud 0-d', 'result = torch.tensor(1.0).flipud()'),
    ('positive', 'result = [y.positive() is y, torch.positive(y) is y]'),
    ('positive bool', 'result = torch.tensor([True]).positive()'),
    ('H mH adjoint', 'result = [y.H, y.mH, y.adjoint(), torch.adjoint(y), torch.tensor(2.0).H]'),
    ('H 1-d', 'result = y[0].H'),
    ('H 3-d', 'result = torch.ones(2, 2, 2).H'),
    ('mH 1-d', 'result = y[0].mH'),
    ('adjoint 1-d', 'result = y[0].adjoint()'),
    (
        'real conj',
        'result = [y.real is y, y.conj() is y, y.resolve_conj() is y, y.resolve_neg() is y, torch.real(y) is y]',
    ),
    ('imag', 'result = y.imag'),
    ('flags', 'result = [y.is_cpu, y.is_mps, y.is_xpu, y.is_complex(), y.is_conj(), y.is_neg(), y.get_device()]'),
    (
        'is_signed',
        'result = [y.is_signed(), torch.tensor([1], dtype=torch.uint8).is_signed(), torch.is_signed(y), '
        'torch.get_device(y)]',
    ),
    ('is_same_size', 'result = [y.is_same_size(x), y.is_same_size(y[0]), torch.is_same_size(y, x)]'),
    (
        'is_nonzero',
        'result = [torch.tensor([2.0]).is_nonzero(), torch.tensor(0).is_nonzero(), torch.is_nonzero(torch.tensor([0.0]))]',
    ),
    ('is_nonzero many', 'result = y.is_nonzero()'),
    ('is_nonzero empty', 'result = torch.tensor([]).is_nonzero()'),
    ('bool empty', 'result = bool(torch.tensor([]))'),
    ('tile', 'result = [y.tile((2,)), y.tile(2, 1, 1), torch.tile(y[0], (2, 2))]'),
    ('msort', 'result = [y.msort(), torch.msort(y)]'),
    ('reversed', 'result = [list(reversed(y)), reversed(torch.tensor(3.0))]'),
    (
        'legacy dunders',
        'result = [y.__div__(2), y.__rdiv__(2), torch.tensor([2.5]).__long__(), torch.tensor(1.0).__nonzero__()]',
    ),
    (
        'bitwise',
        'a = torch.tensor([12, 10])\nb = torch.tensor([10, 3])\n'
        'result = [a.bitwise_and(b), a.bitwise_or(b), a.bitwise_xor(3), a.bitwise_not(), torch.bitwise_and(a, b)]',
    ),
    ('bitwise float', 'result = y.bitwise_and(y)'),
    (
        'logical',
        'a = torch.tensor([0.0, 1.0, 2.0])\nb = torch.tensor([1, 0, 3])\n'
        'result = [a.logical_and(b), a.logical_or(b), a.logical_xor(b), torch.logical_and(a, b)]',
    ),
    ('row_stack', 'result = torch.row_stack([y[0], y[1]])'),
    ('column_stack', 'result = [torch.column_stack([y[0], y[1]]), torch.column_stack([y, y[:, 0]])]'),
    (
        'broadcast',
        'r = torch.broadcast_tensors(y[:, :1], y[0], torch.tensor(2.0))\n'
        'result = [type(r).__name__, r, torch.broadcast_tensors(y), torch.broadcast_shapes((2, 1), (3,), 3), '
        'torch.broadcast_shapes(), torch.broadcast_shapes([1, 3], torch.Size([2, 1]))]',
    ),
    (
        'broadcast_tensors mismatch',
        'result = torch.broadcast_tensors(torch.ones(2, 3), torch.ones(3, 1), torch.ones(2))',
    ),
    ('broadcast_tensors of a list', 'result = torch.broadcast_tensors([y, y[1]])'),
    ('broadcast_shapes mismatch', 'result = torch.broadcast_shapes((2, 3), (2,))'),
    ('scalar_tensor', 'result = [torch.scalar_tensor(3), torch.scalar_tensor(2.5, dtype=torch.float64)]'),
    ('select', 'result = [y.select(1, 0), y.select(-1, 2), y.select(0, -1), torch.select(y, 0, 1)]'),
    ('split_with_sizes', 'result = [y.split_with_sizes([1, 2], 1), torch.split_with_sizes(y, (1, 1))]'),
    (
        'index_put',
        'i = (torch.tensor([0, 1]), torch.tensor([1, 2]))\nz = y.clone()\nr = z.index_put_(i, torch.tensor(9.0))\n'
        'result = [r is z, z, y.index_put(i, torch.tensor([7.0, 8.0])), torch.index_put(y, i, torch.tensor(6.0))]',
    ),
    (
        'new',
        'result = [y.new(2, 3).shape, y.new([1, 2]), y.new().shape, y.new(torch.Size([2])).shape, '
        'torch.tensor([1, 2]).new([1.5]), y.new(2).requires_grad]',
    ),
    (
        'torch in-place',
        'z = torch.tensor([-1.5, 0.25, 2.0])\nr = torch.abs_(z)\ntorch.sqrt_(z)\ntorch.clamp_(z, 0.6, 1.2)\n'
        'torch.exp_(z)\ntorch.neg_(z)\ntorch.round_(z)\nresult = [r is z, z, torch.zero_(z), torch.fill_(z, 2)]',
    ),
    ('constants', 'result = [torch.pi, torch.e, torch.inf, str(torch.nan)]'),
    (
        'finfo',
        'result = [[repr(f), f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype] for f in '
        '[torch.finfo(torch.float32), torch.finfo(torch.float64), torch.finfo(torch.float16), '
        'torch.finfo(torch.bfloat16), torch.finfo()]]',
    ),
    (
        'iinfo',
        'result = [[repr(i), i.bits, i.max, i.min, i.dtype] for i in [torch.iinfo(torch.uint8), torch.iinfo(torch.int8), '
        'torch.iinfo(torch.int16), torch.iinfo(torch.int32), torch.iinfo(torch.int64)]]',
    ),
    ('finfo of int', 'result = torch.finfo(torch.int32)'),
    ('iinfo of float', 'result = torch.iinfo(torch.float32)'),
    ('iinfo of bool', 'result = torch.iinfo(torch.bool)'),
    (
        'set_default_tensor_type',
        "torch.set_default_tensor_type('torch.DoubleTensor')\na = torch.tensor([1.5]).dtype\n"
        'torch.set_default_tensor_type(torch.FloatTensor)\nresult = [a, torch.tensor([1.5]).dtype]',
    ),
    ('set_default_tensor_type Long', "result = torch.set_default_tensor_type('torch.LongTensor')"),
    ('set_default_tensor_type LongTensor', 'result = torch.set_default_tensor_type(torch.LongTensor)'),
    ('is_storage', 'result = [torch.is_storage(y), torch.is_storage(3)]'),
    ('matmul precision', "torch.set_float32_matmul_precision('high')\nresult = torch.get_float32_matmul_precision()"),
    ('matmul precision bad', "result = torch.set_float32_matmul_precision('low')"),
    (
        'repeat_interleave',
        'result = [y.repeat_interleave(2), torch.repeat_interleave(y, 2, dim=1), '
        'y.repeat_interleave(torch.tensor([1, 2]), dim=0), torch.repeat_interleave(torch.tensor([2, 0, 3])), '
        'torch.tensor([4, 5]).repeat_interleave(3), y.repeat_interleave(torch.tensor(2), dim=0, output_size=4)]',
    ),
    (
        'repeat_interleave backward',
        'y.repeat_interleave(torch.tensor([3, 1]), dim=0).pow(2).sum().backward()\nresult = x.grad',
    ),
    ('repeat_interleave negative', 'result = y.repeat_interleave(-1)'),
    ('repeat_interleave sizes', 'result = y.repeat_interleave(torch.tensor([1, 2, 3]), dim=0)'),
    ('repeat_interleave 2-d repeats', 'result = torch.repeat_interleave(torch.tensor([[1, 2]]))'),
    (
        'gradients',
        'z = (y * 0.5).arccos().sum() + y.moveaxis(0, 1)[0].sum() + y.tile((2,)).sum() + y.mH[0].sum() + y.msort()[0].sum()\n'
        'z.backward()\nresult = x.grad',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch}, setup=SETUP, inf_as_text=True)


if __name__ == '__main__':
    main()
