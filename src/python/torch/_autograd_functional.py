"""torch.autograd.functional: jacobian, vjp and jvp of a Python function (the "high-level API" of the
autograd tutorials), built on torch.autograd.grad: one reverse pass per output element, so first
derivatives only; hessian, hvp and vhp need second derivatives (create_graph) and say so."""

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


def _second_order(name):
    def fn(*args, **kwargs):
        raise unsupported(
            f'torch.autograd.functional.{name}',
            'it needs second derivatives (create_graph=True); jacobian, vjp and jvp work',
        )

    fn.__name__ = name
    return fn


hessian = _second_order('hessian')
hvp = _second_order('hvp')
vhp = _second_order('vhp')

__getattr__ = module_getattr('torch.autograd.functional')
