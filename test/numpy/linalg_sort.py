# dot/matmul/norm/inv/solve, sorting (argsort ties in numpy's order), unique, searchsorted, where.
import numpy as np

np.random.seed(3)
A = np.random.randn(4, 3)
B = np.random.randn(3, 2)
v = np.array([1.0, -2.0, 3.0])
print(A @ B, np.dot(A, B), A.dot(v), v @ v, np.dot(v, v), np.matmul(A, B).shape, (A @ B).dtype)
print(np.arange(6).reshape(2, 3) @ np.arange(3), np.dot(2, v), np.dot(np.arange(3), np.arange(3)), np.vdot(v, v))
print(np.ones((2, 2, 3)) @ np.ones((3, 4)), (np.ones((5, 2, 3)) @ np.ones((3, 1))).shape, np.outer([1, 2], [3, 4, 5]))
print(np.inner([1, 2], [3, 4]), np.trace(np.arange(9).reshape(3, 3)), A.T @ A)
print(np.float32(2) * np.ones((2, 2), np.float32) @ np.ones((2, 1), np.float32), (np.ones((2, 2), np.float32) @ np.ones(2)).dtype)
print(np.linalg.norm(v), np.linalg.norm(A), np.linalg.norm(A, axis=1), np.linalg.norm(A, axis=0, keepdims=True))
print(np.linalg.norm(v, 1), np.linalg.norm(v, np.inf), np.linalg.norm(v, ord=3), np.linalg.norm(A, 'fro'), np.linalg.norm(A, 1))
print(np.linalg.norm([3, 4]), np.linalg.norm(np.array([[1, 2], [3, 4]]), axis=(0, 1)), np.linalg.norm(A, np.inf))
M = np.array([[4.0, 1.0], [2.0, 3.0]])
print(np.linalg.inv(M), np.linalg.det(M), np.linalg.solve(M, [1.0, 2.0]), np.linalg.inv(M) @ M)
s = np.array([3, 1, 2, 3, 1, 0, 2, 2, 5, 1, 3, 3, 0, 4, 1, 2, 2, 0, 3])
print(np.sort(s), np.argsort(s), s.argsort(kind='stable'), np.sort(np.array([2.5, np.nan, -1.0, 0.0])))
r = np.random.randint(0, 5, 60)
print(np.argsort(r).tolist())
print(np.argsort(np.random.randn(40)).tolist())
m = np.array([[3, 1, 2], [9, 7, 8]])
print(np.sort(m), np.sort(m, axis=0), np.sort(m, axis=None), np.argsort(m, axis=0), np.argsort(m, axis=1))
m.sort(axis=1)
print(m, np.unique([3, 1, 2, 3, 1]), np.unique(np.array([[1, 1], [2, 3]])), np.unique([2.5, np.nan, 2.5, np.nan]))
u, idx, inv, cnt = np.unique(s, return_index=True, return_inverse=True, return_counts=True)
print(u, idx, inv, cnt)
print(np.searchsorted([1, 2, 3, 4], 3), np.searchsorted([1, 2, 3, 4], [0, 3, 5], side='right'), np.sort([True, False]))
print(np.where(s > 2)[0], np.nonzero(s)[0][:5], np.flatnonzero(s == 3), np.count_nonzero(s == 2), (s == 3).sum())
for bad in [lambda: A @ A, lambda: np.dot(A, A), lambda: np.linalg.inv(np.zeros((2, 2))), lambda: np.linalg.inv(A)]:
    try:
        bad()
    except (ValueError, np.linalg.LinAlgError) as e:
        print(type(e).__name__, e)
# bincount: class counts, minlength, weights, and what it refuses
print(np.bincount(np.array([0, 1, 1, 3, 1])), np.bincount([2, 2], minlength=5), np.bincount([], minlength=2))
print(np.bincount(np.array([0, 1, 1, 2]), weights=[0.5, 1.0, 2.0, 0.25]), np.bincount(np.array([True, False, True])))
for bad in [lambda: np.bincount([1, -1]), lambda: np.bincount(np.array([1.0, 2.0])), lambda: np.bincount([[1], [2]]),
            lambda: np.bincount([1, 2], minlength=-1), lambda: np.bincount([1, 2], weights=[1.0])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
