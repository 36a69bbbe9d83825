# PyTorchZeroToAll (Sung Kim), lectures 01-08 as their first, 2017 versions were written and as learners
# still run them on PyTorch 1.13: the linear model swept over w with np.arange, the gradient by hand,
# `Variable(torch.Tensor([1.0]), requires_grad=True)` with `w.grad.data.zero_()`, the old `l.data[0]`
# that 1.13 refuses on a 0-dim loss (its traceback printed as the learner sees it), then the Module
# versions: linear regression with `MSELoss(size_average=False)`, logistic regression with `F.sigmoid`,
# the three-layer diabetes classifier (data generated here in place of the csv) with
# `BCELoss(size_average=True)` and a Dataset/DataLoader over it. The deprecation warnings are caught and
# their text printed (printed plainly they carry PyTorch's install path).
import os
import traceback
import warnings

import numpy as np
import torch
import torch.nn.functional as F
from torch.autograd import Variable
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(777)
np.random.seed(0)


def report():
    """The traceback being handled, with this file's path shortened to its name."""
    here = os.path.abspath(__file__)
    print(traceback.format_exc().replace(here, os.path.basename(here)), end="")


def caught(make):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        value = make()
    for w in seen:
        print(f"{w.category.__name__}: {w.message}")
    return value


# 01: y = x * w, the mean squared error for each w in a sweep
x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]


def forward(x):
    return x * w


def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y) * (y_pred - y)


w_list = []
mse_list = []
for w in np.arange(0.0, 4.1, 0.5):
    print("w=", w)
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        y_pred_val = forward(x_val)
        l = loss(x_val, y_val)
        l_sum += l
        print("\t", x_val, y_val, y_pred_val, l)
    print("MSE=", l_sum / 3)
    w_list.append(w)
    mse_list.append(l_sum / 3)
print("best w:", w_list[int(np.argmin(mse_list))])

# 02: the gradient by hand
w = 1.0


def gradient(x, y):
    return 2 * x * (x * w - y)


print("predict (before training)", 4, forward(4))
for epoch in range(10):
    for x_val, y_val in zip(x_data, y_data):
        grad = gradient(x_val, y_val)
        w = w - 0.01 * grad
        print("\tgrad: ", x_val, y_val, round(grad, 2))
        l = loss(x_val, y_val)
    print("progress:", epoch, "w=", round(w, 2), "loss=", round(l, 2))
print("predict (after training)", "4 hours", forward(4))

# 03: autograd through the old Variable wrapper
w = Variable(torch.Tensor([1.0]), requires_grad=True)
print(type(w).__name__, w, w.requires_grad, w.is_leaf)
print("predict (before training)", 4, forward(4).data[0])
for epoch in range(10):
    for x_val, y_val in zip(x_data, y_data):
        l = loss(x_val, y_val)
        l.backward()
        print("\tgrad: ", x_val, y_val, w.grad.data[0])
        w.data = w.data - 0.01 * w.grad.data
        w.grad.data.zero_()
    print("progress:", epoch, l.data[0])
print("predict (after training)", 4, forward(4).data[0])
print(l.shape, l.dim(), w.grad)

# The same loop over a 1.13 loss that is 0-dim: `.data[0]` fails where `.item()` works.
w = Variable(torch.Tensor([1.0]), requires_grad=True)
x_t = Variable(torch.Tensor(x_data))
y_t = Variable(torch.Tensor(y_data))
l = ((x_t * w - y_t) ** 2).mean()
print(l.shape, l.item(), l.data)
try:
    print("progress:", 0, l.data[0])
except IndexError:
    report()

# 05: linear regression, the loss summed the old way
x_data = Variable(torch.Tensor([[1.0], [2.0], [3.0]]))
y_data = Variable(torch.Tensor([[2.0], [4.0], [6.0]]))


class Model(torch.nn.Module):
    def __init__(self):
        super(Model, self).__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        y_pred = self.linear(x)
        return y_pred


model = Model()
print(model)
criterion = caught(lambda: torch.nn.MSELoss(size_average=False))
print(criterion, criterion.reduction)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(60):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 6 == 0:
        print(epoch, loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
hour_var = Variable(torch.Tensor([[4.0]]))
y_pred = model(hour_var)
print("predict (after training)", 4, model(hour_var).data[0][0])
print("predict (after training)", 4, model(hour_var).data[0][0].item())

# 06: logistic regression with F.sigmoid and the averaged BCE
x_data = Variable(torch.Tensor([[1.0], [2.0], [3.0], [4.0]]))
y_data = Variable(torch.Tensor([[0.], [0.], [1.], [1.]]))


class LogisticModel(torch.nn.Module):
    def __init__(self):
        super(LogisticModel, self).__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        y_pred = F.sigmoid(self.linear(x))
        return y_pred


model = LogisticModel()
criterion = caught(lambda: torch.nn.BCELoss(size_average=True))
print(criterion.reduction)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
caught(lambda: model(x_data))
warnings.filterwarnings("ignore")
for epoch in range(200):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 20 == 0:
        print(epoch, round(loss.item(), 4))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
hour_var = Variable(torch.Tensor([[1.0]]))
print("predict 1 hour ", 1.0, model(hour_var).data[0][0] > 0.5)
hour_var = Variable(torch.Tensor([[7.0]]))
print("predict 7 hours", 7.0, model(hour_var).data[0][0] > 0.5)
warnings.resetwarnings()

# 07: the diabetes table, eight scaled features and a 0/1 label, made here instead of read from the csv
n = 120
features = np.random.uniform(-1.0, 1.0, size=(n, 8)).astype(np.float32)
true_w = np.array([0.9, -0.6, 0.4, 0.0, 0.3, -0.8, 0.5, 0.2], dtype=np.float32)
labels = (features @ true_w + 0.1 * np.random.randn(n) > 0).astype(np.float32)
xy = np.concatenate([features, labels[:, None]], axis=1)
print(xy.shape, xy.dtype, xy[:2].round(3))
x_data = Variable(torch.from_numpy(xy[:, 0:-1]))
y_data = Variable(torch.from_numpy(xy[:, [-1]]))
print(x_data.data.shape)
print(y_data.data.shape, y_data.sum().item())


class DiabetesModel(torch.nn.Module):
    def __init__(self):
        super(DiabetesModel, self).__init__()
        self.l1 = torch.nn.Linear(8, 6)
        self.l2 = torch.nn.Linear(6, 4)
        self.l3 = torch.nn.Linear(4, 1)
        self.sigmoid = torch.nn.Sigmoid()

    def forward(self, x):
        out1 = self.sigmoid(self.l1(x))
        out2 = self.sigmoid(self.l2(out1))
        y_pred = self.sigmoid(self.l3(out2))
        return y_pred


model = DiabetesModel()
print(model)
criterion = caught(lambda: torch.nn.BCELoss(size_average=True))
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
for epoch in range(100):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 10 == 0:
        print(epoch, loss.data)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
with torch.no_grad():
    predicted = (model(x_data) > 0.5).float()
print("accuracy", (predicted == y_data).float().mean().item())


# 08: the same table through a Dataset and a DataLoader
class DiabetesDataset(Dataset):
    def __init__(self):
        self.len = xy.shape[0]
        self.x_data = torch.from_numpy(xy[:, 0:-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.len


dataset = DiabetesDataset()
print(len(dataset), [t.shape for t in dataset[0]])
train_loader = DataLoader(dataset=dataset, batch_size=32, shuffle=True, num_workers=0)
print(len(train_loader))
model = DiabetesModel()
criterion = torch.nn.BCELoss(reduction="mean")
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(2):
    for i, data in enumerate(train_loader, 0):
        inputs, labels = data
        inputs, labels = Variable(inputs), Variable(labels)
        y_pred = model(inputs)
        loss = criterion(y_pred, labels)
        print(epoch, i, inputs.shape[0], round(loss.item(), 5))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
