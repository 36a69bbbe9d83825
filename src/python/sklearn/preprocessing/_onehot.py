"""OneHotEncoder for dense output (sparse_output=False, or scikit-learn 1.2's deprecated sparse=False): one
column per category of each feature, categories sorted as np.unique sorts them. With the default sparse
output it returns a small stand-in for SciPy's CSR matrix that prints as SciPy does and has toarray()."""

import warnings

import numpy as np

from .._unsupported import unsupported
from ..utils._strings import StrArray
from ._scalers import _check_fitted


def _columns(X):
    """(columns as lists of Python values, object mode): lists holding strings are object arrays in
    scikit-learn (numbers stay numbers there); numeric input keeps its numeric type."""
    if hasattr(X, 'detach'):
        X = X.detach().numpy()
    if isinstance(X, np.ndarray):
        if X.ndim != 2:
            raise ValueError(
                'Expected 2D array, got {}D array instead:\narray={}.\nReshape your data either using '
                'array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a '
                'single sample.'.format(X.ndim, X)
            )
        return [X[:, j] for j in range(X.shape[1])], False
    rows = [list(row) for row in X]
    if rows and not all(len(row) == len(rows[0]) for row in rows):
        raise ValueError('setting an array element with a sequence.')
    if any(isinstance(v, str) for row in rows for v in row):
        return [[row[j] for row in rows] for j in range(len(rows[0]))], True
    array = np.asarray(rows)
    return [array[:, j] for j in range(array.shape[1])], False


class _SparseStandIn:
    """What scikit-learn's default sparse output is for a learner's file: .toarray()/.todense(), the shape,
    and SciPy's printed forms."""

    def __init__(self, dense):
        self._dense = dense
        self.shape = dense.shape
        self.nnz = int((dense != 0).sum())
        self.dtype = dense.dtype

    def toarray(self):
        return self._dense.copy()

    todense = toarray

    def __repr__(self):
        return (
            f"<{self.shape[0]}x{self.shape[1]} sparse matrix of type '<class 'numpy.{self.dtype}'>'\n"
            f'\twith {self.nnz} stored elements in Compressed Sparse Row format>'
        )

    def __str__(self):
        lines = []
        for i, row in enumerate(self._dense.tolist()):
            for j, v in enumerate(row):
                if v != 0:
                    lines.append(f'  ({i}, {j})\t{v!r}')
        return '\n'.join(lines)


class OneHotEncoder:
    _defaults = (
        ('categories', 'auto'),
        ('drop', None),
        ('sparse', 'deprecated'),
        ('sparse_output', True),
        ('dtype', np.float64),
        ('handle_unknown', 'error'),
    )

    def __init__(
        self,
        *,
        categories='auto',
        drop=None,
        sparse='deprecated',
        sparse_output=True,
        dtype=np.float64,
        handle_unknown='error',
        min_frequency=None,
        max_categories=None,
    ):
        if min_frequency is not None or max_categories is not None:
            raise unsupported('OneHotEncoder(min_frequency=..., max_categories=...)', 'leave them None')
        self.categories = categories
        self.drop = drop
        self.sparse = sparse
        self.sparse_output = sparse_output
        self.dtype = dtype
        self.handle_unknown = handle_unknown

    def __repr__(self):
        changed = []
        # scikit-learn prints the parameters that differ from their defaults, sorted by name.
        for name, default in sorted(self._defaults):
            value = getattr(self, name)
            if value is not default and value != default:
                changed.append(f'{name}={value!r}')
        return f"OneHotEncoder({', '.join(changed)})"

    def _dense_output(self):
        if self.sparse != 'deprecated':
            warnings.warn(
                '`sparse` was renamed to `sparse_output` in version 1.2 and will be removed in 1.4. `sparse_output` '
                'is ignored unless you leave `sparse` to its default value.',
                FutureWarning,
                stacklevel=2,
            )
            # As scikit-learn 1.2 does, fitting copies the old parameter over the new one (it shows in the repr).
            self.sparse_output = self.sparse
        return not self.sparse_output

    def fit(self, X, y=None):
        self._dense = self._dense_output()
        columns, objects = _columns(X)
        self.n_features_in_ = len(columns)
        self.categories_ = []
        for j, column in enumerate(columns):
            if self.categories != 'auto':
                given = list(self.categories[j])
                cats = StrArray(given, objects=True) if objects else np.asarray(given)
            elif objects:
                cats = StrArray(sorted(set(column)), objects=True)
            else:
                cats = np.unique(column)
            self.categories_.append(cats)
        self.drop_idx_ = self._drop_indices()
        return self

    def _drop_indices(self):
        if self.drop is None:
            return None
        if self.drop == 'first':
            return np.zeros(len(self.categories_), dtype=np.int64)
        if self.drop == 'if_binary':
            return np.array([0 if len(c) == 2 else -1 for c in self.categories_])
        raise unsupported(f'OneHotEncoder(drop={self.drop!r})', "use drop=None, 'first' or 'if_binary'")

    def _kept(self, j):
        n = len(self.categories_[j])
        if self.drop_idx_ is None or int(self.drop_idx_[j]) < 0:
            return list(range(n))
        return [k for k in range(n) if k != int(self.drop_idx_[j])]

    def transform(self, X):
        _check_fitted(self, 'categories_')
        columns, _ = _columns(X)
        if len(columns) != self.n_features_in_:
            raise ValueError(
                f'X has {len(columns)} features, but OneHotEncoder is expecting {self.n_features_in_} features as '
                'input.'
            )
        n_rows = len(columns[0]) if columns else 0
        rows = [[] for _ in range(n_rows)]
        for j, column in enumerate(columns):
            cats = self.categories_[j].tolist()
            index = {c: k for k, c in enumerate(cats)}
            kept = self._kept(j)
            values = column.tolist() if hasattr(column, 'tolist') else list(column)
            unknown = [v for v in values if v not in index]
            if unknown and self.handle_unknown == 'error':
                raise ValueError(f'Found unknown categories {sorted(set(unknown))} in column {j} during transform')
            for i, v in enumerate(values):
                k = index.get(v)
                rows[i].extend(1.0 if k == c else 0.0 for c in kept)
        out = np.array(rows, dtype=self.dtype).reshape(n_rows, -1)
        return out if self._dense else _SparseStandIn(out)

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)

    def get_feature_names_out(self, input_features=None):
        _check_fitted(self, 'categories_')
        if input_features is None:
            input_features = [f'x{j}' for j in range(self.n_features_in_)]
        names = []
        for j, feature in enumerate(input_features):
            cats = self.categories_[j].tolist()
            names.extend(f'{feature}_{cats[k]}' for k in self._kept(j))
        return StrArray(names, objects=True)

    def inverse_transform(self, X):
        _check_fitted(self, 'categories_')
        if hasattr(X, 'toarray'):
            X = X.toarray()
        X = np.asarray(X)
        out = []
        for row in X.tolist():
            values, start = [], 0
            for j in range(self.n_features_in_):
                kept = self._kept(j)
                part = row[start : start + len(kept)]
                start += len(kept)
                cats = self.categories_[j].tolist()
                if 1 in part:
                    values.append(cats[kept[part.index(1)]])
                elif self.drop_idx_ is not None and int(self.drop_idx_[j]) >= 0:
                    values.append(cats[int(self.drop_idx_[j])])
                else:
                    values.append(None)
            out.append(values)
        if any(isinstance(v, str) or v is None for row in out for v in row):
            raise unsupported('OneHotEncoder.inverse_transform of string categories', 'numpy arrays hold numbers')
        return np.array(out)
