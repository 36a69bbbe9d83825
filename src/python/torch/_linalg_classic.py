"""The classic torch.* names of linear algebra, as PyTorch 1.13 keeps them beside torch.linalg: cholesky
(with its deprecation warning), qr(some=), svd(some=, compute_uv=; V, not Vh), symeig, slogdet, logdet,
pinverse, matrix_power, lu/lu_solve (deprecated), lu_unpack, cholesky_solve, cholesky_inverse, matrix_exp, and the Tensor methods of the same names; solve, lstsq and matrix_rank raise the
error of their removal. torch/__init__.py adds NAMES to the torch module and METHODS to Tensor."""

import warnings

from ._engine import E
from . import linalg as _linalg
from . import return_types as _rt

_warned = set()


def _warn_once(key, message):
    # PyTorch's TORCH_WARN_ONCE: the first call in a run warns, at the learner's line
    if key not in _warned:
        _warned.add(key)
        warnings.warn(message, UserWarning, stacklevel=3)


def _wrap(t):
    from ._tensor import wrap

    return wrap(t)


def cholesky(input, upper=False, *, out=None):
    from ._out import into

    _warn_once(
        'cholesky',
        'torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in a future PyTorch '
        'release.\nL = torch.cholesky(A)\nshould be replaced with\nL = torch.linalg.cholesky(A)\nand\n'
        'U = torch.cholesky(A, upper=True)\nshould be replaced with\nU = torch.linalg.cholesky(A).mH().\n'
        'This transform will produce equivalent results for all valid (symmetric positive definite) inputs.',
    )
    return into(out, _wrap(E.linalg_cholesky(input._t, bool(upper), True)), 'cholesky')


def qr(input, some=True, *, out=None):
    from ._out import into

    _warn_once(
        'qr',
        "torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future PyTorch release.\n"
        "The boolean parameter 'some' has been replaced with a string parameter 'mode'.\n"
        'Q, R = torch.qr(A, some)\nshould be replaced with\n'
        "Q, R = torch.linalg.qr(A, 'reduced' if some else 'complete')",
    )
    pieces = E.linalg_qr(input._t, 'reduced' if some else 'complete')
    return into(out, _rt.qr(tuple(_wrap(t) for t in pieces)), 'qr')


def svd(input, some=True, compute_uv=True, *, out=None):
    """U, S, V (not Vh: torch.svd returns V = Vh.mT); compute_uv=False gives zero U and V."""
    from ._out import into

    U, S, Vh = (_wrap(t) for t in E.linalg_svd(input._t, not some, True))
    if not compute_uv:
        from ._creation import zeros

        m, n = input.shape[-2], input.shape[-1]
        batch = tuple(input.shape[:-2])
        S = S.detach()
        return into(
            out, _rt.svd((zeros(batch + (m, m), dtype=input.dtype), S, zeros(batch + (n, n), dtype=input.dtype))), 'svd'
        )
    return into(out, _rt.svd((U, S, Vh.mT)), 'svd')


def symeig(input, eigenvectors=False, upper=True, *, out=None):
    _warn_once(
        'symeig',
        'torch.symeig is deprecated in favor of torch.linalg.eigh and will be removed in a future PyTorch release.\n'
        'The default behavior has changed from using the upper triangular portion of the matrix by default to '
        'using the lower triangular portion.\nL, _ = torch.symeig(A, upper=upper)\nshould be replaced with\n'
        "L = torch.linalg.eigvalsh(A, UPLO='U' if upper else 'L')\nand\nL, V = torch.symeig(A, eigenvectors=True)\n"
        "should be replaced with\nL, V = torch.linalg.eigh(A, UPLO='U' if upper else 'L')",
    )
    w, V = _linalg.eigh(input, 'U' if upper else 'L')
    if not eigenvectors:
        from ._creation import tensor

        V = tensor([], dtype=input.dtype)
    return _rt.symeig((w, V))


def slogdet(input, *, out=None):
    return _rt.slogdet(tuple(_linalg.slogdet(input, out=out)))


def logdet(input):
    return _wrap(E.logdet(input._t))


def pinverse(input, rcond=1e-15):
    return _linalg.pinv(input, rtol=rcond)


def matrix_power(input, n):
    return _linalg.matrix_power(input, n)


def lu(A, pivot=True, get_infos=False, out=None):
    """(LU, pivots), or with get_infos (LU, pivots, info): linalg.lu_factor(_ex), with its deprecation warning."""
    from ._out import into

    _warn_once(
        'lu',
        'torch.lu is deprecated in favor of torch.linalg.lu_factor / torch.linalg.lu_factor_ex and will be removed '
        'in a future PyTorch release.\nLU, pivots = torch.lu(A, compute_pivots)\nshould be replaced with\n'
        'LU, pivots = torch.linalg.lu_factor(A, compute_pivots)\nand\n'
        'LU, pivots, info = torch.lu(A, compute_pivots, get_infos=True)\nshould be replaced with\n'
        'LU, pivots, info = torch.linalg.lu_factor_ex(A, compute_pivots)',
    )
    if get_infos:
        return into(out, _rt._lu_with_info(tuple(_linalg.lu_factor_ex(A, pivot=pivot))), 'lu')
    return into(out, tuple(_linalg.lu_factor(A, pivot=pivot)), 'lu')


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True, *, out=None):
    """(P, L, U) from lu_factor's packed factors (empty tensors for the parts not asked for)."""
    from ._out import into

    pieces = E.lu_unpack(LU_data._t, LU_pivots._t, bool(unpack_data), bool(unpack_pivots))
    return into(out, _rt.lu_unpack(tuple(_wrap(t) for t in pieces)), 'lu_unpack')


def lu_solve(b, LU_data, LU_pivots, *, out=None):
    """linalg.lu_solve with the arguments in the old order (b first), with its deprecation warning."""
    _warn_once(
        'lu_solve',
        'torch.lu_solve is deprecated in favor of torch.linalg.lu_solveand will be removed in a future PyTorch '
        'release.\nNote that torch.linalg.lu_solve has its arguments reversed.\nX = torch.lu_solve(B, LU, pivots)\n'
        'should be replaced with\nX = torch.linalg.lu_solve(LU, pivots, B)',
    )
    return _linalg.lu_solve(LU_data, LU_pivots, b, out=out)


def cholesky_solve(input, input2, upper=False, *, out=None):
    """X with A X = input, A = input2 input2^T (input2^T input2 when upper) from A's Cholesky factor."""
    from ._out import into

    return into(out, _wrap(E.cholesky_solve(input._t, input2._t, bool(upper))), 'cholesky_solve')


def cholesky_inverse(input, upper=False, *, out=None):
    """A^-1 from A's Cholesky factor (A = L L^T, or U^T U when upper)."""
    from ._out import into

    return into(out, _wrap(E.cholesky_inverse(input._t, bool(upper))), 'cholesky_inverse')


def matrix_exp(input):
    return _linalg.matrix_exp(input)


def _removed(name, replacement):
    def fn(*args, **kwargs):
        raise RuntimeError(
            f'This function was deprecated since version 1.9 and is now removed. Please use the `{replacement}` '
            'function instead.'
        )

    fn.__name__ = name
    return fn


def _removed_tuple(name, replacement):
    # torch.lstsq and torch.matrix_rank raise with the message as a tuple of its two sentences (as 1.13 does)
    def fn(*args, **kwargs):
        raise RuntimeError(
            'This function was deprecated since version 1.9 and is now removed.',
            f'Please use the `{replacement}` function instead.',
        )

    fn.__name__ = name
    return fn


NAMES = {
    'cholesky': cholesky,
    'qr': qr,
    'svd': svd,
    'symeig': symeig,
    'slogdet': slogdet,
    'logdet': logdet,
    'pinverse': pinverse,
    'matrix_power': matrix_power,
    'lu': lu,
    'lu_unpack': lu_unpack,
    'lu_solve': lu_solve,
    'cholesky_solve': cholesky_solve,
    'cholesky_inverse': cholesky_inverse,
    'matrix_exp': matrix_exp,
    'solve': _removed('solve', 'torch.linalg.solve'),
    'lstsq': _removed_tuple('lstsq', 'torch.linalg.lstsq'),
    'matrix_rank': _removed_tuple('matrix_rank', 'torch.linalg.matrix_rank'),
}

METHODS = {
    'cholesky': cholesky,
    'qr': qr,
    'svd': svd,
    'symeig': symeig,
    'slogdet': slogdet,
    'logdet': logdet,
    'pinverse': pinverse,
    'matrix_power': matrix_power,
    'lu': lu,
    'lu_solve': lu_solve,
    'cholesky_solve': cholesky_solve,
    'cholesky_inverse': cholesky_inverse,
    'matrix_exp': matrix_exp,
    'solve': _removed('solve', 'torch.linalg.solve'),
    'lstsq': _removed_tuple('lstsq', 'torch.linalg.lstsq'),
}
