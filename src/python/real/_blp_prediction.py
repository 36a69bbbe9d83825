"""Backprop Lens probe: the model's predictions over its input space and the exact loss landscape, on real
PyTorch (src/python/concepts/modelData.ts, prediction.ts and landscape.ts do the same on the built-in engine
by replaying the step's graph). Here the learner's own model is called on the grid, under torch.no_grad(), in
eval mode (no dropout; the modules' own modes are restored after), on the device of its input, and the loss
function the step used is called again for the landscape. The probe's patches see none of these calls.
"""

import math
import time

import torch

from _blp_wire import Floats, f32

GRID_MAX = 64
CURVE_POINTS = 128
MAX_POINTS = 400
# Milliseconds one landscape may take during the run (its grid shrinks to fit); the end of a run has no limit.
GRID_BUDGET_MS = 30.0
DIVERGED = 25
PATH_CAPACITY = 600


class ModelData:
    """What a training step fed the model and its loss: input x, target y, prediction, and how to read it."""

    def __init__(self, module, x, prediction, target, loss_fn):
        self.module = module
        self.input = x
        self.prediction = prediction
        self.target = target
        self.loss_fn = loss_fn
        n = prediction.shape[0]
        self.n = n
        self.features = 1 if x.dim() == 1 else (x.shape[1] if x.shape[1] <= 2 else 0)
        self.outputs = prediction.numel() // max(1, n)
        self.readout = readout_of(loss_fn[0], prediction, target)
        if self.readout in ('softmax', 'logSoftmax'):
            self.classes = self.outputs
        elif self.readout != 'value':
            self.classes = 2 if self.outputs == 1 else self.outputs
        else:
            self.classes = 0

    def kind(self):
        if self.features == 2 and self.classes >= 2 and self.input.dim() == 2:
            return 'boundary'
        if self.features == 1 and self.outputs == 1 and self.input.dim() <= 2:
            return 'fit'
        return None

    def evaluate(self, rows, count):
        """The model's outputs (count x outputs, floats) for `count` input rows given flat in `rows`."""
        x = self.input
        grid = torch.tensor(rows, dtype=x.dtype, device=x.device).reshape([count] + list(x.shape[1:]))
        with torch.no_grad(), evaluation(self.module):
            out = self.module(grid)
        if not isinstance(out, torch.Tensor) or out.numel() != count * self.outputs:
            raise ValueError('the model gave another shape for other inputs')
        return out.detach().reshape(-1).float().cpu().tolist()


class evaluation:
    """eval mode for a model call of the probe's own; each module's mode is restored after."""

    def __init__(self, module):
        self.module = module
        self.modes = None

    def __enter__(self):
        self.modes = [(m, m.training) for m in self.module.modules()]
        self.module.eval()

    def __exit__(self, *exc):
        for m, training in self.modes:
            m.training = training
        return False


def model_data(loss_call, model_call):
    """ModelData of the step, or None when the loss did not compare the model's output with data."""
    if loss_call is None or model_call is None:
        return None
    fn, prediction, target, _extra = loss_call
    module, x, output = model_call
    if not isinstance(prediction, torch.Tensor) or not isinstance(target, torch.Tensor):
        return None
    if not isinstance(x, torch.Tensor) or not isinstance(output, torch.Tensor) or prediction.dim() == 0:
        return None
    if output is not prediction and (output.numel() != prediction.numel() or output.dim() == 0):
        return None
    if x.dim() == 0 or x.shape[0] != prediction.shape[0] or not x.is_floating_point():
        return None
    return ModelData(module, x, prediction, target, loss_call)


def _binary(values, a, b):
    return len(values) > 0 and all(v == a or v == b for v in values)


def readout_of(fn, prediction, target):
    if fn == 'binary_cross_entropy':
        return 'probability'
    if fn == 'binary_cross_entropy_with_logits':
        return 'logit'
    if fn == 'cross_entropy':
        return 'softmax'
    if fn == 'nll_loss':
        node = prediction.grad_fn
        return 'logSoftmax' if node is not None and type(node).__name__ == 'LogSoftmaxBackward0' else 'softmax'
    if target.dtype != torch.float32:
        return 'value'
    values = target.detach().reshape(-1).cpu().tolist()
    if _binary(values, 0, 1):
        return 'score01'
    if _binary(values, -1, 1):
        return 'scorePm1'
    return 'value'


def _probability(v, readout):
    if readout == 'logit':
        return 1 / (1 + math.exp(-v)) if v > -700 else 0.0
    if readout == 'scorePm1':
        return (max(-1.0, min(1.0, v)) + 1) / 2
    return max(0.0, min(1.0, v))


def classify(out, outputs, readout, rows):
    """(classes, confidences) of `rows` rows of model outputs, as modelData.ts's classify."""
    classes = [0.0] * rows
    confidence = [0.0] * rows
    if outputs == 1:
        for r in range(rows):
            p = _probability(out[r], readout)
            classes[r] = 1.0 if p >= 0.5 else 0.0
            confidence[r] = p if p >= 0.5 else 1 - p
        return classes, confidence
    for r in range(rows):
        row = out[r * outputs : (r + 1) * outputs]
        best = 0
        for c in range(1, outputs):
            if row[c] > row[best]:
                best = c
        classes[r] = float(best)
        if readout == 'softmax':
            confidence[r] = 1 / sum(math.exp(v - row[best]) for v in row)
        elif readout == 'logSoftmax':
            confidence[r] = math.exp(row[best])
        else:
            confidence[r] = max(0.0, min(1.0, row[best]))
    return classes, confidence


def target_classes(data):
    """The true class of each target row: an index, a 0/1 (or -1/1) label, or a one-hot row's argmax."""
    n = data.n
    values = data.target.detach().reshape(-1).float().cpu().tolist()
    per = len(values) // max(1, n)
    out = []
    is_float = data.target.dtype == torch.float32
    for i in range(n):
        if per == 1:
            v = values[i]
            if data.readout == 'scorePm1':
                out.append(1.0 if v > 0 else 0.0)
            elif data.classes == 2 and is_float:
                out.append(1.0 if v >= 0.5 else 0.0)
            else:
                out.append(v)
            continue
        row = values[i * per : (i + 1) * per]
        out.append(float(max(range(per), key=lambda c: (row[c], -c))))
    return out


class PointReservoir:
    """The training points drawn under the model: the step's rows, gathered over mini-batches."""

    def __init__(self):
        self.last_input = None
        self.last_version = -1
        self.x = []
        self.y = []
        self.features = 0

    def take(self, x, labels, features):
        version = getattr(x, '_version', 0)
        same = x is self.last_input and version == self.last_version
        if same and features == self.features:
            return
        if x is self.last_input or features != self.features:
            self.x, self.y = [], []
        self.last_input, self.last_version, self.features = x, version, features
        values = x.detach().reshape(-1).float().cpu().tolist()
        for i in range(len(labels)):
            self.x.extend(values[i * features : (i + 1) * features])
            self.y.append(labels[i])
        excess = len(self.y) - MAX_POINTS
        if excess > 0:
            del self.x[: excess * features]
            del self.y[:excess]


def gather(reservoir, data):
    """Adds the step's rows to the reservoir; returns the prediction view's kind (or None)."""
    kind = data.kind()
    if kind is not None:
        labels = target_classes(data) if kind == 'boundary' else data.target.detach().reshape(-1).float().cpu().tolist()
        reservoir.take(data.input, labels[: data.n], data.features)
    return kind


def range_of(points, features, f, margin):
    values = [v for v in points[f::features] if math.isfinite(v)]
    if not values:
        return -1.0, 1.0
    lo, hi = min(values), max(values)
    span = hi - lo
    if span < 1e-6:
        return lo - 0.5, hi + 0.5
    return lo - span * margin, hi + span * margin


def prediction_event(base, data, reservoir, count):
    """A `prediction` event (boundary or fit) of the model as it is now; `count`: predictions before it."""
    kind = data.kind()
    points = f32(reservoir.x)
    targets = f32(reservoir.y)
    event = dict(base, readout=data.readout, points=Floats(points), targets=Floats(targets))
    n = len(targets)
    if kind == 'boundary':
        side = min(GRID_MAX, 16 << min(2, count))
        x0, x1 = range_of(points, 2, 0, 0.1)
        y0, y1 = range_of(points, 2, 1, 0.1)
        grid = []
        for r in range(side):
            for c in range(side):
                grid.append(x0 + ((c + 0.5) / side) * (x1 - x0))
                grid.append(y0 + ((r + 0.5) / side) * (y1 - y0))
        cell_class, cell_conf = classify(data.evaluate(f32(grid), side * side), data.outputs, data.readout, side * side)
        predicted, _ = classify(data.evaluate(points, n), data.outputs, data.readout, n) if n else ([], [])
        right = sum(1 for p, t in zip(predicted, targets) if p == t)
        event.update(kind='boundary', classes=data.classes, x0=x0, x1=x1, y0=y0, y1=y1, cols=side, rows=side)
        event.update(cellClass=Floats(f32(cell_class)), cellConfidence=Floats(f32(cell_conf)))
        event.update(predicted=Floats(f32(predicted)), accuracy=right / n if n else math.nan)
        return event
    lo, hi = range_of(points, 1, 0, 0.05)
    xs = f32([lo + (i / (CURVE_POINTS - 1)) * (hi - lo) for i in range(CURVE_POINTS)])
    shown = _sigmoid if data.readout == 'logit' else (lambda v: v)
    ys = [shown(v) for v in data.evaluate(xs, CURVE_POINTS)]
    fitted = [shown(v) for v in data.evaluate(points, n)] if n else []
    event.update(kind='fit', xs=Floats(xs), ys=Floats(f32(ys)), fitted=Floats(f32(fitted)))
    return event


def _sigmoid(v):
    return 1 / (1 + math.exp(-v)) if v > -700 else 0.0


# ---- the exact loss landscape (1 or 2 trained numbers) --------------------------------------------------


def axis_range(values):
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return -1.0, 1.0
    lo, hi = min(finite), max(finite)
    m = max(abs(lo), abs(hi))
    extent = hi - lo
    if extent >= 0.2 * m or m < 0.5:
        r = 1.3 * max(m, 0.5)
        return -r, r
    half = max(1.5 * extent, 0.25 * m, 1e-3)
    return (lo + hi) / 2 - half, (lo + hi) / 2 + half


class ExactLandscape:
    """The path of a model with 1 or 2 trained numbers (every step, thinned beyond PATH_CAPACITY) and the
    loss over those numbers, computed by calling the model and the step's loss function again."""

    def __init__(self, params):
        self.params = params  # (name, tensor)
        self.coords = [(k, i) for k, (_, p) in enumerate(params) for i in range(p.numel())]
        self.numel = len(self.coords)
        self.usable = True
        self.records = []  # [coords..., loss]
        self.steps = []
        self.stride = 1
        self.first = -1
        self.cache = None

    def observe(self, loss, step):
        if self.first >= 0 and (step - self.first) % self.stride:
            return
        if len(self.records) == PATH_CAPACITY:
            self.records = self.records[::2]
            self.steps = self.steps[::2]
            self.stride *= 2
        if self.first < 0:
            self.first = step
        self.records.append(f32(self._values() + [float(loss)]))
        self.steps.append(step)

    def _values(self):
        flat = [p.detach().reshape(-1).float().cpu().tolist() for _, p in self.params]
        return [flat[k][i] for k, i in self.coords]

    def event(self, base, data, step, budget):
        dims = len(self.coords)
        current = self._loss(data)
        path = [v for rec in self.records for v in rec]
        steps = list(self.steps)
        if step > (self.steps[-1] if self.steps else -1):
            path += f32(self._values() + [current])
            steps.append(step)
        cap = DIVERGED * max(1e-12, abs(path[dims])) if len(path) > dims else math.inf
        axes = []
        for k, (param, index) in enumerate(self.coords):
            values = [
                path[i + k]
                for i in range(0, len(path) - dims, dims + 1)
                if abs(path[i + dims]) <= cap or i < 2 * (dims + 1)
            ]
            lo, hi = axis_range(values)
            name, tensor = self.params[param]
            label = '%s[%d]' % (name, index) if tensor.numel() > 1 else name
            axes.append({'label': label, 'min': lo, 'max': hi, 'count': 161 if dims == 1 else 41})
        values = self._grid(data, axes, budget)
        event = dict(base, kind='exact', axes=axes, values=Floats(f32(values)), path=Floats(path))
        event.update(pathSteps=Floats([float(s) for s in steps]), earlier=[])
        return event

    def _loss(self, data):
        return loss_now(data)

    def _grid(self, data, axes, budget):
        key = (id(data.input), getattr(data.input, '_version', 0), tuple((a['min'], a['max']) for a in axes))
        if self.cache is not None and self.cache[0] == key and budget is not None:
            for a, count in zip(axes, self.cache[2]):
                a['count'] = count
            return self.cache[1]
        saved = [p.detach().clone() for _, p in self.params]
        views = [p.data.view(-1) for _, p in self.params]

        def loss_at(coords):
            for (k, i), v in zip(self.coords, coords):
                views[k][i] = v
            return self._loss(data)

        try:
            if budget is not None:
                each = best_ms(lambda: loss_at([a['min'] for a in axes]))
                for a in axes:
                    a['count'] = max(11, min(a['count'], int((budget / each) ** (1.0 / len(axes)))))
            at = lambda a, i: a['min'] + (i / (a['count'] - 1)) * (a['max'] - a['min'])  # noqa: E731
            if len(axes) == 1:
                values = [loss_at([at(axes[0], i)]) for i in range(axes[0]['count'])]
            else:
                values = [
                    loss_at([at(axes[0], c), at(axes[1], r)])
                    for r in range(axes[1]['count'])
                    for c in range(axes[0]['count'])
                ]
        finally:
            with torch.no_grad():
                for (_, p), old in zip(self.params, saved):
                    p.data.copy_(old)
        self.cache = (key, values, [a['count'] for a in axes])
        return values


def loss_now(data):
    """The step's loss with the parameters as they are now: the model and the loss function called again."""
    _fn, _prediction, target, extra = data.loss_fn
    with torch.no_grad(), evaluation(data.module):
        out = data.module(data.input)
        if out.shape != data.prediction.shape and out.numel() == data.prediction.numel():
            out = out.reshape(data.prediction.shape)
        args, kwargs, original = extra
        return float(original(out, target, *args, **kwargs))


def best_ms(f):
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        f()
        best = min(best, (time.perf_counter() - t0) * 1000)
    return max(best, 0.002)
