"""torch.autograd: the grad-mode switches, `backward` and custom `Function`s; functional autograd is not supported."""

from ._grad_mode import no_grad, enable_grad, set_grad_enabled  # noqa: F401
from ._unsupported import module_getattr, unsupported
from ._tensor import Tensor
from ._autograd_function import Function, FunctionCtx  # noqa: F401


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


class _VariableMeta(type):
    def __instancecheck__(cls, other):
        return isinstance(other, Tensor)


class Variable(metaclass=_VariableMeta):
    """The pre-0.4 wrapper old tutorials still import: `Variable(t, requires_grad=True)` is a tensor (a leaf
    sharing t's values), and every tensor is a Variable."""

    def __new__(cls, data, requires_grad=False, volatile=False):
        out = data.detach()
        if requires_grad:
            out.requires_grad_(True)
        return out


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
