"""What kind of target a metric is given (binary, multiclass, continuous), as scikit-learn's
type_of_target and unique_labels decide it; inputs may be lists, numpy arrays or torch tensors."""

import warnings

import numpy as np

from ..utils._strings import StrArray
from ..utils._validation import as_array, check_consistent_length, column_or_1d


def type_of_target(y):
    # scikit-learn inspects y inside warnings.catch_warnings(), which resets Python's record of warnings
    # already shown: a metric's UndefinedMetricWarning then shows on every call, not once per line.
    with warnings.catch_warnings():
        return _type_of_target(as_array(y))


def _type_of_target(y):
    if isinstance(y, StrArray):
        return 'binary' if len(set(y)) <= 2 else 'multiclass'
    if y.ndim not in (1, 2):
        return 'unknown'
    if min(y.shape) == 0:
        return 'binary' if y.ndim == 1 else 'unknown'
    if y.ndim == 2 and y.shape[1] > 1:
        # 0/1 columns are a multilabel indicator, which our metrics do not take.
        return 'multilabel-indicator' if set(np.unique(y).tolist()) <= {0, 1} else 'multiclass-multioutput'
    if y.dtype.kind == 'f' and bool(np.any(y != y.astype(int))):
        return 'continuous'
    if np.unique(y).shape[0] > 2 or (y.ndim == 2 and len(y[0]) > 1):
        return 'multiclass'
    return 'binary'


def labels_of(y):
    y = as_array(y)
    return set(y) if isinstance(y, StrArray) else set(np.unique(y).tolist())


def unique_labels(*ys):
    """The sorted distinct labels of all ys: a numpy array (or a StrArray of strings)."""
    labels = set()
    for y in ys:
        labels |= labels_of(y)
    if len({isinstance(label, str) for label in labels}) > 1:
        raise ValueError('Mix of label input types (string and number)')
    ordered = sorted(labels)
    if ordered and isinstance(ordered[0], str):
        return StrArray(ordered)
    return np.asarray(ordered)


def check_targets(y_true, y_pred):
    """(kind, y_true, y_pred) with both as 1d arrays; refuses what the metric cannot take."""
    check_consistent_length(y_true, y_pred)
    type_true, type_pred = type_of_target(y_true), type_of_target(y_pred)
    kinds = {type_true, type_pred}
    if kinds == {'binary', 'multiclass'}:
        kinds = {'multiclass'}
    if len(kinds) > 1:
        raise ValueError(
            "Classification metrics can't handle a mix of {0} and {1} targets".format(type_true, type_pred)
        )
    kind = kinds.pop()
    if kind == 'multilabel-indicator':
        from .._unsupported import unsupported

        raise unsupported('multilabel targets in sklearn.metrics', 'pass 1d class labels, e.g. argmax(dim=1)')
    if kind not in ('binary', 'multiclass'):
        raise ValueError('{0} is not supported'.format(kind))
    y_true, y_pred = column_or_1d(y_true), column_or_1d(y_pred)
    if kind == 'binary' and len(labels_of(y_true) | labels_of(y_pred)) > 2:
        kind = 'multiclass'
    return kind, y_true, y_pred
