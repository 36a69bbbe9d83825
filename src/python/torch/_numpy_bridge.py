"""torch <-> numpy (Backprop Lens' numpy, src/python/numpy): Tensor.numpy(), np.array(tensor),
torch.from_numpy, torch.tensor(ndarray) and numpy scalars/arrays as operands of tensor operators.

No memory is shared: the engine keeps a tensor's values in a JS typed array and numpy keeps a Python list,
so Tensor.numpy() and torch.from_numpy() copy (a write to one is not seen by the other, unlike PyTorch).
Tensors are float32, int64 or bool: a float64 array becomes a float32 tensor (a hint says so), other
integer arrays become int64 tensors."""

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
    dtype = np.float32 if d == 'float32' else np.int64 if d == 'int64' else np.bool_
    return np.array(t.tolist(), dtype=dtype)


def from_numpy(a):
    """torch.from_numpy(ndarray): a tensor with a copy of the array's values."""
    from ._tensor_base import wrap

    np = _np()
    if not isinstance(a, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(a).__name__})")
    d = a.dtype
    if d.kind == 'f':
        engine = 'float32'
        if d.name != 'float32':
            E.hint(
                f"torch.from_numpy: this {d.name} array became a float32 tensor (Backprop Lens computes in "
                f"float32); PyTorch would make a torch.{d.name} tensor. Values print with float32 precision."
            )
    elif d.kind in 'iu':
        engine = 'int64'
        if d.name != 'int64':
            E.hint(
                f"torch.from_numpy: this {d.name} array became an int64 tensor (Backprop Lens' integer "
                f"tensors are int64); PyTorch would make a torch.{d.name} tensor."
            )
    else:
        engine = 'bool'
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
