"""torch.utils.checkpoint: gradient (activation) checkpointing, which trades compute for memory. `checkpoint(fn,
*args)` runs fn without keeping its intermediate results and runs it again during backward to get its gradients;
`checkpoint_sequential(model, segments, x)` does that for the segments of a Sequential. Written after PyTorch
1.13's semantics: the reentrant form (the default) is an autograd Function, CheckpointFunction, whose forward
runs fn under no_grad and whose backward re-runs it with grad enabled from detached inputs (the random state put
back first, so dropout draws the same mask) and backpropagates through that; use_reentrant=False keeps the
graph and recomputes the values it saved, through saved-tensor hooks. Only an attribute of torch.utils once
imported (`import torch.utils.checkpoint`), as in PyTorch."""

import warnings
import weakref

import torch
from .._engine import E

__all__ = [
    'checkpoint',
    'checkpoint_sequential',
    'CheckpointFunction',
    'check_backward_validity',
    'detach_variable',
    'get_device_states',
    'set_device_states',
]


def detach_variable(inputs):
    """The tensors of a tuple detached, each keeping its requires_grad; other items as they are."""
    if not isinstance(inputs, tuple):
        raise RuntimeError('Only tuple of tensors is supported. Got Unsupported input type: ', type(inputs).__name__)
    out = []
    for inp in inputs:
        if not isinstance(inp, torch.Tensor):
            out.append(inp)
            continue
        x = inp.detach()
        x.requires_grad = inp.requires_grad
        out.append(x)
    return tuple(out)


def check_backward_validity(inputs):
    if not any(inp.requires_grad for inp in inputs if isinstance(inp, torch.Tensor)):
        warnings.warn('None of the inputs have requires_grad=True. Gradients will be None')


def get_device_states(*args):
    """The random states of the GPUs the tensors are on: none here, everything is on the CPU."""
    return [], []


def set_device_states(devices, states):
    pass


class _ForwardRandomState:
    """The default generator's state when a checkpointed forward began; `replay()` puts it back for the
    recomputation and restores the state of the moment when the block ends (PyTorch's fork_rng)."""

    def __init__(self):
        self._state = E.rng_state_snapshot()

    def replay(self):
        return _Replay(self._state)


class _Replay:
    def __init__(self, state):
        self._state = state

    def __enter__(self):
        self._now = E.rng_state_snapshot()
        E.rng_state_restore(self._state)

    def __exit__(self, *exc):
        E.rng_state_restore(self._now)
        return False


class _NoReplay:
    def __enter__(self):
        pass

    def __exit__(self, *exc):
        return False


class CheckpointFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, run_function, preserve_rng_state, *args):
        check_backward_validity(args)
        ctx.run_function = run_function
        ctx.preserve_rng_state = preserve_rng_state
        ctx.random_state = _ForwardRandomState() if preserve_rng_state else None
        # The tensors are saved for backward; the other arguments are kept as they are, in their places.
        ctx.inputs = []
        ctx.tensor_indices = []
        tensor_inputs = []
        for i, arg in enumerate(args):
            if torch.is_tensor(arg):
                tensor_inputs.append(arg)
                ctx.tensor_indices.append(i)
                ctx.inputs.append(None)
            else:
                ctx.inputs.append(arg)
        ctx.save_for_backward(*tensor_inputs)
        with torch.no_grad():
            outputs = run_function(*args)
        return outputs

    @staticmethod
    def backward(ctx, *args):
        from .. import autograd
        from .._tensor_autograd import retaining

        if not autograd._is_checkpoint_valid():
            raise RuntimeError(
                'Checkpointing is not compatible with .grad() or when an `inputs` parameter is passed to '
                '.backward(). Please use .backward() and do not pass its `inputs` argument.'
            )
        inputs = list(ctx.inputs)
        for i, tensor in zip(ctx.tensor_indices, ctx.saved_tensors):
            inputs[i] = tensor
        replay = ctx.random_state.replay() if ctx.preserve_rng_state else _NoReplay()
        with replay:
            detached_inputs = detach_variable(tuple(inputs))
            with torch.enable_grad():
                outputs = ctx.run_function(*detached_inputs)
        if isinstance(outputs, torch.Tensor):
            outputs = (outputs,)
        # Backward from the outputs that require grad, with their gradients.
        outputs_with_grad = []
        args_with_grad = []
        for i in range(len(outputs)):
            if torch.is_tensor(outputs[i]) and outputs[i].requires_grad:
                outputs_with_grad.append(outputs[i])
                args_with_grad.append(args[i])
        if len(outputs_with_grad) == 0:
            raise RuntimeError('none of output has requires_grad=True, this checkpoint() is not necessary')
        # This pass runs inside the one that reached this node: whether that one keeps its graph must survive it.
        outer_retains = retaining[0]
        try:
            autograd._run_backward(tuple(outputs_with_grad), tuple(args_with_grad), False)
        finally:
            retaining[0] = outer_retains
        grads = tuple(inp.grad if isinstance(inp, torch.Tensor) else None for inp in detached_inputs)
        return (None, None) + grads


def checkpoint(function, *args, use_reentrant=True, **kwargs):
    """function(*args), its intermediate results recomputed during backward instead of kept."""
    preserve = kwargs.pop('preserve_rng_state', True)
    if kwargs and use_reentrant:
        raise ValueError('Unexpected keyword arguments: ' + ','.join(arg for arg in kwargs))
    if use_reentrant:
        return CheckpointFunction.apply(function, preserve, *args)
    return _checkpoint_without_reentrant(function, preserve, *args, **kwargs)


def checkpoint_sequential(functions, segments, input, **kwargs):
    """A Sequential (or list of modules) run in `segments` chunks, each but the last checkpointed."""
    preserve = kwargs.pop('preserve_rng_state', True)
    if kwargs:
        raise ValueError('Unexpected keyword arguments: ' + ','.join(arg for arg in kwargs))

    def run_function(start, end, functions):
        def forward(input):
            for j in range(start, end + 1):
                input = functions[j](input)
            return input

        return forward

    if isinstance(functions, torch.nn.Sequential):
        functions = list(functions.children())
    segment_size = len(functions) // segments
    # The last segment runs as usual: its output is what backward starts from.
    end = -1
    for start in range(0, segment_size * (segments - 1), segment_size):
        end = start + segment_size - 1
        input = checkpoint(run_function(start, end, functions), input, preserve_rng_state=preserve)
    return run_function(end + 1, len(functions) - 1, functions)(input)


class _Holder:
    """What the forward's pack hook keeps in place of a saved tensor: its key in the recomputed values."""


def _checkpoint_without_reentrant(function, preserve_rng_state=True, *args, **kwargs):
    """function(*args, **kwargs) recorded as usual, but each tensor its ops save for backward is replaced by a
    holder; the first backward that needs one runs function again (the random state put back) with hooks that
    collect the recomputed tensors in the same order, and every holder then gets its tensor from there."""
    random_state = _ForwardRandomState() if preserve_rng_state else None
    storage = weakref.WeakKeyDictionary()
    weak_holders = []

    def pack(x):
        holder = _Holder()
        weak_holders.append(weakref.ref(holder))
        return holder

    def unpack(holder):
        if len(storage) == 0:
            count = [0]

            def inner_pack(inner):
                count[0] += 1
                # A holder gone with its node will never be read: nothing to keep for it.
                kept = weak_holders[count[0] - 1]()
                if kept is not None:
                    storage[kept] = inner.detach()

            def inner_unpack(packed):
                raise RuntimeError('You are calling backwards on a tensor that is never exposed. Please open an issue.')

            replay = random_state.replay() if preserve_rng_state else _NoReplay()
            with replay:
                with torch.enable_grad(), torch.autograd.graph.saved_tensors_hooks(inner_pack, inner_unpack):
                    function(*args, **kwargs)
        if holder not in storage:
            raise RuntimeError(
                'Attempt to retrieve a tensor saved by autograd multiple times without checkpoint recomputation '
                'being triggered in between, this is not currently supported. Please open an issue with details '
                'on your use case so that we can prioritize adding this.'
            )
        return storage[holder]

    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
        output = function(*args, **kwargs)
    return output
