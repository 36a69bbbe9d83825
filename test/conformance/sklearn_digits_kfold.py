# Handwritten digits with scikit-learn, an MLP in PyTorch, k-fold cross-validation, as course notebooks
# evaluate a small network: load_digits (the Bunch's images, data, target), pixels scaled to [0, 1] by
# MinMaxScaler, KFold(n_splits=3, shuffle=True, random_state=0) giving index arrays that pick rows of numpy
# arrays and of torch tensors, a fresh nn.Sequential per fold trained with mini-batches by hand, the fold
# accuracies and their mean, then StratifiedKFold's folds keeping the class balance.
import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.preprocessing import MinMaxScaler
from torch import nn

digits = load_digits()
print(digits.data.shape, digits.images.shape, digits.target.shape, digits.target_names)
print(digits.images[0])
print(digits.target[:20])

X = MinMaxScaler().fit_transform(digits.data[:360])
y = digits.target[:360]
print('scaled', X.shape, X.min(), X.max(), X[0, :10])

X_t = torch.tensor(X, dtype=torch.float32)
y_t = torch.tensor(y)

kf = KFold(n_splits=3, shuffle=True, random_state=0)
print(kf)
scores = []
for fold, (train_idx, test_idx) in enumerate(kf.split(X)):
    print(f'fold {fold}: train {len(train_idx)} test {len(test_idx)} first test rows {test_idx[:6]}')
    torch.manual_seed(fold)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    X_train, y_train = X_t[train_idx], y_t[train_idx]
    for epoch in range(15):
        for start in range(0, len(train_idx), 40):
            xb, yb = X_train[start : start + 40], y_train[start : start + 40]
            loss = loss_fn(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        pred = model(X_t[test_idx]).argmax(dim=1).numpy()
    acc = accuracy_score(y[test_idx], pred)
    scores.append(acc)
    print(f'  last loss {loss.item():.4f} accuracy {acc:.4f}')
print('mean accuracy', np.mean(scores).round(4), 'std', np.std(scores).round(4))
print(confusion_matrix(y[test_idx], pred))

skf = StratifiedKFold(n_splits=4)
for fold, (train_idx, test_idx) in enumerate(skf.split(X, y)):
    counts = [int((y[test_idx] == k).sum()) for k in range(10)]
    print(f'stratified fold {fold}: {len(test_idx)} test rows, per class {counts}, first {test_idx[:5]}')
