"""Backprop Lens probe: when a step pauses phase by phase, what each pause shows, and the series of steps
(stepper.ts for the built-in runtime). The recorder owns the run's buffers and the pause itself; this class
decides when and with what.

Forward and loss are seen through the loss functions (torch.nn.functional's mse_loss, cross_entropy, ...,
which the loss modules call too): a loss function starting means the forward is done (pause 'forward' with
the prediction beside the target), returning means the loss is computed (pause 'loss'). A loss written by
hand shows both phases when its backward begins.
"""

import time

import torch

from _blp_budget import METRICS_SHARE, Budget
from _blp_comparison import find_comparison
from _blp_stepping import (
    SeriesTracker,
    StepMetrics,
    activations_of,
    forward_detail,
    hand_written_loss,
    library_loss,
    start_of,
    update_detail,
)


class Stepper:
    def __init__(self, recorder):
        self.rec = recorder
        self.metrics = StepMetrics()
        self.budget = Budget(METRICS_SHARE)
        self.series = SeriesTracker(recorder.run_id)
        self._shown_forward = False
        self._shown_loss = False
        self._last_loss = None
        self._loss_depth = 0
        self._series_first = -1
        self._tracked = None
        self.manual_seen = False  # the file updates by hand: every step keeps the values before its update

    @property
    def current_series(self):
        return len(self.series.series) - 1

    @property
    def _phases(self):
        return self.rec.control.mode == 'phases' and self.rec.control.can_pause

    def _names(self, tensors):
        return self.rec.user_file.name_tensors(tensors, torch.Tensor)

    # ---- forward and loss -------------------------------------------------------------------------

    def loss_start(self, prediction, target):
        self._loss_depth += 1
        if self._loss_depth > 1 or not self._phases or self._shown_forward:
            return
        if not isinstance(prediction, torch.Tensor) or not prediction.requires_grad or not torch.is_grad_enabled():
            return
        self._shown_forward = True
        if not isinstance(target, torch.Tensor):
            target = None
        detail = {'forward': forward_detail(prediction, target, self._names)}
        self.rec.pause_at('forward', detail, self.rec.steps)

    def loss_end(self, fn, reduction, loss):
        self._loss_depth = max(0, self._loss_depth - 1)
        if self._loss_depth > 0 or not self._phases or self._shown_loss:
            return
        if not isinstance(loss, torch.Tensor) or loss.numel() != 1 or not loss.requires_grad:
            return
        self._shown_loss = True
        self._last_loss = loss
        self.rec.pause_at('loss', {'loss': library_loss(fn, reduction, loss)}, self.rec.steps)

    def loss_failed(self):
        self._loss_depth = max(0, self._loss_depth - 1)

    def before_backward(self, root):
        """A loss written by hand shows its forward and loss phases here, before its backward runs."""
        if not self._phases or root.numel() != 1 or root.grad_fn is None:
            return
        if not self._shown_forward:
            self._shown_forward = True
            output = self.rec.model_output()
            compared = find_comparison(root, self.rec.user_file.scopes(), [output] if output is not None else [])
            if compared is not None:
                detail = {'forward': forward_detail(compared[0], compared[1], self._names)}
                self.rec.pause_at('forward', detail, self.rec.steps)
        if not self._shown_loss or self._last_loss is not root:
            self._shown_loss = True
            self.rec.pause_at('loss', {'loss': hand_written_loss(root)}, self.rec.steps)

    # ---- backward and update ----------------------------------------------------------------------

    def after_backward(self):
        """After a backward pass (the step is counted): the series, the gradient norms."""
        self._shown_forward = False
        self._shown_loss = False
        self._last_loss = None
        model = self.rec.model
        if model is None or self.rec.opts.quiet:
            return
        if self._tracked is not model:
            self._tracked = model
            self.metrics.track(model['params'])
            self.budget = Budget(METRICS_SHARE)  # a new model's first step always has its numbers
        key = self.series.current_key()
        if key is None or key[0] is not model:
            self._begin_series(model, None)
        if self.budget.due():
            want_before = self.rec.saw_optimizer_step or self.manual_seen or self.rec.steps == 1
            self.metrics.record_grads(model['params'], self._index(), want_before)
            self.budget.spent()

    def optimizer_stepped(self, optimizer):
        model = self.rec.model
        if model is None or self.rec.opts.quiet:
            return
        key = self.series.current_key()
        lr = _first_lr(optimizer)
        name = type(optimizer).__name__
        if key is not None and key[0] is model and key[1] is None and self._series_first == self.rec.steps - 1:
            self._send(self.series.set_optimizer(name, lr, [model, optimizer]))
        elif key is None or key[0] is not model or key[1] is not optimizer:
            self._begin_series(model, optimizer)
        started = time.perf_counter()
        if self.metrics.record_update(model['params'], self._index()):
            self.budget.add(time.perf_counter() - started)

    def manual_updated(self):
        """A hand-written update ended (_blp_manual.py): its update ratios, as after an optimizer step."""
        self.manual_seen = True
        model = self.rec.model
        if model is None or self.rec.opts.quiet:
            return
        started = time.perf_counter()
        if self.metrics.record_update(model['params'], self._index()):
            self.budget.add(time.perf_counter() - started)

    def update_pause_detail(self, optimizer, before, after):
        return {'update': update_detail(optimizer, before, after)}

    def _begin_series(self, model, optimizer):
        self._series_first = self.rec.steps - 1
        root = next((m for m in model['modules'] if m['path'] == ''), model['modules'][0])
        traits = {
            'model': root['type'],
            'activations': activations_of(model['modules'], self.rec.output_paths()),
            'optimizer': type(optimizer).__name__ if optimizer is not None else None,
            'lr': _first_lr(optimizer) if optimizer is not None else None,
            'start': start_of(model),
        }
        self._send(self.series.begin(self._series_first, traits, [model, optimizer]))

    def _send(self, events):
        for event in events:
            self.rec.send(event)

    def _index(self):
        return self.rec.steps - 1 - self.rec.first_unsent


def _first_lr(optimizer):
    try:
        return float(optimizer.param_groups[0]['lr'])
    except (IndexError, KeyError, TypeError, ValueError, RuntimeError):
        return None
