#!/usr/bin/env python3
"""Writes test/unit/bce-bits-torch113.json: glibc's logf and log1pf (the system libm through ctypes, Debian
12's glibc 2.36) on float32 inputs, and binary_cross_entropy's loss and its input's and target's gradients
as real PyTorch 1.13 computes them on the CPU (Debian python3-torch, one thread): with and without a weight
(per element and broadcast), every reduction. test/unit/bce-bits.test.ts checks that the engine gives the
same float32 bits (src/engine/ops/glibcLogf.ts, glibcFloat.ts, bceKernels.ts).

    /usr/bin/python3 test/unit/bce-bits-fixture.py > test/unit/bce-bits-torch113.json
"""

import ctypes
import json
import math
import struct

import numpy as np
import torch
import torch.nn.functional as F

from fixture_io import enc

torch.set_num_threads(1)
g = torch.Generator().manual_seed(4242)
rng = np.random.default_rng(4242)

libm = ctypes.CDLL('libm.so.6')
for fn in (libm.logf, libm.log1pf):
    fn.restype = ctypes.c_float
    fn.argtypes = [ctypes.c_float]


def f32(bits):
    return np.asarray(bits, dtype=np.uint32).view(np.float32)


def rounded_once(fn, x):
    # the double result rounded to float32 once: where glibc differs from it, a plain Math.log would fail
    return struct.unpack('f', struct.pack('f', fn(float(x))))[0]


def apply(fn, xs):
    return torch.tensor([fn(float(v)) for v in xs], dtype=torch.float32)


def misrounded(fn, exact, pool, count):
    # inputs whose glibc result is not the exact value rounded once
    out = [v for v in pool if fn(float(v)) != rounded_once(exact, v)]
    return out[:count]


# logf: edges (zeros, subnormals, the table's interval bounds, 1 and its neighbours, infinities, negatives,
# NaN), values spread over (0, 1] by their bits and by their size, wider positives, and values glibc rounds
# otherwise than once.
log_edges = f32(
    [0x00000000, 0x80000000, 0x00000001, 0x00000002, 0x007FFFFF, 0x00800000, 0x00800001, 0x3F32FFFF, 0x3F330000]
    + [0x3F7FFFFF, 0x3F800000, 0x3F800001, 0x3F000000, 0x3FB2FFFF, 0x7F7FFFFF, 0x7F800000, 0xFF800000, 0xBF800000]
    + [0x7FC00000, 0x33800000, 0x0F000000]
)
unit_bits = f32(rng.integers(1, 0x3F800000, 800, dtype=np.uint32))
unit_uniform = rng.random(500, dtype=np.float32)
wide = np.exp(rng.normal(0, 20, 300)).astype(np.float32)
pool = f32(rng.integers(1, 0x3F800000, 400000, dtype=np.uint32))
log_hard = misrounded(libm.logf, math.log, pool, 600)
log_x = torch.from_numpy(np.concatenate([log_edges, unit_bits, unit_uniform, wide, np.array(log_hard, np.float32)]))

# log1pf (BCE does not call it; softplus and mish do): from -1 up, the same kinds of values.
log1p_edges = f32(
    [0xBF800000, 0xBF7FFFFF, 0xBE95F61F, 0xBE95F620, 0x3ED413D6, 0x3ED413D7, 0x31000000, 0x30FFFFFF, 0x24800000]
    + [0x247FFFFF, 0x5A000000, 0x59FFFFFF, 0x00000000, 0x80000000, 0x00000001, 0x7F800000, 0x7FC00000, 0xC0000000]
)
log1p_small = (rng.random(400) * 2 - 1).astype(np.float32) * np.exp(rng.normal(-4, 4, 400)).astype(np.float32)
log1p_wide = (np.exp(rng.normal(0, 10, 400)) - 1).astype(np.float32)
log1p_pool = (rng.random(200000) * 4 - 1).astype(np.float32)
log1p_pool = log1p_pool[log1p_pool > -1]
log1p_hard = misrounded(libm.log1pf, math.log1p, log1p_pool, 300)
log1p_x = torch.from_numpy(
    np.concatenate([log1p_edges, np.clip(log1p_small, -1, None), log1p_wide, np.array(log1p_hard, np.float32)])
)

libm_cases = {
    'logf': {'x': enc(log_x), 'y': enc(apply(libm.logf, log_x))},
    'log1pf': {'x': enc(log1p_x), 'y': enc(apply(libm.log1pf, log1p_x))},
}


def probabilities(shape):
    # sigmoid of a wide normal, with exact 0 and 1, values next to them, and a subnormal among them
    p = torch.sigmoid(torch.randn(shape, generator=g) * 4).reshape(-1)
    edges = torch.tensor([0.0, 1.0, 1e-45, 1e-30, 2.0**-24, 1 - 2.0**-24, 0.5, 1e-7, 1 - 1e-7])
    if p.numel() >= len(edges):
        p[: len(edges)] = edges
    return p.reshape(shape)


def targets(shape, binary):
    t = torch.rand(shape, generator=g)
    return (t > 0.5).float() if binary else t


bce = []
# (input shape, weight shape or None, binary targets); 259 = 16 * 16 + 3 values
SETUPS = [
    ([259], None, True),
    ([259], [259], False),
    ([64, 7], [7], True),
    ([9, 4, 3], [4, 1], False),
    ([5], None, False),
    ([], None, False),
]
for shape, weight_shape, binary in SETUPS:
    x = probabilities(shape)
    y = targets(shape, binary)
    w = torch.rand(weight_shape, generator=g) * 2 if weight_shape is not None else None
    # 'none' takes a random output gradient; the reduced losses a scalar one other than 1
    grad_none = torch.randn(shape, generator=g)
    case = {'x': enc(x), 'y': enc(y), 'weight': enc(w) if w is not None else None, 'grad_none': enc(grad_none)}
    for reduction in ['none', 'mean', 'sum']:
        xr = x.clone().requires_grad_()
        yr = y.clone().requires_grad_()
        loss = F.binary_cross_entropy(xr, yr, weight=w, reduction=reduction)
        loss.backward(grad_none if reduction == 'none' else torch.tensor(0.75))
        case[reduction] = {'loss': enc(loss), 'grad': enc(xr.grad), 'grad_target': enc(yr.grad)}
    bce.append(case)

print(json.dumps({'libm': libm_cases, 'bce': bce}))
