"""LabelEncoder: labels (numbers or strings) as 0..n_classes-1, in sorted order of the classes; LabelBinarizer:
labels as one-hot rows."""

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


class LabelBinarizer:
    """Labels as one-hot rows (Do it! deep learning's chapter 7 one-hot encodes its targets with it): a column per
    class in sorted order, pos_label where the row's label is, neg_label elsewhere; two classes give the one
    column of the second class."""

    def __init__(self, *, neg_label=0, pos_label=1, sparse_output=False):
        self.neg_label = neg_label
        self.pos_label = pos_label
        self.sparse_output = sparse_output

    def get_params(self, deep=True):
        return {'neg_label': self.neg_label, 'pos_label': self.pos_label, 'sparse_output': self.sparse_output}

    def fit(self, y):
        # Checked here, not in __init__, as scikit-learn does.
        if self.neg_label >= self.pos_label:
            raise ValueError(f'neg_label={self.neg_label} must be strictly less than pos_label={self.pos_label}.')
        if self.sparse_output:
            from .._unsupported import unsupported

            raise unsupported('LabelBinarizer(sparse_output=True)', 'the dense output (sparse_output=False)')
        rows = y.tolist() if hasattr(y, 'tolist') else list(y)
        if rows and isinstance(rows[0], (list, tuple)) and len(rows[0]) > 1:
            raise ValueError('Multioutput target data is not supported with label binarization')
        self.classes_ = LabelEncoder().fit(y).classes_
        self.y_type_ = 'binary' if len(self.classes_) <= 2 else 'multiclass'
        self.sparse_input_ = False
        return self

    def fit_transform(self, y):
        return self.fit(y).transform(y)

    def transform(self, y):
        if not hasattr(self, 'classes_'):
            from ._scalers import _check_fitted

            _check_fitted(self, 'classes_')
        values = column_or_1d(y).tolist()
        classes = self.classes_.tolist()
        index = {c: i for i, c in enumerate(classes)}
        out = np.full((len(values), len(classes)), self.neg_label, dtype=np.int64)
        if len(classes) == 1:
            return out
        for row, v in enumerate(values):
            if v in index:
                out[row, index[v]] = self.pos_label
        return out[:, -1:] if len(classes) == 2 else out

    def inverse_transform(self, Y, threshold=None):
        Y = np.asarray(Y)
        if self.y_type_ == 'multiclass':
            return self.classes_[Y.argmax(axis=1)]
        if threshold is None:
            threshold = (self.pos_label + self.neg_label) / 2.0
        return self.classes_[(Y[:, -1] > threshold).astype(np.int64)]

    def __repr__(self):
        given = [
            f'{k}={v!r}' for k, v in self.get_params().items() if v != {'neg_label': 0, 'pos_label': 1}.get(k, False)
        ]
        return f'LabelBinarizer({", ".join(given)})'
