# Behaviour that "Deep Learning from Scratch" (Saito Koki) code relies on: warnings from softmax without its
# np.max fix, np.nditer with multi_index/readwrite, and the helpers of its common/ modules.
import os
import warnings

import numpy as np

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    a = np.array([1010, 1000, 990])
    r = np.exp(a) / np.sum(np.exp(a))
    r2 = np.array([np.inf, -np.inf, 1.0]) / np.array([np.inf, np.inf, np.nan])
    r3 = np.array([np.inf, 2.0]) / np.inf
print(r, r2, r3)
for w in caught:
    print(w.category.__name__, w.message, os.path.basename(w.filename), w.lineno)

# np.nditer as common/gradient.py walks a weight matrix, writing through x[idx] while it iterates.
x = np.arange(6.0).reshape(2, 3)
grad = np.zeros_like(x)
it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
print(type(it).__name__, it.finished, it.itersize, it.shape, it.ndim, it.has_multi_index, it.has_index)
while not it.finished:
    idx = it.multi_index
    tmp_val = x[idx]
    x[idx] = float(tmp_val) + 1e-4
    fxh1 = np.sum(x ** 2)
    x[idx] = tmp_val - 1e-4
    fxh2 = np.sum(x ** 2)
    grad[idx] = (fxh1 - fxh2) / (2 * 1e-4)
    x[idx] = tmp_val
    print(idx, it.iterindex, repr(it[0]), it.value, end=' | ')
    more = it.iternext()
print()
print(more, it.finished, grad.round(6), x)
try:
    it.multi_index
except ValueError as e:
    print('ValueError:', e)
try:
    np.nditer(x).multi_index
except ValueError as e:
    print('ValueError:', e)
try:
    np.nditer(x).index
except ValueError as e:
    print('ValueError:', e)

# Plain iteration yields 0-d arrays; readwrite ones write back; a transposed array is walked in memory order.
a = np.arange(6).reshape(2, 3)
print([repr(v) for v in np.nditer(a)])
print([int(v) for v in np.nditer(a.T)], [int(v) for v in np.nditer(a.T, order='C')])
with np.nditer(a, op_flags=['readwrite']) as it:
    for v in it:
        v[...] = 2 * v
print(a)
it = np.nditer(a.T, flags=['c_index'])
while not it.finished:
    print(it.index, int(it[0]), end='; ')
    it.iternext()
print()
it = np.nditer(a, flags=['f_index'])
while not it.finished:
    print(it.index, int(it[0]), end='; ')
    it.iternext()
print()
it = np.nditer(a.T, flags=['multi_index', 'c_index'])
while not it.finished:
    print(it.multi_index, it.index, end='; ')
    it.iternext()
print()

# Two operands broadcast together, and an allocated output.
b = np.array([10, 20, 30])
print([(int(p), int(q)) for p, q in np.nditer([a, b])])
it = np.nditer([a, b, None])
for p, q, r in it:
    r[...] = p + q
print(it.operands[2], it.operands[2].dtype, it.nop)
print(list(np.ndindex(2, 3)), list(np.ndindex((1, 2))))
print([(i, float(v)) for i, v in np.ndenumerate(np.array([[1.5, 2.5], [3.5, 4.5]]))])

# np.pad as im2col pads a batch of images, and its other modes and pad_width forms.
x = np.arange(16.0).reshape(1, 1, 4, 4)
p = np.pad(x, [(0, 0), (0, 0), (1, 1), (1, 1)], 'constant')
print(p.shape, p.dtype)
print(p[0, 0])
v = np.array([1, 2, 3])
for mode in ('constant', 'edge', 'reflect', 'symmetric', 'wrap'):
    print(mode, np.pad(v, (2, 5), mode), np.pad(v, 4, mode))
m = np.arange(6).reshape(2, 3)
print(np.pad(m, 1))
print(np.pad(m, ((1, 0), (0, 2)), constant_values=((7, 8), (-1, -2))))
print(np.pad(m, (1, 2), 'reflect'))
print(np.pad(m, ((0, 0), (2, 1)), 'symmetric'))
print(np.pad(m, 1, 'wrap'), np.pad(m, 1, 'edge').dtype)
print(np.pad(np.array([1.5, 2.5]), 1, constant_values=9), np.pad(np.array([1, 2]), 1, constant_values=2.7))
print(np.pad([[1, 2]], [(1, 1)]), np.pad(m, 0) is m)
for bad in [lambda: np.pad(m, -1), lambda: np.pad(m, 1.5), lambda: np.pad(m, ((1, 2, 3),)),
            lambda: np.pad(m, 1, mode='nope'), lambda: np.pad(m, 1, 'edge', constant_values=3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(np.pad(np.arange(3), (7, 4), 'wrap'), np.pad(np.arange(3), (6, 7), 'reflect'), np.pad(np.arange(2), (5, 3), 'symmetric'))
print(np.pad(np.arange(6.0).reshape(2, 3), ((3, 1), (4, 2)), 'wrap'))

# Window functions: smooth_curve (common/util.py) convolves with a Kaiser window.
for M in (0, 1, 2, 5, 11):
    print(M, np.hanning(M), np.hamming(M), np.bartlett(M), np.blackman(M).round(12), np.kaiser(M, 2))
print(np.kaiser(7, 0), np.kaiser(6, 14.0), np.i0(0.0), np.i0([0.5, 3, 8.0, 8.5, 20.0, -2.0]), np.i0(np.array([[1, 2]])).dtype)
x = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0, 8.0, 9.0, 7.0, 9.0, 3.0])
window_len = 11
s = np.r_[x[window_len - 1:0:-1], x, x[-1:-window_len:-1]]
w = np.kaiser(window_len, 2)
y = np.convolve(w / w.sum(), s, mode='valid')
print(s.shape, y[5:len(y) - 5])
