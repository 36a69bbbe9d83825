# Patrick Loeber's "PyTorch Tutorial" idioms (python-engineer/pytorchTutorial 07_linear_regression,
# 08_logistic_regression, 11_softmax_and_crossentropy, 12_activation_functions): `datasets.make_regression(
# n_samples=..., n_features=1, noise=..., random_state=...)` cast by `torch.from_numpy(X_numpy.astype(np.float32))`
# and `y.view(y.shape[0], 1)`, nn.Linear + nn.MSELoss + SGD with `if (epoch+1) % 10 == 0` f-string lines,
# `model(X).detach().numpy()` plotted with `plt.plot(X_numpy, y_numpy, 'ro')` / `plt.plot(X_numpy, predicted, 'b')`
# and `plt.show()`; `datasets.load_breast_cancer()` (bundled with scikit-learn, no download) split by
# `train_test_split(..., test_size=0.2, random_state=...)`, `StandardScaler().fit_transform` / `.transform`,
# a `Model(nn.Module)` with `torch.sigmoid(self.linear(x))`, nn.BCELoss, accuracy by `y_predicted.round()`,
# `.eq(y_test).sum() / float(y_test.shape[0])`; a numpy softmax `np.exp(x) / np.sum(np.exp(x), axis=0)` beside
# `torch.softmax(x, dim=0)`, a numpy cross entropy with `np.clip`, nn.CrossEntropyLoss on one sample and on a
# batch, `_, predictions = torch.max(Y_pred, 1)` printed inside f-strings; torch.softmax / nn.Softmax(dim=0),
# torch.sigmoid / nn.Sigmoid, torch.tanh / nn.Tanh, torch.relu / nn.ReLU, F.leaky_relu / nn.LeakyReLU on one
# tensor, and the two NeuralNet styles (activation modules vs functional calls in forward).
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn import datasets
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.manual_seed(3)

# --- linear regression on generated data
X_numpy, y_numpy = datasets.make_regression(n_samples=60, n_features=1, noise=15, random_state=5)
print(X_numpy.shape, y_numpy.shape, X_numpy.dtype)
X = torch.from_numpy(X_numpy.astype(np.float32))
y = torch.from_numpy(y_numpy.astype(np.float32))
y = y.view(y.shape[0], 1)
n_samples, n_features = X.shape
print(n_samples, n_features, X.dtype, y.shape)

model = nn.Linear(n_features, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
for epoch in range(60):
    y_predicted = model(X)
    loss = criterion(y_predicted, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch + 1) % 10 == 0:
        print(f'epoch: {epoch+1}, loss = {loss.item():.4f}')

predicted = model(X).detach().numpy()
print(predicted.shape, predicted.dtype, np.round(predicted[:3, 0], 3))
lines_data = plt.plot(X_numpy, y_numpy, 'ro')
lines_fit = plt.plot(X_numpy, predicted, 'b')
print(len(lines_data), lines_data[0].get_color(), lines_data[0].get_marker(), lines_data[0].get_linestyle())
print(len(lines_fit), lines_fit[0].get_color(), lines_fit[0].get_linestyle())
plt.show()
plt.close('all')

# --- logistic regression on the bundled breast cancer table
bc = datasets.load_breast_cancer()
X, y = bc.data, bc.target
n_samples, n_features = X.shape
print(n_samples, n_features, y.dtype, list(bc.target_names))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)
print(X_train.shape, X_test.shape, np.round(X_train.mean(), 6), np.round(X_train.std(), 6))

X_train = torch.from_numpy(X_train.astype(np.float32))
X_test = torch.from_numpy(X_test.astype(np.float32))
y_train = torch.from_numpy(y_train.astype(np.float32))
y_test = torch.from_numpy(y_test.astype(np.float32))
y_train = y_train.view(y_train.shape[0], 1)
y_test = y_test.view(y_test.shape[0], 1)


class Model(nn.Module):
    def __init__(self, n_input_features):
        super(Model, self).__init__()
        self.linear = nn.Linear(n_input_features, 1)

    def forward(self, x):
        y_pred = torch.sigmoid(self.linear(x))
        return y_pred


model = Model(n_features)
print(model)
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
for epoch in range(50):
    y_pred = model(X_train)
    loss = criterion(y_pred, y_train)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch + 1) % 10 == 0:
        print(f'epoch: {epoch+1}, loss = {loss.item():.4f}')

with torch.no_grad():
    y_predicted = model(X_test)
    y_predicted_cls = y_predicted.round()
    print(y_predicted_cls[:5].view(-1))
    acc = y_predicted_cls.eq(y_test).sum() / float(y_test.shape[0])
    print(acc)
    print(f'accuracy: {acc.item():.4f}')


# --- softmax and cross entropy, numpy beside torch
def softmax(x):
    return np.exp(x) / np.sum(np.exp(x), axis=0)


x = np.array([1.5, 0.5, -0.3])
outputs = softmax(x)
print('softmax numpy:', outputs)
x = torch.tensor([1.5, 0.5, -0.3])
outputs = torch.softmax(x, dim=0)
print('softmax torch:', outputs)


def cross_entropy(actual, predicted):
    EPS = 1e-15
    predicted = np.clip(predicted, EPS, 1 - EPS)
    return -np.sum(actual * np.log(predicted))


Y = np.array([0, 1, 0])
Y_pred_good = np.array([0.15, 0.8, 0.05])
Y_pred_bad = np.array([0.5, 0.1, 0.4])
l1 = cross_entropy(Y, Y_pred_good)
l2 = cross_entropy(Y, Y_pred_bad)
print(f'Loss1 numpy: {l1:.4f}')
print(f'Loss2 numpy: {l2:.4f}')
print(cross_entropy(Y, np.array([0.0, 1.0, 0.0])))

loss = nn.CrossEntropyLoss()
Y = torch.tensor([1])
Y_pred_good = torch.tensor([[0.4, 2.5, 0.2]])
Y_pred_bad = torch.tensor([[1.8, 0.3, 1.1]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(l1, l2)
print(f'PyTorch Loss1: {l1.item():.4f}')
print(f'PyTorch Loss2: {l2.item():.4f}')
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f'Actual class: {Y.item()}, Y_pred1: {predictions1.item()}, Y_pred2: {predictions2.item()}')

Y = torch.tensor([0, 2, 1, 2])
Y_pred_good = torch.tensor([[3.1, 0.2, 0.4], [0.1, 0.5, 2.7], [0.2, 1.9, 0.3], [0.0, 0.6, 1.4]])
Y_pred_bad = torch.tensor([[0.2, 1.7, 0.6], [2.0, 0.4, 0.3], [1.1, 0.2, 0.9], [0.8, 1.6, 0.1]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(f'Batch Loss1:  {l1.item():.4f}')
print(f'Batch Loss2: {l2.item():.4f}')
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f'Actual class: {Y}, Y_pred1: {predictions1}, Y_pred2: {predictions2}')
# CrossEntropyLoss is LogSoftmax followed by NLLLoss
print(torch.allclose(l2, nn.NLLLoss()(nn.LogSoftmax(dim=1)(Y_pred_bad), Y)))

# --- activation functions, functional and module forms
x = torch.tensor([-2.0, -0.5, 0.0, 1.0, 2.5])
print(torch.softmax(x, dim=0))
sm = nn.Softmax(dim=0)
print(sm(x), sm)
print(torch.sigmoid(x))
print(nn.Sigmoid()(x))
print(torch.tanh(x))
print(nn.Tanh()(x))
print(torch.relu(x))
relu = nn.ReLU()
print(relu(x), relu)
print(F.leaky_relu(x))
lrelu = nn.LeakyReLU()
print(lrelu(x), lrelu)
print(F.leaky_relu(x, negative_slope=0.2))


class NeuralNet1(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(NeuralNet1, self).__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(hidden_size, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        out = self.linear1(x)
        out = self.relu(out)
        out = self.linear2(out)
        return self.sigmoid(out)


class NeuralNet2(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(NeuralNet2, self).__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.linear2 = nn.Linear(hidden_size, 1)

    def forward(self, x):
        out = torch.relu(self.linear1(x))
        return torch.sigmoid(self.linear2(out))


torch.manual_seed(11)
net1 = NeuralNet1(input_size=6, hidden_size=4)
torch.manual_seed(11)
net2 = NeuralNet2(input_size=6, hidden_size=4)
print(net1)
print(net2)
inputs = torch.randn(3, 6)
out1 = net1(inputs)
out2 = net2(inputs)
print(out1)
print(torch.equal(out1, out2), out2.grad_fn.name())
criterion = nn.BCELoss()
print(criterion(out1, torch.tensor([[1.0], [0.0], [1.0]])))
