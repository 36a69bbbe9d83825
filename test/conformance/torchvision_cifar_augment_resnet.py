# The CIFAR-10 training recipe of PyTorch's tutorials and the kuangliu/pytorch-cifar-style repositories, on
# random 3x16x16 images held as tensors (no download): transform_train = transforms.Compose([RandomCrop(16,
# padding=2), RandomHorizontalFlip(), Normalize(mean, std)]) printed, transform_test without augmentation,
# a Dataset applying them per item, torchvision.models.ResNet(BasicBlock, [1, 1, 1, 1], num_classes=10)
# (a shrunk resnet18), CrossEntropyLoss + SGD(momentum=0.9, weight_decay=5e-4) + CosineAnnealingLR, the
# "Loss: %.3f | Acc: %.3f%% (%d/%d)" progress line, evaluation under no_grad, and the functional forms
# (TF.hflip, TF.crop, TF.pad with reflect/edge/symmetric, TF.resize, TF.center_crop, TF.normalize,
# convert_image_dtype) on a uint8 image built from numpy and converted with ToTensor.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
import torchvision.transforms.functional as TF
from torch.utils.data import DataLoader, Dataset
from torchvision.models.resnet import BasicBlock, ResNet

torch.manual_seed(0)
print(torchvision.__version__.split('+')[0][:4])

mean, std = (0.4914, 0.4822, 0.4465), (0.2023, 0.1994, 0.2010)
transform_train = transforms.Compose([
    transforms.RandomCrop(16, padding=2),
    transforms.RandomHorizontalFlip(),
    transforms.Normalize(mean, std),
])
transform_test = transforms.Compose([transforms.Normalize(mean, std)])
print(transform_train)
print(transform_test)


class RandomImages(Dataset):
    def __init__(self, n, transform):
        self.images = torch.rand(n, 3, 16, 16)
        self.labels = torch.randint(0, 10, (n,))
        self.transform = transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return self.transform(self.images[i]), self.labels[i].item()


trainset = RandomImages(24, transform_train)
testset = RandomImages(8, transform_test)
trainloader = DataLoader(trainset, batch_size=8, shuffle=True)
testloader = DataLoader(testset, batch_size=8, shuffle=False)

net = ResNet(BasicBlock, [1, 1, 1, 1], num_classes=10)
print(net.layer2)
print('params:', sum(p.numel() for p in net.parameters() if p.requires_grad))
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=2)

for epoch in range(2):
    net.train()
    train_loss, correct, total = 0.0, 0, 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
        _, predicted = outputs.max(1)
        total += targets.size(0)
        correct += predicted.eq(targets).sum().item()
        print(batch_idx, len(trainloader), 'Loss: %.3f | Acc: %.3f%% (%d/%d)'
              % (train_loss / (batch_idx + 1), 100. * correct / total, correct, total))
    scheduler.step()
    net.eval()
    with torch.no_grad():
        for inputs, targets in testloader:
            outputs = net(inputs)
            print('test loss %.4f' % criterion(outputs, targets).item(), outputs.argmax(1).tolist())
print(net.fc.weight[:2, :5])

# The functional forms on one image, from a uint8 numpy array (H x W x C) through ToTensor.
arr = (np.arange(5 * 6 * 3) * 37 % 256).astype(np.uint8).reshape(5, 6, 3)
img = transforms.ToTensor()(arr)
print(img.dtype, img.shape, img[0])
print(transforms.ToTensor()(arr[:, :, 0]).shape, transforms.ToTensor()(arr.astype(np.float32)).dtype)
print(TF.hflip(img)[0], TF.vflip(img)[1])
print(TF.crop(img, 1, 2, 3, 3)[2], TF.crop(img, -1, 4, 3, 4)[0])
print(TF.center_crop(img, 3)[0], TF.center_crop(img, [7, 4])[1])
print(TF.pad(img, 1, padding_mode='reflect')[0])
print(TF.pad(img, [1, 2], padding_mode='edge')[1])
print(TF.pad(img, [2, 0, 1, 1], padding_mode='symmetric')[2])
print(TF.pad(img, 1, fill=0.5)[0, :2])
print(TF.resize(img, [3, 4])[0])
print(TF.resize(img, 8).shape, TF.resize(img, [10], interpolation=transforms.InterpolationMode.NEAREST)[0, :3])
print(TF.resize(img, [4, 4], interpolation=transforms.InterpolationMode.BICUBIC)[1])
print(TF.normalize(img, [0.5, 0.5, 0.5], [0.25, 0.25, 0.25])[1])
u8 = TF.convert_image_dtype(img, torch.uint8)
print(u8[0], TF.convert_image_dtype(u8, torch.float64)[0, 0])
print(TF.rgb_to_grayscale(img)[0], TF.get_image_size(img), TF.get_image_num_channels(img))
print(transforms.Resize((8, 8), antialias=True), transforms.CenterCrop(4), transforms.Pad([1, 2]))
print(transforms.RandomResizedCrop(12), transforms.ConvertImageDtype(torch.float32))
print(transforms.RandomApply([transforms.RandomVerticalFlip(p=1.0), transforms.Lambda(lambda x: x * 2)], p=0.3))
rrc = transforms.RandomResizedCrop(4, scale=(0.3, 1.0), ratio=(0.5, 2.0))
aug = transforms.Compose([rrc, transforms.RandomVerticalFlip(), transforms.RandomApply([transforms.Grayscale(3)])])
for _ in range(3):
    print(aug(img)[0])
try:
    TF.normalize(u8, mean, std)
except TypeError as e:
    print('TypeError:', e)
try:
    transforms.ToTensor()(img)
except TypeError as e:
    print('TypeError:', e)
try:
    transforms.RandomCrop(20)(img)
except ValueError as e:
    print('ValueError:', e)

# Colour augmentation on tensors (float and uint8): ColorJitter's random order and factors, the functional
# adjust_* forms, RandomGrayscale, RandomErasing with a constant, per-channel and random value.
jitter = transforms.ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4, hue=0.1)
print(jitter, transforms.ColorJitter(brightness=(0.5, 1.5)), transforms.RandomGrayscale(p=0.2))
for _ in range(2):
    print(jitter(img)[:, 0])
    print(jitter(u8)[:, 0])
print(TF.adjust_brightness(img, 1.3)[0, 0], TF.adjust_contrast(u8, 0.5)[1, 0])
print(TF.adjust_saturation(img, 0.2)[2, 0], TF.adjust_hue(img, 0.25)[:, 1], TF.adjust_hue(u8, -0.4)[:, 2])
erase = transforms.RandomErasing(p=1.0, scale=(0.1, 0.3), value=(0.5, 0.6, 0.7))
print(erase, erase(img)[:, :3])
print(transforms.RandomErasing(p=1.0, value='random')(img)[0])
print(transforms.RandomErasing(p=0.7)(img.unsqueeze(0)).shape, transforms.RandomGrayscale(p=0.5)(img)[:, 0])
print(torch.rand(2))
