"""Backprop Lens probe: the concept views' events on real PyTorch (conceptRecorder.ts does this for the
built-in runtime): the model's predictions (decision boundary or fitted curve), the exact loss landscape,
the autograd graph of the loss, the inputs each activation function received and the batch the model saw.

Scheduled as the built-in does: each kind at most `updates_per_second` times a second and at most its share
of the run's time (SHARE); predictions and the landscape only once the run has trained for WARMUP_S (a short
run gets them at its end); a new model gets the cheap kinds at once; a pause and the end of the run get every
kind. A kind that does not apply to the model (no boundary for 784 inputs, no exact landscape for more than
two trained numbers) is skipped until another model trains; BACKPROP_LENS_DEBUG=1 prints why. Everything is
computed under torch.no_grad() on the tensors' own device; a failure turns the concept views off, never the run.
"""

import math
import os
import sys
import time

import torch

from _blp_budget import CONCEPT_SHARES as SHARE, PATH_SHARE, Budget
from _blp_prediction import ExactLandscape, PointReservoir, evaluation, gather, model_data, prediction_event
from _blp_slice import SLICE_MAX_NUMEL, SliceLandscape, wide as _wide
from _blp_wire import Floats, f32

KINDS = ('prediction', 'landscape', 'graph', 'activationInputs', 'batch')
CHEAP = ('graph', 'activationInputs', 'batch')
WARMUP_S = 1.0
GATHER_STEPS = 16
BIG_MODEL = 20000
BATCH_ROWS = 8
MAX_NODES = 100
BINS = 40
MAX_ITEMS = 12
TANH_FLAT = 0.99
SIGMOID_FLAT = 0.01
FLAT_SLOPE = 0.01


def _flat(fn, x, a):
    """Where an activation function's derivative is (almost) zero, as a boolean tensor over its float64 inputs
    (src/shared/activationFunctions.ts)."""
    s = torch.sigmoid(x)
    if fn == 'relu':
        return x <= 0
    if fn == 'sigmoid':
        return (s < SIGMOID_FLAT) | (s > 1 - SIGMOID_FLAT)
    if fn == 'tanh':
        return torch.tanh(x).abs() > TANH_FLAT
    if fn == 'leaky_relu':
        return (x <= 0) & (abs(0.01 if a is None else a) < FLAT_SLOPE)
    if fn == 'elu':
        return (x <= 0) & ((1 if a is None else a) * torch.exp(x) < FLAT_SLOPE)
    if fn == 'celu':
        return (x <= 0) & (torch.exp(x / (1 if a is None else a)) < FLAT_SLOPE)
    if fn == 'gelu':
        slope = 0.5 * (1 + torch.erf(x / math.sqrt(2))) + x * torch.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
        return slope.abs() < FLAT_SLOPE
    if fn == 'silu':
        return (s * (1 + x * (1 - s))).abs() < FLAT_SLOPE
    if fn == 'softplus':
        return s < FLAT_SLOPE
    if fn == 'logsigmoid':
        return 1 - s < FLAT_SLOPE
    if fn == 'hardtanh':
        return (x <= -1) | (x >= 1)
    return torch.zeros_like(x, dtype=torch.bool)  # mish: never flat


FLAT_FUNCTIONS = 'relu sigmoid tanh leaky_relu elu celu gelu silu softplus logsigmoid mish hardtanh'.split()


def _debug(message):
    if os.environ.get('BACKPROP_LENS_DEBUG'):
        sys.__stderr__.write('backprop-lens: concept views: %s\n' % message)


class Concepts:
    def __init__(self, recorder):
        self.rec = recorder
        ups = recorder.opts.updates_per_second
        self.interval = 1.0 / ups if ups > 0 else math.inf
        self.last = {}  # kind -> (at, cost)
        self.inapplicable = set()
        self.reservoir = PointReservoir()
        self.landscape = None
        self.started_at = -1.0
        self.predictions = 0
        self.broken = False
        self.loss_call = None  # (fn name, prediction, target, (args, kwargs, original function))
        self.model_call = None  # (module, input, output) of the root model's latest call
        self.act_calls = []  # (fn, path, input, output) of the latest captured forward
        self._params = None
        self._root = None
        # A slice's path: a point at every step while that takes at most PATH_SHARE of the run's time.
        self.path_budget = Budget(PATH_SHARE)
        self._name_cache = {}  # id -> (tensor, the learner's name or None)
        self._step = 0

    # ---- what the patches report ------------------------------------------------------------------

    def loss_called(self, fn, prediction, target, extra):
        if torch.is_grad_enabled() and isinstance(prediction, torch.Tensor) and prediction.requires_grad:
            self.loss_call = (fn, prediction, target, extra)

    def model_called(self, module, inputs, output):
        if torch.is_grad_enabled() and inputs and isinstance(inputs[0], torch.Tensor):
            self.model_call = (module, inputs[0], output)

    # ---- training steps ---------------------------------------------------------------------------

    def step(self, root, step, force):
        if self.broken or self.rec.opts.quiet:
            return
        try:
            self._step_views(root, step, force)
        except Exception as exc:  # noqa: BLE001 - the concept views never end the learner's run
            self._fail(exc)

    def _step_views(self, root, step, force):
        model = self.rec.model
        if model is None:
            return
        self._root = root
        fresh = self._params is not model
        if fresh:
            self._params = model
            self.inapplicable.clear()
            self.path_budget = Budget(PATH_SHARE)
            self.landscape = None
            numel = sum(p.numel() for _, p in model['params'])
            if model['modules'][0]['type'] != 'Tensors':
                if numel <= 2:
                    self.landscape = ExactLandscape(model['params'])
                elif numel <= SLICE_MAX_NUMEL:
                    self.landscape = SliceLandscape(model['params'])
            self.big = numel > BIG_MODEL
        # An exact landscape's path costs a copy of two numbers: every step, as the built-in keeps it.
        if isinstance(self.landscape, ExactLandscape):
            self.landscape.observe(root.detach(), step)
        elif self.landscape is not None and self.landscape.usable and self.path_budget.due():
            self.landscape.observe(root.detach(), step)
            self.path_budget.spent()
        data = None
        if step % GATHER_STEPS == 0 and 'prediction' not in self.inapplicable:
            data = model_data(self.loss_call, self.model_call)
            if data is not None:
                gather(self.reservoir, data)
        now = time.perf_counter()
        if self.started_at < 0:
            self.started_at = now
        warm = now - self.started_at >= WARMUP_S

        def may(kind):
            cheap = kind in CHEAP and not (kind == 'graph' and self.big)
            return kind not in self.inapplicable and (warm or cheap)

        due = [k for k in KINDS if force or (may(k) and (fresh or self._due(k, now, 1.0)))]
        if due and len(due) < len(KINDS):
            due = [k for k in KINDS if k in due or (may(k) and self._due(k, now, 0.6))]
        if due:
            if data is None:
                data = model_data(self.loss_call, self.model_call)
            self.compute(due, step, data, budget=True)

    def _due(self, kind, now, share):
        last = self.last.get(kind)
        if last is None:
            return True
        return now >= last[0] + share * max(self.interval, last[1] / SHARE[kind])

    def compute(self, kinds, step, data, budget):
        for kind in kinds:
            start = time.perf_counter()
            with self.rec.probing():
                sent = self._send(kind, step, data, budget)
            end = time.perf_counter()
            if not sent:
                self.inapplicable.add(kind)
            previous = self.last.get(kind)
            cost = end - start
            self.last[kind] = (end, (previous[1] + cost) / 2 if previous else cost)
        if 'activationInputs' in kinds:
            self.act_calls = []  # drawn: the activations they hold (a big model's, on its GPU) can go

    def refresh(self, step):
        """After an update at a pause: the predictions and the landscape with the new parameters."""
        if self.broken or self.rec.opts.quiet:
            return
        try:
            data = model_data(self.loss_call, self.model_call)
            self.compute([k for k in ('prediction', 'landscape') if k not in self.inapplicable], step, data, True)
        except Exception as exc:  # noqa: BLE001 - see step()
            self._fail(exc)

    def finish(self, steps):
        """The end of the run: every view again, with the final parameters."""
        if self.broken or self.rec.opts.quiet or self.rec.model is None or self._root is None:
            return
        try:
            data = model_data(self.loss_call, self.model_call)
            if data is not None:
                self._replay_forward(data)
            self.inapplicable.clear()
            for kind in KINDS:
                with self.rec.probing():
                    self._send(kind, steps, data, False, final=True)
        except Exception as exc:  # noqa: BLE001 - see step()
            self._fail(exc)

    def _replay_forward(self, data):
        """The model's forward again with the final parameters, its activation calls recorded."""
        self.act_calls = []
        with torch.no_grad(), evaluation(data.module), self.rec.probing(record_activations=True):
            self._final_output = data.module(data.input)

    def _fail(self, exc):
        self.broken = True
        _debug('off: %s: %s' % (type(exc).__name__, exc))

    # ---- the events -------------------------------------------------------------------------------

    def _base(self, kind, step, data):
        event = {'type': kind, 'runId': self.rec.run_id, 'step': step}
        if data is not None:
            refs = [data.input, data.target, data.prediction]
            names = self._names(refs)
            event.update(
                {k: {'name': n, 'shape': list(t.shape)} for k, n, t in zip(('input', 'target', 'output'), names, refs)}
            )
        return event

    def _names(self, tensors):
        """The learner's variable names, remembered: at the end of the run the file's frames are gone."""
        cached = [self._name_cache.get(id(t)) for t in tensors]
        ask = [t for t, c in zip(tensors, cached) if c is None or c[0] is not t or c[1] is None]
        if ask:
            if len(self._name_cache) > 64:
                self._name_cache.clear()
            for t, name in zip(ask, self.rec.user_file.name_tensors(ask, torch.Tensor)):
                self._name_cache[id(t)] = (t, name)
        return [self._name_cache[id(t)][1] for t in tensors]

    def _send(self, kind, step, data, budget, final=False):
        if kind == 'graph':
            return self._send_graph(step)
        if kind == 'activationInputs':
            items = activation_inputs(self.act_calls)
            if items:
                self.rec.send({'type': 'activationInputs', 'runId': self.rec.run_id, 'step': step, 'items': items})
            return bool(items)
        if data is None:
            _debug('%s: the loss compares no output of the model with data' % kind)
            return False
        if kind == 'batch':
            return self._send_batch(step, data, final)
        if kind == 'prediction':
            if gather(self.reservoir, data) is None:
                _debug('prediction: neither 2 input features with a classification loss nor 1 input and 1 output')
                return False
            self.rec.send(
                prediction_event(self._base('prediction', step, data), data, self.reservoir, self.predictions)
            )
            self.predictions += 1
            return True
        if self.landscape is None or not self.landscape.usable:
            _debug('landscape: an nn.Module with at most %d trained numbers gets one on PyTorch' % SLICE_MAX_NUMEL)
            return False
        base = self._base('landscape', step, data)
        base['numel'] = self.landscape.numel
        event = self.landscape.event(base, data, step, 30.0 if budget else None)
        if event is None:
            _debug('landscape: a forward pass of the batch is too slow for a grid')
            return False
        self.rec.send(event)
        return True

    def _send_batch(self, step, data, final):
        def rows(t):
            n = t.shape[0] if t.dim() > 0 else 1
            per = t.numel() // max(1, n)
            flat = t.detach().reshape(-1)[: per * BATCH_ROWS].float().cpu().tolist()
            return Floats(f32(flat))

        output = getattr(self, '_final_output', None) if final else None
        if not isinstance(output, torch.Tensor) or output.numel() != data.prediction.numel():
            output = data.prediction
        event = self._base('batch', step, data)
        event['input']['rows'] = rows(data.input)
        event['target']['rows'] = rows(data.target)
        event['output']['shape'] = list(data.prediction.shape)
        event['output']['rows'] = rows(output)
        self.rec.send(event)
        return True

    def _send_graph(self, step):
        root = self._root
        if root is None or root.grad_fn is None:
            return False
        names = {id(p): name for name, p in self.rec.model['params']} if self.rec.model else {}
        # Tensors whose node is known: the step's module outputs, activations, prediction and loss. Their
        # nodes are held (`held`) while ids are compared: PyTorch makes a node's Python object on demand.
        candidates = list(self.rec.latest_outputs.values()) + [c[3] for c in self.act_calls] + [root]
        if self.loss_call is not None:
            candidates.append(self.loss_call[1])
        held = [(t.grad_fn, t) for t in candidates if isinstance(t, torch.Tensor) and t.grad_fn is not None]
        known = {id(fn): t for fn, t in held}
        # As the built-in names them: the parameters, and the model's output (`prediction`) when a variable holds it.
        labels = dict(names)
        if self.loss_call is not None and isinstance(self.loss_call[1], torch.Tensor):
            labels[id(self.loss_call[1])] = self._names([self.loss_call[1]])[0]
        nodes, edges, hidden = graph_nodes(root, labels, known)
        del held
        event = {'type': 'graph', 'runId': self.rec.run_id, 'step': step, 'nodes': nodes, 'edges': edges}
        event['hidden'] = hidden
        self.rec.send(event)
        return True


def _summaries(tensors):
    """{mean, min, max, norm} of each tensor (None stays None), one copy per device."""
    out = [None] * len(tensors)
    by_device = {}
    for i, t in enumerate(tensors):
        if t is not None and t.numel() > 0 and not t.is_complex():
            by_device.setdefault(t.device, []).append(i)
    with torch.no_grad():
        for indices in by_device.values():
            rows = [tensors[i].detach().float().reshape(-1) for i in indices]
            stats = torch.stack([torch.stack([r.mean(), r.min(), r.max(), _wide(r).norm().float()]) for r in rows])
            for i, (mean, lo, hi, norm) in zip(indices, stats.cpu().tolist()):
                out[i] = {'mean': mean, 'min': lo, 'max': hi, 'norm': norm}
    return out


def _saved_result(fn):
    """The output a node saved for its backward (TanhBackward0, ...), or None (freed after backward)."""
    try:
        result = getattr(fn, '_saved_result', None)
    except RuntimeError:
        return None
    return result if isinstance(result, torch.Tensor) else None


def graph_nodes(root, names, known):
    """GraphEvent nodes and edges of the loss's autograd graph, inputs first (PyTorch's own node names)."""
    order = []
    seen = {}
    stack = [(root.grad_fn, False)]
    while stack:
        fn, done = stack.pop()
        if done:
            order.append(fn)
            continue
        if id(fn) in seen:
            continue
        seen[id(fn)] = fn
        stack.append((fn, True))
        for nxt, _ in reversed(getattr(fn, 'next_functions', ())):
            if nxt is not None and id(nxt) not in seen:
                stack.append((nxt, False))
    hidden = max(0, len(order) - MAX_NODES)
    order = order[hidden:]
    index = {id(fn): i for i, fn in enumerate(order)}
    tensors = []
    grads = []
    for fn in order:
        variable = getattr(fn, 'variable', None)
        if variable is not None:
            tensors.append(variable)
            grads.append(variable.grad)
        else:
            tensors.append(known.get(id(fn)) if id(fn) in known else _saved_result(fn))
            grads.append(None)
    values = _summaries([t if isinstance(t, torch.Tensor) else None for t in tensors])
    grad_values = _summaries(grads)
    nodes = []
    edges = []
    for i, fn in enumerate(order):
        t = tensors[i]
        is_param = getattr(fn, 'variable', None) is not None
        nodes.append(
            {
                'name': type(fn).__name__,
                'kind': 'param' if is_param else 'op',
                'label': names.get(id(t)) if t is not None else None,
                'shape': list(t.shape) if isinstance(t, torch.Tensor) else [],
                'value': values[i],
                'grad': grad_values[i],
                'depth': 0,
            }
        )
        for nxt, _ in getattr(fn, 'next_functions', ()):
            if nxt is not None and id(nxt) in index:
                edges.append([index[id(nxt)], i])
    inputs = [[] for _ in nodes]
    for a, b in edges:
        inputs[b].append(a)
    for i, node in enumerate(nodes):
        node['depth'] = 1 + max(nodes[j]['depth'] for j in inputs[i]) if inputs[i] else 0
    return nodes, edges, hidden


def _parameter(fn, x, y):
    """The function's parameter read off its input and output (LeakyReLU's slope, ELU's alpha), or None."""
    if fn not in ('leaky_relu', 'elu'):
        return 1 if fn == 'celu' else None
    where = (x < -1e-3).nonzero()
    if where.numel() == 0:
        return 0.01 if fn == 'leaky_relu' else 1
    i = int(where[0, 0])
    xi, yi = float(x[i]), float(y[i])
    return yi / xi if fn == 'leaky_relu' else yi / math.expm1(xi)


def activation_inputs(calls):
    """ActivationInput items of the recorded activation calls (activationInputs.ts), in forward order: each
    computed with torch on the input's device, a few numbers copied back."""
    items = []
    for fn, path, x, y in calls[:MAX_ITEMS]:
        if fn not in FLAT_FUNCTIONS or not isinstance(x, torch.Tensor) or x.dtype != torch.float32:
            continue
        with torch.no_grad():
            items.append(_activation_input(fn, path, x, y))
    return items


def _activation_input(fn, path, x, y):
    flat_x = _wide(x.detach().reshape(-1))
    flat_y = _wide(y.detach().reshape(-1)) if isinstance(y, torch.Tensor) else flat_x
    param = _parameter(fn, flat_x, flat_y)
    finite = torch.isfinite(flat_x)
    values = flat_x[finite]
    lo, hi = (float(values.min()), float(values.max())) if values.numel() else (0.0, 0.0)
    width = (hi - lo) / BINS
    if width > 0:
        bins = ((values - lo) / width).floor().clamp(max=BINS - 1).long()
    else:
        bins = torch.full_like(values, BINS >> 1, dtype=torch.long)
    counts = torch.bincount(bins, minlength=BINS)
    units = x.shape[-1] if x.dim() > 0 else 1
    flat = _flat(fn, flat_x, param) & finite
    live = (~flat & finite).reshape(-1, units).any(0) if x.numel() else torch.zeros(units, dtype=torch.bool)
    numbers = torch.cat([counts, flat.sum().reshape(1), (~live).sum().reshape(1)]).cpu().tolist()
    n = x.numel()
    return {
        'path': path,
        'fn': fn,
        'param': param,
        'shape': list(x.shape),
        'min': lo,
        'max': hi,
        'counts': Floats(numbers[:BINS]),
        'flat': numbers[BINS] / n if n else 0,
        'deadUnits': int(numbers[BINS + 1]) if x.dim() >= 2 else 0,
        'units': units if x.dim() >= 2 else 0,
    }
