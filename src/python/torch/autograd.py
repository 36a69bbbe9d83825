"""torch.autograd: the grad-mode switches and `backward`; functional autograd is not supported."""

from ._grad_mode import no_grad, enable_grad, set_grad_enabled  # noqa: F401
from ._unsupported import module_getattr, unsupported
from ._tensor import Tensor


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False):
    if isinstance(tensors, Tensor):
        tensors = [tensors]
        grad_tensors = [grad_tensors]
    if grad_tensors is None:
        grad_tensors = [None] * len(tensors)
    for t, g in zip(tensors, grad_tensors):
        t.backward(g, retain_graph=retain_graph, create_graph=create_graph)


def grad(*args, **kwargs):
    raise unsupported('torch.autograd.grad', 'use loss.backward() and .grad')


class Function:
    def __init__(self, *args, **kwargs):
        raise unsupported('torch.autograd.Function', 'custom autograd functions')


def set_detect_anomaly(mode):
    pass


class detect_anomaly:
    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


__getattr__ = module_getattr('torch.autograd')
