# A 1-D CNN classifying short synthetic signals (sine, square, noise), trained a few epochs with Adam.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

n_per_class, length = 24, 32
t = torch.linspace(0, 1, length)
signals, labels = [], []
for i in range(n_per_class):
    freq = 2 + 3 * torch.rand(1).item()
    phase = 2 * math.pi * torch.rand(1).item()
    sine = torch.sin(2 * math.pi * freq * t + phase)
    square = torch.sign(sine)
    noise = torch.randn(length) * 0.7
    for label, s in enumerate([sine, square, noise]):
        signals.append(s + 0.1 * torch.randn(length))
        labels.append(label)
X = torch.stack(signals).unsqueeze(1)  # [N, 1, L]
y = torch.tensor(labels)
print('X:', X.shape, 'y:', y.shape, y[:6])


class SignalNet(nn.Module):
    def __init__(self, n_classes=3):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, 8, kernel_size=5, padding=2),
            nn.PReLU(8),
            nn.Conv1d(8, 16, kernel_size=3, stride=2, padding=1),
            nn.ReLU(),
            nn.Conv1d(16, 16, 3, padding='same', dilation=2, groups=4),
            nn.Softsign(),
        )
        self.classifier = nn.Linear(16, n_classes)

    def forward(self, x):
        h = self.features(x)
        return self.classifier(h.mean(dim=2))  # global average pooling over time


model = SignalNet()
print(model)
print('params:', sum(p.numel() for p in model.parameters()))
for name, p in model.named_parameters():
    print(name, tuple(p.shape))
print('first conv weight[0]:', model.features[0].weight[0])
print('prelu weight:', model.features[1].weight)

x = X[:2]
for layer in model.features:
    x = layer(x)
    print(type(layer).__name__, 'output shape:', x.shape)

optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
perm = torch.randperm(len(X))
batch = 18
for epoch in range(6):
    total = 0.0
    for i in range(0, len(X), batch):
        idx = perm[i : i + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
        total += loss.item() * len(idx)
    with torch.no_grad():
        acc = (model(X).argmax(1) == y).float().mean().item()
    print(f'epoch {epoch + 1}: loss {total / len(X):.4f}  accuracy {acc:.3f}')

print('conv1 bias grad:', model.features[0].bias.grad)
print('conv2 weight grad norm:', model.features[2].weight.grad.norm())
print('prelu weight after training:', model.features[1].weight.data)

# The functional forms, by hand
w = torch.randn(4, 1, 3, requires_grad=True)
out = F.conv1d(X[:1], w, padding='same')
print(out.shape, out.grad_fn.name())
out.pow(2).mean().backward()
print('w.grad:', w.grad.view(-1))
print(F.conv1d(X[0], w.detach(), stride=3).shape)  # unbatched [C, L]
print(F.prelu(torch.tensor([-2.0, -0.5, 0.0, 1.5]), torch.tensor([0.25])))
print(nn.Threshold(0.1, 20.0)(torch.tensor([-1.0, 0.1, 0.2])))
print(nn.RReLU().eval()(torch.tensor([-1.0, 2.0])), nn.RReLU(0.1, 0.3))
try:
    F.conv1d(torch.randn(2, 3, 10), torch.randn(4, 2, 3))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    model(torch.randn(2, 32))
except RuntimeError as e:
    print('RuntimeError:', e)
