"""torch.linalg: the norms learners use (`torch.linalg.norm(v)`, d2l's preliminaries; matrix norms of
ord 'fro', 1 and inf), inv and det; anything else is named as unsupported."""

import math

from ._unsupported import module_getattr, unsupported


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    """The p-norm of x's values (all of them, or along dim)."""
    from ._out import into

    if dtype is not None:
        x = x.to(dtype)
    if ord == math.inf:
        result = x.abs().amax(() if dim is None else dim, keepdim=keepdim)
    elif ord == -math.inf:
        result = x.abs().amin(() if dim is None else dim, keepdim=keepdim)
    else:
        result = x.norm(ord, dim, keepdim)
    return into(out, result, 'linalg_vector_norm')


def matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    """'fro' is the 2-norm of the values; ord=1/-1 the largest/smallest absolute column sum, inf/-inf the same
    over rows (PyTorch's vector 1-norm along one dim, then amax/amin along the other)."""
    if ord == 'fro':
        return vector_norm(A, 2, dim, keepdim, dtype=dtype, out=out)
    if ord not in (1, -1, math.inf, -math.inf):
        raise unsupported(f"torch.linalg.matrix_norm(ord={ord!r})", "ord='fro', 1, -1, inf and -inf are supported")
    from ._out import into

    if dtype is not None:
        A = A.to(dtype)
    d0, d1 = (d % A.dim() for d in dim)
    if abs(ord) == math.inf:
        d0, d1 = d1, d0
    if not keepdim and d0 < d1:
        d1 -= 1
    sums = A.abs().sum(d0, keepdim=keepdim)
    result = sums.amax(d1, keepdim=keepdim) if ord > 0 else sums.amin(d1, keepdim=keepdim)
    return into(out, result, 'linalg_matrix_norm')


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
    raise unsupported(f"torch.linalg.norm(ord={ord!r}) of a matrix", "ord=None or 'fro' is supported for matrices")


def inv(A, *, out=None):
    from ._out import into

    return into(out, A.inverse(), 'linalg_inv')


def det(A, *, out=None):
    from ._out import into

    return into(out, A.det(), 'linalg_det')


def cross(input, other, *, dim=-1, out=None):
    from ._out import into

    return into(out, input.cross(other, dim), 'linalg_cross')


__getattr__ = module_getattr('torch.linalg')
