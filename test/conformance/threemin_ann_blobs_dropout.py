# "펭귄브로의 3분 딥러닝 파이토치맛" ch.4 (keon/3-min-pytorch `04-패션_아이템을_구분하는_DNN/` and ch.3's
# `basic_neural_network`): four Gaussian blobs (made with numpy here, not sklearn's make_blobs) relabelled
# XOR-style by a `label_map(y_, from_, to_)` helper on `numpy.copy`, `torch.FloatTensor(numpy array)`, a
# `NeuralNet(torch.nn.Module)` with `linear_1`/`relu`/`linear_2`/`sigmoid` attributes, `torch.nn.BCELoss` on
# `.squeeze()` outputs, `'Train loss at {} is {}'.format(epoch, train_loss.item())`, `model.eval()` before and
# after, `torch.save(model.state_dict(), path)` then `load_state_dict(torch.load(path))`, the state_dict
# printed through `'{}'.format(...)`, and `new_model(torch.FloatTensor([-1, 1])).item()`; then the Fashion
# MNIST `Net` (784-256-128-10, `x.view(-1, 784)`) with `F.dropout(x, training=self.training, p=self.dropout_p)`
# on generated 28x28 items, `train`/`evaluate` functions, `F.cross_entropy(..., reduction='sum').item()`,
# `output.max(1, keepdim=True)[1]`, `pred.eq(target.view_as(pred)).sum().item()` and the
# `'[{}] Test Loss: {:.4f}, Accuracy: {:.2f}%'` line.
import os
import tempfile

import numpy
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
rng = numpy.random.RandomState(3)

n_dim = 2
centers = numpy.array([[1, 1], [-1, -1], [1, -1], [-1, 1]], dtype=numpy.float64)


def make_blobs(n_samples, cluster_std=0.3):
    y = numpy.arange(n_samples) % len(centers)
    rng.shuffle(y)
    x = centers[y] + rng.normal(scale=cluster_std, size=(n_samples, n_dim))
    return x, y


x_train, y_train = make_blobs(80)
x_test, y_test = make_blobs(20)


def label_map(y_, from_, to_):
    y = numpy.copy(y_)
    for f in from_:
        y[y_ == f] = to_
    return y


y_train = label_map(y_train, [0, 1], 0)
y_train = label_map(y_train, [2, 3], 1)
y_test = label_map(y_test, [0, 1], 0)
y_test = label_map(y_test, [2, 3], 1)
print(y_train[:10], y_train.dtype)

x_train = torch.FloatTensor(x_train)
print(x_train.shape)
x_test = torch.FloatTensor(x_test)
y_train = torch.FloatTensor(y_train)
y_test = torch.FloatTensor(y_test)
print(y_train[:6], y_train.dtype)


class NeuralNet(torch.nn.Module):
    def __init__(self, input_size, hidden_size):
        super(NeuralNet, self).__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.linear_1 = torch.nn.Linear(self.input_size, self.hidden_size)
        self.relu = torch.nn.ReLU()
        self.linear_2 = torch.nn.Linear(self.hidden_size, 1)
        self.sigmoid = torch.nn.Sigmoid()

    def forward(self, input_tensor):
        linear1 = self.linear_1(input_tensor)
        relu = self.relu(linear1)
        linear2 = self.linear_2(relu)
        output = self.sigmoid(linear2)
        return output


model = NeuralNet(2, 5)
learning_rate = 0.03
criterion = torch.nn.BCELoss()
epochs = 1000
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
model.eval()
test_loss_before = criterion(model(x_test).squeeze(), y_test)
print('Before Training, test loss is {}'.format(test_loss_before.item()))

for epoch in range(epochs):
    model.train()
    optimizer.zero_grad()
    train_output = model(x_train)
    train_loss = criterion(train_output.squeeze(), y_train)
    if epoch % 100 == 0:
        print('Train loss at {} is {}'.format(epoch, train_loss.item()))
    train_loss.backward()
    optimizer.step()

model.eval()
test_loss = criterion(torch.squeeze(model(x_test)), y_test)
print('After Training, test loss is {}'.format(test_loss.item()))

path = os.path.join(tempfile.mkdtemp(), 'model.pt')
torch.save(model.state_dict(), path)
print('state_dict format of the model: {}'.format(model.state_dict()))
new_model = NeuralNet(2, 5)
new_model.load_state_dict(torch.load(path))
new_model.eval()
print('벡터 [-1, 1]이 레이블 1을 가질 확률은 {}'.format(new_model(torch.FloatTensor([-1, 1])).item()))
print(new_model)

# Fashion-MNIST-shaped items: a class-dependent band pattern plus noise, labels 0..9.
DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
EPOCHS = 3
BATCH_SIZE = 32


def make_items(n):
    labels = torch.randint(0, 10, (n,))
    images = torch.rand(n, 1, 28, 28) * 0.3
    for i in range(n):
        k = int(labels[i])
        images[i, 0, :, 2 * k + 4: 2 * k + 8] += 0.7
    return images, labels


train_set = torch.utils.data.TensorDataset(*make_items(256))
test_set = torch.utils.data.TensorDataset(*make_items(64))
train_loader = torch.utils.data.DataLoader(dataset=train_set, batch_size=BATCH_SIZE, shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=test_set, batch_size=BATCH_SIZE, shuffle=True)


class Net(nn.Module):
    def __init__(self, dropout_p=0.2):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 10)
        self.dropout_p = dropout_p

    def forward(self, x):
        x = x.view(-1, 784)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training, p=self.dropout_p)
        x = F.relu(self.fc2(x))
        x = F.dropout(x, training=self.training, p=self.dropout_p)
        x = self.fc3(x)
        return x


model = Net(dropout_p=0.2).to(DEVICE)
optimizer = optim.SGD(model.parameters(), lr=0.05)


def train(model, train_loader, optimizer):
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(DEVICE), target.to(DEVICE)
        optimizer.zero_grad()
        output = model(data)
        loss = F.cross_entropy(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % 4 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))


def evaluate(model, test_loader):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(DEVICE), target.to(DEVICE)
            output = model(data)
            test_loss += F.cross_entropy(output, target, reduction='sum').item()
            pred = output.max(1, keepdim=True)[1]
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(test_loader.dataset)
    test_accuracy = 100. * correct / len(test_loader.dataset)
    return test_loss, test_accuracy


for epoch in range(1, EPOCHS + 1):
    train(model, train_loader, optimizer)
    test_loss, test_accuracy = evaluate(model, test_loader)
    print('[{}] Test Loss: {:.4f}, Accuracy: {:.2f}%'.format(epoch, test_loss, test_accuracy))

# Dropout on its own: the kept fraction and the 1/(1-p) scale, and the eval-mode identity.
x = torch.ones(2, 10)
print(F.dropout(x, p=0.5, training=True))
print(F.dropout(x, p=0.5, training=False).sum())
drop = nn.Dropout(p=0.3)
print(drop, drop.training)
drop.eval()
print(torch.equal(drop(x), x))
print(model.training, model.fc1.training)
