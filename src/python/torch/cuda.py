"""torch.cuda: there is no GPU here. is_available() is False, so the usual `device = 'cuda' if
torch.cuda.is_available() else 'cpu'` picks the CPU; anything that needs a GPU explains why it cannot."""

from ._device import no_cuda
from ._unsupported import no_gpu


def is_available():
    return False


def device_count():
    return 0


def manual_seed(seed):
    pass


def manual_seed_all(seed):
    pass


def is_initialized():
    return False


def synchronize(device=None):
    pass


def empty_cache():
    pass


def memory_allocated(device=None):
    return 0


def get_rng_state_all():
    return []  # one state per device, and there are none


# Setting a device's state is queued until CUDA initialises (PyTorch's _lazy_call): no error until then.
def set_rng_state(new_state, device='cuda'):
    pass


def set_rng_state_all(new_states):
    pass


# What asks CUDA about a device initialises it first: PyTorch's AssertionError on a CPU-only build.
def current_device():
    raise no_cuda()


def get_rng_state(device='cuda'):
    raise no_cuda()


def get_device_name(device=None):
    raise no_cuda()


def get_device_properties(device):
    raise no_cuda()


def get_device_capability(device=None):
    raise no_cuda()


# PyTorch's torch.cuda is a package: `import torch.cuda.amp` then reaches _bl_guard's NotImplementedError for
# PyTorch's modules we lack, not "'torch.cuda' is not a package".
__path__ = []


def _tensor_type(name):
    """torch.cuda.FloatTensor & co.: the class exists, making one is PyTorch's TypeError."""

    def __new__(cls, *args, **kwargs):
        raise TypeError(f'type torch.cuda.{name} not available. Torch not compiled with CUDA enabled.')

    return type(name, (), {'__new__': __new__, '__module__': 'torch.cuda'})


def __getattr__(name):
    if name.startswith('__'):
        raise AttributeError(name)
    if name.endswith('Tensor') and name[:1].isupper():
        return _tensor_type(name)
    raise no_gpu(f"torch.cuda.{name}")
