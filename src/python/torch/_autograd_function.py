"""torch.autograd.Function: a learner's op with its own forward and backward (the official "Defining new
autograd Functions" tutorial). forward runs without recording; its outputs get an engine node named
`<Class>Backward` that calls the learner's backward during loss.backward() (src/engine/ops/custom.ts), with
grad mode on in a create_graph pass so that its result can be differentiated again (the "Double Backward
with Custom Functions" tutorial) unless backward is marked @once_differentiable. Also torch.autograd.function,
the module these live in."""

import functools

from ._engine import E
from ._grad_mode import no_grad, is_grad_enabled, set_grad_enabled
from ._tensor_base import TensorBase, wrap
from ._tensor_autograd import custom_node_names, retaining
from ._saved_tensor_hooks import pack_function_ctx, unpack_function_ctx


class FunctionCtx:
    """The `ctx` forward and backward share: save_for_backward/saved_tensors, needs_input_grad, and any
    attributes forward sets on it (ctx.k = k)."""

    def save_for_backward(self, *tensors):
        for t in tensors:
            if t is not None and not isinstance(t, TensorBase):
                raise TypeError(
                    'save_for_backward can only save variables, but argument 0 is of type ' + type(t).__name__
                )
        self._saved = tensors

    @property
    def saved_tensors(self):
        # PyTorch checks each saved tensor's version when backward reads it (set by _record).
        for t, version, is_output in getattr(self, '_saved_versions', ()):
            E.check_saved_version(t._t, version, self._node_name, is_output)
        packed = getattr(self, '_packed', None)
        if packed is not None and getattr(self, '_saved', ()):
            return unpack_function_ctx(packed)  # saved under torch.autograd.graph.saved_tensors_hooks
        return tuple(getattr(self, '_saved', ()))

    saved_variables = saved_tensors

    def mark_dirty(self, *tensors):
        self._dirty = tensors

    def mark_non_differentiable(self, *tensors):
        self._non_differentiable = tensors

    def set_materialize_grads(self, value):
        self._materialize_grads = bool(value)


class Function:
    """Subclass it with static `forward(ctx, *args)` and `backward(ctx, *grad_outputs)`; call `.apply(...)`."""

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        raise RuntimeError(
            'Legacy autograd function with non-static forward method is deprecated. Please use new-style autograd '
            'function with static forward method. (Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)'
        )

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError('You must implement the forward function for custom autograd.Function.')

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError(
            'You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.'
        )

    vjp = backward

    @classmethod
    def apply(cls, *args):
        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, TensorBase) and a.requires_grad for a in args)
        with no_grad():
            result = cls.forward(ctx, *args)
        if not (is_grad_enabled() and any(ctx.needs_input_grad)):
            return result
        return _record(cls, ctx, args, result)


def _record(cls, ctx, args, result):
    """result's float tensors, recorded as the outputs of one `<cls>Backward` node over the tensor args (None for
    those that need no gradient). As PyTorch's node, it has no edge for an argument that is no tensor: its
    next_functions and the index in its gradient errors count tensor arguments only."""
    name = cls.__name__ + 'Backward'
    custom_node_names.add(name)
    outputs = result if isinstance(result, tuple) else (result,)
    arg_tensors = [a._t if a.requires_grad else None for a in args if isinstance(a, TensorBase)]
    positions = [
        k
        for k, o in enumerate(outputs)
        if isinstance(o, TensorBase) and o.is_floating_point() and not _is_input(o, args)
    ]
    if not positions:
        return result

    def backward(grads, create_graph=False, recorded=()):
        grad_outputs = [None] * len(outputs)
        for k, g in zip(positions, grads):
            grad_outputs[k] = wrap(g)
        saved = getattr(ctx, '_saved', ())
        if create_graph:
            # A saved output is read as the recorded one (PyTorch's SavedVariable of an output has this node as
            # grad_fn), so that the pass differentiates backward's use of it (exp's `grad_out * result`).
            by_output = {id(outputs[k]): wrap(t) for k, t in zip(positions, recorded)}
            ctx._saved = tuple(by_output.get(id(t), t) for t in saved)
        # As PyTorch's engine: the learner's backward runs with grad mode on exactly when create_graph is set.
        try:
            with set_grad_enabled(bool(create_graph)):
                returned = cls.backward(ctx, *grad_outputs)
        finally:
            if create_graph:
                ctx._saved = saved
        grads = _input_grads(name, returned, args)
        # Without retain_graph the node never runs again: its saved tensors go now, as PyTorch frees them,
        # and the bridge lets go of this function (second item: True).
        release = not retaining[0]
        if release:
            ctx._saved = ()
            ctx._saved_versions = ()
        return grads, release

    recorded = E.custom_function(name, arg_tensors, [outputs[k]._t for k in positions], backward)
    ctx._node_name = name
    ctx._packed = pack_function_ctx(ctx, getattr(ctx, '_saved', ()))
    ctx._saved_versions = [
        (t, t._version, any(t is o for o in outputs)) for t in getattr(ctx, '_saved', ()) if t is not None
    ]
    new = list(outputs)
    for k, t in zip(positions, recorded):
        new[k] = wrap(t)
    return tuple(new) if isinstance(result, tuple) else new[0]


def _is_input(o, args):
    return any(o is a for a in args)


def _input_grads(name, returned, args):
    """backward's return value as one engine tensor (or None) per tensor argument of forward."""
    if not isinstance(returned, tuple):
        returned = (returned,)
    if len(returned) != len(args):
        # PyTorch tolerates trailing Nones beyond the inputs; fewer gradients than inputs is an error.
        extra = returned[len(args) :]
        if len(returned) < len(args) or any(g is not None for g in extra):
            raise RuntimeError(
                f'function {name} returned an incorrect number of gradients (expected {len(args)}, got {len(returned)})'
            )
        returned = returned[: len(args)]
    out = []
    for g, a in zip(returned, args):
        if g is not None and not isinstance(g, TensorBase):
            raise TypeError(f'function {name} returned a gradient that is not a Tensor or None: {type(g).__name__}')
        if isinstance(a, TensorBase):
            out.append(g._t if g is not None and a.requires_grad else None)
    return out


class InplaceFunction(Function):
    """A Function whose forward may write its input in place (forward reads self.inplace)."""

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace


_TWICE = 'trying to differentiate twice a function that was marked with @once_differentiable'


def once_differentiable(fn):
    """Marks a backward that is not itself differentiable: it runs without recording, and where its inputs
    require grad (a create_graph pass) its results hang from an Error node (PyTorch's DelayedError makes one)
    that raises if reached."""

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with no_grad():
            outputs = fn(ctx, *args)
        if not is_grad_enabled() or not any(isinstance(a, TensorBase) and a.requires_grad for a in args):
            return outputs
        single = not isinstance(outputs, tuple)
        outputs = (outputs,) if single else outputs
        # PyTorch aliases each output as a fresh leaf requiring grad, so that the Error node has inputs.
        leaves = [o.detach().requires_grad_(True) if isinstance(o, TensorBase) else None for o in outputs]
        tensors = [o for o in leaves if o is not None and o.is_floating_point()]
        if not tensors:
            return outputs[0] if single else outputs

        def raise_twice(*args):
            raise RuntimeError(_TWICE)

        recorded = iter(E.custom_function('Error', [t._t for t in tensors], [t._t for t in tensors], raise_twice))
        new = tuple(wrap(next(recorded)) if o is not None and o.is_floating_point() else o for o in leaves)
        return new[0] if single else new

    return wrapper


Function.__module__ = 'torch.autograd.function'
FunctionCtx.__module__ = 'torch.autograd.function'
InplaceFunction.__module__ = 'torch.autograd.function'
