"""PolynomialFeatures for dense arrays: scikit-learn 1.2's columns in its order (bias, degree 1, then each
degree's combinations with replacement), each product multiplied in the order scikit-learn multiplies it, so
every value matches to the last bit (polynomial regression files fit a torch linear layer to these columns)."""

from itertools import chain, combinations, combinations_with_replacement
from math import comb

import numpy as np

from ..utils._strings import StrArray
from ..utils._validation import float_array, is_integral
from ._scalers import _check_features, _check_fitted, _Transformer


class PolynomialFeatures(_Transformer):
    _defaults = (('degree', 2), ('interaction_only', False), ('include_bias', True), ('order', 'C'))

    def __init__(self, degree=2, *, interaction_only=False, include_bias=True, order='C'):
        self.degree = degree
        self.interaction_only = interaction_only
        self.include_bias = include_bias
        self.order = order

    def _degrees(self):
        if is_integral(self.degree):
            if self.degree == 0 and not self.include_bias:
                raise ValueError(
                    'Setting degree to zero and include_bias to False would result in an empty output array.'
                )
            return 0, int(self.degree)
        if isinstance(self.degree, (tuple, list)) and len(self.degree) == 2:
            low, high = self.degree
            if not (is_integral(low) and is_integral(high) and 0 <= low <= high):
                raise ValueError(
                    'degree=(min_degree, max_degree) must be non-negative integers that fulfil '
                    f'min_degree <= max_degree, got {self.degree}.'
                )
            if high == 0 and not self.include_bias:
                raise ValueError(
                    'Setting both min_degree and max_degree to zero and include_bias to False would result in an '
                    'empty output array.'
                )
            return int(low), int(high)
        raise ValueError(f'degree must be a non-negative int or tuple (min_degree, max_degree), got {self.degree}.')

    def _combinations(self):
        pick = combinations if self.interaction_only else combinations_with_replacement
        features = range(self.n_features_in_)
        terms = chain.from_iterable(pick(features, d) for d in range(max(1, self._min_degree), self._max_degree + 1))
        return chain(pick(features, 0), terms) if self.include_bias else terms

    def fit(self, X, y=None):
        X = float_array(X, copy=False)
        self._min_degree, self._max_degree = self._degrees()
        self.n_features_in_ = X.shape[1]
        n, low, high = X.shape[1], self._min_degree, self._max_degree
        if self.interaction_only:
            count = sum(comb(n, i) for i in range(max(1, low), min(high, n) + 1))
        else:
            count = comb(n + high, high) - 1
            if low > 0:
                count -= comb(n + low - 1, low - 1) - 1
        self.n_output_features_ = count + (1 if self.include_bias else 0)
        return self

    @property
    def powers_(self):
        _check_fitted(self, 'n_output_features_')
        return np.vstack(
            [np.bincount(np.array(c, dtype=np.intp), minlength=self.n_features_in_) for c in self._combinations()]
        )

    def get_feature_names_out(self, input_features=None):
        _check_fitted(self, 'n_output_features_')
        if input_features is None:
            input_features = [f'x{j}' for j in range(self.n_features_in_)]
        names = []
        for row in self.powers_.tolist():
            parts = [name if e == 1 else '%s^%d' % (name, e) for name, e in zip(input_features, row) if e]
            names.append(' '.join(parts) if parts else '1')
        return StrArray(names, objects=True)

    def transform(self, X):
        _check_fitted(self, 'n_output_features_')
        X = float_array(X, copy=False)
        _check_features(self, X)
        columns = []
        for term in self._combinations():
            if not term:
                columns.append(np.ones(X.shape[0], dtype=X.dtype))
                continue
            # scikit-learn builds degree d from degree d-1 columns times the lowest feature: x0 * (x1 * x2).
            column = X[:, term[-1]]
            for feature in reversed(term[:-1]):
                column = column * X[:, feature]
            columns.append(column)
        if not columns:
            return np.empty((X.shape[0], 0), dtype=X.dtype)
        return np.stack(columns, axis=1)
