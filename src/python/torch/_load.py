"""torch.load for the zip format torch.save writes (ours, torch/serialization.py, and PyTorch 1.13's own):
`<name>/data.pkl` unpickled with each storage read from `<name>/data/<key>` and each tensor rebuilt from
its storage, offset, size and stride. State dicts, tensors, lists and dicts of them load, and whole models
(torch.save(model)) whose classes are nn modules we have or the learner's own; other torch classes (a pickled
optimizer object) are refused by name."""

import pickle
import struct
import zipfile

# PyTorch's storage class names: (struct code, bytes per value, our dtype name).
_STORAGE_TYPES = {
    'FloatStorage': ('f', 4, 'float32'),
    'DoubleStorage': ('d', 8, 'float64'),
    'HalfStorage': ('e', 2, 'float16'),
    'LongStorage': ('q', 8, 'int64'),
    'IntStorage': ('i', 4, 'int32'),
    'ShortStorage': ('h', 2, 'int16'),
    'CharStorage': ('b', 1, 'int8'),
    'ByteStorage': ('B', 1, 'uint8'),
    'BoolStorage': ('?', 1, 'bool'),
}


class _StorageType(str):
    """torch.FloatStorage & co. as they appear in a pickle: only their name matters here."""


class _LoadedStorage:
    def __init__(self, values, dtype_name):
        self.values = values
        self.dtype_name = dtype_name


def _rebuild_tensor_v2(storage, offset, size, stride, requires_grad=False, backward_hooks=None, metadata=None):
    from ._dtype import from_engine
    from ._creation import tensor

    values = storage.values
    flat = []
    if size:
        index = [0] * len(size)
        count = 1
        for s in size:
            count *= s
        for _ in range(count):
            flat.append(values[offset + sum(i * st for i, st in zip(index, stride))])
            for d in range(len(size) - 1, -1, -1):
                index[d] += 1
                if index[d] < size[d]:
                    break
                index[d] = 0
    else:
        flat.append(values[offset])
    t = tensor(flat, dtype=from_engine(storage.dtype_name)).reshape(tuple(size))
    return t.requires_grad_(True) if requires_grad else t


def _rebuild_parameter(data, requires_grad, backward_hooks=None):
    from .nn.parameter import Parameter

    return Parameter(data, requires_grad)


def _torch_class(module, name):
    """A class of a whole pickled model (torch.save(model)): a module, layer or optimizer class at the path
    PyTorch gives it, which ours keep. One we lack is refused by name."""
    import importlib

    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, NotImplementedError):
        found = None
    from .nn.modules.module import Module
    from .nn.parameter import Parameter

    if isinstance(found, type) and issubclass(found, (Module, Parameter)):
        return found
    from ._unsupported import unsupported

    raise unsupported(
        f'torch.load of a pickled {module}.{name}',
        'save and load state_dict()s: torch.save(model.state_dict(), f), then model.load_state_dict(torch.load(f))',
    )


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, archive, prefix):
        super().__init__(file)
        self._archive = archive
        self._prefix = prefix

    def find_class(self, module, name):
        if module == 'torch._utils' and name in ('_rebuild_tensor_v2', '_rebuild_parameter'):
            return _rebuild_tensor_v2 if name == '_rebuild_tensor_v2' else _rebuild_parameter
        if module == 'torch' and name in _STORAGE_TYPES:
            return _StorageType(name)
        if module == 'collections' and name == 'OrderedDict':
            # Read back as state_dict()'s OrderedDict, which prints as on the Pythons PyTorch 1.13 ran on
            # (`OrderedDict([(key, value), ...])`): print(torch.load(path)) shows what it did there.
            from .nn.modules._state_dict import _StateDict

            return _StateDict
        if (module, name) in (('torch.jit._script', '_rebuild'), ('torch.jit', 'ScriptFunction')):
            from . import jit

            return jit._script._rebuild if name == '_rebuild' else jit.ScriptFunction  # torch.jit.save's
        if module.split('.')[0] == 'torch':
            return _torch_class(module, name)
        return super().find_class(module, name)

    def persistent_load(self, pid):
        kind, storage_type, key, _location, numel = pid
        if kind != 'storage' or str(storage_type) not in _STORAGE_TYPES:
            raise pickle.UnpicklingError(f'unsupported persistent id {pid!r}')
        code, width, dtype_name = _STORAGE_TYPES[str(storage_type)]
        data = self._archive.read(f'{self._prefix}/data/{key}')
        return _LoadedStorage(struct.unpack(f'<{len(data) // width}{code}', data), dtype_name)


def load(f, map_location=None, pickle_module=None, *, weights_only=False, **pickle_load_args):
    """torch.load: `f` is a path (str or os.PathLike) or a binary file object holding torch.save's zip."""
    if not hasattr(f, 'read'):
        with open(f, 'rb') as opened:
            return load(opened, map_location)
    if not zipfile.is_zipfile(f):
        raise RuntimeError(
            'torch.load: only the zip format of torch.save (PyTorch 1.6 and later) can be read; '
            'this file is in the legacy format'
        )
    with zipfile.ZipFile(f) as archive:
        names = archive.namelist()
        pkl = next((n for n in names if n.endswith('/data.pkl')), None)
        if pkl is None:
            raise RuntimeError('torch.load: the archive has no data.pkl')
        prefix = pkl[: -len('/data.pkl')]
        with archive.open(pkl) as data:
            return _Unpickler(data, archive, prefix).load()
