"""sklearn.preprocessing: feature scaling, polynomial features, label and one-hot encoding for dense arrays."""

from .._unsupported import module_getattr
from ._functions import label_binarize, minmax_scale, normalize, scale
from ._label import LabelBinarizer, LabelEncoder
from ._onehot import OneHotEncoder
from ._polynomial import PolynomialFeatures
from ._scalers import MinMaxScaler, StandardScaler

__all__ = [
    'LabelBinarizer',
    'LabelEncoder',
    'MinMaxScaler',
    'OneHotEncoder',
    'PolynomialFeatures',
    'StandardScaler',
    'label_binarize',
    'minmax_scale',
    'normalize',
    'scale',
]

__getattr__ = module_getattr('sklearn.preprocessing')
