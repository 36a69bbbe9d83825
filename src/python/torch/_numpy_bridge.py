"""torch <-> numpy (Backprop Lens' numpy, src/python/numpy): Tensor.numpy(), np.array(tensor),
torch.from_numpy, torch.tensor(ndarray) and numpy scalars/arrays as operands of tensor operators.

No memory is shared: the engine keeps a tensor's values in a JS typed array and numpy keeps a Python list,
so Tensor.numpy() and torch.from_numpy() copy (a write to one is not seen by the other, unlike PyTorch).
Arrays keep their dtype as in PyTorch (float64 arrays make float64 tensors, int32 int32, uint8 uint8);
float16 becomes float32 and uint16/uint32/uint64 become int64, each with a hint."""

from ._engine import E


def _np():
    import numpy

    return numpy


def is_numpy(x):
    """Whether x is one of our numpy's arrays or scalars."""
    return type(x).__module__ == 'numpy'


def tensor_to_numpy(t):
    if t.requires_grad:
        raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
    np = _np()
    d = t._t.dtype
    return np.array(t.tolist(), dtype=np.bool_ if d == 'bool' else getattr(np, d))


# numpy dtypes the engine stores as they are; the others are converted (with a hint).
_SAME = ('float32', 'float64', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool')


def engine_dtype(d):
    """The engine dtype of a tensor made from a numpy array of dtype `d` (as PyTorch, where it can)."""
    if d.name in _SAME:
        return d.name
    engine = 'float32' if d.kind == 'f' else 'int64' if d.kind in 'iu' else 'bool'
    E.hint(
        f"torch.from_numpy: this {d.name} array became a torch.{engine} tensor (Backprop Lens has no "
        f"torch.{d.name}); PyTorch would make a torch.{d.name} tensor."
    )
    return engine


def from_numpy(a):
    """torch.from_numpy(ndarray): a tensor with a copy of the array's values."""
    from ._tensor_base import wrap

    np = _np()
    if not isinstance(a, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(a).__name__})")
    engine = engine_dtype(a.dtype)
    flat = a.reshape(-1).tolist()
    return wrap(E.tensor(flat, list(a.shape), engine, False))


def nested(x):
    """torch.tensor's view of a numpy array or scalar: nested lists of Python numbers (or one number)."""
    return x.tolist()


def operand(x):
    """A numpy scalar as the Python number it holds, a numpy array as an engine tensor (None otherwise)."""
    np = _np()
    if isinstance(x, np.generic):
        return x.item()
    if isinstance(x, np.ndarray):
        from ._tensor_base import tensor_from_data

        return tensor_from_data(x)._t
    return None
