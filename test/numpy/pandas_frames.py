# Backprop Lens' pandas subset against pandas 1.5.3: frames and series built from dicts, lists, 2-D arrays and
# records, their dtypes, and the text pandas prints for them: numeric, string, bool and mixed columns, missing
# values, scientific notation, long frames cut to 5 + 5 rows and wide frames to the columns that fit, Index
# reprs, describe() and info().
import numpy as np
import pandas as pd

df = pd.DataFrame({'a': [1, 2, 3], 'b': [0.5, np.nan, 2.25], 'c': ['x', 'y', None], 'd': [True, False, True]})
print(df)
print(df.dtypes)
print(df.shape, list(df.columns), len(df))
print(df.columns)
print(df.index)
print(df['b'])
print(df[['a', 'b']])
print(df.head(2))
print(df.tail(1))
df.info()
print(df.describe())

# Long and wide frames.
big = pd.DataFrame(np.arange(300.0).reshape(100, 3) / 7, columns=['x', 'y', 'z'])
print(big)
print(big['x'])
print(big.head())
wide = pd.DataFrame(np.arange(60).reshape(3, 20) * 1000.5)
print(wide)
rand = pd.DataFrame(np.random.RandomState(0).randn(70, 12), columns=[f'feature_{i}' for i in range(12)])
print(rand)
print(rand.head())
print(rand.describe())
print(pd.DataFrame(np.arange(12).reshape(4, 3)))
print(pd.DataFrame(np.arange(40).reshape(2, 20)))

# Float formats: trimmed zeros, NaN, tiny and large values, negative numbers, mixed object columns.
print(pd.DataFrame(np.array([[1e-8, 2.0], [3.0, 4e7]])))
print(pd.DataFrame({'big': [1234567.0, 2.5, 12345678.9]}))
print(pd.DataFrame({'neg': [-1.5, 2.0], 'i': [-3, 4], 'b': [True, False], 'o': [1.5, 'x']}))
print(pd.DataFrame({'name': ['a' * 60, 'b'], 'v': [1, 2]}))
print(pd.DataFrame([[1, 2.5], [3, 4.5]], columns=['i', 'f']))
print(pd.DataFrame([{'a': 1, 'b': 2}, {'a': 3, 'c': 4}]))
print(pd.DataFrame({'p': np.array([0.25, 0.5], dtype=np.float32), 'q': np.array([1, 2], dtype=np.int32)}).dtypes)

# Series.
print(pd.Series([3, 1, 2], name='n'))
print(pd.Series([1.5, np.nan, -2.25, 1e3]))
print(pd.Series([1, None, 3]))
print(pd.Series(['x', None, np.nan]))
print(pd.Series({'a': 1, 'b': 2}))
print(pd.Series(np.arange(100) * 0.5))
print(pd.Series(np.arange(80)))
print(pd.Series(['aa', 'b', 'ccc']))
print(pd.Series([True, False]))
print(pd.Series([], dtype='float64'))

# Index reprs.
print(pd.Index(list(range(120))))
print(pd.Index(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda']))
print(pd.concat([df.head(2), df.tail(1)]).index)
print(pd.concat([df.head(2), df.iloc[2:]]).index)

# info() of a frame with more than 100 columns lists none of them.
e = pd.DataFrame(np.random.RandomState(1).rand(3, 130))
e.info()
print(e.shape)

# Index reprs: long string labels wrap and cut at 100, short ones stay unaligned on one line.
cols = [f'Feature_{i}_{"x" * (i % 7)}' for i in range(130)]
labelled = pd.DataFrame(np.zeros((2, 130)), columns=cols)
print(labelled.columns)
print(labelled.dtypes)
print(pd.Index([f'c{i}' for i in range(30)]))
print(pd.Index([1.5, 2.25, np.nan]))
print(pd.Index([True, False]), pd.Series([True, False, True]).value_counts().index)
print(labelled.iloc[:, :3].columns, labelled.index)
