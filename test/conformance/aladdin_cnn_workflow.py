# Aladdin Persson's Machine-Learning-Collection `ML/Pytorch/Basics` idioms around a small CNN, on generated
# images written to a temporary folder (no downloads): `seed_everything(seed=42)` from
# `set_deterministic_behavior/pytorch_set_seeds.py` (`os.environ["PYTHONHASHSEED"]`, `random.seed`,
# `np.random.seed`, `torch.manual_seed`, `torch.cuda.manual_seed`/`manual_seed_all`,
# `torch.backends.cudnn.deterministic = True`, `benchmark = False`); a `custom_dataset/custom_dataset.py`-style
# `Dataset` reading a CSV with `pd.read_csv`, `os.path.join(self.root_dir, self.annotations.iloc[index, 0])`,
# `torch.tensor(int(self.annotations.iloc[index, 1]))`, an optional transform (`transforms.ToTensor()` of HxWxC
# uint8), and `torch.utils.data.random_split(dataset, [a, b])`; `pytorch_std_mean.py`'s `get_mean_std(loader)`
# with `torch.mean(data, dim=[0, 2, 3])`, `data ** 2` and `(E[x^2] - E[x]^2) ** 0.5`; `pytorch_init_weights.py`'s
# `initialize_weights` over `self.modules()` with `isinstance` checks, `nn.init.kaiming_uniform_`,
# `nn.init.constant_` (BatchNorm2d weight 1, biases 0) and `for param in model.parameters(): print(param)`;
# `pytorch_simple_CNN.py`'s `nn.Conv2d(in_channels=..., out_channels=..., kernel_size=(3,3), stride=(1,1),
# padding=(1,1))`, `nn.MaxPool2d(kernel_size=(2,2), stride=(2,2))`, `x.reshape(x.shape[0], -1)`;
# `pytorch_pretrain_finetune.py`'s `Identity` module, `param.requires_grad = False` for every parameter, then
# `model.avgpool = Identity()` and a new `model.classifier = nn.Sequential(...)`; `pytorch_lr_ratescheduler.py`'s
# `ReduceLROnPlateau(optimizer, factor=0.1, patience=..., verbose=True)` stepped with the epoch's mean loss and
# `print(f"Cost at epoch {epoch} is {mean_loss}")`; `pytorch_loadsave.py`'s `save_checkpoint(state,
# filename="my_checkpoint.pth.tar")` / `load_checkpoint(checkpoint, model, optimizer)` with a
# `{"state_dict": ..., "optimizer": ...}` dict; and `pytorch_progress_bar.py`'s `loop = tqdm(loader)`,
# `loop.set_description(f"Epoch [{epoch}/{NUM_EPOCHS}]")`, `loop.set_postfix(loss=..., acc=...)` (written to
# stdout with a bar format without timings, so the text is the same on every machine).
import os
import random
import sys
import tempfile

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision.transforms as transforms
from torch.utils.data import DataLoader, Dataset
from tqdm import tqdm


def seed_everything(seed=42):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


seed_everything()
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("seeded:", os.environ["PYTHONHASHSEED"], random.random() < 1, torch.backends.cudnn.deterministic)


class ShapesDataset(Dataset):
    def __init__(self, csv_file, root_dir, transform=None):
        self.annotations = pd.read_csv(csv_file)
        self.root_dir = root_dir
        self.transform = transform

    def __len__(self):
        return len(self.annotations)

    def __getitem__(self, index):
        img_path = os.path.join(self.root_dir, self.annotations.iloc[index, 0])
        image = np.load(img_path)
        y_label = torch.tensor(int(self.annotations.iloc[index, 1]))

        if self.transform:
            image = self.transform(image)

        return (image, y_label)


def write_images(folder, count):
    """Writes count 8x8 RGB uint8 images (class 1: a bright square in the middle, class 0: noise only) and
    the CSV that names them, the layout of a folder of pictures with a label file."""
    rows = []
    for i in range(count):
        label = i % 2
        img = np.random.randint(0, 120, size=(8, 8, 3))
        if label == 1:
            img[2:6, 2:6, :] += 130
        name = f"{'square' if label else 'plain'}.{i}.npy"
        np.save(os.path.join(folder, name), img.astype(np.uint8))
        rows.append((name, label))
    pd.DataFrame(rows, columns=["file", "label"]).to_csv(os.path.join(folder, "labels.csv"), index=False)


def get_mean_std(loader):
    # var[X] = E[X**2] - E[X]**2, one mean per channel
    channels_sum, channels_sqrd_sum, num_batches = 0, 0, 0
    for data, _ in loader:
        channels_sum += torch.mean(data, dim=[0, 2, 3])
        channels_sqrd_sum += torch.mean(data**2, dim=[0, 2, 3])
        num_batches += 1
    mean = channels_sum / num_batches
    std = (channels_sqrd_sum / num_batches - mean**2) ** 0.5
    return mean, std


class CNN(nn.Module):
    def __init__(self, in_channels, num_classes):
        super(CNN, self).__init__()
        self.conv1 = nn.Conv2d(in_channels=in_channels, out_channels=4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        self.bn1 = nn.BatchNorm2d(4)
        self.pool = nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2))
        self.conv2 = nn.Conv2d(in_channels=4, out_channels=6, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.classifier = nn.Linear(6, num_classes)
        self.initialize_weights()

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.pool(x)
        x = F.relu(self.conv2(x))
        x = self.pool(x)
        x = self.avgpool(x)
        x = x.reshape(x.shape[0], -1)
        return self.classifier(x)

    def initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight)
                nn.init.constant_(m.bias, 0)


class Identity(nn.Module):
    def __init__(self):
        super(Identity, self).__init__()

    def forward(self, x):
        return x


def save_checkpoint(state, filename="my_checkpoint.pth.tar"):
    print("=> Saving checkpoint")
    torch.save(state, filename)


def load_checkpoint(checkpoint, model, optimizer):
    print("=> Loading checkpoint")
    model.load_state_dict(checkpoint["state_dict"])
    optimizer.load_state_dict(checkpoint["optimizer"])


def check_accuracy(loader, model):
    num_correct = 0
    num_samples = 0
    model.eval()
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device)
            y = y.to(device=device)
            scores = model(x)
            _, predictions = scores.max(1)
            num_correct += (predictions == y).sum()
            num_samples += predictions.size(0)
        print(f"Got {num_correct} / {num_samples} with accuracy {float(num_correct)/float(num_samples)*100:.2f}")
    model.train()


with tempfile.TemporaryDirectory() as tmp:
    write_images(tmp, 24)
    dataset = ShapesDataset(csv_file=os.path.join(tmp, "labels.csv"), root_dir=tmp, transform=transforms.ToTensor())
    print("dataset:", len(dataset), dataset.annotations.shape, list(dataset.annotations.columns))
    print(dataset.annotations.head(3))
    image, label = dataset[1]
    print("item:", image.shape, image.dtype, label, label.dtype)

    train_set, test_set = torch.utils.data.random_split(dataset, [16, 8])
    print("split:", len(train_set), len(test_set), sorted(train_set.indices)[:6])
    train_loader = DataLoader(dataset=train_set, batch_size=4, shuffle=True)
    test_loader = DataLoader(dataset=test_set, batch_size=4, shuffle=True)

    mean, std = get_mean_std(train_loader)
    print(mean)
    print(std)

    model = CNN(in_channels=3, num_classes=2).to(device)
    for name, param in model.named_parameters():
        if name.startswith("conv1") or name.startswith("bn1") or name.endswith("bias"):
            print(name, param)
    print("weight stats:", [round(p.abs().max().item(), 4) for p in model.parameters() if p.dim() > 1])

    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.05)
    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.1, patience=1, verbose=True)

    NUM_EPOCHS = 8
    fmt = "{l_bar}{bar:10}| {n_fmt}/{total_fmt}{postfix}"
    for epoch in range(1, NUM_EPOCHS + 1):
        losses = []
        loop = tqdm(train_loader, file=sys.stdout, bar_format=fmt)
        for batch_idx, (data, targets) in enumerate(loop):
            data = data.to(device=device)
            targets = targets.to(device=device)
            scores = model(data)
            loss = criterion(scores, targets)
            losses.append(loss.item())
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            acc = (scores.argmax(1) == targets).float().mean()
            loop.set_description(f"Epoch [{epoch}/{NUM_EPOCHS}]")
            loop.set_postfix(loss=loss.item(), acc=acc.item())
        mean_loss = sum(losses) / len(losses)
        scheduler.step(mean_loss)
        print(f"Cost at epoch {epoch} is {mean_loss:.6f}")
    print("lr now:", optimizer.param_groups[0]["lr"])
    check_accuracy(train_loader, model)
    check_accuracy(test_loader, model)

    # Save, disturb, and restore: the restored model predicts as before.
    checkpoint = {"state_dict": model.state_dict(), "optimizer": optimizer.state_dict()}
    path = os.path.join(tmp, "my_checkpoint.pth.tar")
    save_checkpoint(checkpoint, filename=path)
    before = model(image.unsqueeze(0))
    with torch.no_grad():
        model.classifier.weight.fill_(0.0)
    print("disturbed:", model(image.unsqueeze(0)))
    load_checkpoint(torch.load(path), model, optimizer)
    print("restored equal:", torch.equal(before, model(image.unsqueeze(0))))
    print("optimizer state keys:", sorted(optimizer.state_dict().keys()), len(optimizer.state_dict()["state"]))
    print("lr after load:", optimizer.param_groups[0]["lr"])

    # Fine-tuning: freeze what was learned, swap the head.
    for param in model.parameters():
        param.requires_grad = False
    model.avgpool = Identity()
    model.classifier = nn.Sequential(nn.Linear(6 * 2 * 2, 5), nn.ReLU(), nn.Linear(5, 2))
    model.to(device)
    print(model)
    trainable = [name for name, p in model.named_parameters() if p.requires_grad]
    print("trainable:", trainable)
    optimizer = optim.Adam(model.parameters(), lr=1e-2)
    for epoch in range(3):
        losses = []
        for data, targets in train_loader:
            scores = model(data)
            loss = criterion(scores, targets)
            losses.append(loss.item())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"Cost at epoch {epoch} is {sum(losses)/len(losses):.5f}")
    print("frozen conv grad:", model.conv1.weight.grad.abs().sum(), model.conv1.weight.requires_grad)
    check_accuracy(test_loader, model)
