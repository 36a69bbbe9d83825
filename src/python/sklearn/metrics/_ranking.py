"""roc_curve, auc, roc_auc_score, precision_recall_curve and average_precision_score for binary targets, by
scikit-learn 1.2's steps (thresholds at the distinct scores, collinear points dropped, trapezoids, uninterpolated
steps), so the areas match to the last bit."""

import warnings

import numpy as np

from .._unsupported import unsupported
from ..utils._validation import as_array, column_or_1d
from ._targets import type_of_target


def _binary_clf_curve(y_true, y_score, pos_label=None, sample_weight=None):
    y_true, y_score = column_or_1d(y_true), column_or_1d(y_score)
    if sample_weight is not None:
        raise unsupported('roc_curve(sample_weight=...)', 'leave sample_weight=None')
    classes = sorted(set(y_true.tolist()))
    if pos_label is None:
        if not (classes in ([0, 1], [-1, 1], [0], [-1], [1])):
            raise ValueError(
                f'y_true takes value in {{{", ".join(repr(c) for c in classes)}}} and pos_label is not specified: '
                'either make y_true take value in {0, 1} or {-1, 1} or pass pos_label explicitly.'
            )
        pos_label = 1.0
    y_true = np.array([1.0 if v == pos_label else 0.0 for v in y_true.tolist()])
    y_score = np.asarray(y_score, dtype=np.float64) if y_score.dtype.kind != 'f' else y_score
    order = np.argsort(y_score, kind='mergesort')[::-1]
    y_score = y_score[order]
    y_true = y_true[order]
    distinct = np.where(np.diff(y_score))[0]
    threshold_idxs = np.concatenate([distinct, np.array([y_true.size - 1])])
    tps = np.cumsum(y_true, dtype=np.float64)[threshold_idxs]
    fps = 1 + threshold_idxs - tps
    return fps, tps, y_score[threshold_idxs]


def roc_curve(y_true, y_score, *, pos_label=None, sample_weight=None, drop_intermediate=True):
    fps, tps, thresholds = _binary_clf_curve(y_true, y_score, pos_label, sample_weight)
    if drop_intermediate and len(fps) > 2:
        keep = np.logical_or(np.diff(np.diff(fps)), np.diff(np.diff(tps)))
        optimal = np.where(np.concatenate([np.array([True]), keep, np.array([True])]))[0]
        fps, tps, thresholds = fps[optimal], tps[optimal], thresholds[optimal]
    tps = np.concatenate([np.array([0.0]), tps])
    fps = np.concatenate([np.array([0.0]), fps])
    thresholds = np.concatenate([np.array([thresholds[0] + 1]), thresholds])
    fpr = fps / fps[-1] if fps[-1] > 0 else np.full(fps.shape, np.nan)
    tpr = tps / tps[-1] if tps[-1] > 0 else np.full(tps.shape, np.nan)
    return fpr, tpr, thresholds


def precision_recall_curve(y_true, probas_pred, *, pos_label=None, sample_weight=None):
    fps, tps, thresholds = _binary_clf_curve(y_true, probas_pred, pos_label, sample_weight)
    # Without sample weights every threshold has at least one sample above it: tps + fps > 0.
    precision = tps / (tps + fps)
    if tps[-1] == 0:
        warnings.warn('No positive class found in y_true, recall is set to one for all thresholds.')
        recall = np.ones(tps.shape)
    else:
        recall = tps / tps[-1]
    # Highest threshold first, ending at precision 1 and recall 0.
    return (
        np.concatenate([precision[::-1], np.array([1.0])]),
        np.concatenate([recall[::-1], np.array([0.0])]),
        thresholds[::-1],
    )


def average_precision_score(y_true, y_score, *, average='macro', pos_label=1, sample_weight=None):
    kind = type_of_target(y_true)
    if kind != 'binary':
        raise unsupported(
            'average_precision_score for multiclass or multilabel targets',
            'give binary y_true and the positive class score, e.g. probs[:, 1]',
        )
    present = sorted(set(column_or_1d(y_true).tolist()))
    if len(present) == 2 and pos_label not in present:
        raise ValueError(f'pos_label={pos_label} is not a valid label. It should be one of {present}')
    precision, recall, _ = precision_recall_curve(y_true, y_score, pos_label=pos_label, sample_weight=sample_weight)
    return -np.sum(np.diff(recall) * precision[:-1])


def auc(x, y):
    x, y = column_or_1d(x), column_or_1d(y)
    if x.shape[0] < 2:
        raise ValueError('At least 2 points are needed to compute area under curve, but x.shape = %d' % x.shape[0])
    direction = 1
    dx = np.diff(x)
    if bool(np.any(dx < 0)):
        if bool(np.all(dx <= 0)):
            direction = -1
        else:
            raise ValueError('x is neither increasing nor decreasing : {}.'.format(x))
    area = direction * np.sum(dx * (y[1:] + y[:-1]) / 2.0)
    return area


def roc_auc_score(
    y_true, y_score, *, average='macro', sample_weight=None, max_fpr=None, multi_class='raise', labels=None
):
    kind = type_of_target(y_true)
    y_score = as_array(y_score)
    if kind == 'multiclass' or (kind == 'binary' and y_score.ndim == 2 and y_score.shape[1] > 2):
        if max_fpr is not None and max_fpr != 1.0:
            raise ValueError(
                "Partial AUC computation not available in multiclass setting, 'max_fpr' must be set to `None`, "
                f'received `max_fpr={max_fpr}` instead'
            )
        if multi_class == 'raise':
            raise ValueError("multi_class must be in ('ovo', 'ovr')")
        return _multiclass_roc_auc(y_true, y_score, labels, multi_class, average, sample_weight)
    if kind != 'binary' or y_score.ndim != 1 and not (y_score.ndim == 2 and y_score.shape[1] == 1):
        raise unsupported(
            'roc_auc_score for multilabel targets',
            'give binary y_true and the positive class score, e.g. probs[:, 1]',
        )
    if max_fpr is not None and max_fpr != 1:
        raise unsupported('roc_auc_score(max_fpr=...)', 'leave max_fpr=None')
    y_true = column_or_1d(y_true)
    classes = sorted(set(y_true.tolist()))
    if len(classes) != 2:
        raise ValueError('Only one class present in y_true. ROC AUC score is not defined in that case.')
    positive = [1.0 if v == classes[1] else 0.0 for v in y_true.tolist()]
    fpr, tpr, _ = roc_curve(np.array(positive), y_score, sample_weight=sample_weight)
    return auc(fpr, tpr)


def _multiclass_roc_auc(y_true, y_score, labels, multi_class, average, sample_weight):
    """One-vs-rest: each class's binary AUC against its column of probabilities, then their mean ('macro')
    or their mean weighted by class counts ('weighted'), as scikit-learn's _multiclass_roc_auc_score."""
    if y_score.ndim != 2 or not bool(np.allclose(1, y_score.sum(axis=1))):
        raise ValueError(
            'Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over classes'
        )
    options = ('micro', 'macro', 'weighted', None) if multi_class == 'ovr' else ('macro', 'weighted', None)
    if average not in options:
        raise ValueError('average must be one of {0} for multiclass problems'.format(options))
    if multi_class not in ('ovo', 'ovr'):
        raise ValueError(
            "multi_class='{0}' is not supported for multiclass ROC AUC, multi_class must be in {1}".format(
                multi_class, ('ovo', 'ovr')
            )
        )
    if multi_class == 'ovo' or average == 'micro' or sample_weight is not None or labels is not None:
        raise unsupported(
            f"roc_auc_score(multi_class={multi_class!r}, average={average!r}) with labels or sample_weight",
            "use multi_class='ovr' with average='macro' or 'weighted'",
        )
    y_true = column_or_1d(y_true)
    values = y_true.tolist()
    classes = sorted(set(values))
    if len(classes) != y_score.shape[1]:
        raise ValueError("Number of classes in y_true not equal to the number of columns in 'y_score'")
    scores, counts = [], []
    for c, label in enumerate(classes):
        column = np.array([1.0 if v == label else 0.0 for v in values])
        fpr, tpr, _ = roc_curve(column, y_score[:, c])
        scores.append(auc(fpr, tpr))
        counts.append(float(column.sum()))
    scores = np.array(scores)
    if average is None:
        return scores
    return np.average(scores, weights=np.array(counts) if average == 'weighted' else None)
