"""torch.optim.lr_scheduler: thin handles on the engine's schedulers (which write the lr into the
optimizer's groups, exactly as PyTorch 1.13 computes it)."""

from pyodide.ffi import create_proxy

from .._engine import E

from .._unsupported import module_getattr, unsupported


def _engine_of(optimizer):
    o = getattr(optimizer, '_o', None)
    if o is None:
        raise unsupported('lr schedulers on a custom (Python) optimizer')
    return o


class _LRScheduler:
    def __init__(self, optimizer, *args):
        self.optimizer = optimizer
        self._s = E.new_scheduler(type(self)._engine_name, _engine_of(optimizer), *args)

    def step(self, epoch=None):
        E.scheduler_step(self._s, epoch)

    def get_last_lr(self):
        return [float(v) for v in self._s.get_last_lr()]

    def get_lr(self):
        return [float(v) for v in self._s.get_lr()]

    @property
    def last_epoch(self):
        return int(self._s.last_epoch)

    @last_epoch.setter
    def last_epoch(self, value):
        self._s.last_epoch = value

    @property
    def base_lrs(self):
        return [float(v) for v in self._s.base_lrs]

    def state_dict(self):
        return {k: v for k, v in E.scheduler_state(self._s).to_py().items()}

    def load_state_dict(self, state_dict):
        E.scheduler_load(self._s, state_dict)

    def print_lr(self, is_verbose, group, lr, epoch=None):
        if is_verbose:
            print(f'Adjusting learning rate of group {group} to {lr:.4e}.')


LRScheduler = _LRScheduler


class StepLR(_LRScheduler):
    _engine_name = 'StepLR'

    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1, verbose=False):
        super().__init__(optimizer, step_size, gamma, last_epoch, verbose)


class MultiStepLR(_LRScheduler):
    _engine_name = 'MultiStepLR'

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
        # The engine calls the Python function(s) at each step: keep the proxies alive as long as we are.
        if isinstance(lr_lambda, (list, tuple)):
            self._proxies = [create_proxy(_float_result(f)) for f in lr_lambda]
            arg = self._proxies
        else:
            self._proxies = [create_proxy(_float_result(lr_lambda))]
            arg = self._proxies[0]
        super().__init__(optimizer, arg, last_epoch, verbose)

    def __del__(self):
        for p in getattr(self, '_proxies', []):
            p.destroy()


def _float_result(fn):
    return lambda epoch: float(fn(int(epoch)))


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


__getattr__ = module_getattr('torch.optim.lr_scheduler')
