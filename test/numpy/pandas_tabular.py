# Backprop Lens' pandas subset against pandas 1.5.3 on a Titanic-style table, as tabular PyTorch tutorials clean
# one: read_csv with quoted names and empty cells, a frame too wide for 80 columns (pandas gives the shown labels
# the leading space of the dtype at their place in the whole frame), info(), describe(), fillna with the median
# and a constant, drop, map, get_dummies(columns=...), corr, masks, standardising, sample(frac=0.8) and
# drop(train.index).
import io
import numpy as np
import pandas as pd
rs = np.random.RandomState(4)
n = 40
rows = ['PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked']
for i in range(n):
    age = '' if rs.rand() < 0.2 else str(round(rs.uniform(1, 70), 1))
    cabin = '' if rs.rand() < 0.7 else f'C{rs.randint(1, 100)}'
    emb = '' if i == 7 else 'SCQ'[rs.randint(0, 3)]
    rows.append(f'{i + 1},{rs.randint(0, 2)},{rs.randint(1, 4)},"Name{i}, Mr. X",{"male" if rs.rand() < 0.6 else "female"},'
                f'{age},{rs.randint(0, 3)},{rs.randint(0, 3)},T{rs.randint(1000, 9999)},{rs.uniform(5, 100):.4f},{cabin},{emb}')
df = pd.read_csv(io.StringIO('\n'.join(rows) + '\n'))
print(df.head())
print(df.info())
print(df.describe())
print(df.isnull().sum())
print(df['Survived'].value_counts())
print(df['Age'].describe())
df['Age'] = df['Age'].fillna(df['Age'].median())
df['Embarked'] = df['Embarked'].fillna('S')
df = df.drop(['Name', 'Ticket', 'Cabin', 'PassengerId'], axis=1)
df['Sex'] = df['Sex'].map({'male': 0, 'female': 1})
df = pd.get_dummies(df, columns=['Embarked'])
print(df.head(10))
print(df.dtypes)
X = df.drop('Survived', axis=1).values.astype(np.float32)
y = df['Survived'].values
print(X.shape, X.dtype, y[:10])
print(df.corr()['Survived'])
print(df[df['Sex'] == 1]['Survived'].mean())
print(df.loc[df['Age'] > 30, ['Age', 'Fare']].head())
print(df.iloc[:5, 1:4])
print(df.shape, df.columns.tolist())
num_cols = ['Age', 'Fare']
df[num_cols] = (df[num_cols] - df[num_cols].mean()) / df[num_cols].std()
print(df[num_cols].head())
train = df.sample(frac=0.8, random_state=200)
test = df.drop(train.index)
print(train.shape, test.shape)
print(test.head())
