"""np.ndarray: a flat Python list (shared by views) with an offset, a shape and strides in elements. An
array sharing memory with a torch tensor has a SharedBuffer instead of the list (_shared_buffer.py).

Float dtypes hold Python floats rounded to the dtype (float64 is exact IEEE double arithmetic), integer
dtypes hold Python ints, bool holds Python bools. Slicing, transposes and reshapes of contiguous data are
views that write through, as in numpy; advanced indexing copies."""

import operator

from . import _dtypes as D
from . import _layout as L
from ._errors import missing, unsupported


class ndarray:
    __slots__ = ('_buf', '_off', '_shape', '_strides', '_dtype', '_base', '__weakref__')
    __array_priority__ = 0.0

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise unsupported('np.ndarray(buffer=..., strides=...)')
        shape = L.shape_arg((shape,))
        d = D.as_dtype(dtype)
        return ndarray._make([D.store_one(0, d)] * L.prod(shape), shape, d)

    @staticmethod
    def _make(buf, shape, dtype, strides=None, off=0, base=None):
        a = object.__new__(ndarray)
        a._buf = buf
        a._off = off
        a._shape = tuple(shape)
        a._strides = L.c_strides(shape) if strides is None else tuple(strides)
        a._dtype = dtype
        a._base = base
        return a

    def _view(self, shape, strides, off):
        return ndarray._make(
            self._buf, shape, self._dtype, strides, off, self._base if self._base is not None else self
        )

    # --- element access ---------------------------------------------------------------------------------
    def _contiguous(self):
        return L.is_c_contiguous(self._shape, self._strides)

    def _values(self):
        """Flat C-order values; may be the buffer itself, so callers must not modify it."""
        n = L.prod(self._shape)
        if L.is_c_contiguous(self._shape, self._strides):
            if self._off == 0 and len(self._buf) == n and type(self._buf) is list:
                return self._buf
            return self._buf[self._off : self._off + n]
        buf = self._readable()
        return [buf[o] for o in L.offsets(self._off, self._shape, self._strides)]

    def _readable(self):
        """The buffer for reading many elements: the list itself, or a copy of a buffer shared with a tensor
        (_shared_buffer.py; read once rather than one JS call per element). Not for writing."""
        buf = self._buf
        return buf if type(buf) is list else buf.snapshot()

    def _values_as(self, shape):
        """Values broadcast to `shape`, C order."""
        if self._shape == tuple(shape):
            return self._values()
        strides = L.broadcast_strides(self._shape, self._strides, shape)
        buf = self._readable()
        return [buf[o] for o in L.offsets(self._off, shape, strides)]

    def _positions(self):
        return L.offsets(self._off, self._shape, self._strides)

    def _assign(self, values):
        """Writes a flat C-order list of stored values into this array's elements (through views)."""
        n = len(values)
        if L.is_c_contiguous(self._shape, self._strides):
            self._buf[self._off : self._off + n] = values
        else:
            buf = self._buf
            for o, v in zip(self._positions(), values):
                buf[o] = v

    def _scalar(self, v):
        from ._scalars import make

        return make(self._dtype, v)

    # --- attributes ---------------------------------------------------------------------------------------
    @property
    def shape(self):
        return self._shape

    @shape.setter
    def shape(self, value):
        new = self.reshape(value)
        if new._buf is not self._buf:
            raise AttributeError(
                "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape."
            )
        self._shape, self._strides, self._off = new._shape, new._strides, new._off

    ndim = property(lambda self: len(self._shape))
    size = property(lambda self: L.prod(self._shape))
    dtype = property(lambda self: self._dtype)
    itemsize = property(lambda self: self._dtype.itemsize)
    nbytes = property(lambda self: self._dtype.itemsize * L.prod(self._shape))
    strides = property(lambda self: tuple(s * self._dtype.itemsize for s in self._strides))
    base = property(lambda self: self._base)
    T = property(lambda self: self.transpose())
    mT = property(lambda self: self.swapaxes(-1, -2))
    real = property(lambda self: self)
    flags = property(lambda self: _Flags(self))
    flat = property(lambda self: _FlatIter(self))
    data = property(lambda self: memoryview(bytes(0)))

    @property
    def imag(self):
        return ndarray._make([D.store_one(0, self._dtype)] * self.size, self._shape, self._dtype)

    def __len__(self):
        if not self._shape:
            raise TypeError("len() of unsized object")
        return self._shape[0]

    def __iter__(self):
        if not self._shape:
            raise TypeError("iteration over a 0-d array")
        if len(self._shape) == 1:
            make = self._scalar
            return iter([make(v) for v in self._values()])
        return (self[i] for i in range(self._shape[0]))

    def _single(self, what):
        if self.size != 1:
            raise TypeError(f"only size-1 arrays can be converted to Python scalars")
        return self._values()[0]

    def __bool__(self):
        if self.size != 1:
            if self.size == 0:
                return False
            raise ValueError(
                "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
            )
        return bool(self._values()[0])

    def __float__(self):
        return float(self._single('float'))

    def __int__(self):
        return int(self._single('int'))

    def __complex__(self):
        return complex(self._single('complex'))

    def __index__(self):
        if self._shape or self._dtype.kind not in 'iu':
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return self._values()[0]

    __hash__ = None

    def __repr__(self):
        from ._printing import array_repr

        return array_repr(self)

    def __str__(self):
        from ._printing import array_str

        return array_str(self)

    def __format__(self, spec):
        if not self._shape:
            return format(self.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to numpy.ndarray.__format__")
        return str(self)

    def __getitem__(self, key):
        from ._indexing import getitem

        return getitem(self, key)

    def __setitem__(self, key, value):
        from ._indexing import setitem

        setitem(self, key, value)

    def __contains__(self, value):
        from ._math import UFUNCS

        return bool(UFUNCS['equal'](self, value).any())

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        from ._creation import array

        return (array, (self.tolist(), self._dtype.name))

    def __array__(self, dtype=None):
        return self if dtype is None else self.astype(dtype)

    # --- shape manipulation -------------------------------------------------------------------------------
    def reshape(self, *shape, order='C'):
        if order == 'F':  # read and written in Fortran order: the transpose's C-order reshape, transposed back
            return self.T.reshape(tuple(_resolve_shape(L.shape_arg(shape), self.size))[::-1]).T
        if order not in ('C', 'A'):
            raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got '" + str(order) + "')")
        shape = _resolve_shape(L.shape_arg(shape), self.size)
        if L.is_c_contiguous(self._shape, self._strides):
            return self._view(shape, L.c_strides(shape), self._off)
        return ndarray._make(list(self._values()), shape, self._dtype)

    def transpose(self, *axes):
        if not axes or (len(axes) == 1 and axes[0] is None):
            perm = tuple(range(self.ndim))[::-1]
        else:
            axes = axes[0] if len(axes) == 1 and isinstance(axes[0], (tuple, list)) else axes
            if len(axes) != self.ndim:
                raise ValueError("axes don't match array")
            perm = tuple(L.normalize_axis(a, self.ndim) for a in axes)
            if len(set(perm)) != len(perm):
                raise ValueError("repeated axis in transpose")
        return self._view(tuple(self._shape[p] for p in perm), tuple(self._strides[p] for p in perm), self._off)

    def swapaxes(self, a, b):
        perm = list(range(self.ndim))
        a, b = L.normalize_axis(a, self.ndim), L.normalize_axis(b, self.ndim)
        perm[a], perm[b] = perm[b], perm[a]
        return self.transpose(perm)

    def ravel(self, order='C'):
        return self.T.reshape(-1) if _fortran(self, order) else self.reshape(-1)

    def flatten(self, order='C'):
        src = self.T if _fortran(self, order) else self
        return ndarray._make(list(src._values()), (self.size,), self._dtype)

    def squeeze(self, axis=None):
        if axis is None:
            keep = [i for i, d in enumerate(self._shape) if d != 1]
        else:
            drop = L.normalize_axes(axis, self.ndim)
            for a in drop:
                if self._shape[a] != 1:
                    raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
            keep = [i for i in range(self.ndim) if i not in drop]
        return self._view(tuple(self._shape[i] for i in keep), tuple(self._strides[i] for i in keep), self._off)

    def astype(self, dtype, order='K', casting='unsafe', subok=True, copy=True):
        d = D.as_dtype(dtype)
        if d.kind == 'U' and d.width == 0:  # astype(str): numpy's width for the source dtype
            d = D.str_dtype(D.str_width_for(self._dtype))
        if d is self._dtype and not copy:
            return self
        perm = L.iteration_perm([self], self._shape) if order == 'K' else None
        if perm is None:
            return ndarray._make(list(D.cast_values(self._values(), self._dtype, d)), self._shape, d)
        values = D.cast_values(L.values_in(self, self._shape, perm), self._dtype, d)
        return ndarray._make(list(values), self._shape, d, L.perm_strides(self._shape, perm))

    def copy(self, order='C'):
        return ndarray._make(list(self._values()), self._shape, self._dtype)

    def view(self, dtype=None, type=None):
        if dtype is not None and D.as_dtype(dtype) is not self._dtype:
            raise unsupported('ndarray.view(dtype=...)')
        return self._view(self._shape, self._strides, self._off)

    def tolist(self):
        return L.chunk(self._values(), self._shape)

    def item(self, *args):
        if not args:
            if self.size != 1:
                raise ValueError("can only convert an array of size 1 to a Python scalar")
            return self._values()[0]
        if len(args) == 1 and not isinstance(args[0], tuple):
            i = operator.index(args[0])
            n = self.size
            if i < -n or i >= n:
                raise IndexError(f"index {i} is out of bounds for size {n}")
            return self._values()[i % n]
        idx = args[0] if len(args) == 1 else args
        v = self[tuple(idx)]
        return v.item()

    def fill(self, value):
        self._assign([D.store_one(value, self._dtype)] * self.size)

    def tobytes(self, order='C'):
        if order not in ('C', 'A'):
            raise unsupported(f"ndarray.tobytes(order='{order}')")
        from ._npyio import to_bytes

        return to_bytes(self)

    def __getattr__(self, name):
        if name.startswith('_') or name not in _NUMPY_ATTRIBUTES:
            raise AttributeError(f"'numpy.ndarray' object has no attribute '{name}'")
        raise missing(f"ndarray.{name}")


_NUMPY_ATTRIBUTES = frozenset(
    'all any argmax argmin argpartition argsort astype base byteswap choose clip compress conj conjugate copy ctypes '
    'cumprod cumsum data diagonal dot dtype dump dumps fill flags flat flatten getfield imag item itemset itemsize '
    'max mean min nbytes ndim newbyteorder nonzero partition prod ptp put ravel real repeat reshape resize round '
    'searchsorted setfield setflags shape size sort squeeze std strides sum swapaxes take tobytes tofile tolist '
    'tostring trace transpose var view'.split()
)


def _resolve_shape(shape, size):
    unknown = [i for i, d in enumerate(shape) if d == -1]
    if len(unknown) > 1:
        raise ValueError("can only specify one unknown dimension")
    if any(d < -1 for d in shape):
        raise ValueError("negative dimensions not allowed")
    if unknown:
        known = L.prod(d for d in shape if d != -1)
        if known == 0 or size % known:
            raise ValueError(f"cannot reshape array of size {size} into shape {_shape_text(shape)}")
        shape = tuple(size // known if d == -1 else d for d in shape)
    if L.prod(shape) != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {_shape_text(shape)}")
    return tuple(shape)


def _shape_text(shape):
    return '(' + ','.join(str(d) for d in shape) + (',)' if len(shape) == 1 else ')')


class _Flags:
    def __init__(self, a):
        self.c_contiguous = L.is_c_contiguous(a._shape, a._strides)
        self.f_contiguous = L.is_c_contiguous(a._shape[::-1], a._strides[::-1])
        self.contiguous = self.c_contiguous
        self.owndata = a._base is None
        self.writeable = True
        self.aligned = True

    def __getitem__(self, key):
        return getattr(
            self,
            {
                'C_CONTIGUOUS': 'c_contiguous',
                'F_CONTIGUOUS': 'f_contiguous',
                'C': 'c_contiguous',
                'OWNDATA': 'owndata',
                'WRITEABLE': 'writeable',
                'ALIGNED': 'aligned',
            }[key],
        )


class _FlatIter:
    __module__ = 'numpy'  # type(a.flat) prints as numpy's <class 'numpy.flatiter'>

    def __init__(self, a):
        self._a = a

    def __iter__(self):
        make = self._a._scalar
        return iter([make(v) for v in self._a._values()])

    def __len__(self):
        return self._a.size

    def __getitem__(self, key):
        return self._a.ravel()[key]

    def __setitem__(self, key, value):
        flat = self._a.reshape(-1)
        if flat._buf is not self._a._buf:
            raise unsupported('a.flat[...] = value on a non-contiguous array')
        flat[key] = value


_FlatIter.__name__ = _FlatIter.__qualname__ = 'flatiter'


def _fortran(a, order):
    """Whether ravel/flatten read in Fortran order: 'F', or 'A'/'K' of an array laid out in Fortran order."""
    if order in ('A', 'K'):
        return (
            a.ndim > 1 and not L.is_c_contiguous(a._shape, a._strides) and L.is_c_contiguous(a.T._shape, a.T._strides)
        )
    if order not in ('C', 'F'):
        raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got '" + str(order) + "')")
    return order == 'F'
