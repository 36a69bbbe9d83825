"""torch.linalg: the norms learners use (`torch.linalg.norm(v)`, d2l's preliminaries), inv and det; anything
else is named as unsupported."""

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
    if ord != 'fro':
        raise unsupported(f"torch.linalg.matrix_norm(ord={ord!r})", "ord='fro' is supported")
    return vector_norm(A, 2, dim, keepdim, dtype=dtype, out=out)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):
    """ord=None: the 2-norm of a vector, the Frobenius norm of a matrix (the same sum of squares)."""
    if ord is None or ord == 'fro':
        return vector_norm(A, 2, dim, keepdim, dtype=dtype, out=out)
    vector = (
        (dim is None and A.dim() == 1) or isinstance(dim, int) or (isinstance(dim, (tuple, list)) and len(dim) == 1)
    )
    if vector:
        return vector_norm(A, ord, dim, keepdim, dtype=dtype, out=out)
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
