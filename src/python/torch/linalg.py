"""torch.linalg: the norms learners use (`torch.linalg.norm(v)`, d2l's preliminaries; matrix norms of every
ord), inv/det/slogdet, the solvers of closed-form regression (solve, lstsq, pinv), the factorizations of PCA
and numerics courses (cholesky, qr, eigh, svd, lu_factor/lu/lu_solve), matrix_rank/matrix_power/multi_dot/
cond/matrix_exp. The engine does
the math (engine/ops/linalgDecomp.ts, linalgChain.ts); here arguments are converted and results named.
Anything else is named as unsupported."""

import math

from ._engine import E
from ._errors import _LinAlgError as LinAlgError  # noqa: F401  (torch.linalg.LinAlgError)
from ._unsupported import module_getattr, unsupported
from . import return_types as _rt


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    """The p-norm of x's values (all of them, or along dim)."""
    from ._out import into, scalar_name

    # PyTorch checks the input itself, before dtype= could make it a float tensor.
    if not x.dtype.is_floating_point:
        raise RuntimeError(
            f'linalg.vector_norm: Expected a floating point or complex tensor as input. Got {scalar_name(x.dtype)}'
        )
    if dtype is not None:
        x = x.to(dtype)
    if ord == math.inf:
        result = x.abs().amax(() if dim is None else dim, keepdim=keepdim)
    elif ord == -math.inf:
        result = x.abs().amin(() if dim is None else dim, keepdim=keepdim)
    else:
        result = x.norm(ord, dim, keepdim)
    return into(out, _wrap(E.linalg_named_node(result._t, 'LinalgVectorNormBackward0')), 'linalg_vector_norm')


def matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    """'fro' is the 2-norm of the values; ord=1/-1 the largest/smallest absolute column sum, inf/-inf the same
    over rows (PyTorch's vector 1-norm along one dim, then amax/amin along the other); 2/-2/'nuc' the
    largest/smallest singular value and their sum."""
    if ord == 'fro':
        return vector_norm(A, 2, dim, keepdim, dtype=dtype, out=out)
    if A.dim() < 2:
        raise RuntimeError('linalg.matrix_norm: The input tensor A must have at least 2 dimensions.')
    if ord not in (1, -1, 2, -2, 'nuc', math.inf, -math.inf):
        raise RuntimeError(f'linalg.matrix_norm: Order {ord} not supported.')
    from ._out import into

    if dtype is not None:
        A = A.to(dtype)
    if ord in (2, -2, 'nuc'):
        d0, d1 = sorted(d % A.dim() for d in dim)
        moved = _to_end(A, [d % A.dim() for d in dim])
        result = _wrap(E.linalg_singular_value_norm(moved._t, ord, False))
        if keepdim:
            result = result.unsqueeze(d0).unsqueeze(d1)
        return into(out, result, 'linalg_matrix_norm')
    d0, d1 = (d % A.dim() for d in dim)
    if abs(ord) == math.inf:
        d0, d1 = d1, d0
    if not keepdim and d0 < d1:
        d1 -= 1
    sums = A.abs().sum(d0, keepdim=keepdim)
    result = sums.amax(d1, keepdim=keepdim) if ord > 0 else sums.amin(d1, keepdim=keepdim)
    return into(out, result, 'linalg_matrix_norm')


def _to_end(A, dims):
    """A with `dims` moved, in their order, to the end (a permutation; A itself when they are there)."""
    order = [d for d in range(A.dim()) if d not in dims] + list(dims)
    return A if order == list(range(A.dim())) else A.permute(order)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):
    """ord=None: the 2-norm of a vector, the Frobenius norm of a matrix (the same sum of squares)."""
    if ord is None or ord == 'fro':
        return vector_norm(A, 2, dim, keepdim, dtype=dtype, out=out)
    vector = (
        (dim is None and A.dim() == 1) or isinstance(dim, int) or (isinstance(dim, (tuple, list)) and len(dim) == 1)
    )
    if vector:
        return vector_norm(A, ord, dim, keepdim, dtype=dtype, out=out)
    if (dim is None and A.dim() == 2) or (isinstance(dim, (tuple, list)) and len(dim) == 2):
        return matrix_norm(A, ord, (-2, -1) if dim is None else dim, keepdim, dtype=dtype, out=out)
    raise RuntimeError(f'linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got {A.dim()}D.')


def inv(A, *, out=None):
    from ._out import into

    return into(out, A.inverse(), 'linalg_inv')


def inv_ex(A, *, check_errors=False, out=None):
    """(inverse, info): info 0 per matrix, as the inverse raised for a singular one."""
    return _rt.linalg_inv_ex((inv(A), _info(A)))


def _info(A):
    from ._creation import zeros
    from ._dtype import int32

    return zeros(tuple(A.shape[:-2]), dtype=int32)


def _wrap(t):
    from ._tensor import wrap

    return wrap(t)


def _as_tensor(x):
    from ._tensor import Tensor, tensor_from_data

    return x if isinstance(x, Tensor) else tensor_from_data(x)


def _named(kind, pieces, out, name):
    from ._out import into

    return into(out, kind(tuple(_wrap(t) for t in pieces)), name)


def solve(A, B, *, left=True, out=None):
    """X with A X = B (left=True) or X A = B; B a vector or matrices, batches broadcast."""
    from ._out import into

    if not left:
        return into(out, solve(A.mT, B.mT).mT, 'linalg_solve')
    return into(out, _wrap(E.linalg_solve(A._t, _as_tensor(B)._t)), 'linalg_solve')


def slogdet(A, *, out=None):
    return _named(_rt.linalg_slogdet, E.linalg_slogdet(A._t), out, 'linalg_slogdet')


def cholesky(A, *, upper=False, out=None):
    from ._out import into

    return into(out, _wrap(E.linalg_cholesky(A._t, bool(upper), False)), 'linalg_cholesky')


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    """(L, info): info the order of the first leading minor that is not positive-definite (0: none), L then
    partly factored as LAPACK leaves it; check_errors=True raises instead."""
    L, info = (_wrap(t) for t in E.linalg_cholesky_ex(A._t, bool(upper)))
    if check_errors and bool((info > 0).any()):
        bad = int((info.reshape(-1) > 0).int().argmax())
        where = f'(Batch element {bad}): ' if A.dim() > 2 else ''
        raise LinAlgError(
            f'linalg.cholesky_ex: {where}The factorization could not be completed because the input is not '
            f'positive-definite (the leading minor of order {int(info.reshape(-1)[bad])} is not positive-definite).'
        )
    from ._out import into

    return into(out, _rt.linalg_cholesky_ex((L, info)), 'linalg_cholesky_ex')


def qr(A, mode='reduced', *, out=None):
    """Householder QR as LAPACK computes it (R's signs are LAPACK's); mode 'reduced', 'complete' or 'r'."""
    return _named(_rt.linalg_qr, E.linalg_qr(A._t, mode), out, 'linalg_qr')


def eigh(A, UPLO='L', *, out=None):
    """Eigenvalues ascending and eigenvectors (columns) of the symmetric matrix UPLO's triangle holds. Each
    eigenvector's sign is ours (its largest entry positive), not necessarily LAPACK's."""
    return _named(_rt.linalg_eigh, E.linalg_eigh(A._t, UPLO, True), out, 'linalg_eigh')


def eigvalsh(A, UPLO='L', *, out=None):
    from ._out import into

    return into(out, _wrap(E.linalg_eigh(A._t, UPLO, False)[0]), 'linalg_eigvalsh')


def svd(A, full_matrices=True, *, driver=None, out=None):
    """U, S (descending), Vh. Singular vector signs are ours (each column of U with its largest entry
    positive), not necessarily LAPACK's."""
    return _named(_rt.linalg_svd, E.linalg_svd(A._t, bool(full_matrices), True), out, 'linalg_svd')


def svdvals(A, *, driver=None, out=None):
    from ._out import into

    return into(out, _wrap(E.linalg_svd(A._t, False, False)[1]), 'linalg_svdvals')


def pinv(A, rcond=None, hermitian=False, *, atol=None, rtol=None, out=None):
    """Moore-Penrose inverse by the SVD; singular values at most max(atol, rtol * largest) count as zero
    (rcond is the older name of rtol). hermitian=True gives the same result for symmetric A."""
    from ._out import into

    if rcond is not None:
        rtol = float(rcond) if not hasattr(rcond, 'item') else float(rcond.item())
    return into(out, _wrap(E.linalg_pinv(A._t, _float(atol), _float(rtol))), 'linalg_pinv')


def _float(x):
    if x is None:
        return None
    return float(x.item()) if hasattr(x, 'item') else float(x)


def matrix_rank(A, tol=None, hermitian=False, *, atol=None, rtol=None, out=None):
    """The count of singular values above max(atol, rtol * largest); tol= is atol with rtol 0."""
    from ._out import into

    if tol is not None:
        atol, rtol = tol, 0.0
    return into(out, _wrap(E.linalg_matrix_rank(A._t, _float(atol), _float(rtol))), 'linalg_matrix_rank')


def lstsq(A, B, rcond=None, *, driver=None):
    """(solution, residuals, rank, singular_values), filled as PyTorch's CPU drivers fill them: the default
    'gelsy' gives the solution and rank only."""
    if driver is not None and driver not in ('gels', 'gelsy', 'gelsd', 'gelss'):
        raise RuntimeError('torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)')
    return _rt.linalg_lstsq(tuple(_wrap(t) for t in E.linalg_lstsq(A._t, _as_tensor(B)._t, _float(rcond), driver)))


def matrix_power(A, n, *, out=None):
    from ._out import into

    return into(out, _wrap(E.linalg_matrix_power(A._t, int(n))), 'linalg_matrix_power')


def multi_dot(tensors, *, out=None):
    """The chain product in its cheapest order; the first may be a row vector and the last a column one."""
    from ._out import into

    tensors = list(tensors)
    if len(tensors) == 0:
        raise RuntimeError('multi_dot(): expected at least 2 tensors but got 0')
    return into(out, _wrap(E.linalg_multi_dot(*[t._t for t in tensors])), 'linalg_multi_dot')


def cond(A, p=None, *, out=None):
    """The condition number: the extreme singular values' ratio (p None, 2, -2), else norm(A) * norm(A^-1)
    (inf for a singular A)."""
    from ._out import into

    if p is None or p in (2, -2):
        return into(out, _wrap(E.linalg_cond2(A._t, -2 if p == -2 else 2)), 'linalg_cond')
    try:
        inverse = A.inverse()
    except LinAlgError:
        from ._creation import full

        return into(out, full(tuple(A.shape[:-2]), math.inf, dtype=A.dtype), 'linalg_cond')
    return into(out, matrix_norm(A, p) * matrix_norm(inverse, p), 'linalg_cond')


def det(A, *, out=None):
    from ._out import into

    return into(out, A.det(), 'linalg_det')


def cross(input, other, *, dim=-1, out=None):
    from ._out import into

    return into(out, input.cross(other, dim), 'linalg_cross')


def solve_ex(A, B, *, left=True, check_errors=False, out=None):
    """(result, info): info 0 per matrix, as solve raised for a singular one."""
    return _rt.linalg_solve_ex((solve(A, B, left=left), _info(A)))


def solve_triangular(A, B, *, upper, left=True, unitriangular=False, out=None):
    """solve with A's triangle only (the other entries ignored, and given no gradient; a unit diagonal when
    unitriangular)."""
    from ._out import into

    T = A.triu() if upper else A.tril()
    if unitriangular:
        from ._creation import eye

        T = (A.triu(1) if upper else A.tril(-1)) + eye(A.shape[-1], dtype=A.dtype)
    return into(out, solve(T, B, left=left), 'linalg_solve_triangular')


def lu_factor(A, *, pivot=True, out=None):
    """(LU, pivots): L below the diagonal and U on and above it, pivots 1-based int32 as LAPACK's getrf gives
    them; a zero pivot raises (lu_factor_ex reports it in info instead)."""
    return _named(_rt.linalg_lu_factor, E.linalg_lu_factor(A._t, bool(pivot)), out, 'linalg_lu_factor')


def lu_factor_ex(A, *, pivot=True, check_errors=False, out=None):
    """(LU, pivots, info): info the 1-based index of the first zero pivot of each matrix (0: none)."""
    # check_errors: raise as lu_factor does for a zero pivot
    if check_errors:
        pieces = E.linalg_lu_factor(A._t, bool(pivot), 'torch.linalg.lu_factor_ex')
        pieces = (pieces[0], pieces[1], _info(A)._t)
    else:
        pieces = E.linalg_lu_factor_ex(A._t, bool(pivot))
    return _named(_rt.linalg_lu_factor_ex, pieces, out, 'linalg_lu_factor_ex')


def lu(A, *, pivot=True, out=None):
    """(P, L, U) with A = P L U: P a permutation matrix, L unit lower triangular, U upper triangular."""
    return _named(_rt.linalg_lu, E.linalg_lu(A._t, bool(pivot)), out, 'linalg_lu')


def lu_solve(LU, pivots, B, *, left=True, adjoint=False, out=None):
    """X with A X = B (A^T X = B when adjoint; X A = B when not left) from lu_factor's (LU, pivots)."""
    from ._out import into

    return into(
        out, _wrap(E.linalg_lu_solve(LU._t, pivots._t, _as_tensor(B)._t, bool(left), bool(adjoint))), 'linalg_lu_solve'
    )


def matrix_exp(A):
    """e^A by PyTorch's Taylor scheme (degree chosen by A's 1-norm, scaling and squaring beyond)."""
    return _wrap(E.linalg_matrix_exp(A._t))


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    return A.diagonal(offset, dim1, dim2)


def matmul(input, other, *, out=None):
    from ._out import into

    return into(out, input @ other, 'linalg_matmul')


def vecdot(x, y, *, dim=-1, out=None):
    """The dot product along dim (real tensors: no conjugation to do)."""
    from ._out import into

    return into(out, (x * y).sum(dim), 'linalg_vecdot')


def vander(x, *, N=None):
    """Columns x^0, x^1, ..., x^(N-1) (N defaults to x's length), by a cumulative product as PyTorch builds it."""
    from ._functions import cat

    n = x.shape[-1] if N is None else N
    if n < 2:
        if n < 1:
            raise RuntimeError('N must be greater than 1.')
        return x.unsqueeze(-1).pow(0)
    powers = x.unsqueeze(-1).expand(*x.shape, n - 1).cumprod(-1)
    return cat([x.unsqueeze(-1).pow(0), powers], -1)


def tensorinv(A, ind=2, *, out=None):
    """The inverse of A read as a prod(shape[:ind]) x prod(shape[ind:]) matrix, shaped shape[ind:] + shape[:ind]."""
    from ._out import into

    rows, cols = tuple(A.shape[:ind]), tuple(A.shape[ind:])
    if math.prod(rows) != math.prod(cols):
        raise RuntimeError(
            f'Expected self to satisfy the requirement prod(self.shape[ind:]) == prod(self.shape[:ind]), '
            f'but got {math.prod(cols)} != {math.prod(rows)}'
        )
    return into(out, inv(A.reshape(math.prod(rows), math.prod(cols))).reshape(cols + rows), 'linalg_tensorinv')


def tensorsolve(A, B, dims=None, *, out=None):
    """X with tensordot(A, X, X.ndim) = B: A read as a B.numel() x prod(A.shape[B.ndim:]) matrix."""
    from ._out import into

    if dims is not None:
        A = _to_end(A, [d % A.dim() for d in dims])
    x_shape = tuple(A.shape[B.dim() :])
    X = solve(A.reshape(B.numel(), math.prod(x_shape)), B.reshape(-1))
    return into(out, X.reshape(x_shape), 'linalg_tensorsolve')


__getattr__ = module_getattr('torch.linalg')
