# Raschka's "Deep Learning Fundamentals" (Lightning AI), units 1-3 in plain Python and PyTorch: a perceptron
# class over Python lists (forward with a weighted sum, update by the error, a train loop counting mistakes per
# epoch, compute_accuracy), a toy table saved by np.savetxt and read by pd.read_csv(sep='\t'), then
# `torch.from_numpy` (float64 printed) and `.to(torch.float32)`, `np.bincount` on the label tensor, the
# perceptron again with torch.dot / torch.where(z > 0., 1., 0.) and as one matrix product over a batch;
# the debugging lesson's errors (shape and dtype mismatches, torch.device(None)) printed; logistic
# regression with gradients by hand (sigmoid, -X.T @ (y - p) / n) checked against autograd
# (torch.autograd.grad), then as a torch.nn.Module with F.binary_cross_entropy on a
# custom Dataset and a DataLoader, the "Epoch: 001/020 | Batch 000/004 | Loss: 0.69" line, compute_accuracy
# with torch.where(probas > 0.5, 1, 0) and `correct += torch.sum(compare)`, an f-string of a tensor,
# standardisation with mean/std over axis=0, and the decision boundary from the weights.
import os
import tempfile

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset

rng = np.random.RandomState(123)
n = 20
x1 = np.round(np.concatenate([rng.normal(0.0, 0.6, 10), rng.normal(1.5, 0.6, 10)]), 2)
x2 = np.round(np.concatenate([rng.normal(-2.0, 0.8, 10), rng.normal(2.5, 0.8, 10)]), 2)
label = np.array([0] * 10 + [1] * 10)
# the course ships the toy table as a tab-separated file: write one, then read it as the notebook does
toy_path = os.path.join(tempfile.mkdtemp(), 'perceptron_toydata-truncated.txt')
np.savetxt(toy_path, np.column_stack([x1, x2, label]), fmt=['%.2f', '%.2f', '%d'], delimiter='\t',
           header='x1\tx2\tlabel', comments='')
df = pd.read_csv(toy_path, sep='\t')
print(df.shape, list(df.columns), df['label'].sum())
X_train = df[['x1', 'x2']].values
y_train = df['label'].values
print(X_train.shape, y_train.shape, X_train.dtype, y_train[:12])


# --- unit 1: the perceptron in plain Python -------------------------------------------------------------
class Perceptron:
    def __init__(self, num_features):
        self.num_features = num_features
        self.weights = [0.0 for _ in range(num_features)]
        self.bias = 0.0

    def forward(self, x):
        weighted_sum_z = self.bias
        for i, _ in enumerate(self.weights):
            weighted_sum_z += x[i] * self.weights[i]
        return 1 if weighted_sum_z > 0.0 else 0

    def update(self, x, true_y):
        prediction = self.forward(x)
        error = true_y - prediction
        self.bias += error
        for i, _ in enumerate(self.weights):
            self.weights[i] += error * x[i]
        return error


def train(model, all_x, all_y, epochs):
    for epoch in range(epochs):
        error_count = 0
        for x, y in zip(all_x, all_y):
            error = model.update(x, y)
            error_count += abs(error)
        print(f'Epoch {epoch + 1} errors {error_count}')
        if error_count == 0:
            break


def compute_accuracy(model, all_x, all_y):
    correct = 0.0
    for x, y in zip(all_x, all_y):
        prediction = model.forward(x)
        correct += int(prediction == y)
    return correct / len(all_y)


ppn = Perceptron(num_features=2)
train(model=ppn, all_x=X_train, all_y=y_train, epochs=5)
print('weights', [round(float(w), 2) for w in ppn.weights], 'bias', ppn.bias)
print('Accuracy:', compute_accuracy(ppn, X_train, y_train))

# --- unit 2: tensors ----------------------------------------------------------------------------------
X_train = torch.from_numpy(X_train)
y_train = torch.from_numpy(y_train)
print(X_train[:3])
X_train = X_train.to(torch.float32)
print(X_train.shape, X_train.dtype, y_train.shape, y_train.dtype)
print(y_train)
print(np.bincount(y_train))


class TorchPerceptron:
    def __init__(self, num_features):
        self.num_features = num_features
        self.weights = torch.zeros(num_features)
        self.bias = torch.tensor(0.0)

    def forward(self, x):
        weighted_sum_z = torch.dot(x, self.weights) + self.bias
        prediction = torch.where(weighted_sum_z > 0.0, 1.0, 0.0)
        return prediction

    def update(self, x, true_y):
        prediction = self.forward(x)
        error = true_y - prediction
        self.bias += error
        self.weights += error * x
        return error


def train_tensor(model, all_x, all_y, epochs):
    for epoch in range(epochs):
        error_count = 0
        for x, y in zip(all_x, all_y):
            error = model.update(x, y)
            error_count += abs(error)
        print(f'Epoch {epoch + 1} errors {error_count}')


tppn = TorchPerceptron(num_features=2)
train_tensor(tppn, X_train, y_train, epochs=3)
print('weights', tppn.weights, 'bias', tppn.bias)


def compute_accuracy_batch(model, all_x, all_y):
    # the exercise: one matrix product for the whole set
    z = all_x @ model.weights + model.bias
    predictions = torch.where(z > 0.0, 1, 0)
    return torch.mean((predictions == all_y).float())


print('Accuracy:', compute_accuracy_batch(tppn, X_train, y_train))
x_min = -2
y_min = (-(tppn.weights[0] * x_min) - tppn.bias) / tppn.weights[1]
print('boundary at x1 = -2: x2 =', y_min)

# torch.where with tensors and scalars, as the exercise asks
a = torch.tensor([1.0, -2.0, 3.0, -4.0])
print(torch.where(a > 0, a, 0.0), torch.where(a > 0, 1, -1), torch.where(a > 0))

# the debugging lesson: the errors learners meet first
for bad in [lambda: torch.tensor([[1.0, 2.0], [3.0, 4.0]]) @ torch.tensor([[1.0, 2.0, 3.0]]),
            lambda: torch.dot(torch.from_numpy(np.array([1.0, 2.0])), torch.tensor([1.0, 2.0])),
            lambda: torch.nn.Linear(2, 1)(torch.from_numpy(np.array([[1.0, 2.0]]))),
            lambda: torch.tensor([1.0, 2.0, 3.0]) + torch.tensor([1.0, 2.0]),
            lambda: torch.device(None)]:
    try:
        bad()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__ + ':', e)


# --- unit 3: logistic regression, gradients by hand and by autograd --------------------------------------
def make_blobs(n, seed):
    g = torch.Generator().manual_seed(seed)
    features = torch.randn(n, 2, generator=g) * 1.5
    labels = (features[:, 0] + 0.7 * features[:, 1] + 0.5 * torch.randn(n, generator=g) > 0.3).long()
    features = features * torch.tensor([4.0, 0.5]) + torch.tensor([10.0, -1.0])
    return features, labels


X, y = make_blobs(40, 1)
print('class counts:', torch.bincount(y))

w = torch.tensor([[0.1], [-0.2]])
b = torch.tensor([0.05])
Xs = (X - X.mean(axis=0)) / X.std(axis=0)
probas = torch.sigmoid(Xs @ w + b)
yf = y.view(-1, 1).float()
grad_w = -torch.matmul(Xs.T, (yf - probas)) / len(yf)
grad_b = -torch.sum(yf - probas) / len(yf)

wa = w.clone().requires_grad_(True)
ba = b.clone().requires_grad_(True)
loss = F.binary_cross_entropy(torch.sigmoid(Xs @ wa + ba), yf)
g_w, g_b = torch.autograd.grad(loss, [wa, ba], retain_graph=True)
print('by hand  :', grad_w.view(-1), grad_b)
print('autograd :', g_w.view(-1), g_b)
print('same:', torch.allclose(grad_w, g_w), torch.allclose(grad_b, g_b))
manual_loss = -torch.mean(yf * torch.log(probas) + (1 - yf) * torch.log(1 - probas))
print(f'loss {loss:.6f} by hand {manual_loss:.6f}')


class LogisticRegression(torch.nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.linear = torch.nn.Linear(num_features, 1)

    def forward(self, x):
        logits = self.linear(x)
        probas = torch.sigmoid(logits)
        return probas


class MyDataset(Dataset):
    def __init__(self, X, y):
        self.features = X
        self.labels = y

    def __getitem__(self, index):
        x = self.features[index]
        y = self.labels[index]
        return x, y

    def __len__(self):
        return self.labels.shape[0]


def train_logreg(X, y, num_epochs=20, lr=0.05, log=True):
    train_ds = MyDataset(X, y)
    train_loader = DataLoader(dataset=train_ds, batch_size=10, shuffle=True)
    torch.manual_seed(1)
    model = LogisticRegression(num_features=2)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for epoch in range(num_epochs):
        model = model.train()
        for batch_idx, (features, class_labels) in enumerate(train_loader):
            probas = model(features)
            loss = F.binary_cross_entropy(probas, class_labels.view(probas.shape))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if log and not epoch % 5 and not batch_idx % 2:
                print(f'Epoch: {epoch + 1:03d}/{num_epochs:03d}'
                      f' | Batch {batch_idx:03d}/{len(train_loader):03d}'
                      f' | Loss: {loss:.2f}')
    return model, train_loader


def compute_accuracy_logreg(model, dataloader):
    model = model.eval()
    correct = 0.0
    total_examples = 0
    for idx, (features, class_labels) in enumerate(dataloader):
        with torch.no_grad():
            probas = model(features)
        pred = torch.where(probas > 0.5, 1, 0)
        lab = class_labels.view(pred.shape).to(pred.dtype)
        compare = lab == pred
        correct += torch.sum(compare)
        total_examples += len(compare)
    return correct / total_examples


yf = y.float()
print('--- raw features ---')
model, loader = train_logreg(X, yf, log=False)
acc = compute_accuracy_logreg(model, loader)
print(f'Accuracy: {acc * 100}%', type(acc).__name__, acc.dtype)
print('--- standardized ---')
x_mean = X.mean(axis=0)
x_std = X.std(axis=0)
print('mean', x_mean, 'std', x_std)
X_std = (X - x_mean) / x_std
model, loader = train_logreg(X_std, yf)
acc = compute_accuracy_logreg(model, loader)
print(f'Accuracy: {acc * 100:.2f}%')
print(model.linear.weight.detach(), model.linear.bias.detach())
w1, w2 = model.linear.weight.detach().view(-1)
b0 = model.linear.bias.detach()
x1_min = -2.0
x2_min = (-(w1 * x1_min) - b0) / w2
print(f'boundary: ({x1_min}, {x2_min.item():.4f})')
new_point = (torch.tensor([12.0, -1.2]) - x_mean) / x_std
print('new point probability:', model(new_point.unsqueeze(0)))
