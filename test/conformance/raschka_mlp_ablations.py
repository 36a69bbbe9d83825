# Raschka's "Deep Learning Fundamentals" (Lightning AI), units 4-6 in plain PyTorch: an XOR MLP as a
# torch.nn.Sequential, a PyTorchMLP class (`self.all_layers`, `torch.flatten(x, start_dim=1)`) on generated
# 6x6 "digits" split with random_split(lengths=..., generator=torch.Generator().manual_seed(42)), DataLoaders
# with num_workers=0, compute_total_loss (cross_entropy with reduction="sum" / examples), the train loop's
# "Epoch: 001/004 | Batch 000/013 | Train Batch Loss: ... | Val Total Loss: ..." line, compute_accuracy that
# returns a tensor (`correct += torch.sum(compare)`) printed as `{train_acc*100:.2f}%`, the minibatch losses'
# running average by np.convolve(..., mode='valid') as plot_training_loss draws it, the state_dict saved
# and loaded back; an MLP regression; unit 5.4's reproducibility switches (use_deterministic_algorithms,
# cudnn flags); unit 6's ablations: a Lightning-style configure_optimizers dict ({"scheduler", "monitor",
# "interval"}) driven by hand with StepLR, ReduceLROnPlateau and per-step CosineAnnealingLR, SGD with momentum
# vs Adam, weight init by `model.modules()` (kaiming_uniform_(nonlinearity="relu"), xavier_uniform_,
# `m.bias.detach().zero_()`), dropout and batchnorm variants; finally what `import lightning` does here.
import os
import tempfile

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.dataset import random_split

torch.manual_seed(123)
torch.use_deterministic_algorithms(True)
torch.backends.cudnn.benchmark = False
torch.backends.cudnn.deterministic = True
print('deterministic:', torch.are_deterministic_algorithms_enabled())

# --- unit 4.3: XOR with an MLP --------------------------------------------------------------------------
X_xor = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]).repeat(8, 1)
X_xor = X_xor + 0.1 * torch.randn(X_xor.shape)
y_xor = (X_xor.round()[:, 0] != X_xor.round()[:, 1]).long()
xor_model = torch.nn.Sequential(
    torch.nn.Linear(2, 8),
    torch.nn.ReLU(),
    torch.nn.Linear(8, 8),
    torch.nn.ReLU(),
    torch.nn.Linear(8, 2),
)
print(xor_model)
optimizer = torch.optim.SGD(xor_model.parameters(), lr=0.5)
for epoch in range(60):
    logits = xor_model(X_xor)
    loss = F.cross_entropy(logits, y_xor)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if not epoch % 20:
        print(f'Epoch: {epoch + 1:03d}/060 | Train Loss: {loss:.2f}')
print('XOR accuracy:', (xor_model(X_xor).argmax(dim=1) == y_xor).float().mean().item())


# --- unit 4.3-5.2: an MLP on generated "digits" -------------------------------------------------------
class PyTorchMLP(torch.nn.Module):
    def __init__(self, num_features, num_classes):
        super().__init__()
        self.all_layers = torch.nn.Sequential(
            # 1st hidden layer
            torch.nn.Linear(num_features, 24),
            torch.nn.ReLU(),
            # 2nd hidden layer
            torch.nn.Linear(24, 12),
            torch.nn.ReLU(),
            # output layer
            torch.nn.Linear(12, num_classes),
        )

    def forward(self, x):
        x = torch.flatten(x, start_dim=1)
        logits = self.all_layers(x)
        return logits


def make_digits(n, seed):
    g = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 4, (n,), generator=g)
    images = 0.9 * torch.randn(n, 1, 6, 6, generator=g)
    for k in range(4):
        rows = labels == k
        images[rows, 0, k:k + 3, k % 3:k % 3 + 3] += 0.5
    return TensorDataset(images, labels)


def get_dataset_loaders():
    train_dataset = make_digits(480, 1)
    test_dataset = make_digits(120, 2)
    train_dataset, val_dataset = random_split(train_dataset, lengths=[400, 80],
                                              generator=torch.Generator().manual_seed(42))
    train_loader = DataLoader(dataset=train_dataset, num_workers=0, batch_size=32, shuffle=True)
    val_loader = DataLoader(dataset=val_dataset, num_workers=0, batch_size=32, shuffle=False)
    test_loader = DataLoader(dataset=test_dataset, num_workers=0, batch_size=32, shuffle=False)
    return train_loader, val_loader, test_loader


def compute_accuracy(model, dataloader, device=None):
    if device is None:
        device = torch.device('cpu')
    model = model.eval()
    correct = 0.0
    total_examples = 0
    for idx, (features, labels) in enumerate(dataloader):
        features, labels = features.to(device), labels.to(device)
        with torch.no_grad():
            logits = model(features)
        predictions = torch.argmax(logits, dim=1)
        compare = labels == predictions
        correct += torch.sum(compare)
        total_examples += len(compare)
    return correct / total_examples


def compute_total_loss(model, dataloader, device=None):
    model = model.eval()
    loss = 0.0
    examples = 0.0
    for idx, (features, labels) in enumerate(dataloader):
        features, labels = features.to(device), labels.to(device)
        with torch.no_grad():
            logits = model(features)
            batch_loss = F.cross_entropy(logits, labels, reduction='sum')
        loss += batch_loss.item()
        examples += logits.shape[0]
    return loss / examples


minibatch_loss_list = []


def train(model, optimizer, train_loader, val_loader, num_epochs=4, seed=1, device=None, log=True, sched=None):
    torch.manual_seed(seed)
    minibatch_loss_list.clear()
    for epoch in range(num_epochs):
        model = model.train()
        for batch_idx, (features, labels) in enumerate(train_loader):
            features, labels = features.to(device), labels.to(device)
            logits = model(features)
            loss = F.cross_entropy(logits, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            minibatch_loss_list.append(loss.item())
            if sched is not None and sched['interval'] == 'step':
                sched['scheduler'].step()
            if log and not batch_idx % 6:
                val_loss = compute_total_loss(model, val_loader, device=device)
                print(f'Epoch: {epoch + 1:03d}/{num_epochs:03d}'
                      f' | Batch {batch_idx:03d}/{len(train_loader):03d}'
                      f' | Train Batch Loss: {loss:.4f}'
                      f' | Val Total Loss: {val_loss:.4f}')
        if sched is not None and sched['interval'] == 'epoch':
            if 'monitor' in sched:
                sched['scheduler'].step(compute_total_loss(model, val_loader, device=device))
            else:
                sched['scheduler'].step()
    return model


print('Torch CUDA available?', torch.cuda.is_available())
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
train_loader, val_loader, test_loader = get_dataset_loaders()
print(len(train_loader.dataset), len(val_loader.dataset), len(test_loader), type(train_loader.dataset).__name__)
features, labels = next(iter(train_loader))
print(features.shape, labels[:10], torch.bincount(labels, minlength=4))

torch.manual_seed(1)
model = PyTorchMLP(num_features=36, num_classes=4)
model.to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.2)
train(model, optimizer, train_loader=train_loader, val_loader=val_loader, num_epochs=4, seed=1, device=device)
train_acc = compute_accuracy(model, train_loader, device=device)
val_acc = compute_accuracy(model, val_loader, device=device)
test_acc = compute_accuracy(model, test_loader, device=device)
print(f'Train Acc {train_acc*100:.2f}%'
      f' | Val Acc {val_acc*100:.2f}%'
      f' | Test Acc {test_acc*100:.2f}%')
print(repr(test_acc))
# what plot_training_loss draws: the minibatch losses and their running average
averaging_iterations = 10
running = np.convolve(minibatch_loss_list, np.ones(averaging_iterations,) / averaging_iterations, mode='valid')
print(len(minibatch_loss_list), running.shape, 'ylim top', np.max(minibatch_loss_list[10:]) * 1.5)
print(running[::8])

with tempfile.TemporaryDirectory() as tmp:
    PATH = os.path.join(tmp, 'plain-pytorch.pt')
    torch.save(model.state_dict(), PATH)
    model2 = PyTorchMLP(num_features=36, num_classes=4)
    model2.load_state_dict(torch.load(PATH))
    model2.eval()
    print('reloaded test acc equal:', bool(compute_accuracy(model2, test_loader) == test_acc))
    print(list(torch.load(PATH).keys()))

# --- unit 4.5: MLP regression -------------------------------------------------------------------------
g = torch.Generator().manual_seed(5)
x_reg = torch.linspace(-3, 3, 40).view(-1, 1)
y_reg = 0.5 * x_reg ** 2 - x_reg + 0.3 * torch.randn(40, 1, generator=g)
x_mean, x_std = x_reg.mean(), x_reg.std()
y_mean, y_std = y_reg.mean(), y_reg.std()
x_norm = (x_reg - x_mean) / x_std
y_norm = (y_reg - y_mean) / y_std
torch.manual_seed(1)
reg = torch.nn.Sequential(torch.nn.Linear(1, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
opt = torch.optim.Adam(reg.parameters(), lr=0.05)
for epoch in range(100):
    loss = F.mse_loss(reg(x_norm), y_norm)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if not epoch % 25:
        print(f'Epoch: {epoch + 1:03d}/100 | MSE: {loss:.4f}')
with torch.no_grad():
    y_pred = reg((torch.tensor([[-2.0], [0.0], [2.0]]) - x_mean) / x_std) * y_std + y_mean
print('predictions:', y_pred.view(-1))


# --- unit 6: learning-rate schedulers, optimizers, init, dropout, batchnorm ------------------------------
def configure_optimizers(model, kind):
    # as a LightningModule returns it, read by our loop instead of a Trainer
    optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
    if kind == 'step':
        sch = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
        return {'optimizer': optimizer, 'lr_scheduler': {'scheduler': sch, 'interval': 'epoch', 'frequency': 1}}
    if kind == 'plateau':
        sch = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=0, threshold=0.05)
        return {'optimizer': optimizer,
                'lr_scheduler': {'scheduler': sch, 'monitor': 'val_loss', 'interval': 'epoch', 'frequency': 1}}
    sch = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=4 * len(train_loader))
    return {'optimizer': optimizer, 'lr_scheduler': {'scheduler': sch, 'interval': 'step', 'frequency': 1}}


for kind in ['step', 'plateau', 'cosine']:
    torch.manual_seed(1)
    model = PyTorchMLP(num_features=36, num_classes=4)
    config = configure_optimizers(model, kind)
    train(model, config['optimizer'], train_loader, val_loader, log=False, sched=config['lr_scheduler'])
    lr = config['optimizer'].param_groups[0]['lr']
    print(f'{kind:8s}: final lr {lr:.6f} | Val Acc {compute_accuracy(model, val_loader)*100:.2f}%')

for name, make_opt in [('SGD', lambda p: torch.optim.SGD(p, lr=0.05)),
                       ('SGD+momentum', lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
                       ('Adam', lambda p: torch.optim.Adam(p, lr=0.005))]:
    torch.manual_seed(1)
    model = PyTorchMLP(num_features=36, num_classes=4)
    train(model, make_opt(model.parameters()), train_loader, val_loader, log=False)
    print(f'{name:12s}: val loss {compute_total_loss(model, val_loader):.4f}')


def init_weights(model, how):
    for m in model.modules():
        if isinstance(m, torch.nn.Linear):
            if how == 'kaiming':
                torch.nn.init.kaiming_uniform_(m.weight, mode='fan_in', nonlinearity='relu')
            else:
                torch.nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                m.bias.detach().zero_()


for how in ['default', 'kaiming', 'xavier']:
    torch.manual_seed(1)
    model = PyTorchMLP(num_features=36, num_classes=4)
    if how != 'default':
        init_weights(model, how)
    first = model.all_layers[0]
    print(f'{how:8s}: weight std {first.weight.std():.4f} bias sum {first.bias.sum():.4f}', end=' ')
    train(model, torch.optim.SGD(model.parameters(), lr=0.1), train_loader, val_loader, log=False)
    print(f'| Val Acc {compute_accuracy(model, val_loader)*100:.2f}%')


class RegularizedMLP(torch.nn.Module):
    def __init__(self, num_features, num_classes, drop_proba=0.0, batchnorm=False):
        super().__init__()
        layers = [torch.nn.Linear(num_features, 24, bias=not batchnorm)]
        if batchnorm:
            layers.append(torch.nn.BatchNorm1d(24))
        layers += [torch.nn.ReLU(), torch.nn.Dropout(drop_proba), torch.nn.Linear(24, num_classes)]
        self.all_layers = torch.nn.Sequential(*layers)

    def forward(self, x):
        return self.all_layers(torch.flatten(x, start_dim=1))


for drop, bn in [(0.0, False), (0.5, False), (0.0, True), (0.2, True)]:
    torch.manual_seed(1)
    model = RegularizedMLP(36, 4, drop_proba=drop, batchnorm=bn)
    train(model, torch.optim.SGD(model.parameters(), lr=0.1), train_loader, val_loader, log=False)
    train_acc = compute_accuracy(model, train_loader)
    val_acc = compute_accuracy(model, val_loader)
    print(f'dropout {drop} batchnorm {bn}: Train Acc {train_acc*100:.2f}% | Val Acc {val_acc*100:.2f}%')
print(RegularizedMLP(36, 4, drop_proba=0.2, batchnorm=True))
bn = model.all_layers[1]
print('running mean[:3]:', bn.running_mean[:3], 'batches tracked:', bn.num_batches_tracked)

# --- unit 5: Lightning itself is not here -------------------------------------------------------------
for module in ['lightning', 'pytorch_lightning', 'torchmetrics', 'watermark']:
    try:
        __import__(module)
        print(module, 'imported')
    except ImportError as e:
        print(f'{type(e).__name__}: {e}')
