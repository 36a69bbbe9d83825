# Backprop Lens' pandas subset against pandas 1.5.3: binning a numeric column the way Titanic and house-price
# notebooks do (pd.cut with a bin count or edges, labels, right=False, include_lowest; pd.qcut by count or by
# quantiles), the category dtype it makes (printing with its Categories line, value_counts, .cat.codes,
# .cat.categories, astype('category'), sorting, get_dummies, groupby over the bins) and pd.crosstab.
import numpy as np
import pandas as pd

rng = np.random.RandomState(0)
df = pd.DataFrame(
    {
        'Age': [22.0, 38.0, 26.0, 35.0, 35.0, 54.0, 2.0, 27.0, 14.0, 4.0, 58.0, 20.0],
        'Fare': [7.25, 71.28, 7.92, 53.1, 8.05, 51.86, 21.08, 11.13, 30.07, 16.7, 26.55, 8.05],
        'Sex': [
            'male',
            'female',
            'female',
            'female',
            'male',
            'male',
            'male',
            'female',
            'female',
            'female',
            'female',
            'male',
        ],
        'Pclass': [3, 1, 3, 1, 3, 1, 3, 3, 2, 3, 1, 3],
        'Survived': [0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0],
    }
)
df['AgeBin'] = pd.cut(df['Age'], bins=[0, 12, 18, 35, 60, 100])
print(df)
print(df['AgeBin'])
print(df['AgeBin'].value_counts())
print(df['AgeBin'].cat.codes)
print(df['AgeBin'].cat.categories)
print(df.dtypes)
print(pd.cut(df['Age'], 4))
print(pd.cut(df['Age'], 3, labels=['young', 'mid', 'old']))
print(pd.cut(df['Age'], [0, 20, 40, 60], right=False))
print(pd.cut(df['Age'], [2, 20, 40, 60], include_lowest=True))
print(pd.cut(df['Age'], 3, labels=False))
print(pd.qcut(df['Fare'], 4))
print(pd.qcut(df['Fare'], [0, 0.5, 1], labels=['low', 'high']).value_counts())
s = df['Sex'].astype('category')
print(s)
print(s.cat.categories)
print(s.cat.codes)
print(df.groupby('AgeBin')['Survived'].mean())
print(df.groupby('AgeBin').size())
print(pd.cut(np.array([1, 7, 5, 4, 6, 3]), 3))
print(pd.cut([1, 7, 5, 4, 6, 3], 3, retbins=True))
print(df['Pclass'].astype('category'))
a = pd.Series(['m', 'f', 'f', 'm', 'f'], name='Sex')
b = pd.Series([1, 3, 3, 1, 2], name='Pclass')
print(pd.crosstab(a, b))
print(pd.crosstab(a, b, margins=True))
print(pd.crosstab(a, b, normalize='index'))
print(pd.crosstab(a, b, normalize='columns'))
print(pd.crosstab(a, b, normalize=True))
print(pd.crosstab(a, b, margins=True, normalize='index'))
print(pd.crosstab(a.tolist(), b.values))
print(pd.crosstab(a, b).columns)
print(pd.crosstab(a, b).index)
c = pd.cut(pd.Series([1.0, 5, 9, 3, 7], name='x'), [0, 4, 8, 12])
print(pd.crosstab(c, b))
print(pd.crosstab(a, b, margins=True).loc['f'])
s = pd.Series([1, 2, 3])
print(pd.Interval(0, 5), repr(pd.Interval(0.0, 5.0)), 3 in pd.Interval(0, 5), pd.Interval(0, 5).mid)
print(pd.cut(s, [0, 2, 4]).dtype, repr(pd.cut(s, [0, 2, 4]).dtype))
print(pd.cut(s, [0, 2, 4]).cat.categories[0])
print(repr(pd.cut(s, [0, 2, 4]).cat.categories[0]))
print(pd.cut(s, [0, 2, 4]).tolist())
print(pd.cut(pd.Series([1.0, 5, None, 3, 7], name='x'), [0, 4, 8]))
print(pd.cut(pd.Series([1.0, 5, None, 3, 7], name='x'), [0, 4, 8]).cat.codes)
print(pd.cut(pd.Series([1.0, 5, None, 3, 7], name='x'), [0, 4, 8]).value_counts())
print(pd.cut(pd.Series([1.0, 5, None, 3, 7], name='x'), [0, 4, 8], labels=False))
c = pd.cut(pd.Series([1.0, 5, 9, 3, 7], name='x'), [0, 4, 8, 12, 16])
b = pd.Series([1, 3, 3, 1, 2], name='Pclass')
print(pd.crosstab(c, b))
print(pd.crosstab(b, c, margins=True))
print(pd.crosstab(b, pd.Series(['u', 'v', None, 'u', 'v'])))
print(pd.crosstab(pd.Series([True, False, True]), pd.Series([1.5, 2.5, 1.5]), normalize='all', margins=True))
rng = np.random.RandomState(3)
ages = pd.Series(np.round(rng.uniform(1, 80, 30), 1), name='Age')
print(pd.cut(ages, 10))
print(pd.cut(ages, 10).value_counts(normalize=True))
print(pd.qcut(ages, 5, labels=False).tolist())
print(pd.qcut(ages, 10).cat.categories)
f = pd.Series([1.5, 2.5, 1.5, 3.0], name='f').astype('category')
df = pd.DataFrame({'Age': ages[:8], 'Sex': ['m', 'f'] * 4})
df['Band'] = pd.cut(df['Age'], [0, 20, 40, 80], labels=['child', 'adult', 'senior'])
print(df.describe())
print(pd.get_dummies(df['Band']))
print(df.sort_values('Band'))
print(df['Band'].astype(str).tolist())
print(df.groupby('Band')['Age'].agg(['mean', 'count']))
print(df.groupby('Band').mean(numeric_only=True))
print(df['Band'] == 'adult')
print(pd.cut([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 3))
print(pd.qcut(range(5), 4))
print(pd.cut(np.array([0.001, 0.002, 0.0035]), 2))
print(pd.cut(ages, 3, retbins=True)[1])
print(pd.qcut(ages, [0, 0.25, 0.5, 0.75, 1.0], retbins=True)[1])
df = pd.DataFrame({'a': [1, 2], 'b': [3.5, 4]})
df.columns.name = 'cols'
print(df)
df.index.name = 'idx'
print(df)
df2 = pd.DataFrame({'a': [1, 2], 'b': [3.5, 4]}, index=['xxxxxxxxx', 'y'])
df2.columns.name = 'c'
print(df2)
df2.index.name = 'i'
print(df2)
print(df2.T)
print(df2.reset_index())

# edges with inf, from linspace, precision=, a tiny range, and qcut's duplicate edges
s6 = pd.Series([5, 17, 30, 70, 90, 0], name='age')
print(pd.cut(s6, bins=[0, 18, 65, np.inf]))
print(pd.cut(s6, bins=np.linspace(0, 100, 5)))
print(pd.cut(s6, bins=[0, 18, 65, float('inf')], labels=['kid', 'adult', 'old'], include_lowest=True).value_counts())
print(pd.cut(s6, 4, precision=1))
print(pd.qcut(s6, 2, labels=['lo', 'hi']).cat.codes.tolist())
print(pd.cut(pd.Series([0.001, 0.5, 0.999]), 3))
print(pd.qcut(pd.Series(range(10)), 3))
try:
    pd.qcut(pd.Series([1, 1, 1, 1, 2]), 4)
except ValueError as e:
    print('ValueError', e)
print(pd.qcut(pd.Series([1, 1, 1, 1, 2]), 4, duplicates='drop'))
