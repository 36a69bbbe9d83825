"""What the case-recording fixture scripts (embedding-bag, packed-sequence, padding-modules ...-fixture.py)
share: each case's result (tensors as dtype, shape and values) or the exception it raised, printed as one
JSON list; and, for the scripts whose cases are code strings run with exec() (aliases, api-gaps, ...), the
runner and the encoding of what each case's `result` holds. Imported by name: /usr/bin/python3
test/unit/NAME-fixture.py puts this folder first on sys.path, and test/unit/pyodide-fixture.ts installs this
file in Pyodide beside our torch."""

import json
import math

import torch

_results = []


def enc(v):
    if isinstance(v, torch.Tensor):
        return {'dtype': str(v.dtype), 'shape': list(v.shape), 'data': v.detach().reshape(-1).tolist()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    return v


def record(name, fn):
    try:
        out = {'case': name, 'result': enc(fn())}
    except Exception as ex:  # noqa: BLE001 - recording whatever PyTorch raises
        out = {'case': name, 'error': type(ex).__name__, 'message': str(ex)}
    _results.append(out)


def dump():
    """Prints the cases recorded so far and forgets them (Pyodide runs several scripts in one interpreter)."""
    print(json.dumps(_results, indent=1))
    _results.clear()


def encode_result(v, inf_as_text=False, dtypes=False):
    """A result of the exec-style fixtures (aliases, api-gaps, nan-fused-init, order-stats, transformer):
    tensors as dtype, shape, values (NaN as null) and grad_fn name; a torch.Size as {'size': [...]}; lists and
    tuples item by item; plain values as they are; anything else by its repr. inf_as_text: a float infinity
    as 'inf'; dtypes: a torch.dtype as {'dtype_object': str}."""
    if isinstance(v, torch.Tensor):
        data = v.detach().reshape(-1).tolist()
        data = [None if isinstance(x, float) and math.isnan(x) else x for x in data]
        name = v.grad_fn.name() if v.grad_fn is not None else None
        return {'dtype': str(v.dtype), 'shape': list(v.shape), 'data': data, 'grad_fn': name}
    if isinstance(v, torch.Size):
        return {'size': list(v)}
    if dtypes and isinstance(v, torch.dtype):
        return {'dtype_object': str(v)}
    if isinstance(v, (list, tuple)):
        return [encode_result(x, inf_as_text, dtypes) for x in v]
    if inf_as_text and isinstance(v, float) and math.isinf(v):
        return 'inf'
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return {'repr': repr(v)}


def run_exec_cases(cases, env, setup='', messages=True, **encoding):
    """Runs each (name, code) of `cases` with exec() in a fresh env() and prints, as one JSON line, what its
    `result` variable holds (encode_result with `encoding`) or the exception it raised (with its message
    unless messages=False)."""
    results = []
    for name, code in cases:
        scope = env()
        try:
            exec(setup + code, scope)
            results.append({'case': name, 'result': encode_result(scope['result'], **encoding)})
        except Exception as ex:  # noqa: BLE001 - recording whatever PyTorch raises
            out = {'case': name, 'error': type(ex).__name__}
            if messages:
                out['message'] = str(ex)
            results.append(out)
    print(json.dumps(results))
