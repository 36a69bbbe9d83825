"""torch.Tensor's shape side: indexing and index assignment, views and reshapes, transposes, joins and
splits, gathers. The engine decides what is a view (sharing memory) and what copies, as PyTorch does."""

import builtins

from ._engine import E

from ._dtype import dtype as _dtype_cls
from ._unsupported import unsupported
from ._tensor_base import TensorBase, wrap, tensor_from_data, _operand, _shape_args

_isinstance = builtins.isinstance
_int = builtins.int

_T_WARNING = (
    'The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw an '
    'error in a future release. Consider `x.mT` to transpose batches of matrices or '
    '`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor. (Triggered internally at  '
    './aten/src/ATen/native/TensorShape.cpp:3277.)'
)  # given once per process (TORCH_WARN_ONCE)
_bool = builtins.bool
_float = builtins.float


class ViewMixin:
    __slots__ = ()

    # ---- indexing -------------------------------------------------------------------------------
    def __getitem__(self, key):
        try:
            return wrap(E.getitem(self._t, _index_spec(key)))
        except IndexError:
            _zero_dim_key(self, key)
            raise

    def __setitem__(self, key, value):
        try:
            E.setitem(self._t, _index_spec(key), _operand(value))
        except IndexError:
            _zero_dim_key(self, key)
            raise

    # ---- views and reshapes ---------------------------------------------------------------------
    @property
    def T(self):
        # 1.13 deprecates reversing any shape but a matrix's (a 0-d tensor passes quietly).
        if self.ndim not in (0, 2):
            from ._errors import warn_once

            warn_once(_T_WARNING)
        return wrap(E.T(self._t))

    @property
    def mT(self):
        return wrap(E.transpose(self._t, -2, -1))

    def view(self, *shape, dtype=None):
        if dtype is None and len(shape) == 1 and _isinstance(shape[0], _dtype_cls):
            shape, dtype = (), shape[0]
        if dtype is None:
            return wrap(E.view(self._t, list(_shape_args(shape))))
        if shape or not _isinstance(dtype, _dtype_cls):
            raise TypeError('view() received an invalid combination of arguments')
        if dtype._engine is None:
            raise unsupported(f'Tensor.view({dtype})', f'the engine has no {dtype} tensors')
        # The same bytes read as `dtype`; shared memory only for the same dtype (engine/ops/viewDtype.ts).
        return wrap(E.view_dtype(self._t, dtype._engine))

    def reshape(self, *shape):
        return wrap(E.reshape(self._t, list(_shape_args(shape))))

    def view_as(self, other):
        return wrap(E.view(self._t, list(other._t.shape)))

    def reshape_as(self, other):
        return wrap(E.reshape(self._t, list(other._t.shape)))

    def unsqueeze(self, dim):
        return wrap(E.unsqueeze(self._t, dim))

    def squeeze(self, dim=None):
        return wrap(E.squeeze(self._t, dim))

    def unsqueeze_(self, dim):
        return self._inplace_shape(E.unsqueeze(self._t, dim))

    def squeeze_(self, dim=None):
        return self._inplace_shape(E.squeeze(self._t, dim))

    def resize_(self, *sizes, memory_format=None):
        E.resize_(self._t, list(_shape_args(sizes)))
        return self

    def _inplace_shape(self, result):
        E.set_shape(self._t, result.shape)
        return self

    def flatten(self, start_dim=0, end_dim=-1):
        return wrap(E.flatten(self._t, start_dim, end_dim))

    def unflatten(self, dim, sizes):
        shape = list(self.shape)
        dim = dim % len(shape)
        return self.reshape(shape[:dim] + list(sizes) + shape[dim + 1 :])

    def ravel(self):
        return wrap(E.flatten(self._t, 0, -1))

    def transpose(self, dim0, dim1):
        return wrap(E.transpose(self._t, dim0, dim1))

    swapaxes = transpose
    swapdims = transpose

    def t(self):
        return wrap(E.t(self._t))

    def t_(self):
        if self.dim() > 2:
            raise RuntimeError(f't_() expects a tensor with <= 2 dimensions, but self is {self.dim()}D')
        d = 1 if self.dim() == 2 else 0
        return self._transpose_in_place(0, d, 'TBackward1')

    def transpose_(self, dim0, dim1):
        return self._transpose_in_place(dim0, dim1, 'TransposeBackward1')

    def _transpose_in_place(self, dim0, dim1, name):
        """t_()/transpose_(): new strides over the same storage (views taken before see the same elements)."""
        E.transpose_(self._t, dim0, dim1, name)
        return self

    def permute(self, *dims):
        return wrap(E.permute(self._t, list(_shape_args(dims))))

    def movedim(self, source, destination):
        nd = self.dim()
        order = [d for d in range(nd) if d != source % nd]
        order.insert(destination % nd, source % nd)
        return self.permute(order)

    def contiguous(self, memory_format=None):
        if memory_format is not None:
            from ._memory_format import as_format

            return as_format(self, memory_format)
        t = self._t
        return self if t.is_contiguous() else wrap(E.contiguous(t))

    def expand(self, *sizes):
        return wrap(E.expand(self._t, list(_shape_args(sizes))))

    def expand_as(self, other):
        return wrap(E.expand(self._t, list(other._t.shape)))

    def broadcast_to(self, shape):
        return wrap(E.expand(self._t, list(shape)))

    def repeat(self, *sizes):
        return wrap(E.repeat(self._t, list(_shape_args(sizes))))

    def flip(self, *dims, **kwargs):
        # x.flip(0, 1), x.flip([0, 1]), x.flip(dims=(1,)) and x.flip(1) all name the dims.
        dims = kwargs['dims'] if 'dims' in kwargs else dims[0] if len(dims) == 1 else dims
        return wrap(E.flip(self._t, list(dims) if not _isinstance(dims, _int) else [dims]))

    # ---- splits, gathers, triangles -------------------------------------------------------------
    def chunk(self, chunks, dim=0):
        if chunks <= 0:
            raise RuntimeError(f'chunk expects `chunks` to be greater than 0, got: {chunks}')
        size = self.size(dim)
        step = -(-size // chunks)
        return self.split(step, dim)

    def split(self, split_size, dim=0):
        # An int is split_size (SplitBackward0); a list, the sizes (SplitWithSizesBackward0).
        sizes = split_size if _isinstance(split_size, _int) else list(split_size)
        return tuple(wrap(p) for p in E.split(self._t, sizes, dim))

    def unbind(self, dim=0):
        return tuple(wrap(p) for p in E.unbind(self._t, dim))

    def narrow(self, dim, start, length):
        return wrap(E.narrow(self._t, dim, start, length))

    def index_select(self, dim, index):
        return wrap(E.index_select(self._t, dim, index._t))

    def gather(self, dim, index):
        return wrap(E.gather(self._t, dim, index._t))

    def scatter(self, dim, index, src=None, reduce=None, *, value=None):
        return wrap(E.scatter(self._t, dim, index._t, _scatter_src(src, value), reduce))

    def scatter_(self, dim, index, src=None, reduce=None, *, value=None):
        E.scatter_(self._t, dim, index._t, _scatter_src(src, value), reduce)
        return self

    def scatter_add(self, dim, index, src):
        return wrap(E.scatter_add(self._t, dim, index._t, src._t))

    def scatter_add_(self, dim, index, src):
        E.scatter_add_(self._t, dim, index._t, src._t)
        return self

    def bincount(self, weights=None, minlength=0):
        return wrap(E.bincount(self._t, None if weights is None else weights._t, int(minlength)))

    def masked_select(self, mask):
        return wrap(E.getitem(self._t, [mask._t]))

    def nonzero(self, as_tuple=False):
        idx = wrap(E.nonzero(self._t))
        return idx.unbind(1) if as_tuple else idx

    def tril(self, diagonal=0):
        return wrap(E.tril(self._t, diagonal))

    def triu(self, diagonal=0):
        return wrap(E.triu(self._t, diagonal))

    def diag(self, diagonal=0):
        return wrap(E.diag(self._t, diagonal))

    def index_fill_(self, dim, index, value):
        dim = dim % builtins.max(self.dim(), 1)
        self[(slice(None),) * dim + (index,)] = value
        return self

    def index_fill(self, dim, index, value):
        return self.clone().index_fill_(dim, index, value)

    def diagonal(self, offset=0, dim1=0, dim2=1):
        return wrap(E.diagonal(self._t, offset, dim1, dim2))

    def trace(self):
        return wrap(E.trace(self._t))

    def unfold(self, dimension, size, step):
        return wrap(E.unfold(self._t, dimension, size, step))

    def inverse(self):
        return wrap(E.inv(self._t))

    def det(self):
        return wrap(E.det(self._t))

    def cross(self, other, dim=None):
        """torch.cross: dim=None takes the first dim of size 3, as PyTorch 1.13 does; inputs broadcast."""
        a, b = self, other
        shape = [_int(n) for n in E.common_shape([list(a._t.shape), list(b._t.shape)], False)]
        if dim is None:
            dim = next((i for i, n in enumerate(shape) if n == 3), None)
            if dim is None:
                raise RuntimeError('no dimension of size 3 in input')
        a, b = a.expand(shape), b.expand(shape)
        if a.size(dim) != 3:
            raise RuntimeError(
                f'linalg.cross: inputs dimension {dim} must have length 3. Got {self.size(dim)} and {other.size(dim)}'
            )
        if a.dtype != b.dtype and a.is_floating_point() and b.is_floating_point():
            a, b = a.double(), b.double()  # float32 with float64 promotes to float64
        return wrap(E.cross(a.contiguous()._t, b.contiguous()._t, dim))

    def roll(self, shifts, dims=None):
        shifts = [shifts] if _isinstance(shifts, _int) else list(shifts)
        dims = [] if dims is None else [dims] if _isinstance(dims, _int) else list(dims)
        return wrap(E.roll(self._t, shifts, dims))


def _scatter_src(src, value):
    """scatter's source: a tensor (src=) or a Python number (value=, or a number passed as src)."""
    src = value if src is None else src
    if src is None:
        raise TypeError("scatter() missing 1 required positional argument: 'src' or 'value'")
    if _isinstance(src, TensorBase):
        return src._t
    if _isinstance(src, (_int, _float, _bool)):
        return src
    return _float(src)


def _user_sequence(k):
    """A user's sequence class used as an index (a data.Subset of indices, as `x[train_idx]` after
    random_split): PySequence_Check's reading of a class with __getitem__ and __len__, builtins aside."""
    cls = type(k)
    if cls.__module__ in ('builtins', 'numpy') or _isinstance(k, (TensorBase, dict, str, bytes)):
        return False
    return hasattr(cls, '__getitem__') and hasattr(cls, '__len__')


def _sequence_as_tuple(key):
    """PyTorch's treatSequenceAsTuple (after NumPy's old rule): a list (or user sequence) index shorter
    than 32 that holds a tensor, a sequence, a slice, Ellipsis or None is read as a tuple of indices
    (`x[[rows, cols]]` is `x[rows, cols]`; a short Subset, whose items are 0-dim tensors, too). A numpy array
    is such a sequence: one of 2 or more dimensions and under 32 rows is a tuple of its rows (d2l's
    `colormap2label[idx]` with a small int32 idx fails there as 'too many indices')."""
    if type(key).__name__ == 'ndarray' and type(key).__module__ == 'numpy':
        return key.ndim >= 2 and len(key) < 32
    if not (_isinstance(key, list) or _user_sequence(key)):
        return False
    try:  # PyTorch clears a failing len() or item and reads the key as one index
        items = [key[i] for i in range(len(key))] if len(key) < 32 else []
    except Exception:  # noqa: BLE001
        return False
    for k in items:
        if k is None or k is Ellipsis or _isinstance(k, (TensorBase, list, tuple, slice, range)):
            return True
        if k.__class__.__module__ == 'numpy' and getattr(k, 'ndim', 0) > 0:
            return True
    return False


def _zero_dim_key(t, key):
    """PyTorch words a lone integer or slice on a 0-dim tensor (old code's `loss.data[0]`) apart from other
    keys, which fail as 'too many indices'."""
    if t.dim() != 0 or _isinstance(key, (tuple, list, _bool, TensorBase)):
        return
    if key.__class__ is slice:
        raise IndexError('slice() cannot be applied to a 0-dim tensor.') from None
    if hasattr(key, '__index__'):
        raise IndexError(
            'invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ '
            'to convert a 0-dim tensor to a number'
        ) from None


def _index_spec(key):
    """Encodes an indexing key as a list the engine reads: ints, [start, stop, step] for slices,
    None for a new axis, '...' for Ellipsis, engine tensors for tensor/list indices."""
    if not _isinstance(key, tuple):
        key = tuple(key) if _sequence_as_tuple(key) else (key,)
    spec = []
    for k in key:
        if k.__class__ is _int:
            spec.append(k)
        elif k.__class__ is slice:
            spec.append([_slice_part(k.start), _slice_part(k.stop), _slice_part(k.step)])
        elif k is None:
            spec.append(None)
        elif k is Ellipsis:
            spec.append('...')
        elif _isinstance(k, TensorBase):
            spec.append(k._t)
        elif k.__class__ is _bool:
            spec.append(tensor_from_data(k)._t)
        elif k.__class__ is range:  # x[range(3), y]: a python sequence of indices, as a list is
            spec.append(E.tensor(list(k), [len(k)], 'int64', False))
        elif _isinstance(k, (list, tuple)):
            if any(_isinstance(v, TensorBase) and v.numel() != 1 for v in k):
                # PyTorch reads each tensor of an index list through __index__.
                raise TypeError('only integer tensors of a single element can be converted to an index')
            spec.append(tensor_from_data(k)._t)
        elif type(k).__name__ == 'ndarray' and k.ndim > 0:  # x[np.array([0, 2])], a numpy mask
            from ._creation import as_tensor

            t = as_tensor(k)._t
            # PyTorch reads a numpy index as indexing data: masks stay bool/uint8, any other dtype
            # (int32 from np.int32 edge lists, even float) becomes long, truncated toward zero.
            spec.append(t if t.dtype in ('bool', 'uint8', 'int64') else E.cast(t, 'int64'))
        elif hasattr(k, '__index__'):
            spec.append(k.__index__())
        elif _user_sequence(k):  # read item by item, as PyTorch reads any sequence's data
            spec.append(tensor_from_data([k[i] for i in range(len(k))])._t)
        else:
            raise IndexError(
                'only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables '
                'are valid indices (got ' + type(k).__name__ + ')'
            )
    return spec


def _slice_part(v):
    if v is None or v.__class__ is _int:
        return v
    return v.__index__()
