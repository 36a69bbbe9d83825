# d2l "Builders' Guide", file I/O: `torch.save(x, 'x-file')` and `torch.load` for a tensor, a list and a
# dict of tensors, saving `net.state_dict()` to 'mlp.params', a clone loading it with
# `clone.load_state_dict(torch.load('mlp.params'))`, `clone.eval()` printed, and `Y_clone == Y`. The
# book writes into the working folder; this file removes what it wrote at the end.
import os

import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(3)

x = torch.arange(4)
torch.save(x, 'x-file')
x2 = torch.load('x-file')
print(x2)

y = torch.zeros(4)
torch.save([x, y], 'x-files')
x2, y2 = torch.load('x-files')
print((x2, y2))

mydict = {'x': x, 'y': y}
torch.save(mydict, 'mydict')
mydict2 = torch.load('mydict')
print(mydict2)
print(type(mydict2).__name__, list(mydict2))


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        return self.output(F.relu(self.hidden(x)))


net = MLP()
X = torch.randn(size=(2, 20))
Y = net(X)
torch.save(net.state_dict(), 'mlp.params')

clone = MLP()
print(clone.load_state_dict(torch.load('mlp.params')))
print(clone.eval())
print(clone.training, clone.hidden.training)
Y_clone = clone(X)
print(Y_clone == Y)
print(torch.equal(Y_clone, Y))

# A whole checkpoint dict with an optimizer, as the saving recipe does it.
opt = torch.optim.SGD(net.parameters(), lr=0.1)
torch.save({'epoch': 5, 'model_state_dict': net.state_dict(), 'optimizer_state_dict': opt.state_dict(),
            'loss': 0.25}, 'ckpt.pt')
ckpt = torch.load('ckpt.pt')
print(ckpt['epoch'], ckpt['loss'], sorted(ckpt))
opt2 = torch.optim.SGD(clone.parameters(), lr=0.5)
opt2.load_state_dict(ckpt['optimizer_state_dict'])
print(opt2.param_groups[0]['lr'])
print(clone.output.bias.data[:3])

for name in ['x-file', 'x-files', 'mydict', 'mlp.params', 'ckpt.pt']:
    print(name, os.path.exists(name))
    os.remove(name)
