# PyTorch "Deep Learning with PyTorch: A 60 Minute Blitz", "Training a Classifier" (cifar10_tutorial.py)
# idioms, with tiny synthetic 3x32x32 images in place of the torchvision download: a transform written as
# (x - 0.5) / 0.5 like transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)), the classes tuple, batch_size
# = 4, DataLoader(shuffle=True), dataiter = iter(trainloader) with next(dataiter), imshow's img / 2 + 0.5
# and np.transpose(npimg, (1, 2, 0)) (shapes printed), ' '.join(f'{classes[labels[j]]:5s}' ...), the Net
# with nn.Conv2d(3, 6, 5) / nn.MaxPool2d(2, 2) / torch.flatten(x, 1), CrossEntropyLoss + SGD(lr=0.001,
# momentum=0.9), the running_loss line f'[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2000:.3f}' every
# few mini-batches, PATH = './cifar_net.pth' save and load (to a buffer here), _, predicted =
# torch.max(outputs, 1), overall accuracy with 100 * correct // total, and per-class accuracy from
# correct_pred = {classname: 0 for classname in classes} with zip(labels, predictions).
import io

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
classes = ('plane', 'car', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck')


def transform(img):
    # transforms.ToTensor() gives [0, 1]; Normalize with mean 0.5 and std 0.5 maps to [-1, 1].
    return (img - 0.5) / 0.5


class SyntheticCIFAR(Dataset):
    """Each class is a colour tint plus a class-dependent stripe, with noise."""

    def __init__(self, n, transform=None):
        self.labels = torch.randint(0, 3, (n,))
        base = torch.rand(n, 3, 32, 32) * 0.3
        for k in range(n):
            c = int(self.labels[k])
            base[k, c] += 0.5
            base[k, :, 4 * c:4 * c + 4, :] = 0.9
        self.images = base.clamp(0, 1)
        self.transform = transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        img = self.images[idx]
        if self.transform:
            img = self.transform(img)
        return img, int(self.labels[idx])


batch_size = 4
trainset = SyntheticCIFAR(48, transform=transform)
trainloader = DataLoader(trainset, batch_size=batch_size, shuffle=True, num_workers=0)
testset = SyntheticCIFAR(24, transform=transform)
testloader = DataLoader(testset, batch_size=batch_size, shuffle=False, num_workers=0)


def imshow(img):
    img = img / 2 + 0.5     # unnormalize
    npimg = img.numpy()
    print('imshow', npimg.shape, '->', np.transpose(npimg, (1, 2, 0)).shape,
          f'{npimg.min():.3f} {npimg.max():.3f}')


dataiter = iter(trainloader)
images, labels = next(dataiter)
print(images.shape, images.dtype, labels)
imshow(torch.cat(tuple(images), dim=2))
print(' '.join(f'{classes[labels[j]]:5s}' for j in range(batch_size)))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)  # flatten all dimensions except batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


net = Net()
print(net)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
print(optimizer)

for epoch in range(3):  # loop over the dataset multiple times
    running_loss = 0.0
    for i, data in enumerate(trainloader, 0):
        inputs, labels = data
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 4 == 3:    # print every 4 mini-batches
            print(f'[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 4:.3f}')
            running_loss = 0.0

print('Finished Training')

PATH = io.BytesIO()  # './cifar_net.pth' in the tutorial
torch.save(net.state_dict(), PATH)

dataiter = iter(testloader)
images, labels = next(dataiter)
print('GroundTruth: ', ' '.join(f'{classes[labels[j]]:5s}' for j in range(4)))
PATH.seek(0)
net = Net()
print(net.load_state_dict(torch.load(PATH)))
outputs = net(images)
print(outputs.shape, outputs.grad_fn.name())
_, predicted = torch.max(outputs, 1)
print('Predicted: ', ' '.join(f'{classes[predicted[j]]:5s}' for j in range(4)))

correct = 0
total = 0
with torch.no_grad():
    for data in testloader:
        images, labels = data
        outputs = net(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()
print(f'Accuracy of the network on the {total} test images: {100 * correct // total} %')

correct_pred = {classname: 0 for classname in classes}
total_pred = {classname: 0 for classname in classes}
with torch.no_grad():
    for data in testloader:
        images, labels = data
        outputs = net(images)
        _, predictions = torch.max(outputs, 1)
        for label, prediction in zip(labels, predictions):
            if label == prediction:
                correct_pred[classes[label]] += 1
            total_pred[classes[label]] += 1

for classname, correct_count in correct_pred.items():
    if total_pred[classname] == 0:
        continue
    accuracy = 100 * float(correct_count) / total_pred[classname]
    print(f'Accuracy for class: {classname:5s} is {accuracy:.1f} %')

device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')
print(device)
net.to(device)
print(net.conv1.weight.device, net.fc3.bias[:4])
