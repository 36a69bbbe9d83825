"""torch.Tensor: a thin Python handle on an engine tensor (the JS object lives in `_t`).

Every operation is one call into the engine bridge; methods stay a few lines so a training step spends
its time in the engine, not in Python. The engine records autograd nodes and does all arithmetic."""
import builtins

from ._engine import E

from ._dtype import dtype as _dtype_cls, from_engine, to_engine
from ._size import Size
from ._unsupported import unsupported, no_gpu
from ._activation_probe import scope as _scope, report as _report

_isinstance = builtins.isinstance
_float = builtins.float
_int = builtins.int
_bool = builtins.bool
_new = object.__new__

# Engine functions bound once as module globals: each op is then one global lookup and one JS call.
_add, _sub, _mul, _div, _pow, _matmul = E.add, E.sub, E.mul, E.div, E.pow, E.matmul
_rsub, _rdiv, _rpow = E.rsub, E.rdiv, E.rpow
_neg = E.neg
_eq, _ne, _lt, _le, _gt, _ge = E.eq, E.ne, E.lt, E.le, E.gt, E.ge
_add_, _sub_, _mul_, _div_ = E.add_, E.sub_, E.mul_, E.div_
_format = E.format
_float_scalar = E.float_scalar


class _DeviceCPU:
    """The one device: `torch.device('cpu')`."""

    type = 'cpu'
    index = None

    def __repr__(self):
        return "device(type='cpu')"

    def __str__(self):
        return 'cpu'

    def __eq__(self, other):
        return str(other) == 'cpu'

    def __hash__(self):
        return hash('cpu')


CPU = _DeviceCPU()


def _check_device(device, feature):
    if device is None:
        return
    name = str(device)
    if name.startswith('cuda') or name.startswith('mps'):
        raise no_gpu(f"{feature}({name!r})")
    if name != 'cpu':
        raise unsupported(f"device {name!r}")


def wrap(t):
    """The Python Tensor for engine tensor `t`."""
    o = _new(Tensor)
    o._t = t
    return o


def _operand(x):
    """What the engine takes for `x`: an engine tensor or a JS number. A Python float with an integral
    value would reach JS as an integer, so it travels as a float32 scalar tensor to keep its dtype."""
    if _isinstance(x, Tensor):
        return x._t
    if x.__class__ is _float and x.is_integer():
        return _float_scalar(x)
    if x.__class__ is _int or x.__class__ is _float or x.__class__ is _bool:
        return x
    return tensor_from_data(x)._t


def tensor_from_data(data, dtype=None, requires_grad=False):
    """torch.tensor(data): nested lists/tuples of numbers, a scalar, or a tensor (copied)."""
    if _isinstance(data, Tensor):
        t = E.clone(data._t) if dtype is None else E.cast(E.detach(data._t), to_engine(dtype))
        out = wrap(E.detach(t))
        if requires_grad:
            out.requires_grad_(True)
        return out
    flat = []
    shape = []
    _flatten_nested(data, flat, shape, 0)
    eng_dtype = to_engine(dtype) if dtype is not None else _infer_dtype(flat)
    return wrap(E.tensor(flat, shape, eng_dtype, _bool(requires_grad)))


def _flatten_nested(data, flat, shape, depth):
    if _isinstance(data, (list, tuple)):
        n = len(data)
        if len(shape) <= depth:
            shape.append(n)
        elif shape[depth] != n:
            raise ValueError(f"expected sequence of length {shape[depth]} at dim {depth} (got {n})")
        for item in data:
            _flatten_nested(item, flat, shape, depth + 1)
    elif _isinstance(data, Tensor):
        if data.numel() != 1 or data.dim() != 0:
            # A list of tensors: each contributes its own nested values.
            _flatten_nested(data.tolist(), flat, shape, depth)
        else:
            flat.append(data.item())
    elif _isinstance(data, (_bool, _int, _float)):
        if len(shape) > depth:
            raise ValueError(f"expected a sequence at dim {depth}")
        flat.append(data)
    else:
        raise TypeError(f"Could not infer dtype of {type(data).__name__}")


def _infer_dtype(flat):
    kind = 'bool'
    for v in flat:
        if v.__class__ is _float:
            return 'float32'
        if v.__class__ is not _bool:
            kind = 'int64'
    return kind if flat else 'float32'


def _dims(dim):
    """A dim argument for the engine: None, an int, or a list of ints."""
    if dim is None or _isinstance(dim, _int):
        return dim
    return list(dim)


def _shape_args(args):
    """view(2, 3), view((2, 3)) and view([2, 3]) all mean the shape [2, 3]."""
    if len(args) == 1 and not _isinstance(args[0], _int):
        return tuple(args[0])
    return args


class _GradFn:
    """What `tensor.grad_fn` shows: the PyTorch name of the backward node."""

    __slots__ = ('_node',)

    def __init__(self, node):
        self._node = node

    def name(self):
        return self._node.name

    @property
    def next_functions(self):
        return tuple((_GradFn(n) if n is not None else None, 0) for n in E.next_nodes(self._node))

    def __repr__(self):
        return f"<{self._node.name} object at {id(self):#x}>"

    def __eq__(self, other):
        return _isinstance(other, _GradFn) and E.same(self._node, other._node)

    def __hash__(self):
        return hash(self._node.name)


def _unary(name):
    fn = getattr(E, name)

    def method(self):
        return wrap(fn(self._t))

    method.__name__ = name
    return method


def _unary_activation(name):
    """x.relu()/.tanh()/.sigmoid() (and torch.relu/tanh/sigmoid, which call them): reported when called inside
    a seen model's forward (torch/_activation_probe.py)."""
    fn = getattr(E, name)

    def method(self):
        out = wrap(fn(self._t))
        if _scope[0] is not None:
            _report(name, out)
        return out

    method.__name__ = name
    return method


class Tensor:
    __slots__ = ('_t', '__weakref__')

    def __new__(cls, *args, **kwargs):
        # Legacy constructor: torch.Tensor([1, 2]) copies data as float32; torch.Tensor(2, 3) is uninitialised.
        if args and not _isinstance(args[0], (_int, Size)):
            return wrap(tensor_from_data(args[0], dtype=_FLOAT32)._t)
        shape = _shape_args(args) if args else (0,)
        return wrap(E.zeros(list(shape), 'float32', False))

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
        return self._t.dtype == 'float32'

    def is_contiguous(self, memory_format=None):
        return self._t.is_contiguous()

    @property
    def requires_grad(self):
        return self._t.requiresGrad

    @requires_grad.setter
    def requires_grad(self, flag):
        E.requires_grad_(self._t, _bool(flag))

    def requires_grad_(self, requires_grad=True):
        E.requires_grad_(self._t, _bool(requires_grad))
        return self

    @property
    def grad(self):
        g = E.grad(self._t)
        return None if g is None else wrap(g)

    @grad.setter
    def grad(self, value):
        E.set_grad(self._t, None if value is None else value._t)

    @grad.deleter
    def grad(self):
        E.set_grad(self._t, None)

    @property
    def grad_fn(self):
        node = E.grad_fn(self._t)
        return None if node is None else _GradFn(node)

    @property
    def is_leaf(self):
        return E.is_leaf(self._t)

    @property
    def data(self):
        return wrap(E.detach(self._t))

    @data.setter
    def data(self, value):
        E.set_data(self._t, value._t)

    @property
    def T(self):
        return wrap(E.T(self._t))

    @property
    def mT(self):
        return wrap(E.transpose(self._t, -2, -1))

    @property
    def names(self):
        return (None,) * self.dim()

    @property
    def _version(self):
        return self._t.version

    # ---- conversions ----------------------------------------------------------------------------
    def item(self):
        t = self._t
        v = E.item(t)
        d = t.dtype
        if d == 'float32':
            return _float(v)
        if d == 'int64':
            return _int(v)
        return _bool(v)

    def tolist(self):
        t = self._t
        d = t.dtype
        conv = _float if d == 'float32' else _int if d == 'int64' else _bool
        # One copy of the buffer into Python (element-wise proxy reads would cost a JS call each).
        flat = t.data.to_memoryview().tolist()
        if d != 'float32':
            flat = [conv(v) for v in flat]
        shape = list(t.shape)
        if not shape:
            return flat[0]
        return _nest(flat, shape)

    def numpy(self):
        raise unsupported('Tensor.numpy()', 'NumPy is not available; use .tolist()')

    def __float__(self):
        return _float(self._scalar('float'))

    def __int__(self):
        return _int(self._scalar('int'))

    def __index__(self):
        if self._t.dtype == 'float32':
            raise TypeError('only integer tensors of a single element can be converted to an index')
        return _int(self._scalar('index'))

    def __bool__(self):
        t = self._t
        if t.data.length != 1:
            raise RuntimeError('Boolean value of Tensor with more than one value is ambiguous')
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

    def __hash__(self):
        return id(self)

    def __contains__(self, element):
        return _bool(E.item(E.any(_eq(self._t, _operand(element)), None, False)))

    def __format__(self, spec):
        # As PyTorch: a 0-d tensor formats like its Python number; others only with an empty spec.
        if self._t.shape.length == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __repr__(self):
        return _format(self._t)

    __str__ = __repr__

    # ---- arithmetic -----------------------------------------------------------------------------
    def __add__(self, other):
        return wrap(_add(self._t, other._t if _isinstance(other, Tensor) else _operand(other), 1))

    __radd__ = __add__

    def __sub__(self, other):
        return wrap(_sub(self._t, other._t if _isinstance(other, Tensor) else _operand(other), 1))

    def __rsub__(self, other):
        return wrap(_rsub(self._t, _operand(other)))

    def __mul__(self, other):
        return wrap(_mul(self._t, other._t if _isinstance(other, Tensor) else _operand(other)))

    __rmul__ = __mul__

    def __truediv__(self, other):
        return wrap(_div(self._t, other._t if _isinstance(other, Tensor) else _operand(other)))

    def __rtruediv__(self, other):
        return wrap(_rdiv(self._t, _operand(other)))

    def __floordiv__(self, other):
        return wrap(E.floor_divide(self._t, _operand(other)))

    def __rfloordiv__(self, other):
        return wrap(E.floor_divide(_operand(other), self._t))

    def __mod__(self, other):
        return wrap(E.remainder(self._t, _operand(other)))

    def __rmod__(self, other):
        return wrap(E.remainder(_operand(other), self._t))

    def __pow__(self, other):
        return wrap(_pow(self._t, other._t if _isinstance(other, Tensor) else _operand(other)))

    def __rpow__(self, other):
        return wrap(_rpow(self._t, _operand(other)))

    def __matmul__(self, other):
        return wrap(_matmul(self._t, other._t))

    def __rmatmul__(self, other):
        return wrap(_matmul(_operand(other), self._t))

    def __neg__(self):
        return wrap(_neg(self._t))

    def __pos__(self):
        return self

    def __abs__(self):
        return wrap(E.abs(self._t))

    def __invert__(self):
        return wrap(E.bitwise_not(self._t))

    def __and__(self, other):
        return wrap(E.logical_and(self._t, _operand(other)))

    __rand__ = __and__

    def __or__(self, other):
        return wrap(E.logical_or(self._t, _operand(other)))

    __ror__ = __or__

    def __xor__(self, other):
        return wrap(E.logical_xor(self._t, _operand(other)))

    __rxor__ = __xor__

    def __iadd__(self, other):
        _add_(self._t, other._t if _isinstance(other, Tensor) else _operand(other), 1)
        return self

    def __isub__(self, other):
        _sub_(self._t, other._t if _isinstance(other, Tensor) else _operand(other), 1)
        return self

    def __imul__(self, other):
        _mul_(self._t, other._t if _isinstance(other, Tensor) else _operand(other))
        return self

    def __itruediv__(self, other):
        _div_(self._t, other._t if _isinstance(other, Tensor) else _operand(other))
        return self

    def __ipow__(self, other):
        E.pow_(self._t, _operand(other))
        return self

    def __eq__(self, other):
        return wrap(_eq(self._t, _operand(other)))

    def __ne__(self, other):
        return wrap(_ne(self._t, _operand(other)))

    def __lt__(self, other):
        return wrap(_lt(self._t, _operand(other)))

    def __le__(self, other):
        return wrap(_le(self._t, _operand(other)))

    def __gt__(self, other):
        return wrap(_gt(self._t, _operand(other)))

    def __ge__(self, other):
        return wrap(_ge(self._t, _operand(other)))

    # ---- indexing -------------------------------------------------------------------------------
    def __getitem__(self, key):
        return wrap(E.getitem(self._t, _index_spec(key)))

    def __setitem__(self, key, value):
        E.setitem(self._t, _index_spec(key), _operand(value))

    # ---- autograd -------------------------------------------------------------------------------
    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        if create_graph:
            raise unsupported('backward(create_graph=True)', 'higher-order gradients')
        if inputs is not None:
            raise unsupported('backward(inputs=...)')
        E.backward(self._t, None if gradient is None else _operand(gradient), _bool(retain_graph))

    def detach(self):
        return wrap(E.detach(self._t))

    def detach_(self):
        E.detach_(self._t)
        return self

    def retain_grad(self):
        self._t.retain_grad()

    @property
    def retains_grad(self):
        return self._t.retainsGrad

    def register_hook(self, hook):
        raise unsupported('Tensor.register_hook')

    def clone(self, memory_format=None):
        return wrap(E.clone(self._t))

    # ---- in-place -------------------------------------------------------------------------------
    def zero_(self):
        E.zero_(self._t)
        return self

    def fill_(self, value):
        E.fill_(self._t, _float(value) if _isinstance(value, Tensor) else value)
        return self

    def copy_(self, src, non_blocking=False):
        E.copy_(self._t, _operand(src))
        return self

    def add_(self, other, alpha=1):
        _add_(self._t, _operand(other), alpha)
        return self

    def sub_(self, other, alpha=1):
        _sub_(self._t, _operand(other), alpha)
        return self

    def mul_(self, other):
        _mul_(self._t, _operand(other))
        return self

    def div_(self, other):
        _div_(self._t, _operand(other))
        return self

    def pow_(self, other):
        E.pow_(self._t, _operand(other))
        return self

    def clamp_(self, min=None, max=None):
        E.clamp_(self._t, _opt_num(min), _opt_num(max))
        return self

    clip_ = clamp_

    def neg_(self):
        E.neg_(self._t)
        return self

    def uniform_(self, a=0.0, b=1.0, generator=None):
        E.uniform_(self._t, _float(a), _float(b), _gen(generator))
        return self

    def normal_(self, mean=0.0, std=1.0, generator=None):
        E.normal_(self._t, _float(mean), _float(std), _gen(generator))
        return self

    def random_(self, from_=None, to=None, generator=None):
        E.random_(self._t, from_, to, _gen(generator))
        return self

    def bernoulli_(self, p=0.5, generator=None):
        E.bernoulli_(self._t, _float(p), _gen(generator))
        return self

    def masked_fill_(self, mask, value):
        E.masked_fill_(self._t, mask._t, _float(value) if _isinstance(value, Tensor) else value)
        return self

    def index_fill_(self, dim, index, value):
        raise unsupported('Tensor.index_fill_')

    # ---- arithmetic methods ---------------------------------------------------------------------
    def add(self, other, alpha=1):
        return wrap(_add(self._t, _operand(other), alpha))

    def sub(self, other, alpha=1):
        return wrap(_sub(self._t, _operand(other), alpha))

    subtract = sub

    def mul(self, other):
        return wrap(_mul(self._t, _operand(other)))

    multiply = mul

    def div(self, other, rounding_mode=None):
        if rounding_mode == 'floor':
            return wrap(E.floor_divide(self._t, _operand(other)))
        if rounding_mode == 'trunc':
            return wrap(E.trunc(_div(self._t, _operand(other))))
        return wrap(_div(self._t, _operand(other)))

    divide = div
    true_divide = div

    def pow(self, exponent):
        return wrap(_pow(self._t, _operand(exponent)))

    def matmul(self, other):
        return wrap(_matmul(self._t, other._t))

    def mm(self, other):
        return wrap(E.mm(self._t, other._t))

    def mv(self, other):
        return wrap(_matmul(self._t, other._t))

    def bmm(self, other):
        return wrap(E.bmm(self._t, other._t))

    def dot(self, other):
        return wrap(E.dot(self._t, other._t))

    def outer(self, other):
        return wrap(E.outer(self._t, other._t))

    def maximum(self, other):
        return wrap(E.maximum(self._t, _operand(other)))

    def minimum(self, other):
        return wrap(E.minimum(self._t, _operand(other)))

    def remainder(self, other):
        return wrap(E.remainder(self._t, _operand(other)))

    def fmod(self, other):
        return wrap(E.fmod(self._t, _operand(other)))

    def eq(self, other):
        return wrap(_eq(self._t, _operand(other)))

    def ne(self, other):
        return wrap(_ne(self._t, _operand(other)))

    def lt(self, other):
        return wrap(_lt(self._t, _operand(other)))

    def le(self, other):
        return wrap(_le(self._t, _operand(other)))

    def gt(self, other):
        return wrap(_gt(self._t, _operand(other)))

    def ge(self, other):
        return wrap(_ge(self._t, _operand(other)))

    greater = gt
    less = lt
    greater_equal = ge
    less_equal = le
    not_equal = ne

    def equal(self, other):
        return self.shape == other.shape and _bool(E.item(E.all(_eq(self._t, other._t), None, False)))

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        return _bool(E.allclose(self._t, other._t, rtol, atol, equal_nan))

    def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        return wrap(E.isclose(self._t, _operand(other), rtol, atol, equal_nan))

    def clamp(self, min=None, max=None):
        return wrap(E.clamp(self._t, _opt_num(min), _opt_num(max)))

    clip = clamp

    def clamp_min(self, min):
        return wrap(E.clamp(self._t, _opt_num(min), None))

    def clamp_max(self, max):
        return wrap(E.clamp(self._t, None, _opt_num(max)))

    def lerp(self, end, weight):
        return self + (end - self) * weight

    def where(self, condition, other):
        return wrap(E.where(condition._t, self._t, _operand(other)))

    def masked_fill(self, mask, value):
        return wrap(E.masked_fill(self._t, mask._t, _float(value) if _isinstance(value, Tensor) else value))

    def round(self, decimals=0):
        if decimals:
            scale = 10.0 ** decimals
            return wrap(_div(E.round(_mul(self._t, scale)), scale))
        return wrap(E.round(self._t))

    def softmax(self, dim, dtype=None):
        return wrap(E.softmax(self._t, dim))

    def log_softmax(self, dim, dtype=None):
        return wrap(E.log_softmax(self._t, dim))

    def leaky_relu(self, negative_slope=0.01):
        return wrap(E.leaky_relu(self._t, negative_slope))

    # ---- reductions -----------------------------------------------------------------------------
    def sum(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.sum(self._t, _dims(dim), keepdim))

    def mean(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.mean(self._t, _dims(dim), keepdim))

    def nansum(self, dim=None, keepdim=False):
        raise unsupported('Tensor.nansum')

    def prod(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.prod(self._t, dim, keepdim))

    def std(self, dim=None, unbiased=True, keepdim=False, correction=None):
        return wrap(E.std(self._t, _dims(dim), _correction(unbiased, correction), keepdim))

    def var(self, dim=None, unbiased=True, keepdim=False, correction=None):
        return wrap(E.var(self._t, _dims(dim), _correction(unbiased, correction), keepdim))

    def norm(self, p='fro', dim=None, keepdim=False, dtype=None):
        if p == 'fro':
            p = 2
        return wrap(E.norm(self._t, _float(p), _dims(dim), keepdim))

    def logsumexp(self, dim, keepdim=False):
        return wrap(E.logsumexp(self._t, _dims(dim), keepdim))

    def max(self, dim=None, keepdim=False):
        return _minmax(self, 'max', dim, keepdim)

    def min(self, dim=None, keepdim=False):
        return _minmax(self, 'min', dim, keepdim)

    def amax(self, dim=(), keepdim=False):
        return wrap(E.amax(self._t, _dims(dim) if dim != () else None, keepdim))

    def amin(self, dim=(), keepdim=False):
        return wrap(E.amin(self._t, _dims(dim) if dim != () else None, keepdim))

    def argmax(self, dim=None, keepdim=False):
        return wrap(E.argmax(self._t, dim, keepdim))

    def argmin(self, dim=None, keepdim=False):
        return wrap(E.argmin(self._t, dim, keepdim))

    def all(self, dim=None, keepdim=False):
        return wrap(E.all(self._t, dim, keepdim))

    def any(self, dim=None, keepdim=False):
        return wrap(E.any(self._t, dim, keepdim))

    def cumsum(self, dim, dtype=None):
        return wrap(E.cumsum(self._t, dim))

    def count_nonzero(self, dim=None):
        return wrap(E.sum(E.cast(_ne(self._t, 0), 'int64'), _dims(dim), False))

    def topk(self, k, dim=-1, largest=True, sorted=True):
        from .return_types import topk
        values, indices = E.topk(self._t, k, dim, largest)
        return topk((wrap(values), wrap(indices)))

    def sort(self, dim=-1, descending=False, stable=False):
        from .return_types import sort
        values, indices = E.sort(self._t, dim, descending)
        return sort((wrap(values), wrap(indices)))

    def argsort(self, dim=-1, descending=False, stable=False):
        return self.sort(dim, descending)[1]

    def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
        if return_inverse or return_counts or dim is not None:
            raise unsupported('Tensor.unique with return_inverse/return_counts/dim')
        values = builtins.sorted(set(self.flatten().tolist()))
        return tensor_from_data(values, dtype=self.dtype)

    # ---- shape ----------------------------------------------------------------------------------
    def view(self, *shape):
        if len(shape) == 1 and _isinstance(shape[0], _dtype_cls):
            raise unsupported('Tensor.view(dtype)')
        return wrap(E.view(self._t, list(_shape_args(shape))))

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

    def _inplace_shape(self, result):
        E.set_shape(self._t, result.shape)
        return self

    def flatten(self, start_dim=0, end_dim=-1):
        return wrap(E.flatten(self._t, start_dim, end_dim))

    def unflatten(self, dim, sizes):
        shape = list(self.shape)
        dim = dim % len(shape)
        return self.reshape(shape[:dim] + list(sizes) + shape[dim + 1:])

    def ravel(self):
        return wrap(E.flatten(self._t, 0, -1))

    def transpose(self, dim0, dim1):
        return wrap(E.transpose(self._t, dim0, dim1))

    swapaxes = transpose
    swapdims = transpose

    def t(self):
        return wrap(E.t(self._t))

    def permute(self, *dims):
        return wrap(E.permute(self._t, list(_shape_args(dims))))

    def movedim(self, source, destination):
        nd = self.dim()
        order = [d for d in range(nd) if d != source % nd]
        order.insert(destination % nd, source % nd)
        return self.permute(order)

    def contiguous(self, memory_format=None):
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

    def chunk(self, chunks, dim=0):
        size = self.size(dim)
        step = -(-size // chunks)
        return self.split(step, dim)

    def split(self, split_size, dim=0):
        size = self.size(dim)
        if _isinstance(split_size, _int):
            sizes = [builtins.min(split_size, size - s) for s in range(0, size, split_size)]
        else:
            sizes = list(split_size)
        return tuple(wrap(p) for p in E.split(self._t, sizes, dim))

    def unbind(self, dim=0):
        return tuple(wrap(p) for p in E.unbind(self._t, dim))

    def narrow(self, dim, start, length):
        return wrap(E.narrow(self._t, dim, start, length))

    def index_select(self, dim, index):
        return wrap(E.index_select(self._t, dim, index._t))

    def gather(self, dim, index):
        return wrap(E.gather(self._t, dim, index._t))

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

    def flip(self, dims):
        return wrap(E.flip(self._t, list(dims) if not _isinstance(dims, _int) else [dims]))

    # ---- dtype / device -------------------------------------------------------------------------
    def float(self):
        return self if self._t.dtype == 'float32' else wrap(E.cast(self._t, 'float32'))

    def long(self):
        return self if self._t.dtype == 'int64' else wrap(E.cast(self._t, 'int64'))

    def bool(self):
        return self if self._t.dtype == 'bool' else wrap(E.cast(self._t, 'bool'))

    def int(self):
        raise unsupported('Tensor.int()', 'int32 tensors; use .long() for int64')

    def double(self):
        raise unsupported('Tensor.double()', 'float64 tensors; Backprop Lens computes in float32')

    def half(self):
        raise unsupported('Tensor.half()', 'float16 tensors')

    def type(self, dtype=None, non_blocking=False):
        if dtype is None:
            return {'float32': 'torch.FloatTensor', 'int64': 'torch.LongTensor', 'bool': 'torch.BoolTensor'}[self._t.dtype]
        if _isinstance(dtype, str):
            names = {'torch.FloatTensor': 'float32', 'torch.LongTensor': 'int64', 'torch.BoolTensor': 'bool'}
            if dtype not in names:
                raise unsupported(f"Tensor.type({dtype!r})")
            return self.to(from_engine(names[dtype]))
        return self.to(dtype)

    def type_as(self, other):
        return self.to(other.dtype)

    def to(self, *args, **kwargs):
        target = kwargs.get('dtype')
        for a in builtins.list(args) + [kwargs.get('device')]:
            if a is None:
                continue
            if _isinstance(a, _dtype_cls):
                target = a
            elif _isinstance(a, Tensor):
                target = a.dtype
            else:
                _check_device(a, 'Tensor.to')
        if target is None:
            return self
        name = to_engine(target)
        if name == self._t.dtype:
            return self
        return wrap(E.cast(self._t, name))

    def cpu(self):
        return self

    def cuda(self, *args, **kwargs):
        raise no_gpu('Tensor.cuda()')

    def pin_memory(self):
        return self

    def share_memory_(self):
        return self

    def new_tensor(self, data, dtype=None, requires_grad=False):
        return tensor_from_data(data, dtype=dtype or self.dtype, requires_grad=requires_grad)

    def new_zeros(self, *size, dtype=None, requires_grad=False):
        return wrap(E.zeros(list(_shape_args(size)), to_engine(dtype) or self._t.dtype, _bool(requires_grad)))

    def new_ones(self, *size, dtype=None, requires_grad=False):
        return wrap(E.ones(list(_shape_args(size)), to_engine(dtype) or self._t.dtype, _bool(requires_grad)))

    def new_full(self, size, fill_value, dtype=None, requires_grad=False):
        return wrap(E.full(list(size), fill_value, to_engine(dtype) or self._t.dtype, _bool(requires_grad)))

    def new_empty(self, *size, dtype=None, requires_grad=False):
        return self.new_zeros(*size, dtype=dtype, requires_grad=requires_grad)

    def apply_(self, fn):
        raise unsupported('Tensor.apply_')

    def __getattr__(self, name):
        # Private and dunder probes (hasattr(x, '__array__'), ...) stay AttributeErrors.
        if name.startswith('_'):
            raise AttributeError(f"'Tensor' object has no attribute '{name}'")
        raise unsupported(f"Tensor.{name}")

    def __reduce_ex__(self, proto):
        raise unsupported('pickling tensors', 'torch.save')

    def __deepcopy__(self, memo):
        out = wrap(E.clone(E.detach(self._t)))
        if self.requires_grad:
            out.requires_grad_(True)
        return out


# Unary methods: one engine call each.
for _name in ('exp', 'log', 'sqrt', 'rsqrt', 'abs', 'neg', 'sigmoid', 'tanh', 'relu', 'sin', 'cos', 'tan',
              'floor', 'ceil', 'trunc', 'sign', 'square', 'log1p', 'expm1', 'reciprocal', 'log2', 'log10',
              'exp2', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'frac', 'logical_not', 'isnan', 'isinf',
              'isfinite', 'erf', 'sgn'):
    setattr(Tensor, _name, _unary(_name))
for _name in ('relu', 'tanh', 'sigmoid'):
    setattr(Tensor, _name, _unary_activation(_name))
Tensor.negative = Tensor.neg
Tensor.absolute = Tensor.abs
Tensor.arctan = Tensor.atan


def _unary_inplace(name):
    fn = getattr(E, name + '_')

    def method(self):
        fn(self._t)
        return self

    method.__name__ = name + '_'
    return method


# In-place unary methods: the engine's, which rebase autograd history as PyTorch does.
for _name in ('exp', 'log', 'sqrt', 'abs', 'sigmoid', 'tanh', 'relu', 'floor', 'ceil', 'round'):
    setattr(Tensor, _name + '_', _unary_inplace(_name))

_FLOAT32 = from_engine('float32')


def _opt_num(v):
    if v is None:
        return None
    if _isinstance(v, Tensor):
        return _float(v)
    return v


def _correction(unbiased, correction):
    if correction is not None:
        return correction
    return 1 if unbiased else 0


def _gen(generator):
    return None if generator is None else generator._g


def _minmax(self, which, dim, keepdim):
    if dim is None:
        return wrap(getattr(E, which + '_all')(self._t))
    if _isinstance(dim, Tensor):
        return wrap(E.maximum(self._t, dim._t) if which == 'max' else E.minimum(self._t, dim._t))
    from . import return_types
    values, indices = getattr(E, which + '_dim')(self._t, dim, keepdim)
    return getattr(return_types, which)((wrap(values), wrap(indices)))


def _nest(flat, shape):
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _index_spec(key):
    """Encodes an indexing key as a list the engine reads: ints, [start, stop, step] for slices,
    None for a new axis, '...' for Ellipsis, engine tensors for tensor/list indices."""
    if not _isinstance(key, tuple):
        key = (key,)
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
        elif _isinstance(k, Tensor):
            spec.append(k._t)
        elif k.__class__ is _bool:
            spec.append(tensor_from_data(k)._t)
        elif _isinstance(k, (list, tuple)):
            spec.append(tensor_from_data(k)._t)
        elif hasattr(k, '__index__'):
            spec.append(k.__index__())
        else:
            raise IndexError('only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables '
                             'are valid indices (got ' + type(k).__name__ + ')')
    return spec


def _slice_part(v):
    if v is None or v.__class__ is _int:
        return v
    return v.__index__()


def _zero_grads(params, set_to_none):
    """Module.zero_grad and a Python optimizer's zero_grad: each gradient to None or, detached, to zeros."""
    for p in params:
        if p.grad is not None:
            if set_to_none:
                p.grad = None
            else:
                p.grad.detach_()
                p.grad.zero_()
