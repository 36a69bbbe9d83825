"""torch.nn.utils.stateless.functional_call: run a module once with other tensors in place of its parameters
and buffers (meta-learning's fast weights, model ensembling, per-sample gradients), as PyTorch 1.13 does it.

Each module owning a replaced name gets, for the call, a generated subclass `StatelessReplacer<Class>` whose
attribute reads and writes of those names go to the given dict (so gradients flow to the given tensors and an
in-place update inside forward lands in the dict); the original class comes back afterwards, even on error.
Keys are dotted paths as in state_dict(), including `parametrizations.weight.original` of a parametrized layer.
"""

import contextlib
import warnings

__all__ = ['functional_call']


def _swap_class(module, values):
    cls = module.__class__
    paths = module._attr_to_path

    def __getattribute__(self, name):
        if name in paths:
            return values[paths[name]]
        return cls.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name in paths:
            values[paths[name]] = value
        else:
            cls.__setattr__(self, name, value)

    module.__class__ = type(
        f'StatelessReplacer{cls.__name__}', (cls,), {'__getattribute__': __getattribute__, '__setattr__': __setattr__}
    )
    module._orig_class = cls


def _swapper(values, replaced):
    def swap(module, name, path, tensor):
        if hasattr(module, name):
            old = getattr(module, name)
            # Tied weights (one tensor under two names) given two different replacements: PyTorch warns.
            if old not in replaced:
                replaced[old] = tensor
            elif replaced[old] is not tensor:
                warnings.warn(
                    'functional_call was passed multiple values for tied weights. '
                    'This behavior is deprecated and will be an error in future versions'
                )
        if hasattr(module, '_attr_to_path'):
            module._attr_to_path[name] = path
        else:
            module._attr_to_path = {name: path}
            _swap_class(module, values)

    return swap


def _unswap(module, name, path):
    if hasattr(module, '_orig_class'):
        module.__class__ = module._orig_class
        delattr(module, '_orig_class')
        delattr(module, '_attr_to_path')


def _on_owner(func, module, path, full_path, args):
    """func(owner, last name, full path, *args) on the submodule that owns the dotted `full_path`."""
    for part in path[:-1]:
        module = getattr(module, part)
    func(module, path[-1], full_path, *args)


@contextlib.contextmanager
def _reparametrize_module(module, parameters_and_buffers):
    replaced = {}
    swap = _swapper(parameters_and_buffers, replaced)
    for name, tensor in parameters_and_buffers.items():
        _on_owner(swap, module, name.split('.'), name, (tensor,))
    try:
        yield
    finally:
        for name in parameters_and_buffers:
            _on_owner(_unswap, module, name.split('.'), name, ())


def functional_call(module, parameters_and_buffers, args, kwargs=None):
    if kwargs is None:
        kwargs = {}
    with _reparametrize_module(module, parameters_and_buffers):
        if isinstance(args, tuple):
            out = module(*args, **kwargs)
        else:
            out = module(args, **kwargs)
    return out
