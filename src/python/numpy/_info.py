"""np.finfo, np.iinfo, np.isscalar, np.issubdtype, np.result_type and the other dtype helpers."""

from . import _dtypes as D
from . import _scalars as S


class finfo:
    _DATA = {
        64: dict(
            eps=2.220446049250313e-16,
            epsneg=1.1102230246251565e-16,
            max=1.7976931348623157e308,
            tiny=2.2250738585072014e-308,
            resolution=1e-15,
            precision=15,
            bits=64,
            nmant=52,
            nexp=11,
            minexp=-1022,
            maxexp=1024,
            machep=-52,
            negep=-53,
            smallest_subnormal=5e-324,
        ),
        32: dict(
            eps=1.1920928955078125e-07,
            epsneg=5.960464477539063e-08,
            max=3.4028234663852886e38,
            tiny=1.1754943508222875e-38,
            resolution=1e-06,
            precision=6,
            bits=32,
            nmant=23,
            nexp=8,
            minexp=-126,
            maxexp=128,
            machep=-23,
            negep=-24,
            smallest_subnormal=1.401298464324817e-45,
        ),
        16: dict(
            eps=0.0009765625,
            epsneg=0.00048828125,
            max=65504.0,
            tiny=6.103515625e-05,
            resolution=0.001,
            precision=3,
            bits=16,
            nmant=10,
            nexp=5,
            minexp=-14,
            maxexp=16,
            machep=-10,
            negep=-11,
            smallest_subnormal=5.960464477539063e-08,
        ),
    }

    def __init__(self, dtype=float):
        d = D.as_dtype(dtype) if not isinstance(dtype, float) else D.float64
        if d.kind != 'f':
            raise ValueError(f"data type {d.type!r} not inexact")
        self.dtype = d
        for key, value in self._DATA[d.bits].items():
            if isinstance(value, float) and key not in ('resolution',):
                value = S.make(d, D.store_one(value, d))
            elif key == 'resolution':
                value = S.make(d, D.store_one(value, d))
            setattr(self, key, value)
        self.min = -self.max
        self.smallest_normal = self.tiny

    def __repr__(self):
        return f"finfo(resolution={self.resolution}, min={self.min!r}, max={self.max!r}, dtype={self.dtype})"


class iinfo:
    def __init__(self, int_type):
        d = D.as_dtype(int_type) if not isinstance(int_type, int) else D.int64
        if d.kind not in 'iu':
            raise ValueError(f"Invalid integer data type {d.kind!r}.")
        self.dtype = d
        self.kind = d.kind
        self.bits = d.bits
        self.min = -(1 << (d.bits - 1)) if d.kind == 'i' else 0
        self.max = (1 << (d.bits - 1)) - 1 if d.kind == 'i' else (1 << d.bits) - 1

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype})"


def isscalar(element):
    return isinstance(element, (S.generic, int, float, complex, str, bytes, bool))


_ABSTRACT = {S.generic, S.number, S.integer, S.signedinteger, S.unsignedinteger, S.inexact, S.floating}


def _as_type(x):
    if isinstance(x, type) and issubclass(x, S.generic):
        return x
    return D.as_dtype(x).type


def issubdtype(arg1, arg2):
    t1 = _as_type(arg1)
    t2 = arg2 if isinstance(arg2, type) and arg2 in _ABSTRACT else _as_type(arg2)
    return issubclass(t1, t2)


def result_type(*arrays_and_dtypes):
    from ._ufuncs import as_operand

    ops = []
    for x in arrays_and_dtypes:
        if isinstance(x, (D.dtype, str, type)):
            ops.append((D.as_dtype(x), 1, None))
        else:
            d, nd, v, _ = as_operand(x)
            ops.append((d, nd, v))
    return D.result_type_of(ops)


def min_scalar_type(a):
    from ._ufuncs import as_operand

    d, nd, v, _ = as_operand(a)
    return D.min_scalar_type(v, d)[0] if nd == 0 else d


def shape(a):
    from ._creation import asarray

    return asarray(a).shape


def ndim(a):
    from ._creation import asarray

    return asarray(a).ndim


def size(a, axis=None):
    from ._creation import asarray

    a = asarray(a)
    return a.size if axis is None else a.shape[axis]
