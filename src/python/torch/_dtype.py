"""torch.dtype objects. The engine has float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8 and
bool tensors; the others exist so that scripts naming them get a clear error instead of an AttributeError."""

from ._unsupported import unsupported


class dtype:
    __slots__ = ('_name', '_engine', 'is_floating_point', 'is_signed', 'itemsize')

    def __init__(self, name, engine, is_floating_point, is_signed, itemsize):
        self._name = name
        self._engine = engine
        self.is_floating_point = is_floating_point
        self.is_signed = is_signed
        self.itemsize = itemsize

    @property
    def is_complex(self):
        return False

    def __repr__(self):
        return 'torch.' + self._name

    __str__ = __repr__

    def __reduce__(self):
        return self._name


float32 = dtype('float32', 'float32', True, True, 4)
int64 = dtype('int64', 'int64', False, True, 8)
bool = dtype('bool', 'bool', False, False, 1)
float64 = dtype('float64', 'float64', True, True, 8)
float16 = dtype('float16', 'float16', True, True, 2)
bfloat16 = dtype('bfloat16', 'bfloat16', True, True, 2)
int32 = dtype('int32', 'int32', False, True, 4)
int16 = dtype('int16', 'int16', False, True, 2)
int8 = dtype('int8', 'int8', False, True, 1)
uint8 = dtype('uint8', 'uint8', False, False, 1)
complex64 = dtype('complex64', None, False, True, 8)

_BY_ENGINE = {
    'float32': float32,
    'float64': float64,
    'float16': float16,
    'bfloat16': bfloat16,
    'int64': int64,
    'int32': int32,
    'int16': int16,
    'int8': int8,
    'uint8': uint8,
    'bool': bool,
}

# The legacy tensor type names (Tensor.type(), torch.DoubleTensor, ...), by engine dtype.
TYPE_NAMES = {
    'float32': 'torch.FloatTensor',
    'float64': 'torch.DoubleTensor',
    'float16': 'torch.HalfTensor',
    'bfloat16': 'torch.BFloat16Tensor',
    'int64': 'torch.LongTensor',
    'int32': 'torch.IntTensor',
    'int16': 'torch.ShortTensor',
    'int8': 'torch.CharTensor',
    'uint8': 'torch.ByteTensor',
    'bool': 'torch.BoolTensor',
}
# ScalarType names, as PyTorch's error texts give dtypes (Float, Double, Long, ...): the legacy names' core.
SCALAR_NAMES = {name: legacy[len('torch.') : -len('Tensor')] for name, legacy in TYPE_NAMES.items()}

# torch.set_default_dtype: float32 or float64 (the engine keeps its own copy for promotion and printing).
_default = ['float32']


def default_float():
    """The engine name of the default float dtype: what float literals and factories without dtype= make."""
    return _default[0]


def set_default_float(name):
    _default[0] = name


def from_engine(name):
    return _BY_ENGINE[name]


def to_engine(dt):
    """The engine's name for `dt` (None stays None); unsupported dtypes raise NotImplementedError."""
    if dt is None:
        return None
    if isinstance(dt, dtype):
        if dt._engine is None:
            raise unsupported(
                f"dtype {dt!r}",
                "tensors are float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8 or bool",
            )
        return dt._engine
    import builtins

    if dt is builtins.float:
        return 'float64'
    if dt is builtins.int:
        return 'int64'
    if dt is builtins.bool:
        return 'bool'
    raise TypeError(f"dtype must be a torch.dtype, not {type(dt).__name__}")
