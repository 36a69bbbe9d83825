# Every torch.optim.lr_scheduler kind, stepped once per epoch after optimizer.step() as the docs ask,
# printing get_last_lr() each epoch; then verbose=True, a scheduler's state_dict, SequentialLR and
# ChainedScheduler built from others, OneCycleLR cycling momentum, and the warnings PyTorch gives when the
# order is wrong or an epoch is passed to step().
import math
import warnings

import torch
from torch import nn, optim
from torch.optim import lr_scheduler


def optimizer_for(lr=0.1, momentum=0.9):
    model = nn.Linear(2, 1)
    return optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def show(name, make, epochs=10, lr=0.1):
    opt = optimizer_for(lr)
    sched = make(opt)
    lrs = []
    for epoch in range(epochs):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    print(f"{name:>22}:", " ".join(f"{v:.6g}" for v in lrs), "| last_epoch", getattr(sched, "last_epoch", "-"))


show("StepLR", lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5))
show("MultiStepLR", lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 6], gamma=0.1))
show("ExponentialLR", lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9))
show("CosineAnnealingLR", lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=8, eta_min=0.001), epochs=12)
show("LambdaLR", lambda o: lr_scheduler.LambdaLR(o, lr_lambda=lambda epoch: 0.95**epoch))
show("MultiplicativeLR", lambda o: lr_scheduler.MultiplicativeLR(o, lr_lambda=lambda epoch: 0.8))
show("ConstantLR", lambda o: lr_scheduler.ConstantLR(o, factor=0.5, total_iters=4))
show("LinearLR", lambda o: lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=5))
show("PolynomialLR", lambda o: lr_scheduler.PolynomialLR(o, total_iters=6, power=2.0))
show("WarmRestarts", lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2), epochs=12)
show("CyclicLR", lambda o: lr_scheduler.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3), epochs=12)
show(
    "CyclicLR triangular2",
    lambda o: lr_scheduler.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=2, mode="triangular2"),
    epochs=12,
)
show(
    "CyclicLR exp_range",
    lambda o: lr_scheduler.CyclicLR(o, 0.01, 0.1, step_size_up=2, mode="exp_range", gamma=0.9),
    epochs=12,
)
show("OneCycleLR", lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=12), epochs=12)
show(
    "OneCycleLR linear",
    lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, epochs=3, steps_per_epoch=4, anneal_strategy="linear"),
    epochs=12,
)
# SequentialLR switches with step(0) on the next scheduler, which makes PyTorch warn about the epoch argument.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    show(
        "SequentialLR",
        lambda o: lr_scheduler.SequentialLR(
            o,
            schedulers=[lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=3), lr_scheduler.ExponentialLR(o, 0.7)],
            milestones=[3],
        ),
    )
print([w.category.__name__ for w in caught])
show(
    "ChainedScheduler",
    lambda o: lr_scheduler.ChainedScheduler([lr_scheduler.ConstantLR(o, 0.5, total_iters=3), lr_scheduler.ExponentialLR(o, 0.9)]),
)

# A warm-up into cosine, batch by batch, as many training scripts write it.
opt = optimizer_for(lr=0.2)
warmup_epochs, total_epochs = 2, 8
sched = lr_scheduler.LambdaLR(
    opt,
    lambda e: (e + 1) / warmup_epochs
    if e < warmup_epochs
    else 0.5 * (1 + math.cos(math.pi * (e - warmup_epochs) / (total_epochs - warmup_epochs))),
)
for epoch in range(total_epochs):
    opt.step()
    sched.step()
    print(epoch, opt.param_groups[0]["lr"])

# OneCycleLR moves the momentum against the lr.
opt = optimizer_for()
sched = lr_scheduler.OneCycleLR(opt, max_lr=0.3, total_steps=6)
for _ in range(6):
    opt.step()
    sched.step()
    print(f"lr {opt.param_groups[0]['lr']:.5f} momentum {opt.param_groups[0]['momentum']:.5f}")
print(opt)

opt = optim.Adam(nn.Linear(2, 1).parameters(), lr=0.01)
sched = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=4)
opt.step()
sched.step()
print(opt.param_groups[0]["betas"])

# verbose=True prints each change.
opt = optimizer_for()
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5, verbose=True)
for epoch in range(4):
    opt.step()
    sched.step()
print(sched.state_dict())

# What a checkpoint saves for a few more kinds (ReduceLROnPlateau after two epochs without improvement).
for make in (
    lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 4, 4], gamma=0.5),
    lambda o: lr_scheduler.LinearLR(o, start_factor=0.5, total_iters=3),
    lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2),
):
    opt = optimizer_for()
    sched = make(opt)
    opt.step()
    sched.step()
    print(sched.state_dict())
opt = optimizer_for()
plateau = lr_scheduler.ReduceLROnPlateau(opt, patience=1, factor=0.5)
for val_loss in [1.0, 1.2, 1.1, 0.9]:
    plateau.step(val_loss)
print(plateau.state_dict())

opt = optimizer_for()
sched = lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=4, verbose=True)
iters = 2
for epoch in range(2):
    for i in range(iters):
        opt.step()
        sched.step(epoch + i / iters)
print(sched.get_last_lr())

# The warnings, caught so that their text (not their file and line) is what is compared.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    opt = optimizer_for()
    sched = lr_scheduler.ExponentialLR(opt, gamma=0.5)
    sched.step()  # before any optimizer.step(): PyTorch warns
    opt.step()
    sched.step()
    sched.step(5)  # an explicit epoch: deprecated, closed form
    print(sched.get_last_lr())
for w in caught:
    print(w.category.__name__ + ":", w.message)
