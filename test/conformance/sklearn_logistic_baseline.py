# A scikit-learn baseline before the PyTorch model, as course notebooks compare them: breast cancer data,
# a stratified split, StandardScaler, LogisticRegression() and KNeighborsClassifier as baselines (accuracy,
# predict_proba, cross_val_score), then the same logistic model in torch (nn.Linear + BCEWithLogitsLoss,
# Adam, full batch) and the two compared: accuracy, agreement of their predictions, their weights side by side.
# scikit-learn's lbfgs stops short of the optimum (here by the loss dropping under 2.2e-9 of itself: intercept
# 0.30051 against the optimum's 0.30047), so only a solver taking scipy's own steps prints its digits.
import numpy as np
import torch
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler
from torch import nn

torch.manual_seed(0)
data = load_breast_cancer()
X, y = data.data, data.target
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)
scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)
print('train', X_train_s.shape, 'test', X_test_s.shape)

# --- baselines ---
baseline = LogisticRegression()
baseline.fit(X_train_s, y_train)
print(baseline)
print('baseline accuracy:', accuracy_score(y_test, baseline.predict(X_test_s)))
print('baseline train accuracy: %.4f' % baseline.score(X_train_s, y_train))
print('coef shape', baseline.coef_.shape, 'intercept', baseline.intercept_, 'iterations', baseline.n_iter_)
print('first weights', baseline.coef_[0, :5])
print('probabilities', baseline.predict_proba(X_test_s[:3]))
print('baseline ROC AUC: %.4f' % roc_auc_score(y_test, baseline.predict_proba(X_test_s)[:, 1]))

for k in (3, 5, 11):
    knn = KNeighborsClassifier(n_neighbors=k).fit(X_train_s, y_train)
    print(f'{knn}: test accuracy {knn.score(X_test_s, y_test):.4f}')
scores = cross_val_score(LogisticRegression(max_iter=1000), X_train_s, y_train, cv=5)
print('cv scores', scores.round(4), 'mean %.4f +/- %.4f' % (scores.mean(), scores.std()))

# --- the same model in PyTorch ---
Xt = torch.tensor(X_train_s, dtype=torch.float32)
yt = torch.tensor(y_train, dtype=torch.float32).unsqueeze(1)
Xv = torch.tensor(X_test_s, dtype=torch.float32)
model = nn.Linear(30, 1)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(1, 301):
    optimizer.zero_grad()
    loss = loss_fn(model(Xt), yt)
    loss.backward()
    optimizer.step()
    if epoch % 60 == 0:
        print(f'epoch {epoch:3d}  loss {loss.item():.4f}')

with torch.no_grad():
    torch_prob = torch.sigmoid(model(Xv)).squeeze(1)
torch_pred = (torch_prob > 0.5).long().numpy()
print('torch accuracy:', accuracy_score(y_test, torch_pred))
print('predictions that agree with the baseline:', (torch_pred == baseline.predict(X_test_s)).mean())
print(classification_report(y_test, torch_pred, target_names=data.target_names, digits=3))
w = model.weight.detach().numpy()[0]
print('weights, torch vs sklearn:')
for name, a, b in list(zip(data.feature_names, w, baseline.coef_[0]))[:4]:
    print(f'  {name:<16} {a:7.3f} {b:7.3f}')
print('same sign on %d of 30 features' % (np.sign(w) == np.sign(baseline.coef_[0])).sum())
