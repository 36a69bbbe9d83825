"""sklearn.preprocessing: feature scaling, label and one-hot encoding for dense arrays."""

from .._unsupported import module_getattr
from ._label import LabelBinarizer, LabelEncoder
from ._onehot import OneHotEncoder
from ._scalers import MinMaxScaler, StandardScaler

__all__ = ['LabelBinarizer', 'LabelEncoder', 'MinMaxScaler', 'OneHotEncoder', 'StandardScaler']

__getattr__ = module_getattr('sklearn.preprocessing')
