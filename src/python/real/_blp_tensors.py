"""Backprop Lens probe: copying tensors out of real PyTorch cheaply, wherever they live.

A training loop on a GPU must not wait for the probe: a tensor's numbers are copied back only when an event
is due, at most `limit` values of it (the leading block: the first rows of a weight, the first samples of a
batch), all tensors of one device in a single transfer. Statistics of a whole big tensor (mean, std, norm,
min, max, a histogram) are computed with torch ops on its own device and copied back as a few numbers.
"""

import warnings

import torch

from _blp_wire import Floats, f32

HISTOGRAM_BINS = 32


def leading_block(shape, limit):
    """Index and shape of the largest leading block of a tensor of `shape` with at most `limit` values:
    whole trailing dimensions, the first k entries of one dimension and the first entry of those before it
    (the first rows of a weight, the first samples of a batch). None when the whole tensor fits."""
    numel = 1
    for size in shape:
        numel *= size
    if numel <= limit:
        return None
    trailing = 1  # values in one entry of `dim`; never more than `limit` here
    for dim in range(len(shape) - 1, -1, -1):
        if trailing * shape[dim] > limit:
            k = max(1, limit // trailing)
            index = tuple([0] * dim) + (slice(0, k),)
            return index, [1] * dim + [k] + list(shape[dim + 1 :])
        trailing *= shape[dim]
    return None


def take_block(t, block):
    """The part of `t` that `leading_block` chose (all of it for None), as a flat tensor."""
    if block is None:
        return t.reshape(-1)
    return t[block[0]].reshape(-1)


def _float_flat(t):
    if t.is_complex():
        t = t.real
    return t.detach().reshape(-1).float()


def copy_values(tensors):
    """Python floats (float32) of each flat tensor in `tensors`; tensors of one device cross in one copy."""
    out = [None] * len(tensors)
    by_device = {}
    for i, t in enumerate(tensors):
        if t is None:
            continue
        flat = _float_flat(t)
        if flat.device.type == 'cpu':
            out[i] = Floats(flat.tolist())
        else:
            by_device.setdefault(flat.device, []).append((i, flat))
    for items in by_device.values():
        joined = torch.cat([flat for _, flat in items]).cpu().tolist()
        start = 0
        for i, flat in items:
            n = flat.numel()
            out[i] = Floats(joined[start : start + n])
            start += n
    return out


def _stats_vector(t):
    """[mean, std, norm, min, max, histogram...] of a float tensor, computed on its device."""
    flat = t.detach().reshape(-1).float()
    head = torch.stack([flat.mean(), flat.std(), flat.norm(), flat.min(), flat.max()])
    finite = torch.nan_to_num(flat, nan=0.0, posinf=0.0, neginf=0.0)  # histc refuses non-finite bounds
    try:
        hist = torch.histc(finite, bins=HISTOGRAM_BINS)
    except (RuntimeError, NotImplementedError):  # a backend without histc (older MPS)
        hist = torch.histc(finite.cpu(), bins=HISTOGRAM_BINS).to(flat.device)
    return torch.cat([head, hist.float()])


def summaries(tensors):
    """A summary dict for each tensor (None stays None): statistics of all its values."""
    out = [None] * len(tensors)
    by_device = {}
    for i, t in enumerate(tensors):
        if t is None:
            continue
        if t.numel() == 0:
            out[i] = {'numel': 0, 'mean': None, 'std': None, 'norm': 0.0, 'min': None, 'max': None, 'hist': []}
            continue
        by_device.setdefault(t.device, []).append((i, t))
    for items in by_device.values():
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter('ignore')  # the probe's own ops must not print into the script's output
            vectors = [_stats_vector(t) for _, t in items]
        rows = torch.stack(vectors).cpu().tolist()
        for (i, t), row in zip(items, rows):
            out[i] = {
                'numel': t.numel(),
                'mean': row[0],
                'std': row[1],
                'norm': row[2],
                'min': row[3],
                'max': row[4],
                'hist': [int(c) for c in row[5:]],
            }
    return out


def param_snapshots(params, limit, budget):
    """ParamSnapshot dicts for (name, tensor) pairs: values and gradients, whole when they fit in `limit`
    values, else their leading block (`sampleShape`) plus `summary`/`gradSummary` over all values. Once
    `budget` values have been taken, the remaining parameters get summaries only (sampleShape [0])."""
    pieces = []
    plans = []
    big = []
    for name, p in params:
        shape = list(p.shape)
        grad = p.grad
        block = leading_block(shape, limit)
        numel = p.numel()
        taken = numel if block is None else _block_numel(block[1])
        if budget < taken:
            block, taken = ((0,), [0]), 0
        budget -= taken * (2 if grad is not None else 1)
        with torch.no_grad():
            value = _take(p.detach(), block, taken)
            gvalue = _take(grad.detach(), block, taken) if grad is not None else None
        plans.append((name, shape, block, len(pieces)))
        pieces.append(value)
        pieces.append(gvalue)
        if block is not None:
            big.append((len(plans) - 1, p.detach(), grad))
    copied = copy_values(pieces)
    stats = summaries([t for _, v, g in big for t in (v, g)]) if big else []
    out = []
    for name, shape, block, at in plans:
        snap = {'name': name, 'shape': shape, 'value': copied[at], 'grad': copied[at + 1]}
        if block is not None:
            snap['sampleShape'] = list(block[1])
        out.append(snap)
    for j, (plan_index, _v, _g) in enumerate(big):
        out[plan_index]['summary'] = stats[2 * j]
        out[plan_index]['gradSummary'] = stats[2 * j + 1]
    return out


def _block_numel(shape):
    n = 1
    for size in shape:
        n *= size
    return n


def _take(t, block, taken):
    if taken == 0:
        return t.reshape(-1)[:0]
    return take_block(t, block)


def activation_outputs(latest, limit):
    """Activation entries ({path, shape, data}) for path -> tensor; a big output is cut to its leading block
    (the first samples of the batch), and `shape` is the shape of what is sent."""
    paths = []
    shapes = []
    tensors = []
    for path, t in latest.items():
        if not isinstance(t, torch.Tensor) or t.is_complex() or t.is_sparse:
            continue
        block = leading_block(list(t.shape), limit)
        with torch.no_grad():
            tensors.append(take_block(t.detach(), block))
        paths.append(path)
        shapes.append(list(t.shape) if block is None else list(block[1]))
    data = copy_values(tensors)
    return [{'path': p, 'shape': s, 'data': d} for p, s, d in zip(paths, shapes, data)]


def scalar_values(tensors):
    """Python floats (float32) of 0-d/1-element tensors, one transfer per device (losses kept on a GPU)."""
    values = copy_values([t.reshape(-1)[:1] for t in tensors])
    return f32([v[0] if v else float('nan') for v in values])


def tensor_devices(tensors):
    """The distinct devices of the tensors, in order of first appearance ('cpu', 'cuda:0', ...)."""
    seen = []
    for t in tensors:
        name = str(t.device)
        if name == 'cuda':
            name = 'cuda:0'
        if name not in seen:
            seen.append(name)
    return seen
