# A train/validation/test workflow as course notebooks and Kaggle kernels write it: random_split with a seeded
# generator, DataLoader(shuffle=True, drop_last=True, generator=g), an MLP with BatchNorm1d and Dropout switched
# by model.train()/model.eval(), AdamW, ReduceLROnPlateau on the validation loss, and an EarlyStopping class
# that keeps copy.deepcopy(model.state_dict()) of the best epoch and restores it at the end.
import copy

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(3)
n = 120
centers = torch.tensor([[1.0, 1.0, 0.0, 0.0], [-1.0, 0.0, 1.0, 0.0], [0.0, -1.0, -1.0, 1.0]])
y_all = torch.randint(0, 3, (n,))
X_all = centers[y_all] + 0.9 * torch.randn(n, 4)
flip = torch.rand(n) < 0.15  # label noise, so that the model can overfit
y_all[flip] = torch.randint(0, 3, (int(flip.sum()),))

dataset = TensorDataset(X_all, y_all)
train_set, val_set, test_set = random_split(dataset, [80, 20, 20], generator=torch.Generator().manual_seed(42))
print("sizes:", len(train_set), len(val_set), len(test_set))
print("first train indices:", train_set.indices[:8])

g = torch.Generator()
g.manual_seed(0)
train_loader = DataLoader(train_set, batch_size=16, shuffle=True, drop_last=True, generator=g)
val_loader = DataLoader(val_set, batch_size=10)
test_loader = DataLoader(test_set, batch_size=10)
print("batches per epoch:", len(train_loader), len(val_loader))


class MLP(nn.Module):
    def __init__(self, p=0.3):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(4, 32),
            nn.BatchNorm1d(32),
            nn.ReLU(),
            nn.Dropout(p),
            nn.Linear(32, 3),
        )

    def forward(self, x):
        return self.net(x)


class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.counter = 0
        self.best_loss = None
        self.best_state = None
        self.best_epoch = -1
        self.early_stop = False

    def __call__(self, val_loss, model, epoch):
        if self.best_loss is None or val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.best_state = copy.deepcopy(model.state_dict())
            self.best_epoch = epoch
            self.counter = 0
        else:
            self.counter += 1
            print(f"  EarlyStopping counter: {self.counter} out of {self.patience}")
            if self.counter >= self.patience:
                self.early_stop = True


def evaluate(model, loader, loss_fn):
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for xb, yb in loader:
            out = model(xb)
            total_loss += loss_fn(out, yb).item() * xb.size(0)
            correct += (out.argmax(dim=1) == yb).sum().item()
            count += xb.size(0)
    return total_loss / count, correct / count


model = MLP()
loss_fn = nn.CrossEntropyLoss()
optimizer = optim.AdamW(model.parameters(), lr=0.05, weight_decay=1e-2)
scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=1)
stopper = EarlyStopping(patience=3)
history = {"train_loss": [], "val_loss": [], "val_acc": []}

for epoch in range(1, 16):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * xb.size(0)
    train_loss = running / (len(train_loader) * train_loader.batch_size)
    val_loss, val_acc = evaluate(model, val_loader, loss_fn)
    scheduler.step(val_loss)
    history["train_loss"].append(train_loss)
    history["val_loss"].append(val_loss)
    history["val_acc"].append(val_acc)
    lr = optimizer.param_groups[0]["lr"]
    print(f"Epoch {epoch:2d} | train {train_loss:.3f} | val {val_loss:.3f} | acc {val_acc:.2f} | lr {lr:.4f}")
    stopper(val_loss, model, epoch)
    if stopper.early_stop:
        print(f"Early stopping at epoch {epoch}; best epoch {stopper.best_epoch} (val {stopper.best_loss:.3f})")
        break

# The deep copy did not follow the later updates; restoring it brings the best epoch back.
key = "net.0.weight"
print("kept copy differs from current:", not torch.equal(stopper.best_state[key], model.state_dict()[key]))
print(list(stopper.best_state.keys()))
print("num_batches_tracked kept:", stopper.best_state["net.1.num_batches_tracked"].item())
print(model.load_state_dict(stopper.best_state))
print("restored val:", "%.3f" % evaluate(model, val_loader, loss_fn)[0])
test_loss, test_acc = evaluate(model, test_loader, loss_fn)
print(f"Test loss {test_loss:.3f}, accuracy {100 * test_acc:.1f}%")
print("best val loss so far:", round(min(history["val_loss"]), 3), "epochs run:", len(history["val_loss"]))

# train() vs eval(): Dropout and BatchNorm change behaviour, and .training follows the call.
xb = X_all[:4]
model.train()
print("training flags:", model.training, model.net[3].training)
a, b = model(xb), model(xb)
print("train-mode outputs equal:", torch.equal(a, b))
model.eval()
print("training flags:", model.training, model.net[1].training)
with torch.no_grad():
    a, b = model(xb), model(xb)
print("eval-mode outputs equal:", torch.equal(a, b))
print("predictions:", a.argmax(1).tolist(), "labels:", y_all[:4].tolist())
