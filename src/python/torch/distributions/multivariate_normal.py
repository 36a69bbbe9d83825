"""MultivariateNormal(loc, covariance_matrix | precision_matrix | scale_tril): everything goes through the
lower Cholesky factor L (rsample = loc + L @ eps with eps drawn as PyTorch draws it); the parameter not given
is derived on first use, as PyTorch's lazy properties, so the repr names only the one given."""

import math

from .._size import Size
from . import constraints
from .distribution import Distribution
from .utils import standard_normal


def batch_mv(bmat, bvec):
    return bmat.matmul(bvec.unsqueeze(-1)).squeeze(-1)


def batch_mahalanobis(bL, bx):
    """x^T (L L^T)^-1 x over broadcast batches: the squared norm of L^-1 x."""
    from ..linalg import solve_triangular

    n = bx.size(-1)
    batch = Size(_broadcast_shape(tuple(bL.shape[:-2]), tuple(bx.shape[:-1])))
    solved = solve_triangular(bL.expand(batch + (n, n)), bx.expand(batch + (n,)).unsqueeze(-1), upper=False)
    return solved.squeeze(-1).pow(2).sum(-1)


def batch_trace_xxt(bmat):
    n, m = bmat.size(-1), bmat.size(-2)
    return bmat.reshape(-1, m * n).pow(2).sum(-1).reshape(bmat.shape[:-2])


def _broadcast_shape(*shapes):
    from .._tensor_aliases import broadcast_shapes

    return tuple(broadcast_shapes(*shapes))


def _precision_to_scale_tril(P):
    # The Cholesky factor of the flipped precision, flipped back and inverted, is the covariance's lower factor.
    from .._creation import eye
    from ..linalg import cholesky, solve_triangular

    Lf = cholesky(P.flip((-2, -1)))
    L_inv = Lf.flip((-2, -1)).transpose(-2, -1)
    Id = eye(P.shape[-1], dtype=P.dtype)
    return solve_triangular(L_inv, Id, upper=False)


class MultivariateNormal(Distribution):
    arg_constraints = {
        'loc': constraints.real_vector,
        'covariance_matrix': constraints.positive_definite,
        'precision_matrix': constraints.positive_definite,
        'scale_tril': constraints.lower_cholesky,
    }
    support = constraints.real_vector
    has_rsample = True

    def __init__(self, loc, covariance_matrix=None, precision_matrix=None, scale_tril=None, validate_args=None):
        from ..linalg import cholesky

        if loc.dim() < 1:
            raise ValueError('loc must be at least one-dimensional.')
        if (covariance_matrix is not None) + (scale_tril is not None) + (precision_matrix is not None) != 1:
            raise ValueError('Exactly one of covariance_matrix or precision_matrix or scale_tril may be specified.')
        given = next(m for m in (scale_tril, covariance_matrix, precision_matrix) if m is not None)
        name = (
            'scale_tril'
            if scale_tril is not None
            else 'covariance_matrix'
            if covariance_matrix is not None
            else 'precision_matrix'
        )
        if given.dim() < 2:
            label = 'scale_tril matrix' if name == 'scale_tril' else name
            raise ValueError(f'{label} must be at least two-dimensional, with optional leading batch dimensions')
        batch_shape = Size(_broadcast_shape(tuple(given.shape[:-2]), tuple(loc.shape[:-1])))
        self.__dict__[name] = given.expand(batch_shape + (-1, -1))
        self.loc = loc.expand(batch_shape + (-1,))
        super().__init__(batch_shape, self.loc.shape[-1:], validate_args=validate_args)
        if scale_tril is not None:
            self._unbroadcasted_scale_tril = scale_tril
        elif covariance_matrix is not None:
            self._unbroadcasted_scale_tril = cholesky(covariance_matrix)
        else:
            self._unbroadcasted_scale_tril = _precision_to_scale_tril(precision_matrix)

    def __getattr__(self, name):
        # The two parameters not given, computed from L on first use (PyTorch's lazy_property).
        if (
            name not in ('scale_tril', 'covariance_matrix', 'precision_matrix')
            or '_unbroadcasted_scale_tril' not in self.__dict__
        ):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        L = self._unbroadcasted_scale_tril
        full = self._batch_shape + self._event_shape + self._event_shape
        if name == 'scale_tril':
            value = L.expand(full)
        elif name == 'covariance_matrix':
            value = L.matmul(L.transpose(-2, -1)).expand(full)
        else:
            from .._creation import eye
            from ..linalg import solve_triangular

            L_inv = solve_triangular(L, eye(L.shape[-1], dtype=L.dtype), upper=False)
            value = L_inv.transpose(-2, -1).matmul(L_inv).expand(full)
        self.__dict__[name] = value
        return value

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def variance(self):
        return self._unbroadcasted_scale_tril.pow(2).sum(-1).expand(self._batch_shape + self._event_shape)

    def _draw(self, sample_shape):
        return self.rsample(sample_shape)

    def rsample(self, sample_shape=Size()):
        eps = standard_normal(self._extended_shape(sample_shape), self.loc.dtype)
        return self.loc + batch_mv(self._unbroadcasted_scale_tril, eps)

    def log_prob(self, value):
        self._validate_sample(value)
        diff = value - self.loc
        M = batch_mahalanobis(self._unbroadcasted_scale_tril, diff)
        half_log_det = self._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)
        return -0.5 * (self._event_shape[0] * math.log(2 * math.pi) + M) - half_log_det

    def entropy(self):
        half_log_det = self._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)
        H = 0.5 * self._event_shape[0] * (1.0 + math.log(2 * math.pi)) + half_log_det
        return H if len(self._batch_shape) == 0 else H.expand(self._batch_shape)
