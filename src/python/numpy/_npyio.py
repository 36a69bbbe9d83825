"""NumPy's binary files as numpy 1.24 writes them: np.save/np.load (.npy: magic, version 1.0, a header dict
padded to 64 bytes, little-endian data in C order), np.savez/np.savez_compressed and the NpzFile np.load
returns for them; ndarray.tobytes and np.frombuffer share the byte conversion. Learners keep a prepared
dataset this way between runs; real numpy reads our files and we read its files. Object arrays (pickles)
are refused by name."""

import ast
import os
import struct
import zipfile

from . import _dtypes as D
from . import _layout as L
from ._errors import unsupported

_MAGIC = b'\x93NUMPY'
_ALIGN = 64
# numpy leaves room in the header for the first axis to grow to this many digits (np.lib.format).
_GROWTH_AXIS_MAX_DIGITS = 21
# struct codes by dtype name (little-endian, standard sizes).
_CODES = {
    'bool': '?',
    'int8': 'b',
    'uint8': 'B',
    'int16': 'h',
    'uint16': 'H',
    'int32': 'i',
    'uint32': 'I',
    'int64': 'q',
    'uint64': 'Q',
    'float16': 'e',
    'float32': 'f',
    'float64': 'd',
}


def _code(dt, what):
    code = _CODES.get(dt.name)
    if code is None:
        raise unsupported(f'{what} of an array of dtype {dt.name}')
    return code


def to_bytes(a):
    """The array's values in C order as little-endian bytes (ndarray.tobytes())."""
    values = a._values()
    return struct.pack(f'<{len(values)}{_code(a._dtype, "tobytes")}', *values)


def frombuffer(data, dtype=float, count=-1, offset=0, *, like=None):
    """np.frombuffer: a 1-D array of `dtype` read from `data` (bytes-like) at `offset` (a copy: ours do not
    share memory with the buffer)."""
    from ._ndarray import ndarray

    dt = D.as_dtype(dtype)
    code = _code(dt, 'np.frombuffer')
    size = struct.calcsize(code)
    data = bytes(data)[offset:]
    if count < 0:
        if len(data) % size:
            raise ValueError('buffer size must be a multiple of element size')
        count = len(data) // size
    elif count * size > len(data):
        raise ValueError('buffer is smaller than requested size')
    values = list(struct.unpack(f'<{count}{code}', data[: count * size]))
    return ndarray._make(values, (count,), dt)


def _header(a, fortran):
    fields = {'descr': a._dtype.str, 'fortran_order': fortran, 'shape': a._shape}
    text = '{' + ''.join(f"'{key}': {fields[key]!r}, " for key in sorted(fields)) + '}'
    if a._shape:
        text += ' ' * (_GROWTH_AXIS_MAX_DIGITS - len(repr(a._shape[-1 if fortran else 0])))
    length = len(text) + 1  # the closing newline
    length += _ALIGN - (len(_MAGIC) + 2 + 2 + length) % _ALIGN
    return _MAGIC + b'\x01\x00' + struct.pack('<H', length) + text.encode('latin1').ljust(length - 1) + b'\n'


def _npy_bytes(arr):
    from ._creation import asarray

    a = asarray(arr)
    if a._dtype.kind == 'O':
        raise unsupported('np.save of an object array (pickled)')
    if a._dtype.kind == 'U':
        raise unsupported('np.save of a string array', 'save the numbers, or write the strings as text')
    # numpy writes a Fortran-ordered array (a transpose, asfortranarray) as it lies in memory, and says so
    fortran = a.ndim > 1 and not a._contiguous() and a.T._contiguous()
    return _header(a, fortran) + to_bytes(a.T if fortran else a)


def save(file, arr, allow_pickle=True, fix_imports=True):
    """np.save: `file` a path (".npy" added when missing) or a binary file object."""
    if hasattr(file, 'write'):
        file.write(_npy_bytes(arr))
        return
    path = os.fspath(file)
    if not path.endswith('.npy'):
        path += '.npy'
    with open(path, 'wb') as out:
        out.write(_npy_bytes(arr))


def _read_npy(data):
    from ._ndarray import ndarray

    major = data[6]
    if major == 1:
        length, start = struct.unpack('<H', data[8:10])[0], 10
    elif major in (2, 3):
        length, start = struct.unpack('<I', data[8:12])[0], 12
    else:
        raise ValueError(f'we only support format version (1,0), (2,0), and (3,0), not ({major}, {data[7]})')
    header = ast.literal_eval(data[start : start + length].decode('latin1'))
    descr, shape = header['descr'], tuple(header['shape'])
    if not isinstance(descr, str) or descr[0] == '>' or descr.lstrip('<|=') not in D._BY_NAME:
        raise unsupported(f'np.load of a .npy file of dtype {descr!r}')
    dt = D.as_dtype(descr.lstrip('<|='))
    count = L.prod(shape)
    code = _code(dt, 'np.load')
    body = data[start + length :]
    values = list(struct.unpack(f'<{count}{code}', body[: count * struct.calcsize(code)]))
    if header.get('fortran_order'):
        reversed_shape = tuple(reversed(shape))
        flat = ndarray._make(values, reversed_shape, dt)
        return flat.transpose().copy()
    return ndarray._make(values, shape, dt)


class NpzFile:
    """What np.load gives for a .npz archive: arrays by name (read when asked for), `files`, a context
    manager; `with np.load('data.npz') as data: X = data['X']`."""

    def __init__(self, archive):
        self.zip = archive
        self._names = archive.namelist()
        self.files = [n[:-4] if n.endswith('.npy') else n for n in self._names]

    def __getitem__(self, key):
        name = key + '.npy' if key + '.npy' in self._names else key
        if name not in self._names:
            raise KeyError(f'{key} is not a file in the archive')
        return _read_npy(self.zip.read(name))

    def __contains__(self, key):
        return key in self.files

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def keys(self):
        return list(self.files)

    def values(self):
        return [self[k] for k in self.files]

    def items(self):
        return [(k, self[k]) for k in self.files]

    def get(self, key, default=None):
        return self[key] if key in self.files else default

    def close(self):
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f'<numpy.lib.npyio.NpzFile object at {hex(id(self))}>'


NpzFile.__module__ = 'numpy.lib.npyio'


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding='ASCII', max_header_size=10000):
    """np.load of a .npy file (an array) or a .npz archive (an NpzFile), from a path or a file object."""
    if hasattr(file, 'read'):
        data = file.read()
    else:
        with open(os.fspath(file), 'rb') as fh:
            data = fh.read()
    if data.startswith(b'PK\x03\x04') or data.startswith(b'PK\x05\x06'):
        import io

        return NpzFile(zipfile.ZipFile(io.BytesIO(data)))
    if data.startswith(_MAGIC):
        return _read_npy(data)
    raise unsupported('np.load of a pickled file (allow_pickle)')


def _savez(file, args, kwds, compress):
    arrays = {f'arr_{i}': a for i, a in enumerate(args)}
    for name, a in kwds.items():
        if name in arrays:
            raise ValueError(f'Cannot use un-named variables and keyword {name}')
        arrays[name] = a
    if not hasattr(file, 'write'):
        file = os.fspath(file)
        if not file.endswith('.npz'):
            file += '.npz'
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(file, mode='w', compression=method, allowZip64=True) as archive:
        for name, a in arrays.items():
            archive.writestr(name + '.npy', _npy_bytes(a))


def savez(file, *args, **kwds):
    _savez(file, args, kwds, False)


def savez_compressed(file, *args, **kwds):
    _savez(file, args, kwds, True)
