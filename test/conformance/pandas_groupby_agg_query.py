# Summarising a passenger table the way Kaggle data-preparation kernels and course labs do before the numbers go
# to torch: a small generated CSV read with pd.read_csv, groupby(...).agg with a name (text columns dropped with
# pandas 1.5's FutureWarning), a dict per column, named aggregations (avg_age=('Age', 'mean')), np.mean handed to
# agg, a lambda, and one column's groups reduced by a list of names (gb['Fare'].agg(['mean', 'count', 'max']));
# the means put back as a column through groupby(...).mean().reset_index() and merge; Series.agg and
# DataFrame.agg with names and lists; df.query with comparisons joined by and/or, in-lists and @variables;
# pd.melt; a per-group standardised feature into a float32 tensor.
import os
import tempfile
import warnings

import numpy as np
import pandas as pd
import torch

rs = np.random.RandomState(11)
lines = ['PassengerId,Survived,Pclass,Sex,Age,SibSp,Fare,Embarked']
for i in range(16):
    age = '' if i in (4, 11) else str(int(rs.randint(1, 75)))
    sex = ['male', 'female'][rs.randint(0, 2)]
    port = ['S', 'C', 'Q'][rs.randint(0, 3)]
    fare = round(float(rs.uniform(5, 90)), 2)
    lines.append(f'{i + 1},{int(rs.rand() < 0.45)},{1 + rs.randint(0, 3)},{sex},{age},{rs.randint(0, 4)},{fare},{port}')
folder = tempfile.mkdtemp()
path = os.path.join(folder, 'train.csv')
with open(path, 'w') as f:
    f.write('\n'.join(lines) + '\n')

df = pd.read_csv(path)
print(df.head())

# group summaries with agg
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(df.groupby('Pclass').agg('mean'))
for w in caught:
    print(f'{w.category.__name__}: {w.message}')
print(df.groupby('Sex').agg({'Age': 'mean', 'Fare': 'max', 'Survived': 'sum'}))
print(df.groupby('Embarked').agg(passengers=('PassengerId', 'count'), avg_fare=('Fare', 'mean'), oldest=('Age', 'max')))
print(df.groupby('Sex')['Fare'].agg(['mean', 'count', 'max']))
print(df.groupby('Pclass')['Survived'].agg(['sum', 'mean', 'nunique']))
print(df.groupby('Sex')['Age'].agg(np.mean))
print(df.groupby('Pclass').Fare.agg(lambda s: s.max() - s.min()))
print(df.groupby('Sex')[['Age', 'Fare']].aggregate('median'))
print(df.groupby('Embarked').nunique())

# group means back as a column
survival = df.groupby('Pclass')['Survived'].mean().reset_index()
print(survival)
survival.columns = ['Pclass', 'ClassSurvival']
df = df.merge(survival, on='Pclass', how='left')
print(df[['PassengerId', 'Pclass', 'ClassSurvival']].head(6))
means = df.groupby('Sex').mean(numeric_only=True).reset_index()
print(means[['Sex', 'Age', 'Fare']])
print(df.set_index('PassengerId')[['Sex', 'Age']].head(3).reset_index())

# Series.agg and DataFrame.agg
print(df['Fare'].agg('mean'), df['Age'].agg(['min', 'max', 'count']).tolist())
print(df['SibSp'].agg(['sum', 'max']))
print(df[['Age', 'Fare', 'SibSp']].agg(['mean', 'std', 'max']))
print(df.agg({'Age': 'median', 'Fare': 'sum'}))

# rows by a condition string
print(df.query('Age > 40 and Sex == "male"')[['PassengerId', 'Age', 'Sex']])
print(df.query('Pclass == 1 or Fare > 70').shape)
print(df.query("Embarked in ['C', 'Q'] & SibSp >= 2")[['Embarked', 'SibSp']])
limit = df['Fare'].median()
print(len(df.query('Fare > @limit')), len(df.query('not Fare > @limit')))
print(df.query('10 < Age <= 30').PassengerId.tolist())
kids = df.copy()
kids.query('Age < 18', inplace=True)
print(kids[['PassengerId', 'Age']])

# wide to long
long = pd.melt(df.head(3), id_vars=['PassengerId'], value_vars=['Age', 'Fare'], var_name='measure')
print(long)
print(df.head(2).melt(id_vars='Sex', value_vars=['SibSp', 'Embarked']))

# a per-group standardised fare as a feature
df['Age'] = df['Age'].fillna(df['Age'].median())
stats = df.groupby('Pclass').agg(fare_mean=('Fare', 'mean'), fare_std=('Fare', 'std')).reset_index()
df = df.merge(stats, on='Pclass')
df['FareZ'] = (df['Fare'] - df['fare_mean']) / df['fare_std']
df['IsMale'] = (df['Sex'] == 'male').astype(int)
features = torch.tensor(df[['Pclass', 'IsMale', 'Age', 'SibSp', 'FareZ']].values, dtype=torch.float32)
target = torch.tensor(df['Survived'].values, dtype=torch.float32)
print(features.shape, features[:3])
print(target.sum(), features.mean(dim=0))
