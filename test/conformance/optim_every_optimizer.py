# Every torch.optim optimizer on the same small seeded regression: a few steps each from the same start,
# printing the optimizer, the losses and the final weights; then the idioms around them (parameter groups
# with their own lr, decaying the lr by hand, add_param_group, state_dict and load_state_dict).
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(7)
x = torch.randn(24, 3)
true_w = torch.tensor([[2.0], [-1.0], [0.5]])
y = x @ true_w + 0.25 + 0.05 * torch.randn(24, 1)
start = nn.Linear(3, 1).state_dict()
criterion = nn.MSELoss()


def train(make, steps=5):
    model = nn.Linear(3, 1)
    model.load_state_dict(start)
    optimizer = make(model.parameters())
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return model, optimizer, losses


configs = [
    ("SGD", lambda p: optim.SGD(p, lr=0.05)),
    ("SGD momentum", lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True)),
    ("Adam", lambda p: optim.Adam(p, lr=0.05)),
    ("AdamW", lambda p: optim.AdamW(p, lr=0.05, weight_decay=0.1)),
    ("RMSprop", lambda p: optim.RMSprop(p, lr=0.01)),
    ("Adagrad", lambda p: optim.Adagrad(p, lr=0.1)),
    ("Adadelta", lambda p: optim.Adadelta(p)),
    ("Adamax", lambda p: optim.Adamax(p, lr=0.05)),
    ("NAdam", lambda p: optim.NAdam(p, lr=0.05)),
    ("RAdam", lambda p: optim.RAdam(p, lr=0.05)),
    ("Rprop", lambda p: optim.Rprop(p)),
    ("ASGD", lambda p: optim.ASGD(p, lr=0.05, t0=2)),
]

for name, make in configs:
    model, optimizer, losses = train(make)
    print(optimizer)
    print(f"{name}: losses", " ".join(f"{v:.5f}" for v in losses))
    print("  weight", model.weight.data, "bias", model.bias.data)

# One optimizer, two groups: the bias learns ten times slower.
model = nn.Linear(3, 1)
model.load_state_dict(start)
optimizer = optim.SGD([{"params": [model.weight]}, {"params": [model.bias], "lr": 1e-3}], lr=1e-2, momentum=0.9)
print(optimizer)
for epoch in range(6):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    if epoch % 2 == 1:
        for g in optimizer.param_groups:
            g["lr"] *= 0.5
    print(epoch, round(loss.item(), 5), [g["lr"] for g in optimizer.param_groups])

extra = torch.zeros(2, requires_grad=True)
optimizer.add_param_group({"params": extra, "lr": 0.3})
print(len(optimizer.param_groups), optimizer.param_groups[2]["momentum"], optimizer.param_groups[2]["lr"])

# What a checkpoint keeps: state per parameter index, the groups' settings.
model, optimizer, _ = train(lambda p: optim.Adam(p, lr=0.05), steps=3)
sd = optimizer.state_dict()
print(list(sd.keys()), list(sd["param_groups"][0].keys()))
print(sorted(sd["state"].keys()), list(sd["state"][0].keys()), sd["state"][0]["step"])
for name, make in configs[6:]:
    model, optimizer, _ = train(make, steps=2)
    state = optimizer.state_dict()["state"][1]
    print(name, {k: (tuple(v.shape) if torch.is_tensor(v) and v.dim() > 0 else v) for k, v in state.items()})

model, optimizer, _ = train(lambda p: optim.NAdam(p, lr=0.05), steps=3)
fresh = optim.NAdam(model.parameters(), lr=0.5)
fresh.load_state_dict(optimizer.state_dict())
print(fresh.param_groups[0]["lr"], fresh.state_dict()["state"][0]["mu_product"])
