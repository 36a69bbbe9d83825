"""Tensor factories: torch.tensor, zeros, ones, full, arange, linspace, eye, the random ones, *_like."""

from ._engine import E

from ._dtype import to_engine, default_float
from ._tensor import Tensor, wrap, tensor_from_data, _check_device, _shape_args, _gen
from ._unsupported import unsupported
from ._out import into


def check_factory_kwargs(device=None, dtype=None, layout=None, pin_memory=False, **rest):
    _check_device(device, 'device=', creating=True)
    if dtype is not None:
        to_engine(dtype)
    for name in rest:
        if name not in ('out', 'memory_format'):
            raise TypeError(f"got an unexpected keyword argument '{name}'")


def _sizes(name, args, size):
    """The shape of zeros(2, 3), zeros((2, 3)), zeros([2, 3]), zeros(torch.Size(...)) or zeros(size=(2, 3))."""
    if size is not None:
        if args:
            raise TypeError(f"{name}() received an invalid combination of arguments - got sizes and size=")
        return _size((size,))
    return _size(args)


def _dtype_for(dtype, out, default=None):
    """The engine dtype of a factory's result: dtype=, else that of out=, else the default."""
    if dtype is not None:
        return to_engine(dtype)
    if out is not None and isinstance(out, Tensor):
        return out._t.dtype
    return _float_or(None, default)


def _size(size):
    shape = _shape_args(size)
    out = []
    for d in shape:
        if isinstance(d, Tensor):
            d = int(d)
        if not isinstance(d, int):
            raise TypeError(f"expected a sequence of integers as the size, but got {type(d).__name__}")
        if d < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {d}: {list(shape)}")
        out.append(d)
    return out


def _float_or(dtype, default=None):
    if dtype is not None:
        return to_engine(dtype)
    return default or default_float()


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    _check_device(device, 'torch.tensor(device=)')
    return tensor_from_data(data, dtype=dtype, requires_grad=requires_grad)


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor) and (dtype is None or data.dtype is dtype):
        return data
    from ._numpy_bridge import from_numpy, is_numpy, shares_as_tensor

    if is_numpy(data) and shares_as_tensor(data, dtype):
        _check_device(device, 'torch.as_tensor(device=)')
        return from_numpy(data)
    return tensor(data, dtype=dtype, device=device)


def zeros(*args, size=None, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    check_factory_kwargs(device, dtype, out=out)
    shape = _sizes('zeros', args, size)
    return into(out, wrap(E.zeros(shape, _dtype_for(dtype, out), bool(requires_grad))), 'zeros')


def ones(*args, size=None, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    check_factory_kwargs(device, dtype, out=out)
    shape = _sizes('ones', args, size)
    return into(out, wrap(E.ones(shape, _dtype_for(dtype, out), bool(requires_grad))), 'ones')


def empty(
    *args,
    size=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
    memory_format=None,
):
    check_factory_kwargs(device, dtype, out=out)
    shape = _sizes('empty', args, size)
    result = wrap(E.zeros(shape, _dtype_for(dtype, out), bool(requires_grad)))
    if memory_format is not None and out is None:
        from ._memory_format import like_format, preserve_format

        if memory_format is preserve_format:
            raise RuntimeError('preserve memory format is unsupported by the contiguous operator')
        result = like_format(result, result, memory_format)
    return into(out, result, 'empty')


def full(size, fill_value, *, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    check_factory_kwargs(device, dtype, out=out)
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    if dtype is None and out is None:
        dtype_name = (
            'bool' if isinstance(fill_value, bool) else 'int64' if isinstance(fill_value, int) else default_float()
        )
    else:
        dtype_name = _dtype_for(dtype, out)
    shape = _size((size,) if isinstance(size, int) else size)
    return into(out, wrap(E.full(shape, fill_value, dtype_name, bool(requires_grad))), 'full')


def _like(fn, input, dtype, requires_grad, *extra):
    d = to_engine(dtype) if dtype is not None else input._t.dtype
    return wrap(fn(list(input._t.shape), *extra, d, bool(requires_grad)))


def _laid_out(result, input, memory_format):
    from ._memory_format import like_format

    return like_format(result, input, memory_format)


def zeros_like(input, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None):
    _check_device(device, 'device=', creating=True)
    return _laid_out(_like(E.zeros, input, dtype, requires_grad), input, memory_format)


def ones_like(input, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None):
    _check_device(device, 'device=', creating=True)
    return _laid_out(_like(E.ones, input, dtype, requires_grad), input, memory_format)


def empty_like(input, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None):
    return zeros_like(input, dtype=dtype, device=device, requires_grad=requires_grad, memory_format=memory_format)


def full_like(input, fill_value, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None):
    _check_device(device, 'device=', creating=True)
    return _laid_out(_like(E.full, input, dtype, requires_grad, fill_value), input, memory_format)


def rand_like(input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None):
    _check_device(device, 'device=', creating=True)
    return rand(*input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randn_like(input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None):
    _check_device(device, 'device=', creating=True)
    return randn(*input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randint_like(
    input, low=0, high=None, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    _check_device(device, 'device=', creating=True)
    if high is None:
        low, high = 0, low
    return randint(low, high, tuple(input.shape), dtype=dtype or input.dtype)


def _number(v):
    # A tensor or a numpy scalar (np.float32 from arr.max(), as UvA's plot_curve passes) as the Python number
    # it holds, as PyTorch's argument parser reads both.
    if isinstance(v, Tensor) or (type(v).__module__ == 'numpy' and hasattr(v, 'item')):
        return v.item()
    return v


def arange(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    check_factory_kwargs(device, dtype, out=out)
    start, end, step = _number(start), _number(end), _number(step)
    if end is None:
        start, end = 0, start
    if step == 0:
        raise RuntimeError('step must be nonzero')
    if dtype is None and out is None:
        is_int = all(isinstance(v, int) for v in (start, end, step))
        name = 'int64' if is_int else default_float()
    else:
        name = _dtype_for(dtype, out)
    return into(out, wrap(E.arange(start, end, step, name, bool(requires_grad))), 'arange')


def deprecated_range(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    """torch.range: end included, float32 by default even for integers; warns as PyTorch 1.13 does."""
    from ._errors import _warn

    if end is None:
        raise TypeError('range() missing 1 required positional arguments: "end"')
    check_factory_kwargs(device, dtype, out=out)
    _warn(
        "torch.range is deprecated and will be removed in a future release because its behavior is "
        "inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in "
        "[start, end)."
    )
    start, end, step = _number(start), _number(end), _number(step)
    result = wrap(E.range(start, end, step, _dtype_for(dtype, out), bool(requires_grad)))
    return into(out, result, 'range')


def linspace(start, end, steps, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    check_factory_kwargs(device, dtype, out=out)
    dtype_name = _dtype_for(dtype, out)
    result = wrap(E.linspace(float(_number(start)), float(_number(end)), int(steps), dtype_name, bool(requires_grad)))
    return into(out, result, 'linspace')


def logspace(start, end, steps, base=10.0, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
    t = linspace(start, end, steps)
    result = wrap(E.rpow(t._t, float(base)))
    if dtype is not None:
        result = result.to(dtype)
    return into(out, result.requires_grad_(True) if requires_grad else result, 'logspace')


def eye(n, m=None, *, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    check_factory_kwargs(device, dtype, out=out)
    return into(out, wrap(E.eye(n, n if m is None else m, _dtype_for(dtype, out), bool(requires_grad))), 'eye')


def rand(
    *args,
    size=None,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    check_factory_kwargs(device, dtype, out=out)
    shape = _sizes('rand', args, size)
    return into(out, wrap(E.rand(shape, _dtype_for(dtype, out), bool(requires_grad), _gen(generator))), 'rand')


def randn(
    *args,
    size=None,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    check_factory_kwargs(device, dtype, out=out)
    shape = _sizes('randn', args, size)
    return into(out, wrap(E.randn(shape, _dtype_for(dtype, out), bool(requires_grad), _gen(generator))), 'randn')


def randint(
    low=0, high=None, size=None, *, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False
):
    check_factory_kwargs(device, dtype, out=out)
    if size is None:
        # randint(high, size)
        low, high, size = 0, low, high
    elif high is None:
        # randint(high, size=...): the PyTorch tutorials' `torch.randint(len(data), size=(1,))`
        low, high = 0, low
    if size is None:
        raise TypeError('randint() missing required argument: size')
    shape = _size((size,) if isinstance(size, int) else size)
    result = wrap(E.randint(int(low), int(high), shape, _dtype_for(dtype, out, 'int64'), _gen(generator)))
    return into(out, result, 'randint')


def randperm(
    n, *, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False
):
    check_factory_kwargs(device, dtype, out=out)
    return into(out, wrap(E.randperm(int(n), _dtype_for(dtype, out, 'int64'), _gen(generator))), 'randperm')


def normal(mean=0.0, std=1.0, size=None, *, generator=None, out=None, dtype=None, device=None, requires_grad=False):
    if isinstance(mean, Tensor) or isinstance(std, Tensor):
        shape = (mean if isinstance(mean, Tensor) else std).shape
        noise = randn(*shape, generator=generator)
        return noise * std + mean
    if size is None:
        raise TypeError('normal() missing required argument: size')
    return empty(*_size(size), dtype=dtype, requires_grad=requires_grad).normal_(mean, std, generator=generator)


def bernoulli(input, p=None, generator=None):
    out = empty(*input.shape)
    if p is None:
        rand_vals = rand(*input.shape, generator=generator)
        return (rand_vals < input).float()
    return out.bernoulli_(p, generator=generator)


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    if out is not None:
        raise unsupported('torch.multinomial(out=...)', 'use the returned tensor')
    return wrap(E.multinomial(input._t, int(num_samples), bool(replacement), _gen(generator)))


def from_numpy(array):
    from ._numpy_bridge import from_numpy as _from_numpy

    return _from_numpy(array)
