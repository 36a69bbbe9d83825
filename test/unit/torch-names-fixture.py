#!/usr/bin/env python3
"""Writes test/unit/torch-names-torch113.json: the public names real PyTorch 1.13 has, so that
test/unit/torch-names.test.ts can check that each of them, on our torch, either exists or raises
NotImplementedError naming it (never an AttributeError or TypeError of ours).

    /usr/bin/python3 test/unit/torch-names-fixture.py --tensor-names src/python/torch/_tensor_names.py \
        --module-names src/python/torch/_module_names.py > test/unit/torch-names-torch113.json

With --tensor-names it also writes, from the same list, the module our torch ships so that Tensor.__getattr__
can tell a PyTorch name we lack (NotImplementedError naming it) from a typo (AttributeError, as in PyTorch);
with --module-names, the same for the modules' names (src/python/torch/_module_names.py, read by the module
__getattr__ of src/python/torch/_unsupported.py).

The JSON holds:
  modules         for each module, its public names (no private names, no modules or typing helpers that
                  the module merely imported; torch.nn: its classes and subpackages, not its functions)
  tensor          torch.Tensor's public methods and properties and the dunder methods it implements itself
  tensor_errors   names whose access on torch.ones(2, 2) raises in PyTorch itself (e.g. imag), with the error
  module_methods  nn.Module's public methods: `call`, the call the test makes (CALLS below; none: the name
                  is only looked up), and `pytorch`, how that call on nn.Linear(2, 2) goes in PyTorch ('ok'
                  or the exception's class name)
  constructors    for each nn.Module class, the first argument list of CONSTRUCTOR_ARGS PyTorch accepts

test/unit/torch-names-check.py runs those checks on our torch, reading this JSON.
"""

import inspect
import json
import types

MODULES = [
    'torch',
    'torch.nn',
    'torch.nn.functional',
    'torch.nn.init',
    'torch.optim',
    'torch.optim.lr_scheduler',
    'torch.utils.data',
    'torch.utils.benchmark',
    'torch.autograd',
    'torch.linalg',
    'torch.cuda',
]

# Dunder names of torch.Tensor that are data or plumbing rather than behaviour a learner reaches for.
NOT_BEHAVIOUR = {'__dict__', '__doc__', '__module__', '__weakref__', '__array_priority__', '__slots__'}

# Argument lists tried in order to build each nn.Module class (the first PyTorch accepts is recorded).
CONSTRUCTOR_ARGS = [(), (2,), (2, 2), (2, 2, 2), (2, 2, 2, 2)]

# How the test calls each public nn.Module method (`m` is the module, `torch` our torch); a method missing
# here is only looked up, not called.
CALLS = {
    'add_module': "m.add_module('bl_extra', torch.nn.Identity())",
    'apply': 'm.apply(lambda module: None)',
    'bfloat16': 'm.bfloat16()',
    'buffers': 'list(m.buffers())',
    'children': 'list(m.children())',
    'cpu': 'm.cpu()',
    'cuda': 'm.cuda()',
    'double': 'm.double()',
    'eval': 'm.eval()',
    'extra_repr': 'm.extra_repr()',
    'float': 'm.float()',
    'get_buffer': "m.register_buffer('bl_buf', torch.zeros(1)); m.get_buffer('bl_buf')",
    'get_extra_state': 'm.get_extra_state()',
    'get_parameter': "m.register_parameter('bl_par', torch.nn.Parameter(torch.zeros(1))); m.get_parameter('bl_par')",
    'get_submodule': "m.get_submodule('')",
    'half': 'm.half()',
    'ipu': 'm.ipu()',
    'load_state_dict': 'm.load_state_dict(m.state_dict())',
    'modules': 'list(m.modules())',
    'named_buffers': 'list(m.named_buffers())',
    'named_children': 'list(m.named_children())',
    'named_modules': 'list(m.named_modules())',
    'named_parameters': 'list(m.named_parameters())',
    'parameters': 'list(m.parameters())',
    'register_backward_hook': 'm.register_backward_hook(lambda *a: None).remove()',
    'register_buffer': "m.register_buffer('bl_buf2', torch.zeros(1))",
    'register_forward_hook': 'm.register_forward_hook(lambda *a: None).remove()',
    'register_forward_pre_hook': 'm.register_forward_pre_hook(lambda *a: None).remove()',
    'register_full_backward_hook': 'm.register_full_backward_hook(lambda *a: None).remove()',
    'register_load_state_dict_post_hook': 'm.register_load_state_dict_post_hook(lambda *a: None).remove()',
    'register_module': "m.register_module('bl_extra2', torch.nn.Identity())",
    'register_parameter': "m.register_parameter('bl_par2', torch.nn.Parameter(torch.zeros(1)))",
    'requires_grad_': 'm.requires_grad_(False); m.requires_grad_()',
    'set_extra_state': 'm.set_extra_state({})',
    'share_memory': 'm.share_memory()',
    'state_dict': 'm.state_dict()',
    'to': "m.to('cpu'); m.to(torch.float32)",
    'to_empty': "m.to_empty(device='cpu')",
    'train': 'm.train(); m.train(False)',
    'type': 'm.type(torch.float32)',
    'xpu': 'm.xpu()',
    'zero_grad': 'm.zero_grad()',
}


def is_public_name(module_name, name, obj):
    if name.startswith('_'):
        return False
    if isinstance(obj, types.ModuleType):
        return obj.__name__.startswith(module_name + '.')  # its own submodules, not `torch.os`
    if isinstance(obj, type) and module_name == 'torch.nn':
        return True
    if module_name == 'torch.nn':
        return False  # torch.nn: classes only (its functions live in torch.nn.functional)
    return getattr(obj, '__module__', None) not in ('typing', 'typing_extensions')


def module_names(module_name):
    import importlib

    module = importlib.import_module(module_name)
    return sorted(n for n in dir(module) if is_public_name(module_name, n, getattr(module, n)))


def tensor_names(torch):
    own = set()
    for cls in torch.Tensor.__mro__:
        if cls is not object:
            own.update(cls.__dict__)
    dunders = {n for n in own if n.startswith('__') and n.endswith('__') and n not in NOT_BEHAVIOUR}
    dunders -= set(object.__dict__)  # every Python object has these
    public = {n for n in dir(torch.Tensor) if not n.startswith('_')}
    return sorted(public | dunders)


def tensor_errors(torch, names):
    t = torch.ones(2, 2)
    errors = {}
    for name in names:
        try:
            getattr(t, name)
        except Exception as e:  # noqa: BLE001  (PyTorch's own refusal, recorded as it is)
            errors[name] = type(e).__name__
    return errors


def outcome(code, env):
    try:
        exec(code, env)
        return 'ok'
    except Exception as e:  # noqa: BLE001
        return type(e).__name__


def module_methods(torch):
    names = sorted(n for n, v in vars(torch.nn.Module).items() if not n.startswith('_') and inspect.isfunction(v))
    return {
        n: {'call': CALLS.get(n), 'pytorch': outcome(CALLS[n], {'m': torch.nn.Linear(2, 2), 'torch': torch})}
        if n in CALLS
        else {'call': None, 'pytorch': 'ok'}
        for n in names
    }


def constructors(torch, classes):
    found = {}
    for name in classes:
        cls = getattr(torch.nn, name)
        if not (isinstance(cls, type) and issubclass(cls, torch.nn.Module)):
            continue
        for args in CONSTRUCTOR_ARGS:
            try:
                cls(*args)
            except Exception:  # noqa: BLE001  (try the next argument list)
                continue
            found[name] = list(args)
            break
    return found


def wrapped(names, width=110):
    """The names, space-separated, in lines of at most `width` characters."""
    lines, line = [], ''
    for name in names:
        if line and len(line) + 1 + len(name) > width:
            lines.append(line)
            line = ''
        line = f"{line} {name}" if line else name
    lines.append(line)
    return '\n'.join(lines)


def tensor_names_module(names):
    """The text of src/python/torch/_tensor_names.py: the names, wrapped at 110 characters."""
    body = wrapped(names)
    return (
        '"""Every attribute name torch.Tensor has in PyTorch 1.13 (public methods and properties, and the dunder\n'
        'methods it implements). Written by test/unit/torch-names-fixture.py --tensor-names from real PyTorch;\n'
        'Tensor.__getattr__ raises NotImplementedError for these names and AttributeError for any other."""\n\n'
        f'TENSOR_NAMES = frozenset(\n    """\n{body}\n""".split()\n)\n'
    )


def module_names_module(modules):
    """The text of src/python/torch/_module_names.py: each module's public names (torch.cuda keeps its own
    __getattr__, so it is left out)."""
    entries = ''.join(
        f"    '{module}': frozenset(\n        \"\"\"\n{wrapped(names, 106)}\n\"\"\".split()\n    ),\n"
        for module, names in sorted(modules.items())
        if module != 'torch.cuda'
    )
    return (
        '"""The public names of torch modules in PyTorch 1.13 (as test/unit/torch-names-torch113.json lists them:\n'
        'torch.nn its classes). Written by test/unit/torch-names-fixture.py --module-names from real PyTorch; a\n'
        "module's __getattr__ (src/python/torch/_unsupported.py) raises NotImplementedError for these names and\n"
        'AttributeError, with PyTorch\'s message, for any other, so hasattr(nn, name) is False as in PyTorch."""\n\n'
        f'MODULE_NAMES = {{\n{entries}}}\n'
    )


def main():
    import sys
    import warnings

    warnings.simplefilter('ignore')
    import torch

    modules = {m: module_names(m) for m in MODULES}
    tensor = tensor_names(torch)
    result = {
        'version': torch.__version__,
        'modules': modules,
        'tensor': tensor,
        'tensor_errors': tensor_errors(torch, tensor),
        'module_methods': module_methods(torch),
        'constructors': constructors(torch, modules['torch.nn']),
    }
    print(json.dumps(result, indent=0, sort_keys=True))
    if '--tensor-names' in sys.argv:
        with open(sys.argv[sys.argv.index('--tensor-names') + 1], 'w') as f:
            f.write(tensor_names_module(tensor))
    if '--module-names' in sys.argv:
        with open(sys.argv[sys.argv.index('--module-names') + 1], 'w') as f:
            f.write(module_names_module(modules))


if __name__ == '__main__':
    main()
