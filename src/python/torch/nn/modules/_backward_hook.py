"""Module.register_full_backward_hook, as PyTorch 1.13's torch.utils.hooks.BackwardHook does it: the module's
tensor inputs and outputs pass through an identity autograd Function (BackwardHookFunction, so outputs print
grad_fn=<BackwardHookFunctionBackward>); the output side stores grad_output, the input side calls the hooks
with (module, grad_input, grad_output) and lets them replace grad_input."""

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
