"""torch.distributions: the draws d2l, policy-gradient and VAE code use (Categorical, Multinomial, Bernoulli, Normal),
sampled through the torch functions PyTorch samples them with, so a seeded file draws the same values."""

from .._unsupported import module_getattr
from .distribution import Distribution  # noqa: F401
from .categorical import Categorical  # noqa: F401
from .multinomial import Multinomial  # noqa: F401
from .bernoulli import Bernoulli  # noqa: F401
from .normal import Normal  # noqa: F401
from . import bernoulli, categorical, multinomial, normal  # noqa: F401

__getattr__ = module_getattr('torch.distributions')
