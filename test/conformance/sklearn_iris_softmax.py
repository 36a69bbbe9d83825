# The Iris flowers with scikit-learn's loader and split, the classifier in PyTorch, as "Machine Learning with
# PyTorch and Scikit-Learn" (ch. 12) and Korean course labs write it: load_iris() read as a dict
# (iris['data'], iris['target']), train_test_split(test_size=1./3, random_state=1), features standardised by
# the training set's overall mean and std, torch.from_numpy(...).float(), a TensorDataset in a shuffling
# DataLoader, a softmax regression (one nn.Linear) trained with SGD and CrossEntropyLoss, then
# confusion_matrix and classification_report with iris.target_names.
import numpy as np
import torch
from sklearn.datasets import load_iris
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

iris = load_iris()
print(sorted(iris.keys()))
print(iris.feature_names)
print(iris.target_names)
X = iris['data']
y = iris['target']
print(X.shape, y.shape, X[:3], y[::25])
print('per-class counts', [int((y == k).sum()) for k in range(3)])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=1.0 / 3, random_state=1)
print(X_train.shape, X_test.shape)
print('test labels', y_test)

X_train_norm = (X_train - np.mean(X_train)) / np.std(X_train)
X_train_norm = torch.from_numpy(X_train_norm).float()
y_train = torch.from_numpy(y_train)
print(X_train_norm.dtype, y_train.dtype, X_train_norm[:2])

train_ds = TensorDataset(X_train_norm, y_train)
torch.manual_seed(1)
train_dl = DataLoader(train_ds, batch_size=10, shuffle=True)

model = nn.Linear(4, 3)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

num_epochs = 40
for epoch in range(num_epochs):
    total, correct = 0.0, 0
    for x_batch, y_batch in train_dl:
        pred = model(x_batch)
        loss = loss_fn(pred, y_batch)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        total += loss.item() * y_batch.size(0)
        correct += (torch.argmax(pred, dim=1) == y_batch).sum().item()
    if epoch % 8 == 7:
        print(f'epoch {epoch + 1}: loss {total / len(train_ds):.4f} accuracy {correct / len(train_ds):.4f}')

X_test_norm = (X_test - np.mean(X_train)) / np.std(X_train)
X_test_norm = torch.from_numpy(X_test_norm).float()
with torch.no_grad():
    probs = torch.softmax(model(X_test_norm), dim=1)
pred_test = torch.argmax(probs, dim=1)
print(probs[:3])
print('test accuracy', accuracy_score(y_test, pred_test.numpy()), accuracy_score(torch.from_numpy(y_test), pred_test))
cm = confusion_matrix(y_test, pred_test)
print(cm)
print('diagonal', cm.diagonal(), 'per-class recall', (cm.diagonal() / cm.sum(axis=1)).round(3))
print('weighted f1', round(f1_score(y_test, pred_test, average='weighted'), 4))
print(classification_report(y_test, pred_test, target_names=iris.target_names, digits=3))
print('predicted names', [iris.target_names[k] for k in pred_test[:5].tolist()])
