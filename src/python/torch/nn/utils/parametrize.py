"""torch.nn.utils.parametrize: a tensor of a module computed from an unconstrained original on each access.

As PyTorch 1.13 does it: the module's class is swapped for a generated subclass `Parametrized<Class>` holding
a property per parametrized name; the original lives in `module.parametrizations[name].original` (a
ParametrizationList inside a ModuleDict), so parameters() and state_dict() show it under that path.
"""

from collections.abc import Sequence
from contextlib import contextmanager

from ..._grad_mode import no_grad
from ..._tensor import Tensor
from ..modules.container import ModuleDict, ModuleList
from ..modules.module import Module
from ..parameter import Parameter

_cache_enabled = 0
_cache = {}


@contextmanager
def cached():
    """Within it each parametrized tensor is computed once, at its first access, then reused."""
    global _cache_enabled, _cache
    _cache_enabled += 1
    try:
        yield
    finally:
        _cache_enabled -= 1
        if not _cache_enabled:
            _cache = {}


def _register_parameter_or_buffer(module, name, X):
    if isinstance(X, Parameter):
        module.register_parameter(name, X)
    else:
        module.register_buffer(name, X)


class ParametrizationList(ModuleList):
    """The parametrizations of one tensor, applied in order, with the original tensor(s) they start from."""

    def __init__(self, modules, original, unsafe=False):
        if len(modules) == 0:
            raise ValueError('ParametrizationList requires one or more modules.')
        super().__init__(modules)
        self.unsafe = unsafe
        original_shape, original_dtype = original.shape, original.dtype
        # The stored original is right_inverse of the current value, so the parametrized tensor starts there.
        with no_grad():
            new = original
            for module in reversed(self):
                if hasattr(module, 'right_inverse'):
                    try:
                        new = module.right_inverse(new)
                    except NotImplementedError:
                        pass
        if not isinstance(new, Tensor) and not isinstance(new, Sequence):
            raise ValueError(
                "'right_inverse' must return a Tensor or a Sequence of tensors (list, tuple...). "
                f'Got {type(new).__name__}'
            )
        self.is_tensor = isinstance(new, Tensor)
        self.ntensors = 1 if self.is_tensor else len(new)
        if self.is_tensor:
            if original.dtype != new.dtype:
                raise ValueError(
                    'When `right_inverse` outputs one tensor, it may not change the dtype.\n'
                    f'original.dtype: {original.dtype}\nright_inverse(original).dtype: {new.dtype}'
                )
            # PyTorch's original.set_(new): the same Parameter object, now holding right_inverse's value.
            with no_grad():
                original.data = new
            _register_parameter_or_buffer(self, 'original', original)
        else:
            for i, originali in enumerate(new):
                if not isinstance(originali, Tensor):
                    raise ValueError(
                        "'right_inverse' must return a Tensor or a Sequence of tensors (list, tuple...). "
                        f'Got element {i} of the sequence with type {type(originali).__name__}.'
                    )
                if not isinstance(originali, Parameter):
                    originali = Parameter(originali, original.requires_grad)
                originali.requires_grad_(original.requires_grad)
                _register_parameter_or_buffer(self, f'original{i}', originali)
        if not self.unsafe:
            Z = self()
            if not isinstance(Z, Tensor):
                raise ValueError(f'A parametrization must return a tensor. Got {type(Z).__name__}.')
            if Z.dtype != original_dtype:
                raise ValueError(
                    'Registering a parametrization may not change the dtype of the tensor, unless `unsafe` '
                    f'flag is enabled.\nunparametrized dtype: {original_dtype}\nparametrized dtype: {Z.dtype}'
                )
            if Z.shape != original_shape:
                raise ValueError(
                    'Registering a parametrization may not change the shape of the tensor, unless `unsafe` '
                    f'flag is enabled.\nunparametrized shape: {original_shape}\nparametrized shape: {Z.shape}'
                )

    def right_inverse(self, value):
        """Assigning `module.name = value` stores right_inverse(value) through every parametrization."""
        with no_grad():
            for module in reversed(self):
                if hasattr(module, 'right_inverse'):
                    value = module.right_inverse(value)
                else:
                    raise RuntimeError(f'parametrization {type(module).__name__} does not implement right_inverse.')
            if self.is_tensor:
                if not isinstance(value, Tensor):
                    raise ValueError(f'`right_inverse` should return a tensor. Got {type(value).__name__}')
                if value.dtype != self.original.dtype:
                    raise ValueError(
                        f'The tensor returned by `right_inverse` has dtype {value.dtype} while `original` has '
                        f'dtype {self.original.dtype}'
                    )
                self.original.data = value
            else:
                if not isinstance(value, Sequence):
                    raise ValueError(f"'right_inverse' must return a sequence of tensors. Got {type(value).__name__}.")
                if len(value) != self.ntensors:
                    raise ValueError(
                        "'right_inverse' must return a sequence of tensors of length "
                        f'{self.ntensors}. Got a sequence of length {len(value)}.'
                    )
                for i, tensor in enumerate(value):
                    getattr(self, f'original{i}').data = tensor

    def forward(self):
        if self.is_tensor:
            x = self[0](self.original)
        else:
            x = self[0](*(getattr(self, f'original{i}') for i in range(self.ntensors)))
        for module in list(self)[1:]:
            x = module(x)
        return x


def _inject_new_class(module):
    cls = module.__class__

    def getstate(self):
        raise RuntimeError(
            'Serialization of parametrized modules is only supported through state_dict(). See:\n'
            'https://pytorch.org/tutorials/beginner/saving_loading_models.html'
            '#saving-loading-a-general-checkpoint-for-inference-and-or-resuming-training'
        )

    module.__class__ = type(f'Parametrized{cls.__name__}', (cls,), {'__getstate__': getstate})


def _inject_property(module, tensor_name):
    def get_parametrized(self):
        parametrization = self.parametrizations[tensor_name]
        if not _cache_enabled:
            return parametrization()
        key = (id(module), tensor_name)
        tensor = _cache.get(key)
        if tensor is None:
            tensor = _cache[key] = parametrization()
        return tensor

    def set_original(self, value):
        self.parametrizations[tensor_name].right_inverse(value)

    setattr(module.__class__, tensor_name, property(get_parametrized, set_original))


def register_parametrization(module, tensor_name, parametrization, *, unsafe=False):
    parametrization.train(module.training)
    if is_parametrized(module, tensor_name):
        if not unsafe:
            Y = getattr(module, tensor_name)
            X = parametrization(Y)
            if not isinstance(X, Tensor):
                raise ValueError(f'A parametrization must return a tensor. Got {type(X).__name__}.')
            if X.dtype != Y.dtype or X.shape != Y.shape:
                raise ValueError(
                    'Registering a parametrization may not change the dtype or shape of the tensor, unless the '
                    f'`unsafe` flag is enabled.\nmodule.{tensor_name}.dtype: {Y.dtype}\nmodule.{tensor_name}.shape: '
                    f'{Y.shape}\nparametrization(module.{tensor_name}).dtype: {X.dtype}\n'
                    f'parametrization(module.{tensor_name}).shape: {X.shape}'
                )
        module.parametrizations[tensor_name].append(parametrization)
        module.parametrizations[tensor_name].unsafe |= unsafe
    elif tensor_name in module._buffers or tensor_name in module._parameters:
        original = getattr(module, tensor_name)
        parametrizations = ParametrizationList([parametrization], original, unsafe=unsafe)
        delattr(module, tensor_name)
        if not is_parametrized(module):
            _inject_new_class(module)
            module.parametrizations = ModuleDict()
        _inject_property(module, tensor_name)
        module.parametrizations[tensor_name] = parametrizations
    else:
        raise ValueError(
            f"Module '{module}' does not have a parameter, a buffer, or a parametrized element with name "
            f"'{tensor_name}'"
        )
    return module


def is_parametrized(module, tensor_name=None):
    parametrizations = getattr(module, 'parametrizations', None)
    if parametrizations is None or not isinstance(parametrizations, ModuleDict):
        return False
    if tensor_name is None:
        return len(parametrizations) > 0
    return tensor_name in parametrizations


def remove_parametrizations(module, tensor_name, leave_parametrized=True):
    if not is_parametrized(module, tensor_name):
        raise ValueError(f'Module {module} does not have a parametrization on {tensor_name}')
    parametrizations = module.parametrizations[tensor_name]
    if parametrizations.is_tensor:
        original = parametrizations.original
        if leave_parametrized:
            with no_grad():
                original.data = getattr(module, tensor_name)
    elif leave_parametrized:
        t = getattr(module, tensor_name)
        original = Parameter(t.detach(), t.requires_grad) if t.requires_grad else t.detach()
    else:
        raise ValueError(
            'Cannot leave unparametrized (`leave_parametrized=False`) a tensor that is parametrized in terms of '
            'a sequence of tensors.'
        )
    delattr(module.__class__, tensor_name)
    del module.parametrizations[tensor_name]
    _register_parameter_or_buffer(module, tensor_name, original)
    if not is_parametrized(module):
        delattr(module, 'parametrizations')
        module.__class__ = module.__class__.__bases__[0]
    return module


def type_before_parametrizations(module):
    """The module's class as it was before any parametrization was registered."""
    return module.__class__.__bases__[0] if is_parametrized(module) else type(module)


__all__ = [
    'cached',
    'ParametrizationList',
    'register_parametrization',
    'is_parametrized',
    'remove_parametrizations',
    'type_before_parametrizations',
]
