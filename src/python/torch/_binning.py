"""torch.searchsorted, torch.bucketize and torch.isin: argument conversion (Python numbers become tensors,
`side=` becomes `right=`) around the engine's binary searches and membership test."""

from ._engine import E

from ._tensor_base import TensorBase, wrap, tensor_from_data


def _values(x, like):
    """A tensor for `x`: itself, or a Python number as a 0-dim tensor of `like`'s dtype."""
    return x if isinstance(x, TensorBase) else tensor_from_data(x, dtype=like.dtype)


def searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None, out=None):
    from ._out import into

    if side is not None:
        if side not in ('left', 'right'):
            raise RuntimeError(f"torch.searchsorted(): side can only be 'left' or 'right' but got {side}")
        if right and side == 'left':
            raise RuntimeError(
                "torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True"
            )
        right = side == 'right'
    if sorter is not None:
        sorted_sequence = sorted_sequence.gather(-1, sorter)
    values = _values(input, sorted_sequence)
    result = wrap(E.searchsorted(sorted_sequence._t, values._t, bool(right), bool(out_int32)))
    return result if out is None else into(out, result, 'searchsorted')


def bucketize(input, boundaries, *, out_int32=False, right=False, out=None):
    from ._out import into

    values = _values(input, boundaries)
    result = wrap(E.bucketize(values._t, boundaries._t, bool(right), bool(out_int32)))
    return result if out is None else into(out, result, 'bucketize')


def isin(elements, test_elements, *, assume_unique=False, invert=False):
    if not isinstance(elements, TensorBase) and not isinstance(test_elements, TensorBase):
        raise TypeError('isin() received an invalid combination of arguments')
    like = elements if isinstance(elements, TensorBase) else test_elements
    return wrap(E.isin(_values(elements, like)._t, _values(test_elements, like)._t, bool(invert)))


NAMES = {'searchsorted': searchsorted, 'bucketize': bucketize, 'isin': isin}
