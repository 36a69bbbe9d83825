"""sklearn.datasets: toy data generators and the small tables scikit-learn ships."""

from .._unsupported import module_getattr
from ._generators import make_blobs, make_circles, make_classification, make_moons, make_regression
from ._diabetes import load_diabetes
from ._load import load_breast_cancer, load_digits, load_iris, load_wine

__all__ = [
    'make_blobs',
    'make_circles',
    'make_classification',
    'make_moons',
    'make_regression',
    'load_breast_cancer',
    'load_diabetes',
    'load_digits',
    'load_iris',
    'load_wine',
]

__getattr__ = module_getattr('sklearn.datasets')
