#!/usr/bin/env python3
"""Writes test/unit/aladdin-gaps-torch113.json: what real PyTorch 1.13 gives for what the conformance files
after Aladdin Persson's PyTorch basics (test/conformance/aladdin_*.py) found different in our torch: integer
matrices through matrix_power (n >= 0 by matmul, n < 0 refused by linalg.inv) and torch.bmm of integers
(integer results, not floats), the kernel each matrix product names when it refuses bool operands
(dot, addmv_impl_cpu, addmm_impl_cpu_, bmm by the operands' ranks), and the dtypes a mixed-dtype product
names (swapped when a vector or matrix meets a batch); out= tensors of a dtype the op cannot write (the
tutorial's torch.add(x, y, out=z)), refused in each op kind's words; var/std/norm/vector_norm of integers
refused and logsumexp of integers computed in float as PyTorch does; chunk(0); the once-only warning for x.T
of a tensor that is not a matrix. test/unit/aladdin-gaps.test.ts runs this same file on our torch in Pyodide
and compares.

    /usr/bin/python3 test/unit/aladdin-gaps-fixture.py > test/unit/aladdin-gaps-torch113.json
"""

import torch

from fixture_cases import run_exec_cases

SETUP = '''
A = torch.tensor([[1, 2], [3, 4]])
I3 = torch.arange(8).view(2, 2, 2)
B1 = torch.tensor([True, False])
B2 = torch.tensor([[True, False], [True, True]])
B3 = B2.unsqueeze(0)
V = torch.tensor([3, 4])
F1 = torch.tensor([1.5, -2.25])
'''

CASES = [
    ('matrix_power int 0..5', 'result = [A.matrix_power(n) for n in range(6)]'),
    ('linalg.matrix_power int batch', 'result = torch.linalg.matrix_power(I3, 3)'),
    ('matrix_power uint8 wraps', 'result = A.to(torch.uint8).matrix_power(3)'),
    ('matrix_power int32 1', 'result = A.int().matrix_power(1)'),
    ('matrix_power bool 0', 'result = B2.matrix_power(0)'),
    ('matrix_power int negative', 'result = A.matrix_power(-1)'),
    ('matrix_power int not square', 'result = torch.ones(2, 3, dtype=torch.long).matrix_power(2)'),
    ('matrix_power int 1-D', 'result = torch.tensor([1, 2]).matrix_power(2)'),
    ('matrix_power bool 2', 'result = B2.matrix_power(2)'),
    ('bmm int', 'result = torch.bmm(I3, I3)'),
    ('bmm uint8', 'u = I3.to(torch.uint8) * 20\nresult = torch.bmm(u, u)'),
    ('matmul int batches', 'result = [I3 @ I3, I3 @ torch.tensor([1, 2]), torch.tensor([1, 2]) @ I3]'),
    ('bool 1-D @ 1-D', 'result = B1 @ B1'),
    ('bool 2-D @ 1-D', 'result = B2 @ B1'),
    ('bool 1-D @ 2-D', 'result = B1 @ B2'),
    ('bool 2-D @ 2-D', 'result = B2 @ B2'),
    ('bool 3-D @ 3-D', 'result = B3 @ B3'),
    ('bool 3-D @ 2-D', 'result = B3 @ B2'),
    ('bool 3-D @ 1-D', 'result = B3 @ B1'),
    ('bool 1-D @ 3-D', 'result = B1 @ B3'),
    ('bool 2-D @ 3-D', 'result = B2 @ B3'),
    ('bool mm', 'result = torch.mm(B2, B2)'),
    ('bool mv', 'result = torch.mv(B2, B1)'),
    ('bool bmm', 'result = torch.bmm(B3, B3)'),
    ('bool dot', 'result = torch.dot(B1, B1)'),
    ('long 2-D @ float 3-D', 'result = A @ I3.float()'),
    ('float 1-D @ long 3-D', 'result = torch.tensor([1.0, 2.0]) @ I3'),
    ('long 3-D @ float 2-D', 'result = I3 @ A.float()'),
    ('long 2-D @ float 2-D', 'result = A @ A.float()'),
    # out= tensors of a dtype the op cannot write (the tutorial's torch.add(x, y, out=z)).
    ('add ints into float out', 'z = torch.empty(2)\nr = torch.add(V, V, out=z)\nresult = [r is z, z]'),
    ('add floats into long out', 'result = torch.add(F1, F1, out=torch.empty(2, dtype=torch.long))'),
    ('add ints into bool out', 'result = torch.add(V, V, out=torch.empty(2, dtype=torch.bool))'),
    ('true_divide ints into long out', 'result = torch.true_divide(V, V, out=torch.empty(2, dtype=torch.long))'),
    ('exp into int32 out', 'result = torch.exp(F1, out=torch.empty(2, dtype=torch.int32))'),
    ('mean into long out', 'result = torch.mean(F1, 0, out=torch.empty((), dtype=torch.long))'),
    ('abs into double out', 'result = torch.abs(F1, out=torch.empty(2, dtype=torch.float64))'),
    ('clamp of ints into float out', 'result = torch.clamp(V, min=0, out=torch.empty(2))'),
    ('pow scalar exponent into long out', 'result = torch.pow(F1, 2, out=torch.empty(2, dtype=torch.long))'),
    ('pow tensor exponent into long out', 'result = torch.pow(F1, F1, out=torch.empty(2, dtype=torch.long))'),
    ('pow ints by 2.5 into float out', 'result = torch.pow(V, 2.5, out=torch.empty(2))'),
    ('mm into long out', 'result = torch.mm(A.float(), A.float(), out=torch.empty(2, 2, dtype=torch.long))'),
    (
        'max dim into long values',
        'result = torch.max(A.float(), 1, out=(torch.empty(2, dtype=torch.long), torch.empty(2, dtype=torch.long)))',
    ),
    ('argmax into float out', 'result = torch.argmax(A, 0, out=torch.empty(2))'),
    ('cat floats into long out', 'result = torch.cat([F1, F1], out=torch.empty(4, dtype=torch.long))'),
    ('amax into long out', 'result = torch.amax(A.float(), 0, out=torch.empty(2, dtype=torch.long))'),
    ('any into long out', 'result = torch.any(A, 0, out=torch.empty(2, dtype=torch.long))'),
    ('dot into double out', 'result = torch.dot(F1, F1, out=torch.empty((), dtype=torch.float64))'),
    ('eq into float out', 'result = torch.eq(V, V, out=torch.empty(2))'),
    (
        'floor_divide out=',
        'z = torch.empty(2, dtype=torch.long)\nr = torch.floor_divide(V, 2, out=z)\nresult = [r is z, z]',
    ),
    # reductions and views of integer tensors
    ('var of ints', 'result = torch.var(A)'),
    ('std of ints', 'result = A.std(dim=0)'),
    ('norm of ints', 'result = torch.norm(A)'),
    ('norm p=1 of bools', 'result = B1.norm(p=1)'),
    ('vector_norm of ints, inf', "result = torch.linalg.vector_norm(V, ord=float('inf'))"),
    ('vector_norm of ints with dtype=', 'result = torch.linalg.vector_norm(V, dtype=torch.float32)'),
    ('logsumexp of ints', 'result = [torch.logsumexp(A, 0), A.logsumexp(1, keepdim=True), torch.logsumexp(B1, 0)]'),
    ('chunk 0', 'result = torch.arange(3).chunk(0)'),
    ('chunk -1', 'result = torch.chunk(torch.arange(3), -1)'),
    (
        'x.T of 0-d, 3-d and 1-d tensors warns once',
        '''
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    shapes = [torch.tensor(1.0).T.shape, torch.zeros(2, 3, 4).T.shape, torch.zeros(3).T.shape, A.T.shape]
result = [shapes, [(w.category.__name__, str(w.message)) for w in caught]]
''',
    ),
]


def main():
    run_exec_cases(CASES, lambda: {'torch': torch}, setup=SETUP, dtypes=True)


if __name__ == '__main__':
    main()
