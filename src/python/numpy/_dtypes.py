"""numpy.dtype objects, type promotion (numpy 1.24's value-based rules) and casting of stored values.

Arrays keep their elements in a flat Python list: floats for the float dtypes (rounded to the dtype's
precision), ints for the integer dtypes (wrapped to the dtype's range), bools for bool, and the objects
themselves for object (only for the objects that numpy code meets as elements: the Axes of plt.subplots)."""

import math
import re
import struct
from array import array as _pyarray

from ._errors import unsupported

_KIND_ORDER = {'b': 0, 'u': 1, 'i': 1, 'f': 2, 'O': 3, 'U': 3}


class dtype:
    """np.dtype: one shared object per supported type (compare with `==` or `is`)."""

    __slots__ = ('name', 'kind', 'itemsize', 'char', 'type', 'num', 'bits', '_str')

    def __new__(cls, obj, align=False, copy=False):
        return as_dtype(obj)

    @classmethod
    def _make(cls, name, kind, bits, char, num):
        self = object.__new__(cls)
        self.name = name
        self.kind = kind
        self.bits = bits
        self.itemsize = max(1, bits // 8)
        self.char = char
        self.num = num
        self.type = None  # set by _scalars
        self._str = ('|' if self.itemsize == 1 else '<') + ('b' if kind == 'b' else kind) + str(self.itemsize)
        return self

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        if other is self:
            return True
        try:
            return as_dtype(other) is self
        except Exception:
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.name)

    def __reduce__(self):
        return (as_dtype, (self.name,))

    @property
    def str(self):
        return self._str

    @property
    def descr(self):
        return [('', self._str)]

    byteorder = property(lambda self: '|' if self.itemsize == 1 else '=')
    isnative = property(lambda self: True)
    names = property(lambda self: None)
    fields = property(lambda self: None)
    shape = property(lambda self: ())
    ndim = property(lambda self: 0)
    base = property(lambda self: self)
    subdtype = property(lambda self: None)
    hasobject = property(lambda self: False)
    alignment = property(lambda self: self.itemsize)

    def newbyteorder(self, order='S'):
        return self


bool_ = dtype._make('bool', 'b', 8, '?', 0)
int8 = dtype._make('int8', 'i', 8, 'b', 1)
uint8 = dtype._make('uint8', 'u', 8, 'B', 2)
int16 = dtype._make('int16', 'i', 16, 'h', 3)
uint16 = dtype._make('uint16', 'u', 16, 'H', 4)
int32 = dtype._make('int32', 'i', 32, 'i', 5)
uint32 = dtype._make('uint32', 'u', 32, 'I', 6)
int64 = dtype._make('int64', 'i', 64, 'l', 7)
uint64 = dtype._make('uint64', 'u', 64, 'L', 8)
float16 = dtype._make('float16', 'f', 16, 'e', 23)
float32 = dtype._make('float32', 'f', 32, 'f', 11)
float64 = dtype._make('float64', 'f', 64, 'd', 12)
object_ = dtype._make('object', 'O', 64, 'O', 17)
object_._str = '|O'


class _StrDtype(dtype):
    """numpy's fixed-width unicode dtype '<Un' (width 0: the flexible np.dtype(str), sized by the data)."""

    def __repr__(self):
        return f"dtype('{self._str}')"

    def __str__(self):
        return self._str


_STR_DTYPES = {}


def str_dtype(width):
    d = _STR_DTYPES.get(width)
    if d is None:
        d = _StrDtype._make(f'str{32 * width}', 'U', 32 * width, 'U', 19)
        d.itemsize, d._str, d.width = 4 * width, f'<U{width}', width
        _STR_DTYPES[width] = d
    return d


def str_width_for(d):
    """The '<U' width numpy gives numbers of dtype d made strings (astype(str))."""
    return {'b': 5, 'i': 21, 'u': 20, 'f': 32}.get(d.kind, 1) if d.kind != 'U' else d.width


ALL = (bool_, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float16, float32, float64)

_BY_NAME = {d.name: d for d in ALL}
_BY_NAME.update({d.char: d for d in ALL})
_BY_NAME.update({d._str: d for d in ALL})
_BY_NAME.update({d._str[1:]: d for d in ALL})
_BY_NAME.update(
    {
        'bool_': bool_,
        'bool8': bool_,
        'b1': bool_,
        'float': float64,
        'double': float64,
        'float_': float64,
        'single': float32,
        'half': float16,
        'int': int64,
        'int_': int64,
        'long': int64,
        'intp': int64,
        'longlong': int64,
        'q': int64,
        'Q': uint64,
        'uint': uint64,
        'uintp': uint64,
        'ulonglong': uint64,
        'short': int16,
        'ushort': uint16,
        'intc': int32,
        'uintc': uint32,
        'byte': int8,
        'ubyte': uint8,
        '=f8': float64,
        '=f4': float32,
        '=i8': int64,
        '=i4': int32,
        'p': int64,
        'P': uint64,
        'object': object_,
        'object_': object_,
        'O': object_,
    }
)
_UNSUPPORTED_NAMES = {
    'complex',
    'complex64',
    'complex128',
    'c8',
    'c16',
    'D',
    'F',
    'G',
    'str',
    'U',
    'S',
    'bytes',
    'float128',
    'longdouble',
    'g',
    'datetime64',
    'timedelta64',
    'M',
    'm',
    'V',
    'void',
    'a',
}


def _unsupported_dtype(what):
    return unsupported(
        f"numpy dtype {what!r}", "arrays are float64, float32, float16, int8-int64, uint8-uint64 or bool"
    )


def as_dtype(obj):
    """np.dtype(obj) for the supported types; NotImplementedError for the others."""
    if isinstance(obj, dtype):
        return obj
    if obj is None:
        return float64
    d = getattr(obj, '_np_dtype', None)  # scalar type classes (np.float32) and their instances
    if isinstance(d, dtype):
        return d
    if obj is float:
        return float64
    if obj is int:
        return int64
    if obj is bool:
        return bool_
    if obj is object:
        return object_
    if isinstance(obj, str):
        found = _BY_NAME.get(obj)
        if found is None and obj[:1] in '<>=|':
            found = _BY_NAME.get(obj[1:])
        if found is not None:
            return found
        width = re.fullmatch(r'[<=|]?U(\d*)', obj)
        if width or obj == 'str':
            return str_dtype(int(width.group(1) or 0) if width else 0)
        if obj in _UNSUPPORTED_NAMES or obj.lstrip('<>=|')[:1] in ('U', 'S', 'c', 'M', 'm', 'O', 'V'):
            raise _unsupported_dtype(obj)
        raise TypeError(f"data type {obj!r} not understood")
    if obj is str:
        return str_dtype(0)
    if obj is complex or obj is bytes:
        raise _unsupported_dtype(obj.__name__)
    inner = getattr(obj, 'dtype', None)
    if isinstance(inner, dtype):
        return inner
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


def kind_order(d):
    return _KIND_ORDER[d.kind]


_SIGNED = {8: int8, 16: int16, 32: int32, 64: int64}
_UNSIGNED = {8: uint8, 16: uint16, 32: uint32, 64: uint64}
_FLOATS = {16: float16, 32: float32, 64: float64}


def promote_types(a, b):
    """np.promote_types for the supported dtypes."""
    a = as_dtype(a)
    b = as_dtype(b)
    if a is b:
        return a
    if a.kind == 'O' or b.kind == 'O':
        return object_
    if a.kind == 'U' or b.kind == 'U':
        if a.kind != b.kind:
            raise unsupported('arrays mixing strings and numbers', 'make every element a string, or every one a number')
        return a if a.width >= b.width else b
    if a.kind == 'b':
        return b
    if b.kind == 'b':
        return a
    if a.kind == 'f' and b.kind == 'f':
        return a if a.bits >= b.bits else b
    if a.kind == 'f' or b.kind == 'f':
        f, i = (a, b) if a.kind == 'f' else (b, a)
        need = 16 if i.bits == 8 else 32 if i.bits == 16 else 64
        return _FLOATS[max(need, f.bits)]
    if a.kind == b.kind:
        return a if a.bits >= b.bits else b
    u, s = (a, b) if a.kind == 'u' else (b, a)
    if s.bits > u.bits:
        return s
    return _SIGNED[u.bits * 2] if u.bits < 64 else float64


def min_scalar_type(value, d):
    """(dtype, is_small_unsigned) of a scalar operand under value-based casting (numpy < 2)."""
    if d.kind == 'b':
        return bool_, False
    if d.kind == 'f':
        v = float(value)
        if (-65000 < v < 65000) or not math.isfinite(v):
            return float16, False
        if d.bits == 64 and -3.4e38 < v < 3.4e38:
            return float32, False
        return d, False
    v = int(value)
    if v >= 0:
        for bits in (8, 16, 32, 64):
            if v < (1 << bits):
                return _UNSIGNED[bits], v < (1 << (bits - 1))
        return uint64, False
    for bits in (8, 16, 32, 64):
        if v >= -(1 << (bits - 1)):
            return _SIGNED[bits], False
    return int64, False


def _promote_small(a, sa, b, sb):
    if sa and b.kind not in 'bu':
        a = _SIGNED[a.bits]
    elif sb and a.kind not in 'bu':
        b = _SIGNED[b.bits]
    return promote_types(a, b)


def result_type_of(operands):
    """The common dtype of operands given as (dtype, ndim, scalar value or None), numpy 1.24's rules:
    0-d operands only count by value when some array is of the same or a higher kind."""
    if any(d.kind == 'U' for d, _, _ in operands):  # strings take the widest string dtype, whatever their ndim
        ret = operands[0][0]
        for d, _, _ in operands[1:]:
            ret = promote_types(ret, d)
        return ret
    arrays = [d for d, nd, _ in operands if nd > 0]
    scalars = [(d, v) for d, nd, v in operands if nd == 0]
    if arrays and scalars and max(map(kind_order, arrays)) >= max(kind_order(d) for d, _ in scalars):
        ret = None
        small = False
        for d, v in scalars:
            t, s = min_scalar_type(v, d)
            if ret is None:
                ret, small = t, s
            else:
                ret = _promote_small(t, s, ret, small)
                small = s and small
        for d in arrays:
            ret = _promote_small(d, False, ret, small)
            small = False
        return ret
    ret = None
    for d, _, _ in operands:
        ret = d if ret is None else promote_types(ret, d)
    return ret


def _use_min_scalar(operands):
    arrays = [kind_order(d) for d, nd, _ in operands if nd > 0]
    scalars = [kind_order(d) for d, nd, _ in operands if nd == 0]
    return bool(arrays) and bool(scalars) and max(arrays) >= max(scalars)


def linear_search(operands, loops):
    """The first loop dtype every operand casts to safely (numpy's linear_search_type_resolver; scalars by
    value when an array is of the same or a higher kind), or None."""
    by_value = _use_min_scalar(operands)
    for t in loops:
        for d, nd, v in operands:
            src = d
            if nd == 0 and by_value:
                src, small = min_scalar_type(v, d)
                if small and t.kind != 'u':
                    src = _SIGNED[src.bits]
            if promote_types(src, t) is not t:
                break
        else:
            return t
    return None


_SAME_KIND_RANK = {'b': 0, 'u': 1, 'i': 1, 'f': 2, 'O': 3}


def can_cast(src, dst, casting='safe'):
    src = as_dtype(src)
    dst = as_dtype(dst)
    if casting == 'unsafe' or src is dst:
        return True
    if casting in ('no', 'equiv'):
        return src is dst
    if casting == 'same_kind':
        if src.kind == 'u' and dst.kind == 'i':
            return True
        return _SAME_KIND_RANK[src.kind] <= _SAME_KIND_RANK[dst.kind] and not (src.kind == 'i' and dst.kind == 'u')
    return promote_types(src, dst) is dst


# --- stored values ---------------------------------------------------------------------------------------

_INT_MIN = -(1 << 63)


def _f16(values):
    out = []
    pack, unpack = struct.pack, struct.unpack
    for v in values:
        try:
            out.append(unpack('<e', pack('<e', v))[0])
        except OverflowError:
            out.append(math.copysign(math.inf, v))
    return out


def _to_int(v):
    try:
        return int(v)
    except (ValueError, OverflowError):
        return _INT_MIN  # nan/inf: what numpy's C cast gives on x86


def _floats_to_ints(values, d):
    """float -> integer dtype as numpy's C casts do on x86: truncation through a 64-bit (int64, uint32, uint64)
    or 32-bit (smaller types) conversion, whose out-of-range and nan results are that width's minimum."""
    width = 64 if d.bits == 64 or (d.kind == 'u' and d.bits == 32) else 32
    lo, hi = -(1 << (width - 1)), 1 << (width - 1)
    out = []
    bad = False
    for v in values:
        if v == v and -hi <= v < hi and v not in (math.inf, -math.inf):
            out.append(int(v))
        elif d.kind == 'u' and d.bits == 64 and v == v and 0 <= v < (1 << 64):
            out.append(int(v))
        else:
            out.append(lo)
            bad = True
    if bad:
        from ._errors import runtime_warning

        runtime_warning('invalid', "invalid value encountered in cast")
    return out


def _wrap(values, d):
    lo = -(1 << (d.bits - 1)) if d.kind == 'i' else 0
    size = 1 << d.bits
    hi = lo + size - 1
    if values and (max(values) > hi or min(values) < lo):
        return [((v - lo) % size) + lo for v in values]
    return values


def cast_values(values, src, dst):
    """The list `values` (stored as `src`) stored as `dst`; may return `values` itself when unchanged."""
    if dst.kind == 'U' or src.kind == 'U':
        return _str_cast(values, src, dst)
    if dst.kind == 'O' or src.kind == 'O':
        if src is not dst:
            _object_cast(src, dst)
        return values
    if dst.kind == 'f':
        if src.kind != 'f':
            values = [float(v) for v in values]
        if dst.bits == 64 or (src.kind == 'f' and src.bits <= dst.bits):
            return values
        if dst.bits == 32:
            return _pyarray('f', values).tolist()
        return _f16(values)
    if dst.kind == 'b':
        if src.kind == 'b':
            return values
        return [v != 0 for v in values]
    if src.kind == 'f':
        values = _floats_to_ints(values, dst)
    elif src.kind == 'b':
        values = [int(v) for v in values]
    elif src is dst:
        return values
    return _wrap(values, dst)


def _str_cast(values, src, dst):
    if src.kind == 'U' and dst.kind == 'U':
        return values if src.width <= dst.width else [v[: dst.width] for v in values]
    if dst.kind == 'U':
        from ._scalars import make

        return [str(make(src, v))[: dst.width] for v in values]
    if dst.kind == 'f':
        return store([float(v) for v in values], dst)
    if dst.kind in 'iu':
        return store([int(v) for v in values], dst)
    raise unsupported(f'casting a string array to {dst.name}')


def _object_cast(src, dst):
    if dst.kind != 'O':
        raise unsupported(f"casting an object array to {dst.name}")
    # numbers into an object array stay Python numbers, as numpy's astype(object) gives


def store(values, d):
    """Computed values (Python numbers) rounded/wrapped to dtype d."""
    if d.kind in 'OU':
        return list(values)
    if d.kind == 'f':
        if d.bits == 64:
            return values
        if d.bits == 32:
            return _pyarray('f', values).tolist()
        return _f16(values)
    if d.kind == 'b':
        return [bool(v) for v in values]
    return _wrap(values, d)


def store_one(v, d):
    if d.kind in 'OU':
        return v
    if d.kind == 'f':
        v = float(v)
        if d.bits == 64:
            return v
        if d.bits == 32:
            return _pyarray('f', (v,))[0]
        return _f16((v,))[0]
    if d.kind == 'b':
        return bool(v)
    if isinstance(v, float):
        v = _to_int(v)
    return _wrap([int(v)], d)[0]


def python_type_dtype(v):
    """The dtype numpy gives a Python scalar (bool, int, float)."""
    if isinstance(v, bool):
        return bool_
    if isinstance(v, int):
        return int64
    if isinstance(v, float):
        return float64
    return None
