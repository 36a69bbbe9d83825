"""KNeighborsClassifier and KNeighborsRegressor as scikit-learn 1.2 computes them. The search method is chosen
as its algorithm='auto' chooses (brute force above 15 features or when n_neighbors >= n_samples // 2, else a
KD-tree), since the two measure distances differently: the KD-tree sums squared differences feature by
feature; brute force (its ArgKmin) ranks by ||x||^2 - 2 x.y + ||y||^2. Neighbours are kept and ordered by
scikit-learn's heap (_heap.py), so ties come out as there (exactly for KD-trees of up to 60 points, a single
leaf, and for brute force; larger KD-trees visit points in an order of their own, which only matters on
ties). Votes: the mode, the smallest label winning ties; weights='distance' weighs by 1 / distance."""

import numpy as np

from .._unsupported import unsupported
from ..base import BaseEstimator, ClassifierMixin, RegressorMixin, check_is_fitted
from ..preprocessing._label import LabelEncoder
from ..utils._estimator_input import check_X, check_X_y
from ._heap import heap_select, push_all, simultaneous_sort

_CHUNK = 256  # scikit-learn's pairwise_dist_chunk_size


class _NeighborsBase(BaseEstimator):
    def __init__(
        self,
        n_neighbors=5,
        *,
        weights='uniform',
        algorithm='auto',
        leaf_size=30,
        p=2,
        metric='minkowski',
        metric_params=None,
        n_jobs=None,
    ):
        self.n_neighbors = n_neighbors
        self.weights = weights
        self.algorithm = algorithm
        self.leaf_size = leaf_size
        self.p = p
        self.metric = metric
        self.metric_params = metric_params
        self.n_jobs = n_jobs

    def _power(self):
        metric = self.metric
        if metric == 'minkowski' and self.p in (1, 2):
            return self.p
        if metric in ('euclidean', 'l2'):
            return 2
        if metric in ('manhattan', 'cityblock', 'l1'):
            return 1
        raise unsupported(
            f'{type(self).__name__}(metric={metric!r}, p={self.p!r})', "use the default metric with p=2 or p=1"
        )

    def _fit(self, X, y):
        if self.weights not in ('uniform', 'distance'):
            raise unsupported(f'{type(self).__name__}(weights={self.weights!r})', "use 'uniform' or 'distance'")
        if not (isinstance(self.n_neighbors, int) and self.n_neighbors > 0):
            raise ValueError(f'Expected n_neighbors > 0. Got {self.n_neighbors}')
        self._p = self._power()
        self._fit_X = X
        self.n_samples_fit_ = X.shape[0]
        self.effective_metric_ = 'euclidean' if self._p == 2 else 'manhattan'
        self.effective_metric_params_ = {}
        if self.algorithm != 'auto':
            self._fit_method = self.algorithm
        elif X.shape[1] > 15 or self.n_neighbors >= X.shape[0] // 2:
            self._fit_method = 'brute'
        else:
            self._fit_method = 'kd_tree'

    def _rank_distances(self, Q):
        """Per query row, the values scikit-learn ranks neighbours by, as lists."""
        T = self._fit_X
        if self._fit_method == 'brute' and self._p == 2:
            middle = -2.0 * (Q @ T.T)
            return ((Q * Q).sum(axis=1)[:, None] + middle + (T * T).sum(axis=1)[None, :]).tolist()
        total = None
        for f in range(T.shape[1]):
            diff = Q[:, f : f + 1] - T[:, f][None, :]
            term = diff * diff if self._p == 2 else np.abs(diff)
            total = term if total is None else total + term
        return total.tolist()

    def _select(self, rows, k, n_queries):
        n_fit = self.n_samples_fit_
        # ArgKmin collects per-thread heaps, then pushes them into the final one, unless it splits the work
        # over the queries (fewer training points than queries, or many queries); one thread assumed.
        regather = self._fit_method == 'brute' and not (n_fit < n_queries or 4 * _CHUNK < n_queries)
        out = []
        for row in rows:
            if regather:
                values, indices = push_all(enumerate(row), k)
                values, indices = push_all(zip(indices, values), k)
                simultaneous_sort(values, indices, 0, k)
            else:
                values, indices = heap_select(row, k)
            out.append((values, indices))
        return out

    def kneighbors(self, X=None, n_neighbors=None, return_distance=True):
        check_is_fitted(self, '_fit_X')
        if n_neighbors is None:
            n_neighbors = self.n_neighbors
        elif n_neighbors <= 0:
            raise ValueError(f'Expected n_neighbors > 0. Got {n_neighbors}')
        query_is_train = X is None
        if query_is_train:
            Q = self._fit_X
            n_neighbors += 1  # the sample itself comes back and is dropped below
        else:
            Q = check_X(self, X, reset=False)
        if n_neighbors > self.n_samples_fit_:
            raise ValueError(
                f'Expected n_neighbors <= n_samples,  but n_samples = {self.n_samples_fit_}, '
                f'n_neighbors = {n_neighbors}'
            )
        chosen = self._select(self._rank_distances(Q), n_neighbors, Q.shape[0])
        dist = np.array([v for v, _ in chosen], dtype=np.float64).reshape(Q.shape[0], n_neighbors)
        ind = np.array([i for _, i in chosen], dtype=np.int64).reshape(Q.shape[0], n_neighbors)
        if self._p == 2:
            if self._fit_method == 'brute':
                dist = np.maximum(dist, 0.0)
            dist = np.sqrt(dist)
        if query_is_train:
            mask = ind != np.arange(Q.shape[0])[:, None]
            # more duplicates than neighbours: the sample may be missing, so the first one is dropped instead
            whole = np.all(mask, axis=1)
            mask[whole, 0] = False
            ind = ind[mask].reshape(Q.shape[0], n_neighbors - 1)
            dist = dist[mask].reshape(Q.shape[0], n_neighbors - 1)
        return (dist, ind) if return_distance else ind

    def _weights(self, dist):
        if self.weights == 'uniform':
            return None
        with np.errstate(divide='ignore'):
            w = 1.0 / dist
        inf_mask = np.isinf(w)
        inf_row = np.any(inf_mask, axis=1)
        w[inf_row] = inf_mask[inf_row]
        return w

    def _neighbors_and_weights(self, X):
        if self.weights == 'uniform':
            return self.kneighbors(X, return_distance=False), None
        dist, ind = self.kneighbors(X)
        return ind, self._weights(dist)


class KNeighborsClassifier(ClassifierMixin, _NeighborsBase):
    def fit(self, X, y):
        X, y = check_X_y(self, X, y, numeric=False)
        encoder = LabelEncoder().fit(y)
        self.classes_ = encoder.classes_
        self._y = np.asarray(encoder.transform(y))
        self.outputs_2d_ = False
        self._fit(X.astype(np.float64), y)
        return self

    def _votes(self, X):
        """Each query's vote per class code: 1 per neighbour, or its weight with weights='distance'."""
        ind, weights = self._neighbors_and_weights(X)
        w = None if weights is None else weights.tolist()
        n_classes = len(self.classes_)
        rows = []
        for r, row in enumerate(self._y[ind].tolist()):
            votes = [0.0] * n_classes
            for j, code in enumerate(row):
                votes[code] += 1.0 if w is None else w[r][j]
            rows.append(votes)
        return rows

    def predict_proba(self, X):
        rows = self._votes(X)
        proba = np.array(rows, dtype=np.float64).reshape(len(rows), len(self.classes_))
        normalizer = proba.sum(axis=1)[:, None]
        normalizer[normalizer == 0.0] = 1.0
        return proba / normalizer

    def predict(self, X):
        rows = self._votes(X)  # first: raises NotFittedError before classes_ exists
        n_classes = len(self.classes_)
        # the first largest count: the smallest label wins a tie (scipy's mode, weighted_mode)
        winners = [max(range(n_classes), key=lambda c: (votes[c], -c)) for votes in rows]
        return self.classes_[np.array(winners, dtype=np.int64)]


class KNeighborsRegressor(RegressorMixin, _NeighborsBase):
    def fit(self, X, y):
        X, y = check_X_y(self, X, y, numeric=True)
        self._y = y.astype(np.float64) if y.dtype.kind != 'f' else y
        self._fit(X.astype(np.float64), y)
        return self

    def predict(self, X):
        ind, weights = self._neighbors_and_weights(X)
        _y = self._y if self._y.ndim > 1 else self._y.reshape((-1, 1))
        if weights is None:
            y_pred = np.mean(_y[ind], axis=1)
        else:
            num = np.sum(_y[ind] * weights[:, :, np.newaxis], axis=1)
            y_pred = num / np.sum(weights, axis=1)[:, np.newaxis]
        return y_pred.ravel() if self._y.ndim == 1 else y_pred
