"""numpy.random: the legacy functions of numpy's global RandomState (np.random.seed, rand, randn, randint,
uniform, normal, choice, shuffle, permutation, ...) and np.random.default_rng (Generator over PCG64: random,
standard_normal, normal, uniform, integers, choice, shuffle, permutation), with numpy's numbers bit for bit."""

from .._errors import module_getattr, unsupported
from ._mtrand import RandomState
from ._generator import Generator, default_rng
from ._pcg64 import PCG64, SeedSequence

_rand = RandomState()

seed = _rand.seed
get_state = _rand.get_state
set_state = _rand.set_state
random_sample = _rand.random_sample
random = _rand.random_sample
ranf = _rand.random_sample
sample = _rand.random_sample
rand = _rand.rand
randn = _rand.randn
standard_normal = _rand.standard_normal
normal = _rand.normal
uniform = _rand.uniform
randint = _rand.randint
random_integers = _rand.random_integers
choice = _rand.choice
shuffle = _rand.shuffle
permutation = _rand.permutation
exponential = _rand.exponential
standard_exponential = _rand.standard_exponential
lognormal = _rand.lognormal
binomial = _rand.binomial


def _reseed():
    """A fresh process's state: a new unpredictable seed (called before each run; modules outlive runs)."""
    _rand.seed(None)


__getattr__ = module_getattr('numpy.random')
