"""torch.Tensor's extra elementwise, indexing and statistics methods: addcmul/addcdiv (the hand-written
optimizers' p.data.addcdiv_(m, denom, value=-lr)), hypot, logaddexp/logaddexp2, xlogy, fmax/fmin, heaviside,
sinc, logit, index_add/index_copy, take/put, masked_scatter, scatter_reduce, cov/corrcoef and nanquantile.
Each converts its arguments and makes one engine call (src/engine/ops/pointwiseExtra.ts, indexExtra.ts,
scatterReduce.ts, statsExtra.ts)."""

import builtins

from ._engine import E
from ._errors import _warn
from ._tensor_base import TensorBase, wrap, _operand

_float = builtins.float
_int = builtins.int
_isinstance = builtins.isinstance
_INTERPOLATIONS = ('linear', 'lower', 'higher', 'midpoint', 'nearest')
_scatter_reduce_warned = [False]


def _number(value):
    """A Scalar argument (value=, alpha=) as the engine takes it: ints stay ints, anything else a float."""
    if _isinstance(value, TensorBase):
        value = value.item()
    return value if _isinstance(value, (_int, builtins.bool)) else _float(value)


def _binary(name):
    fn = getattr(E, name)

    def method(self, other):
        return wrap(fn(self._t, _operand(other)))

    method.__name__ = name
    return method


def _inplace(name, *converters):
    fn = getattr(E, name)

    def method(self, *args):
        fn(self._t, *(c(a) for c, a in zip(converters, args)))
        return self

    method.__name__ = name
    return method


_deprecated_warned = [False]


def _fused_args(name, args, value):
    """(tensor1, tensor2, value) of addcmul/addcdiv: PyTorch still takes the pre-1.5 form (value, tensor1,
    tensor2) that old optimizer code writes (p.data.addcdiv_(-step_size, exp_avg, denom)), warning once."""
    if len(args) == 3 and not _isinstance(args[0], TensorBase):
        if not _deprecated_warned[0]:
            _deprecated_warned[0] = True
            _warn(
                f'This overload of {name} is deprecated:\n\t{name}(Number value, Tensor tensor1, Tensor tensor2)\n'
                'Consider using one of the following signatures instead:\n'
                f'\t{name}(Tensor tensor1, Tensor tensor2, *, Number value) (Triggered internally at  '
                './torch/csrc/utils/python_arg_parser.cpp:1420.)'
            )
        return args[1], args[2], args[0]
    if len(args) != 2:
        raise TypeError(f'{name}() takes 2 positional arguments (tensor1, tensor2) but {len(args)} were given')
    return args[0], args[1], value


def _tensor(x):
    return x._t


def tensor_argument(name, arg, position, value):
    """A Tensor-only parameter (atan2's other): a Python number is a TypeError, as PyTorch's parser says it."""
    if not _isinstance(value, TensorBase):
        raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be Tensor, not {type(value).__name__}")
    return value._t


def _warn_scatter_reduce():
    # PyTorch warns once per process that the op is in beta.
    if not _scatter_reduce_warned[0]:
        _scatter_reduce_warned[0] = True
        _warn(
            'scatter_reduce() is in beta and the API may change at any time. (Triggered internally at  '
            './aten/src/ATen/native/TensorAdvancedIndexing.cpp:1615.)'
        )


class PointwiseMixin:
    __slots__ = ()

    def addcmul(self, *args, value=1):
        tensor1, tensor2, value = _fused_args('addcmul', args, value)
        return wrap(E.addcmul(self._t, tensor1._t, tensor2._t, _number(value)))

    def addcmul_(self, *args, value=1):
        tensor1, tensor2, value = _fused_args('addcmul_', args, value)
        E.addcmul_(self._t, tensor1._t, tensor2._t, _number(value))
        return self

    def addcdiv(self, *args, value=1):
        tensor1, tensor2, value = _fused_args('addcdiv', args, value)
        return wrap(E.addcdiv(self._t, tensor1._t, tensor2._t, _number(value)))

    def addcdiv_(self, *args, value=1):
        tensor1, tensor2, value = _fused_args('addcdiv_', args, value)
        E.addcdiv_(self._t, tensor1._t, tensor2._t, _number(value))
        return self

    def atan2(self, other):
        return wrap(E.atan2(self._t, tensor_argument('atan2', 'other', 1, other)))

    def arctan2(self, other):
        return wrap(E.atan2(self._t, tensor_argument('arctan2', 'other', 1, other)))

    def atan2_(self, other):
        E.atan2_(self._t, tensor_argument('atan2_', 'other', 1, other))
        return self

    def arctan2_(self, other):
        E.atan2_(self._t, tensor_argument('arctan2_', 'other', 1, other))
        return self

    def heaviside(self, values):
        return wrap(E.heaviside(self._t, values._t))

    def sinc(self):
        return wrap(E.sinc(self._t))

    def logit(self, eps=None):
        return wrap(E.logit(self._t, None if eps is None else _float(eps)))

    def logit_(self, eps=None):
        E.logit_(self._t, None if eps is None else _float(eps))
        return self

    def index_add(self, dim, index, source, *, alpha=1):
        return wrap(E.index_add(self._t, dim, index._t, source._t, _number(alpha)))

    def index_add_(self, dim, index, source, *, alpha=1):
        E.index_add_(self._t, dim, index._t, source._t, _number(alpha))
        return self

    def index_copy(self, dim, index, source):
        return wrap(E.index_copy(self._t, dim, index._t, source._t))

    def take(self, index):
        return wrap(E.take(self._t, index._t))

    def put(self, index, source, accumulate=False):
        return wrap(E.put(self._t, index._t, source._t, builtins.bool(accumulate)))

    def put_(self, index, source, accumulate=False):
        E.put_(self._t, index._t, source._t, builtins.bool(accumulate))
        return self

    def masked_scatter(self, mask, source):
        return wrap(E.masked_scatter(self._t, mask._t, source._t))

    def scatter_reduce(self, dim, index, src, reduce, *, include_self=True):
        _warn_scatter_reduce()
        return wrap(E.scatter_reduce(self._t, dim, index._t, src._t, reduce, builtins.bool(include_self)))

    def scatter_reduce_(self, dim, index, src, reduce, *, include_self=True):
        _warn_scatter_reduce()
        E.scatter_reduce_(self._t, dim, index._t, src._t, reduce, builtins.bool(include_self))
        return self

    def cov(self, *, correction=1, fweights=None, aweights=None):
        return wrap(E.cov(self._t, _int(correction), _opt(fweights), _opt(aweights)))

    def corrcoef(self):
        return wrap(E.corrcoef(self._t))

    def nanquantile(self, q, dim=None, keepdim=False, *, interpolation='linear'):
        if interpolation not in _INTERPOLATIONS:
            raise RuntimeError(
                'quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, '
                f'but got {interpolation}'
            )
        qv = q._t if _isinstance(q, TensorBase) else _float(q)
        return wrap(E.nanquantile(self._t, qv, dim, keepdim, interpolation))


def _opt(t):
    return None if t is None else t._t


for _name in ('hypot', 'logaddexp', 'logaddexp2', 'xlogy', 'fmax', 'fmin'):
    setattr(PointwiseMixin, _name, _binary(_name))
for _name in ('hypot_', 'xlogy_'):
    setattr(PointwiseMixin, _name, _inplace(_name, _operand))
PointwiseMixin.heaviside_ = _inplace('heaviside_', _tensor)
PointwiseMixin.sinc_ = _inplace('sinc_')
PointwiseMixin.index_copy_ = _inplace('index_copy_', _int, _tensor, _tensor)
PointwiseMixin.masked_scatter_ = _inplace('masked_scatter_', _tensor, _tensor)
