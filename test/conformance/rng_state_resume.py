# Saving and restoring the random state as learners' reproducibility code does: the CPU RNG state in a
# checkpoint dict next to the model and optimizer (torch.save to io.BytesIO), resuming training so that
# dropout masks and a shuffling DataLoader continue exactly as in the uninterrupted run; get_rng_state's
# shape, dtype and a slice of its bytes; torch.random.fork_rng around an evaluation that draws random
# numbers; a torch.Generator's get_state/set_state replaying its draws; and the errors for a state of the
# wrong size or dtype.
import io

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
torch.rand(5)
state = torch.get_rng_state()
print(state.shape, state.dtype)
print(state[:32].tolist())
print(state[-40:].tolist())
a = torch.rand(3)
torch.set_rng_state(state)
b = torch.rand(3)
print(a, b, torch.equal(a, b))
print(torch.initial_seed())


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 16)
        self.drop = nn.Dropout(0.3)
        self.fc2 = nn.Linear(16, 2)

    def forward(self, x):
        return self.fc2(self.drop(F.relu(self.fc1(x))))


def make_data():
    g = torch.Generator().manual_seed(7)
    X = torch.randn(40, 4, generator=g)
    y = (X[:, 0] - X[:, 1] > 0).long()
    return TensorDataset(X, y)


def train_epoch(model, optimizer, loader):
    criterion = nn.CrossEntropyLoss()
    total = 0.0
    first_batch = None
    for xb, yb in loader:
        if first_batch is None:
            first_batch = yb.tolist()
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader), first_batch


# The uninterrupted run: four epochs.
torch.manual_seed(42)
model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loader = DataLoader(make_data(), batch_size=8, shuffle=True)
for epoch in range(4):
    loss, first = train_epoch(model, optimizer, loader)
    print(f"epoch {epoch}: loss {loss:.6f} first batch labels {first}")
straight = model.fc2.weight.detach().clone()

# The same run stopped after two epochs with a checkpoint, then resumed in a fresh model.
torch.manual_seed(42)
model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loader = DataLoader(make_data(), batch_size=8, shuffle=True)
for epoch in range(2):
    train_epoch(model, optimizer, loader)
buffer = io.BytesIO()
torch.save(
    {
        "epoch": 2,
        "model_state_dict": model.state_dict(),
        "optimizer_state_dict": optimizer.state_dict(),
        "rng_state": torch.get_rng_state(),
    },
    buffer,
)

torch.manual_seed(1234)  # the new process's own seed: the checkpoint's state must win
model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
buffer.seek(0)
checkpoint = torch.load(buffer)
model.load_state_dict(checkpoint["model_state_dict"])
optimizer.load_state_dict(checkpoint["optimizer_state_dict"])
torch.set_rng_state(checkpoint["rng_state"])
print(checkpoint["rng_state"].shape, checkpoint["rng_state"][8:24].tolist())
loader = DataLoader(make_data(), batch_size=8, shuffle=True)
for epoch in range(checkpoint["epoch"], 4):
    loss, first = train_epoch(model, optimizer, loader)
    print(f"resumed epoch {epoch}: loss {loss:.6f} first batch labels {first}")
print("same weights as the uninterrupted run:", torch.equal(straight, model.fc2.weight))


# An evaluation that draws random numbers (Monte Carlo dropout) must not change the training's stream.
def mc_dropout_eval(model, x, samples=5):
    model.train()
    with torch.no_grad():
        return torch.stack([model(x).softmax(dim=1) for _ in range(samples)]).mean(0)


torch.manual_seed(3)
x = torch.randn(4, 4)
with torch.random.fork_rng():
    probs = mc_dropout_eval(model, x)
after_fork = torch.rand(4)
torch.manual_seed(3)
x = torch.randn(4, 4)
print(probs)
print(after_fork, torch.equal(after_fork, torch.rand(4)))
with torch.random.fork_rng(enabled=False):
    torch.rand(2)
print(torch.rand(2))

# A generator of its own: save its state, draw, restore, draw the same again.
g = torch.Generator().manual_seed(2**40 + 1)
print(g.get_state().shape, g.get_state()[:8].tolist())
saved = g.get_state()
first = torch.randn(6, generator=g)
perm = torch.randperm(10, generator=g)
g.set_state(saved)
print(first, perm)
print(torch.equal(first, torch.randn(6, generator=g)), torch.equal(perm, torch.randperm(10, generator=g)))
other = torch.Generator()
other.set_state(saved)
print(other.initial_seed(), torch.randn(2, generator=other))

# What set_rng_state refuses.
for bad in (state[:100], state.float(), [0] * 5056):
    try:
        torch.set_rng_state(bad)
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
print(torch.rand(2))
