# Patrick Loeber's "PyTorch Tutorial" idioms (python-engineer/pytorchTutorial 09_dataloader, 10_transformers,
# 13_feedforward, 14_cnn, 17_save_load) on small generated data (a wine-like CSV written into a
# TemporaryDirectory, no downloads): a `WineDataset(Dataset)` reading it with `np.loadtxt(path, delimiter=',',
# dtype=np.float32, skiprows=1)` (values such as `.28` without a leading zero), `torch.from_numpy(xy[:, 1:])` and
# `xy[:, [0]]`, `features, labels = dataset[0]`, `DataLoader(dataset=..., batch_size=4, shuffle=True,
# num_workers=2)`, `next(iter(train_loader))`, `math.ceil(total_samples/4)` and the tutorial's
# `f'Epoch: {epoch+1}/{num_epochs}, Step {i+1}/{n_iterations}| Inputs {inputs.shape} | Labels {labels.shape}'`;
# a `transform=None` dataset giving numpy rows (`type(features)`), custom `ToTensor` / `MulTransform` classes
# with `__call__(self, sample)` chained by `torchvision.transforms.Compose` (the in-place `inputs *= factor`
# on a from_numpy tensor writes through to the dataset's array); a feed-forward `NeuralNet` (l1, ReLU, l2) with
# `device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')`, `.to(device)`,
# `images.reshape(-1, 8*8)`, Adam, `plt.subplot(2,3,i+1)` / `plt.imshow(example_data[i][0], cmap='gray')`,
# `torch.max(outputs.data, 1)` and `acc = 100.0 * n_correct / n_samples`; the CIFAR-style ConvNet (Conv2d(3, 6, 5),
# MaxPool2d(2, 2), Conv2d(6, 16, 5), `x.view(-1, 16 * 5 * 5)`, three Linear layers) on 32x32 HWC uint8 images
# through `transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])`,
# `imshow(torchvision.utils.make_grid(images))` with `img / 2 + 0.5` and `np.transpose(npimg, (1, 2, 0))`,
# per-class accuracy lists indexed by 0-dim label tensors; `torch.save(model, FILE)` / `torch.load(FILE)` of a
# whole model, `torch.save(model.state_dict(), FILE)` then `load_state_dict(torch.load(FILE))`, printed
# state dicts and `optimizer.state_dict()`, and a checkpoint dict with 'epoch', 'model_state', 'optim_state'.
import math
import os
import tempfile

import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms as transforms
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
rng = np.random.RandomState(2)


def write_wine_csv(path, n_rows):
    # label first, then four features; 3 classes with shifted means like the real wine table
    lines = ['Wine,Alcohol,Malic.acid,Phenols,Proline']
    for i in range(n_rows):
        label = i % 3 + 1
        alcohol = 12.0 + label * 0.6 + rng.rand()
        malic = 1.0 + rng.rand() * label
        phenols = rng.randint(10, 99) / 100
        proline = rng.randint(40, 140) * 10
        # '.28'-style numbers as the wine CSV writes them
        phenols_text = f'{phenols:.2f}'.lstrip('0')
        lines.append(f'{label},{alcohol:.2f},{malic:.2f},{phenols_text},{proline}')
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')


class WineDataset(Dataset):
    def __init__(self, path, transform=None):
        xy = np.loadtxt(path, delimiter=',', dtype=np.float32, skiprows=1)
        self.n_samples = xy.shape[0]
        self.x_data = xy[:, 1:]
        self.y_data = xy[:, [0]]
        self.transform = transform

    def __getitem__(self, index):
        sample = self.x_data[index], self.y_data[index]
        if self.transform:
            sample = self.transform(sample)
        return sample

    def __len__(self):
        return self.n_samples


class TensorWineDataset(Dataset):
    # the 09_dataloader variant: tensors built once in __init__
    def __init__(self, path):
        xy = np.loadtxt(path, delimiter=',', dtype=np.float32, skiprows=1)
        self.n_samples = xy.shape[0]
        self.x_data = torch.from_numpy(xy[:, 1:])
        self.y_data = torch.from_numpy(xy[:, [0]])

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.n_samples


class ToTensor:
    def __call__(self, sample):
        inputs, targets = sample
        return torch.from_numpy(inputs), torch.from_numpy(targets)


class MulTransform:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, sample):
        inputs, targets = sample
        inputs *= self.factor
        return inputs, targets


with tempfile.TemporaryDirectory() as tmp:
    csv_path = os.path.join(tmp, 'wine.csv')
    write_wine_csv(csv_path, 18)

    dataset = TensorWineDataset(csv_path)
    features, labels = dataset[0]
    print(features, labels)
    print(features.dtype, labels.shape, len(dataset))

    train_loader = DataLoader(dataset=dataset, batch_size=4, shuffle=True, num_workers=2)
    dataiter = iter(train_loader)
    features, labels = next(dataiter)
    print(features, labels)

    num_epochs = 2
    total_samples = len(dataset)
    n_iterations = math.ceil(total_samples / 4)
    print(total_samples, n_iterations, len(train_loader))
    for epoch in range(num_epochs):
        for i, (inputs, labels) in enumerate(train_loader):
            if (i + 1) % 2 == 0:
                print(f'Epoch: {epoch+1}/{num_epochs}, Step {i+1}/{n_iterations}| Inputs {inputs.shape} | Labels {labels.shape}')

    print('Without Transform')
    dataset = WineDataset(csv_path)
    features, labels = dataset[0]
    print(type(features), type(labels))
    print(features, labels)

    print('\nWith Tensor Transform')
    dataset = WineDataset(csv_path, transform=ToTensor())
    features, labels = dataset[0]
    print(type(features), type(labels))
    print(features, labels)

    print('\nWith Tensor and Multiplication Transform')
    composed = torchvision.transforms.Compose([ToTensor(), MulTransform(4)])
    # Compose's repr shows each custom transform's default repr (an address), so only its length here
    print(len(composed.transforms))
    dataset = WineDataset(csv_path, transform=composed)
    features, labels = dataset[0]
    print(type(features), type(labels))
    print(features, labels)
    # from_numpy shares memory, so the in-place multiply changed the stored row too
    print(dataset.x_data[0])
    features, labels = dataset[0]
    print(features)

# --- feed-forward net on generated 8x8 "digits"
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
input_size = 64
hidden_size = 16
num_classes = 3
batch_size = 10


def make_images(n):
    labels = torch.randint(0, num_classes, (n,))
    images = torch.rand(n, 1, 8, 8) * 0.3
    for k in range(n):
        c = labels[k].item()
        images[k, 0, 2 * c : 2 * c + 3, :] += 0.7
    return images, labels


train_images, train_labels = make_images(60)
test_images, test_labels = make_images(30)
train_loader = torch.utils.data.DataLoader(
    dataset=torch.utils.data.TensorDataset(train_images, train_labels), batch_size=batch_size, shuffle=True
)
test_loader = torch.utils.data.DataLoader(
    dataset=torch.utils.data.TensorDataset(test_images, test_labels), batch_size=batch_size, shuffle=False
)

examples = iter(test_loader)
example_data, example_targets = next(examples)
print(example_data.shape, example_targets)
for i in range(6):
    plt.subplot(2, 3, i + 1)
    plt.imshow(example_data[i][0], cmap='gray')
print(len(plt.gcf().axes))
plt.show()


class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet, self).__init__()
        self.input_size = input_size
        self.l1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.l2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.l1(x)
        out = self.relu(out)
        return self.l2(out)


model = NeuralNet(input_size, hidden_size, num_classes).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
num_epochs = 3
n_total_steps = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, 8 * 8).to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 3 == 0:
            print(f'Epoch [{epoch+1}/{num_epochs}], Step [{i+1}/{n_total_steps}], Loss: {loss.item():.4f}')

with torch.no_grad():
    n_correct = 0
    n_samples = 0
    for images, labels in test_loader:
        images = images.reshape(-1, 8 * 8).to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
    acc = 100.0 * n_correct / n_samples
    print(f'Accuracy of the network on the {n_samples} test images: {acc} %')


# --- CNN on generated 32x32 colour images
class ColourImages(Dataset):
    def __init__(self, n, transform=None):
        self.labels = rng.randint(0, 3, size=n)
        self.images = rng.randint(0, 120, size=(n, 32, 32, 3)).astype(np.uint8)
        for k, c in enumerate(self.labels):
            self.images[k, :, :, c] += 120
        self.transform = transform

    def __getitem__(self, index):
        img = self.images[index]
        if self.transform:
            img = self.transform(img)
        return img, int(self.labels[index])

    def __len__(self):
        return len(self.labels)


transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
print(transform)
classes = ('red', 'green', 'blue')
train_dataset = ColourImages(24, transform=transform)
test_dataset = ColourImages(12, transform=transform)
batch_size = 4
train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=batch_size, shuffle=True)
test_loader = torch.utils.data.DataLoader(test_dataset, batch_size=batch_size, shuffle=False)


def imshow(img):
    img = img / 2 + 0.5
    npimg = img.numpy()
    print('grid', npimg.shape, round(float(npimg.min()), 4), round(float(npimg.max()), 4))
    plt.imshow(np.transpose(npimg, (1, 2, 0)))
    plt.show()


dataiter = iter(train_loader)
images, labels = next(dataiter)
print(images.shape, images.dtype, labels)
imshow(torchvision.utils.make_grid(images))


class ConvNet(nn.Module):
    def __init__(self):
        super(ConvNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 3)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


model = ConvNet().to(device)
print(model)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
num_epochs = 3
n_total_steps = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 3 == 0:
            print(f'Epoch [{epoch+1}/{num_epochs}], Step [{i+1}/{n_total_steps}], Loss: {loss.item():.4f}')
print('Finished Training')

with torch.no_grad():
    n_correct = 0
    n_samples = 0
    n_class_correct = [0 for i in range(3)]
    n_class_samples = [0 for i in range(3)]
    for images, labels in test_loader:
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
        for i in range(batch_size):
            label = labels[i]
            pred = predicted[i]
            if label == pred:
                n_class_correct[label] += 1
            n_class_samples[label] += 1
    acc = 100.0 * n_correct / n_samples
    print(f'Accuracy of the network: {acc} %')
    for i in range(3):
        acc = 100.0 * n_class_correct[i] / n_class_samples[i]
        print(f'Accuracy of {classes[i]}: {acc} %')


# --- saving and loading
class Model(nn.Module):
    def __init__(self, n_input_features):
        super(Model, self).__init__()
        self.linear = nn.Linear(n_input_features, 1)

    def forward(self, x):
        return torch.sigmoid(self.linear(x))


with tempfile.TemporaryDirectory() as tmp:
    PATH = os.path.join(tmp, 'cnn.pth')
    torch.save(model.state_dict(), PATH)
    reloaded = ConvNet()
    print(reloaded.load_state_dict(torch.load(PATH)))
    reloaded.eval()
    print(torch.equal(reloaded(images), model(images)), reloaded.training)

    model = Model(n_input_features=4)
    for param in model.parameters():
        print(param)

    FILE = os.path.join(tmp, 'model.pth')
    torch.save(model, FILE)
    loaded_model = torch.load(FILE)
    print(loaded_model.eval())
    for param in loaded_model.parameters():
        print(param)

    torch.save(model.state_dict(), FILE)
    print(model.state_dict())
    loaded_model = Model(n_input_features=4)
    print(loaded_model.load_state_dict(torch.load(FILE)))
    loaded_model.eval()
    print(loaded_model.state_dict())

    learning_rate = 0.01
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    checkpoint = {'epoch': 90, 'model_state': model.state_dict(), 'optim_state': optimizer.state_dict()}
    print(optimizer.state_dict())
    FILE = os.path.join(tmp, 'checkpoint.pth')
    torch.save(checkpoint, FILE)

    model = Model(n_input_features=4)
    optimizer = torch.optim.SGD(model.parameters(), lr=0)
    checkpoint = torch.load(FILE)
    model.load_state_dict(checkpoint['model_state'])
    optimizer.load_state_dict(checkpoint['optim_state'])
    epoch = checkpoint['epoch']
    model.eval()
    print(epoch, sorted(checkpoint.keys()))
    print(optimizer.state_dict())
    print(optimizer)
