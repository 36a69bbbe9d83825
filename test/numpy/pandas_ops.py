# Backprop Lens' pandas subset against pandas 1.5.3: selection (columns, iloc, loc, masks), assignment, missing
# values, reductions and their result types, apply/map, value_counts, concat, get_dummies, sample, astype and
# the arrays that .values and to_numpy hand to torch.
import numpy as np
import pandas as pd

s = pd.Series([3, 1, 2, 3, 3, 1], name='n')
print(s.value_counts())
print(s.value_counts(normalize=True))
print(pd.Series(['b', 'a', 'b', 'c', 'a', 'd']).value_counts())
print(s + 1, s * 2.5, s / 2, s // 2, -s)
print((s > 1) & (s < 3))
print(s[s > 1])
print(s.sum(), s.mean(), s.std(), s.var(), s.min(), s.max(), s.median(), s.count(), s.nunique())
print(type(s.sum()).__name__, type(s.mean()).__name__, type(s[0]).__name__)
print(s.head(3), s.tail(2))
print(s.iloc[2], s.loc[3], s.tolist(), s.values, s.shape)
print(s.astype(float))
print(s.map({1: 'one', 2: 'two', 3: 'three'}))
print(s.apply(lambda v: v * 10))
print(s.unique(), s.idxmax(), s.argmax())
f = pd.Series([1.5, np.nan, -2.25, 1e3])
print(f, f.isnull(), f.fillna(0), f.dropna(), f.sum(), f.mean())

df = pd.DataFrame({'x': [1, 2, 3, 4], 'y': [10.0, 20.5, np.nan, 40.0], 'label': ['cat', 'dog', 'cat', 'bird']})
df['z'] = df['x'] * 2
df['w'] = 0.5
print(df)
df.loc[df['x'] > 2, 'y'] = -1
print(df)
df.iloc[0, 0] = 100
print(df)
df.loc[1, 'label'] = 'fish'
print(df)
print(df.select_dtypes(include='number'))
print(df.select_dtypes(exclude=['object']))
print(df.astype({'x': 'float32'}).dtypes)
print(df.rename(columns={'x': 'X'}).columns)
print(df[df['label'] == 'cat'].reset_index())
print(df[df['label'] == 'cat'].reset_index(drop=True))
print(df.iloc[1])
print(df.loc[2])
print(df.iloc[[0, 2], [1, 2]])
print(df.iloc[:, :-1])
print(df.iloc[1:3])
print(df.loc[:, 'x':'label'])
print(df.loc[[0, 3], ['x', 'label']])
print(df.loc[df['x'] > 2, 'y'])
print(df.sum(numeric_only=True))
print(df.max(numeric_only=True), df.min(numeric_only=True))
print(df.mean(numeric_only=True), df.std(numeric_only=True))
print(df.count())
print(df.nunique())
print(df.isnull().sum())
print(df.isna().sum().sum())
print((df[['x', 'y']] - df[['x', 'y']].mean()) / df[['x', 'y']].std())
print(df[['x', 'z']] * 2 + 1)
print(df[['x', 'y']].apply(np.sum))
print(df[['x', 'y']].apply(lambda r: r['x'] + r['y'], axis=1))
print(df[['x', 'y']].apply(lambda x: (x - x.mean()) / x.std()))
print(df.dropna())
print(df.fillna(df.mean(numeric_only=True)))
print(df.drop(columns=['w']).head(2))
print(df.drop('label', axis=1).tail(2))
print(df.drop([0, 2]))
print(df.pop('w'), df.columns)
df.insert(1, 'k', [7, 8, 9, 10])
print(df)
print(df[['x', 'k', 'y']].values)
print(df[['x', 'k']].to_numpy(dtype=np.float32))
print(df[['x', 'k']].values.dtype, df[['x', 'y']].values.dtype)

# concat and get_dummies, d2l's house-prices way.
train = pd.DataFrame({'Id': [1, 2, 3], 'Area': [50.0, np.nan, 70.0], 'Street': ['Pave', 'Grvl', np.nan],
                      'Price': [100, 200, 300]})
test = pd.DataFrame({'Id': [4, 5], 'Area': [80.0, 65.0], 'Street': ['Pave', 'Pave']})
all_features = pd.concat((train.iloc[:, 1:-1], test.iloc[:, 1:]))
print(all_features)
numeric = all_features.dtypes[all_features.dtypes != 'object'].index
print(numeric)
all_features[numeric] = all_features[numeric].apply(lambda x: (x - x.mean()) / (x.std()))
all_features[numeric] = all_features[numeric].fillna(0)
print(all_features)
all_features = pd.get_dummies(all_features, dummy_na=True)
print(all_features, all_features.dtypes)
print(all_features[:3].values)
print(pd.get_dummies(pd.Series(['a', 'b', 'a'])))
print(pd.get_dummies(train, columns=['Street'], prefix='S'))
print(pd.concat([train, test], ignore_index=True))
print(pd.concat([train['Id'], train['Price']], axis=1))
print(pd.concat([s, s]).index)

# sample draws through numpy's RandomState, as pandas does.
r = pd.DataFrame({'v': np.arange(8), 'w': np.arange(8) * 0.5})
print(r.sample(frac=1, random_state=42))
print(r.sample(n=3, random_state=0))
print(r['v'].sample(frac=0.5, random_state=1))
print(pd.isnull(np.nan), pd.isna(3), pd.notnull(None))
print(r.mean(axis=1))
print(len(r), 'v' in r, list(r))
for col, ser in r.head(2).items():
    print(col, ser.tolist())
for i, row in r.head(2).iterrows():
    print(i, row['v'], row['w'])

# Sorting and counting: equal values come out where pandas' quicksort leaves them, missing values last.
rs = np.random.RandomState(0)
many = pd.Series(rs.randint(0, 30, 200))
print(many.value_counts().index.tolist())
print(pd.Series([str(v) for v in many.tolist()]).value_counts().head(8))
print(many.sort_values().index.tolist()[:40])
halves = pd.Series(rs.rand(40)).round(1)
halves[[3, 7]] = np.nan
print(halves.sort_values(ascending=False).index.tolist())
print(halves.value_counts(dropna=False))
table = pd.DataFrame({'a': rs.randint(0, 4, 30), 'b': rs.randint(0, 3, 30).astype(float),
                      'c': [f's{i % 5}' for i in range(30)]})
table.loc[[2, 9], 'b'] = np.nan
print(table.sort_values('a').index.tolist())
print(table.sort_values('b', ascending=False).head(8))
print(table.sort_values(['a', 'b']).index.tolist())
print(table.sort_values(['c', 'a'], ascending=[False, True], ignore_index=True).head())
print(table['a'].sort_index().index.tolist()[:10])

# Arithmetic as pandas does it: no numpy warnings, integer division by zero as floats, object columns stay
# object.
z = pd.Series([1, 0, -2])
print(z / 0, z // 0, z % 0, 10 // z.iloc[:2], 7 % pd.Series([2, 0]))
print(pd.Series([-1.0, 4.0]) ** 0.5, pd.Series([5.0, 0.0]) // 0)
print(pd.Series([1, 2], dtype=object) + 1, pd.Series(['a', 'b']) + '_x')
print(pd.DataFrame({'a': [1, 2], 's': ['x', 'y']}).sum(), pd.DataFrame({'a': [1, 2], 's': ['x', 'y']}).max())
print(pd.Series([3, 4], dtype='uint8') + 1, (pd.Series([3, 4], dtype='uint8') + 1).dtype)

# corr (pandas' running-sum Pearson), any/all, replace and round.
rs = np.random.RandomState(2)
nums = pd.DataFrame(rs.randn(30, 4), columns=list('abcd'))
nums['e'] = nums['a'] * 2 + rs.randn(30) * 0.1
nums.loc[[3, 5], 'b'] = np.nan
nums['k'] = rs.randint(0, 5, 30)
print(nums.corr())
print(nums.corr()['e'].sort_values(ascending=False))
print(nums.isnull().any(), nums.isnull().any().any(), nums.notnull().all(), nums.isnull().any(axis=1).sum())
sexes = pd.Series(['male', 'female', 'male', np.nan])
print(sexes.replace({'male': 0, 'female': 1}), sexes.replace('male', 'm'))
print(pd.Series([1, 2, 0]).replace(0, np.nan), pd.Series([1.5, 2.5]).replace(1.5, 3))
people = pd.DataFrame({'sex': ['m', 'f', 'm'], 'v': [1.234567, 2.5, 3.14159]})
print(people.replace({'m': 0, 'f': 1}), people.round(2), people.round(2).dtypes, people['v'].round(1))

# Series.to_dict (value_counts and iterrows rows, as the NLP book's class weights and munging use them) and
# attribute assignment: an existing column is replaced, a new list-like name warns and stays an attribute.
import collections
import warnings

labels = pd.DataFrame({'nat': ['en', 'fr', 'en', 'ko'], 'n': [3, 1, 2, 5], 'w': [0.5, 1.5, 2.0, np.nan]})
counts = labels.nat.value_counts().to_dict()
print(counts, type(counts['en']).__name__)
for _, row in labels.iterrows():
    d = row.to_dict()
    print(d, [type(v).__name__ for v in d.values()])
ordered = labels.n.to_dict(collections.OrderedDict)
# OrderedDict's repr differs between Python versions, so its type and items are shown instead.
print(type(ordered).__name__, list(ordered.items()), labels.w.to_dict(collections.defaultdict(list)))
for bad in (collections.defaultdict, list):
    try:
        labels.n.to_dict(bad)
    except TypeError as e:
        print('TypeError:', e)
labels.nat = labels.nat.apply(str.upper)
labels.columns = ['nation', 'n', 'w']
with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter('always')
    labels.extra = [1, 2, 3, 4]
    labels.note = 'kept as an attribute'
print(labels, labels.extra, labels.note, [f'{w.category.__name__}: {w.message}' for w in seen])
