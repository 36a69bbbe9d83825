"""torch.nn.utils.parametrizations: orthogonal() and spectral_norm() as PyTorch 1.13 builds them, as
parametrizations (nn.utils.parametrize) of a module's tensor.

orthogonal: the weight is Q(original) for one of three maps of an unconstrained matrix to an orthogonal one,
'matrix_exp' (exp of the skew-symmetric part), 'cayley' ((I - A/2)^-1 (I + A/2)) or 'householder' (a product
of reflections); with use_trivialization (the default) the result is multiplied by a buffer `base`, which
assigning a matrix resets (the original then holds -I). spectral_norm: the weight divided by its largest
singular value, estimated by power iteration with the buffers `_u` and `_v` (drawn with normal_ from the global
generator, then 15 iterations at registration, one per forward in training mode).

PyTorch's householder map calls torch.linalg.householder_product, and its orthogonalisation of a matrix torch.geqrf;
Backprop Lens has neither as an op, so the product of reflections is composed here from ordinary ops (same values,
gradients by autograd through them) and a QR-based orthogonalisation gives geqrf's result (the Q factor of A with
R's diagonal made positive). use_trivialization=False assigning a matrix needs geqrf's reflectors themselves: it
raises NotImplementedError naming torch.geqrf.
"""

from enum import Enum, auto

from ..._grad_mode import no_grad
from ..._tensor import Tensor
from ..._unsupported import unsupported
from .. import functional as F
from ..modules.module import Module
from . import parametrize

__all__ = ['orthogonal', 'spectral_norm']


def _is_orthogonal(Q, eps=None):
    from ... import allclose, eye, finfo

    n, k = Q.size(-2), Q.size(-1)
    Id = eye(k, dtype=Q.dtype)
    eps = 10.0 * n * finfo(Q.dtype).eps
    return allclose(Q.mH @ Q, Id, atol=eps)


def _make_orthogonal(A):
    """The Q of A's QR decomposition, with the signs that make R's diagonal positive (unique for full rank)."""
    from ... import linalg

    Q, R = linalg.qr(A)
    return Q * R.diagonal(dim1=-2, dim2=-1).sgn().unsqueeze(-2)


def _householder_product(A, tau):
    """torch.linalg.householder_product(A, tau) composed from ordinary ops: the first k columns of
    H_1 ... H_k, where H_i = I - tau_i v_i v_i^H and v_i is column i of A below the diagonal with a 1 on it."""
    from ... import eye, ones

    n, k = A.size(-2), A.size(-1)
    Q = eye(n, k, dtype=A.dtype).expand(*A.shape[:-2], n, k)
    below = ones(n, n, dtype=A.dtype).tril(diagonal=-1)  # below[:, i] keeps the entries under row i
    unit = eye(n, dtype=A.dtype)
    for i in reversed(range(k)):
        v = (A[..., :, i] * below[:, i] + unit[:, i]).unsqueeze(-1)  # (*, n, 1)
        Q = Q - (tau[..., i].unsqueeze(-1).unsqueeze(-1) * v) @ (v.mH @ Q)
    return Q


class _OrthMaps(Enum):
    matrix_exp = auto()
    cayley = auto()
    householder = auto()


class _Orthogonal(Module):
    def __init__(self, weight, orthogonal_map, *, use_trivialization=True):
        super().__init__()
        if weight.is_complex() and orthogonal_map == _OrthMaps.householder:
            raise ValueError('The householder parametrization does not support complex tensors.')
        self.shape = weight.shape
        self.orthogonal_map = orthogonal_map
        if use_trivialization:
            self.register_buffer('base', None)

    def forward(self, X):
        from ... import cat, eye, linalg, matrix_exp

        n, k = X.size(-2), X.size(-1)
        transposed = n < k
        if transposed:
            X = X.mT
            n, k = k, n
        if self.orthogonal_map in (_OrthMaps.matrix_exp, _OrthMaps.cayley):
            X = X.tril()
            if n != k:
                X = cat([X, X.new_zeros(n, n - k).expand(*X.shape[:-2], -1, -1)], dim=-1)
            A = X - X.mH
            if self.orthogonal_map == _OrthMaps.matrix_exp:
                Q = matrix_exp(A)
            else:
                Id = eye(n, dtype=A.dtype)
                Q = linalg.solve(Id.add(A, alpha=-0.5), Id.add(A, alpha=0.5))
            if n != k:
                Q = Q[..., :k]
        else:
            A = X.tril(diagonal=-1)
            tau = 2.0 / (1.0 + (A * A).sum(dim=-2))
            Q = _householder_product(A, tau)
            # The diagonal of the original (+-1 after right_inverse) flips the sign of each column.
            Q = Q * X.diagonal(dim1=-2, dim2=-1).int().unsqueeze(-2)
        if hasattr(self, 'base'):
            Q = self.base @ Q
        if transposed:
            Q = Q.mT
        return Q

    def right_inverse(self, Q):
        from ... import cat, eye, randn, zeros_like

        with no_grad():
            if Q.shape != self.shape:
                raise ValueError(
                    f'Expected a matrix or batch of matrices of shape {self.shape}. Got a tensor of shape {Q.shape}.'
                )
            Q_init = Q
            n, k = Q.size(-2), Q.size(-1)
            transpose = n < k
            if transpose:
                Q = Q.mT
                n, k = k, n
            if not hasattr(self, 'base'):
                if self.orthogonal_map in (_OrthMaps.cayley, _OrthMaps.matrix_exp):
                    raise NotImplementedError(
                        'It is not possible to assign to the matrix exponential or the Cayley parametrizations '
                        'when use_trivialization=False.'
                    )
                raise unsupported(
                    'torch.geqrf', 'orthogonal(..., use_trivialization=False) with the householder map needs it'
                )
            if n == k:
                Q = Q.clone() if _is_orthogonal(Q) else _make_orthogonal(Q)
            else:
                # Complete the n x k matrix to a square one with random columns, then orthogonalise.
                N = randn(*(tuple(Q.size()[:-2]) + (n, n - k)), dtype=Q.dtype)
                Q = _make_orthogonal(cat([Q, N], dim=-1))
            self.base = Q
            # -1 on the diagonal, +0 elsewhere (PyTorch fills the diagonal view of zeros; ours is not a view)
            return zeros_like(Q_init) - eye(Q_init.size(-2), Q_init.size(-1), dtype=Q_init.dtype)


def orthogonal(module, name='weight', orthogonal_map=None, *, use_trivialization=True):
    weight = getattr(module, name, None)
    if not isinstance(weight, Tensor):
        raise ValueError(f"Module '{module}' has no parameter or buffer with name '{name}'")
    if weight.ndim < 2:
        raise ValueError(f'Expected a matrix or batch of matrices. Got a tensor of {weight.ndim} dimensions.')
    if orthogonal_map is None:
        square = weight.size(-2) == weight.size(-1)
        orthogonal_map = 'matrix_exp' if square or weight.is_complex() else 'householder'
    orth_enum = getattr(_OrthMaps, orthogonal_map, None)
    if orth_enum is None:
        raise ValueError(
            f'orthogonal_map has to be one of "matrix_exp", "cayley", "householder". Got: {orthogonal_map}'
        )
    if orth_enum == _OrthMaps.householder and not use_trivialization:
        # Raised here: registering swallows a NotImplementedError of right_inverse and would keep the raw weight.
        raise unsupported('torch.geqrf', 'orthogonal(..., use_trivialization=False) with the householder map needs it')
    orth = _Orthogonal(weight, orth_enum, use_trivialization=use_trivialization)
    parametrize.register_parametrization(module, name, orth, unsafe=True)
    return module


class _SpectralNorm(Module):
    def __init__(self, weight, n_power_iterations=1, dim=0, eps=1e-12):
        super().__init__()
        ndim = weight.ndim
        if dim >= ndim or dim < -ndim:
            raise IndexError(f'Dimension out of range (expected to be in range of [-{ndim}, {ndim - 1}] but got {dim})')
        if n_power_iterations <= 0:
            raise ValueError(
                f'Expected n_power_iterations to be positive, but got n_power_iterations={n_power_iterations}'
            )
        self.dim = dim if dim >= 0 else dim + ndim
        self.eps = eps
        if ndim > 1:
            self.n_power_iterations = n_power_iterations
            weight_mat = self._reshape_weight_to_matrix(weight)
            h, w = weight_mat.size()
            # u first, then v: the order PyTorch draws them in from the global generator
            u = weight_mat.new_empty(h).normal_(0, 1)
            v = weight_mat.new_empty(w).normal_(0, 1)
            self.register_buffer('_u', F.normalize(u, dim=0, eps=self.eps))
            self.register_buffer('_v', F.normalize(v, dim=0, eps=self.eps))
            self._power_method(weight_mat, 15)

    def _reshape_weight_to_matrix(self, weight):
        if self.dim != 0:
            weight = weight.permute(self.dim, *(d for d in range(weight.dim()) if d != self.dim))
        return weight.flatten(1)

    def _power_method(self, weight_mat, n_power_iterations):
        from ... import mv

        with no_grad():
            for _ in range(n_power_iterations):
                # In place, as PyTorch's normalize(..., out=buffer): the buffers stay the same tensors.
                F.normalize(mv(weight_mat, self._v), dim=0, eps=self.eps, out=self._u)
                F.normalize(mv(weight_mat.t(), self._u), dim=0, eps=self.eps, out=self._v)

    def forward(self, weight):
        from ... import dot, mv

        if weight.ndim == 1:
            return F.normalize(weight, dim=0, eps=self.eps)
        weight_mat = self._reshape_weight_to_matrix(weight)
        if self.training:
            self._power_method(weight_mat, self.n_power_iterations)
        # Clones, so that the next in-place power iteration leaves what backward saved alone.
        u = self._u.clone()
        v = self._v.clone()
        sigma = dot(u, mv(weight_mat, v))
        return weight / sigma

    def right_inverse(self, value):
        return value


def spectral_norm(module, name='weight', n_power_iterations=1, eps=1e-12, dim=None):
    weight = getattr(module, name, None)
    if not isinstance(weight, Tensor):
        raise ValueError(f"Module '{module}' has no parameter or buffer with name '{name}'")
    if dim is None:
        from ..modules.conv import ConvTranspose1d, ConvTranspose2d, ConvTranspose3d

        dim = 1 if isinstance(module, (ConvTranspose1d, ConvTranspose2d, ConvTranspose3d)) else 0
    parametrize.register_parametrization(module, name, _SpectralNorm(weight, n_power_iterations, dim, eps))
    return module
