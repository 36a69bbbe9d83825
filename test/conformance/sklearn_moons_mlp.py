# Two moons with scikit-learn, the network in PyTorch, as blog tutorials and course labs build a first
# binary classifier: make_moons with noise, a stratified train_test_split, StandardScaler fitted on the
# training part only, tensors made with torch.tensor(..., dtype=torch.float32), an MLP trained full-batch
# with BCEWithLogitsLoss and Adam, then sklearn.metrics on the predictions (accuracy, confusion matrix,
# precision/recall/F1, the classification report, ROC AUC on the sigmoid scores).
import numpy as np
import torch
from sklearn.datasets import make_moons
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn

X, y = make_moons(n_samples=240, noise=0.2, random_state=42)
print(X.shape, y.shape, X.dtype, y.dtype)
print(X[:4])
print(y[:20], y.sum())

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42, stratify=y)
print('train', X_train.shape, 'test', X_test.shape, 'positives', y_train.sum(), y_test.sum())

scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)
print('mean', scaler.mean_, 'scale', scaler.scale_)
# The scaled means are zero up to rounding (their sign is noise), so they are compared, not printed.
print('scaled train mean is 0:', np.allclose(X_train.mean(axis=0), 0), 'std', X_train.std(axis=0))

X_train_t = torch.tensor(X_train, dtype=torch.float32)
y_train_t = torch.tensor(y_train, dtype=torch.float32).unsqueeze(1)
X_test_t = torch.tensor(X_test, dtype=torch.float32)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

for epoch in range(1, 201):
    optimizer.zero_grad()
    logits = model(X_train_t)
    loss = criterion(logits, y_train_t)
    loss.backward()
    optimizer.step()
    if epoch % 25 == 0:
        with torch.no_grad():
            train_acc = ((logits > 0).float() == y_train_t).float().mean().item()
        print(f'epoch {epoch:3d}  loss {loss.item():.4f}  train acc {train_acc:.3f}')

model.eval()
with torch.no_grad():
    scores = torch.sigmoid(model(X_test_t)).squeeze(1)
y_pred = (scores > 0.5).long().numpy()
print('predictions', y_pred[:20])
print('accuracy', accuracy_score(y_test, y_pred))
print(confusion_matrix(y_test, y_pred))
print('precision', precision_score(y_test, y_pred), 'recall', recall_score(y_test, y_pred))
print('f1', round(f1_score(y_test, y_pred), 4), 'macro f1', round(f1_score(y_test, y_pred, average='macro'), 4))
print(classification_report(y_test, y_pred, target_names=['upper moon', 'lower moon']))
print('roc auc', round(roc_auc_score(y_test, scores.numpy()), 4))
tn, fp, fn, tp = confusion_matrix(y_test, y_pred).ravel()
print(f'tn={tn} fp={fp} fn={fn} tp={tp}')
