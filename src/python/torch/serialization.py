"""torch.save's file format: PyTorch's zip archive, written so that real PyTorch (1.13 and later) loads it.

The archive holds `<name>/data.pkl` (the object pickled with protocol 2; each tensor is pickled as a call of
`torch._utils._rebuild_tensor_v2` whose storage is a persistent id `('storage', torch.FloatStorage, key,
'cpu', numel)`), `<name>/data/<key>` (each storage's raw little-endian bytes) and `<name>/version` ("3").
Entries are stored uncompressed and aligned to 64 bytes, as PyTorch's own writer does.

One writer for every caller: a learner's `torch.save(...)` and the panel's "Export state_dict" both use
`save()`. Globals such as `torch.FloatStorage` are written by name (the GLOBAL opcode), so they need not
exist in this runtime's torch package.
"""

from collections import OrderedDict
import io
import pickle
import struct
import zipfile

from ._tensor import Tensor

PROTOCOL = 2
# PyTorch's writer pads every record's data to this alignment (readers that mmap the file rely on it).
_ALIGNMENT = 64
_STORAGES = {
    'float32': ('FloatStorage', 'f', 4),
    'float64': ('DoubleStorage', 'd', 8),
    'float16': ('HalfStorage', 'e', 2),
    'int64': ('LongStorage', 'q', 8),
    'int32': ('IntStorage', 'i', 4),
    'int16': ('ShortStorage', 'h', 2),
    'int8': ('CharStorage', 'b', 1),
    'uint8': ('ByteStorage', 'B', 1),
    'bool': ('BoolStorage', '?', 1),
}


class _Global:
    """A module-level name written as pickle's GLOBAL opcode (module, qualified name)."""

    def __init__(self, module, name):
        self.module = module
        self.name = name

    def __call__(self, *args):  # pickle's save_reduce insists on a callable
        raise TypeError(f'{self.module}.{self.name} is only a name in a pickle')


class _Storage:
    """A tensor's values as PyTorch keeps them: a flat, typed, little-endian buffer with a key in the archive."""

    def __init__(self, key, type_name, data, numel):
        self.key = key
        self.type_name = type_name
        self.data = data
        self.numel = numel


def _dtype_name(tensor):
    return str(tensor.dtype).replace('torch.', '')


def _contiguous_strides(shape):
    strides = []
    step = 1
    for size in reversed(shape):
        strides.append(step)
        step *= max(size, 1)
    return tuple(reversed(strides))


class _Pickler(pickle._Pickler):
    """Python's pickler with our tensors pickled as PyTorch pickles its own."""

    def __init__(self, file):
        super().__init__(file, protocol=PROTOCOL)
        self.storages = []
        # One reduction per tensor, so pickle's memo writes a tensor met twice once and it loads as one object:
        # a module holds each Parameter both in _parameters and in its __dict__.
        self._reductions = {}

    def save(self, obj, save_persistent_id=True):
        if isinstance(obj, _Global):
            self.write(pickle.GLOBAL + obj.module.encode() + b'\n' + obj.name.encode() + b'\n')
            return
        if isinstance(obj, Tensor):
            reduction = self._reductions.get(id(obj))
            if reduction is None:
                reduction = self._reductions[id(obj)] = (self._reduce_tensor(obj), obj)
            return super().save(reduction[0], save_persistent_id)
        kind = type(obj)
        if kind.__module__.startswith('torch') and kind is not OrderedDict:
            # Our own containers (state_dict's OrderedDict, torch.Size) as the plain types PyTorch's are read as.
            if isinstance(obj, OrderedDict):
                plain = OrderedDict(obj)
                metadata = getattr(obj, '_metadata', None)
                if metadata is not None:
                    plain._metadata = OrderedDict(metadata)  # pickled with it, as PyTorch's state_dict is
                return super().save(plain, save_persistent_id)
            if isinstance(obj, tuple):
                return super().save(tuple(obj), save_persistent_id)
        return super().save(obj, save_persistent_id)

    def persistent_id(self, obj):
        if isinstance(obj, _Storage):
            return ('storage', _Global('torch', obj.type_name), obj.key, 'cpu', obj.numel)
        return None

    def _reduce_tensor(self, tensor):
        name = _dtype_name(tensor)
        if name not in _STORAGES:
            raise NotImplementedError(
                f'torch.save of a {name} tensor: float32, float64, integer and bool tensors are supported'
            )
        type_name, code, _ = _STORAGES[name]
        detached = tensor.detach()
        shape = tuple(detached.shape)
        values = detached.reshape(-1).tolist()
        storage = _Storage(
            str(len(self.storages)), type_name, struct.pack(f'<{len(values)}{code}', *values), len(values)
        )
        self.storages.append(storage)
        args = (storage, 0, shape, _contiguous_strides(shape), False, OrderedDict())
        rebuilt = _Reduction(_Global('torch._utils', '_rebuild_tensor_v2'), args)
        if type(tensor).__name__ == 'Parameter':
            return _Reduction(
                _Global('torch._utils', '_rebuild_parameter'), (rebuilt, tensor.requires_grad, OrderedDict())
            )
        if tensor.requires_grad:
            # PyTorch saves requires_grad of any tensor (a non-leaf, such as a checkpoint's loss, loads as a
            # leaf that requires grad); _rebuild_tensor_v2's flag does it.
            return _Reduction(rebuilt.func, args[:4] + (True, OrderedDict()))
        return rebuilt


class _Reduction:
    """`func(*args)` as pickle's REDUCE: saved through __reduce__ so the pickler writes func, args, REDUCE."""

    def __init__(self, func, args):
        self.func = func
        self.args = args

    def __reduce__(self):
        return (self.func, self.args)


def _pickle(obj):
    buffer = io.BytesIO()
    pickler = _Pickler(buffer)
    pickler.dump(obj)
    return buffer.getvalue(), pickler.storages


def _write_record(archive, name, data):
    """An uncompressed entry whose data starts at a multiple of _ALIGNMENT (padding in the extra field)."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    header = 30 + len(name.encode())
    offset = archive.fp.tell() + header + 4  # 4: the extra field's own id and size
    padding = (-offset) % _ALIGNMENT
    info.extra = struct.pack('<HH', 0x4246, padding) + b'Z' * padding  # 'FB': PyTorch's padding tag
    archive.writestr(info, data)


def to_bytes(obj, name='archive'):
    """The bytes of torch.save(obj) as PyTorch 1.13 writes them (the zip format)."""
    data, storages = _pickle(obj)
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as archive:
        _write_record(archive, f'{name}/data.pkl', data)
        for storage in storages:
            _write_record(archive, f'{name}/data/{storage.key}', storage.data)
        _write_record(archive, f'{name}/version', b'3\n')
    return out.getvalue()


def save(obj, f, pickle_module=None, pickle_protocol=PROTOCOL, _use_new_zipfile_serialization=True):
    """torch.save: `f` is a path (str or os.PathLike) or a binary file object."""
    if not _use_new_zipfile_serialization:
        raise NotImplementedError('torch.save(_use_new_zipfile_serialization=False): only the zip format is supported')
    if hasattr(f, 'write'):
        f.write(to_bytes(obj))
        return
    with open(f, 'wb') as out:
        out.write(to_bytes(obj, 'archive'))


def tensor_reduction(tensor):
    """What `pickle` (and `copy.copy`) call for a tensor: rebuilt from torch.save's bytes of it, so dtype, shape
    and requires_grad travel as they do through torch.save. PyTorch pickles its storage the same way (through
    torch.save's bytes); the bytes differ from its legacy format, so a pickle is read back by this runtime."""
    return (_tensor_from_bytes, (to_bytes(tensor),))


def _tensor_from_bytes(data):
    from ._load import load

    return load(io.BytesIO(data))
