# Backprop Lens' pandas subset against pandas 1.5.3: groupby over several keys as Titanic and house-price
# notebooks summarise (df.groupby(['Sex', 'Pclass'])['Survived'].mean() under a two-level MultiIndex, printed
# sparsified; unstack(); size, agg lists and named aggregation; iteration over tuple keys; s['female'];
# reset_index; as_index=False) and agg with a list of functions over several columns (two-level column labels).
import numpy as np
import pandas as pd

df = pd.DataFrame(
    {
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
        'Emb': list('SCSSSQSCSSCS'),
        'Age': [22.0, 38.0, 26.0, 35.0, 35.0, 54.0, 2.0, 27.0, 14.0, 4.0, 58.0, 20.0],
        'Fare': [7.25, 71.28, 7.92, 53.1, 8.05, 51.86, 21.08, 11.13, 30.07, 16.7, 26.55, 8.05],
        'Survived': [0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0],
    }
)
s = df.groupby(['Sex', 'Pclass'])['Survived'].mean()
print(s)
print(s.index)
print(s.unstack())
print(df.groupby(['Sex', 'Pclass']).size())
print(df.groupby(['Sex', 'Pclass'])[['Age', 'Fare']].mean())
print(df.groupby(['Pclass', 'Sex', 'Emb'])['Fare'].count())
print(df.groupby('Sex')[['Age', 'Fare']].agg(['mean', 'max']))
print(df.groupby(['Sex', 'Pclass']).agg({'Age': ['mean', 'min'], 'Fare': 'max'}))
print(df.groupby('Sex')[['Pclass', 'Age', 'Fare', 'Survived']].agg(['mean', 'max']).columns)
print(s.reset_index())
print(s['female'])
print(s.unstack().columns)
print(df.groupby(['Sex', 'Pclass'])['Survived'].mean().unstack(0))
rng = np.random.RandomState(5)
n = 80
df2 = pd.DataFrame(
    {
        'Neighborhood': [['NAmes', 'CollgCr', 'OldTown', 'Edwards'][i] for i in rng.randint(0, 4, n)],
        'Bedrooms': rng.randint(1, 5, n),
        'Garage': rng.choice([0, 1, 2], n),
        'Price': np.round(rng.uniform(80, 400, n), 1),
    }
)
g = df2.groupby(['Neighborhood', 'Bedrooms'])['Price']
print(g.mean())
print(g.agg(['mean', 'count']))
print(g.mean().unstack())
print(df2.groupby(['Neighborhood', 'Bedrooms']).size().unstack())
print(df2.groupby(['Neighborhood', 'Bedrooms']).size().unstack(0))
print(df2.groupby(['Neighborhood', 'Bedrooms', 'Garage'])['Price'].max())
print(g.mean().sort_values(ascending=False).head())
for (hood, beds), grp in df2.groupby(['Neighborhood', 'Bedrooms']):
    print(hood, beds, len(grp))
    break
s = g.mean()
print(s.index.names, s.index.nlevels)
print(s.index.get_level_values(0)[:3])
print(s['OldTown'])
print(s.reset_index().head())
print(df2.groupby(['Neighborhood', 'Garage']).agg(avg=('Price', 'mean'), n=('Price', 'size')))
print(df2.groupby('Garage').agg({'Price': ['min', 'max'], 'Bedrooms': 'mean'}))
print(df2.groupby(['Garage', 'Bedrooms']).mean(numeric_only=True))

# long results: the first and last five rows; int columns under two-level labels
rng = np.random.RandomState(2)
n = 400
df3 = pd.DataFrame({'a': rng.randint(0, 9, n), 'b': rng.randint(0, 9, n), 'v': rng.randn(n)})
s3 = df3.groupby(['a', 'b'])['v'].mean()
print(s3)
print(df3.groupby(['a', 'b']).agg(['mean', 'count']))
print(df3.groupby(['a', 'b'])['v'].agg(['mean', 'count', 'std', 'min', 'max', 'median', 'sum', 'var']).head())
df4 = pd.DataFrame({'a': [1, 1, 2], 'b': [1, 2, 1], 'v': [0.5, 1.5, 2.0]})
print(df4.groupby('a').agg(['mean', 'count']))
print(df4.groupby(['a', 'b']).agg(['mean', 'count']))
print(df4.groupby('a')[['v', 'b']].agg(['count', 'mean']))

# as_index=False: the keys as leading columns
df5 = pd.DataFrame(
    {
        'Sex': ['m', 'f', 'f', 'm', 'f'],
        'Pclass': [1, 3, 3, 1, 2],
        'Survived': [0, 1, 1, 0, 1],
        'Fare': [7.5, 70.0, 8.0, 12.5, 30.0],
    }
)
print(df5.groupby('Sex', as_index=False)['Survived'].mean())
print(df5.groupby(['Sex', 'Pclass'], as_index=False)['Survived'].mean())
print(df5.groupby('Sex', as_index=False).mean())
print(df5.groupby(['Sex', 'Pclass'], as_index=False).size())
print(df5.groupby('Sex', as_index=False).agg(avg=('Fare', 'mean'), n=('Fare', 'count')))
print(df5.groupby('Sex', as_index=False)[['Fare', 'Survived']].sum())
print(df5.groupby('Sex', as_index=False)['Fare'].agg('max'))
print(df5.groupby('Sex', as_index=False).Fare.min())
