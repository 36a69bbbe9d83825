"""torch.autograd.functional: jacobian, vjp, jvp, hessian, hvp and vhp of a Python function (the "high-level
API" of the autograd tutorials), built on torch.autograd.grad: one reverse pass per output element; the
Hessian ones differentiate a gradient taken with create_graph=True (their own create_graph=True is not
supported)."""

from ._unsupported import module_getattr, unsupported


def _as_tuple(value, what):
    """(tuple of tensors, whether the user gave a tuple), as PyTorch's _as_tuple checks it."""
    from ._tensor import Tensor

    given_tuple = isinstance(value, tuple)
    values = value if given_tuple else (value,)
    for i, v in enumerate(values):
        if not isinstance(v, Tensor):
            if given_tuple:
                raise TypeError(
                    f'The {what} given to jacobian must be either a Tensor or a tuple of Tensors but the value at '
                    f'index {i} has type {type(v)}.'
                )
            raise TypeError(
                f'The {what} given to jacobian must be either a Tensor or a tuple of Tensors but the given '
                f'{what} has type {type(v)}.'
            )
    return values, given_tuple


def _differentiable(inputs):
    return tuple(t.detach().requires_grad_(True) for t in inputs)


def _no_graph(create_graph, name):
    if create_graph:
        raise unsupported(f'torch.autograd.functional.{name}(create_graph=True)', 'first derivatives work')


def _grads(output, inputs, seed):
    """d(output . seed)/d(each input), zeros where an input does not reach the output."""
    from ._creation import zeros_like
    from .autograd import grad

    if not output.requires_grad:
        return tuple(zeros_like(t) for t in inputs)
    found = grad(output, inputs, seed, retain_graph=True, allow_unused=True)
    return tuple(zeros_like(t) if g is None else g for t, g in zip(inputs, found))


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy='reverse-mode'):
    """J[i][j] of shape outputs[i].shape + inputs[j].shape, nested as PyTorch nests it (tuples only where the
    inputs or the outputs were tuples)."""
    from ._functions import stack
    from ._creation import zeros

    _no_graph(create_graph, 'jacobian')
    inputs, inputs_tuple = _as_tuple(inputs, 'inputs')
    inputs = _differentiable(inputs)
    outputs, outputs_tuple = _as_tuple(func(*inputs), 'outputs of the user-provided function')
    table = []
    for out in outputs:
        flat = out.reshape(-1)
        rows = [_grads(flat[k], inputs, None) for k in range(flat.numel())]
        row = []
        for j, inp in enumerate(inputs):
            shape = tuple(out.shape) + tuple(inp.shape)
            block = stack([r[j].reshape(-1) for r in rows]) if rows else zeros(shape, dtype=inp.dtype)
            row.append(block.reshape(shape).detach())
        table.append(tuple(row) if inputs_tuple else row[0])
    return tuple(table) if outputs_tuple else table[0]


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T J): one reverse pass seeded with v."""
    _no_graph(create_graph, 'vjp')
    inputs, inputs_tuple = _as_tuple(inputs, 'inputs')
    inputs = _differentiable(inputs)
    outputs, outputs_tuple = _as_tuple(func(*inputs), 'outputs of the user-provided function')
    if v is None:
        if len(outputs) != 1 or outputs[0].numel() != 1:
            raise RuntimeError(
                'The vector v can only be None if the user-provided function returns a single Tensor with a '
                'single element.'
            )
        seeds = (None,)
    else:
        seeds, _ = _as_tuple(v, 'v')
    total = None
    for out, seed in zip(outputs, seeds):
        part = _grads(out, inputs, seed)
        total = part if total is None else tuple(a + b for a, b in zip(total, part))
    outs = tuple(o.detach() for o in outputs)
    return (outs if outputs_tuple else outs[0]), (total if inputs_tuple else total[0])


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J v), from the Jacobian (reverse mode, one pass per output element)."""
    _no_graph(create_graph, 'jvp')
    inputs, inputs_tuple = _as_tuple(inputs, 'inputs')
    if v is None:
        if len(inputs) != 1 or inputs[0].numel() != 1:
            raise RuntimeError(
                'The vector v can only be None if the input to the user-provided function is a single Tensor '
                'with a single element.'
            )
        vs = tuple(t.new_ones(t.shape) for t in inputs)
    else:
        vs, _ = _as_tuple(v, 'v')
    outputs, outputs_tuple = _as_tuple(func(*_differentiable(inputs)), 'outputs of the user-provided function')
    # Always nested [output][input], whatever func returns.
    jac = jacobian(lambda *a: _as_tuple(func(*a), 'outputs of the user-provided function')[0], tuple(inputs))
    products = []
    for i, out in enumerate(outputs):
        total = None
        for j, t in enumerate(inputs):
            part = (jac[i][j].reshape(out.numel(), t.numel()) * vs[j].reshape(1, -1)).sum(1).reshape(out.shape)
            total = part if total is None else total + part
        products.append(total)
    outs = tuple(o.detach() for o in outputs)
    return (outs if outputs_tuple else outs[0]), (tuple(products) if outputs_tuple else products[0])


def _first_grads(func, inputs):
    """(inputs made differentiable, func's output, its gradient wrt each input with a graph of its own)."""
    from .autograd import grad

    inputs = _differentiable(inputs)
    out = func(*inputs)
    if out.numel() != 1:
        raise RuntimeError('The function given to hessian should return a single element Tensor')
    found = grad(out, inputs, create_graph=True, allow_unused=True)
    return inputs, out, found


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy='reverse-mode'):
    """The Jacobian of the gradient of a scalar function: H[i][j] of shape inputs[i].shape + inputs[j].shape,
    one reverse pass through the (create_graph) gradient per gradient element."""
    from ._functions import stack
    from ._creation import zeros_like

    _no_graph(create_graph, 'hessian')
    inputs, inputs_tuple = _as_tuple(inputs, 'inputs')
    inputs, _, found = _first_grads(func, inputs)
    table = []
    for i, gi in enumerate(found):
        row = []
        flat = gi.reshape(-1) if gi is not None else None
        for inp in inputs:
            shape = tuple(inputs[i].shape) + tuple(inp.shape)
            if flat is None or not flat.requires_grad:
                row.append(zeros_like(inp).new_zeros(shape))
                continue
            rows = [_grads(flat[k], (inp,), None)[0].reshape(-1) for k in range(flat.numel())]
            row.append(stack(rows).reshape(shape).detach())
        table.append(tuple(row) if inputs_tuple else row[0])
    return tuple(table) if inputs_tuple else table[0]


def _hessian_product(func, inputs, v):
    """(func(inputs), H v): the gradient of (grad . v), H being symmetric (vhp and hvp agree)."""
    from .autograd import grad

    inputs, inputs_tuple = _as_tuple(inputs, 'inputs')
    vs, _ = _as_tuple(v, 'v')
    inputs, out, found = _first_grads(func, inputs)
    total = None
    for g, vec in zip(found, vs):
        if g is not None:
            part = (g * vec).sum()
            total = part if total is None else total + part
    if total is None or not total.requires_grad:
        products = tuple(t.new_zeros(t.shape) for t in inputs)
    else:
        products = grad(total, inputs, allow_unused=True)
        products = tuple(t.new_zeros(t.shape) if p is None else p for t, p in zip(inputs, products))
    return out.detach(), (products if inputs_tuple else products[0])


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    _no_graph(create_graph, 'hvp')
    return _hessian_product(func, inputs, v)


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    _no_graph(create_graph, 'vhp')
    return _hessian_product(func, inputs, v)


__getattr__ = module_getattr('torch.autograd.functional')
