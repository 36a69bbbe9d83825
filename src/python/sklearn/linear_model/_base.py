"""LinearRegression as scikit-learn 1.2 fits it: X and y centered by their means, least squares on the centered
data (scipy's lstsq there, _lstsq here), intercept_ = y_offset - X_offset @ coef_.T."""

import numpy as np

from .._unsupported import unsupported
from ..base import BaseEstimator, RegressorMixin, check_is_fitted
from ..utils._estimator_input import check_X, check_X_y
from ._lstsq import lstsq


def preprocess_data(X, y, fit_intercept):
    """Centered copies of X and y and their offsets (_preprocess_data without normalize or sample weights)."""
    X = X.copy()
    if fit_intercept:
        X_offset = np.average(X, axis=0).astype(X.dtype)
        X -= X_offset
        y_offset = np.average(y, axis=0)
        y = y - y_offset
    else:
        X_offset = np.zeros(X.shape[1], dtype=X.dtype)
        y_offset = X.dtype.type(0) if y.ndim == 1 else np.zeros(y.shape[1], dtype=X.dtype)
    return X, y, X_offset, y_offset


class LinearModel(BaseEstimator):
    def _decision_function(self, X):
        check_is_fitted(self, 'coef_')
        X = check_X(self, X, reset=False, tensor_float64=self._tensor_float64)
        return X @ self.coef_.T + self.intercept_

    def predict(self, X):
        return self._decision_function(X)

    def _set_intercept(self, X_offset, y_offset):
        if self.fit_intercept:
            self.intercept_ = y_offset - np.dot(X_offset, self.coef_.T)
        else:
            self.intercept_ = 0.0


def solve_columns(X, y, solver):
    """Apply solver(columns of X, n_rows, right-hand sides) to each column of y; coef_ as scikit-learn
    shapes it: (n_features,) for 1d y, (n_targets, n_features) for 2d y, in X's dtype."""
    targets = [y.tolist()] if y.ndim == 1 else y.T.tolist()
    solutions = solver(X.T.tolist(), X.shape[0], targets)
    coef = np.array(solutions, dtype=np.float64).reshape(len(targets), X.shape[1]).astype(X.dtype)
    return coef.reshape(X.shape[1]) if y.ndim == 1 else coef


class LinearRegression(RegressorMixin, LinearModel):
    _tensor_float64 = False  # check_array(dtype='numeric') keeps a float32 tensor float32

    def __init__(self, *, fit_intercept=True, copy_X=True, n_jobs=None, positive=False):
        self.fit_intercept = fit_intercept
        self.copy_X = copy_X
        self.n_jobs = n_jobs
        self.positive = positive

    def fit(self, X, y, sample_weight=None):
        if sample_weight is not None:
            raise unsupported('LinearRegression.fit(sample_weight=...)', 'fit without sample weights')
        if self.positive:
            raise unsupported('LinearRegression(positive=True)', 'leave positive=False')
        X, y = check_X_y(self, X, y, numeric=True, tensor_float64=False)
        Xc, yc, X_offset, y_offset = preprocess_data(X, y, self.fit_intercept)
        ranks = []

        def solver(cols, m, targets):
            solutions, rank = lstsq(cols, m, targets)
            ranks.append(rank)
            return solutions

        self.coef_ = solve_columns(Xc, yc, solver)
        self.rank_ = ranks[0]
        self._set_intercept(X_offset, y_offset)
        return self
