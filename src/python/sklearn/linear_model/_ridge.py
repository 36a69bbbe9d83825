"""Ridge as scikit-learn 1.2 fits dense data with solver='auto' (its 'cholesky'): centered X and y, then
(X^T X + alpha I) w = X^T y solved by a Cholesky factorization (scipy's solve(assume_a='pos')), or the
kernel form X^T (X X^T + alpha I)^-1 y when there are more features than samples."""

import math

import numpy as np

from .._unsupported import unsupported
from ..base import RegressorMixin
from ..utils._estimator_input import check_X_y
from ._base import LinearModel, preprocess_data


def _cholesky_solve(A, B):
    """A (n x n list of rows, symmetric positive definite) \\ B (n x k rows) by A = U^T U."""
    n = len(A)
    U = [[0.0] * n for _ in range(n)]
    for j in range(n):
        d = A[j][j] - math.fsum(U[k][j] * U[k][j] for k in range(j))
        if d <= 0:
            raise np.linalg.LinAlgError(f'{j + 1}-th leading minor of the array is not positive definite')
        U[j][j] = math.sqrt(d)
        for i in range(j + 1, n):
            U[j][i] = (A[j][i] - math.fsum(U[k][j] * U[k][i] for k in range(j))) / U[j][j]
    k = len(B[0]) if B else 0
    X = [[0.0] * k for _ in range(n)]
    for c in range(k):
        z = [0.0] * n
        for i in range(n):
            z[i] = (B[i][c] - math.fsum(U[j][i] * z[j] for j in range(i))) / U[i][i]
        for i in range(n - 1, -1, -1):
            X[i][c] = (z[i] - math.fsum(U[i][j] * X[j][c] for j in range(i + 1, n))) / U[i][i]
    return X


class Ridge(RegressorMixin, LinearModel):
    _tensor_float64 = True

    def __init__(
        self,
        alpha=1.0,
        *,
        fit_intercept=True,
        copy_X=True,
        max_iter=None,
        tol=1e-4,
        solver='auto',
        positive=False,
        random_state=None,
    ):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.copy_X = copy_X
        self.max_iter = max_iter
        self.tol = tol
        self.solver = solver
        self.positive = positive
        self.random_state = random_state

    def fit(self, X, y, sample_weight=None):
        if sample_weight is not None:
            raise unsupported('Ridge.fit(sample_weight=...)', 'fit without sample weights')
        if self.solver not in ('auto', 'cholesky') or self.positive:
            raise unsupported(f'Ridge(solver={self.solver!r}, positive={self.positive})', "use solver='auto'")
        if np.ndim(self.alpha) != 0:
            raise unsupported('Ridge with one alpha per target', 'give one float alpha')
        if self.alpha < 0:
            raise ValueError(f'alpha == {self.alpha}, must be >= 0.0.')
        X, y = check_X_y(self, X, y, numeric=True)
        Xc, yc, X_offset, y_offset = preprocess_data(X, y, self.fit_intercept)
        Y = yc.reshape(-1, 1) if yc.ndim == 1 else yc
        n_samples, n_features = Xc.shape
        alpha = float(self.alpha)
        if n_features > n_samples:
            K = (Xc @ Xc.T).tolist()
            for i in range(n_samples):
                K[i][i] += alpha
            dual = np.array(_cholesky_solve(K, Y.tolist()), dtype=np.float64)
            coef = (Xc.T @ dual).T
        else:
            A = (Xc.T @ Xc).tolist()
            for i in range(n_features):
                A[i][i] += alpha
            coef = np.array(_cholesky_solve(A, (Xc.T @ Y).tolist()), dtype=np.float64).T
        coef = coef.astype(X.dtype)
        self.coef_ = coef.reshape(n_features) if yc.ndim == 1 else coef
        self.n_iter_ = None
        self._set_intercept(X_offset, y_offset)
        return self
