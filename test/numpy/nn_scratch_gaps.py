# Behaviour that the numpy-only courses (Nielsen's "Neural Networks and Deep Learning", Kinsley and
# Kukiela's "Neural Networks from Scratch") rely on: the invalid-value warning when a saturated output
# makes 0 * log(0), and np.nan_to_num after it.
import os
import warnings

import numpy as np

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    a = np.array([[1.0], [0.0], [0.25]])
    y = np.array([[1.0], [0.0], [0.0]])
    t = -y * np.log(a) - (1 - y) * np.log(1 - a)
    print(t.ravel(), np.sum(np.nan_to_num(t)))
    print(np.array([np.inf, 1.0]) - np.array([np.inf, 1.0]), np.array([np.inf]) + np.array([-np.inf]))
    print(np.array([np.nan, 2.0]) * 0.0, np.array([np.inf, 2.0], dtype=np.float32) * 0)
    print(np.inf * np.zeros(2), np.array([1.0, np.nan]) + 1)
for w in caught:
    print(w.category.__name__, w.message, os.path.basename(w.filename), w.lineno)

# float64 matrix products in OpenBLAS's dgemm order: every digit shows in repr (batch @ weights as in
# nnfs's Layer_Dense, inputs.T @ dvalues over k > 256 samples, a transposed operand, a stacked matmul)
np.random.seed(0)


def rnd(*shape):
    # uniform draws: randn's Box-Muller log differs from glibc's in rare last bits
    return np.random.rand(*shape) - 0.5


for n, k, m in [(6, 2, 3), (4, 16, 5), (2, 300, 4), (8, 257, 2), (4, 600, 3), (10, 64, 3)]:
    a = rnd(n, k)
    b = rnd(k, m)
    print(n, k, m, [v.hex() for v in np.dot(a, b).ravel()[:6]], repr((a @ b).sum()))
x = rnd(300, 2)
d = rnd(300, 8)
print([v.hex() for v in np.dot(x.T, d)[:, :4].ravel()])
w = rnd(8, 2)
print([v.hex() for v in np.dot(d, w)[:3].ravel()], np.dot(d, w).sum().hex())
s = rnd(2, 4, 12) @ rnd(2, 12, 6)
print(s.shape, [v.hex() for v in s[1, :2].ravel()])

# a range as an index (nnfs's spiral_data X[ix] = ... and y_pred[range(samples), y_true]) and np.diagflat
X = np.zeros((6, 2))
ix = range(2, 4)
X[ix] = np.c_[np.array([1.0, 2.0]), np.array([3.0, 4.0])]
print(X, X[range(1, 3)], X[range(0)].shape)
p = np.array([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]])
print(p[range(3), np.array([0, 1, 1])], p[range(3), [2, 2, 0]])
p[range(3), np.array([0, 1, 1])] -= 1
print(p)
print(np.diagflat([[1, 2], [3, 4]]), np.diagflat(np.array([0.5, 0.25]).reshape(-1, 1), 1))
print(np.diagflat([1.0, 2.0], -1).dtype)

# float64 matrix @ vector and vector . vector in OpenBLAS's dgemv_t / dgemv_n / ddot orders (Nielsen's
# np.dot(w, a) with a column a, np.dot(w.transpose(), delta), np.linalg.norm(w) ** 2 in the L2 cost)
np.random.seed(1)


def hexes(v):
    return ' '.join(x.hex() for x in np.ravel(v))


for n in (2, 3, 4, 5, 6, 7, 9):
    for k in (1, 3, 5, 8, 13, 17, 40):
        w = rnd(n, k)
        x = rnd(k, 1)
        print('t', n, k, hexes(np.dot(w, x)), hexes(w @ x.ravel()))
        v = rnd(n, 1)
        print('n', n, k, hexes(np.dot(w.transpose(), v)), hexes(v.ravel() @ w), hexes(x.T @ w.T))
for k in (1, 5, 16, 37, 100, 300):
    a, b = rnd(k), rnd(k)
    print('d', k, np.dot(a, b).hex(), (a.reshape(1, -1) @ b.reshape(-1, 1))[0, 0].hex(), a.dot(b).hex())
w = rnd(10, 16)
print(np.linalg.norm(w).hex(), np.linalg.norm(w.T).hex(), np.linalg.norm(w[0]).hex(), (np.linalg.norm(w) ** 2).hex())
print(hexes(np.arange(6).reshape(2, 3) @ rnd(3)), hexes(rnd(3) @ np.arange(6).reshape(3, 2)))

# a last odd row of the left matrix (dgemm's one-column kernel): k below 8, across 8s, across k blocks
np.random.seed(2)
for n, k, m in [(3, 5, 4), (5, 8, 3), (5, 17, 2), (7, 33, 5), (9, 64, 3), (3, 300, 2), (5, 257, 4), (3, 600, 3), (5, 20, 6), (7, 100, 9), (3, 520, 8)]:
    print('odd', n, k, m, hexes((rnd(n, k) @ rnd(k, m))[-1]))
