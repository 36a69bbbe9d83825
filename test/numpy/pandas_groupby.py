# Backprop Lens' pandas subset against pandas 1.5.3: df.groupby(column) as learners summarise a labelled table
# before training: size, count, sum, mean, std, var, median, min, max (sorted keys, a missing key left out,
# missing values skipped), a column or columns picked from the groups, and iteration over (key, frame) pairs.
import numpy as np
import pandas as pd
rs = np.random.RandomState(8)
df = pd.DataFrame({'label': [['cat', 'dog', 'bird'][i] for i in rs.randint(0, 3, 20)],
                   'x': rs.randn(20), 'n': rs.randint(0, 10, 20), 'k': rs.randint(1, 4, 20)})
df.loc[[2, 5], 'x'] = np.nan
df.loc[7, 'label'] = np.nan
gb = df.groupby('label')
print(gb.size())
print(gb.count())
print(gb.mean())
print(gb.sum())
print(gb.std())
print(gb.min(), gb.max(), gb.median(), gb.var())
print(gb['x'].mean())
print(gb['n'].sum())
print(gb[['x', 'n']].max())
print(len(gb))
for key, part in gb:
    print(key, part.shape)
print(df.groupby("k")[["x", "n"]].mean())
print(df.groupby("k").size())
print(df.groupby('k')['label'].count())
