"""PyTorch 1.13's `_LRScheduler` base logic in Python, for a learner's own scheduler: a subclass of
`optim.lr_scheduler._LRScheduler` that writes its own `get_lr()` (UvA's CosineWarmupScheduler reads
`self.base_lrs` and `self.last_epoch`). The engine's schedulers (StepLR, ...) never come here. State lives in
the instance's `__dict__` as in PyTorch, so `state_dict()` lists the same keys in the same order."""

import functools
import warnings
import weakref

_OVERRIDDEN_WARNING = (
    "Seems like `optimizer.step()` has been overridden after learning rate scheduler "
    "initialization. Please, make sure to call `optimizer.step()` before "
    "`lr_scheduler.step()`. See more details at "
    "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate"
)


def _with_counter(method):
    """optimizer.step wrapped to count its calls (PyTorch's own wrapper: the order warning reads the count)."""
    if getattr(method, '_with_counter', False):
        return method
    instance_ref = weakref.ref(method.__self__)
    func = method.__func__
    cls = instance_ref().__class__
    del method

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        instance = instance_ref()
        instance._step_count += 1
        return func.__get__(instance, cls)(*args, **kwargs)

    wrapper._with_counter = True
    return wrapper


def init(self, optimizer, last_epoch=-1, verbose=False):
    from .optimizer import Optimizer

    if not isinstance(optimizer, Optimizer):
        raise TypeError(f'{type(optimizer).__name__} is not an Optimizer')
    self.optimizer = optimizer
    if last_epoch == -1:
        for group in optimizer.param_groups:
            group.setdefault('initial_lr', group['lr'])
    else:
        for i, group in enumerate(optimizer.param_groups):
            if 'initial_lr' not in group:
                raise KeyError(f"param 'initial_lr' is not specified in param_groups[{i}] when resuming an optimizer")
    d = self.__dict__
    d['base_lrs'] = [group['initial_lr'] for group in optimizer.param_groups]
    d['last_epoch'] = last_epoch
    optimizer.step = _with_counter(optimizer.step)
    self.verbose = verbose
    # PyTorch 1.13's _initial_step(), which is why verbose comes before _step_count in state_dict().
    optimizer._step_count = 0
    self._step_count = 0
    self.step()


def step(self, epoch, order_warning, epoch_warning):
    d = self.__dict__
    if self._step_count == 1:
        if not hasattr(self.optimizer.step, '_with_counter'):
            warnings.warn(_OVERRIDDEN_WARNING, UserWarning)
        elif self.optimizer._step_count < 1:
            warnings.warn(order_warning, UserWarning)
    self._step_count += 1
    self._get_lr_called_within_step = True
    try:
        if epoch is None:
            d['last_epoch'] += 1
            values = self.get_lr()
        else:
            warnings.warn(epoch_warning, UserWarning)
            d['last_epoch'] = epoch
            values = self._get_closed_form_lr() if hasattr(self, '_get_closed_form_lr') else self.get_lr()
    finally:
        self._get_lr_called_within_step = False
    for i, (param_group, lr) in enumerate(zip(self.optimizer.param_groups, values)):
        param_group['lr'] = lr
        self.print_lr(self.verbose, i, lr, epoch)
    self._last_lr = [group['lr'] for group in self.optimizer.param_groups]


def attribute(self, name):
    """self.<name> kept in __dict__ (the class's property reads it); an AttributeError where PyTorch has none
    (ChainedScheduler has no last_epoch, so getattr(sched, 'last_epoch', '-') gives '-')."""
    try:
        return self.__dict__[name]
    except KeyError:
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'") from None


def state_dict(self):
    return {key: value for key, value in self.__dict__.items() if key != 'optimizer'}
