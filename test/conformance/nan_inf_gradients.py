# Hunting a NaN through activations: a learner feeds a tensor with nan, inf and signed zeros through the
# usual rectifiers and clamps, prints the outputs and the gradients backward gives, and counts where the
# gradient became NaN (torch.isnan(x.grad)), as debugging notes for "loss is nan" do.
import torch
import torch.nn as nn
import torch.nn.functional as F

values = [float('nan'), float('inf'), float('-inf'), 0.0, -0.0, 2.5, -2.5, 7.0]

activations = {
    'relu': torch.relu,
    'nn.ReLU': nn.ReLU(),
    'relu6': F.relu6,
    'hardtanh': F.hardtanh,
    'hardtanh(-2, 2)': lambda t: F.hardtanh(t, -2.0, 2.0),
    'leaky_relu(0.2)': lambda t: F.leaky_relu(t, 0.2),
    'elu': F.elu,
    'selu': F.selu,
    'celu': F.celu,
    'gelu': F.gelu,
    'silu': F.silu,
    'softplus': F.softplus,
    'hardswish': F.hardswish,
    'hardsigmoid': F.hardsigmoid,
    'threshold(1, -5)': lambda t: F.threshold(t, 1.0, -5.0),
    'clamp(-1, 1)': lambda t: t.clamp(-1, 1),
    'clamp(min=0)': lambda t: torch.clamp(t, min=0),
    'clamp(max=0)': lambda t: t.clamp(max=0),
    'maximum(x, 0)': lambda t: torch.maximum(t, torch.zeros_like(t)),
    'minimum(x, 1)': lambda t: torch.minimum(t, torch.ones_like(t)),
    'abs': torch.abs,
    'sigmoid': torch.sigmoid,
    'tanh': torch.tanh,
}

for name, f in activations.items():
    x = torch.tensor(values, requires_grad=True)
    y = f(x)
    y.sum().backward()
    print(f'{name:>16}: y={y.detach().tolist()}')
    print(f'{"":>16}  grad={x.grad.tolist()} nan grads={int(torch.isnan(x.grad).sum())}')

# A tiny network whose input has one NaN: which parameters' gradients are poisoned.
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
batch = torch.tensor([[0.5, -1.0, 2.0], [float('nan'), 0.0, 1.0]])
loss = net(batch).pow(2).mean()
loss.backward()
print('loss', loss.item())
for pname, p in net.named_parameters():
    print(pname, 'nan grads:', int(torch.isnan(p.grad).sum()), 'of', p.grad.numel())

# relu keeps the sign of zero, and its backward passes the gradient of a NaN input.
z = torch.tensor([-0.0, 0.0, -1e-30, float('nan')], requires_grad=True)
r = F.relu(z)
print(r, torch.signbit(r))
r.backward(torch.tensor([1.0, 2.0, 3.0, 4.0]))
print(z.grad)
w = torch.tensor([-0.0, float('nan'), 3.0])
print(F.relu(w, inplace=True), w)
print(torch.relu(torch.tensor([-0.0, 2.0], dtype=torch.float64)))
