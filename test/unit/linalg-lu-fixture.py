#!/usr/bin/env python3
"""Writes test/unit/linalg-lu-torch113.json: what real PyTorch 1.13 gives for the LU family (linalg.lu_factor,
lu_factor_ex, lu, lu_solve; torch.lu, lu_unpack, lu_solve), cholesky_solve, cholesky_inverse and
linalg.matrix_exp: values, pivots and infos, grad_fn names, the gradients of a fixed weighted sum of the
outputs, and the error texts. test/unit/linalg-lu.test.ts runs this same file on our torch in Pyodide and
compares (src/engine/ops/linalgLU.ts, linalgCholeskySolve.ts, linalgMatrixExp.ts).

    /usr/bin/python3 test/unit/linalg-lu-fixture.py > test/unit/linalg-lu-torch113.json && npx prettier --write test/unit/linalg-lu-torch113.json
"""

import math
import warnings

import torch

from fixture_cases import dump, record

warnings.simplefilter('ignore')


def mat(seed, rows, cols, dtype=torch.float32, shift=0.0):
    # values from a formula (no generator involved), well away from ties between pivot candidates
    data = [[math.sin(1.7 * seed + 2.3 * i + 0.9 * j * (i + 1)) + (shift if i == j else 0.0) for j in range(cols)]
            for i in range(rows)]  # fmt: skip
    return torch.tensor(data, dtype=dtype)


def batch(seed, count, rows, cols, dtype=torch.float32, shift=0.0):
    return torch.stack([mat(seed + 10 * b, rows, cols, dtype, shift) for b in range(count)])


def spd_factor(seed, n, dtype=torch.float32, upper=False):
    M = mat(seed, n, n, torch.float64)
    A = M @ M.T + n * torch.eye(n, dtype=torch.float64)
    L = torch.linalg.cholesky(A, upper=upper)
    return L.to(dtype)


def weighted(outs):
    """A fixed weighted sum of the float outputs (the loss whose gradients are compared)."""
    total = 0
    for o in outs:
        if o.is_floating_point() and o.requires_grad:
            w = torch.tensor([math.sin(0.7 * i + 0.3) for i in range(o.numel())], dtype=o.dtype).reshape(o.shape)
            total = total + (o * w).sum()
    return total


def with_grads(fn, *inputs):
    """fn's outputs, their grad_fn names, and the inputs' gradients of the weighted sum."""

    def run():
        xs = [x.clone().requires_grad_() if x.is_floating_point() else x for x in inputs]
        out = fn(*xs)
        outs = list(out) if isinstance(out, tuple) else [out]
        names = [o.grad_fn.name() if o.grad_fn is not None else None for o in outs]
        weighted(outs).backward()
        return [outs, names, [x.grad for x in xs if x.is_floating_point()]]

    return run


def plain(fn):
    def run():
        out = fn()
        return list(out) if isinstance(out, tuple) else out

    return run


for dtype in (torch.float32, torch.float64):
    tag = str(dtype).replace('torch.', '')
    record(f'lu_factor square {tag}', with_grads(lambda A: tuple(torch.linalg.lu_factor(A)), mat(1, 4, 4, dtype)))
    record(f'lu_factor wide {tag}', with_grads(lambda A: tuple(torch.linalg.lu_factor(A)), mat(2, 3, 5, dtype)))
    record(f'lu_factor tall {tag}', with_grads(lambda A: tuple(torch.linalg.lu_factor(A)), mat(3, 5, 3, dtype)))
    record(
        f'lu_factor_ex batched {tag}',
        with_grads(lambda A: tuple(torch.linalg.lu_factor_ex(A)), batch(4, 2, 3, 3, dtype)),
    )
    record(f'lu square {tag}', with_grads(lambda A: tuple(torch.linalg.lu(A)), mat(5, 4, 4, dtype)))
    record(f'lu wide {tag}', with_grads(lambda A: tuple(torch.linalg.lu(A)), mat(6, 2, 4, dtype)))
    record(f'lu tall {tag}', with_grads(lambda A: tuple(torch.linalg.lu(A)), mat(7, 4, 2, dtype)))
    record(f'lu batched {tag}', with_grads(lambda A: tuple(torch.linalg.lu(A)), batch(8, 2, 3, 3, dtype)))
    record(
        f'lu_unpack {tag}',
        with_grads(lambda A: tuple(torch.lu_unpack(*torch.linalg.lu_factor(A))), mat(9, 3, 4, dtype)),
    )
    for left in (True, False):
        for adjoint in (False, True):
            record(
                f'lu_solve left={left} adjoint={adjoint} {tag}',
                with_grads(
                    lambda A, B, left=left, adjoint=adjoint: torch.linalg.lu_solve(
                        *torch.linalg.lu_factor(A), B, left=left, adjoint=adjoint
                    ),
                    mat(11, 3, 3, dtype, 1.0),
                    mat(12, 3, 2, dtype) if left else mat(12, 2, 3, dtype),
                ),
            )
    record(
        f'lu_solve broadcast {tag}',
        with_grads(
            lambda A, B: torch.linalg.lu_solve(*torch.linalg.lu_factor(A), B),
            mat(13, 3, 3, dtype, 1.0),
            batch(14, 2, 3, 1, dtype),
        ),
    )
    record(
        f'lu_solve packed grads {tag}',
        with_grads(
            lambda LU, B: torch.linalg.lu_solve(LU, torch.linalg.lu_factor(mat(15, 3, 3, dtype))[1], B),
            torch.linalg.lu_factor(mat(15, 3, 3, dtype))[0],
            mat(16, 3, 2, dtype),
        ),  # fmt: skip
    )
    record(f'torch.lu {tag}', with_grads(lambda A: torch.lu(A), mat(17, 3, 3, dtype)))
    record(f'torch.lu get_infos {tag}', with_grads(lambda A: tuple(torch.lu(A, get_infos=True)), mat(18, 3, 3, dtype)))
    record(
        f'torch.lu_solve {tag}',
        with_grads(lambda A, b: torch.lu_solve(b, *torch.lu(A)), mat(19, 3, 3, dtype, 1.0), mat(20, 3, 1, dtype)),
    )
    record(
        f'Tensor.lu_solve {tag}',
        with_grads(lambda A, b: b.lu_solve(*A.lu()), mat(21, 2, 2, dtype, 1.0), mat(22, 2, 2, dtype)),
    )
    for upper in (False, True):
        record(
            f'cholesky_solve upper={upper} {tag}',
            with_grads(
                lambda B, L, upper=upper: torch.cholesky_solve(B, L, upper=upper),
                mat(23, 3, 2, dtype),
                spd_factor(24, 3, dtype, upper),
            ),
        )
        record(
            f'cholesky_inverse upper={upper} {tag}',
            with_grads(lambda L, upper=upper: torch.cholesky_inverse(L, upper=upper), spd_factor(25, 4, dtype, upper)),
        )
    record(
        f'cholesky_solve batched {tag}',
        with_grads(
            lambda B, L: torch.cholesky_solve(B, L),
            batch(26, 2, 3, 1, dtype),
            spd_factor(27, 3, dtype),
        ),
    )
    record(
        f'cholesky_inverse batched {tag}',
        with_grads(lambda L: L.cholesky_inverse(), torch.stack([spd_factor(28, 2, dtype), spd_factor(29, 2, dtype)])),
    )
    # norms that pick each degree of the Taylor scheme (1, 2, 4, 8, 12, 18) and scaling and squaring
    for scale in (1e-9, 1e-5, 1e-3, 0.02, 0.1, 0.4, 0.8, 2.0, 7.0):
        record(
            f'matrix_exp scale={scale} {tag}',
            with_grads(lambda A: torch.linalg.matrix_exp(A), mat(30, 3, 3, dtype) * scale),
        )
    record(f'matrix_exp batched {tag}', with_grads(lambda A: torch.matrix_exp(A), batch(31, 2, 4, 4, dtype) * 0.6))
    record(
        f'Tensor.matrix_exp rotation {tag}',
        plain(lambda: torch.tensor([[0.0, 1.0], [-1.0, 0.0]], dtype=dtype).matrix_exp()),
    )

SINGULAR = torch.tensor([[1.0, 2.0], [2.0, 4.0]])
record('lu_factor_ex singular', plain(lambda: torch.linalg.lu_factor_ex(SINGULAR)))
record('lu_factor_ex zeros', plain(lambda: torch.linalg.lu_factor_ex(torch.zeros(3, 3))))
record('lu_factor_ex batched singular', plain(lambda: torch.linalg.lu_factor_ex(torch.stack([SINGULAR, torch.eye(2)]))))
record('lu_factor singular', plain(lambda: torch.linalg.lu_factor(SINGULAR)))
record('lu_factor batched singular', plain(lambda: torch.linalg.lu_factor(torch.stack([torch.eye(2), SINGULAR]))))
record('lu_factor_ex check_errors', plain(lambda: torch.linalg.lu_factor_ex(SINGULAR, check_errors=True)))
record('lu_factor 1d', plain(lambda: torch.linalg.lu_factor(torch.ones(3))))
record('lu_factor long', plain(lambda: torch.linalg.lu_factor(torch.ones(2, 2, dtype=torch.long))))
record('lu_factor no pivot', plain(lambda: torch.linalg.lu_factor(torch.eye(2), pivot=False)))
record('lu no pivot', plain(lambda: torch.linalg.lu(torch.eye(2), pivot=False)))
record('lu singular', plain(lambda: torch.linalg.lu(SINGULAR)))
record('lu_unpack no data', plain(lambda: torch.lu_unpack(*torch.linalg.lu_factor(mat(40, 2, 3)), unpack_data=False)))
record(
    'lu_unpack no pivots', plain(lambda: torch.lu_unpack(*torch.linalg.lu_factor(mat(41, 3, 2)), unpack_pivots=False))
)
LU2 = torch.linalg.lu_factor(torch.tensor([[2.0, 1.0], [1.0, 3.0]]))
record('lu_solve vector B', plain(lambda: torch.linalg.lu_solve(*LU2, torch.ones(2))))
record('lu_solve bad rows', plain(lambda: torch.linalg.lu_solve(*LU2, torch.ones(3, 1))))
record('lu_solve bad cols right', plain(lambda: torch.linalg.lu_solve(*LU2, torch.ones(2, 3), left=False)))
record('lu_solve dtype', plain(lambda: torch.linalg.lu_solve(*LU2, torch.ones(2, 3, dtype=torch.float64))))
record('lu_solve not square', plain(lambda: torch.linalg.lu_solve(torch.ones(2, 3), LU2[1], torch.ones(2, 3))))
record('cholesky_solve vector', plain(lambda: torch.cholesky_solve(torch.ones(2), torch.eye(2))))
record('cholesky_solve bad rows', plain(lambda: torch.cholesky_solve(torch.ones(3, 1), torch.eye(2))))
record('cholesky_inverse 1d', plain(lambda: torch.cholesky_inverse(torch.ones(3))))
record('matrix_exp not square', plain(lambda: torch.linalg.matrix_exp(torch.ones(2, 3))))
record('matrix_exp 1d', plain(lambda: torch.linalg.matrix_exp(torch.ones(3))))
record('matrix_exp long', plain(lambda: torch.linalg.matrix_exp(torch.ones(2, 2, dtype=torch.long))))
NOT_PD = torch.tensor([[1.0, 2.0, 3.0], [2.0, 1.0, 4.0], [3.0, 4.0, 9.0]])
record('cholesky_ex not positive-definite', plain(lambda: torch.linalg.cholesky_ex(NOT_PD)))
record('cholesky_ex upper not positive-definite', plain(lambda: torch.linalg.cholesky_ex(
    torch.tensor([[4.0, 2.0, 3.0], [2.0, 5.0, 4.0], [3.0, 4.0, -9.0]]), upper=True)))  # fmt: skip
record('cholesky_ex batched', plain(lambda: torch.linalg.cholesky_ex(torch.stack([torch.eye(3), NOT_PD]))))
record('cholesky_ex check_errors', plain(lambda: torch.linalg.cholesky_ex(NOT_PD, check_errors=True)))
record('cholesky_ex batched check_errors', plain(lambda: torch.linalg.cholesky_ex(torch.stack([torch.eye(3), NOT_PD]), check_errors=True)))  # fmt: skip
record(
    'cholesky_ex positive-definite grads',
    with_grads(lambda A: tuple(torch.linalg.cholesky_ex(A @ A.T + 3 * torch.eye(3))), mat(42, 3, 3)),
)
record('matrix_exp zeros', plain(lambda: torch.linalg.matrix_exp(torch.zeros(3, 3))))
record('return types', plain(lambda: [
    repr(type(torch.linalg.lu_factor(torch.eye(2)))), repr(type(torch.linalg.lu_factor_ex(torch.eye(2)))),
    repr(type(torch.linalg.lu(torch.eye(2)))), repr(type(torch.lu_unpack(*torch.linalg.lu_factor(torch.eye(2))))),
    repr(type(torch.lu(torch.eye(2)))), repr(type(torch.lu(torch.eye(2), get_infos=True))),
    repr(torch.linalg.lu(torch.eye(2)).L), repr(torch.linalg.lu_factor(torch.eye(2)).pivots),
]))  # fmt: skip

dump()
