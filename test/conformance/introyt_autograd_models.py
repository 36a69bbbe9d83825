# Autograd and model building, after the autograd and models videos of PyTorch's "Introduction to
# PyTorch" (YouTube series): a sine graph, a tiny model trained a few steps, no_grad/detach, the
# in-place-on-a-leaf error, then layers printed: parameters, Softmax, Dropout, BatchNorm1d, MaxPool2d.
import math

import torch
import torch.nn as nn

torch.manual_seed(11)

a = torch.linspace(0.0, 2.0 * math.pi, steps=9, requires_grad=True)
print(a)
b = torch.sin(a)
print(b)
c = 2 * b
print(c)
d = c + 1
print(d)
out = d.sum()
print(out)
print('d:')
print(d.grad_fn.name())
print(c.grad_fn.name(), b.grad_fn.name(), a.grad_fn)
out.backward()
print(a.grad)


class TinyModel(nn.Module):
    def __init__(self):
        super(TinyModel, self).__init__()
        self.layer1 = nn.Linear(20, 30)
        self.relu = nn.ReLU()
        self.layer2 = nn.Linear(30, 5)

    def forward(self, x):
        x = self.layer1(x)
        x = self.relu(x)
        x = self.layer2(x)
        return x


BATCH_SIZE = 8
some_input = torch.randn(BATCH_SIZE, 20, requires_grad=False)
ideal_output = torch.randn(BATCH_SIZE, 5, requires_grad=False)
model = TinyModel()
print(model.layer2.weight[0][0:6])
print(model.layer2.weight.grad)
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
prediction = model(some_input)
loss = (ideal_output - prediction).pow(2).sum()
print(loss)
loss.backward()
print(model.layer2.weight[0][0:6])
print(model.layer2.weight.grad[0][0:6])
optimizer.step()
print(model.layer2.weight[0][0:6])
print(model.layer2.weight.grad[0][0:6])
for i in range(0, 4):
    prediction = model(some_input)
    loss = (ideal_output - prediction).pow(2).sum()
    loss.backward()
print(model.layer2.weight.grad[0][0:6])
optimizer.zero_grad(set_to_none=False)
print(model.layer2.weight.grad[0][0:6])

x = torch.ones(2, 3, requires_grad=True) * 2
y = torch.ones(2, 3, requires_grad=True) * 3
z1 = x + y
print(z1)
print(z1.requires_grad)
with torch.no_grad():
    z2 = x + y
print(z2)
print(z2.requires_grad)
z3 = x + y
print(z3.requires_grad)


def add_tensors(x, y):
    return x + y


@torch.no_grad()
def add_without_grad(x, y):
    return x + y


print(add_tensors(x, y).requires_grad, add_without_grad(x, y).requires_grad)
detached = x.detach()
print(x)
print(detached)

leaf = torch.linspace(0.0, 2.0 * math.pi, steps=5, requires_grad=True)
try:
    torch.sin_(leaf)
except RuntimeError as err:
    print('RuntimeError:', err)


class TinierModel(torch.nn.Module):
    def __init__(self):
        super(TinierModel, self).__init__()
        self.linear1 = torch.nn.Linear(6, 4)
        self.activation = torch.nn.ReLU()
        self.linear2 = torch.nn.Linear(4, 3)
        self.softmax = torch.nn.Softmax()

    def forward(self, x):
        x = self.linear1(x)
        x = self.activation(x)
        x = self.linear2(x)
        x = self.softmax(x)
        return x


tinymodel = TinierModel()
print('The model:')
print(tinymodel)
print('\n\nJust one layer:')
print(tinymodel.linear2)
print('\n\nModel params:')
for param in tinymodel.parameters():
    print(param)
print('\n\nLayer params:')
for param in tinymodel.linear2.parameters():
    print(param)
print(len(list(tinymodel.parameters())))

lin = torch.nn.Linear(3, 2)
x = torch.rand(1, 3)
print('Input:')
print(x)
print('\n\nWeight and Bias parameters:')
for param in lin.parameters():
    print(param)
y = lin(x)
print('\n\nOutput:')
print(y)

softmax = nn.Softmax(dim=1)
logits = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
print(softmax(logits))
print(softmax(logits).sum(dim=1))

my_tensor = torch.rand(1, 6, 6)
print(my_tensor)
maxpool_layer = torch.nn.MaxPool2d(3)
print(maxpool_layer)
print(maxpool_layer(my_tensor))

my_tensor = torch.rand(1, 4, 4) * 20 + 5
print(my_tensor)
print(my_tensor.mean())
norm_layer = torch.nn.BatchNorm1d(4)
print(norm_layer)
normed_tensor = norm_layer(my_tensor)
print(normed_tensor)
print(normed_tensor.mean())

my_tensor = torch.rand(1, 4, 4)
dropout = torch.nn.Dropout(p=0.4)
print(dropout)
print(dropout(my_tensor))
print(dropout(my_tensor))
dropout.eval()
print(torch.equal(dropout(my_tensor), my_tensor))
