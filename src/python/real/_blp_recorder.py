"""Backprop Lens probe: turns what a run on real PyTorch does into RunEvents, as src/python/recorder.ts does
for the built-in runtime (same events, same batching, same pauses).

The hot path (a backward, an optimizer step, a module's output) only appends a number and compares a
timestamp: losses go out in batches about 10 times a second, parameter and activation snapshots at most
`updates_per_second` times a second, and never for more than a few percent of the run's time (a snapshot of
a big model costs more, so it comes less often). Losses of tensors on a GPU stay there until their batch
is sent, so a step never waits for the device.
"""

import contextlib
import functools
import math
import threading
import time

import torch

from _blp_budget import SNAPSHOT_SHARE
from _blp_concepts import Concepts
from _blp_control import RUN, STOP, check_stop
from _blp_phases import Stepper
from _blp_stepping import manual_update as manual_update_detail
from _blp_tensors import activation_outputs, param_snapshots, scalar_values, tensor_devices
from _blp_wire import Floats, f32

STEPS_INTERVAL = 0.1
OUTPUT_INTERVAL = 0.05
# Most loose tensors (no nn.Module) shown for a script that trains plain tensors.
MAX_LOOSE_PARAMS = 32
# Most values copied per parameter snapshot in all (beyond it: summaries only).
SNAPSHOT_BUDGET = 1 << 18


class Options:
    def __init__(
        self, run_id=1, mode='train', pause_on_nan=False, updates_per_second=10.0, quiet=False, max_elements=4096
    ):
        self.run_id = run_id
        self.mode = mode
        self.pause_on_nan = pause_on_nan
        self.updates_per_second = updates_per_second
        self.quiet = quiet
        self.max_elements = max_elements


def shielded(method):
    """A failure of the probe itself (a tensor it cannot copy, a bug) must never end the learner's run: it
    becomes one `warning` event per method, and the run goes on without that piece."""

    @functools.wraps(method)
    def run(self, *args):
        try:
            return method(self, *args)
        except Exception as exc:  # noqa: BLE001 - see above; KeyboardInterrupt (stop) still passes
            self.probe_failed(method.__name__, exc)
            return None

    return run


def _pad(series, n):
    return (series + [math.nan] * (n - len(series)))[:n]


class Recorder:
    def __init__(self, opts, send, control, user_file):
        self.opts = opts
        self.send = send
        self.control = control
        self.user_file = user_file
        self.run_id = opts.run_id
        self.steps = 0
        self._first_unsent = 0
        self._losses = []
        self._device_losses = []  # (step, tensor) of losses still on their device
        self._lrs = []
        self._step_ms = []
        self._last_lrs = []
        self._last_step_time = None
        self._last_steps_sent = 0.0
        self._next_params = -math.inf
        self._next_activations = -math.inf
        ups = opts.updates_per_second
        self._interval = 1.0 / ups if ups > 0 else math.inf
        self._models = []
        self.model = None
        self._saw_optimizer_step = False
        self._optimizer = None
        self._before = None
        self.latest_outputs = {}
        self._pending_output = []
        self._output_lock = threading.Lock()
        self._last_output_sent = -math.inf
        self._nan_warned = False
        self._loose_looked = False
        self._failures = set()
        self.probing_now = 0  # the probe's own model calls in progress (unobserved by the patches)
        self.probe_activations = False
        self.stepper = Stepper(self)
        self.concepts = Concepts(self)
        self.manual = None  # the patches' hand-written update tracker (_blp_manual.py)

    @property
    def first_unsent(self):
        return self._first_unsent

    @property
    def saw_optimizer_step(self):
        return self._saw_optimizer_step

    @contextlib.contextmanager
    def probing(self, record_activations=False):
        """The probe's own calls of the model and loss (concept views): the patches let them pass."""
        self.probing_now += 1
        was = self.probe_activations
        self.probe_activations = record_activations
        try:
            yield
        finally:
            self.probing_now -= 1
            self.probe_activations = was

    def model_output(self):
        call = self.concepts.model_call
        return call[2] if call is not None and isinstance(call[2], torch.Tensor) else None

    def output_paths(self):
        return list(self.latest_outputs)

    def probe_failed(self, what, exc):
        if what in self._failures:
            return
        self._failures.add(what)
        message = f'Backprop Lens could not record part of this run ({what}: {type(exc).__name__}: {exc}).'
        self.send({'type': 'warning', 'runId': self.run_id, 'message': message, 'pos': None})

    # ---- what the patches report ------------------------------------------------------------------

    @shielded
    def model_seen(self, modules, params):
        """A root module with parameters was called for the first time: `modules` as ModuleInfo dicts,
        `params` its (name, parameter) pairs."""
        if not params:
            return
        model = {'modules': modules, 'params': params, 'ids': {id(p) for _, p in params}}
        self._models.append(model)
        self._select_model(model)

    def module_output(self, path, output):
        self.latest_outputs[path] = output

    def wants_activations(self):
        """Whether the coming forward's outputs will be needed: an activations event is due, or the run may
        pause before the next forward (step / backprop mode, a pause requested)."""
        if self.opts.quiet:
            return False
        control = self.control
        if control.can_pause and (control.mode != 'train' or control.state != RUN):
            return True
        return self._interval != math.inf and time.perf_counter() >= self._next_activations

    def root_returned(self):
        if self.opts.quiet or self._interval == math.inf:
            return
        if time.perf_counter() >= self._next_activations:
            self._send_activations()
            if self.control.mode == 'train' and self.control.state == RUN:
                self.latest_outputs.clear()  # sent: nothing needs them (see Patches._pre_forward)

    def write(self, stream, text):
        with self._output_lock:
            last = self._pending_output[-1] if self._pending_output else None
            if last is not None and last[0] == stream:
                last[1] += text
            else:
                self._pending_output.append([stream, text])
        # print() writes the text and the line end separately: a line goes out whole.
        if text.endswith('\n') and time.perf_counter() - self._last_output_sent >= OUTPUT_INTERVAL:
            self.flush_output()

    # ---- phases (the loss functions' patches, a backward's entry) ----------------------------------

    def loss_start(self, fn, prediction, target, extra):
        self.concepts.loss_called(fn, prediction, target, extra)
        self.stepper.loss_start(prediction, target)

    def loss_end(self, fn, reduction, loss):
        self.stepper.loss_end(fn, reduction, loss)

    def loss_failed(self):
        self.stepper.loss_failed()

    def before_backward(self, root):
        check_stop(self.control)
        self.stepper.before_backward(root)

    def pause_at(self, phase, detail, step):
        self._pause(phase, detail, step)

    def backward(self, root):
        check_stop(self.control)
        if root.numel() != 1:
            return  # a backward with an explicit gradient is not a training step
        loss = None
        if root.device.type == 'cpu':
            loss = root.item()
            self._losses.append(loss)
        else:
            self._losses.append(math.nan)
            self._device_losses.append((self.steps, root.detach()))
        now = time.perf_counter()
        self._step_ms.append((now - self._last_step_time) * 1000.0 if self._last_step_time is not None else math.nan)
        self._last_step_time = now
        self.steps += 1
        if self.model is None and not self._loose_looked:
            self._track_loose_tensors(root)
        # The lr this step's update will use is already in the optimizer (schedulers step after the update).
        if self._optimizer is not None:
            self._record_lrs(self.steps - 1, _lrs_of(self._optimizer))
        control = self.control
        if self.model is not None and (control.mode != 'train' or control.state != RUN) and control.can_pause:
            self._before = [s['value'] for s in self._snapshot()]
        self.stepper.after_backward()
        pausing = control.can_pause and (control.mode in ('backprop', 'phases') or control.state != RUN)
        self.concepts.step(root, self.steps - 1, pausing)
        if loss is not None and not math.isfinite(loss) and not self._nan_warned:
            self._warn_nan(loss, self.steps - 1)
            if self.opts.pause_on_nan:
                return self._pause('backward')
        if control.mode in ('backprop', 'phases') or control.state != RUN:
            return self._pause('backward')
        self._periodic(now, 'backward')

    def optimizer_step(self, optimizer):
        check_stop(self.control)
        lrs = _lrs_of(optimizer)
        self._saw_optimizer_step = True
        self._optimizer = optimizer
        self._last_lrs = lrs
        self._record_lrs(self.steps - 1, lrs)
        self._follow_optimizer(optimizer)
        self.stepper.optimizer_stepped(optimizer)
        if self.control.mode in ('step', 'phases') or self.control.state != RUN:
            self._pause('update', optimizer=optimizer)
            if self.control.can_pause:
                self.concepts.refresh(self._current_step())
            return
        self._periodic(time.perf_counter(), 'update')

    def manual_update(self, pos, pausing):
        """A hand-written update (_blp_manual.py) ended, its last write at `pos`: the step's update."""
        check_stop(self.control)
        self._manual_metrics()
        control = self.control
        if pausing and (control.mode in ('step', 'phases') or control.state != RUN):
            self._pause('update', {'update': manual_update_detail()}, pos=pos)
            if control.can_pause:
                self.concepts.refresh(self._current_step())
            return
        self._periodic(time.perf_counter(), 'update')

    # ---- end of run -------------------------------------------------------------------------------

    def finish_concepts(self):
        """The concept views with the final parameters (while the patches still name the activations)."""
        if self.manual is not None:
            self.manual.close(False)  # an update still open at the end is recorded, without a pause
        self.flush_output()
        self.flush_steps()
        self.concepts.finish(self.steps)

    def finish(self):
        """Sends everything still buffered and the final parameters; `finished` comes after this."""
        self.flush_output()
        self.flush_steps()
        if not self.opts.quiet:
            if self.model is not None:
                self._send_params('update' if self._saw_optimizer_step else 'backward')
            if self.latest_outputs:
                self._send_activations()

    def flush_output(self):
        # Taken and sent under one lock: the flusher thread and the script's thread never reorder output.
        with self._output_lock:
            pending = self._pending_output
            self._pending_output = []
            self._last_output_sent = time.perf_counter()
            for stream, text in pending:
                self.send({'type': 'output', 'runId': self.run_id, 'stream': stream, 'text': text})

    def start_output_flusher(self):
        """Output printed before a long stretch without steps (loading data, evaluating) still shows up."""

        def run():
            while True:
                time.sleep(OUTPUT_INTERVAL * 2)
                if self._pending_output and time.perf_counter() - self._last_output_sent >= OUTPUT_INTERVAL:
                    self.flush_output()

        threading.Thread(target=run, name='backprop-lens-output', daemon=True).start()

    def flush_steps(self):
        self._last_steps_sent = time.perf_counter()
        n = self.steps - self._first_unsent
        if n <= 0:
            return
        self._resolve_device_losses()
        event = {
            'type': 'steps',
            'runId': self.run_id,
            'firstStep': self._first_unsent,
            'losses': Floats(f32(_pad(self._losses, n))),
            'lrs': [Floats(f32(_pad(group, n))) for group in self._lrs],
            'stepMs': Floats(f32(_pad(self._step_ms, n))),
        }
        memory = _max_memory()
        if memory is not None:
            event['maxMemory'] = memory
        metrics = self._step_metrics(n)
        if metrics is not None:
            event['gradNorms'], event['updateRatios'] = metrics
        self._losses = []
        self._step_ms = []
        self._lrs = [[] for _ in self._lrs]
        self._first_unsent = self.steps
        if not self.opts.quiet:
            self.send(event)

    # ---- internals --------------------------------------------------------------------------------

    @shielded
    def _manual_metrics(self):
        self.stepper.manual_updated()

    @shielded
    def _step_metrics(self, n):
        return self.stepper.metrics.take(n)

    @shielded
    def _resolve_device_losses(self):
        if not self._device_losses:
            return
        values = scalar_values([t for _, t in self._device_losses])
        for (step, _), value in zip(self._device_losses, values):
            index = step - self._first_unsent
            if 0 <= index < len(self._losses):
                self._losses[index] = value
            if not math.isfinite(value) and not self._nan_warned:
                self._warn_nan(value, step)
        self._device_losses = []

    def _warn_nan(self, loss, step):
        self._nan_warned = True
        word = 'nan' if math.isnan(loss) else ('inf' if loss > 0 else '-inf')
        self.send(
            {
                'type': 'warning',
                'runId': self.run_id,
                'message': f'The loss became {word} at step {step}: the learning rate is likely too high '
                '(the updates overshoot until the numbers overflow).',
                'pos': self.user_file.position(),
            }
        )

    def _record_lrs(self, step, lrs):
        index = step - self._first_unsent
        if index < 0:
            return  # that step was already sent
        while len(self._lrs) < len(lrs):
            self._lrs.append([])
        for k, lr in enumerate(lrs):
            series = self._lrs[k]
            while len(series) <= index:
                series.append(math.nan)
            series[index] = lr

    def _periodic(self, now, phase):
        if self._pending_output and now - self._last_output_sent >= OUTPUT_INTERVAL:
            self.flush_output()
        # Batches and snapshots go out at the end of a step: after the update when an optimizer is used,
        # else after backward; until the first step is over it is unknown which (see recorder.ts).
        # A hand-written update counts as the update: sent at backward, its step would go out before its ratios.
        updates = self._saw_optimizer_step or self.stepper.manual_seen
        end_of_step = 'update' if updates else ('backward' if self.steps > 1 else None)
        if phase != end_of_step:
            return
        if now - self._last_steps_sent >= STEPS_INTERVAL:
            self.flush_steps()
        if not self.opts.quiet and self.model is not None and now >= self._next_params:
            self._send_params(phase)

    def _pause(self, phase, detail=None, step=None, optimizer=None, pos=None):
        control = self.control
        check_stop(control)
        if not control.can_pause:
            return
        self.flush_output()
        self.flush_steps()
        if not control.enter_pause():
            control.state = STOP
            check_stop(control)
            return
        params = self._snapshot()
        if self.latest_outputs:
            self._send_activations()
        step = self._current_step() if step is None else step
        self.send({'type': 'params', 'runId': self.run_id, 'step': step, 'phase': phase, 'params': params})
        before = self._before if phase == 'update' and self._before and len(self._before) == len(params) else None
        paused = {
            'type': 'paused',
            'runId': self.run_id,
            'step': step,
            'phase': phase,
            'pos': pos if pos is not None else self.user_file.position(),
            'lrs': list(self._last_lrs),
            'params': params,
            'before': before,
        }
        if self.stepper.current_series >= 0:
            paused['series'] = self.stepper.current_series
        if optimizer is not None:
            detail = self.stepper.update_pause_detail(optimizer, before, [p['value'] for p in params])
        paused.update(detail or {})
        self.send(paused)
        if phase == 'update':
            self._before = None
        if control.announce is not None:
            control.announce(step, phase, self.user_file.position())
        if control.wait_while_paused() == STOP:
            check_stop(control)
            return
        self.send({'type': 'resumed', 'runId': self.run_id})
        now = time.perf_counter()
        self._next_params = now + self._interval
        self._last_steps_sent = now
        self._last_step_time = now

    def _current_step(self):
        return max(0, self.steps - 1)

    def _select_model(self, model):
        if self.model is model:
            return
        if self.model is not None:
            self.flush_steps()  # the steps so far carry the previous model's parameter names
        self.model = model
        self._before = None
        self.latest_outputs.clear()
        if self.opts.quiet:
            return
        tensors = [p for _, p in model['params']]
        event = {'type': 'model', 'runId': self.run_id, 'modules': model['modules']}
        event['devices'] = tensor_devices(tensors)
        names = _device_names(event['devices'])
        if names is not None:
            event['deviceNames'] = names
        self.send(event)

    @shielded
    def _track_loose_tensors(self, root):
        """A script training plain tensors has no model: its parameters are the leaves of the first loss's
        graph, named after the learner's variables (as recorder.ts does)."""
        self._loose_looked = True
        leaves = _graph_leaves(root, MAX_LOOSE_PARAMS)
        if not leaves:
            return
        names = self.user_file.name_tensors(leaves, torch.Tensor)
        params = [(names[i] or f'tensor{i}', t) for i, t in enumerate(leaves)]
        info = [{'name': name, 'shape': list(t.shape), 'numel': t.numel()} for name, t in params]
        module = {'path': '', 'type': 'Tensors', 'extra': '', 'params': info, 'children': []}
        self._select_model({'modules': [module], 'params': params, 'ids': {id(t) for t in leaves}})

    def _follow_optimizer(self, optimizer):
        """When several models exist, the one the optimizer trains is the one to show."""
        groups = optimizer.param_groups
        first = groups[0]['params'][0] if groups and groups[0]['params'] else None
        if first is None or (self.model is not None and id(first) in self.model['ids']):
            return
        for model in reversed(self._models):
            if id(first) in model['ids']:
                return self._select_model(model)

    def _snapshot(self):
        if self.model is None:
            return []
        return self._copy_params() or []

    @shielded
    def _copy_params(self):
        return param_snapshots(self.model['params'], self.opts.max_elements, SNAPSHOT_BUDGET)

    def _send_params(self, phase):
        started = time.perf_counter()
        params = self._snapshot()
        self.send(
            {'type': 'params', 'runId': self.run_id, 'step': self._current_step(), 'phase': phase, 'params': params}
        )
        now = time.perf_counter()
        self._next_params = now + max(self._interval, (now - started) / SNAPSHOT_SHARE)

    @shielded
    def _send_activations(self):
        started = time.perf_counter()
        outputs = activation_outputs(self.latest_outputs, self.opts.max_elements)
        self.send({'type': 'activations', 'runId': self.run_id, 'step': self._current_step(), 'outputs': outputs})
        now = time.perf_counter()
        self._next_activations = now + max(self._interval, (now - started) / SNAPSHOT_SHARE)


def _lrs_of(optimizer):
    out = []
    for group in optimizer.param_groups:
        lr = group.get('lr', math.nan)
        if isinstance(lr, torch.Tensor) and lr.device.type != 'cpu':
            out.append(math.nan)  # an lr tensor on a GPU (capturable optimizers): reading it would wait for the GPU
            continue
        try:
            out.append(float(lr))
        except (TypeError, ValueError, RuntimeError):
            out.append(math.nan)
    return out


def _graph_leaves(root, limit):
    """The tensors requiring grad at the leaves of `root`'s graph, in the order its operations used them."""
    if root.grad_fn is None:
        return [root] if root.requires_grad and root.is_floating_point() else []
    leaves = []
    seen = {}  # id -> node, kept alive so that an id is never reused during the walk
    stack = [root.grad_fn]
    while stack and len(leaves) < limit:
        fn = stack.pop()
        if fn is None or id(fn) in seen:
            continue
        seen[id(fn)] = fn
        variable = getattr(fn, 'variable', None)  # AccumulateGrad: a leaf
        if variable is not None:
            if variable.is_floating_point():
                leaves.append(variable)
            continue
        for next_fn, _ in reversed(fn.next_functions):
            if next_fn is not None:
                stack.append(next_fn)
    return leaves


def _max_memory():
    """Peak bytes allocated by tensors on the current CUDA device, once the script has used CUDA."""
    try:
        if torch.cuda.is_available() and torch.cuda.is_initialized():
            return int(torch.cuda.max_memory_allocated())
    except (RuntimeError, AssertionError):
        pass
    return None


def _device_names(devices):
    """Names of the CUDA devices among `devices` (e.g. 'NVIDIA H200'), when CUDA is already in use."""
    if not any(d.startswith('cuda') for d in devices):
        return None
    try:
        if not torch.cuda.is_initialized():
            return None
        return [torch.cuda.get_device_name(torch.device(d)) if d.startswith('cuda') else d for d in devices]
    except (RuntimeError, AssertionError):
        return None
