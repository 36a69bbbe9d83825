"""torch.optim: SGD, Adam, AdamW, RMSprop, Adagrad (the engine's implementations) and lr_scheduler."""

from .optimizer import Optimizer, required
from .._unsupported import module_getattr as _module_getattr


def _engine_optimizer(name, signature):
    """An Optimizer subclass named `name` whose constructor takes PyTorch's keyword arguments."""

    def __init__(self, params, *args, **kwargs):
        names = list(signature)
        if len(args) > len(names):
            raise TypeError(f"{name}() takes at most {len(names) + 1} positional arguments")
        options = dict(signature)
        for key, value in zip(names, args):
            options[key] = value
        for key, value in kwargs.items():
            if key not in options:
                raise TypeError(f"{name}.__init__() got an unexpected keyword argument '{key}'")
            options[key] = value
        Optimizer.__init__(self, params, options)

    return type(name, (Optimizer,), {'__init__': __init__, '_engine_name': name, '__module__': 'torch.optim'})


SGD = _engine_optimizer(
    'SGD',
    {
        'lr': required,
        'momentum': 0,
        'dampening': 0,
        'weight_decay': 0,
        'nesterov': False,
        'maximize': False,
        'foreach': None,
        'differentiable': False,
    },
)
Adam = _engine_optimizer(
    'Adam',
    {
        'lr': 0.001,
        'betas': (0.9, 0.999),
        'eps': 1e-08,
        'weight_decay': 0,
        'amsgrad': False,
        'foreach': None,
        'maximize': False,
        'capturable': False,
        'differentiable': False,
        'fused': None,
    },
)
AdamW = _engine_optimizer(
    'AdamW',
    {
        'lr': 0.001,
        'betas': (0.9, 0.999),
        'eps': 1e-08,
        'weight_decay': 0.01,
        'amsgrad': False,
        'maximize': False,
        'foreach': None,
        'capturable': False,
        'differentiable': False,
        'fused': None,
    },
)
RMSprop = _engine_optimizer(
    'RMSprop',
    {
        'lr': 0.01,
        'alpha': 0.99,
        'eps': 1e-08,
        'weight_decay': 0,
        'momentum': 0,
        'centered': False,
        'foreach': None,
        'maximize': False,
        'differentiable': False,
    },
)
Adagrad = _engine_optimizer(
    'Adagrad',
    {
        'lr': 0.01,
        'lr_decay': 0,
        'weight_decay': 0,
        'initial_accumulator_value': 0,
        'eps': 1e-10,
        'foreach': None,
        'maximize': False,
        'differentiable': False,
    },
)

from . import lr_scheduler  # noqa: E402,F401

__getattr__ = _module_getattr('torch.optim')
