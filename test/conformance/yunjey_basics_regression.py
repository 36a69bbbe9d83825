# yunjey/pytorch-tutorial 01-basics idioms (pytorch_basics, linear_regression, logistic_regression,
# feedforward_neural_network) on small generated data (no MNIST/CIFAR download): scalar leaves built with
# `torch.tensor(1., requires_grad=True)`, `y.backward()` and `print(x.grad)`; `nn.Linear(3, 2)` printed as
# `print('w: ', linear.weight)`, `loss.item()`, `print('dL/dw: ', linear.weight.grad)`, one SGD step, then the
# low-level step `linear.weight.data.sub_(0.01 * linear.weight.grad.data)`; `torch.from_numpy` of an int
# array and `.numpy()` back; a custom `torch.utils.data.Dataset` behind `DataLoader(dataset=..., batch_size=...,
# shuffle=True)`, `data_iter = iter(train_loader)` with the old `data_iter.next()` (an AttributeError in 1.13)
# beside `next(data_iter)`, the skeleton dataset whose `__len__` returns 0 behind `shuffle=True` (a ValueError);
# freezing with `param.requires_grad = False` and replacing the head by `nn.Linear(model.fc.in_features, 100)`;
# `torch.save(model, ...)`/`torch.load` and the state_dict round trip; linear regression on float32 numpy
# arrays with nn.MSELoss + SGD and the 'Epoch [{}/{}], Loss: {:.4f}' line,
# `model(torch.from_numpy(x_train)).detach().numpy()` plotted with 'ro' and a legend; logistic regression
# as one `nn.Linear(input_size, num_classes)` on `images.reshape(-1, input_size)`, the
# 'Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}' line, `_, predicted = torch.max(outputs.data, 1)` and
# `correct += (predicted == labels).sum()` left a tensor, so the accuracy prints as a tensor; the feedforward
# `NeuralNet` (fc1, nn.ReLU, fc2) with `device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')`,
# `.to(device)`, Adam, and `.sum().item()` accuracy.
import os
import tempfile

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
np.random.seed(0)

# ---- 1. autograd on scalars ----
x = torch.tensor(1., requires_grad=True)
w = torch.tensor(2., requires_grad=True)
b = torch.tensor(3., requires_grad=True)
y = w * x + b
y.backward()
print(x.grad)
print(w.grad)
print(b.grad)

# ---- 2. autograd through a layer ----
x = torch.randn(10, 3)
y = torch.randn(10, 2)
linear = nn.Linear(3, 2)
print('w: ', linear.weight)
print('b: ', linear.bias)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(linear.parameters(), lr=0.01)
pred = linear(x)
loss = criterion(pred, y)
print('loss: ', loss.item())
loss.backward()
print('dL/dw: ', linear.weight.grad)
print('dL/db: ', linear.bias.grad)
optimizer.step()
loss = criterion(linear(x), y)
print('loss after 1 step optimization: ', round(loss.item(), 5))
# The same step by hand, on .data so autograd does not see it.
linear.weight.data.sub_(0.01 * linear.weight.grad.data)
linear.bias.data.sub_(0.01 * linear.bias.grad.data)
print('loss after a manual step: ', round(criterion(linear(x), y).item(), 5))
print(linear.weight.requires_grad, linear.weight.data.requires_grad)

# ---- 3. numpy bridge ----
a = np.array([[1, 2], [3, 4]])
t = torch.from_numpy(a)
back = t.numpy()
print(t, t.dtype)
print(back, back.dtype, type(back).__name__)
t[0, 0] = 10  # from_numpy shares memory, so the array sees the write
print(a[0, 0])


# ---- 4./5. input pipeline over a custom dataset ----
class CustomDataset(torch.utils.data.Dataset):
    def __init__(self, n):
        # Tiny fake colour images standing in for CIFAR-10.
        g = torch.Generator().manual_seed(1)
        self.images = torch.rand(n, 3, 8, 8, generator=g)
        self.labels = torch.randint(0, 10, (n,), generator=g)

    def __getitem__(self, index):
        return self.images[index], self.labels[index]

    def __len__(self):
        return len(self.labels)


custom_dataset = CustomDataset(20)
image, label = custom_dataset[0]
print(image.size())
print(label)
train_loader = torch.utils.data.DataLoader(dataset=custom_dataset, batch_size=6, shuffle=True)
print(len(train_loader))
data_iter = iter(train_loader)
try:
    images, labels = data_iter.next()
except AttributeError as e:
    print('AttributeError:', e)
images, labels = next(data_iter)
print(images.shape, labels)
sizes = []
for images, labels in train_loader:
    sizes.append(images.size(0))
print(sizes)




# The tutorial's skeleton dataset reports length 0, which a shuffling loader refuses in 1.13.
class EmptyDataset(torch.utils.data.Dataset):
    def __getitem__(self, index):
        pass

    def __len__(self):
        return 0


try:
    torch.utils.data.DataLoader(dataset=EmptyDataset(), batch_size=64, shuffle=True)
except ValueError as e:
    print('ValueError:', e)
print(len(torch.utils.data.DataLoader(dataset=EmptyDataset(), batch_size=64)))


# ---- 6. freeze a model and replace its head ----
class SmallNet(nn.Module):
    def __init__(self):
        super(SmallNet, self).__init__()
        self.features = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 16), nn.ReLU())
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        return self.fc(self.features(x))


net = SmallNet()
for param in net.parameters():
    param.requires_grad = False
net.fc = nn.Linear(net.fc.in_features, 100)
outputs = net(torch.randn(4, 3, 8, 8))
print(outputs.size())
print([n for n, p in net.named_parameters() if p.requires_grad])
print(outputs.requires_grad, outputs.grad_fn is not None)

# ---- 7. save and load ----
with tempfile.TemporaryDirectory() as d:
    torch.save(net, os.path.join(d, 'model.ckpt'))
    model = torch.load(os.path.join(d, 'model.ckpt'))
    print(type(model).__name__, torch.equal(model.fc.weight, net.fc.weight))
    torch.save(net.state_dict(), os.path.join(d, 'params.ckpt'))
    fresh = SmallNet()
    fresh.fc = nn.Linear(16, 100)
    print(fresh.load_state_dict(torch.load(os.path.join(d, 'params.ckpt'))))
    print(torch.equal(fresh.features[1].bias, net.features[1].bias))

# ---- linear regression ----
input_size, output_size = 1, 1
num_epochs, learning_rate = 30, 0.01
x_train = np.round(np.random.uniform(1, 10, size=(12, 1)), 3).astype(np.float32)
y_train = (0.3 * x_train + 0.5 + np.random.normal(0, 0.2, size=(12, 1))).astype(np.float32)
model = nn.Linear(input_size, output_size)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(num_epochs):
    inputs = torch.from_numpy(x_train)
    targets = torch.from_numpy(y_train)
    outputs = model(inputs)
    loss = criterion(outputs, targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if (epoch + 1) % 5 == 0:
        print('Epoch [{}/{}], Loss: {:.4f}'.format(epoch + 1, num_epochs, loss.item()))
predicted = model(torch.from_numpy(x_train)).detach().numpy()
print(predicted.shape, predicted.dtype, np.round(predicted[:3, 0], 3))
lines = plt.plot(x_train, y_train, 'ro', label='Original data')
plt.plot(x_train, predicted, label='Fitted line')
plt.legend()
print(len(lines), [ln.get_label() for ln in plt.gca().get_lines()])
plt.show()
plt.close('all')


# ---- logistic regression on fake 8x8 digit images ----
def fake_digits(n, seed):
    # Class k lights up row k of an 8x8 image (10 classes wrap rows), plus noise.
    g = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 10, (n,), generator=g)
    images = torch.rand(n, 1, 8, 8, generator=g)
    for i in range(n):
        images[i, 0, labels[i] % 8, :] += 0.4
        if labels[i] >= 8:
            images[i, 0, :, labels[i] - 8] += 0.4
    return torch.utils.data.TensorDataset(images, labels)


input_size = 8 * 8
num_classes = 10
num_epochs = 3
batch_size = 10
train_dataset = fake_digits(100, 2)
test_dataset = fake_digits(40, 3)
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=False)
model = nn.Linear(input_size, num_classes)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
total_step = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, input_size)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 5 == 0:
            print('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}'
                  .format(epoch + 1, num_epochs, i + 1, total_step, loss.item()))
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.reshape(-1, input_size)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum()
    # correct is a tensor here, so the accuracy is one too.
    print('Accuracy of the model on the {} test images: {} %'.format(total, 100 * correct / total))
    print(type(correct).__name__, correct.dtype, (100 * correct / total).dtype)

# ---- feedforward network ----
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
print(device)


class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet, self).__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.fc1(x)
        out = self.relu(out)
        out = self.fc2(out)
        return out


model = NeuralNet(input_size, 32, num_classes).to(device)
print(model)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, 8 * 8).to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 5 == 0:
            print('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}'
                  .format(epoch + 1, num_epochs, i + 1, total_step, loss.item()))
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.reshape(-1, 8 * 8).to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()
    print('Accuracy of the network on the {} test images: {} %'.format(total, 100 * correct / total))
with tempfile.TemporaryDirectory() as d:
    torch.save(model.state_dict(), os.path.join(d, 'model.ckpt'))
    print(sorted(torch.load(os.path.join(d, 'model.ckpt')).keys()))
