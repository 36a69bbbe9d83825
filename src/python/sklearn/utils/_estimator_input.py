"""Input checks of scikit-learn 1.2's estimators (its _validate_data): X as a 2d float array, finite, with the
feature count fit saw; y of the same length; NaN and infinity refused with scikit-learn's messages."""

import numpy as np

from ._validation import as_array, check_consistent_length, column_or_1d, float_array

_NAN_HINT = (
    '\n{name} does not accept missing values encoded as NaN natively. For supervised learning, you might want '
    'to consider sklearn.ensemble.HistGradientBoostingClassifier and Regressor which accept missing values '
    'encoded as NaNs natively. Alternatively, it is possible to preprocess the data, for instance by using an '
    'imputer transformer in a pipeline or drop samples with missing values. See '
    'https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that handle NaN '
    'values at the following page: https://scikit-learn.org/stable/modules/impute.html'
    '#estimators-that-handle-nan-values'
)


def _check_finite(a, input_name, estimator):
    if a.dtype.kind != 'f' or bool(np.isfinite(a).all()):
        return
    if bool(np.isnan(a).any()):
        hint = _NAN_HINT.format(name=type(estimator).__name__) if input_name == 'X' else ''
        raise ValueError(f'Input {input_name} contains NaN.{hint}')
    raise ValueError(f"Input {input_name} contains infinity or a value too large for dtype('{a.dtype}').")


def check_X(estimator, X, *, reset, tensor_float64=True):
    """X as fit or predict takes it; reset=True (fit) records n_features_in_, else the count is checked."""
    X = float_array(X, copy=False, tensor_float64=tensor_float64)
    if X.shape[0] == 0:
        raise ValueError(
            f'Found array with 0 sample(s) (shape={X.shape}) while a minimum of 1 is required by '
            f'{type(estimator).__name__}.'
        )
    _check_finite(X, 'X', estimator)
    if reset:
        estimator.n_features_in_ = X.shape[1]
    elif X.shape[1] != estimator.n_features_in_:
        raise ValueError(
            f'X has {X.shape[1]} features, but {type(estimator).__name__} is expecting '
            f'{estimator.n_features_in_} features as input.'
        )
    return X


def check_y_numeric(estimator, y, dtype):
    """Regression targets: 1d, or 2d for several outputs, in X's float dtype."""
    y = as_array(y)
    if y.dtype.kind not in 'fiub':
        raise ValueError(f'could not convert y of dtype {y.dtype} to float')
    y = y.astype(dtype)
    _check_finite(y, 'y', estimator)
    return y


def check_y_labels(estimator, y):
    """Class labels as a 1d array (a column vector is raveled, with scikit-learn's warning)."""
    y2 = as_array(y)
    if getattr(y2, 'ndim', 1) == 2 and y2.shape[1] == 1:
        import warnings

        from ..exceptions import DataConversionWarning

        warnings.warn(
            'A column-vector y was passed when a 1d array was expected. Please change the shape of y to '
            '(n_samples,), for example using ravel().',
            DataConversionWarning,
            stacklevel=3,
        )
    y = column_or_1d(y)
    if not hasattr(y, '_objects') and y.dtype.kind == 'f':
        _check_finite(y, 'y', estimator)
    from ..metrics._targets import type_of_target

    kind = type_of_target(y)
    if kind not in ('binary', 'multiclass', 'multiclass-multioutput', 'multilabel-indicator', 'multilabel-sequences'):
        raise ValueError(f'Unknown label type: {kind!r}')
    return y


def check_X_y(estimator, X, y, *, numeric, tensor_float64=True):
    X = check_X(estimator, X, reset=True, tensor_float64=tensor_float64)
    y = check_y_numeric(estimator, y, X.dtype) if numeric else check_y_labels(estimator, y)
    check_consistent_length(X, y)
    return X, y
