# yunjey/pytorch-tutorial 02-intermediate idioms (convolutional_neural_network, deep_residual_network) and the
# pretrained-model part of 01-basics/pytorch_basics, on tiny generated images (no MNIST/CIFAR download):
# `device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')`; a ConvNet of two
# `nn.Sequential(nn.Conv2d(..., kernel_size=5, stride=1, padding=2), nn.BatchNorm2d, nn.ReLU(),
# nn.MaxPool2d(kernel_size=2, stride=2))` blocks, `out.reshape(out.size(0), -1)` and a Linear head; a
# `transforms.Compose` of Pad / RandomHorizontalFlip / RandomCrop with ToTensor (ToTensor first here, since the
# images are numpy HWC uint8 arrays rather than PIL images) inside a Dataset; a `conv3x3(in, out, stride)` helper
# with bias=False, a ResidualBlock with `nn.ReLU(inplace=True)`, an optional `downsample` tested by
# `if self.downsample:`, `out += residual`; a ResNet with `make_layer(block, out_channels, blocks, stride)`
# building `nn.Sequential(*layers)`, `nn.AvgPool2d`, `out.view(out.size(0), -1)`; CrossEntropyLoss + Adam, the
# 'Epoch [{}/{}], Step [{}/{}] Loss: {:.4f}' line, an `update_lr` that writes `param_group['lr']` and
# `curr_lr /= 3`; `model.eval()` then accuracy under `torch.no_grad()`; torchvision's resnet18 (random weights
# here) frozen with `param.requires_grad = False` and its head replaced by `nn.Linear(resnet.fc.in_features, 100)`;
# a Conv2d widened without its BatchNorm2d (the running_mean size error); the tutorial's own Pad(4) /
# RandomHorizontalFlip / RandomCrop / ToTensor order on torchvision.datasets.FakeData's PIL-style images,
# `type(image)` of a raw item, and Normalize placed before ToTensor (a TypeError).
import numpy as np
import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as transforms

torch.manual_seed(0)
device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')


def fake_gray(n, seed):
    # Class k draws a bright bar at row 2k of a 12x12 image, so a small CNN can learn it.
    g = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 4, (n,), generator=g)
    images = torch.rand(n, 1, 12, 12, generator=g) * 0.5
    for i in range(n):
        images[i, 0, 2 * labels[i] + 1:2 * labels[i] + 3, :] += 0.5
    return torch.utils.data.TensorDataset(images, labels)


class ConvNet(nn.Module):
    def __init__(self, num_classes=4):
        super(ConvNet, self).__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(1, 8, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.layer2 = nn.Sequential(
            nn.Conv2d(8, 16, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.fc = nn.Linear(3 * 3 * 16, num_classes)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = out.reshape(out.size(0), -1)
        out = self.fc(out)
        return out


# Widening a conv without its BatchNorm is a common edit slip; ATen names the running mean's size.
try:
    nn.Sequential(nn.Conv2d(1, 12, kernel_size=5, padding=2), nn.BatchNorm2d(8))(torch.randn(2, 1, 12, 12))
except RuntimeError as e:
    print('RuntimeError:', e)

num_epochs = 2
train_loader = torch.utils.data.DataLoader(dataset=fake_gray(48, 1), batch_size=8, shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=fake_gray(24, 2), batch_size=8, shuffle=False)
model = ConvNet(4).to(device)
print(model)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
total_step = len(train_loader)
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
            print('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}'
                  .format(epoch + 1, num_epochs, i + 1, total_step, loss.item()))
print(model.layer1[1].running_mean)
print(model.layer1[1].num_batches_tracked)
model.eval()  # BatchNorm now uses its running statistics
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()
    print('Test Accuracy of the model on the {} test images: {} %'.format(total, 100 * correct / total))

# ---- residual network on fake 16x16 colour images with augmentation ----
transform = transforms.Compose([
    transforms.ToTensor(),
    transforms.Pad(2),
    transforms.RandomHorizontalFlip(),
    transforms.RandomCrop(16)])
print(transform)


# The tutorial's own order, on the PIL-style images a torchvision dataset yields (FakeData stands in for CIFAR).
pil_transform = transforms.Compose([
    transforms.Pad(4),
    transforms.RandomHorizontalFlip(),
    transforms.RandomCrop(16),
    transforms.ToTensor()])
fake_train = torchvision.datasets.FakeData(size=8, image_size=(3, 16, 16), num_classes=3, transform=pil_transform)
image, label = fake_train[0]
print(image.size(), label)
raw_image, _ = torchvision.datasets.FakeData(size=2, image_size=(3, 16, 16), num_classes=3)[1]
print(type(raw_image), raw_image.size, raw_image.mode)
# Normalize before ToTensor is a common ordering slip: it needs a tensor.
try:
    transforms.Compose([transforms.Normalize((0.5,), (0.5,)), transforms.ToTensor()])(raw_image)
except TypeError as e:
    print('TypeError:', e)
images, labels = next(iter(torch.utils.data.DataLoader(fake_train, batch_size=4, shuffle=True)))
print(images.shape, labels, round(images.mean().item(), 4))


class FakeCifar(torch.utils.data.Dataset):
    def __init__(self, n, seed, transform):
        rng = np.random.RandomState(seed)
        self.labels = rng.randint(0, 3, size=n)
        # HWC uint8, as CIFAR keeps them; the label sets which channel is brightest.
        data = rng.randint(0, 120, size=(n, 16, 16, 3))
        data[np.arange(n), :, :, self.labels] += 120
        self.data = data.astype(np.uint8)
        self.transform = transform

    def __getitem__(self, index):
        return self.transform(self.data[index]), int(self.labels[index])

    def __len__(self):
        return len(self.data)


train_dataset = FakeCifar(30, 3, transform)
test_dataset = FakeCifar(15, 4, transforms.ToTensor())
image, label = train_dataset[0]
print(image.shape, image.dtype, label, round(image.max().item(), 4))
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=10, shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=5, shuffle=False)


def conv3x3(in_channels, out_channels, stride=1):
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)


class ResidualBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1, downsample=None):
        super(ResidualBlock, self).__init__()
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.downsample = downsample

    def forward(self, x):
        residual = x
        out = self.conv1(x)
        out = self.bn1(out)
        out = self.relu(out)
        out = self.conv2(out)
        out = self.bn2(out)
        if self.downsample:
            residual = self.downsample(x)
        out += residual
        out = self.relu(out)
        return out


class ResNet(nn.Module):
    def __init__(self, block, layers, num_classes=3):
        super(ResNet, self).__init__()
        self.in_channels = 4
        self.conv = conv3x3(3, 4)
        self.bn = nn.BatchNorm2d(4)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self.make_layer(block, 4, layers[0])
        self.layer2 = self.make_layer(block, 8, layers[1], 2)
        self.layer3 = self.make_layer(block, 16, layers[2], 2)
        self.avg_pool = nn.AvgPool2d(4)
        self.fc = nn.Linear(16, num_classes)

    def make_layer(self, block, out_channels, blocks, stride=1):
        downsample = None
        if (stride != 1) or (self.in_channels != out_channels):
            downsample = nn.Sequential(
                conv3x3(self.in_channels, out_channels, stride=stride),
                nn.BatchNorm2d(out_channels))
        layers = []
        layers.append(block(self.in_channels, out_channels, stride, downsample))
        self.in_channels = out_channels
        for i in range(1, blocks):
            layers.append(block(out_channels, out_channels))
        return nn.Sequential(*layers)

    def forward(self, x):
        out = self.conv(x)
        out = self.bn(out)
        out = self.relu(out)
        out = self.layer1(out)
        out = self.layer2(out)
        out = self.layer3(out)
        out = self.avg_pool(out)
        out = out.view(out.size(0), -1)
        out = self.fc(out)
        return out


model = ResNet(ResidualBlock, [2, 1, 1]).to(device)
print(model.layer2)
print(model.layer1[1].downsample, bool(model.layer2[0].downsample))
print(sum(p.numel() for p in model.parameters()))
criterion = nn.CrossEntropyLoss()
learning_rate = 0.01
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)


def update_lr(optimizer, lr):
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr


num_epochs = 4
total_step = len(train_loader)
curr_lr = learning_rate
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
            print("Epoch [{}/{}], Step [{}/{}] Loss: {:.4f}"
                  .format(epoch + 1, num_epochs, i + 1, total_step, loss.item()))
    if (epoch + 1) % 2 == 0:
        curr_lr /= 3
        update_lr(optimizer, curr_lr)
        print('lr now', optimizer.param_groups[0]['lr'])
model.eval()
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()
    print('Accuracy of the model on the test images: {} %'.format(100 * correct / total))

# ---- a torchvision ResNet-18 frozen for fine-tuning the top layer ----
resnet = torchvision.models.resnet18()
for param in resnet.parameters():
    param.requires_grad = False
resnet.fc = nn.Linear(resnet.fc.in_features, 100)
print(resnet.fc)
images = torch.randn(2, 3, 16, 16)
outputs = resnet(images)
print(outputs.size())
print(sum(p.numel() for p in resnet.parameters() if p.requires_grad))
outputs.sum().backward()
print(resnet.fc.weight.grad.shape, resnet.conv1.weight.grad)
