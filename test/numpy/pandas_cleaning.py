# Backprop Lens' pandas subset against pandas 1.5.3 (with bottleneck, as the reference has it) on the cleaning
# steps of fast.ai's lesson 5 and Kaggle's MNIST-as-CSV tutorials: Series.mode / DataFrame.mode (ties sorted,
# shorter columns padded with NaN, ints turned float and bools object by the padding), fillna with the first
# row of modes, describe(include=...) for numbers, objects, bools and 'all', pd.set_option('display.width')
# wrapping an Index, and reductions of float32 columns (read_csv(dtype=np.float32)): a float32 mean, bottleneck's
# float32 std/var, Python numbers from std/var/median/min/max, float32 results of a float32 frame; and numpy
# ufuncs of a Series or DataFrame (np.log(df['Fare'] + 1)) giving a Series or DataFrame back; Series.hist drawing
# into the current figure (a new one when none is open).
import io

import numpy as np
import pandas as pd

for s in [pd.Series([3, 1, 3, 1, 2]), pd.Series([2.5, np.nan, np.nan, 2.5, 0.5]), pd.Series(['b', 'a', 'b', None]),
          pd.Series([True, False, True]), pd.Series([np.nan, np.nan]), pd.Series([7, 7], name='x')]:
    print(s.mode())
print(pd.Series([2.5, np.nan, np.nan, 2.5]).mode(dropna=False))

df = pd.DataFrame({
    'id': [1, 2, 3, 4],
    'n': [5, 5, 6, 6],
    'age': [22.0, np.nan, 22.0, 30.0],
    'flag': [True, True, False, True],
    'port': ['S', None, 'C', 'S'],
    'name': ['d', 'a', 'c', 'b'],
})
modes = df.mode()
print(modes)
print(modes.dtypes)
print(df.mode(numeric_only=True))
print(df.mode().iloc[0])
df.fillna(df.mode().iloc[0], inplace=True)
print(df)
print(df.isna().sum())

print(df.describe(include=(np.number)))
print(df.describe(include=[object]))
print(df.describe(include='all'))
print(df.describe(exclude=[object]))
print(df.describe(include=[bool, object]))
print(df['port'].describe())
print(pd.DataFrame({'s': ['x', 'y', 'x']}).describe())

wide = pd.DataFrame({f'column_{i}': [i] for i in range(12)})
print(pd.get_option('display.width'))
print(wide.columns)
pd.set_option('display.width', 140)
print(pd.get_option('display.width'))
print(wide.columns)
pd.reset_option('display.width')
print(wide.columns)

csv = 'label,a,b\n' + '\n'.join(f'{i % 3},{(i * 37) % 101},{(i * i) % 17 / 3:.4f}' for i in range(40)) + '\n'
f32 = pd.read_csv(io.StringIO(csv), dtype=np.float32)
for how in ['mean', 'std', 'var', 'median', 'min', 'max', 'sum']:
    r = getattr(f32['b'], how)()
    print(how, type(r).__name__, repr(r))
print(f32.mean())
print(f32.std())
print(f32.min())
print(f32.describe())
mixed = f32.copy()
mixed['k'] = np.arange(40)
print(mixed.mean())
print(mixed.std())
for s in [pd.Series([1.0, 2.0, 4.5]), pd.Series([1, 2, 4]), pd.Series([True, False])]:
    print([type(getattr(s, how)()).__name__ for how in ['std', 'var', 'median', 'mean', 'min', 'sum']])
print(repr(pd.Series([1.0, np.nan, 4.0], dtype=np.float32).std(skipna=False)))

fare = pd.Series([7.25, 71.2833, 0.0, 8.05], name='Fare')
print(np.log(fare + 1))
print(np.sqrt(pd.Series([1, 4, 9])), np.maximum(fare, 10), np.add(fare, fare))
print(np.exp(-pd.DataFrame({'x': [0.0, 1.0], 'y': [2, 3]})))
print(np.array([1.0, 2.0, 3.0, 4.0]) + fare, np.abs(pd.Series([-1, 2], index=['a', 'b'])))
print(np.isnan(pd.Series([1.0, np.nan])), np.multiply(fare[:2], pd.Series([2.0, 3.0], name='w')))

import matplotlib.pyplot as plt

ax = fare.hist()
print(ax is plt.gca(), plt.get_fignums())
ax2 = np.log(pd.Series([1.0, np.nan, 3.0], name='v') + 1).hist(bins=3, figsize=(4, 3), legend=True)
print(ax2 is ax, plt.get_fignums(), list(plt.gcf().get_size_inches()))
try:
    fare.hist(legend=True, label='x')
except ValueError as e:
    print('ValueError:', e)
