"""torch.jit.trace's modules (see _script.py): named and printed as the original classes, with the
`original_name=` line PyTorch prints for them. The function runs on the example inputs, as PyTorch's tracer
runs it, but no trace is recorded: calls run the Python again, so data-dependent branches are taken
anew where a trace would repeat the example's."""

import torch

from .. import nn
from ._script import RecursiveScriptModule, ScriptFunction, ScriptModule, _copy


class TracedModule(RecursiveScriptModule):
    __module__ = 'torch.jit._trace'

    def _get_name(self):
        return self.original_name


class TopLevelTracedModule(TracedModule):
    __module__ = 'torch.jit._trace'


# True while trace() runs the function on its example inputs (torch.jit.is_tracing()).
tracing = [False]


def _run_example(fn, example_inputs, example_kwarg_inputs, runs):
    """Runs `fn` on the example inputs as PyTorch's tracer does, once to trace and once more to check the trace
    (check_trace=True): what it prints is printed at trace time, that many times."""
    if example_inputs is None and example_kwarg_inputs is None:
        return
    args = example_inputs if isinstance(example_inputs, tuple) else () if example_inputs is None else (example_inputs,)
    tracing[0] = True
    try:
        with torch.no_grad():
            for _ in range(runs):
                fn(*args, **(example_kwarg_inputs or {}))
    finally:
        tracing[0] = False


def trace(func, example_inputs=None, optimize=None, check_trace=True, check_inputs=None, check_tolerance=1e-05,
          strict=True, _force_outplace=False, _module_class=None, _compilation_unit=None, example_kwarg_inputs=None):  # fmt: skip
    if isinstance(func, ScriptModule):
        return func
    if not callable(func):
        raise RuntimeError(
            f"Type '{type(func)}' cannot be traced. Only Tensors and (possibly nested) Lists, Dicts, and Tuples of "
            "Tensors can be traced"
        )
    _run_example(func, example_inputs, example_kwarg_inputs, 2 if check_trace else 1)
    if isinstance(func, nn.Module):
        return _copy(func, TopLevelTracedModule, TracedModule)
    return ScriptFunction(func)
