"""Module.register_full_backward_hook, as PyTorch 1.13's torch.utils.hooks.BackwardHook does it: the module's
tensor inputs and outputs pass through an identity autograd Function (BackwardHookFunction, so outputs print
grad_fn=<BackwardHookFunctionBackward>); the output side stores grad_output, the input side calls the hooks
with (module, grad_input, grad_output) and lets them replace grad_input. Module.register_backward_hook (the
older, non-full hook) is attach_non_full_hooks below."""

import warnings

from ..._grad_mode import is_grad_enabled
from ..._tensor import Tensor
from ...autograd import Function


class _Relay:
    """Carries one side's handler into the Function (an argument that is not a tensor gets no gradient)."""

    def __init__(self, on_grads, requires):
        self.on_grads = on_grads
        self.requires = requires


class BackwardHookFunction(Function):
    @staticmethod
    def forward(ctx, relay, *args):
        ctx.relay = relay
        return tuple(a.detach() for a in args)

    @staticmethod
    def backward(ctx, *grads):
        relay = ctx.relay
        # An input that does not require grad has no gradient, as PyTorch marks it non-differentiable.
        grads = tuple(g if r else None for g, r in zip(grads, relay.requires))
        return (None,) + tuple(relay.on_grads(grads))


def _pack_with_none(indices, values, size):
    res = [None] * size
    for idx, val in zip(indices, values):
        res[idx] = val
    return tuple(res)


class BackwardHook:
    def __init__(self, module, user_hooks):
        self.module = module
        self.user_hooks = user_hooks
        self.grad_outputs = None
        self.n_outputs = self.n_inputs = -1
        self.output_tensors_index = self.input_tensors_index = None

    def _apply_on_tensors(self, on_grads, args):
        index = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        tensors = [args[i] for i in index]
        if not (any(t.requires_grad for t in tensors) and is_grad_enabled()):
            return args, None
        new = BackwardHookFunction.apply(_Relay(on_grads, [t.requires_grad for t in tensors]), *tensors)
        out = list(args)
        for i, t in zip(index, new):
            out[i] = t
        return tuple(out), index

    def _input_grads(self, grads):
        if self.grad_outputs is None:  # the gradient reached the inputs without passing the outputs
            return grads
        res = _pack_with_none(self.input_tensors_index, grads, self.n_inputs)
        for hook in self.user_hooks:
            out = hook(self.module, res, self.grad_outputs)
            if out is None:
                continue
            if len(out) != len(res):
                raise RuntimeError(
                    f'Backward hook returned an invalid number of grad_input, got {len(out)}, but expected {len(res)}'
                )
            res = out
        self.grad_outputs = None
        return tuple(res[i] for i in self.input_tensors_index)

    def _output_grads(self, grads):
        self.grad_outputs = _pack_with_none(self.output_tensors_index, grads, self.n_outputs)
        if self.input_tensors_index is None:  # no input requires grad: the hooks run here
            grad_inputs = _pack_with_none([], [], self.n_inputs)
            for hook in self.user_hooks:
                res = hook(self.module, grad_inputs, self.grad_outputs)
                if res is not None and not (isinstance(res, tuple) and all(el is None for el in res)):
                    raise RuntimeError(
                        'Backward hook for Modules where no input requires gradient should always return None '
                        'or None for all gradients.'
                    )
            self.grad_outputs = None
        return grads

    def setup_input_hook(self, args):
        res, self.input_tensors_index = self._apply_on_tensors(self._input_grads, args)
        self.n_inputs = len(args)
        return res

    def setup_output_hook(self, out):
        is_tuple = isinstance(out, tuple)
        args = out if is_tuple else (out,)
        res, self.output_tensors_index = self._apply_on_tensors(self._output_grads, args)
        self.n_outputs = len(args)
        return res if is_tuple else res[0]


# ---- Module.register_backward_hook, the non-full hook of PyTorch 1.13 -------------------------------------
_BOTH = (
    'Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.'
)


def claim_backward_hooks(module, full):
    """A module's backward hooks are all full (register_full_backward_hook) or all not: PyTorch refuses a mix."""
    if module._is_full_backward_hook is (not full):
        raise RuntimeError(_BOTH)
    module._is_full_backward_hook = full


class _WrappedHook:
    """hook(module, grad_input, grad_output) as the node hook (grad_input, grad_output), named as the hook."""

    def __init__(self, hook, module):
        self.hook = hook
        self.module = module
        self.__name__ = getattr(hook, '__name__', type(hook).__name__)

    def __call__(self, grad_input, grad_output):
        return self.hook(self.module, grad_input, grad_output)


def attach_non_full_hooks(module, args, result):
    """The non-full hooks go on the grad_fn of the first tensor of the module's output (the last op of its
    forward), as PyTorch 1.13's Module._call_impl puts them, with its deprecation warnings."""
    var = result
    while not isinstance(var, Tensor):
        if isinstance(var, dict):
            var = next(v for v in var.values() if isinstance(v, Tensor))
        else:
            var = var[0]
    grad_fn = var.grad_fn
    if grad_fn is not None:
        for hook in list(module._backward_hooks.values()):
            grad_fn.register_hook(_WrappedHook(hook, module))
        _maybe_warn_non_full_backward_hook(args, result, grad_fn)


def _all_tensors(values, what, grad):
    """values as a tuple of tensors, or None after PyTorch's warning that the hook misses some of `grad`."""
    if isinstance(values, Tensor):
        return (values,)
    if isinstance(values, tuple) and all(isinstance(v, Tensor) for v in values):
        return values
    warnings.warn(
        f'Using non-full backward hooks on a Module that {what} is deprecated and will be removed in future '
        f'versions. This hook will be missing some of the {grad}. '
        'Please use register_full_backward_hook to get the documented behavior.'
    )
    return None


def _maybe_warn_non_full_backward_hook(inputs, result, grad_fn):
    result = _all_tensors(result, 'does not return a single Tensor or a tuple of Tensors', 'grad_output')
    if result is None:
        return
    inputs = _all_tensors(inputs, 'does not take as input a single Tensor or a tuple of Tensors', 'grad_input')
    if inputs is None:
        return
    out_grad_fn = {r.grad_fn for r in result if r.grad_fn is not None}
    if len(out_grad_fn) == 0 or (len(out_grad_fn) == 1 and grad_fn not in out_grad_fn):
        warnings.warn(
            'Using a non-full backward hook when outputs are nested in python data structure is deprecated and '
            'will be removed in future versions. This hook will be missing some grad_output.'
        )
    elif len(out_grad_fn) > 1:
        warnings.warn(
            'Using a non-full backward hook when outputs are generated by different autograd Nodes is deprecated '
            'and will be removed in future versions. This hook will be missing some grad_output. Please use '
            'register_full_backward_hook to get the documented behavior.'
        )
    elif {i.grad_fn for i in inputs if i.grad_fn is not None} != {n[0] for n in grad_fn.next_functions}:
        warnings.warn(
            'Using a non-full backward hook when the forward contains multiple autograd Nodes is deprecated and '
            'will be removed in future versions. This hook will be missing some grad_input. Please use '
            'register_full_backward_hook to get the documented behavior.'
        )
