"""Backprop Lens' pandas subset: what PyTorch learners do with pandas before their data becomes tensors (build or
read a table, look at it, clean it, encode it, take its numbers), written after pandas 1.5.3's documented
behaviour and printed as pandas prints. Names pandas has that the subset lacks are NotImplementedErrors naming
them (_names.py)."""

from . import io
from ._categorical import CategoricalDtype, Interval
from ._crosstab import crosstab
from ._cut import Categorical, cut, qcut
from ._index import Index
from ._merge import merge
from ._numeric import to_numeric
from ._options import get_option, reset_option, set_option
from ._reshape import concat, get_dummies, melt
from ._unsupported import module_getattr
from .frame import DataFrame
from .io import read_csv
from .series import Series

__version__ = '1.5.3'

RangeIndex = Index


def isnull(obj):
    if isinstance(obj, (DataFrame, Series)):
        return obj.isnull()
    from ._values import is_na, plain

    if hasattr(obj, 'ndim') and obj.ndim > 0 or isinstance(obj, (list, tuple)):
        import numpy as np

        values = obj.tolist() if hasattr(obj, 'tolist') else list(obj)
        if any(isinstance(v, list) for v in values):
            return np.isnan(np.asarray(obj, dtype='float64'))
        return np.array([is_na(plain(v)) for v in values], dtype='bool')
    return is_na(plain(obj))


isna = isnull


def notnull(obj):
    result = isnull(obj)
    return not result if isinstance(result, bool) else ~result


notna = notnull

__getattr__ = module_getattr('pandas')


def _bl_reset():
    """Options back to a fresh process's before each run (Backprop Lens' runner calls it; modules outlive runs)."""
    reset_option('all')


__all__ = [
    'DataFrame',
    'Series',
    'Index',
    'read_csv',
    'concat',
    'get_dummies',
    'melt',
    'cut',
    'crosstab',
    'qcut',
    'Categorical',
    'CategoricalDtype',
    'Interval',
    'merge',
    'to_numeric',
    'isnull',
    'isna',
    'notnull',
    'notna',
    'set_option',
    'get_option',
    'reset_option',
]
