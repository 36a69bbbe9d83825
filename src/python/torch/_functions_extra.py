"""torch-level forms of the extra elementwise, indexing and statistics ops (_tensor_pointwise.py): most take
the Tensor method's arguments with the input first; trapezoid/trapz, cumulative_trapezoid, result_type and the
Python-number operands of hypot/xlogy/logaddexp call the engine themselves. torch/__init__.py adds NAMES to the module."""

import builtins

from ._engine import E
from ._dtype import from_engine
from ._out import into
from ._tensor_base import TensorBase, wrap, _operand, tensor_from_data
from ._tensor_pointwise import tensor_argument

_isinstance = builtins.isinstance
_float = builtins.float


def _method(name, out_name=None):
    def fn(input, *args, out=None, **kwargs):
        result = getattr(input, name)(*args, **kwargs)
        return result if out is None else into(out, result, out_name or name)

    fn.__name__ = fn.__qualname__ = name
    return fn


def _binary(name):
    """torch.hypot(x, y) & co.: either operand may be a Python number (xlogy(2.0, y) is XlogyBackward1)."""
    fn_engine = getattr(E, name)

    def fn(input, other, *, out=None):
        if not _isinstance(input, TensorBase) and not _isinstance(other, TensorBase):
            raise TypeError(f'{name}() received an invalid combination of arguments - got (number, number)')
        result = wrap(fn_engine(_operand(input), _operand(other)))
        return result if out is None else into(out, result, name)

    fn.__name__ = fn.__qualname__ = name
    return fn


def _atan2(name):
    def fn(input, other, *, out=None):
        y = tensor_argument(name, 'input', 1, input)
        result = wrap(E.atan2(y, tensor_argument(name, 'other', 2, other)))
        return result if out is None else into(out, result, 'atan2')

    fn.__name__ = fn.__qualname__ = name
    return fn


def trapezoid(y, x=None, *, dx=None, dim=-1):
    if x is not None:
        if dx is not None:
            raise TypeError('trapezoid() received an invalid combination of arguments - got both x and dx')
        if not _isinstance(x, TensorBase):
            return wrap(E.trapezoid_dx(y._t, _float(x), dim))  # trapezoid(y, 0.5): x is the spacing
        return wrap(E.trapezoid_x(y._t, x._t, dim))
    return wrap(E.trapezoid_dx(y._t, 1.0 if dx is None else _float(dx), dim))


def trapz(y, x=None, *, dx=None, dim=-1):
    return trapezoid(y, x, dx=dx, dim=dim)


def cumulative_trapezoid(y, x=None, *, dx=None, dim=-1):
    if x is not None:
        if dx is not None:
            raise TypeError('cumulative_trapezoid() received an invalid combination of arguments - got both x and dx')
        if not _isinstance(x, TensorBase):
            return wrap(E.cumulative_trapezoid_dx(y._t, _float(x), dim))
        return wrap(E.cumulative_trapezoid_x(y._t, x._t, dim))
    return wrap(E.cumulative_trapezoid_dx(y._t, 1.0 if dx is None else _float(dx), dim))


def result_type(tensor1, tensor2):
    """The dtype an op over these two operands gives (tensors or Python numbers), by PyTorch's rules."""

    def operand(x):
        if _isinstance(x, TensorBase):
            return x._t
        if _isinstance(x, (builtins.bool, builtins.int, _float)):
            return _operand(x)
        return tensor_from_data(x)._t

    return from_engine(E.result_type(operand(tensor1), operand(tensor2)))


NAMES = {
    'trapezoid': trapezoid,
    'trapz': trapz,
    'cumulative_trapezoid': cumulative_trapezoid,
    'result_type': result_type,
    'atan2': _atan2('atan2'),
    'arctan2': _atan2('arctan2'),
}
for _name in ('hypot', 'logaddexp', 'logaddexp2', 'xlogy', 'fmax', 'fmin'):
    NAMES[_name] = _binary(_name)
for _name in (
    'addcmul',
    'addcdiv',
    'heaviside',
    'sinc',
    'sinc_',
    'logit',
    'logit_',
    'xlogy_',
    'index_add',
    'index_copy',
    'take',
    'put',
    'masked_scatter',
    'scatter_reduce',
    'cov',
    'corrcoef',
    'nanquantile',
):
    NAMES[_name] = _method(_name)
