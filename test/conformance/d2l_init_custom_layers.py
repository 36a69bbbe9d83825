# d2l "Builders' Guide", parameter initialization, tied layers and custom layers: `net.apply(fn)` with
# `nn.init.normal_`/`zeros_`/`constant_`/`xavier_uniform_`, applying different initialisers to
# different layers, a hand-written initialiser (`uniform_(-10, 10)` then
# `m.weight.data *= m.weight.data.abs() >= 5`), writing `net[0].weight.data[:] += 1` and
# `.data[0, 0] = 42`, a shared layer whose gradients add up, a layer without parameters
# (`CenteredLayer`) and one with `nn.Parameter(torch.randn(...))` (`MyLinear`), both inside Sequential.
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(42)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
X = torch.rand(size=(2, 4))
print(net(X))


def init_normal(module):
    if type(module) == nn.Linear:  # noqa: E721 (as the book writes it)
        nn.init.normal_(module.weight, mean=0, std=0.01)
        nn.init.zeros_(module.bias)


net.apply(init_normal)
print(net[0].weight.data[0], net[0].bias.data[0])


def init_constant(module):
    if type(module) == nn.Linear:  # noqa: E721
        nn.init.constant_(module.weight, 1)
        nn.init.zeros_(module.bias)


net.apply(init_constant)
print(net[0].weight.data[0], net[0].bias.data[0])


def init_xavier(module):
    if type(module) == nn.Linear:  # noqa: E721
        nn.init.xavier_uniform_(module.weight)


def init_42(module):
    if type(module) == nn.Linear:  # noqa: E721
        nn.init.constant_(module.weight, 42)


net[0].apply(init_xavier)
net[2].apply(init_42)
print(net[0].weight.data[0])
print(net[2].weight.data)


def my_init(module):
    if type(module) == nn.Linear:  # noqa: E721
        print('Init', *[(name, param.shape) for name, param in module.named_parameters()][0])
        nn.init.uniform_(module.weight, -10, 10)
        module.weight.data *= module.weight.data.abs() >= 5


net.apply(my_init)
print(net[0].weight[:2])
net[0].weight.data[:] += 1
net[0].weight.data[0, 0] = 42
print(net[0].weight.data[0])
print(net[0].weight.requires_grad, net[0].weight.grad)

# A returned applied module is the module itself.
print(net.apply(lambda m: None) is net)

# Tied parameters: the same Linear twice.
shared = nn.Linear(8, 8)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1))
print(net(X))
print(net[2].weight.data[0] == net[4].weight.data[0])
net[2].weight.data[0, 0] = 100
print(net[2].weight.data[0] == net[4].weight.data[0])
print(net[2].weight is net[4].weight, len(list(net.parameters())), len(net.state_dict()))
net(X).sum().backward()
print(net[2].weight.grad.sum(dim=1))
print(torch.equal(net[2].weight.grad, net[4].weight.grad))


class CenteredLayer(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, X):
        return X - X.mean()


layer = CenteredLayer()
print(layer(torch.tensor([1.0, 2, 3, 4, 5])))
net = nn.Sequential(nn.Linear(8, 128), CenteredLayer())
Y = net(torch.rand(4, 8))
print(Y.mean().abs() < 1e-6, Y.shape)


class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.randn(units,))

    def forward(self, X):
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)


linear = MyLinear(5, 3)
print(linear.weight)
print(linear)
print(linear(torch.rand(2, 5)))
net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))
print(net(torch.rand(2, 64)))
print([(n, tuple(p.shape)) for n, p in net.named_parameters()])
