"""Regression metrics (mean squared/absolute/percentage error, R^2, explained variance) as scikit-learn 1.2 computes them: per output
column, then averaged; float32 inputs stay float32 as there."""

import warnings

import numpy as np

from ..exceptions import UndefinedMetricWarning
from ..utils._validation import as_array, check_consistent_length

_MULTIOUTPUT = ('raw_values', 'uniform_average', 'variance_weighted')


def _numeric(y):
    y = as_array(y)
    if y.dtype.kind not in 'fiub':
        y = y.astype(np.float64)
    if y.dtype.kind == 'b':
        y = y.astype(np.float64)
    return y.reshape((-1, 1)) if y.ndim == 1 else y


def _check_reg_targets(y_true, y_pred, multioutput):
    check_consistent_length(y_true, y_pred)
    y_true, y_pred = _numeric(y_true), _numeric(y_pred)
    if y_true.shape[1] != y_pred.shape[1]:
        raise ValueError(
            'y_true and y_pred have different number of output ({0}!={1})'.format(y_true.shape[1], y_pred.shape[1])
        )
    if isinstance(multioutput, str):
        if multioutput not in _MULTIOUTPUT:
            raise ValueError(
                "Allowed 'multioutput' string values are {}. You provided multioutput={!r}".format(
                    _MULTIOUTPUT, multioutput
                )
            )
    elif multioutput is not None:
        multioutput = np.asarray(as_array(multioutput), dtype=np.float64)
        if y_true.shape[1] == 1:
            raise ValueError('Custom weights are useful only in multi-output cases.')
    return y_true, y_pred, multioutput


def _weights(sample_weight):
    return None if sample_weight is None else np.asarray(as_array(sample_weight), dtype=np.float64)


def _average_outputs(output_errors, multioutput):
    if isinstance(multioutput, str):
        if multioutput == 'raw_values':
            return output_errors
        multioutput = None
    return np.average(output_errors, weights=multioutput)


def mean_squared_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average', squared=True):
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    output_errors = np.average((y_true - y_pred) ** 2, axis=0, weights=_weights(sample_weight))
    if not squared:
        output_errors = np.sqrt(output_errors)
    return _average_outputs(output_errors, multioutput)


def mean_absolute_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average'):
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    output_errors = np.average(np.abs(y_pred - y_true), weights=_weights(sample_weight), axis=0)
    return _average_outputs(output_errors, multioutput)


def r2_score(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average', force_finite=True):
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    if y_pred.shape[0] < 2:
        msg = 'R^2 score is not well-defined with less than two samples.'
        warnings.warn(msg, UndefinedMetricWarning)
        return float('nan')
    sample_weight = _weights(sample_weight)
    weight = 1.0 if sample_weight is None else sample_weight[:, np.newaxis]
    numerator = (weight * (y_true - y_pred) ** 2).sum(axis=0, dtype=np.float64)
    denominator = (weight * (y_true - np.average(y_true, axis=0, weights=sample_weight)) ** 2).sum(
        axis=0, dtype=np.float64
    )
    return _assemble(numerator, denominator, y_true.shape[1], multioutput, force_finite)


def _assemble(numerator, denominator, n_outputs, multioutput, force_finite):
    """scikit-learn's _assemble_r2_explained_variance: 1 - numerator/denominator per output, a perfect or
    constant output scored 1 or 0 when force_finite, then averaged as multioutput says."""
    nonzero_denominator = denominator != 0
    if not force_finite:
        scores = 1 - numerator / denominator
    else:
        nonzero_numerator = numerator != 0
        scores = np.ones([n_outputs])
        valid = nonzero_denominator & nonzero_numerator
        scores[valid] = 1 - numerator[valid] / denominator[valid]
        scores[nonzero_numerator & ~nonzero_denominator] = 0.0
    if isinstance(multioutput, str):
        if multioutput == 'raw_values':
            return scores
        weights = None
        if multioutput == 'variance_weighted' and bool(np.any(nonzero_denominator)):
            weights = denominator
        return np.average(scores, weights=weights)
    return np.average(scores, weights=multioutput)


def explained_variance_score(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average', force_finite=True):
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    sample_weight = _weights(sample_weight)
    y_diff_avg = np.average(y_true - y_pred, weights=sample_weight, axis=0)
    numerator = np.average((y_true - y_pred - y_diff_avg) ** 2, weights=sample_weight, axis=0)
    y_true_avg = np.average(y_true, weights=sample_weight, axis=0)
    denominator = np.average((y_true - y_true_avg) ** 2, weights=sample_weight, axis=0)
    return _assemble(numerator, denominator, y_true.shape[1], multioutput, force_finite)


def mean_absolute_percentage_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average'):
    y_true, y_pred, multioutput = _check_reg_targets(y_true, y_pred, multioutput)
    # Near-zero targets divide by machine epsilon, not 0: a large but finite error.
    mape = np.abs(y_pred - y_true) / np.maximum(np.abs(y_true), np.finfo(np.float64).eps)
    output_errors = np.average(mape, weights=_weights(sample_weight), axis=0)
    return _average_outputs(output_errors, multioutput)
