"""`out=` as PyTorch honours it: the result is written into the given tensor, which is returned. A tensor of
another shape is resized to the result's (PyTorch warns when it was not empty; we do not)."""

from ._engine import E
from ._grad_mode import is_grad_enabled, no_grad
from ._tensor_base import TensorBase


def into(out, result, name):
    """Writes `result` (a tensor, or a tuple of them for `out=(values, indices)`) into `out` and returns it."""
    if out is None:
        return result
    if isinstance(result, tuple):
        if not isinstance(out, (tuple, list)) or len(out) != len(result):
            raise TypeError(f"{name}(): argument 'out' must be tuple of {len(result)} Tensors")
        return type(result)(tuple(into(o, r, name) for o, r in zip(out, result)))
    if not isinstance(out, TensorBase):
        raise TypeError(f"{name}(): argument 'out' must be Tensor, not {type(out).__name__}")
    if is_grad_enabled() and (result.requires_grad or out.requires_grad):
        if out.requires_grad and out.is_leaf:
            raise RuntimeError('a leaf Variable that requires grad is being used in an in-place operation.')
        raise RuntimeError(
            f"{name}(): functions with out=... arguments don't support automatic differentiation, "
            'but one of the arguments requires grad.'
        )
    with no_grad():
        value = result.detach().to(out.dtype)
        if tuple(out.shape) == tuple(value.shape):
            out.copy_(value)
        else:
            E.set_data(out._t, value.clone()._t)
    return out
