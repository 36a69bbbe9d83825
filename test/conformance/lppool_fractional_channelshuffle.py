# Less common pooling layers and ShuffleNet's channel shuffle, as the PyTorch docs' examples, Kaggle notebooks
# after Ben Graham's fractional max-pooling paper and ShuffleNet walk-throughs use them: nn.LPPool2d / LPPool1d
# (power-average pooling: p = 2 as an L2 pool, p = 1 as a sum pool, a window of zeros, stride and ceil_mode) and
# F.lp_pool1d/2d with their gradients; nn.FractionalMaxPool2d with output_size or output_ratio, seeded windows
# drawn as PyTorch draws them, fixed _random_samples, return_indices into F.max_unpool2d, the 3-D form;
# nn.ChannelShuffle / torch.channel_shuffle against the view-transpose-view a ShuffleNet unit writes by hand
# (PyTorch 1.13 has no derivative for the built-in one); then a small CNN with LPPool2d and
# FractionalMaxPool2d and a ShuffleNet-style unit, each trained a few steps; error cases caught and printed.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(13)

# --- LPPool: the p-norm of each window ------------------------------------------------------------------------
pool = nn.LPPool2d(2, kernel_size=2)
print(pool, nn.LPPool2d(1.5, (3, 2), stride=(2, 1)), nn.LPPool1d(3, 4, stride=2, ceil_mode=True))
grid = torch.tensor([[[[3.0, 4.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0], [1.0, 2.0, 0.0, 0.0], [2.0, 4.0, 0.0, 0.0]]]])
print("L2 pool:", pool(grid))
print("by hand:", F.avg_pool2d(grid ** 2, 2).mul(4).sqrt())
print("p=1 on positives is a sum pool:", torch.allclose(nn.LPPool2d(1, 2)(grid), F.avg_pool2d(grid, 2) * 4))

x = torch.randn(1, 2, 5, 5, requires_grad=True)
y = F.lp_pool2d(x, 2, 2)
print("lp_pool2d:", y.shape, y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
print(y.detach().round(decimals=4))
(y * torch.arange(8.0).view(1, 2, 2, 2)).sum().backward()
print("grad:", x.grad[0, 0].round(decimals=4))

zeros = torch.zeros(1, 1, 2, 4)
zeros[0, 0, :, 2:] = torch.tensor([[1.0, -2.0], [0.5, 2.0]])
zeros.requires_grad_()
out = nn.LPPool2d(2, 2)(zeros)
out.sum().backward()
print("window of zeros:", out.detach(), zeros.grad)

wide = F.relu(torch.randn(2, 3, 7, 6)).requires_grad_()  # after a ReLU, as in a CNN: an odd p sees no negatives
y = F.lp_pool2d(wide, 3, (2, 3), stride=(2, 2), ceil_mode=True)
print("ceil_mode:", y.shape, y[0, 0].detach().round(decimals=4))
y.pow(2).mean().backward()
print(wide.grad[1, 2].round(decimals=4))

signal = torch.linspace(-1, 1, 12).view(1, 1, 12).repeat(2, 2, 1).requires_grad_()
lp1 = nn.LPPool1d(2, 3, stride=2)
s = lp1(signal)
print(lp1, s.shape, s.grad_fn.name())
print(s[0].detach().round(decimals=4))
s.sum().backward()
print("1-D grad:", signal.grad[0, 0].round(decimals=4))
print("unbatched:", F.lp_pool1d(torch.arange(1.0, 7.0).view(1, 6), 1, 2), nn.LPPool2d(4, 2)(x[0]).shape)

# --- FractionalMaxPool2d: windows at pseudo-random steps ------------------------------------------------------------
fmp = nn.FractionalMaxPool2d(2, output_size=(4, 4))
print(fmp, nn.FractionalMaxPool2d(3, output_ratio=0.5), nn.FractionalMaxPool3d(2, output_ratio=(0.5, 0.5, 0.5)))
img = torch.arange(49.0).view(1, 1, 7, 7)
print(fmp(img))
print("another draw:", fmp(img)[0, 0, 0])
torch.manual_seed(3)
first = fmp(img)
torch.manual_seed(3)
print("same seed, same windows:", torch.equal(first, fmp(img)))

fixed = nn.FractionalMaxPool2d(2, output_size=3, return_indices=True, _random_samples=torch.full((1, 1, 2), 0.5))
print("buffers:", list(fixed.state_dict().keys()))
values, idx = fixed(img)
print(values, idx)
print("unpooled:", F.max_unpool2d(values, idx, 2, output_size=img.shape[-2:])[0, 0, :3])

feat = torch.randn(2, 3, 9, 8, requires_grad=True)
pooled, where = F.fractional_max_pool2d(feat, 3, output_ratio=(0.5, 0.5), return_indices=True)
print("ratio 0.5:", pooled.shape, pooled.grad_fn.name(), where.dtype)
print(where[1, 2])
weights = torch.randn(pooled.shape)
(pooled * weights).sum().backward()
print("grad:", feat.grad[1, 2].round(decimals=4))
print("each output's grad lands once:", feat.grad.ne(0).sum().item() <= pooled.numel())

samples = torch.rand(2, 3, 2)
a = F.fractional_max_pool2d(feat, 2, output_size=(5, 4), _random_samples=samples)
b = nn.FractionalMaxPool2d(2, output_size=(5, 4), _random_samples=samples)(feat)
print("given samples:", torch.equal(a, b), a[0, 0].detach().round(decimals=4))
print("unbatched:", F.fractional_max_pool2d(feat[0], 2, output_size=4).shape)

vol = torch.randn(1, 2, 6, 7, 8, requires_grad=True)
cube, cube_idx = nn.FractionalMaxPool3d(2, output_size=(3, 4, 5), return_indices=True)(vol)
print("3-D:", cube.shape, cube.grad_fn.name(), cube_idx[0, 1, 0])
cube.sum().backward()
print("3-D grad count:", vol.grad.sum().item())

for make in (
    lambda: nn.FractionalMaxPool2d(2),
    lambda: nn.FractionalMaxPool2d(2, output_size=3, output_ratio=0.5),
    lambda: nn.FractionalMaxPool2d(2, output_ratio=1.5),
    lambda: F.fractional_max_pool2d(feat, 2),
    lambda: F.fractional_max_pool2d(feat, 4, output_size=7),
    lambda: F.fractional_max_pool2d(feat, 2, output_size=(3, 3, 3)),
    lambda: F.fractional_max_pool2d(feat, 2, output_size=3, _random_samples=samples.double()),
    lambda: F.fractional_max_pool3d(vol, 3, output_size=(4, 4, 4)),
):
    try:
        make()
    except (ValueError, RuntimeError) as exc:
        print(f"{type(exc).__name__}: {exc}")

# --- channel shuffle: mixing information between groups -----------------------------------------------------------
shuffle = nn.ChannelShuffle(3)
print(shuffle, type(shuffle))
chans = torch.arange(6.0).view(1, 6, 1, 1).expand(2, 6, 2, 2)
print("channel order:", shuffle(chans)[0, :, 0, 0])


def channel_shuffle(x, groups):
    batch, channels, height, width = x.size()
    x = x.view(batch, groups, channels // groups, height, width)
    x = torch.transpose(x, 1, 2).contiguous()
    return x.view(batch, -1, height, width)


maps = torch.randn(2, 8, 3, 3)
print("matches view/transpose:", torch.equal(F.channel_shuffle(maps, 2), channel_shuffle(maps, 2)))
print("torch.channel_shuffle:", torch.equal(torch.channel_shuffle(maps, 4), channel_shuffle(maps, 4)))
print(torch.channel_shuffle(torch.arange(12).view(1, 6, 2), 2))
needs_grad = maps.clone().requires_grad_()
shuffled = nn.ChannelShuffle(2)(needs_grad)
print("grad_fn:", shuffled.grad_fn.name(), shuffled.requires_grad)
try:
    shuffled.sum().backward()
except RuntimeError as exc:
    print("RuntimeError:", exc)
by_hand = channel_shuffle(needs_grad, 2)
by_hand.sum().backward()
print("by hand:", by_hand.grad_fn.name(), needs_grad.grad.sum().item())
for bad in (
    lambda: nn.ChannelShuffle(3)(maps),
    lambda: F.channel_shuffle(maps, 0),
    lambda: F.channel_shuffle(maps[0, 0], 1),
):
    try:
        bad()
    except RuntimeError as exc:
        print("RuntimeError:", exc)
try:
    F.channel_shuffle(maps, 2.0)
except TypeError as exc:
    print("TypeError:", exc)

# --- a small CNN with LPPool2d and FractionalMaxPool2d ---------------------------------------------------------------
images = torch.rand(8, 1, 12, 12)
labels = (images[:, 0, :6].mean(dim=(1, 2)) > images[:, 0, 6:].mean(dim=(1, 2))).long()


class PoolNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.fmp = nn.FractionalMaxPool2d(2, output_ratio=(0.7, 0.7))
        self.conv2 = nn.Conv2d(4, 6, 3, padding=1)
        self.lp = nn.LPPool2d(2, 2)
        self.fc = nn.Linear(6 * 4 * 4, 2)

    def forward(self, x):
        x = self.fmp(F.relu(self.conv1(x)))
        x = self.lp(F.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


net = PoolNet()
print(net)
optimizer = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
criterion = nn.CrossEntropyLoss()
for step in range(4):
    optimizer.zero_grad()
    logits = net(images)
    loss = criterion(logits, labels)
    loss.backward()
    optimizer.step()
    acc = (logits.argmax(1) == labels).float().mean().item()
    print(f"poolnet step {step}: loss {loss.item():.4f} acc {acc:.3f}")
print("conv1 grad norm:", net.conv1.weight.grad.norm().item())
net.eval()
with torch.no_grad():
    print("eval logits:", net(images[:2]).round(decimals=4))

# --- a ShuffleNet-style unit: grouped 1x1, shuffle, depthwise 3x3, grouped 1x1, residual ----------------------------


class ShuffleUnit(nn.Module):
    def __init__(self, channels, groups):
        super().__init__()
        self.groups = groups
        self.gconv1 = nn.Conv2d(channels, channels, 1, groups=groups, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.dwconv = nn.Conv2d(channels, channels, 3, padding=1, groups=channels, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.gconv2 = nn.Conv2d(channels, channels, 1, groups=groups, bias=False)
        self.bn3 = nn.BatchNorm2d(channels)

    def forward(self, x):
        out = F.relu(self.bn1(self.gconv1(x)))
        out = channel_shuffle(out, self.groups)
        out = self.bn2(self.dwconv(out))
        out = self.bn3(self.gconv2(out))
        return F.relu(out + x)


model = nn.Sequential(
    nn.Conv2d(3, 8, 3, padding=1), ShuffleUnit(8, 2), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 3)
)
inputs = torch.randn(6, 3, 8, 8)
targets = torch.tensor([0, 1, 2, 0, 1, 2])
optimizer = optim.Adam(model.parameters(), lr=0.01)
for step in range(4):
    optimizer.zero_grad()
    loss = criterion(model(inputs), targets)
    loss.backward()
    optimizer.step()
    print(f"shufflenet step {step}: loss {loss.item():.4f}")
unit = model[1]
unit.eval()
with torch.no_grad():
    hidden = F.relu(unit.bn1(unit.gconv1(model[0](inputs))))
    print("nn.ChannelShuffle in eval agrees:", torch.equal(nn.ChannelShuffle(2)(hidden), channel_shuffle(hidden, 2)))
