"""torch.Tensor's attributes (shape, dtype, device...), conversions to Python values, printing, dtype and
device changes, new_* constructors, and what Tensor refuses (unknown attributes, pickling)."""

import builtins

from ._engine import E

from ._dtype import TYPE_NAMES, dtype as _dtype_cls, from_engine, to_engine

_FLOATS = ('float32', 'float64', 'float16', 'bfloat16')
from ._size import Size
from ._unsupported import unsupported, missing
from ._device import no_cuda
from ._tensor_names import TENSOR_NAMES
from ._tensor_base import TensorBase, wrap, tensor_from_data, CPU, _check_device, _shape_args

_isinstance = builtins.isinstance
_float = builtins.float
_int = builtins.int
_bool = builtins.bool
_format = E.format


class ConversionMixin:
    __slots__ = ()

    # ---- attributes -----------------------------------------------------------------------------
    @property
    def shape(self):
        return Size(self._t.shape)

    def size(self, dim=None):
        shape = tuple(self._t.shape)
        if dim is None:
            return Size(shape)
        n = builtins.max(len(shape), 1)
        if dim < -n or dim >= n:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")
        return shape[dim] if shape else 1

    @property
    def dtype(self):
        return from_engine(self._t.dtype)

    @property
    def device(self):
        return CPU

    is_cuda = False
    is_sparse = False
    is_quantized = False
    is_meta = False

    @property
    def layout(self):
        return 'torch.strided'

    def dim(self):
        return self._t.shape.length

    ndimension = dim

    @property
    def ndim(self):
        return self._t.shape.length

    def numel(self):
        return self._t.data.length

    nelement = numel

    def element_size(self):
        return self.dtype.itemsize

    def is_floating_point(self):
        return self._t.dtype in _FLOATS

    def is_contiguous(self, memory_format=None):
        from ._memory_format import is_contiguous_as

        return is_contiguous_as(self, memory_format)

    def stride(self, dim=None):
        strides = tuple(_int(s) for s in E.strides(self._t))
        if dim is None:
            return strides
        n = builtins.max(len(strides), 1)
        if dim < -n or dim >= n:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})")
        return strides[dim] if strides else 1

    # ---- storage: the memory a tensor and its views share (torch/storage.py) --------------------
    def storage(self):
        from .storage import TypedStorage

        return TypedStorage(E.storage_of(self._t), self.dtype)

    def storage_offset(self):
        return _int(E.storage_offset(self._t))

    def data_ptr(self):
        from .storage import address

        t = self._t
        return address(E.storage_of(t), E.storage_offset(t), self.dtype.itemsize)

    @property
    def names(self):
        return (None,) * self.dim()

    # ---- conversions ----------------------------------------------------------------------------
    def item(self):
        t = self._t
        v = E.item(t)
        d = t.dtype
        if d in _FLOATS:
            return _float(v) if v else _signed_zero(t)
        if d == 'bool':
            return _bool(v)
        return _int(v)

    def tolist(self):
        t = self._t
        d = t.dtype
        conv = _float if d in _FLOATS else _bool if d == 'bool' else _int
        # One copy of the buffer into Python (element-wise proxy reads would cost a JS call each).
        flat = t.data.to_memoryview().tolist()
        if d not in _FLOATS:
            flat = [conv(v) for v in flat]
        shape = list(t.shape)
        if not shape:
            return flat[0]
        return _nest(flat, shape)

    def numpy(self, force=False):
        from ._numpy_bridge import tensor_to_numpy

        return tensor_to_numpy(self.detach() if force else self)

    def __array__(self, dtype=None):
        from ._numpy_bridge import tensor_to_numpy

        a = tensor_to_numpy(self)
        return a if dtype is None else a.astype(dtype)

    # NumPy gives a ufunc's or np.argmax's result on a tensor back through this (`np.sin(t)` is a tensor);
    # PyTorch turns bool results into uint8 (`np.greater(t, 0)` is a uint8 tensor).
    __array_priority__ = 1000

    def __array_wrap__(self, array, context=None):
        from ._numpy_bridge import from_numpy

        if array.dtype == bool:
            array = array.astype('uint8')
        return from_numpy(array)

    def __float__(self):
        v = self._scalar('float')
        return _float(v) if v or self._t.dtype not in _FLOATS else _signed_zero(self._t)

    def __int__(self):
        return _int(self._scalar('int'))

    def __index__(self):
        if self._t.dtype in _FLOATS:
            raise TypeError('only integer tensors of a single element can be converted to an index')
        return _int(self._scalar('index'))

    def __bool__(self):
        t = self._t
        if t.data.length != 1:
            many = 'more than one value' if t.data.length else 'no values'
            raise RuntimeError(f'Boolean value of Tensor with {many} is ambiguous')
        return _bool(E.item(t))

    def _scalar(self, what):
        t = self._t
        if t.data.length != 1:
            raise ValueError('only one element tensors can be converted to Python scalars')
        return E.item(t)

    def __complex__(self):
        return complex(self.item())

    def __len__(self):
        shape = self._t.shape
        if shape.length == 0:
            raise TypeError('len() of a 0-d tensor')
        return shape[0]

    def __iter__(self):
        shape = self._t.shape
        if shape.length == 0:
            raise TypeError('iteration over a 0-d tensor')
        t = self._t
        return iter([wrap(x) for x in E.unbind(t, 0)])

    def __format__(self, spec):
        # As PyTorch: a 0-d tensor formats like its Python number; others only with an empty spec.
        if self._t.shape.length == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __repr__(self):
        return _format(self._t)

    __str__ = __repr__

    # ---- dtype / device -------------------------------------------------------------------------
    def _as(self, name):
        return self if self._t.dtype == name else wrap(E.cast(self._t, name))

    def float(self):
        return self._as('float32')

    def double(self):
        return self._as('float64')

    def long(self):
        return self._as('int64')

    def int(self):
        return self._as('int32')

    def short(self):
        return self._as('int16')

    def char(self):
        return self._as('int8')

    def byte(self):
        return self._as('uint8')

    def bool(self):
        return self._as('bool')

    def half(self):
        return self._as('float16')

    def bfloat16(self):
        return self._as('bfloat16')

    def type(self, dtype=None, non_blocking=False):
        if dtype is None:
            return TYPE_NAMES[self._t.dtype]
        if _isinstance(dtype, str):
            names = {v: k for k, v in TYPE_NAMES.items()}
            if dtype not in names:
                raise unsupported(f"Tensor.type({dtype!r})")
            return self.to(from_engine(names[dtype]))
        return self.to(getattr(dtype, 'dtype', dtype))  # torch.FloatTensor & co. carry their dtype

    def type_as(self, other):
        return self.to(other.dtype)

    def to(self, *args, **kwargs):
        target = kwargs.get('dtype')
        for a in builtins.list(args) + [kwargs.get('device')]:
            if a is None:
                continue
            if _isinstance(a, _dtype_cls):
                target = a
            elif _isinstance(a, TensorBase):
                target = a.dtype
            elif not _isinstance(a, _bool):  # a positional non_blocking or copy flag
                _check_device(a, 'Tensor.to')
        fmt = kwargs.get('memory_format')
        name = None if target is None else to_engine(target)
        result = self if name is None or name == self._t.dtype else wrap(E.cast(self._t, name))
        if fmt is None:
            return result
        from ._memory_format import as_format, channels_last_of, preserve_format

        # preserve_format (the default) keeps the layout a cast already kept; another format lays it out anew.
        return result if fmt is preserve_format or channels_last_of(result) is fmt else as_format(result, fmt)

    def cpu(self):
        return self

    def cuda(self, device=None, non_blocking=False, memory_format=None):
        raise no_cuda()

    def pin_memory(self):
        return self

    def share_memory_(self):
        return self

    # ---- new tensors like this one --------------------------------------------------------------
    def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
        _check_device(device, 'Tensor.new_tensor')
        return tensor_from_data(data, dtype=dtype or self.dtype, requires_grad=requires_grad)

    def new_zeros(self, *size, dtype=None, device=None, requires_grad=False):
        _check_device(device, 'Tensor.new_zeros', creating=True)
        return wrap(E.zeros(list(_shape_args(size)), to_engine(dtype) or self._t.dtype, _bool(requires_grad)))

    def new_ones(self, *size, dtype=None, device=None, requires_grad=False):
        _check_device(device, 'Tensor.new_ones', creating=True)
        return wrap(E.ones(list(_shape_args(size)), to_engine(dtype) or self._t.dtype, _bool(requires_grad)))

    def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
        _check_device(device, 'Tensor.new_full', creating=True)
        return wrap(E.full(list(size), fill_value, to_engine(dtype) or self._t.dtype, _bool(requires_grad)))

    def new_empty(self, *size, dtype=None, device=None, requires_grad=False):
        return self.new_zeros(*size, dtype=dtype, device=device, requires_grad=requires_grad)

    # ---- what Tensor refuses --------------------------------------------------------------------
    def apply_(self, fn):
        raise unsupported('Tensor.apply_')

    def __getattr__(self, name):
        # A name PyTorch's Tensor has is a feature we lack (a MissingFeature: NotImplementedError naming it, and
        # an AttributeError, so hasattr() and numpy's/copy's probes see a tensor without it); any other name
        # (a typo, hasattr(x, '__array_interface__')) is the AttributeError PyTorch gives.
        if name not in TENSOR_NAMES:
            raise AttributeError(f"'Tensor' object has no attribute '{name}'")
        if hasattr(type(self), name):
            return object.__getattribute__(self, name)  # our property raised AttributeError: show that one
        from ._missing_hints import tensor_hint

        raise missing(f"Tensor.{name}", tensor_hint(name, type(self)))

    def __reduce_ex__(self, proto):
        from .serialization import tensor_reduction

        return tensor_reduction(self)

    def __copy__(self):
        # copy.copy rebuilds a tensor over the same storage in PyTorch (its pickle reduction passes the storage
        # object through): writes to one show in the other.
        out = wrap(E.detach(self._t))
        if self.requires_grad:
            out.requires_grad_(True)
        out.__dict__.update(self.__dict__)
        return out

    def __deepcopy__(self, memo):
        out = wrap(E.clone(E.detach(self._t)))
        if self.requires_grad:
            out.requires_grad_(True)
        if self.__dict__:  # the learner's own attributes travel too, as PyTorch's deepcopy copies them
            import copy

            out.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return out


def _nest(flat, shape):
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def _signed_zero(t):
    """A float tensor's single zero as Python sees it: Pyodide hands a JS -0 over as the int 0, so the sign is
    read from the buffer itself (PyTorch's float() of a -0. tensor is -0.0, as in d2l's LeakyReLU(0) plot data)."""
    return _float(t.data.to_memoryview()[0])
