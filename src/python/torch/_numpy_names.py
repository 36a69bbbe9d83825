"""NumPy's keyword names, which PyTorch's argument parser takes as aliases: `axis=` for `dim=` and
`keepdims=` for `keepdim=` (`A.sum(axis=1, keepdims=True)`, `y_hat.argmax(axis=1)`, as d2l writes them)."""

import functools
import inspect

_ALIASES = (('axis', 'dim'), ('keepdims', 'keepdim'))


def accept_numpy_names(fn):
    """fn, taking `axis=`/`keepdims=` for its `dim=`/`keepdim=`; fn itself when it has neither."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return fn
    aliases = tuple((alias, name) for alias, name in _ALIASES if name in params and alias not in params)
    if not aliases:
        return fn

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if kwargs:
            for alias, name in aliases:
                if alias in kwargs:
                    if name in kwargs:
                        raise TypeError(f"{fn.__name__}() got multiple values for argument '{name}'")
                    kwargs[name] = kwargs.pop(alias)
        return fn(*args, **kwargs)

    return wrapper


def add_numpy_names(cls):
    """Gives every method of cls (its bases included) with a `dim`/`keepdim` parameter the NumPy aliases."""
    for name in dir(cls):
        if name.startswith('__'):
            continue
        value = inspect.getattr_static(cls, name)
        if inspect.isfunction(value):
            wrapped = accept_numpy_names(value)
            if wrapped is not value:
                setattr(cls, name, wrapped)
    return cls
