"""grad_fn.register_hook: PyTorch's Node post-hooks, `hook(grad_inputs, grad_outputs)`, called after the node has
computed the gradients of its inputs and allowed to replace them (Module.register_backward_hook puts one on the
node of a module's output). The engine fuses F.linear into one node over (input, weight, bias); the hook sees
the node PyTorch 1.13 records instead: addmm(bias, input, weight.t()) for 2-D input, `matmul + bias` for 1-D
and 4-D+ input, and a view of the flattened addmm for 3-D input."""

from ._engine import E
from ._tensor_base import wrap


def _kind(node, inputs):
    """Which PyTorch node the engine's fused F.linear node stands for, or None for a node recorded as PyTorch's."""
    if len(inputs) == 3:
        if node.name == 'AddmmBackward0' and not E.is_fused_product_node(node):
            return 'addmm'
        if node.name in ('AddBackward0', 'ViewBackward0'):
            return node.name
    return None


def _sum_to(g, shape):
    """g summed over the dims the bias was broadcast along (PyTorch sums a gradient to its input's shape)."""
    while g.dim() > len(shape):
        g = g.sum(0)
    return g if tuple(g.shape) == tuple(shape) else g.sum().reshape(shape)


def _grad_inputs(kind, g, grads, inputs):
    """PyTorch's grad_inputs from the engine node's (input, weight, bias) gradients."""
    if kind == 'addmm':
        x, w, b = grads
        return (b, x, None if w is None else w.t())
    if kind == 'AddBackward0':
        bias = inputs[2]
        return (g, _sum_to(g, list(bias.shape)) if bias.requiresGrad else None)
    if kind == 'ViewBackward0':
        return (g.reshape(-1, g.shape[-1]),)
    return tuple(grads)


def _engine_grads(kind, res, g, rerun):
    """The engine node's input gradients from the grad_inputs a hook returned (the inverse of _grad_inputs)."""
    if kind == 'addmm':
        b, x, wt = res
        return [x, None if wt is None else wt.t(), b]
    if kind == 'AddBackward0':
        x, w, _ = _rerun(rerun, res[0])
        return [x, w, res[1]]
    if kind == 'ViewBackward0':
        return _rerun(rerun, None if res[0] is None else res[0].reshape(g.shape))
    return list(res)


def _rerun(rerun, g):
    if g is None:
        return [None, None, None]
    return [None if t is None else wrap(t) for t in rerun(g._t)]


def _check(name, res, expected):
    if not isinstance(res, tuple):
        raise TypeError(f"expected tuple, but hook returned '{type(res).__name__}'")
    if len(res) != len(expected):
        raise RuntimeError(
            f"hook '{name}' has returned an incorrect number of values (got {len(res)}, but expected {len(expected)})"
        )
    for new, old in zip(res, expected):
        if new is not None and old is not None and tuple(new.shape) != tuple(old.shape):
            raise RuntimeError(f"hook '{name}' has changed the size of value")


def register_node_hook(node, out, hook):
    """Registers `hook` on engine node `node`, whose output is engine tensor `out`; returns the remover."""
    inputs = [edge[2] for edge in E.next_edges(node)]
    kind = _kind(node, inputs)
    name = getattr(hook, '__name__', type(hook).__name__)

    def call(g, grads, rerun):
        g = wrap(g)
        grad_inputs = _grad_inputs(kind, g, [None if t is None else wrap(t) for t in grads], inputs)
        res = hook(grad_inputs, (g,))
        if res is None:
            return None
        _check(name, res, grad_inputs)
        return [None if t is None else t._t for t in _engine_grads(kind, res, g, rerun)]

    return E.register_node_hook(node, list(out.shape), call)
