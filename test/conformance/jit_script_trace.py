# TorchScript as learners meet it: d2l's "Compilers and Interpreters" section scripts its MLP with
# torch.jit.script(net) and saves it with net.save(...); the "Saving and loading models" recipe and the
# TorchScript introduction script and trace models, call them, print them and load them back. Here the
# scripted and traced models run, train and print as PyTorch's.
import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)


def get_net():
    return nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 2))


x = torch.randn(size=(1, 512))
net = get_net()
print(net(x))
net = torch.jit.script(net)
print(net(x))
print(net)
print(type(net).__name__, isinstance(net, nn.Module), isinstance(net, torch.jit.ScriptModule))
print(net[0].weight.shape, len(net), [type(m).__name__ for m in net])


class MyDecisionGate(nn.Module):
    def forward(self, x):
        return torch.where(x > 0, x, -x)


class MyCell(nn.Module):
    def __init__(self):
        super().__init__()
        self.dg = MyDecisionGate()
        self.linear = nn.Linear(4, 4)
        self.offset = 1

    def squash(self, h):
        return torch.tanh(h + self.offset)

    def forward(self, x, h):
        new_h = self.squash(self.dg(self.linear(x)) + h)
        return new_h, new_h


class Loud(nn.Module):
    def forward(self, x):
        print('forward runs, tracing:', torch.jit.is_tracing())
        return x + 1


loud = torch.jit.trace(Loud(), torch.zeros(2))
print(loud(torch.zeros(2)))
torch.manual_seed(1)
cell = MyCell()
x, h = torch.rand(3, 4), torch.rand(3, 4)
traced = torch.jit.trace(cell, (x, h))
print(traced)
print(type(traced).__name__, traced.original_name, traced.linear.original_name)
print(traced(x, h)[0])
scripted = torch.jit.script(cell)
print(scripted)
print(scripted(x, h)[1])
print(scripted.linear.weight is cell.linear.weight, scripted.training, cell.training)
scripted.eval()
print(scripted.training, cell.training)

# Training a scripted model trains the original's parameters (the same tensors).
torch.manual_seed(2)
model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
smodel = torch.jit.script(model)
opt = torch.optim.SGD(smodel.parameters(), lr=0.1)
X = torch.randn(16, 3)
y = X.sum(dim=1, keepdim=True)
for epoch in range(5):
    opt.zero_grad()
    loss = nn.functional.mse_loss(smodel(X), y)
    loss.backward()
    opt.step()
    print(f'epoch {epoch}: loss {loss.item():.6f}')
print(torch.equal(model(X), smodel(X)), sorted(smodel.state_dict().keys()))


@torch.jit.script
def scaled_sum(a, b: float = 2.0):
    return (a * b).sum()


print(type(scaled_sum).__name__, scaled_sum(torch.ones(3)), scaled_sum(torch.ones(3), 0.5))
doubled = torch.jit.trace(lambda t: t * 2, torch.ones(2))
print(type(doubled).__name__, doubled(torch.arange(3.0)))
print(torch.jit.is_scripting(), torch.jit.is_tracing())

smodel.eval()
frozen = torch.jit.freeze(smodel)
print(frozen(X[:2]), len(list(frozen.parameters())))
try:
    torch.jit.freeze(torch.jit.script(nn.Linear(2, 2)))
except RuntimeError as e:
    print('RuntimeError:', e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'model_scripted.pt')
    smodel.save(path)
    loaded = torch.jit.load(path)
    print(loaded)
    print(torch.equal(loaded(X), smodel(X)))
    torch.jit.save(traced, os.path.join(d, 'cell.pt'))
    print(torch.jit.load(os.path.join(d, 'cell.pt'))(x, h)[0][0])
