"""Containers: Sequential, ModuleList, ModuleDict, ParameterList; plus Flatten/Unflatten and Dropout."""

from collections import OrderedDict
import operator
import weakref

from ..._engine import E

from ..._tensor import Tensor, wrap
from .. import functional as F
from . import module as _module
from .activation import ReLU, Sigmoid, Tanh
from .linear import Linear
from .module import Module

_sequential_forward = E.sequential_forward
_isinstance = isinstance
# Children a root Sequential can run in one engine call (bridge/sequential.ts `sequential_forward`): exact classes only,
# so a user subclass with its own forward always goes through Python.
_FUSED_CODES = {Tanh: 'T', Sigmoid: 'S', ReLU: 'R'}
# Sequential -> (epoch, children, codes, paths, engine tensors): kept outside the module so copies and
# pickles of a model never carry another model's plan.
_plans = weakref.WeakKeyDictionary()


class _NumberedModules(Module):
    """What Sequential and ModuleList share: children keyed '0'..'n-1', renumbered after every change (as PyTorch)."""

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def extend(self, modules):
        for m in modules:
            self.append(m)
        return self

    def insert(self, index, module):
        modules = list(self._modules.values())
        modules.insert(index, module)
        self._renumber(modules)

    def _renumber(self, modules):
        """Replaces the children by `modules`, keyed 0..n-1."""
        for key in list(self._modules.keys()):
            delattr(self, key)
        for i, m in enumerate(modules):
            self.add_module(str(i), m)


class Sequential(_NumberedModules):
    def __call__(self, *args, **kwargs):
        # A plan made by an earlier call (below) holds while no module changed since (_module._epoch) and the
        # children are the same objects; the engine tensors of Parameters never change identity.
        plan = _plans.get(self) if self.__class__ is Sequential else None
        if (
            plan is not None
            and plan[0] == _module._epoch[0]
            and len(args) == 1
            and not kwargs
            and not _module._pending_paths
            and _isinstance(args[0], Tensor)
            and plan[1] == tuple(self._modules.values())
        ):
            return wrap(_sequential_forward(plan[2], plan[3], args[0]._t, *plan[4]))
        # Fast path for the common model: a root Sequential of Linear/Tanh/Sigmoid/ReLU without hooks. Each
        # Python -> JS crossing costs microseconds, so running the children in one engine call (which reports
        # every child's output and then the root's, as Module.__call__ would) makes a small model's training
        # step much cheaper. Anything else (hooks, kwargs, other children, not yet observed, nested) falls
        # back to Module.__call__.
        if (
            self._bl_path == ''
            and len(args) == 1
            and not kwargs
            and self.__class__ is Sequential
            and not self._forward_hooks
            and not self._forward_pre_hooks
            and not self._backward_hooks
            and not _module._pending_paths
        ):
            x = args[0]
            if _isinstance(x, Tensor):
                codes = []
                paths = []
                tensors = [x._t]
                for m in self._modules.values():
                    if m is None:
                        break
                    cls = m.__class__
                    path = m._bl_path
                    if (
                        m._forward_hooks
                        or m._forward_pre_hooks
                        or m._backward_hooks
                        or path.__class__ is not str
                        or 'forward' in m.__dict__
                    ):
                        break
                    if cls is Linear:
                        b = m.bias
                        tensors.append(m.weight._t)
                        if b is None:
                            codes.append('l')
                        else:
                            codes.append('L')
                            tensors.append(b._t)
                    else:
                        code = _FUSED_CODES.get(cls)
                        if code is None or (code == 'R' and m.inplace):
                            break
                        codes.append(code)
                    paths.append(path)
                else:
                    if codes:
                        codes = ''.join(codes)
                        paths = '\n'.join(paths)
                        _plans[self] = (_module._epoch[0], tuple(self._modules.values()), codes, paths, tensors[1:])
                        return wrap(_sequential_forward(codes, paths, *tensors))
        return Module.__call__(self, *args, **kwargs)

    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for key, module in args[0].items():
                self.add_module(key, module)
        else:
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

    def forward(self, input):
        for module in self._modules.values():
            input = module(input)
        return input

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return self.__class__(OrderedDict(list(self._modules.items())[idx]))
        return list(self._modules.values())[_index(idx, len(self))]

    def __setitem__(self, idx, module):
        key = list(self._modules.keys())[_index(idx, len(self))]
        setattr(self, key, module)

    def __delitem__(self, idx):
        if isinstance(idx, slice):
            for key in list(self._modules.keys())[idx]:
                delattr(self, key)
        else:
            delattr(self, list(self._modules.keys())[_index(idx, len(self))])
        self._renumber(list(self._modules.values()))

    def insert(self, index, module):
        super().insert(index, module)
        return self

    def __add__(self, other):
        out = Sequential()
        for m in list(self) + list(other):
            out.append(m)
        return out


def _index(idx, n):
    idx = operator.index(idx)
    if not -n <= idx < n:
        raise IndexError(f'index {idx} is out of range')
    return idx % n


class ModuleList(_NumberedModules):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return self.__class__(list(self._modules.values())[idx])
        return self._modules[str(_index(idx, len(self)))]

    def __setitem__(self, idx, module):
        self.add_module(str(_index(idx, len(self))), module)

    def __delitem__(self, idx):
        modules = list(self._modules.values())
        del modules[idx]
        self._renumber(modules)

    def __iadd__(self, modules):
        return self.extend(modules)

    def forward(self, *args):
        raise NotImplementedError('ModuleList is not callable: iterate over it and call each module')


class ModuleDict(Module):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.update(modules)

    def __getitem__(self, key):
        return self._modules[key]

    def __setitem__(self, key, module):
        self.add_module(key, module)

    def __delitem__(self, key):
        delattr(self, key)

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules)

    def __contains__(self, key):
        return key in self._modules

    def keys(self):
        return self._modules.keys()

    def items(self):
        return self._modules.items()

    def values(self):
        return self._modules.values()

    def update(self, modules):
        items = modules.items() if hasattr(modules, 'items') else modules
        for key, module in items:
            self[key] = module

    def pop(self, key):
        module = self._modules[key]
        del self[key]
        return module


class ParameterList(Module):
    def __init__(self, values=None):
        super().__init__()
        if values is not None:
            for v in values:
                self.append(v)

    def __len__(self):
        return len(self._parameters)

    def __iter__(self):
        return iter(self._parameters.values())

    def __getitem__(self, idx):
        return self._parameters[str(_index(idx, len(self)))]

    def append(self, value):
        from ..parameter import Parameter

        if not isinstance(value, Parameter):
            value = Parameter(value)
        self.register_parameter(str(len(self)), value)
        return self

    def extend(self, values):
        for v in values:
            self.append(v)
        return self

    def extra_repr(self):
        # PyTorch 1.13 names the dtype here (torch.float32) but the tensor type in ParameterDict.
        return _parameter_lines(self._parameters.items(), lambda p: p.dtype)


class ParameterDict(Module):
    def __init__(self, parameters=None):
        super().__init__()
        if parameters is not None:
            items = parameters.items() if hasattr(parameters, 'items') else parameters
            for k, v in items:
                self[k] = v

    def __getitem__(self, key):
        return self._parameters[key]

    def __setitem__(self, key, value):
        from ..parameter import Parameter

        self.register_parameter(key, value if isinstance(value, Parameter) else Parameter(value))

    def __len__(self):
        return len(self._parameters)

    def __iter__(self):
        return iter(self._parameters)

    def keys(self):
        return self._parameters.keys()

    def items(self):
        return self._parameters.items()

    def values(self):
        return self._parameters.values()

    def extra_repr(self):
        return _parameter_lines(self._parameters.items(), lambda p: p.type())


def _parameter_lines(items, type_name):
    size = lambda p: 'x'.join(str(s) for s in p.size())  # noqa: E731
    return '\n'.join(f'  ({k}): Parameter containing: [{type_name(p)} of size {size(p)}]' for k, p in items)


class Flatten(Module):
    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        return input.flatten(self.start_dim, self.end_dim)

    def extra_repr(self):
        return f'start_dim={self.start_dim}, end_dim={self.end_dim}'


class Unflatten(Module):
    def __init__(self, dim, unflattened_size):
        super().__init__()
        self.dim = dim
        self.unflattened_size = unflattened_size

    def forward(self, input):
        return input.unflatten(self.dim, self.unflattened_size)

    def extra_repr(self):
        return f'dim={self.dim}, unflattened_size={self.unflattened_size}'


class _DropoutNd(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def extra_repr(self):
        return f'p={self.p}, inplace={self.inplace}'


class Dropout(_DropoutNd):
    def forward(self, input):
        return F.dropout(input, self.p, self.training, self.inplace)


class Dropout1d(_DropoutNd):
    def forward(self, input):
        return F.dropout1d(input, self.p, self.training, self.inplace)


class Dropout2d(_DropoutNd):
    def forward(self, input):
        return F.dropout2d(input, self.p, self.training, self.inplace)


class Dropout3d(_DropoutNd):
    def forward(self, input):
        return F.dropout3d(input, self.p, self.training, self.inplace)


class AlphaDropout(_DropoutNd):
    def forward(self, input):
        return F.alpha_dropout(input, self.p, self.training)
