"""sklearn.linear_model: LinearRegression, Ridge and LogisticRegression, the baselines learners fit before a
torch model; other linear models raise NotImplementedError naming them."""

from .._unsupported import module_getattr
from ._base import LinearRegression
from ._logistic import LogisticRegression
from ._ridge import Ridge

__all__ = ['LinearRegression', 'LogisticRegression', 'Ridge']

__getattr__ = module_getattr('sklearn.linear_model')
