"""Backprop Lens' numpy: the part of NumPy 1.24 that learners' files use, in pure Python, with numpy's
semantics and printing (float64 by default, value-based type promotion, pairwise sums, Dragon4 digits,
the legacy np.random functions bit for bit). Anything else raises NotImplementedError naming it.
See README 'Supported NumPy'."""

import builtins as _builtins
import math as _pymath

from . import _dtypes
from ._dtypes import dtype, promote_types, can_cast
from ._errors import (
    AxisError,
    UFuncTypeError,
    seterr,
    geterr,
    errstate,
    module_getattr as _module_getattr,
    unsupported as _unsupported,
)
from ._scalars import (
    generic,
    number,
    integer,
    signedinteger,
    unsignedinteger,
    inexact,
    floating,
    float64,
    float32,
    float16,
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
    bool_,
    True_,
    False_,
)
from ._ndarray import ndarray
from ._creation import (
    array,
    asarray,
    asanyarray,
    ascontiguousarray,
    zeros,
    ones,
    empty,
    full,
    zeros_like,
    ones_like,
    empty_like,
    full_like,
    broadcast_to,
    arange,
    linspace,
    logspace,
    eye,
    identity,
    diag,
    diagflat,
    tril,
    triu,
    meshgrid,
)
from ._math import (
    ufunc,
    where,
    clip,
    around,
    isclose,
    allclose,
    array_equal,
    nan_to_num,
    float_power,
    UFUNCS as _UFUNCS,
)
from ._reductions import (
    sum,
    mean,
    std,
    var,
    prod,
    amax,
    amin,
    ptp,
    argmax,
    argmin,
    any,
    all,
    cumsum,
    cumprod,
    median,
    average,
)
from ._sorting import sort, argsort, unique, bincount, searchsorted, nonzero, flatnonzero, argwhere, count_nonzero
from ._textio import loadtxt, genfromtxt, savetxt
from ._npyio import save, load, savez, savez_compressed, frombuffer
from ._convolve import convolve, correlate


class str_(str):
    """numpy.str_: np.str_('a') (a string array's elements are plain Python strings here)."""


str_.__module__ = 'numpy'
from ._cross_memory import cross, shares_memory, may_share_memory
from ._linalg import dot, matmul, vdot, inner, outer, trace, transpose
from ._indexing import take
from ._shape import (
    concatenate,
    stack,
    hstack,
    vstack,
    row_stack,
    dstack,
    column_stack,
    atleast_1d,
    atleast_2d,
    atleast_3d,
    expand_dims,
    squeeze,
    moveaxis,
    split,
    array_split,
    repeat,
    tile,
    flip,
    fliplr,
    flipud,
    roll,
    append,
    r_,
    c_,
)
from ._printing import (
    set_printoptions,
    get_printoptions,
    printoptions,
    array2string,
    array_repr,
    array_str,
    format_float_positional,
    format_float_scientific,
)
from ._info import finfo, iinfo, isscalar, issubdtype, result_type, min_scalar_type, shape, ndim, size
from ._extras import (
    diff,
    nansum,
    nanmean,
    nanmax,
    nanmin,
    nanargmax,
    nanargmin,
    quantile,
    percentile,
    interp,
    apply_along_axis,
    unravel_index,
    histogram,
)
from ._nditer import nditer, ndindex, ndenumerate
from ._pad import pad
from ._statistics import cov, corrcoef, isin, in1d
from ._windows import hanning, hamming, bartlett, blackman, kaiser, i0
from . import _methods  # noqa: F401  (ndarray's operators and methods)
from . import linalg, random

__version__ = '1.24.2'

globals().update({name: f for name, f in _UFUNCS.items()})

max = amax
min = amin
round = around
round_ = around

# numpy's _wrapfunc functions: a torch tensor in gives a tensor out (through Tensor.__array_wrap__).
from ._wrap import wrapfunc as _wrapfunc  # noqa: E402

argmax, argmin, clip, around, round, round_, cumsum, argsort, transpose, squeeze, take, repeat = (
    _wrapfunc(f)
    for f in (argmax, argmin, clip, around, round, round_, cumsum, argsort, transpose, squeeze, take, repeat)
)
abs = _UFUNCS['absolute']

float_ = double = float64
single = float32
half = float16
int_ = intp = longlong = int64
uint = uintp = ulonglong = uint64
intc = int32
uintc = uint32
short = int16
ushort = uint16
byte = int8
ubyte = uint8
bool8 = bool_

pi = _pymath.pi
e = _pymath.e
inf = Inf = Infinity = PINF = infty = _pymath.inf
NINF = -_pymath.inf
nan = NaN = NAN = _pymath.nan
euler_gamma = 0.5772156649015329
PZERO = 0.0
NZERO = -0.0
newaxis = None


@_wrapfunc
def reshape(a, newshape, order='C'):
    return asarray(a).reshape(newshape, order=order)


def ravel(a, order='C'):
    return asarray(a).ravel(order)


@_wrapfunc
def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def copy(a, order='K', subok=False):
    return array(a, copy=True)


def fill_diagonal(a, val, wrap=False):
    n = _builtins.min(a.shape)
    for i in range(n):
        a[(i,) * a.ndim] = val


_REMOVED_ALIASES = {
    'float': ('float', 'If you specifically wanted the numpy scalar type, use `np.float64` here.'),
    'int': (
        'int',
        'When replacing `np.int`, you may wish to use e.g. `np.int64` or `np.int32` to specify the '
        'precision. If you wish to review your current use, check the release note link for additional '
        'information.',
    ),
    'bool': ('bool', 'If you specifically wanted the numpy scalar type, use `np.bool_` here.'),
    'object': ('object', ''),
    'str': ('str', 'If you specifically wanted the numpy scalar type, use `np.str_` here.'),
    'complex': ('complex', 'If you specifically wanted the numpy scalar type, use `np.complex128` here.'),
}
_not_found = _module_getattr('numpy')


def __getattr__(name):
    if name in _REMOVED_ALIASES:
        builtin, extra = _REMOVED_ALIASES[name]
        raise AttributeError(
            f"module 'numpy' has no attribute '{name}'.\n`np.{name}` was a deprecated alias for the builtin "
            f"`{builtin}`. To avoid this error in existing code, use `{builtin}` by itself. Doing this will not "
            f"modify any behavior and is safe. {extra}\nThe aliases was originally deprecated in NumPy 1.20; for "
            f"more details and guidance see the original release note at:\n    "
            f"https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations"
        )
    if name in ('long', 'unicode'):
        raise AttributeError(f"module 'numpy' has no attribute '{name}'")
    return _not_found(name)


def _bl_reset():
    """Called by the runtime before each run (modules outlive runs): a fresh process's numpy state."""
    from . import _printing, _errors

    _printing.reset_printoptions()
    _errors.seterr(divide='warn', over='warn', under='ignore', invalid='warn')
    random._reseed()


for _cls in (
    ndarray,
    dtype,
    ufunc,
    finfo,
    iinfo,
    generic,
    number,
    integer,
    signedinteger,
    unsignedinteger,
    inexact,
    floating,
    AxisError,
):
    _cls.__module__ = 'numpy'
del _cls
