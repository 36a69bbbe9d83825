"""torch.Tensor: a thin Python handle on an engine tensor (the JS object lives in `_t`).

Every operation is one call into the engine bridge; methods stay a few lines so a training step spends
its time in the engine, not in Python. The engine records autograd nodes and does all arithmetic.

The class is assembled from one mixin per concern (as tinygrad does):
    _tensor_base.py       the `_t` slot, wrap(), operand conversion, torch.tensor's data parsing, helpers
    _tensor_convert.py    attributes, Python conversions, printing, dtype/device, new_*
    _tensor_autograd.py   requires_grad, grad, grad_fn, backward, detach
    _tensor_operators.py  Python operators (+ - * / ** @ == & ...), reflected and in place
    _tensor_math.py       math methods by name, elementwise functions, in-place methods
    _tensor_reduce.py     reductions and sorting
    _tensor_order.py      order statistics (kthvalue, mode, cummax, quantile) and binning
    _tensor_pointwise.py  addcmul/addcdiv, hypot, xlogy, logit, index_add, put/take, scatter_reduce, cov
    _layout.py            composite layout functions (tensor_split, rot90, kron, block_diag, ...)
    _tensor_views.py      indexing, views and reshapes, splits and gathers"""

from ._size import Size
from ._dtype import default_float, from_engine
from ._tensor_base import (
    TensorBase,
    bind_tensor_class,
    wrap,
    tensor_from_data,
    CPU,
    _check_device,
    _operand,
    _shape_args,
    _gen,
    _minmax,
    _zero_grads,
    _isinstance,
    _int,
)
from ._tensor_convert import ConversionMixin
from ._tensor_autograd import AutogradMixin
from ._tensor_operators import OperatorMixin
from ._tensor_math import MathMixin
from ._tensor_reduce import ReductionMixin
from ._tensor_fused import FusedMixin
from ._tensor_pointwise import PointwiseMixin
from ._tensor_order import OrderMixin
from ._layout import LayoutMixin
from ._tensor_views import ViewMixin

from ._engine import E
from ._numpy_names import add_numpy_names
from ._tensor_aliases import add_aliases

__all__ = [
    'Tensor',
    'CPU',
    'wrap',
    'tensor_from_data',
    '_check_device',
    '_operand',
    '_shape_args',
    '_gen',
    '_minmax',
    '_zero_grads',
]


class Tensor(
    OperatorMixin,
    MathMixin,
    ReductionMixin,
    OrderMixin,
    LayoutMixin,
    FusedMixin,
    PointwiseMixin,
    ViewMixin,
    AutogradMixin,
    ConversionMixin,
    TensorBase,
):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        # Legacy constructor: torch.Tensor([1, 2]) copies data in the default dtype (float32 unless
        # torch.set_default_dtype changed it); torch.Tensor(2, 3) is uninitialised.
        if args and not _isinstance(args[0], (_int, Size)):
            return wrap(tensor_from_data(args[0], dtype=from_engine(default_float()))._t)
        shape = _shape_args(args) if args else (0,)
        return wrap(E.zeros(list(shape), default_float(), False))


add_aliases(Tensor)
add_numpy_names(Tensor)
bind_tensor_class(Tensor)
