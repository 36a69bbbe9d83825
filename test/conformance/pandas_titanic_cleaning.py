# Cleaning a passenger table the way Titanic-style Kaggle kernels and course labs write it before the numbers go
# to torch: a small generated CSV read with pd.read_csv, missing ages and ports filled in place through the
# column (df['Age'].fillna(..., inplace=True), the chained form pandas 1.5 still honours), titles pulled out of
# the names with .str.extract and tidied with .str.replace/.str.strip/.str.lower, a ticket column made numbers
# with pd.to_numeric(errors='coerce'), group means that drop the text columns (with pandas 1.5's FutureWarning)
# and with numeric_only=True, a lookup table merged in (inner and left joins), set_index, duplicated and
# drop_duplicates, nlargest, running totals with cumsum/shift/pct_change, describe().T, to_dict('records'),
# itertuples, np.mean/np.std over columns through apply, and the features as a float32 tensor.
import os
import tempfile
import warnings

import numpy as np
import pandas as pd
import torch

rs = np.random.RandomState(7)
first = ['Owen', 'John', 'Laina', 'Lily', 'William', 'James', 'Timothy', 'Gosta', 'Anna', 'Karl']
last = ['Braund', 'Cumings', 'Heikkinen', 'Futrelle', 'Allen', 'Moran', 'McCarthy', 'Palsson', 'Kelly', 'Berg']
titles = ['Mr', 'Mrs', 'Miss', 'Mrs', 'Mr', 'Mr', 'Mr', 'Master', 'Miss', 'Dr']
sexes = ['male', 'female', 'female', 'female', 'male', 'male', 'male', 'male', 'female', 'male']
lines = ['PassengerId,Survived,Pclass,Name,Sex,Age,Ticket,Fare,Embarked']
for i in range(12):
    k = i % 10
    age = '' if i in (5, 9) else str(int(rs.randint(2, 70)))
    ticket = 'LINE' if i == 3 else str(int(rs.randint(1000, 9999)))
    port = '' if i == 7 else ['S', 'C', 'Q'][rs.randint(0, 3)]
    fare = round(float(rs.uniform(5, 80)), 4)
    name = f'"{last[k]}, {titles[k]}. {first[k]} "'
    lines.append(f'{i + 1},{int(rs.rand() < 0.5)},{1 + rs.randint(0, 3)},{name},{sexes[k]},{age},{ticket},{fare},{port}')
folder = tempfile.mkdtemp()
path = os.path.join(folder, 'passengers.csv')
with open(path, 'w') as f:
    f.write('\n'.join(lines) + '\n')

df = pd.read_csv(path)
print(df.head())
print(df.isnull().sum())

# missing values filled through the column, in place
df['Age'].fillna(df['Age'].median(), inplace=True)
df['Embarked'].fillna(df['Embarked'].mode()[0], inplace=True)
print(df[['Age', 'Embarked']].isnull().sum().sum())
print(df[['Name', 'Age', 'Embarked']].tail(4))

# titles out of the names
df['Title'] = df['Name'].str.extract(r' ([A-Za-z]+)\.', expand=False)
print(df['Title'].value_counts())
df['Title'] = df['Title'].replace(['Dr', 'Master'], 'Rare')
print(df['Name'].str.len().max(), df['Name'].str.strip().str.len().max())
print(df['Name'].str.split(', ').str[0].str.lower().head(3))
print(df['Name'].str.contains('Mrs').sum(), df['Name'].str.startswith('B').tolist())
print(df['Name'].str.replace(',', '').str.upper().head(3))
print(df['Name'].str.split(',', expand=True).head(3))

# the ticket numbers, one of which is text
df['TicketNo'] = pd.to_numeric(df['Ticket'], errors='coerce')
print(df['TicketNo'].dtype, df['TicketNo'].isnull().sum())
print(pd.to_numeric(pd.Series(['3', '1', '2'])).sum())

# group summaries: text columns dropped (with a warning), or by numeric_only=True
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(df.groupby('Sex').mean())
for w in caught:
    print(f'{w.category.__name__}: {w.message}')
print(df.groupby('Pclass').median(numeric_only=True))
print(df.groupby('Title')[['Age', 'Fare']].max())

# a port table merged in
ports = pd.DataFrame({'Embarked': ['S', 'C', 'Q'], 'Port': ['Southampton', 'Cherbourg', 'Queenstown']})
merged = df.merge(ports, on='Embarked', how='left')
print(merged[['PassengerId', 'Embarked', 'Port']].head(6))
fares = pd.DataFrame({'Pclass': [1, 2], 'ClassFare': [84.15, 20.66]})
print(pd.merge(df[['PassengerId', 'Pclass']], fares, on='Pclass').head())
print(pd.merge(df[['PassengerId', 'Pclass']], fares, on='Pclass', how='left').tail(3))

# an index, repeats, the largest fares
by_id = df.set_index('PassengerId')
print(by_id.loc[3, 'Name'], by_id.index[:4])
print(df.duplicated(subset=['Sex', 'Pclass']).sum())
print(df.drop_duplicates(subset=['Title'])[['Name', 'Title']])
print(df.nlargest(3, 'Fare')[['Name', 'Fare']])

# running totals
fare = df['Fare']
print(fare.cumsum().round(2).tolist())
print(fare.shift(1).head(3), fare.pct_change().round(3).head(3))
print(df[['Age', 'Fare']].describe().T)

# rows as records and tuples
print(df[['PassengerId', 'Sex', 'Age']].head(2).to_dict('records'))
for row in df[['Name', 'Fare']].head(2).itertuples():
    print(row.Index, row.Name.strip(), row.Fare)

# numpy's reductions over columns hand each column to pandas (NaN skipped, np.std with ddof=0)
numeric = df[['Age', 'Fare', 'TicketNo']]
print(numeric.apply(np.mean))
print(numeric.apply(np.std))

# the features for torch
df['Sex'] = df['Sex'].map({'male': 0, 'female': 1})
features = pd.get_dummies(df[['Pclass', 'Sex', 'Age', 'Fare', 'Embarked']], columns=['Embarked'])
X = torch.tensor(features.to_numpy(dtype=np.float32))
y = torch.tensor(df['Survived'].values, dtype=torch.float32)
print(features.columns.tolist())
print(X.shape, X.dtype, y.sum())
print(X.mean(dim=0))
