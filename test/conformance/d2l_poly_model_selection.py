# d2l "Model Selection, Underfitting, and Overfitting" (older editions 4.4, current 3.6 in spirit):
# polynomial features made with numpy (np.power of a column against np.arange(max_degree), scaled by
# math.gamma(i + 1)), labels from a cubic with noise, a list comprehension converting arrays to float32
# tensors, the book's load_array / Accumulator / evaluate_loss / train_epoch helpers with
# MSELoss(reduction='none'), and three fits: the right degree, too few features (underfitting) and too many
# (overfitting), printing losses every 50 epochs and the weights as a numpy array.
import math

import numpy as np
import torch
from torch import nn
from torch.utils import data

np.random.seed(7)
torch.manual_seed(7)

max_degree = 20
n_train, n_test = 50, 50
true_w = np.zeros(max_degree)
true_w[0:4] = np.array([5, 1.2, -3.4, 5.6])

features = np.random.normal(size=(n_train + n_test, 1))
np.random.shuffle(features)
poly_features = np.power(features, np.arange(max_degree).reshape(1, -1))
for i in range(max_degree):
    poly_features[:, i] /= math.gamma(i + 1)  # gamma(n) = (n-1)!
labels = np.dot(poly_features, true_w)
labels += np.random.normal(scale=0.1, size=labels.shape)
print(poly_features.shape, poly_features.dtype, labels.shape)

true_w, features, poly_features, labels = [
    torch.tensor(x, dtype=torch.float32) for x in [true_w, features, poly_features, labels]
]
print(features[:2])
print(poly_features[:2, :4])
print(labels[:2])


class Accumulator:
    """For accumulating sums over n variables."""

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def __getitem__(self, idx):
        return self.data[idx]


def load_array(data_arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)


def evaluate_loss(net, data_iter, loss):
    """Evaluate the loss of a model on the given dataset."""
    metric = Accumulator(2)  # Sum of losses, no. of examples
    for X, y in data_iter:
        out = net(X)
        y = y.reshape(out.shape)
        l = loss(out, y)
        metric.add(l.sum(), l.numel())
    return metric[0] / metric[1]


def train_epoch(net, train_iter, loss, updater):
    net.train()
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)
        updater.zero_grad()
        l.mean().backward()
        updater.step()


def train(train_features, test_features, train_labels, test_labels, num_epochs=200):
    loss = nn.MSELoss(reduction='none')
    input_shape = train_features.shape[-1]
    # Switch off the bias since we already catered for it in the polynomial features
    net = nn.Sequential(nn.Linear(input_shape, 1, bias=False))
    batch_size = min(10, train_labels.shape[0])
    train_iter = load_array((train_features, train_labels.reshape(-1, 1)), batch_size)
    test_iter = load_array((test_features, test_labels.reshape(-1, 1)), batch_size, is_train=False)
    trainer = torch.optim.SGD(net.parameters(), lr=0.01)
    for epoch in range(num_epochs):
        train_epoch(net, train_iter, loss, trainer)
        if epoch == 0 or (epoch + 1) % 50 == 0:
            train_l = evaluate_loss(net, train_iter, loss)
            test_l = evaluate_loss(net, test_iter, loss)
            print(f'epoch {epoch + 1:3d}, train loss {train_l:.3f}, test loss {test_l:.3f}')
    with np.printoptions(precision=2, suppress=True):
        print('weight:', net[0].weight.data.numpy())


print('third-order polynomial (normal)')
train(poly_features[:n_train, :4], poly_features[n_train:, :4], labels[:n_train], labels[n_train:])
print('linear function (underfitting)')
train(poly_features[:n_train, :2], poly_features[n_train:, :2], labels[:n_train], labels[n_train:])
print('higher-order polynomial (overfitting)')
train(poly_features[:n_train, :], poly_features[n_train:, :], labels[:n_train], labels[n_train:], num_epochs=150)
