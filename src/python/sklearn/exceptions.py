"""sklearn.exceptions: the warnings and errors our metrics and estimators raise."""


class UndefinedMetricWarning(UserWarning):
    """A metric is ill-defined (a class never predicted): the value is set by zero_division."""


class DataConversionWarning(UserWarning):
    """Data given in one form was converted to another (a column vector where a 1d array was expected)."""


class ConvergenceWarning(UserWarning):
    """An iterative solver stopped before it converged."""


class NotFittedError(ValueError, AttributeError):
    """An estimator was used before fit (a ValueError and an AttributeError, as in scikit-learn)."""


for _cls in (UndefinedMetricWarning, DataConversionWarning, ConvergenceWarning, NotFittedError):
    _cls.__module__ = 'sklearn.exceptions'
