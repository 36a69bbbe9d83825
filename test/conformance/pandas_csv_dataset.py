# A CSV file as a PyTorch Dataset, the way tabular tutorials (PyTorch forum answers, "Deep Learning with
# PyTorch" ch. 4's wine data, course labs) write it: a table of measurements and a species label saved with
# to_csv(index=False), read back with pd.read_csv, looked at with head(), info(), describe() and
# value_counts(), shuffled with sample(frac=1, random_state=...) and reset_index(drop=True), labels encoded with
# Series.map over a dict built from the sorted label names, a column standardised with (x - mean) / std, a
# custom Dataset whose __init__ takes df.drop('species', axis=1).to_numpy(dtype=np.float32) and the codes as
# torch.long, random_split into train and validation sets, DataLoaders, a small MLP trained with Adam and
# CrossEntropyLoss, the validation accuracy, and the predictions written back into the frame with
# df.loc[mask, 'col'] and a per-species table.
import os
import tempfile

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split

rs = np.random.RandomState(3)
names = ['setosa', 'versicolor', 'virginica']
centers = np.array([[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.5, 2.0]])
rows = []
for k in range(3):
    points = centers[k] + rs.normal(0, 0.3, (30, 4))
    for p in points:
        rows.append([round(float(v), 2) for v in p] + [names[k]])
frame = pd.DataFrame(rows, columns=['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'])
folder = tempfile.mkdtemp()
path = os.path.join(folder, 'flowers.csv')
frame.to_csv(path, index=False)
with open(path) as f:
    print(''.join(f.readlines()[:4]))

df = pd.read_csv(path)
print(df.head())
df.info()
print(df.describe())
print(df['species'].value_counts())
df = df.sample(frac=1, random_state=42).reset_index(drop=True)
print(df.head(8))
classes = sorted(df['species'].value_counts().index)
label_of = {name: i for i, name in enumerate(classes)}
df['label'] = df['species'].map(label_of)
print(classes, df['label'].tolist()[:10])
df['petal_length'] = (df['petal_length'] - df['petal_length'].mean()) / df['petal_length'].std()
print(df[['petal_length', 'label']].tail())


class CSVDataset(Dataset):
    def __init__(self, table):
        self.X = torch.from_numpy(table.drop('species', axis=1).drop(columns=['label']).to_numpy(dtype=np.float32))
        self.y = torch.tensor(table['label'].values, dtype=torch.long)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, idx):
        return self.X[idx], self.y[idx]


data = CSVDataset(df)
print(len(data), data[0])
torch.manual_seed(0)
train_set, val_set = random_split(data, [70, 20])
train_loader = DataLoader(train_set, batch_size=16, shuffle=True)
val_loader = DataLoader(val_set, batch_size=20)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
criterion = nn.CrossEntropyLoss()
for epoch in range(15):
    total = 0.0
    for X, y in train_loader:
        optimizer.zero_grad()
        loss = criterion(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    if epoch % 3 == 0:
        print(f'epoch {epoch}: loss {total / len(train_set):.4f}')
with torch.no_grad():
    X_val, y_val = next(iter(val_loader))
    accuracy = (model(X_val).argmax(dim=1) == y_val).float().mean().item()
print(f'validation accuracy {accuracy:.3f}')

with torch.no_grad():
    df['predicted'] = model(data.X).argmax(dim=1).numpy()
df['correct'] = df['predicted'] == df['label']
df.loc[df['correct'] == False, 'species'] = 'MISSED'  # noqa: E712
print(df.loc[df['species'] == 'MISSED', ['label', 'predicted']])
print(df[['label', 'predicted', 'correct']].head(6))
print(df['correct'].mean(), df['correct'].sum())
os.remove(path)
os.rmdir(folder)

# a Series straight into torch.tensor: its values' dtype (float64, int64) unless dtype= says otherwise
scores = pd.Series([0.5, 1.25, 2.0])
counts = pd.Series([3, 1, 4])
print(torch.tensor(scores), torch.tensor(counts), torch.tensor(scores, dtype=torch.float32))
