# Large float64 arrays, which our numpy keeps packed and computes in the engine (numpy/_typed.py): the
# official warm-up's polynomial fit, every loop the engine runs (each operand an array, a Python float, an int,
# a numpy scalar or a 0-d array), numpy's pairwise sums at the block sizes, what falls back with numpy's warnings (division by zero, overflow, NaN), and packed arrays read,
# written, sliced, reshaped, viewed and handed to torch.
import hashlib
import math
import warnings

import numpy as np
import torch

np.random.seed(0)
x = np.linspace(-math.pi, math.pi, 2000)
y = np.sin(x)
a, b, c, d = np.random.randn(), np.random.randn(), np.random.randn(), np.random.randn()
for t in range(300):
    y_pred = a + b * x + c * x ** 2 + d * (x * x * x)
    loss = np.square(y_pred - y).sum()
    if t % 100 == 99:
        print(t, repr(loss))
    grad_y_pred = 2.0 * (y_pred - y)
    a -= 1e-6 * grad_y_pred.sum()
    b -= 1e-6 * (grad_y_pred * x).sum()
    c -= 1e-6 * (grad_y_pred * x ** 2).sum()
    d -= 1e-6 * (grad_y_pred * x * x * x).sum()
print(repr(a), repr(b), repr(c), repr(d))

u = np.random.randn(1000) * 3
v = np.random.rand(1000) + 0.5
for operand in (v, 2.5, 3, np.float64(-1.25), np.array(0.75), np.float32(0.1)):
    for op in ('+', '-', '*', '/'):
        left = eval(f'np.abs(u) {op} operand')
        right = eval(f'operand {op} v')
        print(op, type(operand).__name__, repr(left.sum()), repr(right.sum()), left.dtype, right.dtype)
# float64 x ** y with y not 2 (nor 0, 1, -1, 0.5) is numpy's SVML pow, which ours does not replay yet: not printed.
print(repr((v ** 2).sum()), repr((v ** -1).sum()), repr((v ** 0.5).sum()), repr((v ** 1).sum()))
print(repr((-u).sum()), repr(np.absolute(u).sum()), repr(np.square(u).sum()), repr(np.negative(u)[:3]))
for n in (63, 64, 65, 127, 128, 129, 1000, 8191, 8192, 8193, 20000):
    w = np.random.randn(n) * 1e3 + 0.1
    w = w * 1.0
    print(n, repr(w.sum()), repr(np.sum(w, keepdims=True)), repr(w.mean()), repr((w * w).sum()))
m = np.random.randn(50, 40)
m = m * 2.0
print(repr(m.sum()), repr(m.sum(axis=0)[:3]), repr(m.T.sum()), repr(m[:, 1:].sum()), repr((m.T * 1.5)[0, :3]))



def warned(compute):
    """The value and the warnings numpy gave computing it, printed (stderr would not interleave)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        value = compute()
    for w in caught:
        print(w.category.__name__, w.message)
    print(value)


z = np.linspace(-1, 1, 101)
with np.errstate(all='warn'):
    warned(lambda: (1.0 / z)[48:53])
    warned(lambda: (z / z)[48:53])
    warned(lambda: (np.full(100, 1e300) * 1e10)[:2])
    warned(lambda: (np.full(100, 1e300) * z[:100])[:2])
    warned(lambda: ((z - 2) ** 0.5)[:2])
    warned(lambda: (np.full(100, np.inf) - np.inf)[:2])
    warned(lambda: (np.zeros(100) ** -1.0)[:2])
    warned(lambda: (np.full(100, np.nan) + z[:100])[:2])

p = np.arange(200.0) * 0.5
p[3] = -7.0
p[10:13] = [1.0, 2.0, 3.0]
view = p[100:]
view *= 2.0
view += p[:100]
print(p[:14], p[100:104], p[-3:], view[-2:])
q = p.reshape(20, 10)
q[0, 0] = 42.0
print(p[0], q[19], q.sum(axis=1)[:3], p.tolist()[:5], list(p[:3]), float(p[5]), p.dtype)
r = p * 1.0
r.shape = (10, 20)
print(r[9, 19], r.T[19, 9], np.array(r)[0, :4], r.copy().ravel()[199], r.astype(np.float32)[0, :3])
tensor = torch.from_numpy(r)
tensor[0, 0] = -1.0
print(r[0, 0], tensor.dtype, tensor.sum().item(), torch.from_numpy(p * 2.0)[:3])
s = torch.linspace(0, 1, 300, dtype=torch.float64).numpy()
print(repr((s * 3.0).sum()), repr((s + s).mean()))

# numpy's SVML exp and log and its own tanh kernel, replayed in the engine for packed arrays: every interval
# of tanh's table, log's reciprocal table and ties, exp across its range; arrays with a zero, a negative or a
# huge argument go back to the Python replay (the same bits), with numpy's warnings.
grid = np.concatenate([np.linspace(-30, 30, 4001), np.logspace(-310, 300, 700), -np.logspace(-12, 2, 500)])
in_range = np.concatenate([np.linspace(-30, 30, 4001), np.logspace(-310, 2.8, 700), -np.logspace(-12, 2.8, 500)])
for f, args in ((np.exp, in_range), (np.tanh, grid)):
    values = f(args * 1.0)
    print(f.__name__, repr(values.sum()), repr(values[::997]), repr(np.abs(values).max()))
positive = np.abs(grid) + 1e-300
logs = np.log(positive)
print('log', repr(logs.sum()), repr(logs[::997]))
print('log ties', repr(np.log(np.arange(1.0, 2.0, 1 / 64) * 1.0)), repr(np.log(np.full(80, 2.0 ** -1040))[:2]))
print('sigmoid', repr((1 / (1 + np.exp(-grid[:4001]))).sum()))
warned(lambda: np.log(np.linspace(-1, 1, 101))[48:53])
warned(lambda: np.exp(np.linspace(700, 720, 101))[-2:])
warned(lambda: np.tanh(np.array([np.nan, np.inf, -np.inf] * 30))[:3])

# Matrix products in OpenBLAS's orders, run in the engine; matrix-vector products of 9216 elements or more
# split their outputs between OpenBLAS's two threads, whose runs each end in the kernel's tail.
for k, m in ((100, 100), (784, 30), (97, 101), (1000, 10), (10, 1000), (64, 150), (30, 20), (200, 90), (256, 70)):
    # rand, not randn: our randn can differ from numpy's in the last bit about once in 10,000 draws (musl's log)
    B = np.random.rand(k, m) - 0.5
    v = np.random.rand(k) - 0.5
    A = np.random.rand(m, k) - 0.5
    # every bit of every output, as a digest of the bytes; of A @ B where our dgemm order is measured exact
    # (k up to 256, 64 columns or more: src/engine/numpyBlas.ts)
    products = (v @ B, A @ v, np.dot(B.T, v)) + ((A @ B,) if k <= 256 and m >= 64 else ())
    digests = [hashlib.sha1(p.tobytes()).hexdigest()[:12] for p in products]
    print(k, m, repr((v @ B)[-3:]), repr((A @ B)[::9, ::9]), *digests)

# Broadcasting in the engine (a bias row over a batch, a column over the rows, a 3-D stack) and a matrix's
# column and row sums (numpy adds whole rows for axis 0, each row pairwise for axis 1).
X = np.random.rand(500, 30) - 0.5
row = np.random.rand(30) - 0.5
col = np.random.rand(500, 1) - 0.5
Z = X * 1.0
broadcasts = (Z + row, Z - col, row * Z, col / (Z + 2), row - col, np.ones((3, 1, 40)) * np.arange(5.0).reshape(5, 1))
print([hashlib.sha1(r.tobytes()).hexdigest()[:12] for r in broadcasts], repr((row - col).shape))
Y = np.random.rand(300, 1) - 0.5
Y = Y * 1.0  # one column, summed over its rows as a whole array (pairwise), and one row
sums = (np.sum(Z, axis=0), np.sum(Z, axis=1), Z.mean(axis=0), np.sum(Z, axis=-1, keepdims=True), (Z * Z).sum(axis=0),
        np.sum(Y, axis=0), np.sum(Y, axis=1), np.sum(Y.T, axis=1), np.sum(Y.T, axis=0))
print([hashlib.sha1(r.tobytes()).hexdigest()[:12] for r in sums], repr(sums[0][:3]), repr(sums[3].shape))
warned(lambda: (Z / (row - row))[0, :2])
