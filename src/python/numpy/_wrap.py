"""NumPy's return-type rule for array-likes that are not ndarrays (a torch tensor): numpy hands the result
to the input's `__array_wrap__`, so `np.sin(t)`, `np.argmax(t, axis=1)` or `np.clip(t, 0, 1)` give a tensor
back, as NYU's plot_model and UvA's notebooks rely on. Ufuncs pick the input with the highest
`__array_priority__`; the functions numpy routes through `_wrapfunc`/`_wrapit` use their first argument."""

import functools

from ._ndarray import ndarray
from ._scalars import generic


def _wrapper(x):
    if isinstance(x, (ndarray, generic, int, float, complex, bool, str, list, tuple)) or x is None:
        return None
    return getattr(x, '__array_wrap__', None)


def ufunc_wrapper(args):
    """The `__array_wrap__` numpy uses for a ufunc over args, or None."""
    best, prio = None, None
    for x in args:
        w = _wrapper(x)
        if w is not None:
            p = getattr(x, '__array_priority__', 0.0)
            if best is None or p > prio:
                best, prio = w, p
    return best


def apply(wrap, result):
    """wrap(result), a numpy scalar made a 0-d array first (as _wrapit does)."""
    from ._creation import asarray

    return wrap(result if isinstance(result, ndarray) else asarray(result))


def wrapfunc(fn):
    """fn with numpy's _wrapit: its result given back through the first argument's `__array_wrap__`."""

    @functools.wraps(fn)
    def inner(a, *args, **kwargs):
        result = fn(a, *args, **kwargs)
        if isinstance(a, generic) and isinstance(result, ndarray) and result.ndim == 0:
            # numpy calls the scalar's own method here, which gives a scalar back (np.squeeze(cost)).
            return result[()]
        wrap = _wrapper(a)
        if wrap is None or kwargs.get('out') is not None:
            return result
        return apply(wrap, result)

    return inner
