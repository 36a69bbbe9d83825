# d2l.ai 4.1-4.3/5.1-5.2 multilayer perceptrons: activation functions and their gradients on an arange
# grid with requires_grad, parameters as nn.Parameter(torch.randn(...) * 0.01), relu written with
# torch.max, then the concise nn.Sequential with net.apply(init_weights).
import torch
from torch import nn

torch.manual_seed(0)

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.relu(x)
print(y.shape, y[75:85].detach())
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[75:85])
print(x.grad.sum().item(), x[80].item())
y = torch.sigmoid(x)
x.grad.data.zero_()
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[::20])
y = torch.tanh(x)
x.grad.data.zero_()
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[::20])

num_inputs, num_outputs, num_hiddens = 12, 3, 32
centers = torch.randn(num_outputs, num_inputs)
ys = torch.randint(0, num_outputs, (240,))
Xs = centers[ys] + 0.8 * torch.randn(240, num_inputs)
train_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(Xs, ys), batch_size=24, shuffle=True)

W1 = nn.Parameter(torch.randn(num_inputs, num_hiddens, requires_grad=True) * 0.01)
b1 = nn.Parameter(torch.zeros(num_hiddens, requires_grad=True))
W2 = nn.Parameter(torch.randn(num_hiddens, num_outputs, requires_grad=True) * 0.01)
b2 = nn.Parameter(torch.zeros(num_outputs, requires_grad=True))
params = [W1, b1, W2, b2]
print(W1.shape, W1.requires_grad, W1.is_leaf, type(W1).__name__)


def relu(X):
    a = torch.zeros_like(X)
    return torch.max(X, a)


print(relu(torch.tensor([-1.0, 0.0, 2.0])))


def net(X):
    X = X.reshape((-1, num_inputs))
    H = relu(X @ W1 + b1)
    return (H @ W2 + b2)


loss = nn.CrossEntropyLoss(reduction='none')
updater = torch.optim.SGD(params, lr=0.1)
for epoch in range(10):
    total, n, correct = 0.0, 0, 0
    for X, y in train_iter:
        l = loss(net(X), y)
        updater.zero_grad()
        l.mean().backward()
        updater.step()
        total += l.sum().item()
        n += y.numel()
        correct += (net(X).argmax(1) == y).sum().item()
    if epoch % 3 == 0:
        print(f'epoch {epoch}: loss {total / n:.4f} acc {correct / n:.3f}')

net = nn.Sequential(nn.Flatten(), nn.Linear(num_inputs, num_hiddens), nn.ReLU(), nn.Linear(num_hiddens, num_outputs))


def init_weights(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)


print(net.apply(init_weights))
trainer = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(10):
    for X, y in train_iter:
        l = loss(net(X), y)
        trainer.zero_grad()
        l.mean().backward()
        trainer.step()
with torch.no_grad():
    print(loss(net(Xs), ys).mean(), (net(Xs).argmax(dim=1) == ys).float().mean())
print(net[1].weight.grad.norm())
