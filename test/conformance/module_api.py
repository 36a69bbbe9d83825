# nn.Module beyond forward: printing nested models, named_parameters/named_children/named_modules,
# parameter counts, buffers, ModuleList/ModuleDict, Sequential from an OrderedDict with indexing, slicing
# and len, add_module, apply, train/eval flags, requires_grad_(False), forward hooks, zero_grad,
# parameters as a Parameter repr, extra_repr.
from collections import OrderedDict

import torch
from torch import nn

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.fc = nn.Linear(n_in, n_out)
        self.act = nn.ReLU()
        self.register_buffer('calls', torch.zeros(1))

    def forward(self, x):
        self.calls += 1
        return self.act(self.fc(x))


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.blocks = nn.ModuleList([Block(4, 8), Block(8, 8)])
        self.heads = nn.ModuleDict({'cls': nn.Linear(8, 3), 'reg': nn.Linear(8, 1)})
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.heads['cls'](x) * self.scale, self.heads['reg'](x)


net = Net()
print(net)
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print([name for name, _ in net.named_children()])
print([name for name, _ in net.named_modules()])
print(len(list(net.modules())), len(list(net.children())), len(list(net.parameters())))
print(sum(p.numel() for p in net.parameters()), sum(p.numel() for p in net.parameters() if p.requires_grad))
print([name for name, _ in net.named_buffers()])
print(net.scale)
print(net.blocks[0].fc.bias)

x = torch.randn(2, 4)
cls, reg = net(x)
print(cls, reg)
print(net.blocks[0].calls, net.state_dict()['blocks.1.calls'])
(cls.sum() + reg.sum()).backward()
print(net.scale.grad, net.blocks[0].fc.weight.grad.shape)
net.zero_grad()
print(net.scale.grad)

seq = nn.Sequential(OrderedDict([
    ('fc1', nn.Linear(4, 6)),
    ('relu1', nn.ReLU()),
    ('fc2', nn.Linear(6, 2)),
]))
print(seq)
print(seq.fc1, seq[0] is seq.fc1, len(seq))
print(seq[:2])
print(seq[-1].weight.shape)
seq.add_module('softmax', nn.Softmax(dim=1))
print(seq(x))
seq.append(nn.Identity())
print(len(seq), [type(m).__name__ for m in seq])

counts = []


def count_linear(m):
    if isinstance(m, nn.Linear):
        counts.append(m.out_features)
        nn.init.zeros_(m.bias)


net.apply(count_linear)
print(counts, net.heads['reg'].bias)

print(net.training, net.blocks[0].training)
net.eval()
print(net.training, net.blocks[0].training)
net.train()
print(net.training)

net.blocks.requires_grad_(False)
print([name for name, p in net.named_parameters() if p.requires_grad])

outputs = []
handle = seq.fc1.register_forward_hook(lambda module, inp, out: outputs.append(out.shape))
seq(x)
seq(torch.randn(5, 4))
handle.remove()
seq(x)
print(outputs)


class Scaled(nn.Module):
    def __init__(self, factor):
        super().__init__()
        self.factor = factor

    def forward(self, x):
        return x * self.factor

    def extra_repr(self):
        return f'factor={self.factor}'


print(nn.Sequential(nn.Linear(2, 2), Scaled(0.5), nn.Tanh(), nn.Dropout(0.1), nn.LeakyReLU(0.2)))
print(nn.Linear(3, 2, bias=False), nn.Linear(3, 2, bias=False).bias)
print(list(nn.Linear(2, 1).parameters()))
print(isinstance(net.scale, torch.Tensor), isinstance(net.scale, nn.Parameter))
