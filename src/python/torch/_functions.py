"""torch.* math functions. Most forward to the Tensor method of the same name (one engine call)."""

import builtins

from ._engine import E

from ._tensor import Tensor, wrap, _operand, _minmax, tensor_from_data
from ._unsupported import unsupported
from ._out import SAME, into
from ._numpy_names import accept_numpy_names

_isinstance = builtins.isinstance


def _as_tensor(x):
    return x if _isinstance(x, Tensor) else tensor_from_data(x)


def _forward(name):
    def fn(input, *args, **kwargs):
        out = kwargs.pop('out', None)
        result = getattr(_as_tensor(input), name)(*args, **kwargs)
        return result if out is None else into(out, result, name)

    fn.__name__ = name
    return fn


_FORWARDED = (
    'exp',
    'log',
    'sqrt',
    'rsqrt',
    'abs',
    'neg',
    'sigmoid',
    'tanh',
    'relu',
    'sin',
    'cos',
    'tan',
    'floor',
    'ceil',
    'trunc',
    'sign',
    'square',
    'log1p',
    'expm1',
    'reciprocal',
    'log2',
    'log10',
    'exp2',
    'asin',
    'acos',
    'atan',
    'sinh',
    'cosh',
    'frac',
    'logical_not',
    'isnan',
    'isinf',
    'isfinite',
    'isposinf',
    'isneginf',
    'signbit',
    'erf',
    'sgn',
    'negative',
    'absolute',
    'round',
    'clamp',
    'clip',
    'clamp_min',
    'clamp_max',
    'sum',
    'mean',
    'prod',
    'std',
    'var',
    'norm',
    'logsumexp',
    'amax',
    'amin',
    'argmax',
    'argmin',
    'all',
    'any',
    'cumsum',
    'count_nonzero',
    'topk',
    'kthvalue',
    'mode',
    'cummax',
    'cummin',
    'logcumsumexp',
    'quantile',
    'histc',
    'argwhere',
    'take_along_dim',
    'unique_consecutive',
    'sort',
    'argsort',
    'unique',
    'reshape',
    'flatten',
    'unflatten',
    'squeeze',
    'unsqueeze',
    'transpose',
    'swapaxes',
    'swapdims',
    't',
    'permute',
    'movedim',
    'narrow',
    'index_select',
    'gather',
    'masked_select',
    'masked_fill',
    'scatter',
    'scatter_add',
    'bincount',
    'histogram',
    'nonzero',
    'tril',
    'triu',
    'diag',
    'flip',
    'roll',
    'aminmax',
    'inverse',
    'det',
    'index_fill',
    'diagonal',
    'trace',
    'chunk',
    'split',
    'unbind',
    'softmax',
    'log_softmax',
    'matmul',
    'mm',
    'mv',
    'bmm',
    'dot',
    'outer',
    'maximum',
    'minimum',
    'fmod',
    'eq',
    'ne',
    'lt',
    'le',
    'gt',
    'ge',
    'greater',
    'less',
    'greater_equal',
    'less_equal',
    'not_equal',
    'equal',
    'allclose',
    'isclose',
    'numel',
    'ravel',
    'lerp',
    'detach',
    'clone',
    'mul',
    'multiply',
    'div',
    'divide',
    'true_divide',
    'sub',
    'subtract',
    'broadcast_to',
    'expand_as',
    'repeat_interleave',
    'floor_divide',
    'erfinv',
    'nan_to_num',
    'nan_to_num_',
    'nansum',
    'nanmean',
    'median',
    'nanmedian',
    'addmm',
    'addmv',
    'addr',
    'baddbmm',
    'addbmm',
)

# torch.sin_(t) & co.: the in-place Tensor methods PyTorch also names at torch level.
_FORWARDED += tuple(
    name + '_'
    for name in """sin cos tan asin acos atan sinh cosh erf exp2 expm1 frac log2 log10 log1p reciprocal rsqrt
trunc""".split()
)

_g = globals()
for _name in _FORWARDED:
    _g[_name] = _forward(_name)


def add(input, other, *, alpha=1, out=None):
    if not _isinstance(input, Tensor):
        result = _as_tensor(other).__radd__(input) if alpha == 1 else _as_tensor(input).add(other, alpha=alpha)
    else:
        result = input.add(other, alpha=alpha)
    return into(out, result, 'add')


def max(input, dim=None, keepdim=False, *, out=None):
    return into(out, _minmax(input, 'max', dim, keepdim), 'max')


def min(input, dim=None, keepdim=False, *, out=None):
    return into(out, _minmax(input, 'min', dim, keepdim), 'min')


def floor_divide(input, other, *, out=None):
    return into(out, wrap(E.floor_divide(_operand(input), _operand(other))), 'floor_divide')


def pow(input, exponent, *, out=None):
    """torch.pow(x, e), and torch.pow(2, x) with a Python number as the base (PowBackward2)."""
    if _isinstance(input, Tensor):
        # A Number exponent is pow.Tensor_Scalar, whose out must have the result's dtype exactly.
        return into(out, input.pow(exponent), 'pow', None if _isinstance(exponent, Tensor) else SAME)
    return into(out, wrap(E.pow(_operand(input), _operand(exponent))), 'pow')


def remainder(input, other, *, out=None):
    """torch.remainder(x, y), and torch.remainder(2, x) (which PyTorch cannot differentiate)."""
    if _isinstance(input, Tensor):
        return into(out, input.remainder(other), 'remainder')
    return into(out, wrap(E.remainder(_operand(input), _operand(other))), 'remainder')


def rsub(input, other, *, alpha=1):
    """torch.rsub(x, y) = y - alpha * x."""
    return wrap(E.rsub(input._t, _operand(other), alpha))


def where(condition, input=None, other=None):
    if input is None and other is None:
        return condition.nonzero(as_tuple=True)
    if not _isinstance(input, Tensor):
        input = tensor_from_data(input) if not _isinstance(other, Tensor) else other.new_tensor(input)
    return wrap(E.where(condition._t, input._t, _operand(other)))


def cat(tensors, dim=0, *, out=None):
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError('torch.cat(): expected a non-empty list of Tensors')
    return into(out, wrap(E.cat([t._t for t in tensors], dim)), 'cat')


concat = cat
concatenate = cat


def stack(tensors, dim=0, *, out=None):
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError('stack expects a non-empty TensorList')
    return into(out, wrap(E.stack([t._t for t in tensors], dim)), 'stack')


def hstack(tensors):
    tensors = list(tensors)
    return cat(tensors, 0 if tensors[0].dim() == 1 else 1)


def vstack(tensors):
    return cat([t if t.dim() > 1 else t.unsqueeze(0) for t in tensors], 0)


def atleast_2d(t):
    return t if t.dim() >= 2 else t.reshape(1, -1)


def is_tensor(obj):
    return _isinstance(obj, Tensor)


def is_floating_point(input):
    return input.is_floating_point()


def is_inference(input):
    return input.is_inference()


def numel(input):
    return input.numel()


def relu_(input):
    return input.relu_()


def var_mean(input, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return input.var(dim, unbiased, keepdim, correction=correction), input.mean(dim, keepdim)


def std_mean(input, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return input.std(dim, unbiased, keepdim, correction=correction), input.mean(dim, keepdim)


def einsum(equation, *operands):
    if len(operands) == 1 and _isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])  # torch.einsum('ij,jk', [a, b])
    for o in operands:
        if not _isinstance(o, Tensor):
            raise TypeError(f'einsum(): expected Tensor operands, got {type(o).__name__}')
    return wrap(E.einsum(str(equation), [o._t for o in operands]))


def cdist(x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary'):
    return wrap(E.cdist(x1._t, x2._t, float(p)))


def pdist(input, p=2):
    return wrap(E.pdist(input._t, float(p)))


pdist.__module__ = 'torch'  # PyTorch's torch.pdist is an ATen builtin of the torch module


def dist(input, other, p=2):
    return wrap(E.dist(input._t, other._t, float(p)))


def diff(input, n=1, dim=-1, prepend=None, append=None):
    # prepend/append join the input along dim before differencing (as NumPy's diff).
    parts = [p for p in (prepend, input, append) if p is not None]
    out = cat(parts, dim) if len(parts) > 1 else input
    for _ in range(n):
        size = out.size(dim)
        out = out.narrow(dim, 1, size - 1) - out.narrow(dim, 0, size - 1)
    return out


def cross(input, other, dim=None, *, out=None):
    return into(out, input.cross(other, dim), 'cross')


def cumprod(input, dim, *, dtype=None, out=None):
    result = input.cumprod(dim)
    return result if out is None else into(out, result, 'cumprod')


def column_stack(tensors):
    return cat([t.reshape(-1, 1) if t.dim() < 2 else t for t in tensors], 1)


_MESHGRID_WARNING = (
    'torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. '
    '(Triggered internally at  ./aten/src/ATen/native/TensorShape.cpp:3190.)'
)
_meshgrid_warned = []


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and _isinstance(tensors[0], (list, tuple)):
        tensors = tensors[0]
    if indexing is None:
        # 1.13 defaults to 'ij' and says so once per process (TORCH_WARN_ONCE), from inside torch.functional,
        # as d2l's older anchor-box code (no indexing=) shows it.
        indexing = 'ij'
        if not _meshgrid_warned:
            _meshgrid_warned.append(True)
            import warnings

            warnings.warn(_MESHGRID_WARNING, UserWarning)
    if indexing == 'xy' and len(tensors) >= 2:
        tensors = [tensors[1], tensors[0]] + list(tensors[2:])
    shape = [t.numel() for t in tensors]
    outs = []
    for i, t in enumerate(tensors):
        view = [1] * len(shape)
        view[i] = shape[i]
        outs.append(t.reshape(view).expand(shape))
    if indexing == 'xy' and len(outs) >= 2:
        # The grids of the swapped inputs, swapped back: already (len(y), len(x), ...) as NumPy's 'xy'.
        outs = [outs[1], outs[0]] + outs[2:]
    return tuple(outs)


def squeeze_(input, dim=None):
    return input.squeeze_(dim)


for _name in ('max', 'min', 'cat', 'stack'):
    _g[_name] = accept_numpy_names(_g[_name])
concat = concatenate = cat

# What `from ._functions import *` gives the torch namespace: the functions, not this module's imports.
__all__ = sorted(
    set(_FORWARDED)
    | {
        'add',
        'max',
        'min',
        'floor_divide',
        'pow',
        'remainder',
        'rsub',
        'where',
        'cat',
        'concat',
        'concatenate',
        'stack',
        'hstack',
        'vstack',
        'atleast_2d',
        'is_tensor',
        'is_floating_point',
        'is_inference',
        'numel',
        'relu_',
        'einsum',
        'var_mean',
        'std_mean',
        'cdist',
        'pdist',
        'dist',
        'diff',
        'cumprod',
        'cross',
        'column_stack',
        'meshgrid',
        'squeeze_',
    }
)
