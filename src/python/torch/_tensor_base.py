"""What every part of torch.Tensor shares: the slot holding the engine tensor, `wrap` (engine tensor ->
Python Tensor), operand conversion, torch.tensor's data parsing, and small argument helpers.

torch.Tensor itself (torch/_tensor.py) combines TensorBase with one mixin per concern (_tensor_*.py);
`wrap` makes instances of that combined class once `bind_tensor_class` has named it."""

import builtins
from array import array as _array

from ._engine import E

from ._dtype import default_float, from_engine, to_engine
from ._unsupported import unsupported

# torch.device lives in _device.py; its names stay importable from here, where the tensor mixins look.
from ._device import _Device, CPU, parse_device, check_device  # noqa: F401

_isinstance = builtins.isinstance
_float = builtins.float
_int = builtins.int
_bool = builtins.bool
_new = object.__new__
_float_scalar = E.float_scalar


class TensorBase:
    """The state of a torch.Tensor: the engine tensor, in `_t`. The mixins only add methods."""

    # '__dict__': a PyTorch tensor takes attributes of the learner's own (fast.ai's hand backprop sets `inp.g`).
    __slots__ = ('_t', '__weakref__', '__dict__')


# torch.Tensor, bound by torch/_tensor.py once the mixins are combined.
_tensor_class = TensorBase


def bind_tensor_class(cls):
    global _tensor_class
    _tensor_class = cls


# Set by torch.autograd.graph while saved-tensor hooks are on: packs what the nodes made since saved, as soon as
# an op's result reaches Python (so pack hooks run in the order of the learner's operations).
pack_pending = [None]


def wrap(t):
    """The Python Tensor for engine tensor `t`."""
    o = _new(_tensor_class)
    o._t = t
    if pack_pending[0] is not None:
        pack_pending[0](o)
    return o


def _operand(x):
    """What the engine takes for `x`: an engine tensor or a JS number. A Python float with an integral
    value would reach JS as an integer, so it travels as a float32 scalar tensor to keep its dtype."""
    if _isinstance(x, TensorBase):
        return x._t
    if x.__class__ is _float and x.is_integer():
        return _float_scalar(x)
    if x.__class__ is _int or x.__class__ is _float or x.__class__ is _bool:
        return x
    return tensor_from_data(x)._t


def _scalar_operand(x):
    """A Python number as `_operand` passes it, or None for anything else: the binary operators take only
    tensors and numbers, and return NotImplemented otherwise, as PyTorch's do (`t + [1, 2]` is a TypeError,
    `t == None` is False)."""
    cls = x.__class__
    if cls is _float:
        return _float_scalar(x) if x.is_integer() else x
    if cls is _int or cls is _bool:
        return x
    if _isinstance(x, _float):
        return _scalar_operand(_float(x))
    if _isinstance(x, _int):
        return _bool(x) if _isinstance(x, _bool) else _int(x)
    if cls.__module__ == 'numpy':  # numpy scalars and arrays (torch/_numpy_bridge.py)
        from ._numpy_bridge import operand

        o = operand(x)
        return _scalar_operand(o) if _isinstance(o, (_float, _int)) else o
    return None


def tensor_from_data(data, dtype=None, requires_grad=False):
    """torch.tensor(data): nested lists/tuples of numbers, a scalar, or a tensor (copied)."""
    if data.__class__.__name__ == 'Series' and data.__class__.__module__.startswith('pandas'):
        # PyTorch reads a Series as a sequence of its numpy scalars: their dtype (float64, int64), its length.
        data = data.to_numpy()
    if _isinstance(data, TensorBase):
        t = E.clone(data._t) if dtype is None else E.cast(E.detach(data._t), to_engine(dtype))
        out = wrap(E.detach(t))
        if requires_grad:
            out.requires_grad_(True)
        return out
    flat = []
    shape = []
    # The kinds of the values met inside the data: Python number classes, and the dtypes of tensors and numpy
    # values (PyTorch's infer_scalar_type reads those).
    typed = set()
    _flatten_nested(data, flat, shape, 0, typed)
    if dtype is not None:
        eng_dtype = to_engine(dtype)
    elif data.__class__.__module__ == 'numpy' and hasattr(data, 'dtype'):
        # A numpy array or scalar keeps its dtype, as in PyTorch (float64 arrays make float64 tensors).
        from ._numpy_bridge import engine_dtype

        eng_dtype = engine_dtype(data.dtype)
    else:
        eng_dtype = _infer_typed(typed)
    if eng_dtype in _INT_RANGES and data.__class__.__module__ != 'numpy':
        flat = _checked_ints(flat, eng_dtype)
    elif _int in typed and flat and not -_EXACT <= min(flat) <= max(flat) <= _EXACT:
        flat = _inexact_ints_as_floats(flat)
    if (
        len(flat) > 64
        and typed <= _PLAIN_NUMBERS
        and (_int not in typed or -_EXACT <= min(flat) <= max(flat) <= _EXACT)
    ):
        flat = _array('d', flat)  # handed over through its buffer: one copy, not a conversion per value
    return wrap(E.tensor(flat, shape, eng_dtype, _bool(requires_grad)))


_NDARRAY_LIST_WARNING = (
    'Creating a tensor from a list of numpy.ndarrays is extremely slow. Please consider converting the list to a '
    'single numpy.ndarray with numpy.array() before converting to a tensor. (Triggered internally at  '
    './torch/csrc/utils/tensor_new.cpp:230.)'
)


# torch.tensor stores each Python number into an integer dtype by a checked conversion (tensor_new.cpp's
# store_scalar): out of range is a RuntimeError naming the dtype, except that an int below an unsigned range
# wraps while its magnitude fits (-1 is 255 as uint8, -256 is refused); an int beyond int64 cannot be unpacked.
_INT_RANGES = {
    'uint8': (0, 255),
    'int8': (-128, 127),
    'int16': (-32768, 32767),
    'int32': (-(2**31), 2**31 - 1),
    'int64': (-(2**63), 2**63 - 1),
}


def _checked_ints(flat, dtype):
    """`flat` as the engine takes it for integer `dtype`: PyTorch's overflow errors raised, and ints too large
    for a float64 to hold exactly passed as the nearest float (the engine keeps integers in float64 storage)."""
    if not flat:
        return flat
    lo, hi = _INT_RANGES[dtype]
    low, high = min(flat), max(flat)
    if lo <= low and high <= hi:
        if -_EXACT <= low and high <= _EXACT:
            return flat
    else:
        for v in flat:
            _check_int(v, dtype, lo, hi)
    return _inexact_ints_as_floats(flat)


def _inexact_ints_as_floats(flat):
    return [_float(v) if v.__class__ is _int and not -_EXACT <= v <= _EXACT else v for v in flat]


def _check_int(v, dtype, lo, hi):
    if v.__class__ is _bool:
        return
    if _isinstance(v, _int):
        if not -(2**63) <= v < 2**63:
            raise RuntimeError('Overflow when unpacking long')
        if lo <= v <= hi or (lo == 0 and v < 0 and -v <= hi):
            return
    elif lo <= v <= hi:  # a float: NaN and the infinities fail too
        return
    raise RuntimeError(f'value cannot be converted to type {dtype} without overflow')


_PLAIN_NUMBERS = frozenset((_bool, _int, _float))
# Integers a float64 holds exactly; larger ones keep the list path.
_EXACT = 2**53


def _flatten_nested(data, flat, shape, depth, typed=None):
    # range is a sequence to PyTorch (torch.tensor(range(100)) in MIT 6.S191 lab 1); a generator is not.
    if _isinstance(data, (list, tuple, range)):
        n = len(data)
        if len(shape) <= depth:
            if flat:  # the dims were fixed by the first number stored: a number belongs here, as in PyTorch
                raise TypeError(f'must be real number, not {type(data).__name__}')
            shape.append(n)
        elif shape[depth] != n:
            raise ValueError(f"expected sequence of length {shape[depth]} at dim {depth} (got {n})")
        if n == 0 and typed is not None:
            typed.add(None)  # an empty sequence counts as the default float type
        # A row of plain Python numbers (the innermost lists of a dataset) is taken whole: the element-by-element
        # walk below costs microseconds a value in the runtime's CPython.
        kinds = set(map(type, data)) if n and data[0].__class__ in _PLAIN_NUMBERS else None
        if kinds is not None and kinds <= _PLAIN_NUMBERS and len(shape) <= depth + 1:
            flat.extend(data)
            if typed is not None:
                typed.update(kinds)
            return
        for item in data:
            _flatten_nested(item, flat, shape, depth + 1, typed)
    elif _isinstance(data, TensorBase):
        # A tensor inside a list is one scalar, as PyTorch reads it (its dtype takes part in the inference).
        if data.numel() != 1:
            raise ValueError('only one element tensors can be converted to Python scalars')
        if len(shape) > depth:
            raise ValueError(f"expected a sequence at dim {depth}")
        flat.append(data.item())
        if typed is not None:
            typed.add(data._t.dtype)
    elif data.__class__.__module__ == 'numpy':  # numpy arrays and scalars: their values (a copy)
        if depth > 0 and not flat and data.ndim == 0 and data.__class__.__name__ == 'ndarray':
            # PyTorch sizes a list by its first elements, taking len() of each: a 0-d array there (a list of
            # loss.detach().numpy() values) has none. Later in the list it is read as a number.
            raise TypeError('len() of unsized object')
        if typed is not None and depth > 0:
            from ._numpy_bridge import engine_dtype

            typed.add(engine_dtype(data.dtype))
            if data.ndim > 0:
                from ._errors import warn_once

                warn_once(_NDARRAY_LIST_WARNING)
        _flatten_nested(data.tolist(), flat, shape, depth)
    elif _isinstance(data, (_bool, _int, _float)):
        if len(shape) > depth:
            raise TypeError('not a sequence')
        flat.append(data)
        if typed is not None:
            typed.add(data.__class__)
    else:
        raise TypeError(f"Could not infer dtype of {type(data).__name__}")


def _infer_typed(typed):
    """PyTorch's infer_scalar_type from the kinds of values met in the data (tensors' and numpy values' dtypes,
    Python number classes): all promoted together, a Python float as the default float type, an int as int64,
    an empty sequence as the default."""
    if typed <= _PLAIN_NUMBERS:  # plain Python numbers need no promotion table
        return default_float() if _float in typed or not typed else 'int64' if _int in typed else 'bool'
    result = None
    for kind in typed:
        if kind.__class__ is not str:
            kind = 'bool' if kind is _bool else default_float() if kind is None or issubclass(kind, _float) else 'int64'
        result = kind if result is None else E.promote_types(result, kind)
    return result


_check_device = check_device


def _dims(dim):
    """A dim argument for the engine: None, an int, or a list of ints."""
    if dim is None or _isinstance(dim, _int):
        return dim
    return list(dim)


def _shape_args(args):
    """view(2, 3), view((2, 3)) and view([2, 3]) all mean the shape [2, 3]."""
    if len(args) == 1 and not _isinstance(args[0], _int):
        n = _numpy_int(args[0])
        if n is not None:
            return (n,)  # torch.zeros(np.int64(3)): a numpy integer is a size
        args = tuple(args[0])
    for d in args:
        if type(d).__module__ == 'numpy':
            # view(n, -1) with n = np.int64 from a shape computation: numpy integers are sizes too.
            return tuple(v if _numpy_int(v) is None else _numpy_int(v) for v in args)
    return args


def _numpy_int(v):
    """A numpy integer scalar as a Python int; None for anything else."""
    if type(v).__module__ != 'numpy' or hasattr(v, '__len__'):
        return None
    try:
        return v.__index__()
    except (AttributeError, TypeError):
        return None


def _opt_num(v):
    if v is None:
        return None
    if _isinstance(v, TensorBase):
        return _float(v)
    return v


def _correction(unbiased, correction):
    if correction is not None:
        return correction
    return 1 if unbiased else 0


def _gen(generator):
    return None if generator is None else generator._g


def _minmax(self, which, dim, keepdim):
    """Tensor.max/min and torch.max/min: over everything, elementwise with another tensor, or along a dim."""
    if dim is None:
        return wrap(getattr(E, which + '_all')(self._t))
    if _isinstance(dim, TensorBase):
        return wrap(E.maximum(self._t, dim._t) if which == 'max' else E.minimum(self._t, dim._t))
    from . import return_types

    values, indices = getattr(E, which + '_dim')(self._t, dim, keepdim)
    return getattr(return_types, which)((wrap(values), wrap(indices)))


def _zero_grads(params, set_to_none):
    """Module.zero_grad and a Python optimizer's zero_grad: each gradient to None or, detached, to zeros."""
    for p in params:
        if p.grad is not None:
            if set_to_none:
                p.grad = None
            else:
                p.grad.detach_()
                p.grad.zero_()


_FLOAT32 = from_engine('float32')
