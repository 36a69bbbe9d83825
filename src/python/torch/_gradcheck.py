"""torch.autograd.gradcheck and gradgradcheck: the analytical Jacobian (one backward per output element)
against central finite differences, as course notebooks use them to check hand-written backward passes."""

from ._tensor import Tensor
from ._grad_mode import no_grad


class GradcheckError(RuntimeError):
    """Raised by gradcheck on a mismatch (PyTorch's torch.autograd.gradcheck.GradcheckError)."""


GradcheckError.__module__ = 'torch.autograd.gradcheck'


def _as_tuple(x):
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def _differentiable(inputs):
    return [i for i, t in enumerate(inputs) if isinstance(t, Tensor) and t.requires_grad]


def _numerical(fn, inputs, wrt, eps):
    """jac[k][j]: (numel of input wrt[k], numel of output j), by central differences. fn runs with grad mode
    on, as in PyTorch: gradgradcheck's fn itself calls torch.autograd.grad."""
    from ._creation import zeros

    outputs = _as_tuple(fn(*inputs))
    jac = [[zeros(inputs[i].numel(), o.numel(), dtype=o.dtype) for o in outputs] for i in wrt]
    for k, i in enumerate(wrt):
        for m in range(inputs[i].numel()):
            shifted = []
            for step in (eps, -eps):
                moved = inputs[i].detach().clone()
                moved.view(-1)[m] += step
                args = list(inputs)
                args[i] = moved.requires_grad_(True)
                shifted.append([o.detach() for o in _as_tuple(fn(*args))])
            for j, (plus, minus) in enumerate(zip(*shifted)):
                jac[k][j][m] = (plus.reshape(-1) - minus.reshape(-1)) / (2 * eps)
    return jac


def _analytical(fn, inputs, wrt):
    from ._creation import zeros
    from .autograd import grad

    outputs = _as_tuple(fn(*inputs))
    targets = [inputs[i] for i in wrt]
    jac = [[zeros(t.numel(), o.numel(), dtype=o.dtype) for o in outputs] for t in targets]
    for j, out in enumerate(outputs):
        if not out.requires_grad:
            continue
        flat = out.reshape(-1)
        for m in range(flat.numel()):
            found = grad(flat[m], targets, retain_graph=True, allow_unused=True)
            for k, g in enumerate(found):
                if g is not None:
                    jac[k][j][:, m] = g.reshape(-1)
    return jac


def gradcheck(
    func,
    inputs,
    *,
    eps=1e-06,
    atol=1e-05,
    rtol=0.001,
    raise_exception=True,
    check_undefined_grad=True,
    check_grad_dtypes=False,
    check_batched_grad=False,
    check_batched_forward_grad=False,
    check_forward_ad=False,
    check_backward_ad=True,
    fast_mode=False,
):
    """True when the analytical and numerical Jacobians of func at inputs agree within atol + rtol * |numerical|."""
    inputs = _as_tuple(inputs)
    wrt = _differentiable(inputs)
    if not wrt:
        raise ValueError(
            'gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.'
        )
    numerical = _numerical(func, inputs, wrt, eps)
    analytical = _analytical(func, inputs, wrt)
    for k in range(len(wrt)):
        for j, (a, n) in enumerate(zip(analytical[k], numerical[k])):
            if not a.allclose(n, rtol, atol):
                if not raise_exception:
                    return False
                raise GradcheckError(
                    f'Jacobian mismatch for output {j} with respect to input {k},\nnumerical:{n}\nanalytical:{a}\n'
                )
    return True


def gradgradcheck(
    func,
    inputs,
    grad_outputs=None,
    *,
    eps=1e-06,
    atol=1e-05,
    rtol=0.001,
    gen_non_contig_grad_outputs=False,
    raise_exception=True,
    **_options,
):
    """gradcheck of the first derivatives (taken with create_graph=True) against random output gradients."""
    from ._creation import empty
    from .autograd import grad

    inputs = _as_tuple(inputs)
    wrt = _differentiable(inputs)
    if grad_outputs is None:
        with no_grad():
            outs = _as_tuple(func(*inputs))
        grad_outputs = tuple(empty(o.shape, dtype=o.dtype).uniform_(-1, 1).requires_grad_(True) for o in outs)
    grad_outputs = _as_tuple(grad_outputs)
    count = len(inputs)

    def first_derivatives(*args):
        outs = _as_tuple(func(*args[:count]))
        found = grad(outs, [args[i] for i in wrt], list(args[count:]), create_graph=True, allow_unused=True)
        return tuple(g for g in found if g is not None)

    return gradcheck(
        first_derivatives, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol, raise_exception=raise_exception
    )
