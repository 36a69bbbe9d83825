"""torch.jit without a compiler: torch.jit.script and torch.jit.trace return objects that run the learner's
Python, printed and typed as PyTorch's (RecursiveScriptModule, TopLevelTracedModule, ScriptFunction), so a file
that scripts or traces its model (d2l's hybridize section, the save-and-load recipes) trains and prints the same
numbers. What only a compiler has (.code, .graph, .inlined_graph) raises NotImplementedError naming it."""

import typing

from ._script import RecursiveScriptModule, ScriptFunction, ScriptModule, frozen_copy, load, save, script
from . import _trace
from ._trace import TopLevelTracedModule, TracedModule, trace

__all__ = [
    'Final', 'Future', 'RecursiveScriptModule', 'ScriptFunction', 'ScriptModule', 'TopLevelTracedModule',
    'TracedModule', 'annotate', 'export', 'fork', 'freeze', 'ignore', 'is_scripting', 'is_tracing', 'load',
    'optimize_for_inference', 'save', 'script', 'script_method', 'trace', 'trace_module', 'unused', 'wait',
]  # fmt: skip

Final = typing.Final


def is_scripting():
    """False: the code runs as Python (as it does in PyTorch outside a scripted function)."""
    return False


def is_tracing():
    return _trace.tracing[0]


def annotate(the_type, the_value):
    return the_value


def _identity_decorator(fn=None, **kwargs):
    if fn is None:
        return lambda f: f
    return fn


ignore = _identity_decorator
unused = _identity_decorator
export = _identity_decorator
script_method = _identity_decorator


def freeze(mod, preserved_attrs=None, optimize_numerics=True):
    if not isinstance(mod, ScriptModule):
        raise RuntimeError(
            "Freezing expects a ScriptModule as input. Please use torch.jit.script or torch.jit.trace to script your 'nn.Module'."
        )
    if mod.training:
        raise RuntimeError(
            "Freezing is currently only implemented for modules in eval mode. Please call .eval() on your module before freezing."
        )
    return frozen_copy(mod)


def optimize_for_inference(mod, other_methods=None):
    if not isinstance(mod, ScriptModule):
        raise RuntimeError(
            "optimize_for_inference expects a ScriptModule as input. Please use torch.jit.script or torch.jit.trace to script your 'nn.Module'."
        )
    return mod


def trace_module(mod, inputs, **kwargs):
    return trace(mod, inputs.get('forward') if isinstance(inputs, dict) else inputs)


class Future:
    """What torch.jit.fork returns: here the call has already run."""

    __module__ = 'torch.jit'

    def __init__(self, value):
        self._value = value

    def wait(self):
        return self._value

    def done(self):
        return True


def fork(func, *args, **kwargs):
    return Future(func(*args, **kwargs))


def wait(future):
    return future.wait()
