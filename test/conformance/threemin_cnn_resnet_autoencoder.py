# "펭귄브로의 3분 딥러닝 파이토치맛" ch.5 and ch.6 (keon/3-min-pytorch `05-이미지_처리능력이_탁월한_CNN/cnn`,
# `resnet`, `06-.../basic_autoencoder`, `denoising_autoencoder`), at toy size on tensors made here: the CNN
# with `Conv2d(1, 10, kernel_size=5)`, `nn.Dropout2d()`, `F.max_pool2d(self.conv1(x), 2)`, `F.log_softmax`
# and `F.nll_loss(..., reduction='sum')`; the CIFAR ResNet's `BasicBlock` (a 1x1 `shortcut` Sequential when the
# stride or width changes, `out += self.shortcut(x)`), `_make_layer` with `strides = [stride] + [1]*(n-1)`,
# `F.avg_pool2d(out, k)`, `print(model)`, SGD with momentum and weight_decay, `StepLR` stepped per epoch;
# the autoencoder (`encoder`/`decoder` Sequentials, a 3-wide code, `nn.Sigmoid()` output) trained with
# `torch.optim.Adam(lr=0.005)` + `nn.MSELoss()`, `view_data = data[:5].view(-1, 28*28).type(torch.FloatTensor)/255.`,
# `add_noise` with `torch.randn(img.size()) * 0.2`, `avg_loss += loss.item()`, `"[Epoch {}] loss:{}"`,
# and the recovered sample as `np.reshape(x.to("cpu").data.numpy(), (28, 28))`.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(7)
DEVICE = torch.device("cpu")


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


cnn = Net().to(DEVICE)
print(cnn)
images = torch.rand(16, 1, 28, 28)
labels = torch.randint(0, 10, (16,))
optimizer = optim.SGD(cnn.parameters(), lr=0.01, momentum=0.5)
for epoch in range(1, 4):
    cnn.train()
    optimizer.zero_grad()
    output = cnn(images)
    loss = F.nll_loss(output, labels)
    loss.backward()
    optimizer.step()
    cnn.eval()
    with torch.no_grad():
        output = cnn(images)
        test_loss = F.nll_loss(output, labels, reduction='sum').item() / len(images)
        pred = output.max(1, keepdim=True)[1]
        correct = pred.eq(labels.view_as(pred)).sum().item()
    print('[{}] Test Loss: {:.4f}, Accuracy: {:.2f}%'.format(epoch, test_loss, 100. * correct / len(images)))


class BasicBlock(nn.Module):
    def __init__(self, in_planes, planes, stride=1):
        super(BasicBlock, self).__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, kernel_size=3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Sequential()
        if stride != 1 or in_planes != planes:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_planes, planes, kernel_size=1, stride=stride, bias=False),
                nn.BatchNorm2d(planes)
            )

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += self.shortcut(x)
        out = F.relu(out)
        return out


class ResNet(nn.Module):
    def __init__(self, num_classes=10):
        super(ResNet, self).__init__()
        self.in_planes = 4
        self.conv1 = nn.Conv2d(3, 4, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(4)
        self.layer1 = self._make_layer(4, 2, stride=1)
        self.layer2 = self._make_layer(8, 2, stride=2)
        self.layer3 = self._make_layer(16, 2, stride=2)
        self.linear = nn.Linear(16, num_classes)

    def _make_layer(self, planes, num_blocks, stride):
        strides = [stride] + [1] * (num_blocks - 1)
        layers = []
        for stride in strides:
            layers.append(BasicBlock(self.in_planes, planes, stride))
            self.in_planes = planes
        return nn.Sequential(*layers)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.layer1(out)
        out = self.layer2(out)
        out = self.layer3(out)
        out = F.avg_pool2d(out, 4)
        out = out.view(out.size(0), -1)
        out = self.linear(out)
        return out


model = ResNet().to(DEVICE)
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=0.0005)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
print(model)
print('parameters:', sum(p.numel() for p in model.parameters()))
x = torch.randn(8, 3, 16, 16)
y = torch.randint(0, 10, (8,))
for epoch in range(1, 5):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    model.eval()
    with torch.no_grad():
        out = model(x)
        test_loss = F.cross_entropy(out, y, reduction='sum').item() / len(x)
        pred = out.max(1, keepdim=True)[1]
        acc = 100. * pred.eq(y.view_as(pred)).sum().item() / len(x)
    print('[{}] lr {} Test Loss: {:.4f}, Accuracy: {:.2f}%'.format(epoch, scheduler.get_last_lr()[0], test_loss, acc))
print(model.layer2[0].shortcut)
print(model.layer1[0].shortcut, len(model.layer1[0].shortcut))
print(model.bn1.running_mean)


class Autoencoder(nn.Module):
    def __init__(self):
        super(Autoencoder, self).__init__()
        self.encoder = nn.Sequential(
            nn.Linear(28 * 28, 128),
            nn.ReLU(),
            nn.Linear(128, 64),
            nn.ReLU(),
            nn.Linear(64, 12),
            nn.ReLU(),
            nn.Linear(12, 3),
        )
        self.decoder = nn.Sequential(
            nn.Linear(3, 12),
            nn.ReLU(),
            nn.Linear(12, 64),
            nn.ReLU(),
            nn.Linear(64, 128),
            nn.ReLU(),
            nn.Linear(128, 28 * 28),
            nn.Sigmoid(),
        )

    def forward(self, x):
        encoded = self.encoder(x)
        decoded = self.decoder(encoded)
        return encoded, decoded


# uint8 "items" as a torchvision dataset's .data holds them.
raw = (torch.rand(64, 28, 28) * 120).to(torch.uint8)
for i in range(64):
    raw[i, (i % 4) * 7:(i % 4) * 7 + 7, :] += 130
view_data = raw[:5].view(-1, 28 * 28)
view_data = view_data.type(torch.FloatTensor) / 255.
print(view_data.dtype, view_data.shape, view_data.max())

autoencoder = Autoencoder().to(DEVICE)
optimizer = torch.optim.Adam(autoencoder.parameters(), lr=0.005)
criterion = nn.MSELoss()
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(raw.float() / 255., torch.arange(64) % 4),
                                     batch_size=16, shuffle=True)


def add_noise(img):
    noise = torch.randn(img.size()) * 0.2
    noisy_img = img + noise
    return noisy_img


def train(autoencoder, train_loader, noisy):
    autoencoder.train()
    avg_loss = 0
    for step, (x, label) in enumerate(train_loader):
        inp = add_noise(x) if noisy else x
        inp = inp.view(-1, 28 * 28).to(DEVICE)
        y = x.view(-1, 28 * 28).to(DEVICE)
        encoded, decoded = autoencoder(inp)
        loss = criterion(decoded, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        avg_loss += loss.item()
    return avg_loss / len(train_loader)


for epoch in range(1, 4):
    loss = train(autoencoder, loader, noisy=False)
    print("[Epoch {}] loss:{}".format(epoch, loss))
for epoch in range(1, 4):
    loss = train(autoencoder, loader, noisy=True)
    print("[Epoch {}] loss:{}".format(epoch, loss))

encoded_data, _ = autoencoder(view_data.to(DEVICE))
encoded_data = encoded_data.to("cpu")
print(encoded_data.shape, encoded_data.requires_grad)
X = encoded_data.data[:, 0].numpy()
print(type(X), X.shape, X.dtype)
original_x = view_data[0]
noisy_x = add_noise(original_x).to(DEVICE)
_, recovered_x = autoencoder(noisy_x)
original_img = np.reshape(original_x.to("cpu").data.numpy(), (28, 28))
recovered_img = np.reshape(recovered_x.to("cpu").data.numpy(), (28, 28))
print(original_img.shape, recovered_img.dtype, round(float(np.abs(original_img - recovered_img).mean()), 4))
