"""Layout helpers PyTorch composes from views, joins and indexing (as ATen's composite functions do):
tensor_split / hsplit / vsplit / dsplit, atleast_3d / dstack, rot90, cartesian_prod, combinations,
tril_indices / triu_indices, block_diag, kron, tensordot, diag_embed, diagflat and fill_diagonal_. Each is written
with ops the engine already records, so values and gradients come from there."""

import builtins
import itertools

_int = builtins.int
_isinstance = builtins.isinstance


def _torch():
    import torch

    return torch


def tensor_split(input, indices_or_sections, dim=0):
    size = input.shape[dim]
    if hasattr(indices_or_sections, 'tolist'):
        indices_or_sections = indices_or_sections.tolist()
    if _isinstance(indices_or_sections, _int):
        n = indices_or_sections
        if n <= 0:
            raise RuntimeError(f'number of sections must be larger than 0, got {n}')
        # The first size % n parts take one extra element.
        big, extra = divmod(size, n)
        bounds = list(itertools.accumulate([big + 1 if i < extra else big for i in range(n)]))[:-1]
    else:
        # Indices as Python slice bounds: negative ones count from the end.
        bounds = [_int(i) + size if _int(i) < 0 else _int(i) for i in indices_or_sections]
    out = []
    start = 0
    for stop in bounds + [size]:
        lo, hi = min(max(start, 0), size), min(max(stop, 0), size)
        out.append(input.narrow(dim, lo, max(hi - lo, 0)))
        start = stop
    return tuple(out)


def _split_along(name, input, sections, dim, min_dims):
    if input.dim() < min_dims:
        raise RuntimeError(
            f'torch.{name} requires a tensor with at least {min_dims} dimension, but got a tensor with '
            f'{input.dim()} dimensions!'
        )
    if _isinstance(sections, _int) and (sections == 0 or input.shape[dim] % sections != 0):
        raise RuntimeError(
            f'torch.{name} attempted to split along dimension {dim}, but the size of the dimension '
            f'{input.shape[dim]} is not divisible by the split_size {sections}!'
        )
    return tensor_split(input, sections, dim)


def hsplit(input, indices_or_sections):
    return _split_along('hsplit', input, indices_or_sections, 1 if input.dim() > 1 else 0, 1)


def vsplit(input, indices_or_sections):
    return _split_along('vsplit', input, indices_or_sections, 0, 2)


def dsplit(input, indices_or_sections):
    return _split_along('dsplit', input, indices_or_sections, 2, 3)


def atleast_3d(*tensors):
    if len(tensors) == 1 and _isinstance(tensors[0], (list, tuple)):
        return tuple(atleast_3d(t) for t in tensors[0])
    if len(tensors) > 1:
        return tuple(atleast_3d(t) for t in tensors)
    t = tensors[0]
    if t.dim() == 0:
        return t.reshape(1, 1, 1)
    if t.dim() == 1:
        return t.reshape(1, -1, 1)
    if t.dim() == 2:
        return t.unsqueeze(-1)
    return t


def dstack(tensors):
    return _torch().cat([atleast_3d(t) for t in tensors], 2)


def rot90(input, k=1, dims=(0, 1)):
    d0, d1 = dims
    k %= 4
    if k == 1:
        return input.flip(d1).transpose(d0, d1)
    if k == 2:
        return input.flip(d0, d1)
    if k == 3:
        return input.flip(d0).transpose(d0, d1)
    return input.clone()


def cartesian_prod(*tensors):
    torch = _torch()
    if len(tensors) == 1:
        return tensors[0]
    grids = torch.meshgrid(*tensors, indexing='ij')
    return torch.stack([g.reshape(-1) for g in grids], dim=1)


def combinations(input, r=2, with_replacement=False):
    torch = _torch()
    if input.dim() != 1:
        raise RuntimeError(f'Expect a 1D vector, but got shape {list(input.shape)}')
    pick = itertools.combinations_with_replacement if with_replacement else itertools.combinations
    rows = list(pick(range(input.shape[0]), r))
    if not rows or r == 0:
        return input.new_empty((0,) if r == 0 else (0, r))
    return input[torch.tensor(rows, dtype=torch.int64)]


def _triangle_indices(row, col, offset, lower, dtype):
    torch = _torch()
    keep = [(i, j) for i in range(row) for j in range(col) if (j - i <= offset if lower else j - i >= offset)]
    return torch.tensor([[i for i, _ in keep], [j for _, j in keep]], dtype=dtype or torch.int64).reshape(2, -1)


def tril_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    return _triangle_indices(row, col, offset, True, dtype)


def triu_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    return _triangle_indices(row, col, offset, False, dtype)


def block_diag(*tensors):
    torch = _torch()
    mats = [t.reshape(1, 1) if t.dim() == 0 else t.reshape(1, -1) if t.dim() == 1 else t for t in tensors]
    for i, m in enumerate(mats):
        if m.dim() != 2:
            raise RuntimeError(
                f'torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {i} has {m.dim()} dimensions'
            )
    dtype = mats[0].dtype
    for m in mats[1:]:
        dtype = torch.promote_types(dtype, m.dtype)
    out = torch.zeros(sum(m.shape[0] for m in mats), sum(m.shape[1] for m in mats), dtype=dtype)
    r = c = 0
    for m in mats:
        out[r : r + m.shape[0], c : c + m.shape[1]] = m
        r += m.shape[0]
        c += m.shape[1]
    return out


def kron(input, other):
    n = max(input.dim(), other.dim())
    a = input.reshape([1] * (n - input.dim()) + list(input.shape))
    b = other.reshape([1] * (n - other.dim()) + list(other.shape))
    # a[i0, 1, i1, 1, ...] * b[1, j0, 1, j1, ...], then each (i, j) pair of dims merged.
    a_view, b_view = [], []
    for sa, sb in zip(a.shape, b.shape):
        a_view += [sa, 1]
        b_view += [1, sb]
    return (a.reshape(a_view) * b.reshape(b_view)).reshape([sa * sb for sa, sb in zip(a.shape, b.shape)])


def _wrap_dim(d, n):
    if not -n <= d < n:
        raise IndexError(f'Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {d})')
    return d % n


def _tensordot_dims(dims):
    """tensordot's dims as two lists, as given (errors name them so): an int n is a's last n dims and b's
    first n."""
    if hasattr(dims, 'tolist'):
        dims = dims.tolist()
    if _isinstance(dims, _int):
        if dims < 0:
            raise RuntimeError(f'tensordot expects dims >= 0, but got dims={dims}')
        return list(range(-dims, 0)), list(range(dims))
    dims_a, dims_b = ([d] if _isinstance(d, _int) else list(d) for d in dims)
    if len(dims_a) != len(dims_b):
        raise RuntimeError('both dimension lists should have same length')
    return dims_a, dims_b


def tensordot(a, b, dims=2, out=None):
    """As ATen's tensordot: the contracted dims moved to the end of a and the start of b (a size-1 dim against a
    larger one summed first), one mm, and the result reshaped to a's free dims then b's."""
    given_a, given_b = _tensordot_dims(dims)
    dims_a, dims_b = [], []
    for da, db in zip(given_a, given_b):
        wa, wb = _wrap_dim(da, a.dim()), _wrap_dim(db, b.dim())
        sa, sb = a.shape[wa], b.shape[wb]
        if sa != sb:
            if sa == 1:
                b = b.sum(wb, keepdim=True)
            elif sb == 1:
                a = a.sum(wa, keepdim=True)
            else:
                raise RuntimeError(
                    f'contracted dimensions need to match, but first has size {sa} in dim {da} and second has '
                    f'size {sb} in dim {db}'
                )
        dims_a.append(wa)
        dims_b.append(wb)
    free_a = [d for d in range(a.dim()) if d not in dims_a]
    free_b = [d for d in range(b.dim()) if d not in dims_b]
    csize = 1
    for d in dims_a:
        csize *= a.shape[d]
    size_a = 1
    for d in free_a:
        size_a *= a.shape[d]
    size_b = 1
    for d in free_b:
        size_b *= b.shape[d]
    left = a.permute(free_a + dims_a).reshape(size_a, csize)
    right = b.permute(dims_b + free_b).reshape(csize, size_b)
    result = left.mm(right).reshape([a.shape[d] for d in free_a] + [b.shape[d] for d in free_b])
    if out is not None:
        from ._out import into

        return into(out, result, 'tensordot')
    return result


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    torch = _torch()
    if offset != 0 or (dim1, dim2) not in ((-2, -1), (input.dim() - 1, input.dim())):
        from ._unsupported import unsupported

        raise unsupported('torch.diag_embed(offset=..., dim1=..., dim2=...)', 'the defaults are supported')
    n = input.shape[-1]
    return input.unsqueeze(-1) * torch.eye(n, dtype=input.dtype)


def diagflat(input, offset=0):
    return _torch().diag(input.reshape(-1), offset)


def fill_diagonal_(self, fill_value, wrap=False):
    torch = _torch()
    if self.dim() < 2:
        raise RuntimeError('dimensions must larger than 1')
    if self.dim() > 2 and len(set(self.shape)) != 1:
        raise RuntimeError('all dimensions of input must be of equal length')
    # Flat positions along the main diagonal: a step of (sum of strides) from 0; a tall matrix restarts
    # below it when wrap=True, as PyTorch's flat-stride loop does.
    step = sum(self.stride())
    count = min(self.shape)
    positions = list(range(0, count * step, step))
    if wrap and self.dim() == 2 and self.shape[0] > self.shape[1] + 1:
        positions = list(range(0, self.numel(), step))
    mask = torch.zeros(self.numel(), dtype=torch.bool)
    mask[torch.tensor(positions, dtype=torch.int64)] = True
    return self.masked_fill_(mask.reshape(self.shape), fill_value)


NAMES = {
    f.__name__: f
    for f in (
        tensor_split,
        hsplit,
        vsplit,
        dsplit,
        atleast_3d,
        dstack,
        rot90,
        cartesian_prod,
        combinations,
        tril_indices,
        triu_indices,
        block_diag,
        kron,
        tensordot,
        diag_embed,
        diagflat,
    )
}


class LayoutMixin:
    """The Tensor-method forms of the functions above."""

    __slots__ = ()

    tensor_split = tensor_split
    hsplit = hsplit
    vsplit = vsplit
    dsplit = dsplit
    rot90 = rot90
    kron = kron
    diag_embed = diag_embed
    diagflat = diagflat
    fill_diagonal_ = fill_diagonal_
