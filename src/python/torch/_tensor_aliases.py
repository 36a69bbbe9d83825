"""torch.Tensor's names that are another name for, or a one-line composition of, what Tensor already has
(PyTorch's aliases such as arccos/acos and moveaxis/movedim, the real-tensor cases of complex-number methods,
device flags), and the torch functions of the same kind. No math here: each calls existing engine ops;
test/unit/aliases-fixture.py checks their values and grad_fn names against PyTorch 1.13."""

import builtins

from ._dtype import bool as _bool_dtype, int64 as _int64
from ._engine import E
from ._tensor_base import TensorBase, wrap, _operand

_bool = builtins.bool
_len = builtins.len

# Tensor attribute -> the existing Tensor attribute it is another name for (PyTorch's own aliases).
_SAME_AS = {
    'arccos': 'acos',
    'arcsin': 'asin',
    'absolute_': 'abs_',
    'negative_': 'neg_',
    'multiply_': 'mul_',
    'subtract_': 'sub_',
    'divide_': 'div_',
    'true_divide_': 'div_',
    'moveaxis': 'movedim',
    'fix': 'trunc',
    'ger': 'outer',
    'arccos_': 'acos_',
    'arcsin_': 'asin_',
    'arctan_': 'atan_',
    'fix_': 'trunc_',
    'swapaxes_': 'transpose_',
    'swapdims_': 'transpose_',
    '__div__': '__truediv__',
    '__rdiv__': '__rtruediv__',
    '__idiv__': '__itruediv__',
    '__long__': '__int__',
    '__nonzero__': '__bool__',
}

# Device and layout flags: every tensor here is a dense CPU tensor.
_FALSE_FLAGS = ('is_mps', 'is_xpu', 'is_ipu', 'is_vulkan', 'is_mkldnn', 'is_sparse_csr', 'is_nested', 'is_ort')


def _self(self):
    return self  # conj(), resolve_conj(), resolve_neg() of a real tensor are the tensor itself


def _false(self):
    return False


def fliplr(self):
    if self.dim() < 2:
        raise RuntimeError('Input must be >= 2-d.')
    return self.flip(1)


def flipud(self):
    if self.dim() < 1:
        raise RuntimeError('Input must be >= 1-d.')
    return self.flip(0)


def positive(self):
    if self.dtype is _bool_dtype:
        raise RuntimeError('The `+` operator, on a bool tensor is not supported.')
    return self


def adjoint(self):
    if self.dim() < 2:
        raise RuntimeError(
            f"tensor.adjoint() is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor."
        )
    return self.transpose(-2, -1)


def _mH(self):
    if self.dim() < 2:
        raise RuntimeError(
            f"tensor.mH is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor."
        )
    return self.transpose(-2, -1)


def _H(self):
    if self.dim() == 0:
        return self
    if self.dim() != 2:
        extra = ' For batches of matrices, consider using tensor.mH' if self.dim() > 2 else ''
        raise RuntimeError(f"tensor.H is only supported on matrices (2-D tensors). Got {self.dim()}-D tensor.{extra}")
    return self.transpose(0, 1)


def _imag(self):
    raise RuntimeError('imag is not implemented for tensors with non-complex dtypes.')


def is_complex(self):
    return self.dtype.is_complex


def is_signed(self):
    return self.dtype.is_signed


def is_same_size(self, other):
    return tuple(self.shape) == tuple(other.shape)


def is_nonzero(self):
    if self.numel() == 0:
        raise RuntimeError('Boolean value of Tensor with no values is ambiguous')
    return _bool(self)


def get_device(self):
    return -1  # PyTorch's answer for a CPU tensor


def square_(self):
    return self.pow_(2)


def tile(self, *dims):
    dims = tuple(dims[0]) if _len(dims) == 1 and isinstance(dims[0], (tuple, list)) else dims
    return self.repeat(*((1,) * (self.dim() - _len(dims)) + dims))


def msort(self):
    return self.sort(dim=0).values


def __reversed__(self):
    return self if self.dim() == 0 else self.flip(0)


def bitwise_and(self, other):
    return self & other


def bitwise_or(self, other):
    return self | other


def bitwise_xor(self, other):
    return self ^ other


def bitwise_not(self):
    return ~self


def select(self, dim, index):
    dim = dim + self.dim() if dim < 0 else dim
    return self[(slice(None),) * dim + (index,)]


def split_with_sizes(self, split_sizes, dim=0):
    return self.split(list(split_sizes), dim)


def index_put_(self, indices, values, accumulate=False):
    if accumulate:
        from ._unsupported import unsupported

        raise unsupported('Tensor.index_put_(accumulate=True)', 'write x[indices] += values for distinct indices')
    self[tuple(indices)] = values
    return self


def index_put(self, indices, values, accumulate=False):
    return index_put_(self.clone(), indices, values, accumulate)


def new(self, *args):
    """The legacy x.new(...): x.new(2, 3) is x.new_empty(2, 3), x.new(data) is x.new_tensor(data)."""
    if not args:
        return self.new_empty(0)
    if _len(args) == 1 and not isinstance(args[0], int) and not _is_size(args[0]):
        return self.new_tensor(args[0])
    return self.new_empty(*args)


def bernoulli(self, p=None, *, generator=None):
    """x.bernoulli() draws 1 with probability x (torch.bernoulli(x)); x.bernoulli(p) with probability p."""
    from ._creation import bernoulli as _bernoulli

    return _bernoulli(self, p, generator=generator)


def multinomial(self, num_samples, replacement=False, *, generator=None):
    from ._creation import multinomial as _multinomial

    return _multinomial(self, num_samples, replacement, generator=generator)


def _repeat_index(repeats):
    """torch.repeat_interleave(repeats): each i repeated repeats[i] times, built as PyTorch's kernel lays it out
    (row-major over an index grid masked by `column < repeats[row]`)."""
    from ._creation import arange

    if repeats.dim() != 1:
        raise RuntimeError('repeat_interleave only accept 1D vector as repeat')
    if repeats.is_floating_point():
        raise RuntimeError('repeat_interleave only accept int32 and int64 repeats')
    if repeats.numel() and _bool((repeats < 0).any()):
        raise RuntimeError('repeats can not be negative')
    n, width = repeats.numel(), (int(repeats.max()) if repeats.numel() else 0)
    return arange(n).unsqueeze(1).expand(n, width)[arange(width) < repeats.unsqueeze(1)]


def repeat_interleave(self, repeats=None, dim=None, *, output_size=None):
    """PyTorch's composition: the index of repeats, then index_select (grad_fn IndexSelectBackward0)."""
    from ._creation import full

    if repeats is None:
        return _repeat_index(self)
    if dim is None:
        self, dim = self.flatten(), 0
    size = self.size(dim)
    if isinstance(repeats, int):
        if repeats < 0:
            raise RuntimeError('repeats can not be negative')
        repeats = full((size,), repeats, dtype=_int64)
    elif repeats.dim() == 0 or (repeats.dim() == 1 and repeats.numel() == 1):
        repeats = repeats.reshape(1).expand(size)
    elif repeats.dim() == 1 and repeats.size(0) != size:
        raise RuntimeError('repeats must have the same size as input along dim')
    return self.index_select(dim, _repeat_index(repeats))


def _is_size(value):
    from ._size import Size

    return isinstance(value, Size)


def _logical(name):
    fn = getattr(E, name)

    def method(self, other):
        return wrap(fn(self._t, _operand(other)))

    method.__name__ = name
    return method


_METHODS = (fliplr, flipud, positive, adjoint, is_complex, is_signed, is_same_size, is_nonzero, get_device)
_METHODS += (square_, tile, msort, __reversed__, bitwise_and, bitwise_or, bitwise_xor, bitwise_not)
_METHODS += (select, split_with_sizes, index_put_, index_put, new, bernoulli, multinomial, repeat_interleave)


# In-place unary methods the engine has (ops/inplace.ts unaryInplace), each one engine call.
_UNARY_INPLACE = """sin cos tan asin acos atan sinh cosh erf erfinv exp2 expm1 frac log2 log10 log1p reciprocal rsqrt sign
sgn trunc""".split()


def add_aliases(cls):
    """Gives the Tensor class `cls` the names above that it does not have already."""
    from ._tensor_math import _unary_inplace

    for name in _UNARY_INPLACE:
        if not hasattr(cls, name + '_'):
            setattr(cls, name + '_', _unary_inplace(name))
    names = {name: getattr(cls, target) for name, target in _SAME_AS.items() if hasattr(cls, target)}
    names.update((fn.__name__, fn) for fn in _METHODS)
    names.update((name, _logical(name)) for name in ('logical_and', 'logical_or', 'logical_xor'))
    names.update((name, _self) for name in ('conj', 'resolve_conj', 'resolve_neg'))
    names.update((name, _false) for name in ('is_conj', 'is_neg', 'is_shared', 'is_pinned'))
    names.update(real=property(_self), imag=property(_imag), H=property(_H), mH=property(_mH), is_cpu=True)
    names.update((name, False) for name in _FALSE_FLAGS)
    for name, value in names.items():
        if not hasattr(cls, name):
            setattr(cls, name, value)
    return cls


def _function(method_name):
    def fn(input, *args, **kwargs):
        return getattr(input, method_name)(*args, **kwargs)

    fn.__name__ = method_name
    return fn


# torch.<name>(tensor, ...) for the Tensor methods above (and the few the torch module lacked).
_FUNCTIONS = """arccos arcsin arctan moveaxis fix ger fliplr flipud positive adjoint is_complex is_same_size is_nonzero
conj resolve_conj resolve_neg is_conj is_neg square_ tile msort bitwise_and bitwise_or bitwise_xor bitwise_not
logical_and logical_or logical_xor select split_with_sizes index_put index_put_ is_signed get_device
abs_ ceil_ clamp_ clip_ detach_ exp_ fill_ floor_ log_ neg_ negative_ round_ sigmoid_ sqrt_ tanh_ zero_""".split()
FUNCTIONS = {name: _function(name) for name in _FUNCTIONS}
FUNCTIONS['real'] = lambda input: input.real  # noqa: E731
FUNCTIONS['imag'] = lambda input: input.imag  # noqa: E731


def row_stack(tensors):
    from ._functions import vstack

    return vstack(tensors)


def column_stack(tensors):
    from ._functions import cat

    return cat([t.reshape(-1, 1) if t.dim() < 2 else t for t in tensors], 1)


def scalar_tensor(s, *, dtype=None, device=None, requires_grad=False):
    from ._creation import tensor

    return tensor(float(s), dtype=dtype, device=device, requires_grad=requires_grad)


def broadcast_shapes(*shapes):
    from ._size import Size

    shapes = [[s] if isinstance(s, int) else [int(d) for d in s] for s in shapes]
    return Size(int(d) for d in E.common_shape(shapes, True))


def broadcast_tensors(*tensors):
    for i, t in enumerate(tensors):
        if not isinstance(t, TensorBase):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}")
    shape = [int(d) for d in E.common_shape([list(t.shape) for t in tensors], False)]
    return tuple(t if list(t.shape) == shape else t.expand(*shape) for t in tensors)  # as ATen's expand_outplace


FUNCTIONS['broadcast_shapes'] = broadcast_shapes
FUNCTIONS['broadcast_tensors'] = broadcast_tensors
FUNCTIONS['row_stack'] = row_stack
FUNCTIONS['column_stack'] = column_stack
FUNCTIONS['scalar_tensor'] = scalar_tensor
