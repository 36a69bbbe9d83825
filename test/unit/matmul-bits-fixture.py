#!/usr/bin/env python3
"""Writes test/unit/matmul-bits-torch113.json: float32 matrix products as real PyTorch 1.13 computes them on
the CPU (Debian python3-torch over OpenBLAS 0.3.21, one thread): mm with k from 1 to 2000 (OpenBLAS cuts K
into blocks of up to 320 and adds each to C), small and large m and n, transposed operands as Linear uses
them (x @ W.T), F.linear with its bias (addmm; matmul then add_ for 1-D and 4-D input) and Linear's backward
products, torch.matmul of 1-D, 2-D and
3-D operands, bmm (small ones PyTorch sums itself, unfused), dot (sdot's 32 float32 lanes) and matrix @ vector
(sgemv_t: kernels/gemvOrder.ts). OpenBLAS picks
its Haswell kernels on this machine (AVX2 + FMA): the order depends on that choice.
test/unit/matmul-bits.test.ts checks that the engine gives the same float32 bits (kernels/gemm-order.ts).

    OMP_NUM_THREADS=1 /usr/bin/python3 test/unit/matmul-bits-fixture.py > test/unit/matmul-bits-torch113.json
"""

import json
import os

import torch
import torch.nn.functional as F

from fixture_io import enc

# OpenBLAS takes its thread count from OMP_NUM_THREADS when it loads: more threads cut large products otherwise
assert os.environ.get('OMP_NUM_THREADS') == '1', 'run with OMP_NUM_THREADS=1'
torch.set_num_threads(1)
seed = 1313


def randn(*shape):
    # inputs the test makes itself (matmul-bits.test.ts, lcgFloats): a 32-bit LCG's top 24 bits as values in
    # [-1, 1), exact in float32, so the fixture holds only the products and the seeds
    global seed
    seed += 1
    n = 1
    for d in shape:
        n *= d
    out, s = [], seed
    for _ in range(n):
        s = (1664525 * s + 1013904223) & 0xFFFFFFFF
        out.append((s >> 8) / 2**23 - 1)
    t = torch.tensor(out, dtype=torch.float32).reshape(shape)
    t.seed = seed
    return t


def inp(t):
    return {'seed': t.seed, 'shape': list(t.shape)}


mm = []
for m, k, n in [
    (1, 1, 1),
    (3, 5, 4),
    (7, 17, 9),
    (4, 17, 8),
    (8, 17, 8),
    (8, 9, 8),
    (16, 17, 8),
    (12, 30, 16),
    (16, 64, 16),
    (24, 40, 40),
    (50, 50, 50),
    (64, 10, 32),
    (30, 20, 37),
    (100, 4, 6),
    (2000, 3, 1),
    (5, 200, 3),
    (33, 383, 17),
    (8, 385, 8),
    (9, 767, 5),
    (6, 1000, 6),
    (17, 321, 40),
    (8, 641, 8),
    (4, 1537, 12),
    (1, 2000, 5),
    (3, 640, 70),
    (1, 5, 300),
    (330, 7, 9),
    (9, 12, 700),
]:
    a, b = randn(m, k), randn(k, n)
    mm.append({'a': inp(a), 'b': inp(b), 'out': enc(a @ b)})

linear = []
for rows, inf, outf in [(4, 3, 1), (40, 4, 6), (2000, 3, 1), (64, 10, 32), (32, 784, 16), (13, 50, 20), (200, 8, 24)]:
    x = randn(rows, inf).requires_grad_()
    w = randn(outf, inf).requires_grad_()
    b = randn(outf).requires_grad_()
    y = F.linear(x, w, b)
    gy = randn(rows, outf)
    y.backward(gy)
    linear.append(
        {
            'x': inp(x),
            'w': inp(w),
            'b': inp(b),
            'gy': inp(gy),
            'y': enc(y),
            'nobias': enc(x @ w.T),
            'gx': enc(x.grad),
            'gw': enc(w.grad),
        }
    )

matmul = []
for sa, sb in [
    ((7,), (7,)),
    ((40,), (40,)),
    ((100,), (100, 9)),
    ((3, 5, 6), (6, 4)),
    ((2, 7, 20), (20, 12)),
    ((4, 9, 8), (4, 8, 12)),
    ((2, 3, 4), (2, 4, 5)),
    ((3, 8, 17), (3, 17, 8)),
]:
    a, b = randn(*sa), randn(*sb)
    matmul.append({'a': inp(a), 'b': inp(b), 'out': enc(torch.matmul(a, b))})

dot = []
for n in [1, 5, 31, 32, 33, 64, 100, 257, 1000]:
    a, b = randn(n), randn(n)
    dot.append({'a': inp(a), 'b': inp(b), 'out': enc(torch.dot(a, b))})

# F.linear by input rank: 2-D and contiguous 3-D take addmm (the bias is C before the K blocks are added),
# 1-D, 4-D and non-contiguous 3-D take matmul then add_ (the bias after): other bits once K > 320.
linear_ranks = []
for shape, contiguous in [
    ((784,), True),
    ((3, 784), True),
    ((2, 3, 784), True),
    ((3, 2, 784), False),
    ((2, 2, 3, 400), True),
    ((50,), True),
]:
    x = randn(*shape)
    w = randn(10, shape[-1])
    b = randn(10)
    entry = {'x': inp(x), 'transposed': not contiguous, 'w': inp(w), 'b': inp(b)}
    entry['y'] = enc(F.linear(x if contiguous else x.transpose(0, 1), w, b))
    linear_ranks.append(entry)

# Matrix @ vector: BLAS sgemv_t (its own order: 4-row groups of 8 fused lanes, 2-row and 1-row kernels, the
# k mod 4 tail), and a 3-D @ 1-D matmul.
mv = []
for sa, sb in [
    ((10, 32), (32,)),
    ((3, 301), (301,)),
    ((13, 1023), (1023,)),
    ((6, 4099), (4099,)),
    ((1, 7), (7,)),
    ((5, 3), (3,)),
    ((2, 999), (999,)),
    ((9, 8197), (8197,)),
    ((2, 3, 50), (50,)),
]:
    a, b = randn(*sa), randn(*sb)
    mv.append({'a': inp(a), 'b': inp(b), 'out': enc(torch.matmul(a, b))})

print(json.dumps({'mm': mm, 'linear': linear, 'matmul': matmul, 'dot': dot, 'linearRanks': linear_ranks, 'mv': mv}))
