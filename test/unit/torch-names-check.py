"""Run by test/unit/torch-names.test.ts on our torch in Pyodide, with `fixture_input` holding
test/unit/torch-names-torch113.json (the names real PyTorch 1.13 has; torch-names-fixture.py writes it).

For every name, looking it up on our torch must either work or raise NotImplementedError that names it and
says what is supported (SUPPORTED_HINT); for nn.Module classes we have, every public nn.Module method
PyTorch has must work when called (or raise NotImplementedError, or the error PyTorch itself raises).
Prints, per group, how many names work, how many are reported unsupported, and every failure."""

import importlib
import json

import torch
from torch._unsupported import SUPPORTED_HINT
from torch._module_names import MODULE_NAMES
from torch._tensor_names import TENSOR_NAMES

data = json.loads(globals()['fixture_input'])  # set by pyodide-fixture.ts


def outcome(action, feature, pytorch_error=None):
    """'ok', 'unsupported', or what went wrong (an AttributeError, a TypeError, a message not naming it)."""
    try:
        action()
        return 'ok'
    except NotImplementedError as e:
        message = str(e)
        if feature not in message or SUPPORTED_HINT not in message:
            return f"NotImplementedError not naming {feature} and what is supported: {message}"
        return 'unsupported'
    except Exception as e:  # noqa: BLE001  (anything else is the failure this test exists to find)
        if type(e).__name__ == pytorch_error:
            return 'ok'  # PyTorch raises the same here
        return f"{type(e).__name__}: {e}"


def tally(results):
    """{'ok': [...], 'unsupported': [...], 'failures': {name: what}}"""
    out = {'ok': [], 'unsupported': [], 'failures': {}}
    for name, result in results.items():
        if result in ('ok', 'unsupported'):
            out[result].append(name)
        else:
            out['failures'][name] = result
    return out


def check_module(module_name, names):
    module = importlib.import_module(module_name)
    return tally({n: outcome(lambda n=n: getattr(module, n), f"{module_name}.{n}") for n in names})


def check_tensor(names, errors):
    t = torch.ones(2, 2)
    return tally({n: outcome(lambda n=n: getattr(t, n), f"Tensor.{n}", errors.get(n)) for n in names})


def check_module_methods(constructors, methods):
    """Each nn.Module class we have, built with the arguments PyTorch accepted, and each method called."""
    results = {}
    for cls_name, args in sorted(constructors.items()):
        try:
            cls = getattr(torch.nn, cls_name)
        except NotImplementedError:
            continue  # reported by check_module('torch.nn', ...)
        built = outcome(lambda: cls(*args), cls_name)
        if built == 'unsupported':
            continue
        if built != 'ok':
            results[f"{cls_name}{tuple(args)}"] = built
            continue
        for method, how in sorted(methods.items()):
            m = cls(*args)
            call = how['call'] or f"m.{method}"
            action = lambda m=m, call=call: exec(call, {'m': m, 'torch': torch})  # noqa: E731
            pytorch_error = None if how['pytorch'] == 'ok' else how['pytorch']
            results[f"{cls_name}.{method}"] = outcome(action, method, pytorch_error)
    return tally(results)


def check_not_torch_names():
    """Names PyTorch does not have stay AttributeErrors, as in PyTorch (so hasattr() says False)."""
    t = torch.ones(2)
    found = {}
    for name in ('not_a_torch_name', 'numpy_only', 'shapee'):
        try:
            getattr(t, name)
            found[name] = 'exists'
        except AttributeError as e:
            found[name] = 'AttributeError' if not isinstance(e, NotImplementedError) else 'NotImplementedError'
        except Exception as e:  # noqa: BLE001
            found[name] = type(e).__name__
    return found


def check_not_torch_module_names():
    """On modules too: a later PyTorch's name or a typo is PyTorch 1.13's AttributeError (hasattr False, and
    `from ... import` an ImportError), with PyTorch's message."""
    found = {}
    for module_name, name in (('torch.nn', 'CircularPad2d'), ('torch', 'tensr'), ('torch.nn.functional', 'relu6_')):
        module = importlib.import_module(module_name)
        try:
            getattr(module, name)
            seen = 'exists'
        except AttributeError as e:
            seen = 'NotImplementedError' if isinstance(e, NotImplementedError) else f"AttributeError: {e}"
        except Exception as e:  # noqa: BLE001
            seen = type(e).__name__
        try:
            exec(f"from {module_name} import {name}", {})
            imported = 'imported'
        except ImportError as e:
            imported = f"{type(e).__name__}: {str(e).split(' (')[0]}"
        found[f"{module_name}.{name}"] = [seen, hasattr(module, name), imported]
    return found


def messages():
    """What a learner reads for a few missing names (the hints of torch/_missing_hints.py)."""
    t = torch.ones(2)
    # An in-place method we lack whose out-of-place form we have (the first, as the list changes over time).
    in_place = next(n for n in data['tensor'] if n.endswith('_') and hasattr(t, n[:-1]) and not hasattr(t, n))
    lookups = {
        'Tensor.stft': lambda: t.stft,
        'Tensor.<in-place>': lambda: getattr(t, in_place),
        'Tensor.to_sparse': lambda: t.to_sparse,
        'Tensor.geqrf': lambda: t.geqrf,
        'torch.fft': lambda: torch.fft,
        'torch.nn.parallel.DistributedDataParallel': lambda: torch.nn.parallel.DistributedDataParallel,
    }
    out = {}
    for name, lookup in lookups.items():
        try:
            lookup()
            out[name] = 'exists'
        except NotImplementedError as e:
            message = str(e).replace(SUPPORTED_HINT, '').replace(f"Tensor.{in_place} ", 'Tensor.<in-place> ')
            out[name] = [type(e).__name__, isinstance(e, AttributeError), message.replace(in_place[:-1], '<base>')]
    return out


report = {name: check_module(name, names) for name, names in sorted(data['modules'].items())}
report['torch.Tensor'] = check_tensor(data['tensor'], data['tensor_errors'])
report['nn.Module methods'] = check_module_methods(data['constructors'], data['module_methods'])
report['not torch names on Tensor'] = check_not_torch_names()
report['messages'] = messages()
report['not torch names on modules'] = check_not_torch_module_names()
report['tensor names shipped'] = sorted(TENSOR_NAMES)
report['module names shipped'] = {module: sorted(names) for module, names in MODULE_NAMES.items()}
print(json.dumps(report))
