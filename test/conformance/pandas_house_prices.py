# d2l 5.7 "Predicting House Prices on Kaggle" as the book writes it, with its CSV files made here instead of
# downloaded: train and test tables written with DataFrame.to_csv(index=False) and read back with
# pd.read_csv, train_data.shape and the book's train_data.iloc[0:4, [0, 1, 2, 3, -3, -2, -1]] look,
# all_features = pd.concat((train_data.iloc[:, 1:-1], test_data.iloc[:, 1:])), the numeric columns picked
# with all_features.dtypes[all_features.dtypes != 'object'].index and standardised by
# apply(lambda x: (x - x.mean()) / (x.std())), fillna(0), pd.get_dummies(all_features, dummy_na=True),
# torch.tensor(all_features[:n_train].values, dtype=torch.float32), labels from train_data.SalePrice.values,
# log_rmse with torch.clamp, a linear net trained with Adam on a DataLoader, and the submission made with
# pd.Series(preds.reshape(1, -1)[0]), pd.concat([...], axis=1) and to_csv(index=False).
import os
import tempfile

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

rs = np.random.RandomState(7)
n_all = 70
zones = ['RL', 'RM', 'FV', 'RH']
streets = ['Pave', 'Grvl']
area = rs.randint(1300, 15000, n_all)
quality = rs.randint(1, 11, n_all)
frontage = np.round(rs.uniform(30, 120, n_all), 1)
year = rs.randint(1900, 2010, n_all)
zone_idx = rs.randint(0, 4, n_all)
street_idx = rs.randint(0, 2, n_all)
price = 20000 + 8 * area + 15000 * quality + 300 * (year - 1900) + 5000 * zone_idx + rs.normal(0, 10000, n_all)
table = pd.DataFrame(
    {
        'Id': np.arange(1, n_all + 1),
        'MSZoning': [zones[i] for i in zone_idx],
        'LotFrontage': frontage,
        'LotArea': area,
        'Street': [streets[i] for i in street_idx],
        'OverallQual': quality,
        'YearBuilt': year,
        'SalePrice': np.round(price).astype(np.int64),
    }
)
table.loc[[3, 11, 40, 52], 'LotFrontage'] = np.nan
table.loc[[5, 33, 61], 'MSZoning'] = np.nan
folder = tempfile.mkdtemp()
train_path = os.path.join(folder, 'kaggle_house_pred_train.csv')
test_path = os.path.join(folder, 'kaggle_house_pred_test.csv')
table.iloc[:50].to_csv(train_path, index=False)
table.iloc[50:].drop(columns=['SalePrice']).to_csv(test_path, index=False)

train_data = pd.read_csv(train_path)
test_data = pd.read_csv(test_path)
print(train_data.shape)
print(test_data.shape)
print(train_data.iloc[0:4, [0, 1, 2, 3, -3, -2, -1]])
print(train_data.dtypes)
print(train_data.isnull().sum())

all_features = pd.concat((train_data.iloc[:, 1:-1], test_data.iloc[:, 1:]))
print(all_features)
numeric_features = all_features.dtypes[all_features.dtypes != 'object'].index
print(numeric_features)
all_features[numeric_features] = all_features[numeric_features].apply(lambda x: (x - x.mean()) / (x.std()))
all_features[numeric_features] = all_features[numeric_features].fillna(0)
print(all_features.head())
all_features = pd.get_dummies(all_features, dummy_na=True)
print(all_features.shape)
print(all_features.columns)
print(all_features.iloc[:3, -6:])

n_train = train_data.shape[0]
train_features = torch.tensor(all_features[:n_train].values, dtype=torch.float32)
test_features = torch.tensor(all_features[n_train:].values, dtype=torch.float32)
train_labels = torch.tensor(train_data.SalePrice.values.reshape(-1, 1), dtype=torch.float32)
print(train_features.shape, test_features.shape, train_labels.shape)
print(train_features[:2])

loss = nn.MSELoss()
in_features = train_features.shape[1]


def get_net():
    return nn.Sequential(nn.Linear(in_features, 1))


def log_rmse(net, features, labels):
    clipped_preds = torch.clamp(net(features), 1, float('inf'))
    rmse = torch.sqrt(loss(torch.log(clipped_preds), torch.log(labels)))
    return rmse.item()


def train(net, train_features, train_labels, num_epochs, learning_rate, weight_decay, batch_size):
    train_ls = []
    train_iter = DataLoader(TensorDataset(train_features, train_labels), batch_size, shuffle=True)
    optimizer = torch.optim.Adam(net.parameters(), lr=learning_rate, weight_decay=weight_decay)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            optimizer.zero_grad()
            l = loss(net(X), y)
            l.backward()
            optimizer.step()
        train_ls.append(log_rmse(net, train_features, train_labels))
    return train_ls


torch.manual_seed(0)
net = get_net()
train_ls = train(net, train_features, train_labels, 30, 5, 0, 16)
for epoch in range(0, 30, 5):
    print(f'epoch {epoch + 1}, train log rmse {train_ls[epoch]:f}')
print(f'final train log rmse {float(train_ls[-1]):f}')

preds = net(test_features).detach().numpy()
test_data['SalePrice'] = pd.Series(preds.reshape(1, -1)[0])
submission = pd.concat([test_data['Id'], test_data['SalePrice']], axis=1)
print(submission.head())
submission_path = os.path.join(folder, 'submission.csv')
submission.to_csv(submission_path, index=False)
print(pd.read_csv(submission_path).describe())
for path in (train_path, test_path, submission_path):
    os.remove(path)
os.rmdir(folder)
