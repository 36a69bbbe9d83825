"""torch.Tensor's NaN-aware reductions (nan_to_num, nansum, nanmean, median, nanmedian) and the BLAS-style
fused products (addmm, addmv, addr, baddbmm, addbmm, each beta * self + alpha * product)."""

import builtins

from ._engine import E

from ._tensor_base import wrap, _dims

_float = builtins.float


def _median(self, dim, keepdim, ignore_nan):
    from . import return_types

    if dim is None:
        return wrap(E.median_all(self._t, ignore_nan))
    values, indices = E.median_dim(self._t, dim, keepdim, ignore_nan)
    kind = return_types.nanmedian if ignore_nan else return_types.median
    return kind((wrap(values), wrap(indices)))


def _fused(name):
    fn = getattr(E, name)
    fn_ = getattr(E, name + '_')

    def method(self, a, b, *, beta=1, alpha=1):
        return wrap(fn(self._t, a._t, b._t, _float(beta), _float(alpha)))

    def method_(self, a, b, *, beta=1, alpha=1):
        fn_(self._t, a._t, b._t, _float(beta), _float(alpha))
        return self

    method.__name__ = name
    method_.__name__ = name + '_'
    return method, method_


class FusedMixin:
    __slots__ = ()

    def nan_to_num(self, nan=0.0, posinf=None, neginf=None):
        return wrap(E.nan_to_num(self._t, _float(nan), posinf, neginf))

    def nan_to_num_(self, nan=0.0, posinf=None, neginf=None):
        E.nan_to_num_(self._t, _float(nan), posinf, neginf)
        return self

    def nansum(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.nansum(self._t, _dims(dim), keepdim))

    def nanmean(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.nanmean(self._t, _dims(dim), keepdim))

    def median(self, dim=None, keepdim=False):
        return _median(self, dim, keepdim, False)

    def nanmedian(self, dim=None, keepdim=False):
        return _median(self, dim, keepdim, True)

    def erfinv(self):
        return wrap(E.erfinv(self._t))


for _name in ('addmm', 'addmv', 'addr', 'baddbmm', 'addbmm'):
    _method, _method_ = _fused(_name)
    setattr(FusedMixin, _name, _method)
    setattr(FusedMixin, _name + '_', _method_)
