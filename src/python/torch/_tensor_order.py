"""torch.Tensor's order statistics and binning beyond sort/topk: kthvalue, mode, cummax/cummin, logcumsumexp,
quantile, histc, argwhere, take_along_dim, unique_consecutive (the engine computes each; this converts
arguments and wraps results in torch.return_types)."""

import builtins

from ._engine import E

from ._tensor_base import TensorBase, wrap

_float = builtins.float
_int = builtins.int
_isinstance = builtins.isinstance

_INTERPOLATIONS = ('linear', 'lower', 'higher', 'midpoint', 'nearest')


def _pair(kind, result):
    values, indices = result
    return kind((wrap(values), wrap(indices)))


def _unique_result(values, inverse, counts, return_inverse, return_counts):
    extra = ((wrap(inverse),) if return_inverse else ()) + ((wrap(counts),) if return_counts else ())
    return (wrap(values),) + extra if extra else wrap(values)


class OrderMixin:
    __slots__ = ()

    def kthvalue(self, k, dim=-1, keepdim=False):
        from . import return_types

        return _pair(return_types.kthvalue, E.kthvalue(self._t, _int(k), dim, keepdim))

    def mode(self, dim=-1, keepdim=False):
        from . import return_types

        return _pair(return_types.mode, E.mode(self._t, dim, keepdim))

    def cummax(self, dim):
        from . import return_types

        return _pair(return_types.cummax, E.cummax(self._t, dim))

    def cummin(self, dim):
        from . import return_types

        return _pair(return_types.cummin, E.cummin(self._t, dim))

    def logcumsumexp(self, dim):
        return wrap(E.logcumsumexp(self._t, dim))

    def quantile(self, q, dim=None, keepdim=False, *, interpolation='linear'):
        if interpolation not in _INTERPOLATIONS:
            raise RuntimeError(
                'quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, '
                f'but got {interpolation}'
            )
        qv = q._t if _isinstance(q, TensorBase) else _float(q)
        return wrap(E.quantile(self._t, qv, dim, keepdim, interpolation))

    def histc(self, bins=100, min=0, max=0):
        return wrap(E.histc(self._t, _int(bins), _float(min), _float(max)))

    def argwhere(self):
        return self.nonzero()

    def take_along_dim(self, indices, dim=None):
        if dim is None:
            return self.reshape(-1).gather(0, indices.reshape(-1))
        d = dim % self.dim()
        # Both broadcast to one shape except along dim, where each keeps its own size (ATen's rule).
        own = list(self.shape)
        idx = list(indices.shape)
        own[d] = idx[d] = 1
        common = list(E.common_shape([own, idx], False))
        src_shape, idx_shape = list(common), list(common)
        src_shape[d], idx_shape[d] = self.shape[d], indices.shape[d]
        return self.expand(*src_shape).gather(d, indices.expand(*idx_shape))

    def unique_consecutive(self, return_inverse=False, return_counts=False, dim=None):
        values, inverse, counts = E.unique_consecutive(self._t, dim)
        return _unique_result(values, inverse, counts, return_inverse, return_counts)
