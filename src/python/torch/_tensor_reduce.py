"""torch.Tensor's reductions (sum, mean, std, norm, max/min with indices, argmax, any/all...) and sorting."""

import builtins

from ._dtype import default_float, float16
from ._engine import E
from ._out import scalar_name

from ._tensor_base import wrap, _dims, _correction, _minmax

_float = builtins.float


class ReductionMixin:
    __slots__ = ()

    def sum(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.sum(self._t, _dims(dim), keepdim))

    def mean(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.mean(self._t, _dims(dim), keepdim))

    def prod(self, dim=None, keepdim=False, dtype=None):
        return wrap(E.prod(self._t, dim, keepdim))

    def std(self, dim=None, unbiased=True, keepdim=False, correction=None):
        return wrap(E.std(self._t, _dims(dim), _correction(unbiased, correction), keepdim))

    def var(self, dim=None, unbiased=True, keepdim=False, correction=None):
        return wrap(E.var(self._t, _dims(dim), _correction(unbiased, correction), keepdim))

    def norm(self, p='fro', dim=None, keepdim=False, dtype=None):
        if p == 'fro':
            if dim is not None and not isinstance(dim, int):
                # PyTorch 1.13's frobenius_norm: sqrt(sum(x * x)) over two dims, the 2-norm over fewer.
                return wrap(E.frobenius_norm(self._t, _dims(dim), keepdim))
            p = 2
        if not self.dtype.is_floating_point:
            raise RuntimeError(
                f'norm(): input dtype should be either floating point or complex. Got {scalar_name(self.dtype)} instead.'
            )
        return wrap(E.norm(self._t, _float(p), _dims(dim), keepdim))

    def dist(self, other, p=2):
        return wrap(E.dist(self._t, other._t, _float(p)))

    def logsumexp(self, dim, keepdim=False):
        # Integer and bool input is summed in the default float dtype, as PyTorch 1.13 does.
        t = self._t if self.dtype.is_floating_point else E.cast(self._t, default_float())
        return wrap(E.logsumexp(t, _dims(dim), keepdim))

    def max(self, dim=None, keepdim=False):
        return _minmax(self, 'max', dim, keepdim)

    def min(self, dim=None, keepdim=False):
        return _minmax(self, 'min', dim, keepdim)

    def amax(self, dim=(), keepdim=False):
        return wrap(E.amax(self._t, _dims(dim) if dim != () else None, keepdim))

    def amin(self, dim=(), keepdim=False):
        return wrap(E.amin(self._t, _dims(dim) if dim != () else None, keepdim))

    def aminmax(self, *, dim=None, keepdim=False):
        from .return_types import aminmax

        return aminmax((self.amin(() if dim is None else dim, keepdim), self.amax(() if dim is None else dim, keepdim)))

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

    def cumprod(self, dim, dtype=None):
        return wrap(E.cumprod(self._t, dim))

    def count_nonzero(self, dim=None):
        return wrap(E.sum(E.cast(E.ne(self._t, 0), 'int64'), _dims(dim), False))

    def topk(self, k, dim=-1, largest=True, sorted=True):
        from .return_types import topk

        values, indices = E.topk(self._t, k, dim, largest, sorted)
        return topk((wrap(values), wrap(indices)))

    def sort(self, dim=-1, descending=False, stable=False):
        from .return_types import sort

        values, indices = E.sort(self._t, dim, descending)
        return sort((wrap(values), wrap(indices)))

    def histogram(self, bins=100, *, range=None, weight=None, density=False):
        from .return_types import histogram

        edges = bins._t if hasattr(bins, '_t') else int(bins)
        limits = None if range is None else [_float(v) for v in range]
        hist, bin_edges = E.histogram(self._t, edges, limits, None if weight is None else weight._t, bool(density))
        return histogram((wrap(hist), wrap(bin_edges)))

    def argsort(self, dim=-1, descending=False, stable=False):
        return self.sort(dim, descending)[1]

    def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
        if dim is None and self.dtype is float16:
            raise RuntimeError('"unique" not implemented for \'Half\'')
        found = E.unique(self._t, bool(sorted)) if dim is None else E.unique_dim(self._t, dim)
        values, inverse, counts = (wrap(t) for t in found)
        extra = ((inverse,) if return_inverse else ()) + ((counts,) if return_counts else ())
        return (values,) + extra if extra else values
