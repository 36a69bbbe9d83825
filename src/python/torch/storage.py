"""torch.storage.TypedStorage: the one-dimensional memory a tensor and its views share (`Tensor.storage()`).
Ours is the engine's buffer of the tensor's base; reads and writes go straight to it, so a write through a
storage reaches every tensor viewing it, as in PyTorch 1.13."""

import builtins

from ._engine import E

_int = builtins.int
_float = builtins.float
_bool = builtins.bool
# data_ptr(): a made-up address per storage, the same for all views of it (PyTorch's differ by run too).
_ADDRESS_BASE = 0x55D0_0000_0000
_ADDRESS_SPAN = 1 << 32


def address(root, offset, itemsize):
    return _ADDRESS_BASE + E.storage_id(root) * _ADDRESS_SPAN + offset * itemsize


class TypedStorage:
    __slots__ = ('_root', '_dtype')

    def __init__(self, root, dtype):
        self._root = root
        self._dtype = dtype

    @property
    def dtype(self):
        return self._dtype

    @property
    def device(self):
        from ._tensor_base import CPU

        return CPU

    def size(self):
        return _int(self._root.length)

    __len__ = size

    def element_size(self):
        return self._dtype.itemsize

    def nbytes(self):
        return self.size() * self.element_size()

    def data_ptr(self):
        return address(self._root, 0, self.element_size())

    def is_shared(self):
        return False

    def cpu(self):
        return self

    def _wrap_index(self, idx):
        n = self.size()
        if idx >= n or idx < -n:
            raise IndexError(f'index {idx} out of range for storage of size {n}')
        return idx % n

    def _value(self, v):
        kind = self._dtype._engine
        if kind in ('float32', 'float64', 'float16', 'bfloat16'):
            return _float(v)
        return _bool(v) if kind == 'bool' else _int(v)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            raise RuntimeError('slices are only supported in UntypedStorage.__getitem__')
        if not isinstance(idx, _int):
            raise RuntimeError(f"can't index a {type(self)} with {type(idx)}")
        return self._value(self._root[self._wrap_index(idx)])

    def __setitem__(self, idx, value):
        if isinstance(idx, slice):
            start, stop, step = idx.indices(self.size())
            targets = range(start, stop, step)
        elif isinstance(idx, _int):
            targets = (self._wrap_index(idx),)
        else:
            raise RuntimeError(f"can't index a {type(self)} with {type(idx)}")
        v = _float(value)
        for i in targets:
            E.storage_write(self._root, i, [v])

    def __iter__(self):
        return iter([self[i] for i in range(self.size())])

    def tolist(self):
        return list(self)

    def fill_(self, value):
        self[:] = value
        return self

    def __str__(self):
        info = f'[torch.storage.TypedStorage(dtype={self._dtype}, device=cpu) of size {self.size()}]'
        return ' ' + '\n '.join(str(self[i]) for i in range(self.size())) + '\n' + info

    __repr__ = __str__
