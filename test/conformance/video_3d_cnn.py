# A small 3-D CNN on short video clips / volumes, as C3D-style action-recognition notebooks and volumetric
# (medical-scan) tutorials write it: clips shaped [batch, channels, frames, height, width], Conv3d -> BatchNorm3d
# -> ReLU -> MaxPool3d((1, 2, 2)) then MaxPool3d(2), AdaptiveAvgPool3d(1) and a linear head; the per-layer
# shape walk, a few Adam steps on generated clips whose label is the direction a bright bar moves, eval
# accuracy, F.conv3d with padding='same', AvgPool3d, a ConvTranspose3d decoder upsampling the features back
# (a 3-D autoencoder), MaxPool3d(return_indices=True), and the conv3d shape error learners hit with 4-D input.
# The convs before BatchNorm3d have bias=False, as ResNet-style code writes them (a bias there gets only
# rounding noise as its gradient, which Adam would turn into steps).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)


def make_clips(n):
    # Frames of a bar moving left (label 0) or right (label 1) across an 8x8 image, plus noise.
    clips = torch.randn(n, 1, 4, 8, 8) * 0.3
    labels = torch.randint(0, 2, (n,))
    for i in range(n):
        for t in range(4):
            col = t * 2 if labels[i] == 1 else 7 - t * 2
            clips[i, 0, t, :, col] += 1.5
    return clips, labels


class Clip3DNet(nn.Module):
    def __init__(self, num_classes=2):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv3d(1, 4, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm3d(4),
            nn.ReLU(inplace=True),
            nn.MaxPool3d(kernel_size=(1, 2, 2), stride=(1, 2, 2)),
            nn.Conv3d(4, 8, kernel_size=(3, 3, 3), padding=(1, 1, 1), bias=False),
            nn.BatchNorm3d(8),
            nn.ReLU(inplace=True),
            nn.MaxPool3d(kernel_size=2, stride=2),
        )
        self.pool = nn.AdaptiveAvgPool3d(1)
        self.fc = nn.Linear(8, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = self.pool(x)
        x = torch.flatten(x, 1)
        return self.fc(x)


model = Clip3DNet()
print(model)
print('parameters:', sum(p.numel() for p in model.parameters()))

X, y = make_clips(16)
out = X
for layer in model.features:
    out = layer(out)
    print(layer.__class__.__name__, 'output shape:\t', tuple(out.shape))

optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()
for epoch in range(5):
    model.train()
    optimizer.zero_grad()
    logits = model(X)
    loss = criterion(logits, y)
    loss.backward()
    optimizer.step()
    acc = (logits.argmax(1) == y).float().mean().item()
    print(f'epoch {epoch + 1}: loss {loss.item():.4f}  acc {acc:.3f}')

print('conv1 weight grad norm:', round(model.features[0].weight.grad.norm().item(), 4))
print('fc bias grad:', model.fc.bias.grad)

model.eval()
X_test, y_test = make_clips(8)
with torch.no_grad():
    pred = model(X_test).argmax(dim=1)
print('test predictions:', pred.tolist(), 'labels:', y_test.tolist())

# Functional forms on one batch.
w = (torch.randn(2, 1, 3, 3, 3) * 0.2).requires_grad_()
same = F.conv3d(X[:4], w, padding='same')
same.sum().backward()
print('same padding:', same.shape, same.grad_fn.name(), w.grad.shape)
print(F.avg_pool3d(X[:2], kernel_size=2).shape, nn.AvgPool3d((2, 2, 2), stride=1)(X[:2]).shape)
pooled, idx = nn.MaxPool3d(2, return_indices=True)(X[:2, :, :, :4, :4])
print('max values:', pooled.flatten()[:4], 'indices:', idx.flatten()[:4])

# A 3-D autoencoder: encode with strided Conv3d, decode with ConvTranspose3d.
torch.manual_seed(3)
auto = nn.Sequential(
    nn.Conv3d(1, 4, kernel_size=3, stride=2, padding=1),
    nn.ReLU(),
    nn.ConvTranspose3d(4, 1, kernel_size=2, stride=2),
    nn.Sigmoid(),
)
print(auto)
opt = torch.optim.SGD(auto.parameters(), lr=0.5, momentum=0.9)
target = torch.sigmoid(X[:6])
for step in range(4):
    opt.zero_grad()
    recon = auto(X[:6])
    mse = F.mse_loss(recon, target)
    mse.backward()
    opt.step()
    print(f'autoencoder step {step}: mse {mse.item():.5f} shape {tuple(recon.shape)}')

try:
    model(torch.randn(1, 8, 8))
except RuntimeError as e:
    print('RuntimeError:', e)
