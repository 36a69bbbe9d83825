# d2l 5.7 "Predicting House Prices on Kaggle" done in torch alone (the book uses pandas for loading; here the
# table is generated): numeric columns standardised with (x - mean) / std, missing values (nan) set to 0 by
# boolean mask, a one-hot categorical column appended with torch.cat, labels as a column vector, log_rmse with
# torch.clamp(net(features), 1, float('inf')) and torch.sqrt(loss(torch.log(...), torch.log(labels))),
# get_k_fold_data slicing folds with slice(j * fold_size, (j + 1) * fold_size) and torch.cat, k_fold
# training with Adam(weight_decay=...) on a DataLoader, the book's per-fold
# f'fold {i + 1}, train log rmse {float(train_ls[-1]):f}, valid log rmse {float(valid_ls[-1]):f}' line and
# the averages.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(2)
n = 40
area = torch.rand(n) * 200 + 50
rooms = torch.randint(1, 6, (n,)).float()
age = torch.rand(n) * 80
age[torch.tensor([3, 17, 29])] = float('nan')
kind = torch.randint(0, 3, (n,))
price = 1000 * area + 15000 * rooms - 300 * torch.where(torch.isnan(age), torch.zeros_like(age), age) + 20000 * kind + torch.randn(n) * 5000 + 50000

numeric = torch.stack([area, rooms, age], dim=1)
present = [numeric[~torch.isnan(numeric[:, j]), j] for j in range(3)]
mean = torch.stack([col.mean() for col in present])
std = torch.stack([col.std() for col in present])
numeric = (numeric - mean) / std
print(torch.isnan(numeric).sum().item(), numeric[:3])
numeric[torch.isnan(numeric)] = 0
features = torch.cat([numeric, nn.functional.one_hot(kind, 3).float()], dim=1)
labels = price.reshape(-1, 1)
print(features.shape, labels.shape, features.dtype)

loss = nn.MSELoss()
in_features = features.shape[1]


def get_net():
    return nn.Sequential(nn.Linear(in_features, 1))


def log_rmse(net, features, labels):
    clipped_preds = torch.clamp(net(features), 1, float('inf'))
    rmse = torch.sqrt(loss(torch.log(clipped_preds), torch.log(labels)))
    return rmse.item()


def train(net, train_features, train_labels, test_features, test_labels, num_epochs, learning_rate,
          weight_decay, batch_size):
    train_ls, test_ls = [], []
    train_iter = DataLoader(TensorDataset(train_features, train_labels), batch_size, shuffle=True)
    optimizer = torch.optim.Adam(net.parameters(), lr=learning_rate, weight_decay=weight_decay)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            optimizer.zero_grad()
            l = loss(net(X), y)
            l.backward()
            optimizer.step()
        train_ls.append(log_rmse(net, train_features, train_labels))
        if test_labels is not None:
            test_ls.append(log_rmse(net, test_features, test_labels))
    return train_ls, test_ls


def get_k_fold_data(k, i, X, y):
    assert k > 1
    fold_size = X.shape[0] // k
    X_train, y_train = None, None
    for j in range(k):
        idx = slice(j * fold_size, (j + 1) * fold_size)
        X_part, y_part = X[idx, :], y[idx]
        if j == i:
            X_valid, y_valid = X_part, y_part
        elif X_train is None:
            X_train, y_train = X_part, y_part
        else:
            X_train = torch.cat([X_train, X_part], 0)
            y_train = torch.cat([y_train, y_part], 0)
    return X_train, y_train, X_valid, y_valid


def k_fold(k, X_train, y_train, num_epochs, learning_rate, weight_decay, batch_size):
    train_l_sum, valid_l_sum = 0, 0
    for i in range(k):
        data = get_k_fold_data(k, i, X_train, y_train)
        net = get_net()
        train_ls, valid_ls = train(net, *data, num_epochs, learning_rate, weight_decay, batch_size)
        train_l_sum += train_ls[-1]
        valid_l_sum += valid_ls[-1]
        print(f'fold {i + 1}, train log rmse {float(train_ls[-1]):f}, '
              f'valid log rmse {float(valid_ls[-1]):f}')
    return train_l_sum / k, valid_l_sum / k


print([t.shape for t in get_k_fold_data(4, 1, features, labels)])
train_l, valid_l = k_fold(4, features, labels, 8, 2000, 0, 8)
print(f'4-fold validation: avg train log rmse: {float(train_l):f}, avg valid log rmse: {float(valid_l):f}')
