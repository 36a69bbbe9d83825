"""F.softmax, F.softmin and F.log_softmax. Without dim= they pick one (dim 0 for 0-, 1- and 3-dim input, else
dim 1: the engine's choice) and warn as PyTorch 1.13 does; old tutorials still write `nn.LogSoftmax()`."""

import warnings

from .._engine import E

from .._activation_probe import scope as _scope, report as _report
from .._tensor import wrap


def _warn_implicit_dim(name, stacklevel):
    warnings.warn(
        f'Implicit dimension choice for {name} has been deprecated. Change the call to include dim=X as an argument.',
        stacklevel=stacklevel,
    )


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        _warn_implicit_dim('softmax', _stacklevel)
    out = wrap(E.softmax(input._t, dim))
    if _scope[0] is not None:
        _report('softmax', out)
    return out


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        _warn_implicit_dim('softmin', _stacklevel)
    return wrap(E.softmax(E.neg(input._t), dim))


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    if dim is None:
        _warn_implicit_dim('log_softmax', _stacklevel)
    out = wrap(E.log_softmax(input._t, dim))
    if _scope[0] is not None:
        _report('log_softmax', out)
    return out
