"""Reads the pickles CIFAR ships (dicts of numpy arrays, pickled by NumPy) without NumPy's pickle support:
arrays come back as torch tensors of their dtype and shape. Only NumPy's array and dtype classes are let in."""

import codecs
import pickle
import struct

import torch

_DTYPES = {
    'u1': (torch.uint8, 'B'),
    'i1': (torch.int8, 'b'),
    'i2': (torch.int16, 'h'),
    'i4': (torch.int32, 'i'),
    'i8': (torch.int64, 'q'),
    'f4': (torch.float32, 'f'),
    'f8': (torch.float64, 'd'),
}


class _Dtype:
    def __init__(self, name, align=False, copy=True):
        self.name = name.lstrip('<|=')
        self.order = '<'

    def __setstate__(self, state):
        if len(state) > 1 and state[1] in '<>':
            self.order = state[1]


class _Array:
    """numpy.ndarray as NumPy pickles it: _reconstruct(ndarray, (0,), b'b') then __setstate__."""

    def __setstate__(self, state):
        _, self.shape, self.dtype, self.fortran, self.raw = state

    def tensor(self):
        if self.dtype.name not in _DTYPES:
            raise NotImplementedError(f'reading a pickled numpy array of dtype {self.dtype.name} is not supported')
        dtype, code = _DTYPES[self.dtype.name]
        raw = self.raw.encode('latin1') if isinstance(self.raw, str) else bytes(self.raw)
        if code == 'B':
            values = list(raw)
        else:
            values = struct.unpack(f'{self.dtype.order}{len(raw) // struct.calcsize(code)}{code}', raw)
        t = torch.tensor(values, dtype=dtype)
        shape = tuple(self.shape)
        return (
            t.reshape(tuple(reversed(shape))).permute(*reversed(range(len(shape))))
            if self.fortran
            else t.reshape(shape)
        )


def _reconstruct(cls, shape, typecode):
    return _Array()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ('numpy.core.multiarray', 'numpy._core.multiarray') and name == '_reconstruct':
            return _reconstruct
        if module == 'numpy' and name == 'ndarray':
            return _Array
        if module == 'numpy' and name == 'dtype':
            return _Dtype
        if module == '_codecs' and name == 'encode':
            return codecs.encode  # protocol 2 written by Python 3 stores bytes as latin-1 text
        raise pickle.UnpicklingError(f'{module}.{name} is not allowed in a dataset pickle')


def _convert(obj):
    if isinstance(obj, _Array):
        return obj.tensor()
    if isinstance(obj, dict):
        return {k: _convert(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_convert(v) for v in obj]
    return obj


def load(f):
    """pickle.load(f, encoding='latin1') with NumPy arrays as tensors."""
    return _convert(_Unpickler(f, encoding='latin1').load())
