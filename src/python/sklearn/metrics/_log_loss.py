"""log_loss (cross-entropy of predicted probabilities) as scikit-learn 1.2 computes it: labels one-hot encoded
by LabelBinarizer, probabilities clipped to [eps, 1 - eps] and renormalised per row, the mean of the rows'
losses, so that it can be compared with torch's BCELoss/CrossEntropyLoss to the last printed digit."""

import math

import numpy as np

from ..preprocessing._label import LabelBinarizer
from ..utils._validation import as_array, check_consistent_length, is_tensor


def log_loss(y_true, y_pred, *, eps='auto', normalize=True, sample_weight=None, labels=None):
    # check_array(dtype=[float64, float32, float16]): float32 arrays stay float32; torch tensors (whose dtype
    # numpy does not know) and everything else become float64.
    tensor = is_tensor(y_pred)
    y_pred = as_array(y_pred)
    if tensor or y_pred.dtype not in (np.float64, np.float32):
        y_pred = y_pred.astype(np.float64)
    eps = np.finfo(y_pred.dtype).eps if eps == 'auto' else eps
    check_consistent_length(y_pred, y_true, sample_weight)
    lb = LabelBinarizer()
    lb.fit(as_array(labels) if labels is not None else as_array(y_true))
    if len(lb.classes_) == 1:
        if labels is None:
            raise ValueError(
                'y_true contains only one label ({0}). Please provide the true labels explicitly through the '
                'labels argument.'.format(lb.classes_[0])
            )
        raise ValueError(
            'The labels array needs to contain at least two labels for log_loss, got {0}.'.format(lb.classes_)
        )
    transformed = lb.transform(y_true)
    if transformed.shape[1] == 1:
        transformed = np.concatenate([1 - transformed, transformed], axis=1)
    y_pred = np.clip(y_pred, eps, 1 - eps)
    if y_pred.ndim == 1:
        y_pred = y_pred.reshape((-1, 1))
    if y_pred.shape[1] == 1:
        y_pred = np.concatenate([1 - y_pred, y_pred], axis=1)
    if len(lb.classes_) != y_pred.shape[1]:
        if labels is None:
            raise ValueError(
                'y_true and y_pred contain different number of classes {0}, {1}. Please provide the true labels '
                'explicitly through the labels argument. Classes found in y_true: {2}'.format(
                    transformed.shape[1], y_pred.shape[1], lb.classes_
                )
            )
        raise ValueError(
            'The number of classes in labels is different from that in y_pred. Classes found in labels: {0}'.format(
                lb.classes_
            )
        )
    y_pred = y_pred / y_pred.sum(axis=1)[:, np.newaxis]
    # scipy's xlogy(int labels, probabilities): the C library's log (math.log, which can differ from np.log's
    # SIMD log in the last bit) of the probability widened to float64, and 0 where the label is 0.
    rows = y_pred.astype(np.float64).tolist()
    log_p = np.array([[math.log(p) for p in row] for row in rows], dtype=np.float64).reshape(y_pred.shape)
    loss = -np.where(transformed == 0, 0.0, transformed * log_p).sum(axis=1)
    if normalize:
        return np.average(loss, weights=None if sample_weight is None else as_array(sample_weight))
    if sample_weight is not None:
        return np.dot(loss, as_array(sample_weight))
    return loss.sum()
