# Normalisation for small batches and 1-D pooling, as style-transfer, detection and time-series notebooks use
# them: nn.GroupNorm (the per-group statistics it produces, GroupNorm(1, C) as a LayerNorm over (C, H, W),
# GroupNorm(C, C) as an InstanceNorm), nn.InstanceNorm2d without and with affine / track_running_stats (train
# vs eval), F.group_norm / F.instance_norm; nn.MaxPool1d, nn.AvgPool1d, nn.AdaptiveAvgPool1d and
# nn.AdaptiveMaxPool2d (global pooling, return_indices); then a 1-D CNN with GroupNorm trained on two batches
# of two signals, and a tiny style network with InstanceNorm2d.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(21)

# --- GroupNorm: statistics per sample and group of channels ------------------------------------------------
x = torch.randn(2, 6, 3, 3) * 3 + 1
gn = nn.GroupNorm(num_groups=3, num_channels=6)
print(gn, gn.weight.shape, gn.bias.shape)
y = gn(x)
print("grad_fn:", y.grad_fn.name())
groups = y.detach().view(2, 3, -1)
print("group means:", groups.mean(dim=2).abs().max().item() < 1e-5)
print("group vars:", groups.var(dim=2, unbiased=False).round(decimals=4))
print(y[0, 0].detach().round(decimals=4))
ln = nn.LayerNorm([6, 3, 3], elementwise_affine=False)
print("GroupNorm(1, C) == LayerNorm:", torch.allclose(nn.GroupNorm(1, 6, affine=False)(x), ln(x), atol=1e-5))
inorm = nn.InstanceNorm2d(6)
print(inorm)
print("GroupNorm(C, C) == InstanceNorm:", torch.allclose(nn.GroupNorm(6, 6, affine=False)(x), inorm(x), atol=1e-5))
print("F.group_norm:", F.group_norm(x, 2, eps=1e-3)[1, 5, 0].round(decimals=4))
try:
    nn.GroupNorm(4, 6)
except ValueError as exc:
    print("ValueError:", exc)

# gradients through GroupNorm
xg = x.clone().requires_grad_()
gn2 = nn.GroupNorm(2, 6)
with torch.no_grad():
    gn2.weight.copy_(torch.linspace(0.5, 1.5, 6))
    gn2.bias.copy_(torch.linspace(-0.2, 0.3, 6))
out = gn2(xg)
(out * torch.arange(54.0).view(6, 3, 3) / 54).sum().backward()
print("x.grad[0, 0]:", xg.grad[0, 0].round(decimals=4))
print("weight.grad:", gn2.weight.grad.round(decimals=4))
print("bias.grad:", gn2.bias.grad.round(decimals=4))

# --- InstanceNorm2d: per sample and channel -------------------------------------------------------------------
inorm_affine = nn.InstanceNorm2d(6, affine=True, track_running_stats=True)
print(inorm_affine, [name for name, _ in inorm_affine.named_buffers()])
z = inorm_affine(x)
print("instance-normed:", z.grad_fn.name(), z[1, 2].detach().round(decimals=4))
print("running_mean:", inorm_affine.running_mean.round(decimals=4))
print("running_var:", inorm_affine.running_var.round(decimals=4))
inorm_affine.eval()
print("eval uses running stats:", inorm_affine(x)[0, 0, 0].detach().round(decimals=4))
print("F.instance_norm:", F.instance_norm(x, eps=1e-5)[0, 1, 1].round(decimals=4))

# --- 1-D pooling over [batch, channels, length] -------------------------------------------------------------------
signal = torch.tensor([[[1.0, 3.0, 2.0, 5.0, 4.0, 0.0, 6.0]]])
for layer in (nn.MaxPool1d(2), nn.MaxPool1d(3, stride=2, padding=1), nn.AvgPool1d(2), nn.AvgPool1d(3, stride=2),
              nn.AdaptiveAvgPool1d(1), nn.AdaptiveAvgPool1d(3)):
    print(layer, layer(signal))
values, idx = nn.MaxPool1d(2, return_indices=True)(signal)
print("indices:", idx)
print("F.max_pool1d:", F.max_pool1d(signal, kernel_size=3), "F.avg_pool1d:", F.avg_pool1d(signal, 3, 1))
s = signal.clone().requires_grad_()
pooled = F.max_pool1d(s, 2)
print(pooled.grad_fn.name(), F.avg_pool1d(s, 2).grad_fn.name(), F.adaptive_avg_pool1d(s, 1).grad_fn.name())
(pooled.sum() + F.avg_pool1d(s, 2).sum()).backward()
print("signal grad:", s.grad)

gmp = nn.AdaptiveMaxPool2d((1, 1))
print(gmp, nn.AdaptiveMaxPool2d(2, return_indices=True))
print("global max:", gmp(x).flatten(1)[0])
vals, where = F.adaptive_max_pool2d(x[:, :2], 2, return_indices=True)
print(vals[0, 0], where[0, 0])
xm = x.clone().requires_grad_()
F.adaptive_max_pool2d(xm, (2, 1)).sum().backward()
print("adaptive max grad:", F.adaptive_max_pool2d(xm, (2, 1)).grad_fn.name(), xm.grad[0, 0])

# --- a 1-D CNN with GroupNorm on batches of two ----------------------------------------------------------------------
t = torch.linspace(0, 1, 16)
waves = torch.stack([torch.sin(2 * 3.14159 * f * t) for f in (1.0, 4.0, 1.5, 5.0)]).unsqueeze(1)
labels = torch.tensor([0, 1, 0, 1])


class SignalNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, 8, 3, padding=1), nn.GroupNorm(4, 8), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(8, 8, 3, padding=1), nn.GroupNorm(4, 8), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
        )
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(self.features(x).squeeze(-1))


net = SignalNet()
print(net)
optimizer = optim.Adam(net.parameters(), lr=0.02)
for epoch in range(4):
    for batch in (slice(0, 2), slice(2, 4)):
        optimizer.zero_grad()
        loss = F.cross_entropy(net(waves[batch]), labels[batch])
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        acc = (net(waves).argmax(1) == labels).float().mean().item()
    print(f"epoch {epoch}: last loss {loss.item():.4f}, accuracy {acc:.2f}")

# --- a style-transfer block: conv, InstanceNorm2d(affine=True), ReLU, with a residual ---------------------------------


class ResidualBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.norm = nn.InstanceNorm2d(channels, affine=True)

    def forward(self, x):
        return x + F.relu(self.norm(self.conv(x)))


block = ResidualBlock(3)
images = torch.rand(2, 3, 6, 6)
target = images.flip(-1)
optimizer = optim.SGD(block.parameters(), lr=0.1)
for step in range(4):
    optimizer.zero_grad()
    loss = F.mse_loss(block(images), target)
    loss.backward()
    optimizer.step()
    print(f"style step {step}: loss {loss.item():.5f}, norm weight grad {block.norm.weight.grad.abs().sum().item():.5f}")
