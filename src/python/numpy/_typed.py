"""Large float64 arrays in packed storage. A float64 array of TYPED_FROM elements or more that a ufunc makes (or
that a ufunc meets, when nothing else holds its list) keeps its values in an array('d') behind an F64Buffer,
and the arithmetic ufuncs (broadcast too), -x, x * x, |x|, exp, log, tanh, whole-array sums and a matrix's
column or row sums over such arrays run as one engine call over that memory (src/engine/numpyLoops.ts and
numpySvml.ts, given the buffer's address in Pyodide's memory) instead of a Python loop of 100-1000 ns an
element: the official numpy warm-up of "Learning PyTorch with Examples" took 13 s here, numpy 0.5 s. Matrix products of 64 multiply-adds or more go to the
engine too (numpyBlas.ts), from value lists. The memory is Python's, freed with the array as a list would be.

Results are numpy's bits (IEEE double arithmetic, the C library's pow and fma where numpy's kernels fuse,
numpy's pairwise sums, SVML's steps). A loop that meets a non-finite value (or an argument SVML sends down its
rare path) gives up and the caller computes the operation as before, with numpy's warnings."""

from array import array
import sys

from . import _dtypes as D
from . import _layout as L

try:
    import _bl_engine as _js
except ImportError:  # outside the runtime (no engine): every array keeps a list
    _js = None

TYPED_FROM = 64
_OPS = {'add': 0, 'subtract': 1, 'multiply': 2, 'true_divide': 3, 'power': 4}
# The ufuncs the engine runs (for the callers' checks): binary ones by _OPS, unary ones exact or SVML replays.
BINARY = frozenset(_OPS)
_ZERO = array('d', [0.0])


class F64Buffer:
    """A float64 array's values packed in an array('d'), read and written as the list it replaces (len, int
    and slice reads and writes, iteration, snapshot() for a list of every value)."""

    __slots__ = ('_a',)

    def __init__(self, packed):
        self._a = packed

    def __len__(self):
        return len(self._a)

    def snapshot(self):
        return self._a.tolist()

    def __iter__(self):
        return iter(self._a.tolist())

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._a[key].tolist()
        try:
            return self._a[key]
        except IndexError:
            raise IndexError("list index out of range") from None

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            values = array('d', value)
            if len(range(*key.indices(len(self._a)))) != len(values):
                raise ValueError("a packed buffer cannot change its size")
            self._a[key] = values
            return
        try:
            self._a[key] = value
        except IndexError:
            raise IndexError("list assignment index out of range") from None

    def address(self, offset=0):
        return self._a.buffer_info()[0] + 8 * offset


def wants(n):
    return _js is not None and n >= TYPED_FROM


def typed_array(values, shape):
    """An ndarray of float64 `values` (a list) in packed storage."""
    from ._ndarray import ndarray

    return ndarray._make(F64Buffer(array('d', values)), shape, D.float64)


def _address(a):
    """The address of float64 array `a`'s elements, in C order, or None where they are not one packed run. A
    contiguous array with a list of its own is packed first (a list another array shares stays: writes
    through one must reach the other)."""
    if a._dtype is not D.float64 or not L.is_c_contiguous(a._shape, a._strides):
        return None
    buf = a._buf
    if type(buf) is F64Buffer:
        return buf.address(a._off)
    # Held by the array's slot, `buf` and getrefcount's argument: nobody else.
    if type(buf) is list and a._off == 0 and a._base is None and sys.getrefcount(buf) <= 3:
        packed = F64Buffer(array('d', buf))
        a._buf = packed
        return packed.address()
    return None


def binary(name, aa, va, ab, vb, shape):
    """ufunc `name` of float64 operands (arrays of `shape` or scalars) as one engine call; None if not here."""
    from ._ndarray import ndarray

    x_array = aa is not None and bool(aa._shape)
    y_array = ab is not None and bool(ab._shape)
    x = _address(aa) if x_array else float(va)
    y = _address(ab) if y_array else float(vb)
    if x is None or y is None:
        return None
    n = L.prod(shape)
    out = F64Buffer(_ZERO * n)
    if not _js.np_binary_f64(_OPS[name], x, y, x_array | y_array << 1, out.address(), n):
        return None
    return ndarray._make(out, shape, D.float64)


def binary_broadcast(name, aa, ab, shape):
    """ufunc `name` of two float64 arrays broadcast to `shape` (a bias row added to every row of a batch),
    each read at its broadcast strides; the result in C order. None if not here."""
    from ._ndarray import ndarray

    x, y = _address(aa), _address(ab)
    if x is None or y is None:
        return None
    n = L.prod(shape)
    out = F64Buffer(_ZERO * n)
    xs = L.broadcast_strides(aa._shape, aa._strides, shape)
    ys = L.broadcast_strides(ab._shape, ab._strides, shape)
    counts = L.prod(aa._shape), L.prod(ab._shape)
    if not _js.np_binary_strided_f64(_OPS[name], x, counts[0], xs, y, counts[1], ys, tuple(shape), out.address()):
        return None
    return ndarray._make(out, shape, D.float64)


def sum_axis(a, axis):
    """np.sum of a C-ordered 2-D float64 array over axis 0 or 1, as a list, in numpy's order; None if not here."""
    x = _address(a)
    if x is None:
        return None
    rows, cols = a._shape
    out = _ZERO * (cols if axis == 0 else rows)
    _js.np_sum_axis_f64(x, rows, cols, axis, out.buffer_info()[0])
    return out.tolist()


def unary(name, arr):
    """-x, x * x, |x| (np_unary_f64) or numpy's SVML exp, log, tanh (np_svml_f64) of a float64 array."""
    from ._ndarray import ndarray

    x = _address(arr)
    if x is None:
        return None
    n = L.prod(arr._shape)
    out = F64Buffer(_ZERO * n)
    loop = _js.np_svml_f64 if name in SVML else _js.np_unary_f64
    if not loop(name, x, out.address(), n):
        return None
    return ndarray._make(out, arr._shape, D.float64)


# The functions of numpy/_svml.py the engine replays too (src/engine/numpySvml.ts).
SVML = frozenset(('exp', 'log', 'tanh'))
UNARY = frozenset(('negative', 'square', 'absolute')) | SVML


def total(a):
    """np.sum of every element of float64 array `a`, or None where they are not one packed run."""
    x = _address(a)
    return None if x is None else _js.np_sum_f64(x, L.prod(a._shape))


# --- matrix products (src/engine/numpyBlas.ts): flat C-order value lists in, a list out ---------------------


def _pack(values):
    return array('d', values)


def gemm(av, bv, n, k, m):
    """(n, k) @ (k, m) in OpenBLAS's dgemm order (numpy/_linalg.py's _gemm)."""
    a, b, out = _pack(av), _pack(bv), _ZERO * (n * m)
    _js.np_gemm_f64(a.buffer_info()[0], b.buffer_info()[0], n, k, m, out.buffer_info()[0])
    return out.tolist()


def gemv_t(av, x, n, k):
    """Each of the n rows of `av` (n x k) dotted with x, in dgemv_t's order (numpy/_blas_order.py)."""
    a, xs, out = _pack(av), _pack(x), _ZERO * n
    _js.np_gemv_t_f64(a.buffer_info()[0], xs.buffer_info()[0], n, k, out.buffer_info()[0])
    return out.tolist()


def gemv_n(av, x, n, k, packed):
    a, xs, out = _pack(av), _pack(x), _ZERO * n
    _js.np_gemv_n_f64(a.buffer_info()[0], xs.buffer_info()[0], n, k, bool(packed), out.buffer_info()[0])
    return out.tolist()


def ddot(x, y):
    xs, ys = _pack(x), _pack(y)
    return _js.np_ddot_f64(xs.buffer_info()[0], ys.buffer_info()[0], len(xs))
