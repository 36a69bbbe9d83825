"""LabelEncoder: labels (numbers or strings) as 0..n_classes-1, in sorted order of the classes."""

import numpy as np

from ..utils._strings import StrArray
from ..utils._validation import column_or_1d


class LabelEncoder:
    def fit(self, y):
        y = column_or_1d(y)
        if isinstance(y, StrArray):
            self.classes_ = StrArray(sorted(set(y)))
        else:
            self.classes_ = np.unique(y)
        return self

    def fit_transform(self, y):
        return self.fit(y).transform(y)

    def transform(self, y):
        if not hasattr(self, 'classes_'):
            from ._scalers import _check_fitted

            _check_fitted(self, 'classes_')
        y = column_or_1d(y)
        if len(y) == 0:
            return np.array([], dtype=np.int64)
        classes = self.classes_.tolist()
        index = {c: i for i, c in enumerate(classes)}
        values = y.tolist()
        unseen = [v for v in values if v not in index]
        if unseen:
            # Strings: the first unknown one, as a KeyError names it; numbers: all of them, sorted.
            shown = repr(unseen[0]) if isinstance(unseen[0], str) else str(sorted(set(unseen)))
            raise ValueError(f'y contains previously unseen labels: {shown}')
        return np.array([index[v] for v in values], dtype=np.int64)

    def inverse_transform(self, y):
        y = column_or_1d(y)
        if len(y) == 0:
            return np.array([])
        codes = np.asarray(y)
        bad = sorted({int(c) for c in codes.tolist() if not 0 <= int(c) < len(self.classes_)})
        if bad:
            raise ValueError('y contains previously unseen labels: %s' % str(np.array(bad)))
        return self.classes_[codes]

    def __repr__(self):
        return 'LabelEncoder()'
