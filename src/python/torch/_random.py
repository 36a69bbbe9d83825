"""torch.manual_seed and torch.Generator over the engine's PyTorch-exact mt19937 generator."""

from ._engine import E

_MASK64 = (1 << 64) - 1


class Generator:
    """A CPU random generator. `torch.default_generator` is the global one behind torch.rand & co."""

    def __init__(self, device='cpu', _default=False):
        from ._device import _Device

        kind = _Device(device).type
        if kind != 'cpu':
            raise RuntimeError(f'Device type {kind.upper()} is not supported for torch.Generator() api.')
        # The global generator is `None` on the engine side: the engine's own default generator.
        self._g = None if _default else E.new_generator()
        self._initial = 67280421310721  # PyTorch's default seed for a fresh generator

    @property
    def device(self):
        from ._tensor import CPU

        return CPU

    def manual_seed(self, seed):
        seed = int(seed) & _MASK64
        self._initial = seed
        # mt19937 is seeded from the low 32 bits (as PyTorch's CPU generator does).
        E.generator_seed(self._g, seed & 0xFFFFFFFF)
        return self

    def initial_seed(self):
        return self._initial

    def seed(self):
        import random

        return self.manual_seed(random.getrandbits(63)).initial_seed()

    def get_state(self):
        from ._unsupported import unsupported

        raise unsupported('Generator.get_state')

    def set_state(self, state):
        from ._unsupported import unsupported

        raise unsupported('Generator.set_state')

    def random64(self):
        """One draw of PyTorch's random64(): two 32-bit mt19937 outputs, the first as the high word."""
        hi, lo = E.generator_random64(self._g)
        return (int(hi) << 32) | int(lo)


default_generator = Generator(_default=True)


def manual_seed(seed):
    return default_generator.manual_seed(seed)


def seed():
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def get_rng_state():
    from ._unsupported import unsupported

    raise unsupported('torch.get_rng_state')


def set_rng_state(state):
    from ._unsupported import unsupported

    raise unsupported('torch.set_rng_state')
