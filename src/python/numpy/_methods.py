"""ndarray's operators (+, -, *, /, //, %, **, @, comparisons, bitwise, reflected and in-place) and its
methods that are module functions too (sum, mean, argmax, clip, dot, sort, ...)."""

from . import _dtypes as D
from . import _creation, _linalg, _math, _reductions, _sorting, _indexing, _shape
from ._ndarray import ndarray
from ._ufuncs import operator_call, inplace as inplace_op

_BINARY_DUNDERS = (
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
)
_COMPARE_DUNDERS = (
    ('less', 'lt'),
    ('less_equal', 'le'),
    ('greater', 'gt'),
    ('greater_equal', 'ge'),
    ('equal', 'eq'),
    ('not_equal', 'ne'),
)


def _install_operators():
    def make(name):
        def op(self, other):
            return operator_call(name, self, other)

        def rop(self, other):
            return operator_call(name, other, self)

        def iop(self, other):
            return inplace_op(name, self, other)

        return op, rop, iop

    for name, dunder in _BINARY_DUNDERS:
        op, rop, iop = make(name)
        setattr(ndarray, f'__{dunder}__', op)
        setattr(ndarray, f'__r{dunder}__', rop)
        setattr(ndarray, f'__i{dunder}__', iop)
    ndarray.__pow__ = lambda self, other, mod=None: _power(self, other)
    ndarray.__ipow__ = lambda self, other: _power(self, other, inplace=True)
    for name, dunder in _COMPARE_DUNDERS:
        setattr(ndarray, f'__{dunder}__', make(name)[0])
    ndarray.__divmod__ = lambda self, other: operator_call('divmod', self, other)
    ndarray.__rdivmod__ = lambda self, other: operator_call('divmod', other, self)
    ndarray.__neg__ = lambda self: _math.UFUNCS['negative'](self)
    ndarray.__pos__ = lambda self: _math.UFUNCS['positive'](self)
    ndarray.__abs__ = lambda self: _math.UFUNCS['absolute'](self)
    ndarray.__invert__ = lambda self: _math.UFUNCS['invert'](self)
    ndarray.__matmul__ = lambda self, other: _linalg.matmul(self, other) if _operand(other) else NotImplemented
    ndarray.__rmatmul__ = lambda self, other: _linalg.matmul(other, self) if _operand(other) else NotImplemented

    def imatmul(self, other):
        raise TypeError("In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'.")

    ndarray.__imatmul__ = imatmul
    ndarray.__round__ = lambda self, ndigits=None: _math.around(self, ndigits or 0)


def _exponent(x):
    """(value, is_float) of a power's exponent numpy's fast_scalar_power looks at, else None."""
    from ._scalars import generic

    if isinstance(x, (bool, int)) and not isinstance(x, generic):
        return float(x), False
    if isinstance(x, float) and not isinstance(x, generic):
        return x, True
    if isinstance(x, ndarray) and not x._shape and x._dtype.kind in 'iuf':
        return float(x._values()[0]), x._dtype.kind == 'f'
    if isinstance(x, generic) and x._np_dtype.kind in 'iuf':
        return float(x._value()), x._np_dtype.kind == 'f'
    return None


def _power(self, other, inplace=False):
    """ndarray ** scalar as numpy's fast_scalar_power: float arrays ** 1, -1, 0, 0.5, 2 are positive,
    reciprocal, ones, sqrt, square (dtype kept: float32 ** -1 stays float32); integer arrays ** 2 are square."""
    e = _exponent(other)
    fn = None
    if e is not None:
        value, is_float = e
        if self._dtype.kind == 'f':
            fn = {1.0: 'positive', -1.0: 'reciprocal', 0.0: 'ones', 0.5: 'sqrt', 2.0: 'square'}.get(value)
        elif value == 2.0:
            fn = 'square'
            if is_float and self._dtype.kind in 'iu' and not inplace:
                self = self.astype(D.float64)
    if fn is None:
        return inplace_op('power', self, other) if inplace else operator_call('power', self, other)
    if fn == 'ones':
        res = _creation.ones_like(self)
        if inplace:
            self._assign(res._values())
            return self
        return res if res._shape else res[()]
    return _math.UFUNCS[fn](self, out=self) if inplace else _math.UFUNCS[fn](self)


def _operand(x):
    from ._scalars import generic

    return isinstance(x, (ndarray, generic, bool, int, float, list, tuple))


def _sort_inplace(self, axis=-1, kind=None, order=None):
    self._assign(_sorting.sort(self, axis, kind)._values())


def _install_methods():
    R = _reductions
    methods = {
        'sum': R.sum,
        'mean': R.mean,
        'std': R.std,
        'var': R.var,
        'prod': R.prod,
        'cumsum': R.cumsum,
        'cumprod': R.cumprod,
        'max': R.amax,
        'min': R.amin,
        'argmax': R.argmax,
        'argmin': R.argmin,
        'any': R.any,
        'all': R.all,
        'ptp': R.ptp,
        'clip': lambda self, min=None, max=None, out=None, **kw: _math.clip(self, min, max, out=out),
        'round': _math.around,
        'dot': _linalg.dot,
        'trace': _linalg.trace,
        'nonzero': _sorting.nonzero,
        'argsort': _sorting.argsort,
        'searchsorted': _sorting.searchsorted,
        'repeat': _shape.repeat,
        'take': _indexing.take,
        'conj': lambda self: self.copy(),
        'conjugate': lambda self: self.copy(),
        'sort': _sort_inplace,
        'diagonal': lambda self, offset=0: _creation.diag(self, offset),
    }
    for name, fn in methods.items():
        setattr(ndarray, name, fn)


_install_operators()
_install_methods()
