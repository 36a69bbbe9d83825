# Sebastian Raschka et al., "Machine Learning with PyTorch and Scikit-Learn", chapters 12 and 13
# (rasbt/machine-learning-book ch12/ch12_part1.ipynb, ch12/ch12_part2.ipynb, ch13/ch13_part1.ipynb): a
# TensorDataset iterated and batched by DataLoader(..., shuffle=True) after torch.manual_seed(1); linear
# regression by hand (weight.requires_grad_(), a loss_fn written out, model(xb) = xb @ weight + bias, updates
# under torch.no_grad() and grad.zero_()), then with nn.Linear, nn.MSELoss and optim.SGD; the iris classifier
# (a Model(nn.Module) calling nn.Sigmoid()(x) and nn.Softmax(dim=1)(x), Adam, loss_hist/accuracy_hist lists,
# test accuracy, torch.save(model, path) / torch.load and the state_dict round trip, in a temporary folder);
# chapter 13's XOR data from np.random.uniform, nn.Sequential of nn.Linear + nn.ReLU, a train() returning four
# histories (np.zeros(num_epochs)); and the custom NoisyLinear layer (nn.Parameter, nn.init.xavier_uniform_,
# torch.normal noise only when training). Epochs are fewer than the book's.
import os
import tempfile

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

# ---- Datasets and loaders ------------------------------------------------------------------------------------
torch.manual_seed(1)
t_x = torch.rand([4, 3], dtype=torch.float32)
t_y = torch.arange(4)
joint_dataset = TensorDataset(t_x, t_y)
for example in joint_dataset:
    print('  x: ', example[0], '  y: ', example[1])

data_loader = DataLoader(dataset=joint_dataset, batch_size=2, shuffle=True)
for epoch in range(2):
    print(f'epoch {epoch+1}')
    for i, batch in enumerate(data_loader, 1):
        print(f'batch {i}:', 'x:', batch[0], '\n         y:', batch[1])

# ---- Linear regression by hand ---------------------------------------------------------------------------------
X_train = np.arange(10, dtype='float32').reshape((10, 1))
y_train = np.array([1.0, 1.3, 3.1, 2.0, 5.0, 6.3, 6.6, 7.4, 8.0, 9.0], dtype='float32')
X_train_norm = (X_train - np.mean(X_train)) / np.std(X_train)
X_train_norm = torch.from_numpy(X_train_norm)
y_train = torch.from_numpy(y_train).float()
print(X_train_norm.dtype, X_train_norm[:3, 0])
train_ds = TensorDataset(X_train_norm, y_train)
batch_size = 1
train_dl = DataLoader(train_ds, batch_size, shuffle=True)

torch.manual_seed(1)
weight = torch.randn(1)
weight.requires_grad_()
bias = torch.zeros(1, requires_grad=True)


def loss_fn(input, target):
    return (input - target).pow(2).mean()


def model(xb):
    return xb @ weight + bias


learning_rate = 0.001
num_epochs = 60
log_epochs = 10
for epoch in range(num_epochs):
    for x_batch, y_batch in train_dl:
        pred = model(x_batch)
        loss = loss_fn(pred, y_batch)
        loss.backward()
        # Updating in place needs no_grad: the update itself must not be recorded in the graph.
        with torch.no_grad():
            weight -= weight.grad * learning_rate
            bias -= bias.grad * learning_rate
            weight.grad.zero_()
            bias.grad.zero_()
    if epoch % log_epochs == 0:
        print(f'Epoch {epoch}  Loss {loss.item():.4f}')
print('Final Parameters:', f'{weight.item():.5f}', f'{bias.item():.5f}')

X_test = np.linspace(0, 9, num=100, dtype='float32').reshape(-1, 1)
X_test_norm = (X_test - np.mean(X_train)) / np.std(X_train)
X_test_norm = torch.from_numpy(X_test_norm)
y_pred = model(X_test_norm).detach().numpy()
print(y_pred.shape, y_pred.dtype, np.round(y_pred[[0, 50, 99]], 4))
fig = plt.figure(figsize=(13, 5))
ax = fig.add_subplot(1, 2, 1)
plt.plot(X_train_norm, y_train, 'o', markersize=10)
plt.plot(X_test_norm, y_pred, '--', lw=3)
plt.legend(['Training examples', 'Linear reg.'], fontsize=15)
plt.close(fig)

# ---- The same with nn.Linear, nn.MSELoss and SGD -----------------------------------------------------------------
loss_fn = nn.MSELoss(reduction='mean')
input_size = 1
output_size = 1
torch.manual_seed(1)
model = nn.Linear(input_size, output_size)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(num_epochs):
    for x_batch, y_batch in train_dl:
        # nn.Linear returns (batch, 1); the target is (batch,).
        pred = model(x_batch)[:, 0]
        loss = loss_fn(pred, y_batch)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    if epoch % log_epochs == 0:
        print(f'Epoch {epoch}  Loss {loss.item():.4f}')
print('Final Parameters:', f'{model.weight.item():.5f}', f'{model.bias.item():.5f}')

# ---- Iris with a two-layer network ------------------------------------------------------------------------------
iris = load_iris()
X = iris['data']
y = iris['target']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=1. / 3, random_state=1)
X_train_norm = (X_train - np.mean(X_train)) / np.std(X_train)
X_train_norm = torch.from_numpy(X_train_norm).float()
y_train = torch.from_numpy(y_train)
train_ds = TensorDataset(X_train_norm, y_train)
torch.manual_seed(1)
batch_size = 2
train_dl = DataLoader(train_ds, batch_size, shuffle=True)


class Model(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.layer1 = nn.Linear(input_size, hidden_size)
        self.layer2 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = self.layer1(x)
        x = nn.Sigmoid()(x)
        x = self.layer2(x)
        x = nn.Softmax(dim=1)(x)
        return x


input_size = X_train_norm.shape[1]
hidden_size = 16
output_size = 3
model = Model(input_size, hidden_size, output_size)
print(model)
learning_rate = 0.001
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

num_epochs = 20
loss_hist = [0] * num_epochs
accuracy_hist = [0] * num_epochs
for epoch in range(num_epochs):
    for x_batch, y_batch in train_dl:
        pred = model(x_batch)
        loss = loss_fn(pred, y_batch.long())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        loss_hist[epoch] += loss.item() * y_batch.size(0)
        is_correct = (torch.argmax(pred, dim=1) == y_batch).float()
        accuracy_hist[epoch] += is_correct.sum()
    loss_hist[epoch] /= len(train_dl.dataset)
    accuracy_hist[epoch] /= len(train_dl.dataset)
print('loss_hist:', [round(v, 4) for v in loss_hist[::4]])
print('accuracy_hist:', accuracy_hist[-1], type(accuracy_hist[-1]).__name__)

fig = plt.figure(figsize=(12, 5))
ax = fig.add_subplot(1, 2, 1)
ax.plot(loss_hist, lw=3)
ax.set_title('Training loss', size=15)
ax = fig.add_subplot(1, 2, 2)
ax.plot([float(a) for a in accuracy_hist], lw=3)
ax.set_title('Training accuracy', size=15)
plt.close(fig)

X_test_norm = (X_test - np.mean(X_train)) / np.std(X_train)
X_test_norm = torch.from_numpy(X_test_norm).float()
y_test = torch.from_numpy(y_test)
pred_test = model(X_test_norm)
correct = (torch.argmax(pred_test, dim=1) == y_test).float()
accuracy = correct.mean()
print(f'Test Acc.: {accuracy:.4f}')

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'iris_classifier.pt')
    torch.save(model, path)
    model_new = torch.load(path)
    print(model_new.eval())
    pred_test = model_new(X_test_norm)
    correct = (torch.argmax(pred_test, dim=1) == y_test).float()
    print(f'Test Acc. (whole model reloaded): {correct.mean():.4f}')
    # The state_dict keeps only the tensors: the class must be built again before loading it.
    path = os.path.join(tmp, 'iris_classifier_state.pt')
    torch.save(model.state_dict(), path)
    model_new = Model(input_size, hidden_size, output_size)
    print(model_new.load_state_dict(torch.load(path)))
    print(list(torch.load(path).keys()))
    print(torch.equal(model_new.layer2.bias, model.layer2.bias))

# ---- Chapter 13: XOR ------------------------------------------------------------------------------------------
torch.manual_seed(1)
np.random.seed(1)
x = np.random.uniform(low=-1, high=1, size=(200, 2))
y = np.ones(len(x))
y[x[:, 0] * x[:, 1] < 0] = 0
n_train = 100
x_train = torch.tensor(x[:n_train, :], dtype=torch.float32)
y_train = torch.tensor(y[:n_train], dtype=torch.float32)
x_valid = torch.tensor(x[n_train:, :], dtype=torch.float32)
y_valid = torch.tensor(y[n_train:], dtype=torch.float32)
print(x_train[:2], y_train[:8], y_valid.sum())

model = nn.Sequential(
    nn.Linear(2, 1),
    nn.Sigmoid()
)
print(model)
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
train_ds = TensorDataset(x_train, y_train)
batch_size = 2
torch.manual_seed(1)
train_dl = DataLoader(train_ds, batch_size, shuffle=True)


def train(model, num_epochs, train_dl, x_valid, y_valid):
    loss_hist_train = np.zeros(num_epochs)
    accuracy_hist_train = np.zeros(num_epochs)
    loss_hist_valid = np.zeros(num_epochs)
    accuracy_hist_valid = np.zeros(num_epochs)
    for epoch in range(num_epochs):
        for x_batch, y_batch in train_dl:
            pred = model(x_batch)[:, 0]
            loss = loss_fn(pred, y_batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            loss_hist_train[epoch] += loss.item()
            is_correct = ((pred >= 0.5).float() == y_batch).float()
            accuracy_hist_train[epoch] += is_correct.mean()
        loss_hist_train[epoch] /= n_train / batch_size
        accuracy_hist_train[epoch] /= n_train / batch_size
        pred = model(x_valid)[:, 0]
        loss = loss_fn(pred, y_valid)
        loss_hist_valid[epoch] = loss.item()
        is_correct = ((pred >= 0.5).float() == y_valid).float()
        accuracy_hist_valid[epoch] += is_correct.mean()
    return loss_hist_train, loss_hist_valid, accuracy_hist_train, accuracy_hist_valid


num_epochs = 10
history = train(model, num_epochs, train_dl, x_valid, y_valid)
print('linear model:', np.round(history[0], 4), np.round(history[3], 4))

# Hidden layers with ReLU can bend the boundary that one linear layer cannot.
model = nn.Sequential(
    nn.Linear(2, 4),
    nn.ReLU(),
    nn.Linear(4, 4),
    nn.ReLU(),
    nn.Linear(4, 1),
    nn.Sigmoid()
)
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.015)
print(model)
history = train(model, num_epochs, train_dl, x_valid, y_valid)
print('hidden layers:', np.round(history[0], 4), np.round(history[3], 4))

fig = plt.figure(figsize=(16, 4))
ax = fig.add_subplot(1, 2, 1)
plt.plot(history[0], lw=4)
plt.plot(history[1], lw=4)
plt.legend(['Train loss', 'Validation loss'], fontsize=15)
ax.set_xlabel('Epochs', size=15)
plt.close(fig)


class NoisyLinear(nn.Module):
    def __init__(self, input_size, output_size, noise_stddev=0.1):
        super().__init__()
        w = torch.Tensor(input_size, output_size)
        self.w = nn.Parameter(w)  # registered, so parameters() and the optimizer see it
        nn.init.xavier_uniform_(self.w)
        b = torch.Tensor(output_size).fill_(0)
        self.b = nn.Parameter(b)
        self.noise_stddev = noise_stddev

    def forward(self, x, training=False):
        if training:
            noise = torch.normal(0.0, self.noise_stddev, (x.shape[0], self.w.shape[0]))
            x_new = torch.add(x, noise)
        else:
            x_new = x
        return torch.add(torch.mm(x_new, self.w), self.b)


torch.manual_seed(1)
noisy_layer = NoisyLinear(4, 2)
toy_input = torch.zeros((1, 4))
print(noisy_layer(toy_input, training=True))
print(noisy_layer(toy_input, training=True))
print(noisy_layer(toy_input, training=False))
print([name for name, _ in noisy_layer.named_parameters()])


class MyNoisyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = NoisyLinear(2, 4, 0.07)
        self.a1 = nn.ReLU()
        self.l2 = nn.Linear(4, 4)
        self.a2 = nn.ReLU()
        self.l3 = nn.Linear(4, 1)
        self.a3 = nn.Sigmoid()

    def forward(self, x, training=False):
        x = self.l1(x, training)
        x = self.a1(x)
        x = self.l2(x)
        x = self.a2(x)
        x = self.l3(x)
        x = self.a3(x)
        return x

    def predict(self, x):
        x = torch.tensor(x, dtype=torch.float32)
        pred = self.forward(x)[:, 0]
        return (pred >= 0.5).float()


torch.manual_seed(1)
model = MyNoisyModule()
print(model)
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.015)
torch.manual_seed(1)
loss_hist_train = np.zeros(num_epochs)
accuracy_hist_valid = np.zeros(num_epochs)
for epoch in range(num_epochs):
    for x_batch, y_batch in train_dl:
        pred = model(x_batch, True)[:, 0]
        loss = loss_fn(pred, y_batch)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        loss_hist_train[epoch] += loss.item()
    loss_hist_train[epoch] /= n_train / batch_size
    pred = model(x_valid)[:, 0]
    accuracy_hist_valid[epoch] = ((pred >= 0.5).float() == y_valid).float().mean()
print('noisy model:', np.round(loss_hist_train, 4), np.round(accuracy_hist_valid, 4))
print(model.predict(x[:6]), y[:6])
