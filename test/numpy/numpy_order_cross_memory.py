# Backprop Lens' numpy against numpy 1.24: Fortran order in reshape/ravel/flatten (numpy-from-scratch courses
# and image-flattening code: column-major reads and writes, views where numpy gives them), np.cross of
# 3-vectors, 2-vectors, mixed and batched (normals, torque, 2-D orientation tests) with axis arguments, and
# np.shares_memory / np.may_share_memory on views, copies and slices.
import numpy as np

a = np.arange(12).reshape(3, 4)
print(a.reshape(4, 3, order='F'))
print(a.reshape(2, -1, order='F'))
print(np.reshape(a, (6, 2), order='F'))
print(a.ravel(order='F'), a.flatten('F'), np.ravel(a, order='F'))
print(a.T.ravel(order='A'), a.T.ravel(), a.T.ravel('K'))
print(a.ravel('C'), a.flatten())
f = a.reshape(4, 3, order='F')
print(f.flags['C_CONTIGUOUS'] if hasattr(f, 'flags') else None)
img = np.arange(24).reshape(2, 3, 4)
print(img.reshape(4, 6, order='F'))
print(img.ravel(order='F')[:10])
v = np.arange(6.0)
w = v.reshape(2, 3, order='F')
w[0, 0] = 100.0
print(v[0], np.shares_memory(v, w))
try:
    a.reshape(3, 4, order='X')
except ValueError as e:
    print('ValueError', e)

print(np.cross([1, 2, 3], [4, 5, 6]))
print(np.cross([1.0, 0, 0], [0, 1.0, 0]))
print(np.cross([1, 2], [3, 4]))
print(np.cross([1, 2], [3, 4, 5]))
print(np.cross([1, 2, 3], [4, 5]))
print(np.cross(np.eye(3), np.ones((3, 3))))
rng = np.random.RandomState(0)
p, q = rng.randn(4, 3), rng.randn(3)
print(np.cross(p, q))
print(np.cross(p.T, q, axisa=0))
print(np.cross(p.T, p.T, axis=0))
print(np.cross(p, q, axisc=0))
print(np.cross(np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]])))
try:
    np.cross([1, 2, 3, 4], [1, 2, 3])
except ValueError as e:
    print('ValueError', e)

x = np.arange(10)
print(np.shares_memory(x, x[::2]), np.shares_memory(x[::2], x[1::2]), np.may_share_memory(x[::2], x[1::2]))
print(np.shares_memory(x, x.copy()), np.may_share_memory(x, x.copy()))
print(np.shares_memory(x[:5], x[5:]), np.may_share_memory(x[:5], x[5:]), np.shares_memory(x[:6], x[5:]))
m = np.zeros((3, 3))
print(np.shares_memory(m, m.T), np.shares_memory(m[0], m[:, 0]), np.shares_memory(m[0], m[1]))
print(np.shares_memory(m, m.reshape(-1)), np.shares_memory(m.ravel(), m), np.shares_memory(m.flatten(), m))
print(np.may_share_memory(m, [0.0, 1.0]), np.shares_memory(m, m[1:, 1:]))
