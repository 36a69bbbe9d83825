"""torch.autograd: the grad-mode switches, `backward`, `grad` (with create_graph for higher-order derivatives)
and custom `Function`s."""

from ._grad_mode import no_grad, enable_grad, set_grad_enabled  # noqa: F401
from ._unsupported import module_getattr, unsupported
from ._engine import E
from ._tensor import Tensor
from ._tensor_base import wrap
from ._creation import ones_like
from ._autograd_function import Function, FunctionCtx  # noqa: F401
from . import _autograd_function as function  # noqa: F401
from . import _autograd_functional as functional  # noqa: F401
from ._gradcheck import gradcheck, gradgradcheck  # noqa: F401

from . import _forward_ad as forward_ad  # noqa: F401
from . import _saved_tensor_hooks as graph  # noqa: F401
from . import _anomaly_mode as anomaly_mode  # noqa: F401
from ._anomaly_mode import detect_anomaly, set_detect_anomaly  # noqa: F401

# `from torch.autograd.functional import jacobian`: this module is not a package, so name the submodule.
__import__('sys').modules.setdefault('torch.autograd.functional', functional)
__import__('sys').modules.setdefault('torch.autograd.forward_ad', forward_ad)
__import__('sys').modules.setdefault('torch.autograd.function', function)
__import__('sys').modules.setdefault('torch.autograd.graph', graph)
__import__('sys').modules.setdefault('torch.autograd.anomaly_mode', anomaly_mode)
# PyTorch's torch.autograd is a package: an empty search path makes `import torch.autograd.profiler` ask the
# finders (ours in sys.modules, then _bl_guard's NotImplementedError for PyTorch's modules we lack) instead of
# failing with "'torch.autograd' is not a package".
__path__ = []


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, grad_variables=None, inputs=None):
    """Backward from one tensor or several at once: a graph they share is walked once, as in PyTorch."""
    if inputs is not None:
        raise unsupported('torch.autograd.backward(inputs=...)')
    if grad_variables is not None:
        import warnings

        warnings.warn("'grad_variables' is deprecated. Use 'grad_tensors' instead.")
        grad_tensors = grad_variables
    tensors = (tensors,) if isinstance(tensors, Tensor) else tuple(tensors)
    if grad_tensors is None or isinstance(grad_tensors, Tensor):
        grad_tensors = (grad_tensors,) * len(tensors) if grad_tensors is None else (grad_tensors,)
    grad_tensors = tuple(grad_tensors)
    if len(tensors) == 1 or create_graph:
        # One root is Tensor.backward (a learner's training step); create_graph passes run root by root, each
        # keeping the graph for the next.
        for k, (t, g) in enumerate(zip(tensors, grad_tensors)):
            last = k == len(tensors) - 1
            t.backward(g, retain_graph=retain_graph if last else True, create_graph=create_graph)
        return
    _run_backward(tensors, grad_tensors, bool(retain_graph), notify=True)


def _run_backward(tensors, grad_tensors, retain_graph, notify=False):
    """One backward pass from several roots (seeded with grad_tensors, None for ones on a scalar); `notify`: the
    run's instrumentation sees it as the learner's backward (not for a checkpoint's pass inside another)."""
    from ._tensor_autograd import retaining

    seeds = [_seed(i, t, g) for i, (t, g) in enumerate(zip(tensors, grad_tensors))]
    for i, t in enumerate(tensors):
        if not t.requires_grad:
            raise RuntimeError(f'element {i} of tensors does not require grad and does not have a grad_fn')
    retaining[0] = retain_graph
    graph.flush_pending()
    E.backward_roots([t._t for t in tensors], [g._t for g in seeds], retain_graph, notify)


def _seed(i, out, g):
    """The gradient a pass starts from at output `i`: `g`, or ones for a scalar output without one."""
    if g is None:
        if out.requires_grad and out.numel() != 1:
            raise RuntimeError('grad can be implicitly created only for scalar outputs')
        return ones_like(out)
    if tuple(g.shape) != tuple(out.shape):
        raise RuntimeError(
            f'Mismatch in shape: grad_output[{i}] has a shape of {g.shape} and output[{i}] has a shape of {out.shape}.'
        )
    return g


# False while torch.autograd.grad runs a pass: a reentrant checkpoint refuses to run inside one, as PyTorch's.
_checkpoint_valid = [True]


def _is_checkpoint_valid():
    return _checkpoint_valid[0]


def grad(
    outputs,
    inputs,
    grad_outputs=None,
    retain_graph=None,
    create_graph=False,
    only_inputs=True,
    allow_unused=False,
    is_grads_batched=False,
):
    """The gradients of `outputs` with respect to `inputs`, returned as a tuple instead of added to `.grad`."""
    if is_grads_batched:
        raise unsupported('torch.autograd.grad(is_grads_batched=True)')
    from ._tensor_base import _operand
    from ._tensor_autograd import retaining

    outputs = [outputs] if isinstance(outputs, Tensor) else list(outputs)
    inputs = [inputs] if isinstance(inputs, Tensor) else list(inputs)
    if grad_outputs is None or isinstance(grad_outputs, Tensor):
        grad_outputs = [grad_outputs] * len(outputs) if grad_outputs is None else [grad_outputs]
    seeds = []
    for i, (out, g) in enumerate(zip(outputs, grad_outputs)):
        if not out.requires_grad:
            raise RuntimeError(f'element {i} of tensors does not require grad and does not have a grad_fn')
        seeds.append(_operand(_seed(i, out, g)))
    for t in inputs:
        if not t.requires_grad:
            raise RuntimeError('One of the differentiated Tensors does not require grad')
    # As in PyTorch, create_graph keeps the graph unless retain_graph says otherwise.
    retaining[0] = bool(create_graph if retain_graph is None else retain_graph)
    graph.flush_pending()
    valid = _checkpoint_valid[0]
    _checkpoint_valid[0] = False
    try:
        found = E.gradients_of(
            [o._t for o in outputs], seeds, [t._t for t in inputs], retaining[0], bool(allow_unused), bool(create_graph)
        )
    finally:
        _checkpoint_valid[0] = valid
    return tuple(None if g is None else wrap(g) for g in found)


class _VariableMeta(type):
    def __instancecheck__(cls, other):
        return isinstance(other, Tensor)


class Variable(metaclass=_VariableMeta):
    """The pre-0.4 wrapper old tutorials still import: `Variable(t, requires_grad=True)` is a tensor (a leaf
    sharing t's values), and every tensor is a Variable."""

    def __new__(cls, data, requires_grad=False, volatile=False):
        # PyTorch's checks and warning, in its order (old course code passes volatile=True for evaluation).
        if not isinstance(data, Tensor):
            raise TypeError(f'Variable data has to be a tensor, but got {type(data).__name__}')
        if volatile:
            import warnings

            warnings.warn(
                'volatile was removed and now has no effect. Use `with torch.no_grad():` instead.', stacklevel=2
            )
            if requires_grad:
                raise ValueError("Variable can't be volatile and require_grad at the same time!")
        out = data.detach()
        if requires_grad:
            out.requires_grad_(True)
        return out


__getattr__ = module_getattr('torch.autograd')
