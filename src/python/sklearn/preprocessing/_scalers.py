"""StandardScaler and MinMaxScaler for dense arrays, with scikit-learn 1.2's arithmetic (mean and variance
by its corrected two-pass sums, constant features scaled by 1), so fitted attributes and results match."""

import numpy as np

from .._unsupported import unsupported
from ..exceptions import NotFittedError
from ..utils._validation import float_array


def _check_fitted(estimator, attribute):
    if not hasattr(estimator, attribute):
        raise NotFittedError(
            f"This {type(estimator).__name__} instance is not fitted yet. Call 'fit' with appropriate arguments "
            "before using this estimator."
        )


def _check_features(estimator, X):
    if X.shape[1] != estimator.n_features_in_:
        raise ValueError(
            f'X has {X.shape[1]} features, but {type(estimator).__name__} is expecting '
            f'{estimator.n_features_in_} features as input.'
        )


def _handle_zeros_in_scale(scale, constant_mask):
    scale = scale.copy()
    scale[constant_mask] = 1.0
    return scale


class _Transformer:
    def fit_transform(self, X, y=None, **fit_params):
        return self.fit(X, y, **fit_params).transform(X)

    def __repr__(self):
        # scikit-learn prints the parameters that differ from their defaults, sorted by name.
        changed = [
            f'{name}={getattr(self, name)!r}'
            for name, default in sorted(self._defaults)
            if getattr(self, name) != default
        ]
        return f"{type(self).__name__}({', '.join(changed)})"


class StandardScaler(_Transformer):
    _defaults = (('copy', True), ('with_mean', True), ('with_std', True))

    def __init__(self, *, copy=True, with_mean=True, with_std=True):
        self.with_mean = with_mean
        self.with_std = with_std
        self.copy = copy

    def fit(self, X, y=None, sample_weight=None):
        for name in ('scale_', 'n_samples_seen_', 'mean_', 'var_'):
            self.__dict__.pop(name, None)
        return self.partial_fit(X, y, sample_weight)

    def partial_fit(self, X, y=None, sample_weight=None):
        if sample_weight is not None:
            raise unsupported('StandardScaler.fit(sample_weight=...)', 'fit without sample weights')
        X = float_array(X, copy=False)
        first_call = not hasattr(self, 'n_samples_seen_')
        if first_call:
            self.n_features_in_ = X.shape[1]
        else:
            _check_features(self, X)
        if not self.with_mean and not self.with_std:
            self.mean_ = None
            self.var_ = None
            seen = getattr(self, 'n_samples_seen_', 0)
            self.n_samples_seen_ = np.int64(seen + X.shape[0])
        else:
            n_new = X.shape[0]
            new_sum = np.sum(X, axis=0, dtype=np.float64)
            new_mean = new_sum / n_new
            if self.with_std:
                diff = X.astype(np.float64) - new_mean
                correction = np.sum(diff, axis=0)
                new_unnormalized = np.sum(diff**2, axis=0) - correction**2 / n_new
            if first_call:
                self.n_samples_seen_ = np.int64(n_new)
                self.mean_ = new_mean
                self.var_ = new_unnormalized / n_new if self.with_std else None
            else:
                last_n = float(self.n_samples_seen_)
                total = last_n + n_new
                last_sum = self.mean_ * last_n
                self.mean_ = (last_sum + new_sum) / total
                if self.with_std:
                    ratio = last_n / n_new
                    unnormalized = (
                        self.var_ * last_n + new_unnormalized + ratio / total * (last_sum / ratio - new_sum) ** 2
                    )
                    self.var_ = unnormalized / total
                self.n_samples_seen_ = np.int64(total)
        if self.with_std:
            eps = np.finfo(np.float64).eps
            n = float(self.n_samples_seen_)
            constant = self.var_ <= n * eps * self.var_ + (n * self.mean_ * eps) ** 2
            self.scale_ = _handle_zeros_in_scale(np.sqrt(self.var_), constant)
        else:
            self.scale_ = None
        if not self.with_mean:
            self.mean_ = None
        return self

    def transform(self, X, copy=None):
        _check_fitted(self, 'n_samples_seen_')
        X = float_array(X, copy=self.copy if copy is None else copy)
        _check_features(self, X)
        if self.with_mean:
            X -= self.mean_
        if self.with_std:
            X /= self.scale_
        return X

    def inverse_transform(self, X, copy=None):
        _check_fitted(self, 'n_samples_seen_')
        X = float_array(X, copy=self.copy if copy is None else copy)
        if self.with_std:
            X *= self.scale_
        if self.with_mean:
            X += self.mean_
        return X


class MinMaxScaler(_Transformer):
    _defaults = (('feature_range', (0, 1)), ('copy', True), ('clip', False))

    def __init__(self, feature_range=(0, 1), *, copy=True, clip=False):
        self.feature_range = feature_range
        self.copy = copy
        self.clip = clip

    def fit(self, X, y=None):
        for name in ('scale_', 'min_', 'n_samples_seen_', 'data_min_', 'data_max_', 'data_range_'):
            self.__dict__.pop(name, None)
        return self.partial_fit(X, y)

    def partial_fit(self, X, y=None):
        low, high = self.feature_range
        if low >= high:
            raise ValueError(
                'Minimum of desired feature range must be smaller than maximum. Got %s.' % str(self.feature_range)
            )
        X = float_array(X, copy=False)
        data_min = np.nanmin(X, axis=0)
        data_max = np.nanmax(X, axis=0)
        if not hasattr(self, 'n_samples_seen_'):
            self.n_features_in_ = X.shape[1]
            self.n_samples_seen_ = X.shape[0]
        else:
            _check_features(self, X)
            data_min = np.minimum(self.data_min_, data_min)
            data_max = np.maximum(self.data_max_, data_max)
            self.n_samples_seen_ += X.shape[0]
        data_range = data_max - data_min
        constant = data_range < 10 * np.finfo(data_range.dtype).eps
        self.scale_ = (high - low) / _handle_zeros_in_scale(data_range, constant)
        self.min_ = low - data_min * self.scale_
        self.data_min_ = data_min
        self.data_max_ = data_max
        self.data_range_ = data_range
        return self

    def transform(self, X):
        _check_fitted(self, 'scale_')
        X = float_array(X, copy=self.copy)
        _check_features(self, X)
        X *= self.scale_
        X += self.min_
        if self.clip:
            X = np.clip(X, self.feature_range[0], self.feature_range[1])
        return X

    def inverse_transform(self, X):
        _check_fitted(self, 'scale_')
        X = float_array(X, copy=self.copy)
        X -= self.min_
        X /= self.scale_
        return X
