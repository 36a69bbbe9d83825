"""torch.memory_format: contiguous_format, channels_last (NHWC storage of an NCHW tensor), channels_last_3d and
preserve_format. A channels_last tensor is a permuted view of NHWC-contiguous storage, so stride() and
is_contiguous(memory_format=...) report what PyTorch reports; ops on one give contiguous results (the values
are the same; PyTorch would keep their channels_last strides)."""


class memory_format:
    __module__ = 'torch'  # printed as <class 'torch.memory_format'>
    __slots__ = ('_name',)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f'torch.{self._name}'

    def __reduce__(self):
        return self._name  # pickled by name, as a module global of torch


contiguous_format = memory_format('contiguous_format')
channels_last = memory_format('channels_last')
channels_last_3d = memory_format('channels_last_3d')
preserve_format = memory_format('preserve_format')

# Per format: the rank it needs and the dims from innermost to outermost in memory.
_ORDERS = {channels_last: (4, (1, 3, 2, 0)), channels_last_3d: (5, (1, 4, 3, 2, 0))}


def is_contiguous_as(tensor, fmt):
    """Tensor.is_contiguous(memory_format=fmt), as ATen's compute_channels_last_contiguous_2d/3d: size-1
    dims are skipped; any other rank is not channels_last contiguous."""
    if fmt is None or fmt is contiguous_format or fmt is preserve_format:
        return tensor._t.is_contiguous()
    rank, order = _ORDERS[fmt]
    sizes = tensor.shape
    if len(sizes) != rank:
        return False
    strides = tensor.stride()
    expected = 1
    for d in order:
        if sizes[d] != 1:
            if strides[d] != expected:
                return False
            expected *= sizes[d]
    return True


def _check_rank(tensor, fmt):
    rank, _ = _ORDERS[fmt]
    if tensor.dim() != rank:
        raise RuntimeError(f'required rank {rank} tensor to use {fmt._name} format')


def as_format(tensor, fmt):
    """The tensor laid out as `fmt` (itself when it already is): Tensor.contiguous(memory_format=fmt)."""
    if fmt is None or fmt is contiguous_format:
        return tensor.contiguous()
    if fmt is preserve_format:
        raise RuntimeError('preserve memory format is unsupported by the contiguous operator')
    _check_rank(tensor, fmt)
    if is_contiguous_as(tensor, fmt):
        return tensor
    rank = tensor.dim()
    to_last = (0, *range(2, rank), 1)
    back = (0, rank - 1, *range(1, rank - 1))
    return tensor.permute(to_last).contiguous().permute(back)


def channels_last_of(tensor):
    """The channels-last format `tensor` is laid out in (preserve_format keeps it), or None."""
    for fmt in (channels_last, channels_last_3d):
        if tensor.dim() == _ORDERS[fmt][0] and not tensor._t.is_contiguous() and is_contiguous_as(tensor, fmt):
            return fmt
    return None


def like_format(result, input, fmt):
    """A *_like result laid out as memory_format asks: preserve_format (the default) keeps a channels-last
    input's layout. A result that requires grad stays contiguous (a leaf cannot be a permuted view)."""
    if fmt is None or fmt is preserve_format:
        fmt = channels_last_of(input)
    if fmt is None or fmt is contiguous_format or result.requires_grad:
        return result
    return as_format(result, fmt)
