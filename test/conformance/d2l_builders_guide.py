# d2l "Builders' Guide", layers and modules, parameter management: a hand-made Sequential over
# `add_module(str(idx), ...)` and `self._modules`, a block with a constant random weight and a python
# `while` on a tensor, nested blocks, a block factory with `add_module(f'block {i}', ...)`, and reading
# parameters: a layer's state_dict, `type(net[2].bias)`, `.bias.data`, `.weight.grad == None`,
# named_parameters as (name, shape) pairs, `net.state_dict()['2.bias'].data`, `rgnet[0][1][0].bias.data`.
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(7)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(6, 16)
        self.out = nn.Linear(16, 3)

    def forward(self, X):
        return self.out(F.relu(self.hidden(X)))


X = torch.rand(2, 6)
net = MLP()
print(net(X))
print(net(X).shape)


class MySequential(nn.Module):
    def __init__(self, *args):
        super().__init__()
        for idx, module in enumerate(args):
            self.add_module(str(idx), module)

    def forward(self, X):
        for module in self._modules.values():
            X = module(X)
        return X


net = MySequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
print(net)
print(list(net._modules.keys()), type(net._modules['0']).__name__)
print(net(X))


class FixedHiddenMLP(nn.Module):
    def __init__(self):
        super().__init__()
        # A constant weight: no gradient, not a parameter.
        self.rand_weight = torch.rand((16, 16), requires_grad=False)
        self.linear = nn.Linear(16, 16)

    def forward(self, X):
        X = self.linear(X)
        X = F.relu(torch.mm(X, self.rand_weight) + 1)
        X = self.linear(X)  # the same layer twice: shared parameters
        while X.abs().sum() > 1:
            X /= 2
        return X.sum()


net = FixedHiddenMLP()
print(net(torch.rand(2, 16)))
print(len(list(net.parameters())), [n for n, _ in net.named_parameters()])


class NestMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 8), nn.ReLU())
        self.linear = nn.Linear(8, 4)

    def forward(self, X):
        return self.linear(self.net(X))


chimera = nn.Sequential(NestMLP(), nn.Linear(4, 12), FixedHiddenMLP())
chimera[1] = nn.Linear(4, 16)
print(chimera)
print(chimera(torch.rand(2, 16)))

# Parameter management on a plain MLP.
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
X = torch.rand(size=(2, 4))
print(net(X))
print(net[2].state_dict())
print(type(net[2].bias))
print(net[2].bias)
print(net[2].bias.data)
print(net[2].weight.grad == None)  # noqa: E711 (as the book writes it)
print(net[2].weight.grad is None)
print(*[(name, param.shape) for name, param in net[0].named_parameters()])
print(*[(name, param.shape) for name, param in net.named_parameters()])
print([(name, param.shape) for name, param in net.named_parameters()])
print(net.state_dict()['2.bias'].data)
print(net.state_dict()['2.bias'].data is net[2].bias.data)
print(list(net.state_dict().keys()))


def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())


def block2():
    net = nn.Sequential()
    for i in range(3):
        net.add_module(f'block {i}', block1())
    return net


rgnet = nn.Sequential(block2(), nn.Linear(4, 1))
print(rgnet(X))
print(rgnet)
print(rgnet[0][1][0].bias.data)
print(rgnet[0][1][0])
print(len(rgnet.state_dict()), list(rgnet.state_dict())[:4])
print(rgnet.state_dict()['0.block 2.2.weight'].shape)
