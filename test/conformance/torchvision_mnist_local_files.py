# torchvision.datasets as the PyTorch "Datasets & DataLoaders" tutorial, d2l 4.2 (FashionMNIST) and the
# Korean MNIST labs call them, on tiny MNIST-format files written by this file into a temporary folder
# (ROOT/MNIST/raw/*-ubyte in the IDX format: big-endian magic and sizes, then the bytes): datasets.MNIST(
# root=..., train=True, download=True, transform=...) with the files already there, printed datasets,
# .data / .targets / .classes / class_to_idx, `img, label = training_data[0]`, an augmenting transform
# applied to the dataset's (PIL) images (RandomCrop with reflect padding, RandomHorizontalFlip) before ToTensor
# and Normalize((0.1307,), (0.3081,)), FashionMNIST's labels map, a DataLoader over the dataset, a small
# softmax-regression step, torchvision.utils.make_grid(normalize=True), FakeData with ToTensor, and the
# errors for missing files.
import os
import struct
import tempfile

import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms, utils
from torchvision.transforms import ToTensor

root = tempfile.mkdtemp()
g = torch.Generator().manual_seed(3)


def write_idx(path, t):
    with open(path, 'wb') as f:
        f.write(struct.pack('>I', 0x0800 + t.dim()))
        for s in t.shape:
            f.write(struct.pack('>I', s))
        f.write(bytes(t.flatten().tolist()))


for name in ('MNIST', 'FashionMNIST'):
    raw = os.path.join(root, name, 'raw')
    os.makedirs(raw)
    for split, n in (('train', 12), ('t10k', 5)):
        images = torch.randint(0, 256, (n, 6, 6), generator=g, dtype=torch.uint8)
        write_idx(os.path.join(raw, f'{split}-images-idx3-ubyte'), images)
        labels = torch.randint(0, 10, (n,), generator=g, dtype=torch.uint8)
        write_idx(os.path.join(raw, f'{split}-labels-idx1-ubyte'), labels)

torch.manual_seed(1)
transform = transforms.Compose([
    transforms.RandomCrop(4, padding=1, padding_mode='reflect'),
    transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
    transforms.Normalize((0.1307,), (0.3081,)),
])
train = datasets.MNIST(root=root, train=True, download=True, transform=transform)
test = datasets.MNIST(root, train=False, transform=ToTensor())
print(repr(train).replace(root, 'ROOT'))
print(repr(test).replace(root, 'ROOT'))
print(len(train), len(test), train.data.shape, train.data.dtype, train.targets.dtype, train.targets[:6])
print(train.classes[:3], train.class_to_idx['3 - three'])
x, y = train[0]
print(x, y, type(y).__name__)
img, label = test[1]
print(img.shape, img.dtype, label, (test.data[1].float() / 255 - img[0]).abs().max())
print(transforms.PILToTensor()(datasets.MNIST(root, train=False)[1][0]))

training_data = datasets.FashionMNIST(root=root, train=True, download=False, transform=ToTensor())
labels_map = {i: name for i, name in enumerate(training_data.classes)}
for i in range(3):
    sample_idx = torch.randint(len(training_data), size=(1,)).item()
    img, label = training_data[sample_idx]
    print(sample_idx, labels_map[label], img.squeeze().shape, round(img.mean().item(), 4))

loader = DataLoader(train, batch_size=5, shuffle=True)
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 10))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for xb, yb in loader:
    loss = nn.functional.cross_entropy(net(xb), yb)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(xb.shape, yb.tolist(), round(loss.item(), 4))
grid = utils.make_grid(xb, nrow=3, padding=1, normalize=True)
print(grid.shape, grid[:, :3, :4])
print(utils.make_grid(torch.rand(3, 2, 2), nrow=2).shape, utils.make_grid([torch.ones(1, 2, 2)] * 3, pad_value=0.5)[0])

fake = datasets.FakeData(size=4, image_size=(3, 4, 4), num_classes=3, transform=transforms.ToTensor())
print(fake)
print(fake[2], len(fake))
try:
    datasets.KMNIST(root)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    datasets.CIFAR10(root, train=False)
except RuntimeError as e:
    print('RuntimeError:', e)
print(torch.rand(2))
