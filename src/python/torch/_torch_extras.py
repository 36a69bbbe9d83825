"""Small torch-level names learners' files touch that need no engine: torch.finfo/iinfo (the limits of each
dtype, as PyTorch 1.13 reports them), build flags (no CUDA, MKL, ...), thread and precision settings that
have nothing to set here, and torch.pi/e/inf/nan. torch/__init__.py adds NAMES to the torch module."""

import math

from . import _dtype as D

# dtype -> (bits, eps, max, smallest normal, resolution): IEEE 754 binary16/32/64 and bfloat16.
_FLOAT_LIMITS = {
    'float16': (16, 2.0**-10, 65504.0, 2.0**-14, 0.001),
    'bfloat16': (16, 2.0**-7, 3.3895313892515355e38, 2.0**-126, 0.01),
    'float32': (32, 2.0**-23, 3.4028234663852886e38, 2.0**-126, 1e-06),
    'float64': (64, 2.0**-52, 1.7976931348623157e308, 2.0**-1022, 1e-15),
}
_INT_BITS = {'uint8': 8, 'int8': 8, 'int16': 16, 'int32': 32, 'int64': 64}


class finfo:
    """torch.finfo(dtype): bits, eps, max, min, tiny (= smallest_normal), resolution and the dtype's name."""

    def __init__(self, type=None):
        if type is None:
            type = D.float64 if D.default_float() == 'float64' else D.float32
        if type._name not in _FLOAT_LIMITS:
            raise TypeError(
                "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'"
            )
        self.bits, self.eps, self.max, self.smallest_normal, self.resolution = _FLOAT_LIMITS[type._name]
        self.min = -self.max
        self.tiny = self.smallest_normal
        self.dtype = type._name

    def __repr__(self):
        return (
            f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, eps={self.eps:g}, "
            f"smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, dtype={self.dtype})"
        )


class iinfo:
    """torch.iinfo(dtype): bits, max, min and the dtype's name of an integer dtype."""

    def __init__(self, type):
        if type is D.bool:
            raise TypeError('torch.bool is not supported by torch.iinfo')
        if type._name not in _INT_BITS:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        self.bits = _INT_BITS[type._name]
        signed = type._name != 'uint8'
        self.max = 2 ** (self.bits - 1) - 1 if signed else 2**self.bits - 1
        self.min = -(2 ** (self.bits - 1)) if signed else 0
        self.dtype = type._name

    def __repr__(self):
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"


_matmul_precision = ['highest']


def get_float32_matmul_precision():
    return _matmul_precision[0]


def set_float32_matmul_precision(precision):
    # The engine's float32 matrix products are always computed at full precision ('highest').
    if precision not in ('highest', 'high', 'medium'):
        import warnings

        warnings.warn(
            f"{precision} is not one of 'highest', 'high', or 'medium'; the current setFloat32MatmulPrecision "
            'call has no effect.'
        )
        return
    _matmul_precision[0] = precision


def set_default_tensor_type(t):
    """torch.set_default_tensor_type(torch.DoubleTensor or 'torch.FloatTensor'): sets the default dtype."""
    import torch

    module = 'torch.cuda.' if getattr(t, '__module__', None) == 'torch.cuda' else 'torch.'
    name = (
        t if isinstance(t, str) else module + (getattr(t, '__name__', '') if t is not torch.Tensor else 'FloatTensor')
    )
    if name.startswith('torch.cuda.'):
        raise TypeError(f'type {name} not available. Torch not compiled with CUDA enabled.')
    dtypes = {'torch.FloatTensor': torch.float32, 'torch.DoubleTensor': torch.float64}
    if name not in dtypes:
        raise TypeError('only floating-point types are supported as the default type')
    torch.set_default_dtype(dtypes[name])


def is_storage(obj):
    from .storage import TypedStorage

    return isinstance(obj, TypedStorage)


def promote_types(type1, type2):
    """The dtype PyTorch's promotion table gives two dtypes (torch.promote_types(torch.int32, torch.float32))."""
    from ._engine import E

    return D.from_engine(E.promote_types(D.to_engine(type1), D.to_engine(type2)))


def _constant(value):
    return lambda *args, **kwargs: value


NAMES = {
    'finfo': finfo,
    'iinfo': iinfo,
    'get_float32_matmul_precision': get_float32_matmul_precision,
    'set_float32_matmul_precision': set_float32_matmul_precision,
    'is_storage': is_storage,
    'promote_types': promote_types,
    'set_default_tensor_type': set_default_tensor_type,
    'get_num_interop_threads': _constant(1),
    'set_num_interop_threads': _constant(None),
    'pi': math.pi,
    'e': math.e,
    'inf': math.inf,
    'nan': math.nan,
}
# Build flags: this torch has no CUDA, cuDNN, MPS or MKL; the CPU paths it has are its own.
NAMES.update(dict.fromkeys(('has_cuda', 'has_cudnn', 'has_mps', 'has_mkl', 'has_mkldnn', 'has_lapack'), False))
NAMES.update(dict.fromkeys(('has_openmp', 'has_spectral'), False))
