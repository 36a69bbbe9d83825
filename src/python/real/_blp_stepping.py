"""Backprop Lens probe: the stepping half of the recorder, as src/python/stepping/ does for the built-in runtime.

- Phases: in 'phases' mode a run pauses after forward (when a loss function is called: the model's prediction
  beside the target), after the loss (when the loss function returns: its value and kind) and, for a loss
  written by hand, both at the entry of its backward; backward and update pause in the recorder.
- Series: each new model or optimizer that trains begins a series of steps, labelled by what tells the series
  apart (`lr=0.05`, `Tanh`, `w=2`), as seriesTracker.ts labels them.
- Each step's gradient norm and update/weight ratio per parameter, computed with torch on the parameters' own
  device and copied back with the losses' batch (a step never waits for a GPU); recorded at every step while
  that takes at most METRICS_SHARE (_blp_budget.py) of the run's time, else at fewer steps (NaN between them), so that a tiny
  model's step, which costs little more than recording its numbers, is not slowed down by them.
"""

import math

import torch

from _blp_tensors import copy_values
from _blp_wire import Floats, f32

PHASE_VALUES = 256
# A model with more values than this gets no update ratios (copying it before every update costs too much).
RATIO_MAX_NUMEL = 1 << 22

LOSS_KINDS = {
    'mse_loss': 'mse',
    'l1_loss': 'l1',
    'smooth_l1_loss': 'smooth_l1',
    'huber_loss': 'huber',
    'binary_cross_entropy': 'bce',
    'binary_cross_entropy_with_logits': 'bce_logits',
    'cross_entropy': 'cross_entropy',
    'nll_loss': 'nll',
}

ACTIVATION_MODULES = (
    'ReLU LeakyReLU ELU GELU SiLU Tanh Sigmoid Softplus Softmax LogSoftmax Hardtanh ReLU6 Mish PReLU CELU SELU'.split()
)


def tensor_values(t, name):
    """TensorValues: name, shape and the first PHASE_VALUES values (row-major) of a tensor."""
    with torch.no_grad():
        flat = t.detach().reshape(-1)[:PHASE_VALUES]
        values = copy_values([flat])[0] if flat.numel() else Floats([])
    return {'name': name, 'shape': list(t.shape), 'values': Floats(f32(values))}


def forward_detail(prediction, target, name_tensors):
    tensors = [prediction] if target is None else [prediction, target]
    names = name_tensors(tensors)
    return {
        'prediction': tensor_values(prediction, names[0]),
        'target': tensor_values(target, names[1]) if target is not None else None,
    }


def _reduction(value):
    return value if value in ('mean', 'sum', 'none') else None


def library_loss(fn, reduction, loss):
    return {
        'value': f32([float(loss.detach().reshape(-1)[0])])[0],
        'kind': LOSS_KINDS.get(fn, 'graph'),
        'reduction': _reduction(reduction),
        'handWritten': False,
        'ops': [],
    }


def _first_input(node):
    """The first input node that needs a gradient (PyTorch's next_functions), or None."""
    for nxt, _ in getattr(node, 'next_functions', ()):
        if nxt is not None:
            return nxt
    return None


def _squares(node):
    name = type(node).__name__
    if name == 'MulBackward0':
        nexts = node.next_functions
        return len(nexts) == 2 and nexts[0][0] is not None and nexts[0][0] is nexts[1][0]
    if name == 'PowBackward0':
        return getattr(node, '_saved_exponent', None) == 2
    return False


def hand_written_loss(root):
    """A loss written out: `((pred - y) ** 2).mean()` as the mean of squared differences (and `.sum()`,
    `abs()`); anything else named by its autograd nodes from the loss back (phaseDetails.ts)."""
    value = f32([float(root.detach().reshape(-1)[0])])[0]
    ops = []
    node = root.grad_fn
    while node is not None and len(ops) < 6:
        if type(node).__name__ == 'AccumulateGrad':
            break
        ops.append(type(node).__name__)
        node = _first_input(node)
    top = root.grad_fn
    top_name = type(top).__name__ if top is not None else ''
    reduction = {'MeanBackward0': 'mean', 'SumBackward0': 'sum'}.get(top_name)
    inner = _first_input(top) if top is not None else None
    diff = _first_input(inner) if inner is not None else None
    if reduction and inner is not None and diff is not None and type(diff).__name__ == 'SubBackward0':
        if _squares(inner):
            return {'value': value, 'kind': 'mse', 'reduction': reduction, 'handWritten': True, 'ops': ops}
        if type(inner).__name__ == 'AbsBackward0':
            return {'value': value, 'kind': 'l1', 'reduction': reduction, 'handWritten': True, 'ops': ops}
    return {'value': value, 'kind': 'graph', 'reduction': reduction, 'handWritten': True, 'ops': ops}


def update_detail(optimizer, before, after):
    """UpdateDetail of an optimizer step: its rule, hyper-parameters and what it subtracted (before - after)."""
    name = type(optimizer).__name__
    group = optimizer.param_groups[0] if optimizer.param_groups else {}
    rule = {'Adam': 'adam', 'AdamW': 'adamw', 'RMSprop': 'rmsprop', 'Adagrad': 'adagrad'}.get(name, 'other')
    if name == 'SGD':
        momentum = group.get('momentum', 0) or 0
        rule = 'sgd' if momentum == 0 else ('nesterov' if group.get('nesterov') else 'momentum')
    hyper = {}
    for key in ('lr', 'momentum', 'dampening', 'weight_decay', 'eps', 'alpha'):
        value = group.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            hyper[key] = float(value)
    betas = group.get('betas')
    if isinstance(betas, (tuple, list)) and len(betas) == 2:
        hyper['beta1'], hyper['beta2'] = float(betas[0]), float(betas[1])
    amounts = None
    if before is not None and after is not None and len(before) == len(after):
        amounts = []
        for b, a in zip(before, after):
            ok = b is not None and a is not None and len(b) == len(a)
            amounts.append(Floats(f32([x - y for x, y in zip(b, a)])) if ok else None)
    return {'optimizer': name, 'rule': rule, 'hyper': hyper, 'amounts': amounts}


def manual_update():
    return {'optimizer': '', 'rule': 'manual', 'hyper': {}, 'amounts': None}


# ---- series ---------------------------------------------------------------------------------------------


def activations_of(modules, output_paths):
    """The model's activations (`Tanh`, `ReLU+Sigmoid`), `no activation`, or '' for plain tensors."""
    if len(modules) == 1 and modules[0]['type'] == 'Tensors':
        return ''
    names = []
    for m in modules:
        if m['type'] in ACTIVATION_MODULES and m['type'] not in names:
            names.append(m['type'])
    for path in output_paths:
        if ':' in path or '#' in path:
            fn = path.rsplit(':', 1)[-1].split('#')[0]
            if fn and fn not in names:
                names.append(fn)
    return '+'.join(names) if names else 'no activation'


def _short(v):
    return _js_number_text(float('%.4g' % v))


def _js_number_text(v):
    return str(int(v)) if v == int(v) and abs(v) < 1e21 else repr(v)


def series_labels(traits, pending):
    """What tells each series apart, in order: lr, optimizer, model, activations, start (seriesTracker.ts)."""

    def differs(f, known=lambda i: True):
        return len({str(f(t)) for i, t in enumerate(traits) if known(i)}) > 1

    settled = lambda i: not pending[i]  # noqa: E731 - a one-line predicate
    parts = []
    if differs(lambda t: t['lr'], settled):
        parts.append(lambda t: None if t['lr'] is None else 'lr=' + _short(t['lr']))
    if differs(lambda t: t['optimizer'], settled):
        parts.append(lambda t: t['optimizer'] or 'by hand')
    if differs(lambda t: t['model']):
        parts.append(lambda t: t['model'])
    if differs(lambda t: t['activations']):
        parts.append(lambda t: t['activations'] or None)
    if differs(lambda t: t['start']):
        parts.append(lambda t: t['start'])
    out = []
    for i, t in enumerate(traits):
        text = ', '.join(s for s in (p(t) for p in parts) if s)
        out.append(text or 'run %d' % (i + 1))
    return out


class SeriesTracker:
    def __init__(self, run_id):
        self.run_id = run_id
        self.series = []  # dicts: firstStep, traits, label, key, pending

    def current_key(self):
        return self.series[-1]['key'] if self.series else None

    def begin(self, first_step, traits, key):
        if self.series:
            self.series[-1]['pending'] = False
        self.series.append(
            {'firstStep': first_step, 'traits': traits, 'label': '', 'key': key, 'pending': traits['optimizer'] is None}
        )
        return self._relabel()

    def set_optimizer(self, name, lr, key):
        s = self.series[-1]
        s['key'] = key
        s['pending'] = False
        s['traits'] = dict(s['traits'], optimizer=name, lr=lr)
        return self._relabel()

    def _relabel(self):
        labels = series_labels([s['traits'] for s in self.series], [s['pending'] for s in self.series])
        out = []
        last = len(self.series) - 1
        for index, s in enumerate(self.series):
            if s['label'] == labels[index] and index < last:
                continue
            s['label'] = labels[index]
            t = s['traits']
            out.append(
                {
                    'type': 'series',
                    'runId': self.run_id,
                    'index': index,
                    'firstStep': s['firstStep'],
                    'label': s['label'],
                    'model': t['model'],
                    'optimizer': t['optimizer'],
                }
            )
        return out


def start_of(model):
    """Plain tensors of one or two numbers: where they start (`w=-2`)."""
    if model['modules'][0]['type'] != 'Tensors':
        return None
    if sum(p.numel() for _, p in model['params']) > 2:
        return None
    parts = []
    for name, p in model['params']:
        values = f32(p.detach().reshape(-1).cpu().tolist())
        parts.append(name + '=' + ','.join(_js_number_text(float('%.4g' % v)) for v in values))
    return ', '.join(parts)


# ---- every step's numbers -------------------------------------------------------------------------------


class StepMetrics:
    """Per parameter and step: the gradient's L2 norm and |after - before| / |before| of an update. Kept as
    tensors on the parameters' device until the batch is sent (`take`)."""

    def __init__(self):
        self.names = []
        self.norms = {}  # index -> tensor of norms (one per parameter) or None
        self.ratios = {}
        self._before = None

    def track(self, params):
        self.names = [name for name, _ in params]
        self.norms = {}
        self.ratios = {}
        self._before = None

    def record_grads(self, params, index, want_before):
        if index < 0 or len(params) != len(self.names):
            return
        with torch.no_grad():
            tensors = [p.detach() for _, p in params]
            grads = [p.grad for _, p in params]
            if all(g is not None and g.dtype == p.dtype for g, p in zip(grads, tensors)):
                self.norms[index] = _stack(_norms(grads))
            else:
                nan = [torch.tensor(math.nan, device=p.device) for p in tensors]
                self.norms[index] = _stack([_norms([g])[0] if g is not None else n for g, n in zip(grads, nan)])
            numel = sum(p.numel() for p in tensors)
            self._before = _copies(tensors) if want_before and numel <= RATIO_MAX_NUMEL else None

    def record_update(self, params, index):
        before = self._before
        self._before = None
        if before is None or index < 0 or len(before) != len(params):
            return False
        with torch.no_grad():
            after = [p.detach() for _, p in params]
            changes = _norms(_differences(after, before))
            self.ratios[index] = _stack(changes + _norms(before))
        return True

    def take(self, n):
        """gradNorms and updateRatios of the next `n` steps (NaN where none), or None without a model."""
        if not self.names:
            return None
        k = len(self.names)
        norms = _columns(self.norms, n, k)
        pairs = _columns(self.ratios, n, 2 * k)
        ratios = [Floats(f32([_ratio(c, o) for c, o in zip(pairs[j], pairs[k + j])])) for j in range(k)]
        self.norms = {}
        self.ratios = {}
        return (
            {'names': list(self.names), 'norms': norms},
            {'names': list(self.names), 'ratios': ratios},
        )


# One call for every parameter where this PyTorch has the fused (foreach) kernels, as its optimizers use.
_FOREACH = hasattr(torch, '_foreach_norm') and hasattr(torch, '_foreach_sub')


def _norms(tensors):
    """The L2 norm of each tensor, as 0-d tensors on their devices."""
    if _FOREACH and len({(t.device, t.dtype) for t in tensors}) == 1 and tensors[0].is_floating_point():
        return list(torch._foreach_norm(tensors))
    return [torch.linalg.vector_norm(t.float()) for t in tensors]


def _copies(tensors):
    if _FOREACH and len({(t.device, t.dtype) for t in tensors}) == 1:
        return list(torch._foreach_mul(tensors, 1.0))
    return [t.clone() for t in tensors]


def _differences(after, before):
    if _FOREACH and len({(t.device, t.dtype) for t in after}) == 1:
        return list(torch._foreach_sub(after, before))
    return [a - b for a, b in zip(after, before)]


def _ratio(change, old):
    if math.isnan(change) or math.isnan(old):
        return math.nan
    if old > 0:
        return change / old
    return 0.0 if change == 0 else math.inf


def _stack(scalars):
    devices = {t.device for t in scalars}
    if len(devices) > 1:
        scalars = [t.cpu() for t in scalars]
    return torch.stack(scalars)


def _columns(rows, n, k):
    """Per parameter, the values of steps 0..n-1 from {index: tensor of k values} (one copy per device)."""
    indices = [i for i in sorted(rows) if 0 <= i < n]
    flat = copy_values([rows[i] for i in indices]) if indices else []
    table = [[math.nan] * n for _ in range(k)]
    for i, values in zip(indices, flat):
        for j in range(min(k, len(values))):
            table[j][i] = values[j]
    return [Floats(f32(col)) for col in table]
