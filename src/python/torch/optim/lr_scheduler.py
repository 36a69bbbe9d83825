"""torch.optim.lr_scheduler: thin handles on the engine's schedulers (which write the lr into the
optimizer's groups, exactly as PyTorch 1.13 computes it)."""

import sys
import warnings
from bisect import bisect_right
from collections import Counter

from pyodide.ffi import create_proxy

from .._engine import E

from .._unsupported import module_getattr, unsupported
from . import _python_scheduler as _py

# PyTorch 1.13's warnings, word for word (it reports them at its own line, as these do).
_ORDER_WARNING = (
    "Detected call of `lr_scheduler.step()` before `optimizer.step()`. "
    "In PyTorch 1.1.0 and later, you should call them in the opposite order: "
    "`optimizer.step()` before `lr_scheduler.step()`.  Failure to do this "
    "will result in PyTorch skipping the first value of the learning rate schedule. "
    "See more details at "
    "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate"
)
EPOCH_DEPRECATION_WARNING = (
    "The epoch parameter in `scheduler.step()` was not necessary and is being "
    "deprecated where possible. Please use `scheduler.step()` to step the "
    "scheduler. During the deprecation, if epoch is different from None, the "
    "closed form is used instead of the new chainable form, where available. "
    "Please open an issue if you are unable to replicate your use case: "
    "https://github.com/pytorch/pytorch/issues/new/choose."
)
_GET_LR_WARNING = "To get the last learning rate computed by the scheduler, please use `get_last_lr()`."


def _engine_of(optimizer):
    o = getattr(optimizer, '_o', None)
    if o is None:
        raise unsupported('lr schedulers on a custom (Python) optimizer')
    return o


class _LRScheduler:
    # Keys that PyTorch's state_dict() lists first, in its order, where the engine's fields come otherwise.
    _state_order = ()
    # The engine's schedulers name themselves; a learner's subclass with its own get_lr() leaves this None
    # and runs PyTorch's base logic in Python (_python_scheduler.py).
    _engine_name = None

    def __init__(self, optimizer, *args, **kwargs):
        if self._engine_name is None:
            _py.init(self, optimizer, *args, **kwargs)
            return
        if kwargs:
            raise TypeError(f"__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        self.optimizer = optimizer
        # The subclass constructor's numbers as given: JavaScript returns 1.0 as 1, state_dict() shows 1.0.
        given = sys._getframe(1).f_locals
        self._py_args = {
            k: v for k, v in given.items() if type(v) in (int, float) and k not in ('self', 'optimizer', '__class__')
        }
        self._s = E.new_scheduler(type(self)._engine_name, _engine_of(optimizer), *args)

    def step(self, epoch=None):
        if '_s' not in self.__dict__:
            return _py.step(self, epoch, _ORDER_WARNING, EPOCH_DEPRECATION_WARNING)
        # PyTorch warns on the first step after the constructor's when the optimizer has not stepped yet.
        if int(self._s._step_count) == 1 and int(_engine_of(self.optimizer)._step_count) < 1:
            warnings.warn(_ORDER_WARNING, UserWarning)
        if epoch is not None:
            warnings.warn(EPOCH_DEPRECATION_WARNING, UserWarning)
        E.scheduler_step(self._s, epoch)

    def _initial_step(self):
        E.scheduler_initial_step(self._s)

    def get_last_lr(self):
        if '_s' not in self.__dict__:
            return self._last_lr
        return [float(v) for v in self._s.get_last_lr()]

    def get_lr(self):
        if '_s' not in self.__dict__:
            raise NotImplementedError
        warnings.warn(_GET_LR_WARNING, UserWarning)
        return [float(v) for v in self._s.get_lr()]

    # A learner's scheduler keeps these in its __dict__ (PyTorch's attributes); the engine's in the engine.
    @property
    def last_epoch(self):
        if '_s' not in self.__dict__:
            return _py.attribute(self, 'last_epoch')
        return int(self._s.last_epoch)

    @last_epoch.setter
    def last_epoch(self, value):
        if '_s' not in self.__dict__:
            self.__dict__['last_epoch'] = value
            return
        self._s.last_epoch = value

    @property
    def base_lrs(self):
        if '_s' not in self.__dict__:
            return _py.attribute(self, 'base_lrs')
        return [float(v) for v in self._s.base_lrs]

    @base_lrs.setter
    def base_lrs(self, value):
        if '_s' not in self.__dict__:
            self.__dict__['base_lrs'] = value
            return
        raise AttributeError("can't set attribute 'base_lrs' of an engine scheduler")

    def state_dict(self):
        if '_s' not in self.__dict__:
            return _py.state_dict(self)
        state = E.scheduler_state(self._s).to_py()
        given = getattr(self, '_py_args', {})
        for key, value in state.items():
            if key in given and given[key] == value:
                state[key] = given[key]
        first = {k: state[k] for k in self._state_order if k in state}
        return {**first, **{k: v for k, v in state.items() if k not in first}}

    def __getattr__(self, name):
        # An engine scheduler's other attributes (StepLR's step_size and gamma, MultiStepLR's milestones,
        # _step_count, ...) are what its state_dict() holds, as PyTorch's state_dict() is its __dict__.
        if name.startswith('__') or '_s' not in self.__dict__:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        state = self.state_dict()
        if name in state:
            return state[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def load_state_dict(self, state_dict):
        if '_s' not in self.__dict__:
            self.__dict__.update(state_dict)
            return
        E.scheduler_load(self._s, state_dict)

    def print_lr(self, is_verbose, group, lr, epoch=None):
        if is_verbose:
            if epoch is None:
                print('Adjusting learning rate of group {} to {:.4e}.'.format(group, lr))
            else:
                epoch_str = ("%.2f" if isinstance(epoch, float) else "%.5d") % epoch
                print('Epoch {}: adjusting learning rate of group {} to {:.4e}.'.format(epoch_str, group, lr))


LRScheduler = _LRScheduler


class StepLR(_LRScheduler):
    _engine_name = 'StepLR'

    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1, verbose=False):
        super().__init__(optimizer, step_size, gamma, last_epoch, verbose)


class MultiStepLR(_LRScheduler):
    _engine_name = 'MultiStepLR'
    _state_order = ('milestones', 'gamma')

    def state_dict(self):
        state = super().state_dict()
        state['milestones'] = Counter(state['milestones'])
        return state

    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1, verbose=False):
        super().__init__(optimizer, list(milestones), gamma, last_epoch, verbose)


class ExponentialLR(_LRScheduler):
    _engine_name = 'ExponentialLR'

    def __init__(self, optimizer, gamma, last_epoch=-1, verbose=False):
        super().__init__(optimizer, gamma, last_epoch, verbose)


class CosineAnnealingLR(_LRScheduler):
    _engine_name = 'CosineAnnealingLR'

    def __init__(self, optimizer, T_max, eta_min=0, last_epoch=-1, verbose=False):
        super().__init__(optimizer, T_max, eta_min, last_epoch, verbose)


class LambdaLR(_LRScheduler):
    _engine_name = 'LambdaLR'

    def __init__(self, optimizer, lr_lambda, last_epoch=-1, verbose=False):
        # The learner's functions, one a group, as PyTorch keeps them (the engine calls the proxies below).
        many = isinstance(lr_lambda, (list, tuple))
        self.lr_lambdas = list(lr_lambda) if many else [lr_lambda] * len(optimizer.param_groups)
        # The engine calls the Python function(s) at each step: keep the proxies alive as long as we are.
        if many:
            self._proxies = [create_proxy(_float_result(f)) for f in lr_lambda]
            arg = self._proxies
        else:
            self._proxies = [create_proxy(_float_result(lr_lambda))]
            arg = self._proxies[0]
        super().__init__(optimizer, arg, last_epoch, verbose)

    def __del__(self):
        for p in getattr(self, '_proxies', []):
            p.destroy()


class MultiplicativeLR(LambdaLR):
    _engine_name = 'MultiplicativeLR'


def _float_result(fn):
    return lambda epoch: float(fn(int(epoch)))


class ConstantLR(_LRScheduler):
    _engine_name = 'ConstantLR'

    def __init__(self, optimizer, factor=1.0 / 3, total_iters=5, last_epoch=-1, verbose=False):
        super().__init__(optimizer, factor, total_iters, last_epoch, verbose)


class LinearLR(_LRScheduler):
    _engine_name = 'LinearLR'

    def __init__(self, optimizer, start_factor=1.0 / 3, end_factor=1.0, total_iters=5, last_epoch=-1, verbose=False):
        super().__init__(optimizer, start_factor, end_factor, total_iters, last_epoch, verbose)


class PolynomialLR(_LRScheduler):
    _engine_name = 'PolynomialLR'

    def __init__(self, optimizer, total_iters=5, power=1.0, last_epoch=-1, verbose=False):
        super().__init__(optimizer, total_iters, power, last_epoch, verbose)


class CosineAnnealingWarmRestarts(_LRScheduler):
    _engine_name = 'CosineAnnealingWarmRestarts'
    _state_order = ('T_0', 'T_i', 'T_mult', 'eta_min', 'T_cur')

    def __init__(self, optimizer, T_0, T_mult=1, eta_min=0, last_epoch=-1, verbose=False):
        if T_0 <= 0 or not isinstance(T_0, int):
            raise ValueError("Expected positive integer T_0, but got {}".format(T_0))
        if T_mult < 1 or not isinstance(T_mult, int):
            raise ValueError("Expected integer T_mult >= 1, but got {}".format(T_mult))
        # Printed here, not by the engine: PyTorch shows an int epoch as 00003 and a float one as 3.00.
        self.verbose = verbose
        super().__init__(optimizer, T_0, T_mult, eta_min, last_epoch, False)
        self._print_all(0 if last_epoch < 0 else last_epoch + 1)

    def step(self, epoch=None):
        # Its own step in PyTorch: no order warning, and a fractional epoch (epoch + i / iters) is the idiom.
        E.scheduler_step(self._s, epoch)
        self._print_all(self.last_epoch if epoch is None else epoch)

    def _print_all(self, epoch):
        for i, lr in enumerate(self.get_last_lr()):
            self.print_lr(self.verbose, i, lr, epoch)

    @property
    def T_cur(self):
        return self._s.T_cur

    @property
    def T_i(self):
        return self._s.T_i


def _proxy_of(owner, fn):
    if fn is None:
        return None
    proxy = create_proxy(lambda x: float(fn(x)))
    owner._proxies = [proxy]
    return proxy


class CyclicLR(_LRScheduler):
    def __init__(
        self,
        optimizer,
        base_lr,
        max_lr,
        step_size_up=2000,
        step_size_down=None,
        mode='triangular',
        gamma=1.0,
        scale_fn=None,
        scale_mode='cycle',
        cycle_momentum=True,
        base_momentum=0.8,
        max_momentum=0.9,
        last_epoch=-1,
        verbose=False,
    ):
        self.optimizer = optimizer
        options = dict(
            step_size_up=float(step_size_up),
            step_size_down=None if step_size_down is None else float(step_size_down),
            mode=mode,
            gamma=gamma,
            scale_mode=scale_mode,
            cycle_momentum=cycle_momentum,
            base_momentum=_listed(base_momentum),
            max_momentum=_listed(max_momentum),
            last_epoch=last_epoch,
            verbose=verbose,
        )
        self._py_args = {'gamma': gamma}
        fn = _proxy_of(self, scale_fn)
        o = _engine_of(optimizer)
        self._s = E.new_scheduler_options('CyclicLR', o, _listed(base_lr), _listed(max_lr), options, fn)

    def state_dict(self):
        state = super().state_dict()
        state['total_size'] = float(state['total_size'])  # PyTorch sums float(step_size_up) and step_size_down
        return state

    def __del__(self):
        for p in getattr(self, '_proxies', []):
            p.destroy()


class OneCycleLR(_LRScheduler):
    _engine_name = 'OneCycleLR'

    def __init__(
        self,
        optimizer,
        max_lr,
        total_steps=None,
        epochs=None,
        steps_per_epoch=None,
        pct_start=0.3,
        anneal_strategy='cos',
        cycle_momentum=True,
        base_momentum=0.85,
        max_momentum=0.95,
        div_factor=25.0,
        final_div_factor=1e4,
        three_phase=False,
        last_epoch=-1,
        verbose=False,
    ):
        if pct_start < 0 or pct_start > 1 or not isinstance(pct_start, float):
            if total_steps is not None or (epochs is not None and steps_per_epoch is not None):
                raise ValueError("Expected float between 0 and 1 pct_start, but got {}".format(pct_start))
        options = dict(
            total_steps=total_steps,
            epochs=epochs,
            steps_per_epoch=steps_per_epoch,
            pct_start=pct_start,
            anneal_strategy=anneal_strategy,
            cycle_momentum=cycle_momentum,
            base_momentum=_listed(base_momentum),
            max_momentum=_listed(max_momentum),
            div_factor=div_factor,
            final_div_factor=final_div_factor,
            three_phase=three_phase,
            last_epoch=last_epoch,
            verbose=verbose,
        )
        super().__init__(optimizer, _listed(max_lr), options)


def _listed(value):
    return list(value) if isinstance(value, (list, tuple)) else value


class SequentialLR(_LRScheduler):
    """Runs `schedulers` one after another, switching at each of `milestones` (PyTorch's own logic: it only
    calls the other schedulers, so it lives here in Python)."""

    last_epoch = -1  # a plain attribute here, not the engine-backed property of the other schedulers

    def __init__(self, optimizer, schedulers, milestones, last_epoch=-1, verbose=False):
        for i in range(len(schedulers)):
            if schedulers[i].optimizer != optimizer:
                raise ValueError(
                    "Sequential Schedulers expects all schedulers to belong to the same optimizer, but "
                    f"got schedulers at index {i} to be different than the optimizer passed in."
                )
        if len(milestones) != len(schedulers) - 1:
            raise ValueError(
                "Sequential Schedulers expects number of schedulers provided to be one more "
                "than the number of milestone points, but got number of schedulers {} and the "
                "number of milestones to be equal to {}".format(len(schedulers), len(milestones))
            )
        self._schedulers = schedulers
        self._milestones = milestones
        self.last_epoch = last_epoch + 1
        self.optimizer = optimizer
        for group in optimizer.param_groups:
            group['lr'] = group['initial_lr']
        for scheduler in schedulers:
            scheduler.last_epoch -= 1
        schedulers[0]._initial_step()
        self._last_lr = schedulers[0].get_last_lr()

    def step(self):
        self.last_epoch += 1
        idx = bisect_right(self._milestones, self.last_epoch)
        scheduler = self._schedulers[idx]
        if idx > 0 and self._milestones[idx - 1] == self.last_epoch:
            scheduler.step(0)
        else:
            scheduler.step()
        self._last_lr = scheduler.get_last_lr()

    def get_last_lr(self):
        return self._last_lr

    def state_dict(self):
        return _composite_state(self)

    def load_state_dict(self, state_dict):
        _composite_load(self, state_dict)


class ChainedScheduler(_LRScheduler):
    """Steps every one of `schedulers` at each step (their factors multiply)."""

    def __init__(self, schedulers):
        for i in range(1, len(schedulers)):
            if schedulers[i].optimizer != schedulers[0].optimizer:
                raise ValueError(
                    "ChainedScheduler expects all schedulers to belong to the same optimizer, but "
                    "got schedulers at index {} and {} to be different".format(0, i)
                )
        self._schedulers = list(schedulers)
        self.optimizer = schedulers[0].optimizer
        self._last_lr = [group['lr'] for group in self.optimizer.param_groups]

    def step(self):
        for scheduler in self._schedulers:
            scheduler.step()
        self._last_lr = [group['lr'] for group in self.optimizer.param_groups]

    def get_last_lr(self):
        return self._last_lr

    def state_dict(self):
        return _composite_state(self)

    def load_state_dict(self, state_dict):
        _composite_load(self, state_dict)


def _composite_state(scheduler):
    state = {k: v for k, v in scheduler.__dict__.items() if k not in ('optimizer', '_schedulers')}
    state['_schedulers'] = [s.state_dict() for s in scheduler._schedulers]
    return state


def _composite_load(scheduler, state_dict):
    schedulers = state_dict.pop('_schedulers')
    scheduler.__dict__.update(state_dict)
    state_dict['_schedulers'] = schedulers
    for s, saved in zip(scheduler._schedulers, schedulers):
        s.load_state_dict(saved)


class ReduceLROnPlateau:
    def __init__(
        self,
        optimizer,
        mode='min',
        factor=0.1,
        patience=10,
        threshold=1e-4,
        threshold_mode='rel',
        cooldown=0,
        min_lr=0,
        eps=1e-8,
        verbose=False,
    ):
        self.optimizer = optimizer
        options = dict(
            mode=mode,
            factor=factor,
            patience=patience,
            threshold=threshold,
            threshold_mode=threshold_mode,
            cooldown=cooldown,
            min_lr=list(min_lr) if isinstance(min_lr, (list, tuple)) else min_lr,
            eps=eps,
            verbose=verbose,
        )
        self._s = E.new_scheduler('ReduceLROnPlateau', _engine_of(optimizer), options)

    def step(self, metrics, epoch=None):
        E.plateau_step(self._s, float(metrics), epoch)

    def get_last_lr(self):
        return [float(v) for v in self._s.get_last_lr()]

    @property
    def num_bad_epochs(self):
        return int(self._s.num_bad_epochs)

    @property
    def best(self):
        return float(self._s.best)

    def state_dict(self):
        state = E.scheduler_state(self._s).to_py()
        state['best'] = float(state['best'])
        return {k: state[k] for k in _PLATEAU_STATE if k in state}

    def __getattr__(self, name):
        # patience, factor, mode, cooldown, ...: PyTorch's attributes, which its state_dict() lists.
        state = self.state_dict() if not name.startswith('__') and '_s' in self.__dict__ else {}
        if name in state:
            return state[name]
        raise AttributeError(f"'ReduceLROnPlateau' object has no attribute '{name}'")

    def load_state_dict(self, state_dict):
        E.scheduler_load(self._s, state_dict)


# ReduceLROnPlateau's __dict__ in PyTorch 1.13, in order (what its state_dict() lists).
_PLATEAU_STATE = (
    'factor',
    'min_lrs',
    'patience',
    'verbose',
    'cooldown',
    'cooldown_counter',
    'mode',
    'threshold',
    'threshold_mode',
    'best',
    'num_bad_epochs',
    'mode_worse',
    'eps',
    'last_epoch',
    '_last_lr',
)


__getattr__ = module_getattr('torch.optim.lr_scheduler')
