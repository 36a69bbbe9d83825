# Stochastic weight averaging on a small regression net with BatchNorm: AveragedModel beside the model,
# CosineAnnealingLR until swa_start then SWALR, update_bn over the loader at the end; an EMA model through
# avg_fn (and use_buffers=True); the optimizer's param_groups read through keys()/items().
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.swa_utils import SWALR, AveragedModel, update_bn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(3)
X = torch.randn(48, 4)
y = (X[:, :1] * 1.5 - X[:, 1:2] + 0.1 * torch.randn(48, 1)).detach()
loader = DataLoader(TensorDataset(X, y), batch_size=12, shuffle=True)

model = nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 1))
optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
swa_model = AveragedModel(model)
print(swa_model)
print('n_averaged at start:', swa_model.n_averaged)
scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=20)
swa_start = 4
swa_scheduler = SWALR(optimizer, swa_lr=0.01, anneal_epochs=3, anneal_strategy='cos')
print(optimizer.param_groups[0].keys())

for epoch in range(9):
    total = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = F.mse_loss(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    if epoch > swa_start:
        swa_model.update_parameters(model)
        swa_scheduler.step()
    else:
        scheduler.step()
    print(f'epoch {epoch} loss {total / len(X):.4f} lr {optimizer.param_groups[0]["lr"]:.5f} averaged {int(swa_model.n_averaged)}')

print('running_mean before update_bn:', swa_model.module[1].running_mean[:4])
update_bn(loader, swa_model)
print('running_mean after update_bn: ', swa_model.module[1].running_mean[:4])
print('num_batches_tracked:', swa_model.module[1].num_batches_tracked, 'momentum back:', swa_model.module[1].momentum)
swa_model.eval()
model.eval()
with torch.no_grad():
    print('swa mse:', round(F.mse_loss(swa_model(X), y).item(), 4), 'last mse:', round(F.mse_loss(model(X), y).item(), 4))
print(list(swa_model.state_dict().keys())[:4])
print({k: v for k, v in swa_scheduler.state_dict().items() if k != 'anneal_func'})
print([(k, v) for k, v in optimizer.param_groups[0].items() if k != 'params'])

# An exponential moving average of weights and buffers.
decay = 0.8
ema = AveragedModel(model, avg_fn=lambda avg, new, n: decay * avg + (1 - decay) * new, use_buffers=True)
model.train()
for step in range(3):
    optimizer.zero_grad()
    F.mse_loss(model(X[:16]), y[:16]).backward()
    optimizer.step()
    ema.update_parameters(model)
print('ema steps:', ema.n_averaged.item())
print('ema bias:', ema.module[3].bias.data, 'model bias:', model[3].bias.data)
print('ema running_var:', ema.module[1].running_var[:3])

# The linear schedule, one lr per group.
opt2 = optim.Adam([{'params': model[0].parameters()}, {'params': model[3].parameters(), 'lr': 0.02}], lr=0.1)
lin = SWALR(opt2, swa_lr=[0.05, 0.001], anneal_epochs=2, anneal_strategy='linear')
for _ in range(3):
    opt2.step()
    lin.step()
    print([round(lr, 6) for lr in lin.get_last_lr()])
try:
    SWALR(opt2, swa_lr=0.1, anneal_strategy='step')
except ValueError as err:
    print('ValueError:', err)
