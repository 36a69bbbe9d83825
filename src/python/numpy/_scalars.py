"""numpy scalar types: np.float64 (a float subclass, as in numpy), np.float32, np.float16, the integer
types and np.bool_. Their arithmetic goes through the same ufunc code as arrays (numpy 1.24's promotion:
np.float32(1) * 2 is a float64), and they print as numpy 1.24 prints them (np.float32(0.1) -> 0.1)."""

import operator

from . import _dtypes as D
from ._dragon4 import scalar_repr


def _scalar_method(method):
    """An ndarray method called on a scalar: a 0-d result comes back as a scalar (x.squeeze(), x.copy())."""
    from ._ndarray import ndarray

    def call(*args, **kwargs):
        result = method(*args, **kwargs)
        return result[()] if isinstance(result, ndarray) and result.ndim == 0 else result

    return call


class generic:
    """np.generic: base of every numpy scalar type."""

    __slots__ = ()
    _np_dtype = None
    __array_priority__ = -1000000.0

    def __new__(cls, value=0):
        if cls._np_dtype is None:
            raise TypeError(f"cannot create '{cls.__name__}' instances")
        if isinstance(value, (list, tuple)) or hasattr(value, '_buf'):
            from ._creation import array

            return array(value, dtype=cls._np_dtype)
        if isinstance(value, str):
            value = float(value) if cls._np_dtype.kind == 'f' else int(value)
        elif isinstance(value, generic):
            value = value.item()
        return make(cls._np_dtype, D.store_one(value, cls._np_dtype))

    # --- array-like attributes ---
    dtype = property(lambda self: self._np_dtype)
    shape = property(lambda self: ())
    ndim = property(lambda self: 0)
    size = property(lambda self: 1)
    itemsize = property(lambda self: self._np_dtype.itemsize)
    nbytes = property(lambda self: self._np_dtype.itemsize)
    T = property(lambda self: self)
    real = property(lambda self: self)
    imag = property(lambda self: make(self._np_dtype, D.store_one(0, self._np_dtype)))

    def item(self, *args):
        return self._value()

    def tolist(self):
        return self._value()

    def astype(self, dtype, copy=True):
        d = D.as_dtype(dtype)
        return make(d, D.store_one(self._value(), d))

    def _as_array(self):
        from ._ndarray import ndarray

        return ndarray._make([self._value()], (), self._np_dtype)

    def __array__(self, dtype=None):
        a = self._as_array()
        return a if dtype is None else a.astype(dtype)

    def reshape(self, *shape, **kw):
        return self._as_array().reshape(*shape, **kw)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        from ._ndarray import ndarray

        if hasattr(ndarray, name):
            attr = getattr(self._as_array(), name)
            return _scalar_method(attr) if callable(attr) else attr
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self):
        return _format(self)

    __str__ = __repr__

    def __format__(self, spec):
        return format(self._value(), spec)

    def __bool__(self):
        return bool(self._value())

    def __float__(self):
        return float(self._value())

    def __int__(self):
        return int(self._value())

    def __complex__(self):
        return complex(self._value())

    def __hash__(self):
        return hash(self._value())

    def __round__(self, ndigits=None):
        from ._math import around

        if ndigits is None:
            return int(round(float(self._value()))) if self._np_dtype.kind == 'f' else int(self._value())
        return around(self, ndigits)

    def __reduce__(self):
        return (make, (self._np_dtype, self._value()))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _binary(name):
    def method(self, other):
        from ._ufuncs import operator_call

        return operator_call(name, self, other)

    def reflected(self, other):
        from ._ufuncs import operator_call

        return operator_call(name, other, self)

    return method, reflected


for _name, _dunder in (
    ('add', 'add'),
    ('subtract', 'sub'),
    ('multiply', 'mul'),
    ('true_divide', 'truediv'),
    ('floor_divide', 'floordiv'),
    ('remainder', 'mod'),
    ('power', 'pow'),
    ('bitwise_and', 'and'),
    ('bitwise_or', 'or'),
    ('bitwise_xor', 'xor'),
    ('left_shift', 'lshift'),
    ('right_shift', 'rshift'),
    ('divmod', 'divmod'),
):
    _m, _r = _binary(_name)
    setattr(generic, f'__{_dunder}__', _m)
    setattr(generic, f'__r{_dunder}__', _r)

for _name, _dunder in (
    ('less', 'lt'),
    ('less_equal', 'le'),
    ('greater', 'gt'),
    ('greater_equal', 'ge'),
    ('equal', 'eq'),
    ('not_equal', 'ne'),
):
    setattr(generic, f'__{_dunder}__', _binary(_name)[0])


def _unary(name):
    def method(self):
        from ._math import UNARY

        return UNARY[name](self)

    return method


generic.__neg__ = _unary('negative')
generic.__pos__ = _unary('positive')
generic.__abs__ = _unary('absolute')
generic.__invert__ = _unary('invert')


class number(generic):
    __slots__ = ()


class integer(number):
    __slots__ = ('_v',)

    def _value(self):
        return self._v

    def __index__(self):
        return self._v

    def is_integer(self):
        return True

    numerator = property(lambda self: self)
    denominator = property(lambda self: 1)


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()

    def is_integer(self):
        v = float(self._value())
        return v == v and v not in (float('inf'), float('-inf')) and v == int(v)

    def as_integer_ratio(self):
        return float(self._value()).as_integer_ratio()


class float64(floating, float):
    """np.float64: like numpy's, a subclass of Python's float."""

    __slots__ = ()
    _np_dtype = D.float64

    def __new__(cls, value=0.0):
        if isinstance(value, (list, tuple)) or hasattr(value, '_buf'):
            return generic.__new__(cls, value)
        return float.__new__(cls, value)

    def _value(self):
        return float.__float__(self)

    __hash__ = float.__hash__


class _boxed_float(floating):
    __slots__ = ('_v',)

    def _value(self):
        return self._v


class float32(_boxed_float):
    __slots__ = ()
    _np_dtype = D.float32


class float16(_boxed_float):
    __slots__ = ()
    _np_dtype = D.float16


def _int_type(name, base, dt):
    cls = type(name, (base,), {'__slots__': (), '_np_dtype': dt})
    cls.__module__ = 'numpy'
    return cls


int8 = _int_type('int8', signedinteger, D.int8)
int16 = _int_type('int16', signedinteger, D.int16)
int32 = _int_type('int32', signedinteger, D.int32)
int64 = _int_type('int64', signedinteger, D.int64)
uint8 = _int_type('uint8', unsignedinteger, D.uint8)
uint16 = _int_type('uint16', unsignedinteger, D.uint16)
uint32 = _int_type('uint32', unsignedinteger, D.uint32)
uint64 = _int_type('uint64', unsignedinteger, D.uint64)


class bool_(generic):
    __slots__ = ('_v',)
    _np_dtype = D.bool_

    def __new__(cls, value=False):
        if isinstance(value, (list, tuple)) or hasattr(value, '_buf'):
            return generic.__new__(cls, value)
        return True_ if value else False_

    def _value(self):
        return self._v

    def __index__(self):
        raise TypeError("'numpy.bool_' object cannot be interpreted as an integer")


def _new_bool(v):
    b = object.__new__(bool_)
    b._v = v
    return b


True_ = _new_bool(True)
False_ = _new_bool(False)

_TYPES = {
    D.float64: float64,
    D.float32: float32,
    D.float16: float16,
    D.int8: int8,
    D.int16: int16,
    D.int32: int32,
    D.int64: int64,
    D.uint8: uint8,
    D.uint16: uint16,
    D.uint32: uint32,
    D.uint64: uint64,
    D.bool_: bool_,
}
for _d, _t in _TYPES.items():
    _d.type = _t
    _t.__module__ = 'numpy'
D.object_.type = object


def make(d, v):
    """The numpy scalar of dtype d holding the stored value v (an object array's element is the object)."""
    if d is D.float64:
        return float.__new__(float64, v)
    if d is D.object_ or d.kind == 'U':  # a string array's element is a Python str (numpy's np.str_ is one)
        return v
    if d is D.bool_:
        return True_ if v else False_
    s = object.__new__(_TYPES[d])
    s._v = v
    return s


def _format(s):
    d = s._np_dtype
    v = s._value()
    if d.kind == 'f':
        return scalar_repr(v, d.bits)
    return str(v)


def scalar_info(x):
    """(dtype, value) of a Python or numpy scalar, else None."""
    if isinstance(x, generic):
        return x._np_dtype, x._value()
    if isinstance(x, bool):
        return D.bool_, x
    if isinstance(x, int):
        if -(1 << 63) <= x < (1 << 63):
            return D.int64, x
        if 0 <= x < (1 << 64):
            return D.uint64, x
        raise OverflowError(f"Python int too large to convert to C long")
    if isinstance(x, float):
        return D.float64, x
    return None


def is_scalar(x):
    return isinstance(x, (generic, bool, int, float))


operator_index = operator.index
