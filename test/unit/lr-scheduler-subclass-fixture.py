#!/usr/bin/env python3
"""Writes test/unit/lr-scheduler-subclass-torch113.json: what PyTorch 1.13 does with a learner's own scheduler,
a subclass of optim.lr_scheduler._LRScheduler with its own get_lr() (UvA's CosineWarmupScheduler): the lrs
it writes into the optimizer's groups step by step, get_last_lr(), last_epoch, base_lrs, initial_lr in the
groups, state_dict() keys and values in order, load_state_dict, last_epoch= when resuming, the order warning
when scheduler.step() comes first, step(epoch) with its deprecation warning, the base get_lr()'s
NotImplementedError and the TypeError for a non-optimizer. lr-scheduler-subclass.test.ts runs this same
file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/lr-scheduler-subclass-fixture.py > test/unit/lr-scheduler-subclass-torch113.json
"""

import math
import warnings

import torch
from fixture_cases import dump, record
from torch import nn, optim


class CosineWarmup(optim.lr_scheduler._LRScheduler):
    def __init__(self, optimizer, warmup, max_iters, last_epoch=-1):
        self.warmup = warmup
        self.max_num_iters = max_iters
        super().__init__(optimizer, last_epoch=last_epoch)

    def get_lr(self):
        factor = 0.5 * (1 + math.cos(math.pi * self.last_epoch / self.max_num_iters))
        if self.last_epoch <= self.warmup:
            factor *= self.last_epoch / self.warmup
        return [base_lr * factor for base_lr in self.base_lrs]


def model_and_optimizer(kind='adam'):
    torch.manual_seed(0)
    model = nn.Linear(3, 2)
    if kind == 'adam':
        return model, optim.Adam(model.parameters(), lr=1e-2)
    return model, optim.SGD([{'params': [model.weight]}, {'params': [model.bias], 'lr': 0.5}], lr=0.1, momentum=0.9)


def schedule(kind):
    model, opt = model_and_optimizer(kind)
    sched = CosineWarmup(opt, warmup=3, max_iters=10)
    seen = [[sched.last_epoch, sched.get_last_lr(), [g['lr'] for g in opt.param_groups]]]
    for _ in range(6):
        model(torch.ones(1, 3)).sum().backward()
        opt.step()
        sched.step()
        seen.append([sched.last_epoch, sched.get_last_lr(), [g['lr'] for g in opt.param_groups]])
    return {
        'seen': seen,
        'base_lrs': sched.base_lrs,
        'initial': [g['initial_lr'] for g in opt.param_groups],
        'weight': model.weight.detach().reshape(-1).tolist(),
    }


def state():
    model, opt = model_and_optimizer('sgd')
    sched = CosineWarmup(opt, warmup=3, max_iters=10)
    for _ in range(2):
        opt.step()
        sched.step()
    sd = sched.state_dict()
    return [[k, v] for k, v in sd.items()]


def reload():
    model, opt = model_and_optimizer('sgd')
    sched = CosineWarmup(opt, warmup=3, max_iters=10)
    for _ in range(4):
        opt.step()
        sched.step()
    sd = sched.state_dict()
    model2, opt2 = model_and_optimizer('sgd')
    other = CosineWarmup(opt2, warmup=5, max_iters=20)
    other.load_state_dict(sd)
    opt2.step()
    other.step()
    return [other.warmup, other.max_num_iters, other.last_epoch, other.get_last_lr()]


def resume():
    model, opt = model_and_optimizer('adam')
    for g in opt.param_groups:
        g['initial_lr'] = 0.02
    sched = CosineWarmup(opt, warmup=3, max_iters=10, last_epoch=4)
    return [sched.last_epoch, sched.get_last_lr(), sched.base_lrs]


def resume_without_initial_lr():
    model, opt = model_and_optimizer('adam')
    CosineWarmup(opt, warmup=3, max_iters=10, last_epoch=4)


def caught(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        value = fn()
    return [value, [str(x.message) for x in w]]


def order_warning():
    model, opt = model_and_optimizer('adam')
    sched = CosineWarmup(opt, warmup=3, max_iters=10)
    sched.step()
    return sched.get_last_lr()


def epoch_argument():
    model, opt = model_and_optimizer('adam')
    sched = CosineWarmup(opt, warmup=3, max_iters=10)
    opt.step()
    sched.step(7)
    return [sched.last_epoch, sched.get_last_lr()]


class NoGetLr(optim.lr_scheduler._LRScheduler):
    pass


record('adam, one group', lambda: schedule('adam'))
record('sgd, two groups with their own lr', lambda: schedule('sgd'))
record('state_dict items in order', state)
record('load_state_dict', reload)
record('resuming with last_epoch and initial_lr', resume)
record('resuming without initial_lr', resume_without_initial_lr)
record('scheduler.step() before optimizer.step()', lambda: caught(order_warning))
record('step(epoch)', lambda: caught(epoch_argument))
record('no get_lr of its own', lambda: NoGetLr(model_and_optimizer('adam')[1]))
record('not an optimizer', lambda: CosineWarmup([nn.Parameter(torch.ones(1))], warmup=3, max_iters=10))
dump()
