"""cross_val_score as scikit-learn 1.2 runs it: cv=None or an int is StratifiedKFold for a classifier with a
binary or multiclass y, else KFold (neither shuffled); each fold fits a clone of the estimator on the training
rows and scores the test rows with its score method or the named scorer."""

import numbers

import numpy as np

from .._unsupported import unsupported
from ..base import clone, is_classifier
from ..utils._validation import indexable, safe_indexing
from ._split import KFold, StratifiedKFold


def check_cv(cv=5, y=None, *, classifier=False):
    cv = 5 if cv is None else cv
    if isinstance(cv, numbers.Integral):
        if classifier and y is not None:
            from ..metrics._targets import type_of_target

            if type_of_target(y) in ('binary', 'multiclass'):
                return StratifiedKFold(cv)
        return KFold(cv)
    if hasattr(cv, 'split'):
        return cv
    # an iterable of (train, test) index pairs
    return _Splits(list(cv))


class _Splits:
    def __init__(self, splits):
        self.splits = splits

    def split(self, X=None, y=None, groups=None):
        return iter(self.splits)

    def get_n_splits(self, X=None, y=None, groups=None):
        return len(self.splits)


def _metric_scorer(metric, sign=1, kind='predict', **kwargs):
    def score(estimator, X, y):
        if kind == 'predict':
            pred = estimator.predict(X)
        elif hasattr(estimator, 'decision_function'):
            pred = estimator.decision_function(X)
        else:
            pred = estimator.predict_proba(X)
            if pred.ndim == 2 and pred.shape[1] == 2:
                pred = pred[:, 1]
        return sign * metric(y, pred, **kwargs)

    return score


def get_scorer(scoring):
    if callable(scoring):
        return scoring
    from .. import metrics as M

    table = {
        'accuracy': (M.accuracy_score, 1, 'predict', {}),
        'r2': (M.r2_score, 1, 'predict', {}),
        'neg_mean_squared_error': (M.mean_squared_error, -1, 'predict', {}),
        'neg_root_mean_squared_error': (M.mean_squared_error, -1, 'predict', {'squared': False}),
        'neg_mean_absolute_error': (M.mean_absolute_error, -1, 'predict', {}),
        'explained_variance': (M.explained_variance_score, 1, 'predict', {}),
        'f1': (M.f1_score, 1, 'predict', {}),
        'precision': (M.precision_score, 1, 'predict', {}),
        'recall': (M.recall_score, 1, 'predict', {}),
        'roc_auc': (M.roc_auc_score, 1, 'threshold', {}),
    }
    for name, fn in (('f1', M.f1_score), ('precision', M.precision_score), ('recall', M.recall_score)):
        for average in ('macro', 'micro', 'weighted'):
            table[f'{name}_{average}'] = (fn, 1, 'predict', {'average': average})
    if scoring not in table:
        raise unsupported(f'the scorer {scoring!r}', 'use one of ' + ', '.join(repr(k) for k in table))
    metric, sign, kind, kwargs = table[scoring]
    return _metric_scorer(metric, sign, kind, **kwargs)


def cross_val_score(
    estimator,
    X,
    y=None,
    *,
    groups=None,
    scoring=None,
    cv=None,
    n_jobs=None,
    verbose=0,
    fit_params=None,
    pre_dispatch='2*n_jobs',
    error_score=np.nan,
):
    X, y, groups = indexable(X, y, groups)
    splitter = check_cv(cv, y, classifier=is_classifier(estimator))
    if scoring is None:
        if not hasattr(estimator, 'score'):
            raise TypeError(
                "If no scoring is specified, the estimator passed should have a 'score' method. The estimator "
                f'{estimator!r} does not.'
            )

        def scorer(est, X_test, y_test):
            return est.score(X_test, y_test)

    else:
        scorer = get_scorer(scoring)
    scores = []
    for train, test in splitter.split(X, y, groups):
        est = clone(estimator)
        X_train, X_test = safe_indexing(X, train), safe_indexing(X, test)
        if y is None:
            est.fit(X_train, **(fit_params or {}))
            scores.append(scorer(est, X_test, None))
        else:
            est.fit(X_train, safe_indexing(y, train), **(fit_params or {}))
            scores.append(scorer(est, X_test, safe_indexing(y, test)))
    return np.array([float(s) for s in scores])
