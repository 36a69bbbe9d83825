#!/usr/bin/env python3
"""Writes test/unit/linalg-decomp-torch113.json: torch.linalg's solvers and factorizations as real PyTorch
1.13 (CPU, Debian python3-torch) computes them, for test/unit/linalg-decomp.test.ts (src/engine/ops/
linalgDecomp.ts, linalgChain.ts): each case's inputs (float32 or float64 values, written exactly), its outputs,
the gradients of a fixed weighted sum of the outputs, its grad_fn name, and the error texts.

Eigenvectors and singular vectors are unique only up to sign: the test compares them with LAPACK's signs
(which the engine reproduces), while the loss weighs their squares, so the gradients checked do not depend on
the choice.

    /usr/bin/python3 test/unit/linalg-decomp-fixture.py > test/unit/linalg-decomp-torch113.json && npx prettier --write test/unit/linalg-decomp-torch113.json
"""

import json
import math

import torch

torch.set_num_threads(1)


def values(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def weights(n):
    # the loss weights, the same formula in the test
    return [math.sin(0.7 * i + 0.3) for i in range(n)]


def draw(seed, shape, dtype, kind):
    torch.manual_seed(seed)
    x = torch.randn(*shape, dtype=torch.float64)
    n = shape[-1]
    if kind == 'spd':
        x = x @ x.transpose(-2, -1) / n + torch.eye(n, dtype=torch.float64)
    elif kind == 'sym':
        x = (x + x.transpose(-2, -1)) / 2
    elif kind == 'diagdom':
        x = x + 3 * torch.eye(n, dtype=torch.float64)
    return x.to(dtype)


# name, op call, inputs: (seed, shape, kind), which outputs are sign-free (squared in the loss), dtype
CASES = [
    ('solve', lambda A, B: torch.linalg.solve(A, B), [(1, (3, 3), 'diagdom'), (2, (3, 2), 'plain')], ()),
    ('solve_vec', lambda A, B: torch.linalg.solve(A, B), [(3, (4, 4), 'diagdom'), (4, (4,), 'plain')], ()),
    ('solve_batched', lambda A, B: torch.linalg.solve(A, B), [(5, (2, 3, 3), 'diagdom'), (6, (3, 1), 'plain')], ()),
    ('inv', lambda A: torch.linalg.inv(A), [(7, (3, 3), 'diagdom')], ()),
    ('det', lambda A: torch.linalg.det(A), [(8, (2, 3, 3), 'plain')], ()),
    ('slogdet', lambda A: tuple(torch.linalg.slogdet(A)), [(9, (3, 3), 'plain')], ()),
    ('logdet', lambda A: torch.logdet(A), [(10, (2, 3, 3), 'spd')], ()),
    ('cholesky', lambda A: torch.linalg.cholesky(A), [(11, (4, 4), 'spd')], ()),
    ('cholesky_upper', lambda A: torch.linalg.cholesky(A, upper=True), [(12, (2, 3, 3), 'spd')], ()),
    ('qr_tall', lambda A: tuple(torch.linalg.qr(A)), [(13, (5, 3), 'plain')], ()),
    ('qr_square_batched', lambda A: tuple(torch.linalg.qr(A)), [(14, (2, 3, 3), 'plain')], ()),
    ('qr_wide', lambda A: tuple(torch.linalg.qr(A)), [(15, (3, 5), 'plain')], ()),
    ('qr_complete', lambda A: tuple(torch.linalg.qr(A, mode='complete')), [(16, (5, 3), 'plain')], None),
    ('qr_r', lambda A: torch.linalg.qr(A, mode='r')[1], [(17, (4, 3), 'plain')], None),
    ('eigh', lambda A: tuple(torch.linalg.eigh(A)), [(18, (4, 4), 'sym')], (1,)),
    ('eigh_upper_batched', lambda A: tuple(torch.linalg.eigh(A, UPLO='U')), [(19, (2, 3, 3), 'plain')], (1,)),
    ('eigvalsh', lambda A: torch.linalg.eigvalsh(A), [(20, (5, 5), 'spd')], ()),
    ('svd_tall', lambda A: tuple(torch.linalg.svd(A, full_matrices=False)), [(21, (5, 3), 'plain')], (0, 2)),
    ('svd_wide', lambda A: tuple(torch.linalg.svd(A, full_matrices=False)), [(22, (3, 5), 'plain')], (0, 2)),
    ('svd_full', lambda A: tuple(torch.linalg.svd(A)), [(23, (4, 3), 'plain')], None),
    ('svd_batched', lambda A: tuple(torch.linalg.svd(A, full_matrices=False)), [(24, (2, 3, 3), 'plain')], (0, 2)),
    ('svdvals', lambda A: torch.linalg.svdvals(A), [(25, (4, 6), 'plain')], ()),
    ('pinv', lambda A: torch.linalg.pinv(A), [(26, (5, 3), 'plain')], ()),
    ('pinv_wide', lambda A: torch.linalg.pinv(A), [(27, (2, 4), 'plain')], ()),
    ('lstsq', lambda A, B: torch.linalg.lstsq(A, B).solution, [(28, (6, 3), 'plain'), (29, (6, 2), 'plain')], ()),
    ('matrix_rank', lambda A: torch.linalg.matrix_rank(A), [(30, (4, 4), 'plain')], None),
    ('matrix_power', lambda A: torch.linalg.matrix_power(A, 5), [(31, (3, 3), 'plain')], ()),
    ('matrix_power_neg', lambda A: torch.linalg.matrix_power(A, -2), [(32, (3, 3), 'diagdom')], ()),
    (
        'multi_dot',
        lambda A, B, C: torch.linalg.multi_dot([A, B, C]),
        [(33, (2, 5), 'plain'), (34, (5, 3), 'plain'), (35, (3,), 'plain')],
        (),
    ),
    ('norm_2', lambda A: torch.linalg.matrix_norm(A, ord=2), [(36, (4, 3), 'plain')], ()),
    ('norm_nuc', lambda A: torch.linalg.matrix_norm(A, ord='nuc'), [(37, (4, 3), 'plain')], ()),
    ('norm_m2', lambda A: torch.linalg.norm(A, ord=-2), [(38, (3, 4), 'plain')], ()),
    ('cond', lambda A: torch.linalg.cond(A), [(39, (3, 3), 'plain')], ()),
]


def case(name, fn, specs, sign_free, dtype):
    inputs = [draw(seed, shape, dtype, kind).requires_grad_(sign_free is not None) for seed, shape, kind in specs]
    out = fn(*inputs)
    outs = list(out) if isinstance(out, tuple) else [out]
    entry = {
        'name': name,
        'dtype': str(dtype).replace('torch.', ''),
        'inputs': [{'shape': list(t.shape), 'values': values(t)} for t in inputs],
        'outputs': [
            {'shape': list(o.shape), 'dtype': str(o.dtype).replace('torch.', ''), 'values': values(o)} for o in outs
        ],
        'grad_fn': outs[0].grad_fn.name() if outs[0].grad_fn is not None else None,
        'sign_free': list(sign_free) if sign_free is not None else None,
    }
    if sign_free is not None:
        loss = 0
        for k, o in enumerate(outs):
            w = torch.tensor(weights(o.numel()), dtype=dtype).reshape(o.shape)
            loss = loss + ((o * o if k in sign_free else o) * w).sum()
        loss.backward()
        entry['grads'] = [values(t.grad) for t in inputs]
    return entry


def error(expr):
    try:
        eval(expr)
    except Exception as e:  # noqa: BLE001 - the texts are the fixture
        return {'expr': expr, 'type': type(e).__name__, 'message': str(e)}
    raise AssertionError(expr + ' did not raise')


ERRORS = [
    'torch.linalg.solve(torch.tensor([[1., 2.], [2., 4.]]), torch.ones(2))',
    'torch.linalg.solve(torch.stack([torch.eye(2), torch.tensor([[1., 2.], [2., 4.]])]), torch.ones(2, 2, 1))',
    'torch.linalg.solve(torch.ones(2, 3), torch.ones(2))',
    'torch.linalg.solve(torch.eye(2), torch.ones(3))',
    'torch.linalg.cholesky(torch.tensor([[1., 2.], [2., 1.]]))',
    'torch.linalg.cholesky(torch.stack([torch.eye(2), torch.tensor([[1., 2.], [2., 1.]])]))',
    'torch.linalg.cholesky(torch.ones(2, 3))',
    'torch.linalg.inv(torch.tensor([[1., 2.], [2., 4.]]))',
    'torch.linalg.eigh(torch.ones(2, 3))',
    'torch.linalg.qr(torch.ones(3, 2), mode="x")',
    'torch.linalg.svd(torch.tensor([[1, 2], [3, 4]]))',
    'torch.linalg.matrix_power(torch.ones(2, 3), 2)',
    'torch.linalg.multi_dot([torch.ones(2)])',
    'torch.linalg.lstsq(torch.ones(3, 2), torch.ones(2, 1))',
]


def main():
    cases = []
    for dtype in (torch.float32, torch.float64):
        for name, fn, specs, sign_free in CASES:
            cases.append(case(name, fn, specs, sign_free, dtype))
    print(json.dumps({'cases': cases, 'errors': [error(e) for e in ERRORS]}))


if __name__ == '__main__':
    main()
