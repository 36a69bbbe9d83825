# float64 np.exp, np.log, np.tanh, np.sin and np.cos bit for bit (numpy 1.24 on AVX512_SKX runs SVML and its own
# SIMD tanh, not libm: src/python/numpy/_svml.py),
# printed as float.hex so that a last-bit difference fails; and numpy scalars keeping their type through
# np.squeeze / np.transpose / their own ndarray methods (deeplearning.ai's `cost = np.squeeze(cost)`).
import numpy as np

# Arguments built exactly (integer times a constant), the range a sigmoid or softmax meets.
x = np.concatenate([np.arange(-400, 400) * 0.0371, np.arange(-60, 60) * 11.3, np.array([0.0, -0.0, 1e-20, -3e-17])])
e = np.exp(x)
print(len(e), e.dtype)
for i in range(0, len(e), 8):
    print(' '.join(v.hex() for v in e[i : i + 8].tolist()))
print(np.exp(np.float64(-8.852678470905076)).hex(), np.exp(-8.852678470905076).hex(), np.exp(2.2193161637271284))
print(1 / (1 + np.exp(-np.array([[0.5, -1.25, 3.0]]))))
with np.errstate(over='ignore'):
    print(np.exp(np.array([709.0, 710.0, -746.0, np.inf, -np.inf])))

# log over probabilities (a cross-entropy's np.log(A) and np.log(1 - A)) and a wide range, as float.hex.
p = np.concatenate([np.arange(1, 400) / 400.0, np.arange(1, 200) * 0.731, np.arange(-40, 40) * 17.5 + 701.0])
lg = np.log(p)
for i in range(0, len(lg), 8):
    print(' '.join(v.hex() for v in lg[i : i + 8].tolist()))
A = 1 / (1 + np.exp(-np.array([[0.3, -2.0, 4.5]])))
print(np.log(A), np.log(1 - A), np.log(np.float64(0.25)).hex(), np.log(5e-324), np.log(1e-310).hex())
with np.errstate(divide='ignore', invalid='ignore'):
    print(np.log(np.array([0.0, -1.0, np.inf, np.nan, 1.0])))

# tanh over a hidden layer's range, every interval of numpy's table, and the edges.
z = np.concatenate([np.arange(-300, 300) * 0.0173, np.arange(-40, 40) * 0.61, np.array([0.0, -0.0, 1e-300, 0.1875, 0.125, 19.0, 40.0])])
th = np.tanh(z)
for i in range(0, len(th), 8):
    print(' '.join(v.hex() for v in th[i : i + 8].tolist()))
print(np.tanh(np.array([np.inf, -np.inf, np.nan, 1e308])), np.tanh(-0.0), 1 - np.power(np.tanh(np.array([[0.5, -1.5]])), 2))

# sin and cos: the planar flower's r * np.sin(t), r * np.cos(t), a sine wave, the reduction's edges.
t = np.concatenate([np.linspace(0, 3.12, 50) + np.arange(50) * 0.013, np.arange(-60, 60) * 0.7853981633974483, np.arange(-30, 30) * 123.456])
for f in (np.sin, np.cos):
    v = f(t)
    for i in range(0, len(v), 8):
        print(' '.join(w.hex() for w in v[i : i + 8].tolist()))
with np.errstate(invalid='ignore'):
    print(np.sin(np.array([0.0, -0.0, 1e-12, 3e7, np.inf, np.nan])), np.cos(np.array([0.0, 1e-9, 5e7, -np.inf])))
print(np.sin(np.pi).hex(), np.cos(np.pi / 2).hex(), np.sin(-np.float64(2.5)).hex())

cost = np.sum(np.array([0.25, 0.5])) * -1.5
for f in (np.squeeze, np.transpose, np.around, np.cumsum):
    r = f(cost)
    print(f.__name__, type(r).__name__, repr(r))
print(repr(cost.squeeze()), repr(cost.copy()), repr(np.squeeze(np.float32(2.5))), repr(np.squeeze(3)))
print(repr(np.squeeze(np.array(4.0))), repr(np.squeeze(np.array([[7.5]]))), [np.squeeze(cost)])
