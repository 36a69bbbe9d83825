# np.cov / np.corrcoef / np.isin as PCA-from-scratch and data-prep notebooks use them.
import numpy as np

rng = np.random.RandomState(7)
table = rng.randn(50, 3)
table[:, 2] = 0.6 * table[:, 0] + 0.3 * rng.randn(50)

print(np.cov(table, rowvar=False))
print(np.cov(table.T))
print(np.cov(table, rowvar=False, bias=True))
print(np.cov(table, rowvar=False, ddof=0))
print(np.cov(table, rowvar=False, ddof=2))
print(np.cov(table, rowvar=False).shape, np.cov(table, rowvar=False).dtype)

# 1-D: a 0-d array
x = rng.randn(20)
v = np.cov(x)
print(v, v.shape, v.ndim)
print(np.cov(x, bias=True))
print(np.cov([1, 2, 3, 4, 6]))
print(np.cov([[1, 2, 3], [2, 4, 7]]))

# two series
y = 2.0 * x + rng.randn(20)
print(np.cov(x, y))
print(np.corrcoef(x, y))
print(np.corrcoef(x, y)[0, 1])
print(np.corrcoef(table, rowvar=False))
print(np.corrcoef(table.T))
print(np.corrcoef([1, 2, 3, 4], [2, 4, 6, 8.5]))
print(np.corrcoef([[1, 2, 3], [3, 2, 1], [1, 2, 3]]))

# PCA from scratch
centered = table - table.mean(axis=0)
C = np.cov(centered, rowvar=False)
print(np.allclose(C, C.T))
print(C.trace())

# a wider (8, 30) set of variables and an odd length
wide = rng.rand(8, 30)
print(np.cov(wide))
print(np.corrcoef(wide)[:3])
print(np.cov(rng.randn(5, 7), rowvar=True))

# isin
a = np.array([[1, 2, 3], [4, 5, 6]])
print(np.isin(a, [2, 4, 6]))
print(np.isin(a, [2, 4, 6], invert=True))
print(np.isin(a, np.array([5, 1])))
print(a[np.isin(a, [3, 5])])
print(np.isin([1.0, 2.5, np.nan], [1, np.nan]))
print(np.isin(3, [1, 2, 3]), np.isin(3, [1, 2, 3]).shape)
print(np.isin(['cat', 'dog', 'fish'], ['dog', 'fish']))
labels = np.array([0, 3, 1, 3, 2, 0])
print(labels[~np.isin(labels, [0, 1])])
print(np.isin(labels, []).dtype, np.isin(labels, []))
print(np.in1d(a, [1, 6]))

# every digit: numpy's dot(X, X.T) is one dsyrk call (its k blocks, the upper triangle mirrored)
big = rng.rand(300, 6)
print(np.cov(big, rowvar=False).tolist())
print(np.corrcoef(big, rowvar=False)[0].tolist())
odd = rng.rand(5, 700)
print(np.cov(odd)[4].tolist())
print(np.cov(odd, ddof=0)[:, 4].tolist())
print(float(np.cov(rng.rand(3000))))

# x and y tables with rowvar=False: numpy's concatenation stays column-major, so mean sums along a stride
ta, tb = rng.rand(10, 2), rng.rand(30, 3)[:10]
print(np.cov(ta, tb, rowvar=False).tolist())
print(np.corrcoef(ta, tb, rowvar=False)[-1].tolist())
print(np.corrcoef([1, 2, 3.5]), np.isin([1, 2, 3], 2), np.in1d([[1, 2], [3, 4]], [4]))
