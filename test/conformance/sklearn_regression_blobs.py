# scikit-learn's toy generators feeding small PyTorch models, as blog tutorials use them: make_regression
# (with its true coefficients) for a linear model trained by gradient descent and scored with
# mean_squared_error, mean_absolute_error and r2_score; make_blobs for a three-class softmax classifier
# whose predictions come back through LabelEncoder's names; make_circles and make_classification split by
# ShuffleSplit / train_test_split with a float32 tensor pair, and sklearn.utils.shuffle of several arrays.
import numpy as np
import torch
from sklearn.datasets import make_blobs, make_circles, make_classification, make_regression
from sklearn.metrics import accuracy_score, mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import ShuffleSplit, train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.utils import shuffle
from torch import nn

X, y, coef = make_regression(n_samples=100, n_features=3, noise=5.0, coef=True, random_state=0)
print(X.shape, y.shape, coef)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
Xt = torch.from_numpy(X_train).float()
yt = torch.from_numpy(y_train).float().view(-1, 1)
torch.manual_seed(0)
reg = nn.Linear(3, 1)
opt = torch.optim.SGD(reg.parameters(), lr=0.05)
for step in range(200):
    loss = nn.functional.mse_loss(reg(Xt), yt)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 50 == 0:
        print(f'step {step} mse {loss.item():.3f}')
print('learned', reg.weight.data, reg.bias.data)
with torch.no_grad():
    y_hat = reg(torch.from_numpy(X_test).float()).squeeze(1)
print('mse', round(mean_squared_error(y_test, y_hat.numpy()), 3), 'rmse', round(mean_squared_error(y_test, y_hat.numpy(), squared=False), 3))
print('mae', round(mean_absolute_error(y_test, y_hat.numpy()), 3), 'r2', round(r2_score(y_test, y_hat.numpy()), 5))

Xb, yb = make_blobs(n_samples=150, centers=3, cluster_std=1.2, random_state=7)
print(Xb[:3], yb[:12])
encoder = LabelEncoder()
labels = ['cat' if k == 0 else 'dog' if k == 1 else 'owl' for k in yb.tolist()]
codes = encoder.fit_transform(labels)
print(encoder.classes_, codes[:12], (codes == yb).all())
Xb = StandardScaler().fit_transform(Xb)
Xb_t, yb_t = torch.tensor(Xb, dtype=torch.float32), torch.tensor(codes)
torch.manual_seed(3)
clf = nn.Linear(2, 3)
opt = torch.optim.Adam(clf.parameters(), lr=0.1)
for step in range(60):
    loss = nn.functional.cross_entropy(clf(Xb_t), yb_t)
    opt.zero_grad()
    loss.backward()
    opt.step()
pred = clf(Xb_t).argmax(1)
print('blob loss', round(loss.item(), 4), 'accuracy', accuracy_score(yb_t, pred))
print('first predictions', encoder.inverse_transform(pred[:6].numpy()))

Xc, yc = make_circles(n_samples=40, noise=0.05, factor=0.4, random_state=1)
splitter = ShuffleSplit(n_splits=2, test_size=0.25, random_state=0)
print(splitter, splitter.get_n_splits())
for train_idx, test_idx in splitter.split(Xc):
    print(len(train_idx), test_idx, yc[test_idx])
Xk, yk = make_classification(n_samples=60, n_features=4, n_informative=2, n_redundant=0, random_state=5)
a, b, c, d = train_test_split(torch.tensor(Xk, dtype=torch.float32), torch.tensor(yk), test_size=0.2, random_state=1)
print(type(a).__name__, a.shape, b.shape, c.dtype, d)
Xs, ys = shuffle(Xk[:5], yk[:5], random_state=2)
print(Xs.round(4), ys)
