# Optimizers and learning-rate schedulers as tutorials and courses use them: printing an optimizer, SGD
# (plain, momentum, nesterov, weight_decay), Adam, AdamW, RMSprop, Adagrad on the same small regression,
# param_groups[0]['lr'], StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, LambdaLR,
# ReduceLROnPlateau, get_last_lr().
import torch
from torch import nn, optim

torch.manual_seed(0)
X = torch.randn(64, 4)
y = X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]]) + 0.1 * torch.randn(64, 1)


def run(make_opt, steps=30):
    torch.manual_seed(1)
    model = nn.Linear(4, 1)
    opt = make_opt(model.parameters())
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(X), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return loss.item(), model.weight.data


opt = optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1, momentum=0.9)
print(opt)
print(optim.Adam(nn.Linear(2, 1).parameters(), lr=1e-3))
print(opt.param_groups[0]['lr'], opt.param_groups[0]['momentum'], len(opt.param_groups[0]['params']))
print(opt.defaults)

for name, make in [
    ('sgd', lambda p: optim.SGD(p, lr=0.05)),
    ('momentum', lambda p: optim.SGD(p, lr=0.05, momentum=0.9)),
    ('nesterov', lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True)),
    ('weight_decay', lambda p: optim.SGD(p, lr=0.05, weight_decay=0.01)),
    ('adam', lambda p: optim.Adam(p, lr=0.1)),
    ('adam_betas', lambda p: optim.Adam(p, lr=0.1, betas=(0.8, 0.99), eps=1e-6)),
    ('adamw', lambda p: optim.AdamW(p, lr=0.1, weight_decay=0.1)),
    ('rmsprop', lambda p: optim.RMSprop(p, lr=0.01)),
    ('adagrad', lambda p: optim.Adagrad(p, lr=0.5)),
]:
    loss, w = run(make)
    print(f'{name:>12}: loss {loss:.6f} w {w}')

model = nn.Linear(4, 1)
optimizer = optim.SGD(model.parameters(), lr=0.1)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
for epoch in range(8):
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr(), optimizer.param_groups[0]['lr'])

for sched_name, make in [
    ('multistep', lambda o: optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5], gamma=0.1)),
    ('exponential', lambda o: optim.lr_scheduler.ExponentialLR(o, gamma=0.9)),
    ('cosine', lambda o: optim.lr_scheduler.CosineAnnealingLR(o, T_max=6)),
    ('lambda', lambda o: optim.lr_scheduler.LambdaLR(o, lr_lambda=lambda epoch: 0.95 ** epoch)),
]:
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    scheduler = make(optimizer)
    lrs = []
    for epoch in range(7):
        optimizer.step()
        scheduler.step()
        lrs.append(round(scheduler.get_last_lr()[0], 6))
    print(sched_name, lrs)

optimizer = optim.SGD(model.parameters(), lr=0.1)
scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode='min', factor=0.5, patience=1)
for epoch, val_loss in enumerate([1.0, 0.9, 0.95, 0.96, 0.97, 0.5, 0.6, 0.7]):
    scheduler.step(val_loss)
    print(epoch, val_loss, optimizer.param_groups[0]['lr'])

torch.manual_seed(2)
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
optimizer = optim.Adam(model.parameters(), lr=0.05)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.3)
for epoch in range(60):
    loss = nn.MSELoss()(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()
    if epoch % 10 == 9:
        print(f'epoch {epoch + 1:3d} loss {loss.item():.5f} lr {scheduler.get_last_lr()[0]:.5f}')
for group in optimizer.param_groups:
    group['lr'] = 0.001
print(optimizer.param_groups[0]['lr'], scheduler.get_last_lr())
