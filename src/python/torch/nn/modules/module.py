"""nn.Module, written in Python so learners can subclass it exactly as in PyTorch.

Parameters, buffers and submodules are kept in the ordered dicts PyTorch uses (`_parameters`, `_buffers`,
`_modules`) and, for fast attribute reads in a training loop, also in the instance `__dict__`: every write
goes through __setattr__/__delattr__, which keep both in step.

Backprop Lens instrumentation: the first time a module that is not part of an already seen model is called,
it becomes a root model and the runtime is told its module tree (`model_seen`); afterwards each module of
a seen model reports its output (`module_forward`). `_bl_path` is None (not looked at yet), False (not
reported: e.g. a loss module) or the module's dotted path in its model. Outputs are reported in one batch
when the root's forward returns (children finish first, so the root's own output comes last).
"""

from collections import OrderedDict
import itertools
import json

from ..._engine import E

from ..._activation_probe import (
    scope as _scope,
    pending_paths as _pending_paths,
    pending_outputs as _pending_outputs,
    reset_counts as _reset_counts,
)
from ..._tensor import Tensor, _zero_grads
from ..parameter import Parameter, UninitializedTensorMixin
from ._source_line import creation_line as _creation_line
from ._module_extras import ModuleExtras
from ._state_dict import StateDictMixin
from ._backward_hook import BackwardHook as _BackwardHook, attach_non_full_hooks, claim_backward_hooks

_model_seen = E.model_seen
_hint = E.hint


def _hint_layer_returned(module, layer):
    """forward() gave back a layer instead of calling it (`return self.linear`): PyTorch says nothing and the
    learner's next line fails far from the mistake, so say it once per class, at the call."""
    cls = type(module)
    if cls.__dict__.get('_bl_hinted_layer_return'):
        return
    cls._bl_hinted_layer_return = True  # user classes are defined anew by every run
    name = next((n for n, m in module._modules.items() if m is layer), None)
    attr = f"self.{name}" if name else type(layer).__name__
    _hint(
        f"{cls.__name__}.forward() returned the layer {attr} ({type(layer).__name__}) itself, not its output: "
        f"call the layer on the input, e.g. `return {attr}(x)`."
    )


_module_outputs = E.module_outputs
_isinstance = isinstance
# _pending_paths/_pending_outputs (torch/_activation_probe.py): outputs of seen modules and of the functional
# activations they call since the last root forward finished, handed to the runtime in one JS call when the
# root returns (one crossing per training step instead of one per module).
# Bumped by every change that could alter how a module runs (attribute writes, registrations, hooks, being
# observed): a cached fast-path plan (Sequential's, in container.py) is valid only for the epoch it was made in.
_epoch = [0]
# How many calls of modules whose lazy layers have no sizes yet are running (Module.__call__).
_lazy_calls = [0]


def _flush_outputs():
    paths = '\n'.join(_pending_paths)
    outputs = tuple(_pending_outputs)
    _pending_paths.clear()
    _pending_outputs.clear()
    _module_outputs(paths, *outputs)


class _RemovableHandle:
    _ids = itertools.count()

    def __init__(self, hooks_dict):
        self._hooks = hooks_dict
        self.id = next(self._ids)

    def remove(self):
        self._hooks.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


def _add_hook(hooks, hook, prepend):
    """Registers `hook` in a module's ordered hooks dict (first when `prepend`); the handle removes it."""
    _epoch[0] += 1
    handle = _RemovableHandle(hooks)
    hooks[handle.id] = hook
    if prepend:
        hooks.move_to_end(handle.id, last=False)
    return handle


def _addindent(text, spaces):
    lines = text.split('\n')
    if len(lines) == 1:
        return text
    return lines[0] + '\n' + '\n'.join(' ' * spaces + line for line in lines[1:])


class Module(StateDictMixin, ModuleExtras):
    dump_patches = False
    _version = 1
    training: bool
    _bl_path = None
    # What torch/_activation_probe.py `scope` is while this module's forward runs: its path for a user class
    # of a seen model (its functional activations are reported), None otherwise.
    _bl_scope = None
    _is_full_backward_hook = None  # True or False once a backward hook is registered (the kinds cannot mix)

    def __init__(self, *args, **kwargs):
        if args or kwargs:
            raise TypeError(f"{type(self).__name__}.__init__() got unexpected arguments")
        d = self.__dict__
        d['training'] = True
        d['_parameters'] = OrderedDict()
        d['_buffers'] = OrderedDict()
        d['_non_persistent_buffers_set'] = set()
        d['_modules'] = OrderedDict()
        d['_forward_hooks'] = OrderedDict()
        d['_forward_pre_hooks'] = OrderedDict()
        d['_backward_hooks'] = OrderedDict()
        d['_bl_line'] = _creation_line()

    def forward(self, *input):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    # ---- calling ----------------------------------------------------------------------------------
    def __call__(self, *args, **kwargs):
        path = self._bl_path
        lazy = False
        if path is None:
            # Inside a call whose lazy layers are getting their sizes, no layer is a model of its own.
            path = _observe(self) if _lazy_calls[0] == 0 else None
            if path is None:
                # Lazy layers get their sizes in this call: it goes unreported, and the outermost such call
                # reports the model once it has them (below).
                lazy = True
                path = False
                _lazy_calls[0] += 1
        outer = _scope[0]
        if path is not False:
            _scope[0] = self._bl_scope
            if path == '':
                _reset_counts()
        try:
            if self._forward_pre_hooks:
                for hook in list(self._forward_pre_hooks.values()):
                    res = hook(self, args)
                    if res is not None:
                        args = res if _isinstance(res, tuple) else (res,)
            hooks = self._backward_hooks
            bw_hook = _BackwardHook(self, list(hooks.values())) if hooks and self._is_full_backward_hook else None
            if bw_hook:
                args = bw_hook.setup_input_hook(args)
            out = self.forward(*args, **kwargs)
            if self._forward_hooks:
                for hook in list(self._forward_hooks.values()):
                    res = hook(self, args, out)
                    if res is not None:
                        out = res
            if bw_hook:
                out = bw_hook.setup_output_hook(out)
            elif hooks and self._is_full_backward_hook is False:
                attach_non_full_hooks(self, args, out)
        finally:
            _scope[0] = outer
            if lazy:
                _lazy_calls[0] -= 1
        if lazy and _lazy_calls[0] == 0 and self.__dict__.get('_bl_path') is None:
            _observe(self)
        if _isinstance(out, Module):
            _hint_layer_returned(self, out)
        if path is not False:
            if _isinstance(out, Tensor):
                _pending_paths.append(path)
                _pending_outputs.append(out._t)
            if path == '' or len(_pending_paths) > 256:
                _flush_outputs()
        return out

    _call_impl = __call__

    # ---- registration -----------------------------------------------------------------------------
    def __setattr__(self, name, value):
        _epoch[0] += 1
        d = self.__dict__
        if _isinstance(value, Parameter):
            if '_parameters' not in d:
                raise AttributeError('cannot assign parameters before Module.__init__() call')
            # Re-assigning keeps the entry's place in its registry (parameter and module order), as PyTorch.
            self._forget(name, keep='_parameters')
            d['_parameters'][name] = value
            d[name] = value
        elif _isinstance(value, Module):
            if '_modules' not in d:
                raise AttributeError('cannot assign module before Module.__init__() call')
            self._forget(name, keep='_modules')
            d['_modules'][name] = value
            d[name] = value
        elif '_parameters' in d and name in d['_parameters']:
            if value is not None:
                raise TypeError(
                    f"cannot assign '{type(value).__name__}' as parameter '{name}' "
                    "(torch.nn.Parameter or None expected)"
                )
            d['_parameters'][name] = None
            d[name] = None
        elif '_modules' in d and name in d['_modules']:
            if value is not None:
                raise TypeError(
                    f"cannot assign '{type(value).__name__}' as child module '{name}' "
                    "(torch.nn.Module or None expected)"
                )
            d['_modules'][name] = None
            d[name] = None
        elif '_buffers' in d and name in d['_buffers']:
            if value is not None and not _isinstance(value, Tensor):
                raise TypeError(
                    f"cannot assign '{type(value).__name__}' as buffer '{name}' (torch.Tensor or None expected)"
                )
            d['_buffers'][name] = value
            d[name] = value
        else:
            object.__setattr__(self, name, value)

    def _forget(self, name, keep=None):
        _epoch[0] += 1
        d = self.__dict__
        for key in ('_parameters', '_buffers', '_modules'):
            if key == keep:
                continue
            store = d.get(key)
            if store is not None and name in store:
                del store[name]
        d.pop(name, None)

    def __delattr__(self, name):
        _epoch[0] += 1
        d = self.__dict__
        for key in ('_parameters', '_buffers', '_modules'):
            store = d.get(key)
            if store is not None and name in store:
                del store[name]
                d.pop(name, None)
                return
        object.__delattr__(self, name)

    def __getattr__(self, name):
        # Only reached when normal lookup fails: look in the registries (entries added behind our back).
        d = self.__dict__
        for key in ('_parameters', '_buffers', '_modules'):
            store = d.get(key)
            if store is not None and name in store:
                return store[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __dir__(self):
        return sorted(set(object.__dir__(self)))

    def register_parameter(self, name, param):
        if '_parameters' not in self.__dict__:
            raise AttributeError('cannot assign parameter before Module.__init__() call')
        if not isinstance(name, str):
            raise TypeError(f'parameter name should be a string. Got {type(name).__name__}')
        if '.' in name:
            raise KeyError('parameter name can\'t contain "."')
        if name == '':
            raise KeyError('parameter name can\'t be empty string ""')
        if param is None:
            self._forget(name)
            self._parameters[name] = None
            self.__dict__[name] = None
        elif not isinstance(param, Parameter):
            raise TypeError(
                f"cannot assign '{type(param).__name__}' object to parameter '{name}' "
                "(torch.nn.Parameter or None required)"
            )
        else:
            self.__setattr__(name, param)

    def register_buffer(self, name, tensor, persistent=True):
        if '_buffers' not in self.__dict__:
            raise AttributeError('cannot assign buffer before Module.__init__() call')
        if '.' in name:
            raise KeyError('buffer name can\'t contain "."')
        self._forget(name, keep='_buffers')  # a buffer registered again keeps its place, as in PyTorch
        self._buffers[name] = tensor
        self.__dict__[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)

    def add_module(self, name, module):
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"{type(module).__name__} is not a Module subclass")
        if not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {type(name).__name__}")
        if '.' in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        if name == '':
            raise KeyError('module name can\'t be empty string ""')
        self._forget(name)
        self._modules[name] = module
        self.__dict__[name] = module

    register_module = add_module

    def get_submodule(self, target):
        mod = self
        if target == '':
            return mod
        for item in target.split('.'):
            if item not in mod._modules:
                raise AttributeError(f"{mod._get_name()} has no attribute `{item}`")
            mod = mod._modules[item]
        return mod

    def get_parameter(self, target):
        module_path, _, name = target.rpartition('.')
        mod = self.get_submodule(module_path)
        if name not in mod._parameters:
            raise AttributeError(f"{mod._get_name()} has no parameter `{name}`")
        return mod._parameters[name]

    # ---- traversal --------------------------------------------------------------------------------
    def named_modules(self, memo=None, prefix='', remove_duplicate=True):
        if memo is None:
            memo = set()
        if self in memo and remove_duplicate:
            return
        if remove_duplicate:
            memo.add(self)
        yield prefix, self
        for name, module in self._modules.items():
            if module is None:
                continue
            sub = prefix + ('.' if prefix else '') + name
            yield from module.named_modules(memo, sub, remove_duplicate)

    def modules(self):
        for _, module in self.named_modules():
            yield module

    def named_children(self):
        memo = set()
        for name, module in self._modules.items():
            if module is not None and module not in memo:
                memo.add(module)
                yield name, module

    def children(self):
        for _, module in self.named_children():
            yield module

    def _named_members(self, get_members, prefix='', recurse=True, remove_duplicate=True):
        memo = set()
        modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            for k, v in get_members(module):
                if v is None or v in memo:
                    continue
                if remove_duplicate:
                    memo.add(v)
                yield module_prefix + ('.' if module_prefix else '') + k, v

    def named_parameters(self, prefix='', recurse=True, remove_duplicate=True):
        return self._named_members(lambda m: m._parameters.items(), prefix, recurse, remove_duplicate)

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_buffers(self, prefix='', recurse=True, remove_duplicate=True):
        return self._named_members(lambda m: m._buffers.items(), prefix, recurse, remove_duplicate)

    def buffers(self, recurse=True):
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    # ---- modes and gradients ----------------------------------------------------------------------
    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError('training mode is expected to be boolean')
        self.__dict__['training'] = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=False):
        _zero_grads(self.parameters(), set_to_none)

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    def to(self, *args, **kwargs):
        from ._casting import module_to

        return module_to(self, args, kwargs)

    def cpu(self):
        return self

    def cuda(self, device=None):
        from ..._device import no_cuda

        raise no_cuda()

    def float(self):
        from ... import float32
        from ._casting import cast_floats

        return cast_floats(self, float32)

    def double(self):
        from ... import float64
        from ._casting import cast_floats

        return cast_floats(self, float64)

    def half(self):
        from ... import float16
        from ._casting import cast_floats

        return cast_floats(self, float16)

    def bfloat16(self):
        from ... import bfloat16
        from ._casting import cast_floats

        return cast_floats(self, bfloat16)

    def type(self, dst_type):
        return self.to(dst_type)

    def share_memory(self):
        return self

    # ---- hooks ------------------------------------------------------------------------------------
    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False):
        return _add_hook(self._forward_hooks, hook, prepend)

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        return _add_hook(self._forward_pre_hooks, hook, prepend)

    def register_full_backward_hook(self, hook, prepend=False):
        claim_backward_hooks(self, full=True)
        return _add_hook(self._backward_hooks, hook, prepend)

    def register_backward_hook(self, hook):
        claim_backward_hooks(self, full=False)
        return _add_hook(self._backward_hooks, hook, False)

    # ---- state ------------------------------------------------------------------------------------
    # ---- printing ---------------------------------------------------------------------------------
    def _get_name(self):
        return type(self).__name__

    def extra_repr(self):
        return ''

    def __repr__(self):
        extra = self.extra_repr()
        extra_lines = extra.split('\n') if extra else []
        child_lines = []
        for key, module in self._modules.items():
            child_lines.append('(' + key + '): ' + _addindent(repr(module), 2))
        lines = extra_lines + child_lines
        text = self._get_name() + '('
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                text += extra_lines[0]
            else:
                text += '\n  ' + '\n  '.join(lines) + '\n'
        return text + ')'

    def __setstate__(self, state):
        # A model pickled by real PyTorch (torch.save(model)) has hook tables ours may lack, and the reverse.
        self.__dict__.update(state)
        for key in ('_forward_hooks', '_forward_pre_hooks', '_backward_hooks'):
            self.__dict__.setdefault(key, OrderedDict())
        self.__dict__.setdefault('_non_persistent_buffers_set', set())

    def __getstate__(self):
        # A copy (copy.deepcopy(model)) is a model of its own: it is reported when first called.
        state = self.__dict__.copy()
        state.pop('_bl_path', None)
        state.pop('_bl_scope', None)
        return state


def _observe(module):
    """First call of a module outside any seen model: report it as a new root model when it has parameters
    (a loss or activation module used on its own is not a model). Returns the module's new `_bl_path`, or None
    while lazy layers have no sizes yet."""
    _epoch[0] += 1
    if next(module.parameters(), None) is None:
        module.__dict__['_bl_path'] = False
        return False
    if any(isinstance(p, UninitializedTensorMixin) for p in module.parameters()):
        return None
    # Outputs left over from an earlier model (or an interrupted run) do not belong to this one.
    _pending_paths.clear()
    _pending_outputs.clear()
    _reset_counts()
    infos = []
    for path, sub in module.named_modules():
        sub.__dict__['_bl_path'] = path
        # Functional activations inside library modules (nn.LeakyReLU calls F.leaky_relu) are the module's
        # own output, reported already; only the learner's forward code is looked into.
        sub.__dict__['_bl_scope'] = None if type(sub).__module__.startswith('torch.') else path
        own = []
        for name, p in sub._parameters.items():
            if p is None:
                continue
            full = path + '.' + name if path else name
            shape = list(p.shape)
            own.append({'name': full, 'shape': shape, 'numel': p.numel()})
        children = [path + '.' + name if path else name for name, m in sub._modules.items() if m is not None]
        info = dict(path=path, type=type(sub).__name__, extra=sub.extra_repr(), params=own, children=children)
        line = sub.__dict__.get('_bl_line')
        if line is not None:
            info['line'] = line
        infos.append(info)
    names = []
    tensors = []
    for name, p in module.named_parameters():
        names.append(name)
        tensors.append(p._t)
    _model_seen(json.dumps({'modules': infos, 'params': names}), *tensors)
    return ''
