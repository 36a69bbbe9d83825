"""torch.distributions: the draws d2l, policy-gradient and VAE code use (Categorical, Multinomial, Bernoulli, Normal,
Uniform, Exponential, Laplace, MultivariateNormal, Independent, OneHotCategorical, Gamma, Chi2, Beta, Dirichlet) and kl_divergence between them, sampled through the torch functions PyTorch samples them with, so a seeded file draws the same values."""

from .._unsupported import module_getattr
from .distribution import Distribution  # noqa: F401
from .categorical import Categorical  # noqa: F401
from .multinomial import Multinomial  # noqa: F401
from .bernoulli import Bernoulli  # noqa: F401
from .normal import Normal  # noqa: F401
from .uniform import Uniform  # noqa: F401
from .exponential import Exponential  # noqa: F401
from .laplace import Laplace  # noqa: F401
from .multivariate_normal import MultivariateNormal  # noqa: F401
from .independent import Independent  # noqa: F401
from .one_hot_categorical import OneHotCategorical  # noqa: F401
from .gamma import Gamma  # noqa: F401
from .chi2 import Chi2  # noqa: F401
from .dirichlet import Dirichlet  # noqa: F401
from .beta import Beta  # noqa: F401
from .kl import kl_divergence, register_kl  # noqa: F401
from . import bernoulli, categorical, constraints, exponential, independent, kl, laplace  # noqa: F401
from . import multinomial, multivariate_normal, normal, one_hot_categorical, uniform  # noqa: F401
from . import beta, chi2, dirichlet, gamma, _kl_gamma  # noqa: F401

__getattr__ = module_getattr('torch.distributions')
