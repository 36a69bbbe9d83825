"""torch <-> numpy (Backprop Lens' numpy, src/python/numpy): Tensor.numpy(), np.array(tensor),
torch.from_numpy, torch.tensor(ndarray) and numpy scalars/arrays as operands of tensor operators.

Memory is shared as in PyTorch where the layouts allow: Tensor.numpy() of a contiguous tensor returns an
array whose buffer is the tensor's engine storage (numpy/_shared_buffer.py), and torch.from_numpy(a) of a
C-contiguous array covering its whole buffer (its own data, or all of its base's, as a reshape) makes the
tensor and then points the array's (and its base's) buffer at the tensor's storage. So an in-place change
to either (t.add_(1), t[1] = -1, np.add(n, 1, out=n), n += 1, n[0] = 10) is seen by the other.

A non-contiguous tensor (a transpose or strided slice) gives an array with its strides over the tensor's
whole storage, as PyTorch's does.

torch.from_numpy of a view (a row x[1], a column slice x[:, 1:], a transpose) moves its base's whole buffer
into one engine storage, repoints the base and all its views at it, and returns a strided view of it; the
other views of a whole array given to torch.from_numpy (a slice x[:2] made before) are repointed too.

Limits: an array with negative or zero strides and an array of a dtype the engine lacks (uint16, uint32,
...) give a copy. torch.tensor(ndarray), np.array(tensor) and
torch.as_tensor(ndarray, dtype=another dtype) copy, as in PyTorch.

Arrays keep their dtype as in PyTorch (float64 arrays make float64 tensors, int32 int32, uint8 uint8);
float16 arrays make float16 tensors; uint16/uint32/uint64 become int64, each with a hint."""

import gc
import sys
from array import array

from ._engine import E


def _np():
    import numpy

    return numpy


def is_numpy(x):
    """Whether x is one of our numpy's arrays or scalars."""
    return type(x).__module__ == 'numpy'


def _shared_array(data, shape, dtype, strides=None, off=0):
    """An ndarray over `data`, an engine storage (a JS typed array), with `strides` (in elements, C order by
    default) from `off`: reads and writes go to the storage."""
    from numpy._ndarray import ndarray
    from numpy._shared_buffer import SharedBuffer

    code = 'f' if dtype.name == 'float32' else 'B' if dtype.kind == 'b' else 'd'

    def write(offset, values):
        if len(values) == 1:
            E.storage_write(data, offset, values)
        else:
            # one copy of a packed buffer into JS: much faster than converting a list of Python numbers
            data.subarray(offset, offset + len(values)).assign(array(code, values))
            E.storage_written(data)

    return ndarray._make(SharedBuffer(data, dtype.kind, write), shape, dtype, strides, off)


def tensor_to_numpy(t):
    """Tensor.numpy(): an array sharing the tensor's memory; for a non-contiguous tensor (a transpose, a strided
    slice) an array with the tensor's strides over its whole storage, as PyTorch's."""
    if t.requires_grad:
        raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
    np = _np()
    e = t._t
    dtype = np.dtype(e.dtype)
    if not e.is_contiguous():
        strides = tuple(E.strides(e))
        return _shared_array(E.storage_of(e), tuple(t.shape), dtype, strides, E.storage_offset(e))
    return _shared_array(e.data, tuple(t.shape), dtype)


# numpy dtypes the engine stores as they are; the others are converted (with a hint).
_SAME = ('float32', 'float64', 'float16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool')


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
    """torch.from_numpy(ndarray): a tensor sharing the array's memory where the module docstring says it
    can, else a tensor with a copy of the array's values."""
    from numpy._shared_buffer import SharedBuffer

    from ._tensor_base import wrap

    np = _np()
    if not isinstance(a, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(a).__name__})")
    engine = engine_dtype(a.dtype)
    shape = list(a.shape)
    buf = a._buf
    whole = a._off == 0 and len(buf) == a.size and a._contiguous()
    if whole and engine == a.dtype.name:
        if type(buf) is SharedBuffer:  # already an engine storage (an array from Tensor.numpy())
            return wrap(E.from_storage(buf._data, shape, engine))
        base = a._base
        if base is None or base._buf is buf:
            # the array, its base when it is a whole reshape of it (np.arange(6.).reshape(2, 3)), and the
            # base's other views (x = X[:, :-1] beside X) all move to the tensor's storage
            probe = []
            shared = _share_list(buf, probe, a, [x for x in (a, base) if x is not None])
            return wrap(E.from_storage(shared._data, shape, engine))
    if not whole and engine == a.dtype.name and a.size > 0 and all(s > 0 for s in a._strides):
        # A view (a Dataset's `self.x_data[index]` row of an np.loadtxt table): the tensor is a strided view
        # of the whole buffer, so `inputs *= factor` on it writes through to the table, as in PyTorch.
        if type(buf) is not SharedBuffer:
            probe = []
            buf = _share_list(buf, probe, a, [x for x in (a, a._base) if x is not None and x._buf is buf])
        return wrap(E.from_storage_view(buf._data, shape, engine, a._off, list(a._strides)))
    flat = a.reshape(-1).tolist()
    return wrap(E.tensor(flat, shape, engine, False))


def _share_list(buf, probe, a, holders):
    """Moves `a`'s Python-list buffer `buf` into an engine storage and points every array over it at that
    storage: `holders` (the array and its base), and any other views of the base; returns the new buffer."""
    # `probe`, an empty list passed along the same path as `buf`, has the same references from the caller's
    # local, this parameter and getrefcount's argument (whatever this Python version counts of those); each
    # array over `buf` holds one more. References beyond the known holders are other views (x_data =
    # xy[:, 1:] beside xy), found through the garbage collector, which is slow (a heap scan), so only then.
    if sys.getrefcount(buf) - sys.getrefcount(probe) > len(holders):
        holders = [h for h in gc.get_referrers(buf) if isinstance(h, type(a)) and h._buf is buf]
    # A list, or numpy's packed float64 buffer (numpy/_typed.py), whose values it copies.
    root = E.tensor(buf if type(buf) is list else buf.snapshot(), [len(buf)], a.dtype.name, False)
    shared = _shared_array(root.data, (len(buf),), a.dtype)._buf
    for holder in holders:
        holder._buf = shared
    return shared


def shares_as_tensor(a, dtype):
    """Whether torch.as_tensor(a, dtype) shares an ndarray's memory (through from_numpy), as in PyTorch:
    when dtype is not given or is the array's own; another dtype copies."""
    return isinstance(a, _np().ndarray) and (dtype is None or str(dtype) == 'torch.' + a.dtype.name)


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
