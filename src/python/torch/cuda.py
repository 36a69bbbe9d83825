"""torch.cuda: there is no GPU here. is_available() is False, so the usual `device = 'cuda' if
torch.cuda.is_available() else 'cpu'` picks the CPU; anything that needs a GPU explains why it cannot."""

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


def __getattr__(name):
    if name.startswith('__'):
        raise AttributeError(name)
    raise no_gpu(f"torch.cuda.{name}")
