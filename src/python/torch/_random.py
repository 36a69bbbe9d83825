"""torch.manual_seed, torch.Generator, get/set_rng_state and torch.random.fork_rng over the engine's
PyTorch-exact mt19937 generator."""

import contextlib
import typing

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
        # mt19937 is seeded from the low 32 bits; the state's bytes keep all 64 (as PyTorch's CPU generator does).
        E.generator_seed(self._g, seed >> 32, seed & 0xFFFFFFFF)
        return self

    def initial_seed(self):
        return self._initial

    def seed(self):
        import random

        return self.manual_seed(random.getrandbits(63)).initial_seed()

    def get_state(self):
        """The state as PyTorch 1.13's bytes (a 5056-element torch.uint8 tensor), interchangeable with PyTorch's."""
        from ._tensor_base import wrap

        return wrap(E.generator_get_state(self._g))

    def set_state(self, new_state):
        from ._tensor import Tensor

        if not isinstance(new_state, Tensor):
            raise TypeError(f'expected a torch.ByteTensor, but got {type(new_state).__name__}')
        hi, lo = E.generator_set_state(self._g, new_state._t)
        self._initial = (int(hi) << 32) | int(lo)
        return self

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
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)


@contextlib.contextmanager
def fork_rng(devices=None, enabled=True, _caller='fork_rng', _devices_kw='devices') -> typing.Generator:
    """Restores the CPU generator's state on exit. There is no CUDA here: with devices=None there are no
    devices to save (and so no warning, as on a CPU-only PyTorch); naming devices asks CUDA for their states,
    PyTorch's AssertionError."""
    from . import cuda

    if not enabled:
        yield
        return
    devices = list(range(cuda.device_count())) if devices is None else list(devices)
    cpu_state = get_rng_state()
    gpu_states = [cuda.get_rng_state(device) for device in devices]
    try:
        yield
    finally:
        set_rng_state(cpu_state)
        for device, state in zip(devices, gpu_states):
            cuda.set_rng_state(state, device)
