# Udacity "Intro to Deep Learning with PyTorch" (udacity/deep-learning-v2-pytorch, intro-to-pytorch Parts
# 1-3) on a generated stand-in for MNIST (28x28 blobs, one bright stroke per class, in batches of 64): a
# single neuron by hand (`activation(torch.sum(features * weights) + bias)`, `torch.mm` after
# `weights.view(5, 1)` and the shape error without it), a two-layer net of W1/W2/B1/B2, the NumPy bridge
# (`torch.from_numpy(a)`, `b.mul_(2)` changing `a`), softmax by hand with `.view(-1, 1)`, `Network` classes
# with nn.Sigmoid/nn.Softmax(dim=1) and with F.relu, `model.fc1.bias.data.fill_(0)`,
# `weight.data.normal_(std=0.01)`, `images.resize_(64, 1, 784)`, nn.Sequential plain and from an
# OrderedDict (`model[0]`, `model.fc1`), the old `dataiter.next()` that 1.13's loader iterator lacks, and
# Part 3's CrossEntropyLoss on logits, autograd on `x ** 2`, gradients before and after backward, one
# optimizer step, and the LogSoftmax + NLLLoss training loop with "Training loss: ...".
from collections import OrderedDict

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn, optim


def activation(x):
    return 1 / (1 + torch.exp(-x))


# Part 1: a single neuron
torch.manual_seed(7)
features = torch.randn((1, 5))
weights = torch.randn_like(features)
bias = torch.randn((1, 1))
y = activation(torch.sum(features * weights) + bias)
print(y)
y = activation((features * weights).sum() + bias)
print(y, y.shape)
try:
    torch.mm(features, weights)
except RuntimeError as e:
    print("RuntimeError:", e)
print(weights.shape, weights.view(5, 1).shape, weights.reshape(5, 1).shape)
y = activation(torch.mm(features, weights.view(5, 1)) + bias)
print(y)

torch.manual_seed(7)
features = torch.randn((1, 3))
n_input = features.shape[1]
n_hidden = 2
n_output = 1
W1 = torch.randn(n_input, n_hidden)
W2 = torch.randn(n_hidden, n_output)
B1 = torch.randn((1, n_hidden))
B2 = torch.randn((1, n_output))
h = activation(torch.mm(features, W1) + B1)
output = activation(torch.mm(h, W2) + B2)
print(output)

np.random.seed(0)
a = np.random.rand(4, 3)
print(a)
b = torch.from_numpy(a)
print(b)
print(b.numpy())
print(b.mul_(2))
print(a)

# Part 2: a generated digit set, flattened and pushed through weights by hand
torch.manual_seed(3)
strokes = torch.zeros(10, 28, 28)
for digit in range(10):
    strokes[digit, 4 + 2 * digit : 6 + 2 * digit, 6:22] = 1.0
labels_all = torch.randint(0, 10, (320,))
images_all = (strokes[labels_all] + 0.2 * torch.randn(320, 28, 28)).unsqueeze(1)
images_all = (images_all - 0.5) / 0.5
trainset = torch.utils.data.TensorDataset(images_all, labels_all)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)

dataiter = iter(trainloader)
try:
    images, labels = dataiter.next()
except AttributeError as e:
    print("AttributeError:", e)
images, labels = next(dataiter)
print(type(images))
print(images.shape)
print(labels.shape)

inputs = images.view(images.shape[0], -1)
w1 = torch.randn(784, 256)
b1 = torch.randn(256)
w2 = torch.randn(256, 10)
b2 = torch.randn(10)
h = activation(torch.mm(inputs, w1) + b1)
out = activation(torch.mm(h, w2) + b2)
print(out.shape, out.min() >= 0, out.max() <= 1)


def softmax(x):
    return torch.exp(x) / torch.sum(torch.exp(x), dim=1).view(-1, 1)


probabilities = softmax(out)
print(probabilities.shape)
print(probabilities.sum(dim=1)[:8])
print(torch.allclose(probabilities, torch.softmax(out, dim=1)))


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)
        self.sigmoid = nn.Sigmoid()
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.hidden(x)
        x = self.sigmoid(x)
        x = self.output(x)
        x = self.softmax(x)
        return x


model = Network()
print(model)


class ReluNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, 10)

    def forward(self, x):
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x)
        x = F.relu(x)
        x = self.fc3(x)
        x = F.softmax(x, dim=1)
        return x


model = ReluNetwork()
print(model)
print(model.fc1.weight)
print(model.fc1.bias)
print(model.fc1.weight.shape, model.fc1.bias.shape, type(model.fc1.weight).__name__)
print(model.fc1.bias.data.fill_(0))
w = model.fc1.weight.data.normal_(std=0.01)
print(w)
print(w.shape, w is not model.fc1.weight, round(w.std().item(), 2))

images.resize_(64, 1, 784)
print(images.shape)
img_idx = 0
ps = model.forward(images[img_idx, :])
print(ps.shape, ps.sum().item() > 0.999)

input_size = 784
hidden_sizes = [128, 64]
output_size = 10
model = nn.Sequential(nn.Linear(input_size, hidden_sizes[0]),
                      nn.ReLU(),
                      nn.Linear(hidden_sizes[0], hidden_sizes[1]),
                      nn.ReLU(),
                      nn.Linear(hidden_sizes[1], output_size),
                      nn.Softmax(dim=1))
print(model)
images, labels = next(iter(trainloader))
images.resize_(images.shape[0], 1, 784)
ps = model.forward(images[0, :])
print(ps.shape, ps.argmax().item() in range(10))
print(model[0])
print(model[0].weight.shape)

model = nn.Sequential(OrderedDict([
    ('fc1', nn.Linear(input_size, hidden_sizes[0])),
    ('relu1', nn.ReLU()),
    ('fc2', nn.Linear(hidden_sizes[0], hidden_sizes[1])),
    ('relu2', nn.ReLU()),
    ('output', nn.Linear(hidden_sizes[1], output_size)),
    ('softmax', nn.Softmax(dim=1))]))
print(model)
print(model[0])
print(model.fc1)
print(model.fc1 is model[0], len(model), list(model._modules.keys()))

# Part 3: losses, autograd, one step, then a short training loop
torch.manual_seed(7)
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10))
criterion = nn.CrossEntropyLoss()
images, labels = next(iter(trainloader))
images = images.view(images.shape[0], -1)
logits = model(images)
loss = criterion(logits, labels)
print(loss)

model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
logps = model(images)
loss = criterion(logps, labels)
print(loss)

x = torch.randn(2, 2, requires_grad=True)
print(x)
y = x ** 2
print(y)
print(y.grad_fn.name(), type(y.grad_fn).__name__)
z = y.mean()
print(z)
print(x.grad)
z.backward()
print(x.grad)
print(x / 2)

print('Before backward pass: \n', model[0].weight.grad)
loss.backward()
print('After backward pass: \n', model[0].weight.grad.shape, model[0].weight.grad.abs().sum() > 0)

optimizer = optim.SGD(model.parameters(), lr=0.01)
print('Initial weights - ', model[0].weight[:2, :4])
images, labels = next(iter(trainloader))
images.resize_(64, 784)
optimizer.zero_grad()
output = model(images)
loss = criterion(output, labels)
loss.backward()
print('Gradient -', model[0].weight.grad[:2, 200:204])
before = model[0].weight.detach().clone()
optimizer.step()
print('Updated weights - ', model[0].weight[:2, :4])
print(torch.allclose(before - 0.01 * model[0].weight.grad, model[0].weight))

model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.05)
epochs = 4
for e in range(epochs):
    running_loss = 0
    for images, labels in trainloader:
        images = images.view(images.shape[0], -1)
        optimizer.zero_grad()
        output = model(images)
        loss = criterion(output, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    else:
        print(f"Training loss: {running_loss/len(trainloader)}")

images, labels = next(iter(trainloader))
img = images[0].view(1, 784)
with torch.no_grad():
    logps = model(img)
ps = torch.exp(logps)
print(ps.shape, ps.argmax(dim=1) == labels[0], round(ps.sum().item(), 4))
