# Idioms: a module whose forward picks its depth at random (`random.randint(4, 6)`) and reuses one
# parameter for every extra term (weight sharing), `nn.Parameter(torch.randn(()))`, a `string()` method,
# `torch.linspace(-math.pi, math.pi, n)`, SGD with momentum on a summed squared error.
# Seen in: PyTorch "Learning PyTorch with Examples", examples_nn/dynamic_net.py (PT-examples).
import math
import random

import torch

random.seed(3)
torch.manual_seed(0)


class Wobbly(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.p0 = torch.nn.Parameter(torch.randn(()))
        self.p1 = torch.nn.Parameter(torch.randn(()))
        self.p2 = torch.nn.Parameter(torch.randn(()))
        self.p3 = torch.nn.Parameter(torch.randn(()))
        self.shared = torch.nn.Parameter(torch.randn(()))

    def forward(self, x):
        y = self.p0 + self.p1 * x + self.p2 * x**2 + self.p3 * x**3
        for power in range(4, random.randint(4, 6)):
            y = y + self.shared * x**power
        return y

    def string(self):
        return (
            f'y = {self.p0.item()} + {self.p1.item()} x + {self.p2.item()} x^2 + {self.p3.item()} x^3 '
            f'+ {self.shared.item()} x^4 ? + {self.shared.item()} x^5 ?'
        )


xs = torch.linspace(-math.pi, math.pi, 200)
ys = torch.sin(xs)
model = Wobbly()
loss_fn = torch.nn.MSELoss(reduction='sum')
opt = torch.optim.SGD(model.parameters(), lr=1e-8, momentum=0.9)
for t in range(120):
    pred = model(xs)
    loss = loss_fn(pred, ys)
    if t % 20 == 19:
        print(t, loss.item())
    opt.zero_grad()
    loss.backward()
    opt.step()
print(f'Result: {model.string()}')
print([name for name, _ in model.named_parameters()])
print(model.shared.grad)
