"""sklearn.model_selection: train_test_split and the cross-validation splitters."""

from .._unsupported import module_getattr
from ._split import KFold, ShuffleSplit, StratifiedKFold, StratifiedShuffleSplit, train_test_split

__all__ = ['KFold', 'ShuffleSplit', 'StratifiedKFold', 'StratifiedShuffleSplit', 'train_test_split']

__getattr__ = module_getattr('sklearn.model_selection')
