"""torch.vander(x, N=None, increasing=False): the Vandermonde matrix, columns x^(N-1), ..., x, 1 (or the
other way round). PyTorch 1.13 composes it in ATen from in-place ops, and so does this, op for op, so that
the dtype (int64 for an integer or bool x), the grad_fn (FlipBackward0 over CopySlices, or CopySlices when
increasing) and what backward does come out as PyTorch's: its cumprod saves the slice it reads and the copy
back into that slice then bumps its version, so backward through vander raises PyTorch's "modified by an
inplace operation" error. (torch.linalg.vander is the differentiable one: linalg.py.)"""


def vander(x, N=None, increasing=False):
    import torch

    if x.dim() != 1:
        raise RuntimeError('x must be a one-dimensional tensor.')
    n = x.size(0)
    if N is not None:
        n = N
        if n < 0:
            raise RuntimeError('N must be non-negative.')
    # An integer or bool x gives int64, as cumprod promotes it.
    dtype = torch.promote_types(x.dtype, torch.int64)
    result = torch.empty(x.size(0), n, dtype=dtype)
    if n > 0:
        result.fill_(1)
        if n > 1:
            result[:, 1:] = x.unsqueeze(1)
            result[:, 1:] = torch.cumprod(result[:, 1:], 1)
    if not increasing:
        return torch.flip(result, [1])
    return result


vander.__module__ = 'torch'

NAMES = {'vander': vander}
