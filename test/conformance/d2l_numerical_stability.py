# d2l.ai 5.4 numerical stability and initialisation: vanishing sigmoid gradients, exploding products of
# random matrices, and what xavier initialisation does to the scale of activations.
import math

import torch
from torch import nn

torch.manual_seed(0)

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))
print(x.grad.max(), x.grad[0], x.grad[-1])
print(x.detach()[::32])
print(x.grad[::32])

M = torch.normal(0, 1, size=(4, 4))
print('a single matrix \n', M)
for i in range(100):
    M = torch.mm(M, torch.normal(0, 1, size=(4, 4)))
print('after multiplying 100 matrices\n', M)

h = torch.randn(64, 100)
for gain_name, init in [('normal(0, 1)', lambda w: nn.init.normal_(w, 0, 1)),
                        ('xavier_uniform', nn.init.xavier_uniform_),
                        ('xavier_normal', nn.init.xavier_normal_),
                        ('kaiming_normal', lambda w: nn.init.kaiming_normal_(w, nonlinearity='relu'))]:
    a = h
    for layer in range(5):
        lin = nn.Linear(100, 100, bias=False)
        init(lin.weight)
        a = torch.tanh(lin(a))
    print(f'{gain_name:>15}: std after 5 tanh layers {a.std().item():.4f}')

print(nn.init.calculate_gain('relu'), nn.init.calculate_gain('tanh'), math.sqrt(2.0))
w = torch.empty(3, 5)
nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('relu'))
print(w)
