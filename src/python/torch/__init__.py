"""Backprop Lens' `torch`: PyTorch's Python API over a TypeScript autograd engine (CPU; float32, float64,
integer and bool tensors).

Learners' scripts import it unchanged. Numerics happen in the engine (module `_bl_engine`, registered by
the shim); this package keeps PyTorch's names, argument conventions, printing and errors. Anything not
implemented raises NotImplementedError naming the feature (see `_unsupported`)."""

from builtins import int as _builtin_int
from ._engine import E as _E

from . import _errors  # noqa: F401  (installs the JS -> Python exception translation first)
from ._dtype import dtype, float32, int64, float64, float16, bfloat16, int32, int16, int8, uint8, complex64
from ._dtype import bool  # noqa: A004  (torch.bool shadows the builtin inside this module only)
from . import _dtype as _dtype_module
from ._size import Size
from ._memory_format import memory_format, contiguous_format, channels_last, channels_last_3d, preserve_format
from ._tensor import Tensor, CPU as _CPU
from ._grad_mode import no_grad, enable_grad, set_grad_enabled, inference_mode, is_grad_enabled
from ._grad_mode import is_inference_mode_enabled
from ._creation import (
    tensor,
    as_tensor,
    zeros,
    ones,
    empty,
    full,
    zeros_like,
    ones_like,
    empty_like,
    full_like,
    rand_like,
    randn_like,
    randint_like,
    arange,
    deprecated_range as range,  # noqa: A004  (torch.range shadows the builtin inside this module only)
    linspace,
    logspace,
    eye,
    rand,
    randn,
    randint,
    randperm,
    normal,
    bernoulli,
    multinomial,
    from_numpy,
)
from ._functions import *  # noqa: F401,F403
from ._functions import max, min, add, cat, stack, where  # noqa: F401
from ._tensor_aliases import FUNCTIONS as _ALIAS_FUNCTIONS
from ._torch_extras import NAMES as _EXTRA_NAMES
from ._functions_extra import NAMES as _POINTWISE_NAMES
from ._binning import NAMES as _BINNING_NAMES
from ._layout import NAMES as _LAYOUT_NAMES
from ._linalg_classic import NAMES as _LINALG_NAMES, METHODS as _LINALG_METHODS
from ._gamma_functions import NAMES as _GAMMA_NAMES, METHODS as _GAMMA_METHODS
from ._vander import NAMES as _VANDER_NAMES

globals().update(
    {
        k: v
        for k, v in {
            **_ALIAS_FUNCTIONS,
            **_EXTRA_NAMES,
            **_BINNING_NAMES,
            **_LAYOUT_NAMES,
            **_LINALG_NAMES,
            **_GAMMA_NAMES,
            **_POINTWISE_NAMES,
            **_VANDER_NAMES,
        }.items()
        if k not in globals()
    }
)
for _name, _method in {**_LINALG_METHODS, **_GAMMA_METHODS}.items():
    setattr(Tensor, _name, _method)
from ._anomaly_mode import is_anomaly_enabled, is_anomaly_check_nan_enabled, set_anomaly_enabled  # noqa: F401
from ._random import Generator, default_generator, manual_seed, seed, initial_seed, get_rng_state, set_rng_state
from . import return_types, cuda, backends, autograd, nn, optim, utils, linalg, distributions, jit  # noqa: F401
from . import storage  # noqa: F401,E402  (torch.storage.TypedStorage, what Tensor.storage() returns)
from ._unsupported import module_getattr as _module_getattr, unsupported as _unsupported

__version__ = '1.13.1'

float = float32
double = float64
half = float16
long = int64
int = int32
short = int16
cfloat = complex64


class _LegacyTensorType(type):
    """The metaclass of torch.FloatTensor & co.: calling one builds a tensor of its dtype (torch.LongTensor([1, 2])
    copies data, torch.FloatTensor(2, 3) is zeros), and isinstance(x, torch.FloatTensor) asks for a float32
    tensor, as PyTorch's legacy CPU tensor types do."""

    def __call__(cls, *args):
        if args and not isinstance(args[0], (_builtin_int, Size)):
            return tensor(args[0], dtype=cls.dtype)
        return zeros(*args, dtype=cls.dtype)

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and obj.dtype is cls.dtype


def _legacy_type(name, dt):
    return _LegacyTensorType(name, (), {'dtype': dt, '__module__': 'torch', '__qualname__': name})


FloatTensor = _legacy_type('FloatTensor', float32)
LongTensor = _legacy_type('LongTensor', int64)
BoolTensor = _legacy_type('BoolTensor', bool)
DoubleTensor = _legacy_type('DoubleTensor', float64)
IntTensor = _legacy_type('IntTensor', int32)
ShortTensor = _legacy_type('ShortTensor', int16)
CharTensor = _legacy_type('CharTensor', int8)
ByteTensor = _legacy_type('ByteTensor', uint8)
HalfTensor = _legacy_type('HalfTensor', float16)
BFloat16Tensor = _legacy_type('BFloat16Tensor', bfloat16)


strided = 'torch.strided'


from ._tensor_base import _Device as device  # noqa: E402  (torch.device, the class of every device)


def get_default_dtype():
    return float64 if _dtype_module.default_float() == 'float64' else float32


def set_default_dtype(d):
    if d is not float32 and d is not float64:
        if not getattr(d, 'is_floating_point', False):
            raise TypeError('only floating-point types are supported as the default type')
        raise _unsupported(f"torch.set_default_dtype({d!r})", "float32 or float64")
    _dtype_module.set_default_float(d._engine)
    _E.set_default_dtype(d._engine)


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    _E.set_printoptions(precision, threshold, edgeitems, linewidth, profile, sci_mode)


def use_deterministic_algorithms(mode, warn_only=False):
    pass


def are_deterministic_algorithms_enabled():
    return True


def set_num_threads(n):
    pass


def get_num_threads():
    return 1


def compile(model=None, **kwargs):
    raise _unsupported('torch.compile')


def save(obj, f, *args, **kwargs):
    from .serialization import save as _save  # PyTorch's zip format (real PyTorch loads it)

    return _save(obj, f, *args, **kwargs)


def load(f, *args, **kwargs):
    from ._load import load as _load  # the zip format torch.save writes

    return _load(f, *args, **kwargs)


# torch.conv2d(x, w), torch.prelu(x, a), ...: PyTorch's torch-level forms of these torch.nn.functional ops take
# the same arguments.
def _functional(name):
    def fn(*args, **kwargs):
        return getattr(nn.functional, name)(*args, **kwargs)

    fn.__name__ = fn.__qualname__ = name
    return fn


for _name in (
    'channel_shuffle',
    'conv1d',
    'conv2d',
    'conv3d',
    'conv_transpose1d',
    'conv_transpose2d',
    'conv_transpose3d',
    'prelu',
    'rrelu',
    'threshold',
):
    globals()[_name] = _functional(_name)

# ATen's own form, every argument required and the reduction as a number (0 none, 1 mean, 2 sum).
from .nn._likelihood_losses import aten_poisson_nll_loss as poisson_nll_loss  # noqa: E402

__getattr__ = _module_getattr('torch')

from ._class_paths import apply as _apply_class_paths  # noqa: E402

_apply_class_paths()

from ._module_aliases import apply as _apply_module_aliases  # noqa: E402

from ._amp import register as _register_amp  # noqa: E402

import sys as _sys  # noqa: E402

_register_amp(_sys.modules[__name__])
_apply_module_aliases()

try:  # PyTorch imports numpy when it is installed; ours (src/python/numpy) is then in the start-up snapshot too
    import numpy as _numpy  # noqa: F401
except ImportError:
    pass
