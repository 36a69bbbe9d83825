"""PyTorch 1.13's modules that hold names ours define elsewhere: `from torch.optim.sgd import SGD`,
`from torch.autograd.function import Function`, `import torch.random`, `from torch.nn.modules.dropout import
Dropout`. Each becomes an importable module holding those names, taken from where ours live, unless a file of
ours already is that module (torch/utils/data/dataset.py, torch/nn/modules/linear.py); any other name looked
up in one is a NotImplementedError naming it, as for the package's own modules."""

import importlib
import importlib.util
import sys
import types

from ._class_paths import PATHS
from ._unsupported import module_getattr

# (PyTorch's module, where ours are, names) beyond the classes of _class_paths.PATHS (each module's public
# names as PyTorch 1.13 has them; those we lack are left out and raise NotImplementedError when looked up).
MORE = (
    (
        'torch.random',
        'torch._random',
        ('manual_seed', 'seed', 'initial_seed', 'get_rng_state', 'set_rng_state', 'fork_rng'),
    ),
    (
        'torch.functional',
        'torch',
        'atleast_1d atleast_2d atleast_3d broadcast_shapes broadcast_tensors cartesian_prod block_diag cdist '
        'chain_matmul einsum norm meshgrid split stft tensordot unique unique_consecutive'.split(),
    ),
    (
        'torch.special',
        'torch',
        'erf erfinv exp2 expm1 log1p log_softmax logit logsumexp round sinc softmax xlogy'.split(),
    ),
    ('torch.autograd.function', 'torch.autograd', ('Function', 'FunctionCtx', 'once_differentiable')),
    ('torch.autograd.variable', 'torch.autograd', ('Variable',)),
    ('torch.autograd.gradcheck', 'torch.autograd', ('gradcheck', 'gradgradcheck')),
    ('torch.autograd.grad_mode', 'torch', ('no_grad', 'enable_grad', 'set_grad_enabled', 'inference_mode')),
    ('torch.nn.utils.clip_grad', 'torch.nn.utils', ('clip_grad_norm', 'clip_grad_norm_', 'clip_grad_value_')),
    ('torch.optim.adadelta', 'torch.optim', ('Adadelta',)),
    ('torch.optim.adamax', 'torch.optim', ('Adamax',)),
    ('torch.optim.nadam', 'torch.optim', ('NAdam',)),
    ('torch.optim.radam', 'torch.optim', ('RAdam',)),
    ('torch.optim.rprop', 'torch.optim', ('Rprop',)),
    ('torch.optim.asgd', 'torch.optim', ('ASGD',)),
    ('torch.optim.lbfgs', 'torch.optim', ('LBFGS',)),
)


def apply():
    wanted = {}
    for where, name, module in PATHS:
        wanted.setdefault(module, []).append((where, name))
    for module, where, names in MORE:
        wanted.setdefault(module, []).extend((where, name) for name in names)
    for module, names in wanted.items():
        if module == 'torch' or module.startswith('torch._') or _importable(module):
            continue
        alias = types.ModuleType(module, f'{module}: names Backprop Lens defines elsewhere, where PyTorch has them.')
        for where, name in names:
            try:
                value = getattr(importlib.import_module(where), name)
            except (AttributeError, ImportError, NotImplementedError):
                continue  # not supported: the module's __getattr__ says so when it is looked up
            setattr(alias, name, value)
            if isinstance(value, type) and value.__module__ == where:  # one of ours, printed as PyTorch's
                value.__module__ = module
        alias.__getattr__ = module_getattr(module)
        sys.modules[module] = alias
        parent, _, child = module.rpartition('.')
        if parent in sys.modules and child not in vars(sys.modules[parent]):
            setattr(sys.modules[parent], child, alias)


def _importable(module):
    if module in sys.modules:
        return True
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, NotImplementedError, ValueError):  # a parent that is no package, or PyTorch's but not ours
        return False
