# Creation functions, dtypes and scalar types, joining (concatenate, stack, hstack, vstack, c_, r_), meshgrid.
import numpy as np

for v in [np.array([1, 2, 3]), np.array([1, 2.5]), np.array([True, 2]), np.array([[1, 2], [3, 4]], dtype=float),
          np.array((1, 2), dtype=np.float32), np.array([np.float32(1), 2]), np.array([np.float32(1), np.float32(2)]),
          np.array(5), np.array([[1], [2]], ndmin=3), np.array(range(4)), np.array([np.arange(2), np.arange(2)]),
          np.asarray([1.5]), np.array([1.7, -1.7]).astype(int), np.array([0, 2, 0]).astype(bool), np.array([]),
          np.array([[]]), np.array([1, 2], dtype='float32'), np.array([1, 2], dtype='f8'), np.array([3], dtype='int32'),
          np.zeros(3), np.zeros((2, 3), dtype=int), np.ones((2, 2), dtype=bool), np.ones(3, np.float32), np.empty(0),
          np.full((2, 3), 7), np.full(2, 0.5), np.full((2,), True), np.full((1, 2), 3, dtype=np.float32),
          np.zeros_like(np.arange(3)), np.ones_like(np.zeros((2, 2), np.float32)), np.full_like(np.arange(3), 0.7),
          np.full_like(np.arange(3.0), 0.7), np.zeros_like([[1.5]]),
          np.arange(5), np.arange(2, 8), np.arange(0, 1, 0.1), np.arange(1, 2, 0.25), np.arange(5.0), np.arange(10, 0, -3),
          np.arange(0.1, 1.0, 0.3), np.arange(3, dtype=np.float32), np.arange(0, 1, 0.1, dtype=np.float32), np.arange(-1.5, 1.5),
          np.linspace(0, 1, 7), np.linspace(-5, 5, 4), np.linspace(0, 1, 5, endpoint=False), np.linspace(2, 3, 1),
          np.linspace(0, 10, 6, dtype=int), np.linspace(0, 1, 3, dtype=np.float32), np.logspace(0, 2, 3),
          np.eye(3), np.eye(2, 3, k=1), np.identity(2, dtype=int), np.diag([1, 2, 3]), np.diag(np.arange(9).reshape(3, 3)),
          np.diag(np.arange(1, 3), k=-1), np.tril(np.ones((3, 3))), np.triu(np.arange(9).reshape(3, 3), 1)]:
    print(repr(v))
print(np.linspace(0, 1, 5, retstep=True), np.arange(0, 5, 0.5).shape)
print('dtypes', np.dtype('float32'), repr(np.dtype(float)), np.dtype(np.int64).name, np.float32 == np.dtype('f4'))
d = np.arange(3.0).dtype
print(d, d == np.float64, d == 'float64', d.kind, d.itemsize, d.char, d.type is np.float64, str(np.zeros(1, np.int32).dtype))
print(np.issubdtype(d, np.floating), np.issubdtype(np.int64, np.integer), np.issubdtype(np.float32, np.integer))
print(np.result_type(np.float32, np.int64), np.result_type(np.arange(3, dtype=np.float32), 2.0), np.promote_types('i4', 'f4'))
print(np.finfo(np.float32).eps, np.finfo(float).eps, np.iinfo(np.int32).max, np.finfo(np.float32).max, np.isscalar(3.0))
print(np.float64(3), np.float32('1.5'), np.int64(2.9), np.bool_(1), np.float32([1, 2]), np.int32(7) + 1, np.float64(1) == 1.0)
print(isinstance(np.float64(1), float), isinstance(np.float32(1), float), isinstance(np.int64(1), int), isinstance(np.int64(1), np.integer))
print(np.shape([[1, 2, 3]]), np.ndim(5), np.size(np.zeros((3, 4))), np.arange(6).reshape(2, 3).nbytes, np.zeros(3, np.float32).itemsize)
a, b = np.arange(6).reshape(2, 3), np.arange(6, 12).reshape(2, 3)
for v in [np.concatenate([a, b]), np.concatenate([a, b], axis=1), np.concatenate([a, b], axis=None),
          np.concatenate([np.zeros(2), np.arange(3)]), np.stack([a, b]), np.stack([a, b], axis=1), np.stack([a, b], axis=-1),
          np.hstack([a, b]), np.vstack([a, b]), np.hstack([np.arange(2), np.arange(3.0)]), np.vstack([np.arange(3), [9, 9, 9]]),
          np.column_stack([np.arange(3), np.arange(3) * 2]), np.c_[np.arange(3), np.ones(3)], np.c_[a, b], np.r_[1, 2, np.arange(3)],
          np.r_[0:5], np.r_[0:1:5j], np.r_[np.array([1, 2]), 3.5], np.c_[1:4], np.r_['0,2', [1, 2], [3, 4]],
          np.append([1, 2], [3]), np.append(a, b, axis=0), np.repeat([1, 2], 3), np.repeat(a, 2, axis=1), np.tile([1, 2], 2),
          np.tile(a, (2, 1)), np.flip(np.arange(4)), np.fliplr(a), np.roll(np.arange(5), 2), np.roll(a, -1, axis=1),
          np.atleast_2d([1, 2]), np.expand_dims(a, -1).shape, np.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape,
          np.split(np.arange(6), 3), np.array_split(np.arange(7), 3), np.broadcast_to(np.arange(3), (2, 3))]:
    print(repr(v))
xx, yy = np.meshgrid(np.arange(3), np.linspace(0, 1, 2))
print(xx, yy, xx.shape)
ii, jj = np.meshgrid([1, 2], [3, 4, 5], indexing='ij')
print(ii, jj)
gx, gy = np.meshgrid(np.linspace(-1, 1, 3), np.linspace(-1, 1, 3))
grid = np.c_[gx.ravel(), gy.ravel()]
print(grid, grid.shape)
for bad in [lambda: np.concatenate([a, np.arange(3)]), lambda: np.concatenate([a, np.zeros((2, 2))]),
            lambda: np.stack([a, np.zeros(3)]), lambda: np.array([[1, 2], [3]]), lambda: np.zeros(-1),
            lambda: np.dtype('foo')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
