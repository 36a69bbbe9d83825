"""sklearn.model_selection: train_test_split, the cross-validation splitters and cross_val_score."""

from .._unsupported import module_getattr
from ._split import KFold, ShuffleSplit, StratifiedKFold, StratifiedShuffleSplit, train_test_split
from ._validation import check_cv, cross_val_score

__all__ = [
    'KFold',
    'ShuffleSplit',
    'StratifiedKFold',
    'StratifiedShuffleSplit',
    'check_cv',
    'cross_val_score',
    'train_test_split',
]

__getattr__ = module_getattr('sklearn.model_selection')
