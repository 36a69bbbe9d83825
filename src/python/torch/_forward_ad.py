"""torch.autograd.forward_ad: importable, so a file that imports it at the top runs up to the first use; each
function then raises NotImplementedError naming it. The engine has reverse mode only (with create_graph), and
torch.autograd.functional.jvp gives the Jacobian-vector products that forward mode computes."""

from collections import namedtuple

from ._unsupported import unsupported

_HINT = 'no forward-mode AD here: use torch.autograd.functional.jvp(func, inputs, v) for Jacobian-vector products'

__all__ = ['UnpackedDualTensor', 'enter_dual_level', 'exit_dual_level', 'make_dual', 'unpack_dual', 'dual_level']

# The namedtuple itself is PyTorch's (a plain pair), so it is here as PyTorch has it.
UnpackedDualTensor = namedtuple('UnpackedDualTensor', ['primal', 'tangent'])
UnpackedDualTensor.__module__ = 'torch.autograd.forward_ad'


def _missing(name):
    return unsupported(f'torch.autograd.forward_ad.{name}', _HINT)


def enter_dual_level():
    raise _missing('enter_dual_level')


def exit_dual_level(*, level=None):
    raise _missing('exit_dual_level')


def make_dual(tensor, tangent, *, level=None):
    raise _missing('make_dual')


def unpack_dual(tensor, *, level=None):
    raise _missing('unpack_dual')


class dual_level:
    """`with fwAD.dual_level():` stops here, naming the feature."""

    def __init__(self):
        raise _missing('dual_level')


def __getattr__(name):
    raise AttributeError(f"module 'torch.autograd.forward_ad' has no attribute '{name}'")
