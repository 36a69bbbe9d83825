"""Backprop Lens probe: the loss landscape of a model with more than two trained numbers, as a 2-D slice along
two random filter-normalised directions (Li et al. 2018), exactly as src/python/concepts/sliceBasis.ts and
landscape.ts make it: the same deterministic directions (mulberry32 and Box-Muller, seeded by the model's
size; torch's generator, the learner's numbers, is untouched), each weight row's direction rescaled to that
row's norm, bias directions zero. Every step adds a few dot products (theta . r per row) to the path, computed
on the parameters' own device and copied back only when a landscape is drawn; the grid calls the learner's
model and loss function with the parameters moved along the plane, then puts them back.
"""

import math

import torch

from _blp_prediction import best_ms, loss_now
from _blp_wire import Floats, f32

SLICE_MAX_NUMEL = 20000
SLICE_MIN_SIDE = 9
GRID_BUDGET_MS = 30.0
PATH_CAPACITY = 600
_M = 0xFFFFFFFF


def normals(n, seed):
    """`n` normal numbers from mulberry32 with Box-Muller, as sliceBasis.ts draws them (float32)."""
    state = [seed & _M]

    def uniform():
        state[0] = (state[0] + 0x6D2B79F5) & _M
        t = state[0]
        t = ((t ^ (t >> 15)) * (t | 1)) & _M
        t = (t ^ ((t + (((t ^ (t >> 7)) * (t | 61)) & _M)) & _M)) & _M
        return (((t ^ (t >> 14)) & _M) + 1) / 4294967297

    out = []
    for i in range(0, n, 2):
        r = math.sqrt(-2 * math.log(uniform()))
        th = 2 * math.pi * uniform()
        out.append(r * math.cos(th))
        if i + 1 < n:
            out.append(r * math.sin(th))
    return f32(out)


def wide(t):
    """The tensor in float64 for sums as the built-in engine does them (float32 on MPS, which has no float64)."""
    return t.float() if t.device.type == 'mps' else t.double()


class SliceLandscape:
    def __init__(self, params):
        self.params = [p for _, p in params]
        total = sum(p.numel() for p in self.params)
        any_matrix = any(p.dim() >= 2 for p in self.params)
        # Per parameter: its rows as filters ([rows, length]) or None (a bias beside weights: no direction).
        self.shapes = []
        for p in self.params:
            if p.dim() >= 2:
                self.shapes.append((p.shape[0], p.numel() // p.shape[0]))
            elif not any_matrix:
                self.shapes.append((1, p.numel()))
            else:
                self.shapes.append(None)
        self.raw = []
        for k in (0, 1):
            values = normals(total, 0x5EED + k * 7919 + total)
            at = 0
            per = []
            for p in self.params:
                chunk = values[at : at + p.numel()]
                at += p.numel()
                per.append(torch.tensor(chunk, dtype=torch.float32, device=p.device).reshape(p.shape))
            self.raw.append(per)
        self.usable = any(s is not None for s in self.shapes)
        self.numel = total
        if self.usable:
            self._prepare_dots()
        self.records = []  # (tensor of 2F dots, loss)
        self.steps = []
        self.stride = 1
        self.first = -1
        self.slices = 0

    def _prepare_dots(self):
        """For `_dots`: both directions of the filtered parameters side by side, and each value's filter."""
        device = next(p.device for p, shape in zip(self.params, self.shapes) if shape is not None)
        self._members = [i for i, shape in enumerate(self.shapes) if shape is not None]
        directions = []
        index = []
        filters = 0
        for i in self._members:
            rows, length = self.shapes[i]
            index.append(torch.arange(filters, filters + rows, device=device).repeat_interleave(length))
            filters += rows
        flat_index = torch.cat(index)
        for k in (0, 1):
            directions.append(torch.cat([wide(self.raw[k][i]).reshape(-1).to(device) for i in self._members]))
        self._directions = torch.stack(directions)  # [2, values]
        self._index = torch.cat([flat_index, flat_index + filters])
        self._filters = filters

    def _dots(self):
        """theta . r_k per filter, direction 1's then direction 2's, as one tensor (not copied back): a product
        and a sum per filter, in four torch calls whatever the model's size."""
        with torch.no_grad():
            device = self._directions.device
            theta = torch.cat([self.params[i].detach().reshape(-1).to(device) for i in self._members])
            products = (self._directions * wide(theta)).reshape(-1)
            out = torch.zeros(2 * self._filters, dtype=products.dtype, device=device)
            return out.index_add_(0, self._index, products)

    def observe(self, loss, step):
        if self.first >= 0 and (step - self.first) % self.stride:
            return
        if len(self.records) == PATH_CAPACITY:
            self.records = self.records[::2]
            self.steps = self.steps[::2]
            self.stride *= 2
        if self.first < 0:
            self.first = step
        self.records.append((self._dots(), loss.detach() if isinstance(loss, torch.Tensor) else loss))
        self.steps.append(step)

    def _plane(self):
        now = self._dots().cpu().tolist()
        scale = [[], []]
        g11 = g22 = g12 = 0.0
        with torch.no_grad():
            for p, shape, r1, r2 in zip(self.params, self.shapes, self.raw[0], self.raw[1]):
                if shape is None:
                    continue
                theta = wide(p.detach()).reshape(shape)
                norms = theta.norm(dim=1).cpu().tolist()
                n1 = wide(r1).reshape(shape).norm(dim=1).cpu().tolist()
                n2 = wide(r2).reshape(shape).norm(dim=1).cpu().tolist()
                cross = (wide(r1).reshape(shape) * wide(r2).reshape(shape)).sum(1).cpu().tolist()
                for norm, a, b, c in zip(norms, n1, n2, cross):
                    s1 = norm / a if a > 0 else 0.0
                    s2 = norm / b if b > 0 else 0.0
                    scale[0].append(s1)
                    scale[1].append(s2)
                    g11 += (s1 * a) ** 2
                    g22 += (s2 * b) ** 2
                    g12 += s1 * s2 * c
        return now, scale, (g11, g22, g12)

    def event(self, base, data, step, budget):
        if not self.usable:
            return None
        now, scale, (g11, g22, g12) = self._plane()
        F = len(scale[0])
        det = g11 * g22 - g12 * g12

        def project(dots):
            c1 = sum(scale[0][i] * (dots[i] - now[i]) for i in range(F))
            c2 = sum(scale[1][i] * (dots[F + i] - now[F + i]) for i in range(F))
            return ((g22 * c1 - g12 * c2) / det, (g11 * c2 - g12 * c1) / det) if det > 0 else (0.0, 0.0)

        current = loss_now(data)
        path = []
        reach = 0.0
        for dots, loss in self.records:
            a, b = project(dots.cpu().tolist())
            path += f32([a, b, float(loss)])
            reach = max(reach, abs(a), abs(b))
        steps = list(self.steps)
        if step > (self.steps[-1] if self.steps else -1):
            path += f32([0.0, 0.0, current])
            steps.append(step)
        side = min(9 + 6 * self.slices, 21)
        self.slices += 1
        saved = [p.detach().clone() for p in self.params]
        try:
            loss_at = self._loss_at(data, saved, scale)
            if budget is not None:
                side = min(side, int(math.sqrt(budget / best_ms(lambda: loss_at(0.0, 0.0)))))
            if side < SLICE_MIN_SIDE:
                return None
            r = max(1.3 * reach, 0.5)
            at = [-r + (2 * r * i) / (side - 1) for i in range(side)]
            values = [loss_at(at[col], at[row]) for row in range(side) for col in range(side)]
        finally:
            with torch.no_grad():
                for p, old in zip(self.params, saved):
                    p.data.copy_(old)
        axes = [{'label': label, 'min': -r, 'max': r, 'count': side} for label in ('d1', 'd2')]
        event = dict(base, kind='slice', axes=axes, values=Floats(f32(values)), path=Floats(path))
        event.update(pathSteps=Floats([float(s) for s in steps]), earlier=[])
        return event

    def _loss_at(self, data, saved, scale):
        """loss(theta + alpha d1 + beta d2), d_k the directions scaled filter by filter."""
        scales = []
        at = 0
        for shape, p in zip(self.shapes, self.params):
            if shape is None:
                scales.append(None)
                continue
            rows = shape[0]
            dtype = wide(p).dtype
            s1 = torch.tensor(scale[0][at : at + rows], dtype=dtype, device=p.device).reshape(rows, 1)
            s2 = torch.tensor(scale[1][at : at + rows], dtype=dtype, device=p.device).reshape(rows, 1)
            at += rows
            scales.append((s1, s2))

        def loss_at(alpha, beta):
            with torch.no_grad():
                for p, old, shape, sc, r1, r2 in zip(self.params, saved, self.shapes, scales, *self.raw):
                    if sc is None:
                        continue
                    move = alpha * sc[0] * wide(r1).reshape(shape) + beta * sc[1] * wide(r2).reshape(shape)
                    p.data.copy_((wide(old).reshape(shape) + move).reshape(p.shape).to(p.dtype))
            return loss_now(data)

        return loss_at
