"""LogisticRegression with scikit-learn 1.2's objective: sum of sample-weighted log-losses + 0.5 / C * ||coef||^2,
intercept unpenalized; two classes as one logistic model (coef_ of shape (1, n_features)), more as one
multinomial (softmax) model unless multi_class='ovr'. Minimized by scipy's L-BFGS-B step for step (_lbfgsb.py)
with scikit-learn's tol and max_iter, so the fit stops at scikit-learn's iterate: coef_, intercept_, n_iter_ and
probabilities print the same digits when it converges (checked on scaled iris, breast cancer and generated
data). A fit that reaches max_iter gives scikit-learn's ConvergenceWarning; its coefficients are then those
of an unfinished run, which after 100 iterations on unscaled data has drifted from scikit-learn's by rounding."""

import warnings

import numpy as np

from .._unsupported import unsupported
from ..base import BaseEstimator, ClassifierMixin, check_is_fitted
from ..exceptions import ConvergenceWarning
from ..preprocessing._label import LabelEncoder
from ..utils._estimator_input import check_X, check_X_y
from . import _lbfgsb

_CONVERGENCE = (
    'lbfgs failed to converge (status={status}):\n{message}.\n\n'
    'Increase the number of iterations (max_iter) or scale the data as shown in:\n'
    '    https://scikit-learn.org/stable/modules/preprocessing.html\n'
    'Please also refer to the documentation for alternative solver options:\n'
    '    https://scikit-learn.org/stable/modules/linear_model.html#logistic-regression'
)
_SOLVERS = ('lbfgs', 'newton-cg', 'newton-cholesky', 'sag', 'saga')


# The loss and its gradient run on torch float64 tensors: the optimizer's products need no BLAS-ordered
# rounding (only the optimum matters), and the engine's matmul is many times quicker than numpy's.
def _binary_loss_grad(X, y, sw, l2, fit_intercept):
    import torch

    d = X.shape[1]
    tX, ty, tsw = (torch.from_numpy(np.ascontiguousarray(a, dtype=np.float64)) for a in (X, y, sw))

    def fg(w):
        tw = torch.from_numpy(np.ascontiguousarray(w))
        coef = tw[:d]
        z = tX @ coef
        if fit_intercept:
            z = z + tw[d]
        e = torch.exp(-torch.abs(z))
        # log(1 + exp(z)) without overflow, and expit(z) from the same exponential
        loss = torch.sum(tsw * (torch.clamp(z, min=0.0) + torch.log1p(e) - ty * z)) + 0.5 * l2 * torch.dot(coef, coef)
        p = torch.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        r = tsw * (p - ty)
        parts = [tX.T @ r + l2 * coef]
        if fit_intercept:
            parts.append(torch.sum(r).reshape(1))
        return float(loss), torch.cat(parts).numpy()

    return fg


def _multinomial_loss_grad(X, Y, sw, l2, fit_intercept):
    import torch

    d = X.shape[1]
    k = Y.shape[1]
    width = d + int(fit_intercept)
    tX, tY, tsw = (torch.from_numpy(np.ascontiguousarray(a, dtype=np.float64)) for a in (X, Y, sw))

    def fg(w):
        # scikit-learn's parameter vector is the (n_classes, n_dof) matrix raveled in Fortran order
        W = torch.from_numpy(np.ascontiguousarray(w)).reshape(width, k).T
        coef = W[:, :d]
        z = tX @ coef.T
        if fit_intercept:
            z = z + W[:, d]
        lse = torch.logsumexp(z, dim=1)
        loss = torch.sum(tsw * (lse - torch.sum(tY * z, dim=1))) + 0.5 * l2 * torch.sum(coef * coef)
        R = (torch.exp(z - lse[:, None]) - tY) * tsw[:, None]
        parts = [R.T @ tX + l2 * coef]
        if fit_intercept:
            parts.append(torch.sum(R, dim=0)[:, None])
        return float(loss), torch.cat(parts, dim=1).T.reshape(-1).numpy()

    return fg


def _expit(z):
    return 1.0 / (1.0 + np.exp(-z))


class LogisticRegression(ClassifierMixin, BaseEstimator):
    def __init__(
        self,
        penalty='l2',
        *,
        dual=False,
        tol=1e-4,
        C=1.0,
        fit_intercept=True,
        intercept_scaling=1,
        class_weight=None,
        random_state=None,
        solver='lbfgs',
        max_iter=100,
        multi_class='auto',
        verbose=0,
        warm_start=False,
        n_jobs=None,
        l1_ratio=None,
    ):
        self.penalty = penalty
        self.dual = dual
        self.tol = tol
        self.C = C
        self.fit_intercept = fit_intercept
        self.intercept_scaling = intercept_scaling
        self.class_weight = class_weight
        self.random_state = random_state
        self.solver = solver
        self.max_iter = max_iter
        self.multi_class = multi_class
        self.verbose = verbose
        self.warm_start = warm_start
        self.n_jobs = n_jobs
        self.l1_ratio = l1_ratio

    def _check_params(self):
        if self.solver == 'liblinear':
            raise unsupported(
                "LogisticRegression(solver='liblinear')",
                "liblinear also penalizes the intercept; use the default solver='lbfgs'",
            )
        if self.solver not in _SOLVERS:
            raise ValueError(
                f"The 'solver' parameter of LogisticRegression must be a str among {{'lbfgs', 'liblinear', "
                f"'newton-cg', 'newton-cholesky', 'sag', 'saga'}}. Got {self.solver!r} instead."
            )
        if self.penalty not in ('l2', 'none', None):
            raise unsupported(f'LogisticRegression(penalty={self.penalty!r})', "use penalty='l2' (the default)")
        if not self.C > 0:
            raise ValueError(f'Penalty term must be positive; got (C={self.C!r})')
        if self.multi_class not in ('auto', 'ovr', 'multinomial'):
            raise ValueError(f'multi_class should be "multinomial", "ovr" or "auto". Got {self.multi_class}.')

    def _sample_weights(self, codes, n_classes, sample_weight):
        sw = np.ones(codes.shape[0]) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        cw = self.class_weight
        if cw is None:
            return sw
        if cw == 'balanced':
            counts = np.bincount(codes, minlength=n_classes).astype(np.float64)
            per_class = codes.shape[0] / (n_classes * counts)
        elif isinstance(cw, dict):
            classes = self.classes_.tolist()
            per_class = np.array([float(cw.get(c, 1.0)) for c in classes])
        else:
            raise ValueError(f"class_weight must be dict, 'balanced', or None, got: {cw!r}")
        return sw * per_class[codes]

    def _solve(self, fg, size, runs):
        w, n_iter, status, message = _lbfgsb.minimize(fg, np.zeros(size), self.tol, self.max_iter)
        runs.append((min(n_iter, self.max_iter), status, message))
        return w

    def fit(self, X, y, sample_weight=None):
        self._check_params()
        X, y = check_X_y(self, X, y, numeric=False)
        dtype = X.dtype
        X = X.astype(np.float64)
        encoder = LabelEncoder().fit(y)
        self.classes_ = encoder.classes_
        codes = np.asarray(encoder.transform(y))
        n_classes = len(self.classes_)
        if n_classes < 2:
            raise ValueError(
                'This solver needs samples of at least 2 classes in the data, but the data contains only one '
                f'class: {self.classes_[0]!r}'
            )
        multinomial = self.multi_class == 'multinomial' or (self.multi_class == 'auto' and n_classes > 2)
        sw = self._sample_weights(codes, n_classes, sample_weight)
        l2 = 0.0 if self.penalty in ('none', None) else 1.0 / self.C
        d = X.shape[1]
        width = d + int(self.fit_intercept)
        runs = []
        if multinomial:
            Y = np.eye(n_classes)[codes]
            w = self._solve(_multinomial_loss_grad(X, Y, sw, l2, self.fit_intercept), n_classes * width, runs)
            W = w.reshape(width, n_classes).T
            if n_classes == 2:
                W = W[1:]
        else:
            rows = []
            for k in [1] if n_classes == 2 else range(n_classes):
                target = (codes == k).astype(np.float64)
                rows.append(self._solve(_binary_loss_grad(X, target, sw, l2, self.fit_intercept), width, runs))
            W = np.array(rows)
        self.coef_ = W[:, :d].astype(dtype)
        self.intercept_ = W[:, d].astype(dtype) if self.fit_intercept else np.zeros(W.shape[0])
        for _, status, message in runs:
            if status != 0:
                warnings.warn(_CONVERGENCE.format(status=status, message=message), ConvergenceWarning, stacklevel=2)
        self.n_iter_ = np.array([n for n, _, _ in runs] if len(runs) > 1 else [runs[0][0]], dtype=np.int32)
        return self

    def decision_function(self, X):
        check_is_fitted(self, 'coef_')
        X = check_X(self, X, reset=False)
        scores = X @ self.coef_.T + self.intercept_
        return scores.ravel() if scores.shape[1] == 1 else scores

    def predict(self, X):
        scores = self.decision_function(X)
        indices = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return self.classes_[indices]

    def predict_proba(self, X):
        check_is_fitted(self, 'coef_')
        decision = self.decision_function(X)
        ovr = self.multi_class == 'ovr' or (self.multi_class == 'auto' and len(self.classes_) <= 2)
        if ovr:
            prob = _expit(decision)
            if prob.ndim == 1:
                return np.vstack([1 - prob, prob]).T
            return prob / prob.sum(axis=1).reshape((prob.shape[0], -1))
        decision_2d = np.stack([-decision, decision], axis=1) if decision.ndim == 1 else decision
        shifted = decision_2d - np.max(decision_2d, axis=1).reshape((-1, 1))
        e = np.exp(shifted)
        return e / np.sum(e, axis=1).reshape((-1, 1))

    def predict_log_proba(self, X):
        return np.log(self.predict_proba(X))
