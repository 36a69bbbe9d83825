"""Module.to / .float() / .double(): device checks and dtype conversion of a module's floating-point
parameters and buffers (in place, as PyTorch 1.13 does: the Parameter objects stay the same, so an optimizer
made earlier still holds them)."""


def module_to(module, args, kwargs):
    from ..._dtype import dtype as _dtype_cls
    from ..._device import check_device

    target = None
    for a in list(args) + [kwargs.get('device'), kwargs.get('dtype')]:
        if a is None or isinstance(a, bool):  # a positional non_blocking flag
            continue
        if isinstance(a, _dtype_cls):
            target = a
        elif hasattr(a, '_t'):  # a tensor: its dtype (and its device, always the CPU)
            target = a.dtype
        else:
            check_device(a, 'Module.to')
    if target is not None:
        if not target.is_floating_point:
            raise TypeError(
                f'nn.Module.to only accepts floating point or complex dtypes, but got desired dtype={target}'
            )
        cast_floats(module, target)
    return module


def cast_floats(module, target):
    """Every floating-point parameter and buffer of `module` and its submodules converted to `target`."""
    for m in module.modules():
        for store in (m._parameters, m._buffers):
            for t in store.values():
                if t is None or not t.is_floating_point() or t.dtype is target:
                    continue
                t.data = t.data.to(target)
                if t.grad is not None:
                    t.grad = t.grad.to(target)
    return module
