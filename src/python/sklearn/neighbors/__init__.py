"""sklearn.neighbors: KNeighborsClassifier and KNeighborsRegressor; other neighbour models raise
NotImplementedError naming them."""

from .._unsupported import module_getattr
from ._knn import KNeighborsClassifier, KNeighborsRegressor

__all__ = ['KNeighborsClassifier', 'KNeighborsRegressor']

__getattr__ = module_getattr('sklearn.neighbors')
