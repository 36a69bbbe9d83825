"""torch.nn.utils.prune as PyTorch 1.13 has it (the "Pruning Tutorial"): pruning a parameter `name` moves it to
the parameter `name_orig`, adds the buffer `name_mask`, and a forward pre-hook (the pruning method itself)
sets the plain attribute `name = name_orig * name_mask` before each call. Pruning the same parameter again
combines the masks in a PruningContainer, computing the new mask on the entries still unpruned; remove()
makes the pruning permanent. Unstructured methods only (identity, random, L1, custom masks, global)."""

import numbers

from ..._grad_mode import no_grad
from ..._unsupported import module_getattr


class BasePruningMethod:
    """A pruning method: compute_mask(t, default_mask) in a subclass; the instance is the module's hook."""

    _tensor_name = None
    PRUNING_TYPE = None

    def __call__(self, module, inputs):
        setattr(module, self._tensor_name, self.apply_mask(module))

    def compute_mask(self, t, default_mask):
        raise NotImplementedError

    def apply_mask(self, module):
        orig = getattr(module, self._tensor_name + '_orig')
        mask = getattr(module, self._tensor_name + '_mask')
        return mask.to(dtype=orig.dtype) * orig

    @classmethod
    def apply(cls, module, name, *args, importance_scores=None, **kwargs):
        old_method, hook_keys = None, []
        for key, hook in module._forward_pre_hooks.items():
            if isinstance(hook, BasePruningMethod) and hook._tensor_name == name:
                old_method = hook
                hook_keys.append(key)
        orig = getattr(module, name)
        scores = orig if importance_scores is None else importance_scores
        if scores.shape != orig.shape:
            raise AssertionError(f'importance_scores should have the same shape as parameter {name} of {module}')
        method = cls(*args, **kwargs)
        method._tensor_name = name
        if old_method is not None:
            container = PruningContainer(old_method)
            container.add_pruning_method(method)
            method = container
            default_mask = getattr(module, name + '_mask').detach().clone()
        else:
            module.register_parameter(name + '_orig', orig)
            delattr(module, name)
            default_mask = _ones_like(orig)
        with no_grad():
            mask = method.compute_mask(scores.detach(), default_mask=default_mask)
        module.register_buffer(name + '_mask', mask)
        setattr(module, name, method.apply_mask(module))
        module.register_forward_pre_hook(method)
        for key in hook_keys:
            del module._forward_pre_hooks[key]
        return method

    def prune(self, t, default_mask=None, importance_scores=None):
        scores = t if importance_scores is None else importance_scores
        default_mask = _ones_like(t) if default_mask is None else default_mask
        return t * self.compute_mask(scores, default_mask=default_mask)

    def remove(self, module):
        """Makes the pruning permanent: `name` becomes a Parameter holding the pruned values again."""
        name = self._tensor_name
        weight = self.apply_mask(module)
        if hasattr(module, name):
            delattr(module, name)
        orig = module._parameters[name + '_orig']
        orig.data = weight.data
        delattr(module, name + '_orig')
        delattr(module, name + '_mask')
        setattr(module, name, orig)


class PruningContainer(BasePruningMethod):
    """Successive pruning of one parameter: each new method prunes among the entries left by the others."""

    def __init__(self, *args):
        self._pruning_methods = ()
        for method in args:
            self.add_pruning_method(method)

    def add_pruning_method(self, method):
        if not isinstance(method, BasePruningMethod) and method is not None:
            raise TypeError(f'{type(method)} is not a BasePruningMethod subclass')
        if method is not None and self._tensor_name is not None and self._tensor_name != method._tensor_name:
            raise ValueError(
                'Can only add pruning methods acting on the parameter named '
                f"'{self._tensor_name}' to PruningContainer {self}. Found '{method._tensor_name}'"
            )
        self._tensor_name = method._tensor_name
        self._pruning_methods += (method,)

    def __len__(self):
        return len(self._pruning_methods)

    def __iter__(self):
        return iter(self._pruning_methods)

    def __getitem__(self, idx):
        return self._pruning_methods[idx]

    def compute_mask(self, t, default_mask):
        method = self._pruning_methods[-1]
        if method.PRUNING_TYPE != 'unstructured':
            raise NotImplementedError(
                f'torch.nn.utils.prune: {method.PRUNING_TYPE} pruning is not supported by Backprop Lens; '
                'use l1_unstructured, random_unstructured or custom_from_mask'
            )
        new_mask = default_mask.clone()
        kept = default_mask == 1
        new_mask[kept] = method.compute_mask(t[kept], default_mask=default_mask[kept]).to(dtype=new_mask.dtype)
        return new_mask


class Identity(BasePruningMethod):
    PRUNING_TYPE = 'unstructured'

    def compute_mask(self, t, default_mask):
        return default_mask

    @classmethod
    def apply(cls, module, name):
        return super().apply(module, name)


class RandomUnstructured(BasePruningMethod):
    PRUNING_TYPE = 'unstructured'

    def __init__(self, amount):
        _validate_pruning_amount_init(amount)
        self.amount = amount

    def compute_mask(self, t, default_mask):
        return _mask_lowest(default_mask, lambda: _rand_like(t), self.amount, largest=True)

    @classmethod
    def apply(cls, module, name, amount):
        return super().apply(module, name, amount=amount)


class L1Unstructured(BasePruningMethod):
    PRUNING_TYPE = 'unstructured'

    def __init__(self, amount):
        _validate_pruning_amount_init(amount)
        self.amount = amount

    def compute_mask(self, t, default_mask):
        return _mask_lowest(default_mask, lambda: t.abs(), self.amount, largest=False)

    @classmethod
    def apply(cls, module, name, amount, importance_scores=None):
        return super().apply(module, name, amount=amount, importance_scores=importance_scores)


class CustomFromMask(BasePruningMethod):
    PRUNING_TYPE = 'global'

    def __init__(self, mask):
        self.mask = mask

    def compute_mask(self, t, default_mask):
        return default_mask * self.mask.to(dtype=default_mask.dtype)

    @classmethod
    def apply(cls, module, name, mask):
        return super().apply(module, name, mask=mask)


def _mask_lowest(default_mask, scores, amount, largest):
    """default_mask with the `amount` entries PyTorch's topk picks from `scores()` set to zero (scores are
    computed only when something is pruned: random pruning draws from the generator only then, as PyTorch)."""
    from ... import topk

    n = default_mask.numel()
    _validate_pruning_amount(amount, n)
    k = round(amount * n) if not isinstance(amount, numbers.Integral) else amount
    mask = default_mask.clone()
    if k != 0:
        mask.view(-1)[topk(scores().reshape(-1), k=k, largest=largest).indices] = 0
    return mask


def _validate_pruning_amount_init(amount):
    if not isinstance(amount, numbers.Real):
        raise TypeError(f'Invalid type for amount: {amount}. Must be int or float.')
    if (isinstance(amount, numbers.Integral) and amount < 0) or (
        not isinstance(amount, numbers.Integral) and (float(amount) > 1.0 or float(amount) < 0.0)
    ):
        raise ValueError(f'amount={amount} should either be a float in the range [0, 1] or a non-negative integer')


def _validate_pruning_amount(amount, tensor_size):
    if isinstance(amount, numbers.Integral) and amount > tensor_size:
        raise ValueError(f'amount={amount} should be smaller than the number of parameters to prune={tensor_size}')


def _ones_like(t):
    from ... import ones_like

    return ones_like(t)


def _rand_like(t):
    from ... import rand_like

    return rand_like(t)


def identity(module, name):
    Identity.apply(module, name)
    return module


def random_unstructured(module, name, amount):
    RandomUnstructured.apply(module, name, amount)
    return module


def l1_unstructured(module, name, amount, importance_scores=None):
    L1Unstructured.apply(module, name, amount=amount, importance_scores=importance_scores)
    return module


def custom_from_mask(module, name, mask):
    CustomFromMask.apply(module, name, mask)
    return module


def global_unstructured(parameters, pruning_method, importance_scores=None, **kwargs):
    """Prunes across all (module, name) pairs at once, as if their values were one vector."""
    from .. import utils

    parameters = list(parameters)
    importance_scores = importance_scores if importance_scores is not None else {}
    scores = utils.parameters_to_vector(
        [importance_scores.get((module, name), getattr(module, name)) for module, name in parameters]
    )
    default_mask = utils.parameters_to_vector(
        [getattr(module, name + '_mask', _ones_like(getattr(module, name))) for module, name in parameters]
    )
    container = PruningContainer()
    container._tensor_name = 'temp'
    method = pruning_method(**kwargs)
    method._tensor_name = 'temp'
    if method.PRUNING_TYPE != 'unstructured':
        raise TypeError(
            f'Only "unstructured" PRUNING_TYPE supported for the `pruning_method`. Found method {pruning_method} '
            f'of type {method.PRUNING_TYPE}'
        )
    container.add_pruning_method(method)
    with no_grad():
        final_mask = container.compute_mask(scores.detach(), default_mask)
    pointer = 0
    for module, name in parameters:
        param = getattr(module, name)
        n = param.numel()
        custom_from_mask(module, name, mask=final_mask[pointer : pointer + n].view_as(param))
        pointer += n


def remove(module, name):
    for key, hook in module._forward_pre_hooks.items():
        if isinstance(hook, BasePruningMethod) and hook._tensor_name == name:
            hook.remove(module)
            del module._forward_pre_hooks[key]
            return module
    raise ValueError(f"Parameter '{name}' of module {module} has to be pruned before pruning can be removed")


def is_pruned(module):
    for _, submodule in module.named_modules():
        for hook in submodule._forward_pre_hooks.values():
            if isinstance(hook, BasePruningMethod):
                return True
    return False


__getattr__ = module_getattr('torch.nn.utils.prune')
