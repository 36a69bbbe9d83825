"""What the case-recording fixture scripts (embedding-bag, packed-sequence, padding-modules ...-fixture.py)
share: each case's result (tensors as dtype, shape and values) or the exception it raised, printed as one
JSON list. Imported by name: /usr/bin/python3 test/unit/NAME-fixture.py puts this folder first on
sys.path, and test/unit/pyodide-fixture.ts installs this file in Pyodide beside our torch."""

import json

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
