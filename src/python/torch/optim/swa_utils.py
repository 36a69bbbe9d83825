"""torch.optim.swa_utils: stochastic weight averaging as PyTorch 1.13 does it. AveragedModel keeps a deep
copy of the model and a running average of its parameters (buffers too with use_buffers=True), SWALR anneals
each group's lr towards swa_lr, and update_bn recomputes BatchNorm statistics with one pass over a loader.
All three are plain Python over our tensors, modules and the Python scheduler base, so the arithmetic is the
same tensor ops PyTorch runs (float32 average, then copy_)."""

import itertools
import math
import warnings
from copy import deepcopy

from .._creation import ones_like, tensor, zeros_like
from .._dtype import int64 as long
from .._grad_mode import no_grad
from .._unsupported import module_getattr
from ..nn.modules.module import Module
from .lr_scheduler import _LRScheduler


def _equal_average(averaged_model_parameter, model_parameter, num_averaged):
    return averaged_model_parameter + (model_parameter - averaged_model_parameter) / (num_averaged + 1)


class AveragedModel(Module):
    def __init__(self, model, device=None, avg_fn=None, use_buffers=False):
        super().__init__()
        self.module = deepcopy(model)
        if device is not None:
            self.module = self.module.to(device)
        self.register_buffer('n_averaged', tensor(0, dtype=long, device=device))
        self.avg_fn = _equal_average if avg_fn is None else avg_fn
        self.use_buffers = use_buffers

    def forward(self, *args, **kwargs):
        return self.module(*args, **kwargs)

    def update_parameters(self, model):
        if self.use_buffers:
            mine = itertools.chain(self.module.parameters(), self.module.buffers())
            theirs = itertools.chain(model.parameters(), model.buffers())
        else:
            mine = self.parameters()
            theirs = model.parameters()
        for p_swa, p_model in zip(mine, theirs):
            p_model_ = p_model.detach().to(p_swa.device)
            if self.n_averaged == 0:
                p_swa.detach().copy_(p_model_)
            else:
                p_swa.detach().copy_(self.avg_fn(p_swa.detach(), p_model_, self.n_averaged.to(p_swa.device)))
        self.n_averaged += 1


def update_bn(loader, model, device=None):
    """One pass over `loader` in train mode with momentum=None (a cumulative average), as PyTorch's update_bn:
    a batch that is a list or tuple feeds its first element to the model."""
    from ..nn.modules.batchnorm import _BatchNorm

    with no_grad():
        momenta = {}
        for module in model.modules():
            if isinstance(module, _BatchNorm):
                module.running_mean = zeros_like(module.running_mean)
                module.running_var = ones_like(module.running_var)
                momenta[module] = module.momentum
        if not momenta:
            return
        was_training = model.training
        model.train()
        for module in momenta:
            module.momentum = None
            module.num_batches_tracked *= 0
        for batch in loader:
            if isinstance(batch, (list, tuple)):
                batch = batch[0]
            if device is not None:
                batch = batch.to(device)
            model(batch)
        for module, momentum in momenta.items():
            module.momentum = momentum
        model.train(was_training)


class SWALR(_LRScheduler):
    def __init__(self, optimizer, swa_lr, anneal_epochs=10, anneal_strategy='cos', last_epoch=-1):
        swa_lrs = self._format_param(optimizer, swa_lr)
        for value, group in zip(swa_lrs, optimizer.param_groups):
            group['swa_lr'] = value
        if anneal_strategy not in ['cos', 'linear']:
            raise ValueError(f"anneal_strategy must by one of 'cos' or 'linear', instead got {anneal_strategy}")
        self.anneal_func = self._cosine_anneal if anneal_strategy == 'cos' else self._linear_anneal
        if not isinstance(anneal_epochs, int) or anneal_epochs < 0:
            raise ValueError(f"anneal_epochs must be equal or greater than 0, got {anneal_epochs}")
        self.anneal_epochs = anneal_epochs
        super().__init__(optimizer, last_epoch)

    @staticmethod
    def _format_param(optimizer, swa_lrs):
        if isinstance(swa_lrs, (list, tuple)):
            if len(swa_lrs) != len(optimizer.param_groups):
                raise ValueError(
                    "swa_lr must have the same length as optimizer.param_groups: "
                    f"swa_lr has {len(swa_lrs)}, optimizer.param_groups has {len(optimizer.param_groups)}"
                )
            return swa_lrs
        return [swa_lrs] * len(optimizer.param_groups)

    @staticmethod
    def _linear_anneal(t):
        return t

    @staticmethod
    def _cosine_anneal(t):
        return (1 - math.cos(math.pi * t)) / 2

    @staticmethod
    def _get_initial_lr(lr, swa_lr, alpha):
        if alpha == 1:
            return swa_lr
        return (lr - alpha * swa_lr) / (1 - alpha)

    def get_lr(self):
        if not self._get_lr_called_within_step:
            warnings.warn("To get the last learning rate computed by the scheduler, please use `get_last_lr()`.")
        # The lr the group would have had without the previous annealing step, then this step's blend.
        step = self._step_count - 1
        if self.anneal_epochs == 0:
            step = max(1, step)
        prev_alpha = self.anneal_func(max(0, min(1, (step - 1) / max(1, self.anneal_epochs))))
        groups = self.optimizer.param_groups
        prev_lrs = [self._get_initial_lr(g['lr'], g['swa_lr'], prev_alpha) for g in groups]
        alpha = self.anneal_func(max(0, min(1, step / max(1, self.anneal_epochs))))
        return [g['swa_lr'] * alpha + lr * (1 - alpha) for g, lr in zip(groups, prev_lrs)]


__getattr__ = module_getattr('torch.optim.swa_utils')
