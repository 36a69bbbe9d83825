# Basic and advanced indexing, views, assignment, reshape/transpose/ravel/flatten, conversions.
import numpy as np

a = np.arange(24).reshape(4, 6)
print(a[1], a[-1], a[1, 2], a[1][2], a[:, 0], a[1:3], a[::2, ::3], a[::-1, -2:], a[..., 1], a[None, 0].shape)
print(a[2:, 1:4], a[-3:-1, ::-2], a[:0], a[5:], a[:, None, 1].shape, a[..., None].shape, a[np.newaxis].shape)
print(a[[0, 2]], a[[0, 2], [1, 3]], a[[[0], [3]], [1, 2]], a[1, [0, 5]], a[[1, -1], 2:4], a[:, [0, 0, 1]])
print(a[a % 5 == 0], a[a[:, 0] > 5], a[[True, False, True, False]], a[np.array([1, 3])])
b = np.arange(60).reshape(3, 4, 5)
print(b[0, :, [1, 2]].shape, b[:, [0, 1], [2, 3]].shape, b[[0, 1], :, [2, 3]].shape, b[..., [0, -1]].shape)
print(b[0, :, [1, 2]], b[1, 1:3, [0, 4]], b[b > 55], b[1, ..., 2], b[:, 1, 1:3])
v = a[1:3, 2:5]
v[0, 0] = 100
v += 1000
print(a)
a[0] = 0
a[:, -1] = [9, 8, 7, 6]
a[a > 1000] = -1
a[[1, 2], [0, 1]] = 55
a[2:, :2] = np.array([[1, 2]])
a[3] = 3.9
print(a)
f = np.zeros(5)
f[1:4] = 7
f[[0, 4]] = [1.5, 2.5]
f[f > 5] += 0.5
f[-1] = True
print(f)
m = np.arange(12.0).reshape(3, 4)
print(m.T, m.T.shape, m.T[1], m.reshape(4, 3), m.reshape(-1), m.reshape(2, -1), m.ravel(), m.flatten())
print(m.T.ravel(), m.T.reshape(12), m.transpose(1, 0).shape, np.transpose(m).shape, m.swapaxes(0, 1).shape)
t = m.T
t[0, 0] = -5
print(m[0, 0], m.T.copy().flags['C_CONTIGUOUS'], m.reshape(3, 2, 2).shape, m[None].shape)
print(m.tolist(), m[0].tolist(), m[0, 0].item(), m.item(5), m.astype(int), m.astype(np.float32), m.astype(bool))
print(type(m[0, 0]).__name__, type(m.tolist()[0][0]).__name__, type(np.arange(3)[1]).__name__, type(m.sum()).__name__)
print(len(m), [row.sum() for row in m], list(np.arange(3)), float(np.array([2.5])), int(np.array(7)), bool(np.array([1])))
s = np.array([3, 1, 2])
print(s[np.argsort(s)], s[s.argmax()], s[[True, True, False]], np.arange(10)[2:8:3], np.arange(5)[-1:0:-2])
x = np.arange(6)
y = x.reshape(2, 3)
y[1, 1] = 99
print(x, y.base is not None, x.shape, x.size, np.arange(6).reshape((3, 2)).shape)
x.shape = (3, 2)
print(x)
e = np.arange(5.0)
e[1:3] = e[0:2]
print(e, e[:, np.newaxis] * e[np.newaxis, :])
print(np.squeeze(np.zeros((1, 3, 1))).shape, np.expand_dims(np.arange(3), 0).shape, np.zeros((2, 1)).squeeze(1).shape)
for bad in [lambda: a[4], lambda: a[1, 2, 3], lambda: a[:, 7], lambda: a[[0, 9]], lambda: a.reshape(5, 5),
            lambda: a[np.array([1.0])], lambda: a[[True, False]], lambda: np.arange(3).reshape(-1, -1)]:
    try:
        bad()
    except (IndexError, ValueError) as err:
        print(type(err).__name__, err)
try:
    f[0:2] = [1, 2, 3]
except ValueError as err:
    print(type(err).__name__, err)
try:
    bool(np.array([1, 2]))
except ValueError as err:
    print(type(err).__name__, err)
print(np.take(np.arange(10), [1, 5]), np.arange(6).reshape(2, 3).take([0, 2], axis=1), a.flat[3], list(a[0].flat))
