# d2l 6.7 "GPUs" run on a machine without one (a cuda device is only named when one exists): try_gpu(i)
# and try_all_gpus() falling back to the CPU,
# torch.device reprs, X.device of tensors made with device=try_gpu(), a copy that stays put (X.cpu() is X),
# a Sequential moved with net.to(device=try_gpu()), the parameters' device, and a small model trained
# on whatever device was picked (the book's "move data and model to the same device" habit); d2l 13.6's concise
# multi-GPU training wraps the net in nn.DataParallel(net, device_ids=try_all_gpus()), which on the CPU calls the
# net itself (empty device_ids, `module.` state_dict keys).
import torch
from torch import nn


def cpu():
    return torch.device('cpu')


def num_gpus():
    return torch.cuda.device_count()


print(cpu(), repr(cpu()), cpu().type, cpu().index)
print('num_gpus:', num_gpus(), torch.cuda.is_available())


def try_gpu(i=0):
    """Return gpu(i) if exists, otherwise return cpu()."""
    return torch.device(f'cuda:{i}') if torch.cuda.device_count() >= i + 1 else torch.device('cpu')


def try_all_gpus():
    """Return all available GPUs, or [cpu(),] if no GPU exists."""
    devices = [torch.device(f'cuda:{i}') for i in range(torch.cuda.device_count())]
    return devices if devices else [torch.device('cpu')]


print(try_gpu(), try_gpu(10), try_all_gpus())

x = torch.tensor([1, 2, 3])
print(x.device, x.is_cuda, x.get_device())

X = torch.ones(2, 3, device=try_gpu())
print(X)
Y = torch.rand(2, 3, device=try_gpu(1)) if torch.cuda.device_count() > 1 else torch.zeros(2, 3, device=try_gpu(1))
print(Y)
Z = X.to(try_gpu(1))
print(Z, Z.device)
print(X + Z)
print(Z.cpu() is Z, Z.to('cpu') is Z, Z.to(try_gpu()) is Z, Z.to(torch.float64) is Z)
print(X.device == Z.device, X.device == torch.device('cpu'), str(X.device) == 'cpu')

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 1))
net = net.to(device=try_gpu())
print(net(X))
print(net[0].weight.data.device)
print(next(net.parameters()).device, {p.device.type for p in net.parameters()})

# Train on the picked device: inputs, targets and the model all moved there.
device = try_gpu()
torch.manual_seed(1)
features = torch.randn(64, 3)
labels = features @ torch.tensor([[2.0], [-3.4], [1.5]]) + 4.2
features, labels = features.to(device), labels.to(device)
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1)).to(device)
trainer = torch.optim.SGD(model.parameters(), lr=0.05)
loss_fn = nn.MSELoss()
for epoch in range(30):
    for i in range(0, 64, 16):
        Xb, yb = features[i:i + 16], labels[i:i + 16]
        loss = loss_fn(model(Xb), yb)
        trainer.zero_grad()
        loss.backward()
        trainer.step()
    if (epoch + 1) % 10 == 0:
        with torch.no_grad():
            print(f'epoch {epoch + 1}, loss {loss_fn(model(features), labels):f}, on {loss.device}')

# The book's timing cell, without the clock: matrix products on every device in the list.
for d in try_all_gpus():
    a = torch.ones((100, 100), device=d)
    b = a @ a
    print(d, b.shape, b[0, :3], b.sum().item())

# The book's newer helpers name a GPU device whether or not one exists (only putting a tensor there needs it).
def gpu(i=0):
    return torch.device(f'cuda:{i}')


print(cpu(), gpu(), gpu(1))
print(repr(gpu()), gpu().type, gpu(1).index, gpu() == torch.device('cuda', 0))
print(torch.cuda.device_count(), [gpu(i) for i in range(torch.cuda.device_count())] or [cpu()])
print(isinstance(gpu(), torch.device), isinstance(torch.ones(1).device, torch.device), type(cpu()))
print(torch.ones(1).device == cpu(), torch.ones(1).device == 'cpu', str(torch.ones(1).device) == 'cpu')

# d2l 13.6 "Concise Implementation for Multiple GPUs": DataParallel over whatever try_all_gpus() found
torch.manual_seed(2)
base = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
dp_net = nn.DataParallel(base, device_ids=[cpu()])
print(dp_net)
print(dp_net.device_ids, dp_net.module is base, list(dp_net.state_dict())[:2])
dp_trainer = torch.optim.SGD(dp_net.parameters(), lr=0.1)
Xd, yd = torch.randn(16, 4), torch.randn(16, 1)
for _ in range(3):
    dp_trainer.zero_grad()
    dp_loss = nn.functional.mse_loss(dp_net(Xd), yd)
    dp_loss.backward()
    dp_trainer.step()
print(f'{dp_loss.item():.5f}', torch.nn.parallel.DataParallel is nn.DataParallel)
