"""Scripted and traced modules and functions (see torch/jit/__init__.py). A scripted module is a module of its
own that holds the original's parameters and buffers (the same tensors, so training either trains both) and a
scripted copy of each submodule, with a training flag of its own, as PyTorch's RecursiveScriptModule has. Its
forward and other methods are the original class's, run on it."""

import types

from .. import nn
from .._load import load as _torch_load
from ..serialization import save as _torch_save

_COMPILED_ONLY = ('code', 'graph', 'inlined_graph', 'code_with_constants', 'schema')


def _compiled_only(owner, name):
    return NotImplementedError(
        f"{owner}.{name} is not supported by Backprop Lens: nothing is compiled to TorchScript here, the "
        "scripted code runs as Python (call it, or print the model's Python source instead)"
    )


class ScriptModule(nn.Module):
    __module__ = 'torch.jit._script'


class RecursiveScriptModule(ScriptModule):
    __module__ = 'torch.jit._script'

    def __getattr__(self, name):
        # The registries first (submodules, parameters, buffers), then the original class's methods and
        # attributes, bound to this module: forward's `self.helper(x)` and `self.hidden_size` work.
        try:
            return super().__getattr__(name)
        except AttributeError:
            pass
        if name in _COMPILED_ONLY:
            raise _compiled_only(type(self).__name__, name)
        original = self.__dict__.get('_bl_original')
        if original is not None and name != '__setstate__':
            try:
                value = getattr(type(original), name)
            except AttributeError:
                pass
            else:
                return types.MethodType(value, self) if isinstance(value, types.FunctionType) else value
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def forward(self, *args, **kwargs):
        return type(self.__dict__['_bl_original']).forward(self, *args, **kwargs)

    def extra_repr(self):
        return f'original_name={self.original_name}'

    def save(self, f, **kwargs):
        save(self, f)

    def __reduce_ex__(self, protocol):
        return (_rebuild, (type(self)._bl_kind, self.__getstate__()))


# Special methods are looked up on the class, not through __getattr__: a scripted ModuleList or Sequential
# iterates, indexes and has a length. As in PyTorch, what it yields are the original submodules
# (`[type(m).__name__ for m in torch.jit.script(seq)]` lists 'Linear', not 'RecursiveScriptModule').
_CONTAINER_METHODS = (
    '__iter__',
    '__len__',
    '__getitem__',
    '__setitem__',
    '__delitem__',
    '__contains__',
    '__reversed__',
)
_classes = {}


def _on_original(name):
    def method(self, *args):
        return getattr(self.__dict__['_bl_original'], name)(*args)

    method.__name__ = name
    return method


def _class_for(kind, original):
    """A class named as `kind` (RecursiveScriptModule, TracedModule, ...) with `original`'s container methods."""
    key = (kind, original)
    cls = _classes.get(key)
    if cls is None:
        body = {'__module__': kind.__module__, '__qualname__': kind.__qualname__}
        for name in _CONTAINER_METHODS:
            method = getattr(original, name, None)
            if method is not None and method is not getattr(nn.Module, name, None):
                body[name] = _on_original(name)
        cls = _classes[key] = type(kind.__name__, (kind,), body)
        cls._bl_kind = kind
    return cls


_NOT_COPIED = (
    '_parameters',
    '_buffers',
    '_modules',
    '_non_persistent_buffers_set',
    '_bl_path',
    '_bl_scope',
    '_bl_line',
)
_HOOKS = ('_forward_hooks', '_forward_pre_hooks', '_backward_hooks')


def _copy(module, top_kind, sub_kind):
    """A script (or traced) module over `module`: its parameters and buffers, copies of its submodules."""
    if isinstance(module, ScriptModule):
        return module
    copy = object.__new__(_class_for(top_kind, type(module)))
    nn.Module.__init__(copy)
    d = copy.__dict__
    source = module.__dict__
    registered = set(source['_parameters']) | set(source['_buffers']) | set(source['_modules'])
    for key, value in source.items():
        if key in _HOOKS:
            d[key].update(value)
        elif key not in _NOT_COPIED and key not in registered:
            d[key] = value
    # Module keeps each registered entry in __dict__ too (module.py's __setattr__), for plain attribute reads.
    for store in ('_parameters', '_buffers'):
        d[store].update(source[store])
        d.update(source[store])
    d['_non_persistent_buffers_set'].update(source.get('_non_persistent_buffers_set', ()))
    for name, child in source['_modules'].items():
        d['_modules'][name] = d[name] = None if child is None else _copy(child, sub_kind, sub_kind)
    d['_bl_original'] = module
    d['original_name'] = type(module).__name__
    return copy


def frozen_copy(module):
    """torch.jit.freeze's module: parameters become constants (plain tensors that need no gradient), so
    parameters() is empty and outputs have no grad_fn, as in PyTorch."""
    copy = object.__new__(type(module))
    copy.__dict__.update(module.__dict__)
    d = copy.__dict__
    for store in ('_parameters', '_buffers', '_modules'):
        d[store] = type(d[store])(d[store])
    for name, param in list(d['_parameters'].items()):
        del d['_parameters'][name]
        d[name] = None if param is None else param.detach()
    for name, child in list(d['_modules'].items()):
        if child is not None:
            d['_modules'][name] = d[name] = frozen_copy(child)
    return copy


def _rebuild(kind, state):
    """Unpickles a script module (torch.jit.load): its class is made per original class, not found by name."""
    module = object.__new__(_class_for(kind, type(state['_bl_original'])))
    module.__setstate__(state)
    return module


class ScriptFunction:
    """A scripted or traced function: calls the Python function."""

    __module__ = 'torch.jit'

    def __init__(self, fn):
        self._fn = fn
        self.__name__ = getattr(fn, '__name__', 'fn')
        self.__qualname__ = getattr(fn, '__qualname__', self.__name__)
        self.__doc__ = getattr(fn, '__doc__', None)

    def __call__(self, *args, **kwargs):
        return self._fn(*args, **kwargs)

    def __getattr__(self, name):
        if name in _COMPILED_ONLY:
            raise _compiled_only('ScriptFunction', name)
        raise AttributeError(f"'torch._C.ScriptFunction' object has no attribute '{name}'")

    def save(self, f, **kwargs):
        save(self, f)


def script(obj, optimize=None, _frames_up=0, _rcb=None, example_inputs=None):
    if isinstance(obj, (ScriptModule, ScriptFunction)):
        return obj
    if isinstance(obj, nn.Module):
        return _copy(obj, RecursiveScriptModule, RecursiveScriptModule)
    if isinstance(obj, type):
        return obj  # a class used from scripted code: a Python class here
    if callable(obj):
        return ScriptFunction(obj)
    raise RuntimeError(
        f"Type '{type(obj)}' cannot be compiled since it inherits from nn.Module, pass in an instance instead"
    )


def save(m, f, _extra_files=None):
    _torch_save(m, f)


def load(f, map_location=None, _extra_files=None):
    return _torch_load(f)
