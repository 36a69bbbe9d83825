"""sklearn.exceptions: the warning classes our metrics raise."""


class UndefinedMetricWarning(UserWarning):
    """A metric is ill-defined (a class never predicted): the value is set by zero_division."""


class DataConversionWarning(UserWarning):
    """Data given in one form was converted to another (a column vector where a 1d array was expected)."""


UndefinedMetricWarning.__module__ = DataConversionWarning.__module__ = 'sklearn.exceptions'
