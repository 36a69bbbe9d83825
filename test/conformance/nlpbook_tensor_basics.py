# "Natural Language Processing with PyTorch" (Rao & McMahan; Korean: 파이토치로 배우는 자연어 처리) chapter 1
# and chapter 3 in-text idioms on small seeded tensors: a `describe(x)` helper printing `x.type()`, `x.shape`
# and the values through "Values: \n{}".format(x) (a 0-d tensor formats as its bare number), legacy
# constructors `torch.Tensor(3, 4).fill_(5)`, `torch.Tensor([[...]])`, `torch.FloatTensor`, `torch.LongTensor`,
# `torch.from_numpy` of float64 numpy data (DoubleTensor), `.long()`/`.float()`, `torch.add`, `torch.sum(dim=)`,
# `torch.transpose`, `x[:1, :2]`, `torch.index_select`, row/column index tensors, `x.numpy().dtype`,
# `torch.cat`/`torch.stack`, `transpose(1, 0)` vs `permute(1, 0, 2)`, `torch.mm`, `print("x: \n", x)`,
# `loss.backward()` on `z = 3 * x`, a branch on `(x.data > 0).all()`, the non-scalar backward error,
# a `torch.gt(x, 0).float()` mask, `describe_grad` printing `x.grad_fn`, `z.backward(create_graph=True)`,
# `torch.device("cuda" if torch.cuda.is_available() else "cpu")`, `normal_(mean=, std=)`, `torch.nonzero`,
# `expand`, `torch.bmm` with `b.unsqueeze(0).expand(a.size(0), *b.size())`; then chapter 3's Perceptron
# (`torch.sigmoid(self.fc1(x_in)).squeeze()`), sigmoid/tanh/ReLU/PReLU over `torch.arange(-5., 5., 0.1)`,
# `nn.Softmax(dim=1)`, MSELoss, CrossEntropyLoss with int64 targets, BCELoss of `nn.Sigmoid()` outputs, and the
# two-blob toy data (`np.random.normal(loc=center)`) trained with BCELoss and Adam until the loss settles.
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(1234)
np.random.seed(1234)


def describe(x):
    print("Type: {}".format(x.type()))
    print("Shape/size: {}".format(x.shape))
    print("Values: \n{}".format(x))


describe(torch.randn(2, 3))
describe(torch.rand(2, 3))
filled = torch.ones(2, 3)
filled.fill_(7)
describe(filled)
# torch.Tensor(r, c) is uninitialised memory, so it is only printed after fill_.
legacy = torch.Tensor(3, 4).fill_(5)
print(legacy.type())
print(legacy.shape)
print(legacy)
describe(torch.Tensor([[1, 2], [2, 4]]))

npy = np.random.rand(2, 3)
describe(torch.from_numpy(npy))
print(npy.dtype)

x = torch.FloatTensor([[1, 2, 3], [4, 5, 6]])
describe(x.long())
x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.int64)
describe(x.float())

x = torch.randn(2, 3)
describe(torch.add(x, x))
x = torch.arange(6).view(2, 3)
describe(torch.sum(x, dim=0))
describe(torch.sum(x, dim=1))
describe(torch.transpose(x, 0, 1))
describe(x[:1, :2])
describe(x[0, 1])
describe(torch.index_select(x, dim=1, index=torch.LongTensor([0, 2])))
describe(torch.index_select(x, dim=0, index=torch.LongTensor([0, 0])))
rows = torch.arange(2).long()
cols = torch.LongTensor([0, 1])
describe(x[rows, cols])
print(x.dtype)
print(x.numpy().dtype)

x = torch.arange(9).view(3, 3)
print("x[0][1]: \n", x[0][1])
x[0][1] = 8
print(x)
picks = torch.LongTensor([0, 2])
print(x[picks])
print("---")
print(x[:, picks])
describe(torch.cat([x, x], dim=1))
describe(torch.stack([x, x]))

batch_size, seq_size, feature_size = 2, 3, 4
x = torch.arange(batch_size * seq_size * feature_size).view(batch_size, seq_size, feature_size)
print("x.transpose(1, 0).shape: \n", x.transpose(1, 0).shape)
print("x.permute(1, 0, 2): \n", x.permute(1, 0, 2))
print(x.unsqueeze(dim=1).shape, x.unsqueeze(dim=1).squeeze().shape)

x1 = torch.arange(6).view(2, 3).float()
x2 = torch.ones(3, 2)
x2[:, 1] += 1
describe(torch.mm(x1, x2))
print(x1.mm(x2))

x = torch.tensor([[2.0, 3.0]], requires_grad=True)
z = 3 * x
print("z = 3*x: \n", z)
loss = z.sum()
print("loss = z.sum(): \n", loss)
loss.backward()
print("after loss.backward(), x.grad: \n", x.grad)


def pick(x):
    if (x.data > 0).all():
        return torch.sin(x)
    else:
        return torch.cos(x)


x = torch.tensor([1.0], requires_grad=True)
pick(x).backward()
print(x.grad)
x = torch.tensor([1.0, 0.5], requires_grad=True)
try:
    pick(x).backward()
except RuntimeError as err:
    print("RuntimeError:", err)
for values in ([1.0, 0.5], [1.0, -1], [-0.5, -1]):
    x = torch.tensor(values, requires_grad=True)
    pick(x).sum().backward()
    print(x.grad)


def masked(x):
    mask = torch.gt(x, 0).float()
    return mask * torch.sin(x) + (1 - mask) * torch.cos(x)


x = torch.tensor([1.0, -1], requires_grad=True)
masked(x).sum().backward()
print(x.grad)


def describe_grad(x):
    if x.grad is None:
        print("No gradient information")
    else:
        print("Gradient: \n{}".format(x.grad))
        print("Gradient Function: {}".format(x.grad_fn))


x = torch.ones(2, 2, requires_grad=True)
describe(x)
describe_grad(x)
y = (x + 2) * (x + 5) + 3
describe(y)
z = y.mean()
describe(z)
# 1.13 warns once about the grad/graph reference cycle; its file path is the installation's, so show the text.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    z.backward(create_graph=True, retain_graph=True)
for w in caught:
    print(w.category.__name__, str(w.message)[:60])
describe_grad(x)
print(x.grad.requires_grad)
print((x + 2).grad_fn.name())

print(torch.cuda.is_available())
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)
x = torch.rand(3, 3).to(device)
print(x.device)

a = torch.rand(2, 2).unsqueeze(0)
print(a.shape, a.squeeze(0).shape)
print(3 + torch.rand(2, 3) * 4)
print(torch.rand(2, 3).normal_(mean=0, std=1))
print(torch.nonzero(torch.Tensor([1, 1, 1, 0, 1])))
print(torch.rand(3, 1).expand(3, 4))
a = torch.rand(3, 2, 4)
b = torch.rand(4, 2)
print(torch.bmm(a, torch.rand(3, 4, 2)).shape)
print(torch.bmm(a, b.unsqueeze(0).expand(a.size(0), *b.size())))

# Chapter 3: activations, losses and the perceptron.
seed = 1337
torch.manual_seed(seed)
torch.cuda.manual_seed_all(seed)
np.random.seed(seed)


class Perceptron(nn.Module):
    def __init__(self, input_dim):
        super(Perceptron, self).__init__()
        self.fc1 = nn.Linear(input_dim, 1)

    def forward(self, x_in):
        return torch.sigmoid(self.fc1(x_in)).squeeze()


grid = torch.arange(-5., 5., 0.1)
print(grid.shape, grid[:3], grid[-1])
prelu = nn.PReLU(num_parameters=1)
for name, fn in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.nn.ReLU()), ("prelu", prelu)]:
    y = fn(grid)
    # The book plots y.detach().numpy(); a few samples stand in for the plot.
    print(name, y.detach().numpy()[::25].round(4), y.requires_grad)

softmax = nn.Softmax(dim=1)
x_input = torch.randn(1, 3)
y_output = softmax(x_input)
print(x_input)
print(y_output)
print(torch.sum(y_output, dim=1))

mse_loss = nn.MSELoss()
outputs = torch.randn(3, 5, requires_grad=True)
loss = mse_loss(outputs, torch.randn(3, 5))
loss.backward()
print(loss)
ce_loss = nn.CrossEntropyLoss()
outputs = torch.randn(3, 5, requires_grad=True)
loss = ce_loss(outputs, torch.tensor([1, 0, 3], dtype=torch.int64))
loss.backward()
print(loss)
bce_loss = nn.BCELoss()
sigmoid = nn.Sigmoid()
probabilities = sigmoid(torch.randn(4, 1, requires_grad=True))
print(probabilities)
targets = torch.tensor([1, 0, 1, 0], dtype=torch.float32).view(4, 1)
loss = bce_loss(probabilities, targets)
loss.backward()
print(loss)

LEFT_CENTER = (3, 3)
RIGHT_CENTER = (3, -2)


def get_toy_data(batch_size, left_center=LEFT_CENTER, right_center=RIGHT_CENTER):
    x_data = []
    y_targets = np.zeros(batch_size)
    for batch_i in range(batch_size):
        if np.random.random() > 0.5:
            x_data.append(np.random.normal(loc=left_center))
        else:
            x_data.append(np.random.normal(loc=right_center))
            y_targets[batch_i] = 1
    # Stacking first keeps torch.tensor off its slow list-of-arrays path.
    return torch.tensor(np.stack(x_data), dtype=torch.float32), torch.tensor(y_targets, dtype=torch.float32)


torch.manual_seed(seed)
np.random.seed(seed)
perceptron = Perceptron(input_dim=2)
optimizer = optim.Adam(params=perceptron.parameters(), lr=0.05)
bce_loss = nn.BCELoss()
x_static, y_static = get_toy_data(64)
change, last, epoch = 1.0, 10.0, 0
while (change > 1e-3 or epoch < 4 or last > 0.3) and epoch < 40:
    for _ in range(3):
        optimizer.zero_grad()
        x_data, y_target = get_toy_data(64)
        y_pred = perceptron(x_data)
        loss = bce_loss(y_pred, y_target)
        loss.backward()
        optimizer.step()
        loss_value = loss.item()
        change = abs(last - loss_value)
        last = loss_value
    if epoch % 4 == 0:
        print(f"epoch {epoch}: {loss_value:.4f}; {change:.4f}")
    epoch += 1
y_pred = (perceptron(x_static) > 0.5).long().data.numpy().astype(np.int32)
print("epochs", epoch, "static accuracy", (y_pred == y_static.numpy().astype(np.int32)).mean())
print(perceptron.fc1.weight.data, perceptron.fc1.bias.data)
