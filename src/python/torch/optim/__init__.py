"""torch.optim: SGD, Adam, AdamW, RMSprop, Adagrad, Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD, LBFGS (the
engine's implementations) and lr_scheduler."""

from .optimizer import Optimizer, required
from .._engine import E as _E
from .._grad_mode import enable_grad as _enable_grad
from .._unsupported import module_getattr as _module_getattr


def _engine_optimizer(name, signature, **methods):
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

    body = {'__init__': __init__, '_engine_name': name, '__module__': 'torch.optim', **methods}
    return type(name, (Optimizer,), body)


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
        'fused': False,
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
    },
)
Adadelta = _engine_optimizer(
    'Adadelta',
    {'lr': 1.0, 'rho': 0.9, 'eps': 1e-06, 'weight_decay': 0, 'foreach': None, 'maximize': False},
)
Adamax = _engine_optimizer(
    'Adamax',
    {'lr': 0.002, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0, 'foreach': None, 'maximize': False},
)
NAdam = _engine_optimizer(
    'NAdam',
    {'lr': 0.002, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0, 'momentum_decay': 0.004, 'foreach': None},
)
RAdam = _engine_optimizer(
    'RAdam',
    {'lr': 0.001, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0, 'foreach': None},
)
Rprop = _engine_optimizer(
    'Rprop',
    {'lr': 0.01, 'etas': (0.5, 1.2), 'step_sizes': (1e-06, 50), 'foreach': None, 'maximize': False},
)
ASGD = _engine_optimizer(
    'ASGD',
    {
        'lr': 0.01,
        'lambd': 0.0001,
        'alpha': 0.75,
        't0': 1000000.0,
        'weight_decay': 0,
        'foreach': None,
        'maximize': False,
    },
)


def _lbfgs_step(self, closure):
    """PyTorch's LBFGS.step(closure): the engine calls `closure` (with grad enabled) as often as its
    iterations need; the first call's result is what step returns, as in PyTorch."""
    first = []

    def evaluate():
        with _enable_grad():
            loss = closure()
        if not first:
            first.append(loss)
        return float(loss)

    _E.optimizer_step_closure(self._o, evaluate)
    return first[0] if first else None


_lbfgs_step.__qualname__ = 'LBFGS.step'  # so a call without a closure names it as PyTorch does

LBFGS = _engine_optimizer(
    'LBFGS',
    {
        'lr': 1,
        'max_iter': 20,
        'max_eval': None,
        'tolerance_grad': 1e-07,
        'tolerance_change': 1e-09,
        'history_size': 100,
        'line_search_fn': None,
    },
    step=_lbfgs_step,
)

from . import lr_scheduler  # noqa: E402,F401
from . import swa_utils  # noqa: E402,F401

__getattr__ = _module_getattr('torch.optim')
