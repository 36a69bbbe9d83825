# IBM / Cognitive Class "Deep Neural Networks with PyTorch" (Coursera), the linear and logistic regression
# labs: prediction with w*x+b on scalar tensors, nn.Linear against a custom LR(nn.Module) and their
# state_dict() printed with keys()/values(); a Data(Dataset) class over torch.arange(-3, 3, 0.1).view(-1, 1)
# with torch.manual_seed(1) noise; a plot_error_surfaces class filling its loss grid from np.meshgrid with
# counters; a hand-written criterion, w.data -= lr * w.grad.data updates and cost lists for batch, stochastic
# and mini-batch gradient descent over DataLoaders; optim.SGD on the model with validation data holding
# outliers and a learning-rate sweep; multiple linear regression and a logistic regression with BCELoss
# next to the lab's criterion written by hand.
import numpy as np
import torch
import torch.nn as nn
from torch import optim
from torch.utils.data import DataLoader, Dataset

# prediction
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(-1.0, requires_grad=True)


def forward(x):
    yhat = w * x + b
    return yhat


x = torch.tensor([[1.0]])
yhat = forward(x)
print("The prediction: ", yhat)
x = torch.tensor([[1.0], [2.0]])
print("The shape of x: ", x.shape)
yhat = forward(x)
print("The prediction: ", yhat)

torch.manual_seed(1)
lr = nn.Linear(in_features=1, out_features=1, bias=True)
print("Parameters w and b: ", list(lr.parameters()))
print("Python dictionary: ", lr.state_dict())
print("keys: ", lr.state_dict().keys())
print("values: ", lr.state_dict().values())
print("weight:", lr.weight)
print("bias:", lr.bias)
x = torch.tensor([[1.0], [2.0], [3.0]])
print("The prediction: ", lr(x))


class LR(nn.Module):
    def __init__(self, input_size, output_size):
        super(LR, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        out = self.linear(x)
        return out


lr = LR(1, 1)
print("The parameters: ", list(lr.parameters()))
print("Linear model: ", lr.linear)
print("Python dictionary: ", lr.state_dict())
print("The prediction: ", lr(x))
lr.state_dict()['linear.weight'].data[0] = torch.tensor([0.5153])
lr.state_dict()['linear.bias'].data[0] = torch.tensor([-0.4414])
print("Changed: ", lr.state_dict())


class plot_error_surfaces(object):
    def __init__(self, w_range, b_range, X, Y, n_samples=30, go=True):
        W = np.linspace(-w_range, w_range, n_samples)
        B = np.linspace(-b_range, b_range, n_samples)
        w, b = np.meshgrid(W, B)
        Z = np.zeros((n_samples, n_samples))
        count1 = 0
        self.y = Y.numpy()
        self.x = X.numpy()
        for w1, b1 in zip(w, b):
            count2 = 0
            for w2, b2 in zip(w1, b1):
                Z[count1, count2] = np.mean((self.y - w2 * self.x + b2) ** 2)
                count2 += 1
            count1 += 1
        self.Z = Z
        self.w = w
        self.b = b
        self.W = []
        self.B = []
        self.LOSS = []
        self.n = 0

    def set_para_loss(self, W, B, loss):
        self.n = self.n + 1
        self.W.append(W)
        self.B.append(B)
        self.LOSS.append(loss)

    def plot_ps(self):
        return 'Data Space Iteration: ' + str(self.n)


torch.manual_seed(1)
X = torch.arange(-3, 3, 0.1).view(-1, 1)
f = 1 * X - 1
Y = f + 0.1 * torch.randn(X.size())
print(X.shape, X[:3].view(-1), Y[:3].view(-1))
get_surface = plot_error_surfaces(15, 13, X, Y, 15)
print(get_surface.Z.shape, get_surface.Z[0, :3], get_surface.Z.min().round(4))


def criterion(yhat, y):
    return torch.mean((yhat - y) ** 2)


w = torch.tensor(-15.0, requires_grad=True)
b = torch.tensor(-10.0, requires_grad=True)
lr = 0.1
LOSS_BGD = []


def train_model_BGD(epochs):
    for epoch in range(epochs):
        Yhat = forward(X)
        loss = criterion(Yhat, Y)
        LOSS_BGD.append(loss)
        get_surface.set_para_loss(w.data.tolist(), b.data.tolist(), loss.tolist())
        get_surface.plot_ps()
        loss.backward()
        w.data = w.data - lr * w.grad.data
        b.data = b.data - lr * b.grad.data
        w.grad.data.zero_()
        b.grad.data.zero_()


train_model_BGD(10)
print(get_surface.n, get_surface.plot_ps(), [round(v, 3) for v in get_surface.W[:4]], get_surface.LOSS[-1])
print(LOSS_BGD[-1], w, b)


class Data(Dataset):
    def __init__(self):
        self.x = torch.arange(-3, 3, 0.1).view(-1, 1)
        self.y = 1 * self.x - 1
        self.len = self.x.shape[0]

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len


dataset = Data()
print("The length of dataset: ", len(dataset))
x, y = dataset[0]
print("(", x, ", ", y, ")")
x, y = dataset[0:3]
print("The first 3 x: ", x)
print("The first 3 y: ", y)


def train_model_batches(batch_size, epochs=4):
    trainloader = DataLoader(dataset=dataset, batch_size=batch_size)
    global w, b
    w = torch.tensor(-15.0, requires_grad=True)
    b = torch.tensor(-10.0, requires_grad=True)
    cost = []
    for epoch in range(epochs):
        cost.append(criterion(forward(dataset.x), dataset.y).tolist())
        for x, y in trainloader:
            yhat = forward(x)
            loss = criterion(yhat, y)
            loss.backward()
            w.data = w.data - lr * w.grad.data
            b.data = b.data - lr * b.grad.data
            w.grad.data.zero_()
            b.grad.data.zero_()
    return cost


LOSS_SGD = train_model_batches(1)
LOSS_MINI5 = train_model_batches(5)
LOSS_MINI20 = train_model_batches(20)
for name, losses in [('SGD', LOSS_SGD), ('MINI5', LOSS_MINI5), ('MINI20', LOSS_MINI20)]:
    print(name, [round(v, 4) for v in losses])
LOSS_BGD = [loss.detach().numpy() for loss in LOSS_BGD]
print(type(LOSS_BGD[0]).__name__, LOSS_BGD[0].shape, LOSS_BGD[:2])


# optim and validation data with outliers, one model per learning rate
class Data2(Dataset):
    def __init__(self, train=True):
        self.x = torch.arange(-3, 3, 0.1).view(-1, 1)
        self.f = -3 * self.x + 1
        self.y = self.f + 0.1 * torch.randn(self.x.size())
        self.len = self.x.shape[0]
        if train:
            self.y[0] = 0
            self.y[50:55] = 20
        else:
            pass

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len


torch.manual_seed(1)
train_data = Data2()
val_data = Data2(train=False)
print(train_data.y[48:56].view(-1))


class linear_regression(nn.Module):
    def __init__(self, input_size, output_size):
        super(linear_regression, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        yhat = self.linear(x)
        return yhat


criterion = nn.MSELoss()
trainloader = DataLoader(dataset=train_data, batch_size=1)
learning_rates = [0.0001, 0.001, 0.01, 0.1]
train_error = torch.zeros(len(learning_rates))
validation_error = torch.zeros(len(learning_rates))
MODELS = []


def train_model_with_lr(iter, lr_list):
    for i, lr in enumerate(lr_list):
        model = linear_regression(1, 1)
        optimizer = optim.SGD(model.parameters(), lr=lr)
        for epoch in range(iter):
            for x, y in trainloader:
                yhat = model(x)
                loss = criterion(yhat, y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
        Yhat = model(train_data.x)
        train_loss = criterion(Yhat, train_data.y)
        train_error[i] = train_loss.item()
        Yhat = model(val_data.x)
        val_loss = criterion(Yhat, val_data.y)
        validation_error[i] = val_loss.item()
        MODELS.append(model)


torch.manual_seed(1)
train_model_with_lr(3, learning_rates)
print("train error", train_error)
print("validation error", validation_error)
for model, learning_rate in zip(MODELS, learning_rates):
    yhat = model(val_data.x)
    print('lr', learning_rate, yhat[0:3].detach().numpy().ravel())
best = int(validation_error.argmin())
print('best', learning_rates[best], MODELS[best].state_dict())

# multiple linear regression
torch.manual_seed(1)


class Data2D(Dataset):
    def __init__(self):
        self.x = torch.zeros(20, 2)
        self.x[:, 0] = torch.arange(-1, 1, 0.1)
        self.x[:, 1] = torch.arange(-1, 1, 0.1)
        self.w = torch.tensor([[1.0], [1.0]])
        self.b = 1
        self.f = torch.mm(self.x, self.w) + self.b
        self.y = self.f + 0.1 * torch.randn((self.x.shape[0], 1))
        self.len = self.x.shape[0]

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len


data_set = Data2D()
model = LR(input_size=2, output_size=1)
print("The parameters: ", list(model.parameters()))
optimizer = optim.SGD(model.parameters(), lr=0.1)
train_loader = DataLoader(dataset=data_set, batch_size=2)
LOSS = []
print("Before Training: ", criterion(model(data_set.x), data_set.y))
epochs = 20
for epoch in range(epochs):
    for x, y in train_loader:
        yhat = model(x)
        loss = criterion(yhat, y)
        LOSS.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
print("After Training: ", criterion(model(data_set.x), data_set.y), len(LOSS))
print(model.state_dict())

# logistic regression: the lab's criterion by hand, then nn.BCELoss
torch.manual_seed(0)
z = torch.arange(-10, 10, 0.1).view(-1, 1)
sig = nn.Sigmoid()
print(sig(z)[::50].view(-1), torch.sigmoid(z)[::50].view(-1))
model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
print("list(model.parameters()):\n ", list(model.parameters()))
print("\nmodel.state_dict():\n ", model.state_dict())


class Data3(Dataset):
    def __init__(self):
        self.x = torch.arange(-1, 1, 0.1).view(-1, 1)
        self.y = torch.zeros(self.x.shape[0], 1)
        self.y[self.x[:, 0] > 0.2] = 1
        self.len = self.x.shape[0]

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len


class logistic_regression(nn.Module):
    def __init__(self, n_inputs):
        super(logistic_regression, self).__init__()
        self.linear = nn.Linear(n_inputs, 1)

    def forward(self, x):
        yhat = torch.sigmoid(self.linear(x))
        return yhat


def criterion_ce(yhat, y):
    out = -1 * torch.mean(y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat))
    return out


data_set = Data3()
print(data_set.y.view(-1))
trainloader = DataLoader(dataset=data_set, batch_size=3)
for name, loss_fn in [('by hand', criterion_ce), ('BCELoss', nn.BCELoss())]:
    model = logistic_regression(1)
    model.state_dict()['linear.weight'].data[0] = torch.tensor([[-5]])
    model.state_dict()['linear.bias'].data[0] = torch.tensor([-10])
    print(name, model.state_dict())
    optimizer = torch.optim.SGD(model.parameters(), lr=2)
    LOSS = []
    for epoch in range(100):
        for x, y in trainloader:
            yhat = model(x)
            loss = loss_fn(yhat, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            LOSS.append(loss.item())
    yhat = model(data_set.x)
    label = yhat > 0.5
    print("The accuracy: ", torch.mean((label == data_set.y.type(torch.ByteTensor)).type(torch.float)))
    print(name, round(LOSS[0], 4), round(LOSS[-1], 4), model.state_dict())
