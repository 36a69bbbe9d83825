# np.linalg.det as numpy computes it (the LU diagonal's sign and summed logs, then sign * exp(logdet), so
# det([[1, 2], [3, 4]]) prints -2.0000000000000004 as in every linear-algebra warm-up), np.linalg.slogdet, and
# numpy's reductions handing a pandas Series to its own methods (np.mean(s) skips NaN, np.std(s) has ddof=0), which
# df.apply(np.mean) relies on.
import numpy as np
import pandas as pd

for m in ([[1, 2], [3, 4]], [[4, 7], [2, 6]], [[2.0, 0.0], [0.0, 3.0]], [[1, 2], [2, 4]], [[0, 1], [1, 0]],
          [[6, 1, 1], [4, -2, 5], [2, 8, 7]], np.eye(3), [[1.5, -2.25, 3.0], [0.5, 4.0, -1.0], [2.0, 1.0, 0.25]]):
    a = np.array(m)
    print(repr(np.linalg.det(a)), np.linalg.slogdet(a))
rs = np.random.RandomState(0)
for n in (2, 3, 4, 6):
    a = rs.randn(n, n)
    print(repr(np.linalg.det(a)), np.linalg.slogdet(a))
print(np.linalg.det(np.array([[1, 2], [3, 4]], dtype=np.float32)).dtype)
print(type(np.linalg.det(np.array([[1, 2], [3, 4]]))).__name__)

s = pd.Series([1.0, np.nan, 3.0, 4.5], name='x')
print(repr(np.mean(s)), repr(np.std(s)), repr(np.var(s)), repr(np.sum(s)))
print(repr(np.max(s)), repr(np.min(s)), repr(np.prod(s)), repr(np.median(s)))
print(repr(np.amax(s)), repr(np.amin(s)), repr(np.std(s, ddof=1)))
print(repr(np.mean(pd.Series([1, 2, 4]))), repr(np.sum(pd.Series([1, 2, 4]))))
df = pd.DataFrame({'a': [1, 2, 3, 4], 'b': [0.5, np.nan, 2.5, 3.0]})
print(df.apply(np.mean))
print(df.apply(np.std))
print(df.apply(np.sum))
print(df.apply(np.max))
print(np.mean(np.array([1.0, np.nan])), np.sum([1, 2, 3]))
