"""The function forms of preprocessing (scale, minmax_scale, normalize, label_binarize) for dense arrays, with
scikit-learn 1.2's arithmetic steps, so that a file scaling its features before a torch model gets the same
floats as there."""

import warnings

import numpy as np

from ..utils._validation import as_array, column_or_1d, float_array
from ._scalers import MinMaxScaler


def _nonzero(scale):
    # _handle_zeros_in_scale: scales too close to 0 (constant features) divide by 1 instead.
    if np.ndim(scale) == 0:
        return 1.0 if scale == 0.0 else scale
    scale = scale.copy()
    scale[scale < 10 * np.finfo(scale.dtype).eps] = 1.0
    return scale


def scale(X, *, axis=0, with_mean=True, with_std=True, copy=True):
    X = float_array(X, ensure_2d=False)
    if bool(np.isnan(X).any()):
        from .._unsupported import unsupported

        raise unsupported('scale() of data with NaN', 'fill or drop the missing values first')
    # Without NaN, numpy's nanmean/nanstd that scikit-learn calls are mean/std to the last bit.
    # Along axis 1 the rows are the features: work on the transpose (scikit-learn's np.rollaxis view).
    Xr = X.T if axis == 1 else X
    if with_mean:
        mean_ = np.mean(Xr, axis=0)
    if with_std:
        scale_ = np.std(Xr, axis=0)
    if with_mean:
        Xr = Xr - mean_
        mean_1 = np.mean(Xr, axis=0)
        if not np.allclose(mean_1, 0):
            warnings.warn(
                'Numerical issues were encountered when centering the data and might not be solved. Dataset may '
                'contain too large values. You may need to prescale your features.'
            )
            Xr = Xr - mean_1
    if with_std:
        Xr = Xr / _nonzero(scale_)
        if with_mean:
            mean_2 = np.mean(Xr, axis=0)
            if not np.allclose(mean_2, 0):
                warnings.warn(
                    'Numerical issues were encountered when scaling the data and might not be solved. The standard '
                    'deviation of the data is probably very close to 0. '
                )
                Xr = Xr - mean_2
    return Xr.T if axis == 1 else Xr


def minmax_scale(X, feature_range=(0, 1), *, axis=0, copy=True):
    X = float_array(X, ensure_2d=False)
    one_d = X.ndim == 1
    if one_d:
        X = X.reshape((X.shape[0], 1))
    scaler = MinMaxScaler(feature_range=feature_range, copy=copy)
    X = scaler.fit_transform(X) if axis == 0 else scaler.fit_transform(X.T).T
    return X.ravel() if one_d else X


def normalize(X, norm='l2', *, axis=1, copy=True, return_norm=False):
    if norm not in ('l1', 'l2', 'max'):
        raise ValueError("'%s' is not a supported norm" % norm)
    if axis not in (0, 1):
        raise ValueError("'%d' is not a supported axis" % axis)
    X = float_array(X)
    if axis == 0:
        X = X.T
    if norm == 'l1':
        norms = np.abs(X).sum(axis=1)
    elif norm == 'l2':
        norms = np.sqrt(np.sum(X * X, axis=1))
    else:
        norms = np.max(np.abs(X), axis=1)
    norms = _nonzero(norms)
    X = X / norms[:, np.newaxis]
    if axis == 0:
        X = X.T
    return (X, norms) if return_norm else X


def label_binarize(y, *, classes, neg_label=0, pos_label=1, sparse_output=False):
    """One column per class in the order of `classes` (labels not among them give a row of neg_label); two
    classes give the one column of the second, as LabelBinarizer."""
    if neg_label >= pos_label:
        raise ValueError(f'neg_label={neg_label} must be strictly less than pos_label={pos_label}.')
    if sparse_output:
        from .._unsupported import unsupported

        raise unsupported('label_binarize(sparse_output=True)', 'the dense output (sparse_output=False)')
    values = column_or_1d(y).tolist()
    classes = as_array(classes).tolist()
    if len(classes) == 1:
        return np.full((len(values), 1), neg_label, dtype=np.int64)
    index = {c: i for i, c in enumerate(classes)}
    out = np.full((len(values), len(classes)), neg_label, dtype=np.int64)
    for row, v in enumerate(values):
        if v in index:
            out[row, index[v]] = pos_label
    return out[:, -1:] if len(classes) == 2 else out
