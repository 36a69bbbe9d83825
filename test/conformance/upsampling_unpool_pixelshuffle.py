# Growing feature maps back in encoder-decoder networks, as segmentation and super-resolution tutorials do:
# MaxPool2d(return_indices=True) with MaxUnpool2d (SegNet), nn.Upsample / F.interpolate in nearest and
# bilinear modes (U-Net decoders), nn.PixelShuffle after a convolution (the sub-pixel super-resolution
# example), each printed on small inputs with its gradient, then three tiny networks trained a few steps:
# a SegNet-style segmenter with per-pixel CrossEntropyLoss, a U-Net-style mask predictor with a skip
# connection and BCEWithLogitsLoss, and a PixelShuffle upscaler scored by PSNR.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(5)

# --- max pooling that remembers where the maxima were, and unpooling back -----------------------------------
x = torch.tensor([[[[1.0, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]])
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
print(pool, unpool)
output, indices = pool(x)
print(output)
print(indices, indices.dtype)
print(unpool(output, indices))

x5 = torch.randn(1, 2, 5, 5, requires_grad=True)
out5, idx5 = F.max_pool2d(x5, kernel_size=2, return_indices=True)
restored = unpool(out5, idx5, output_size=x5.size())
print("restored:", restored.shape, restored.grad_fn.name())
try:  # without output_size a 5x5 map unpools to 4x4, and an index of the last row does not fit
    F.max_unpool2d(out5, idx5, kernel_size=2)
except RuntimeError as exc:
    print("RuntimeError:", exc)
print("kept the maxima:", torch.equal(restored.detach() != 0, F.max_unpool2d(out5, idx5, 2, output_size=[5, 5]).detach() != 0))
(restored * torch.arange(50.0).view(1, 2, 5, 5)).sum().backward()
print("grad through pool and unpool:", x5.grad[0, 0])

# --- nearest and bilinear upsampling ---------------------------------------------------------------------------
small = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]])
up = nn.Upsample(scale_factor=2, mode="nearest")
print(up, nn.Upsample(size=(3, 5)), nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False))
print(up(small))
print(F.interpolate(small, size=(3, 5), mode="nearest"))
print(F.interpolate(small, scale_factor=2, mode="bilinear", align_corners=False))
print(F.interpolate(small, size=(3, 3), mode="bilinear", align_corners=True))
print(nn.UpsamplingBilinear2d(scale_factor=2), nn.UpsamplingNearest2d(scale_factor=3))
print(nn.UpsamplingBilinear2d(scale_factor=2)(small))
print("nearest x3:", nn.UpsamplingNearest2d(scale_factor=3)(small).shape)

feat = torch.randn(1, 2, 3, 4, requires_grad=True)
y = F.interpolate(feat, scale_factor=2, mode="bilinear", align_corners=False)
print("bilinear:", y.shape, y.grad_fn.name())
weights = torch.randn(y.shape)
(y * weights).sum().backward()
print("bilinear grad:", feat.grad.round(decimals=4))
feat.grad = None
z = F.interpolate(feat, size=(5, 7), mode="nearest")
print("nearest to 5x7:", z.grad_fn.name(), z[0, 0].detach().round(decimals=3))
z.sum().backward()
print("nearest grad (how often each pixel was copied):", feat.grad[0, 0])

# --- pixel shuffle: channels become space ----------------------------------------------------------------------
ps = nn.PixelShuffle(2)
t = torch.arange(16.0).view(1, 4, 2, 2)
print(ps, nn.PixelUnshuffle(2))
print(ps(t))
print("unshuffle undoes it:", torch.equal(nn.PixelUnshuffle(2)(ps(t)), t), F.pixel_shuffle(t, 2).shape)

# --- a SegNet-style segmenter: pool indices carried to the decoder ----------------------------------------------
images = torch.rand(4, 1, 8, 8)
masks = (images > 0.5).long()[:, 0]  # per-pixel class 0/1


class TinySegNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU())
        self.pool = nn.MaxPool2d(2, 2, return_indices=True)
        self.unpool = nn.MaxUnpool2d(2, 2)
        self.dec = nn.Conv2d(4, 2, 3, padding=1)

    def forward(self, x):
        x = self.enc(x)
        size = x.size()
        x, idx = self.pool(x)
        x = self.unpool(x, idx, output_size=size)
        return self.dec(x)


segnet = TinySegNet()
print(segnet)
optimizer = optim.SGD(segnet.parameters(), lr=0.5, momentum=0.9)
criterion = nn.CrossEntropyLoss()
for step in range(5):
    optimizer.zero_grad()
    logits = segnet(images)
    loss = criterion(logits, masks)
    loss.backward()
    optimizer.step()
    pixel_acc = (logits.argmax(dim=1) == masks).float().mean().item()
    print(f"segnet step {step}: loss {loss.item():.4f} pixel acc {pixel_acc:.3f}")

# --- a U-Net-style mask predictor: upsample, concatenate the skip, convolve ----------------------------------------


class TinyUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.down = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU())
        self.bottom = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(4, 8, 3, padding=1), nn.ReLU())
        self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
        self.head = nn.Conv2d(12, 1, 1)

    def forward(self, x):
        skip = self.down(x)
        x = self.up(self.bottom(skip))
        return self.head(torch.cat([x, skip], dim=1))


unet = TinyUNet()
optimizer = optim.Adam(unet.parameters(), lr=0.05)
bce = nn.BCEWithLogitsLoss()
target = masks.unsqueeze(1).float()
for step in range(5):
    optimizer.zero_grad()
    logits = unet(images)
    loss = bce(logits, target)
    loss.backward()
    optimizer.step()
    pred = (torch.sigmoid(logits) > 0.5).float()
    dice = (2 * (pred * target).sum() / (pred.sum() + target.sum() + 1e-6)).item()
    print(f"unet step {step}: loss {loss.item():.4f} dice {dice:.3f}")

# --- sub-pixel super-resolution: low-resolution input, PixelShuffle output ----------------------------------------


class SuperResolution(nn.Module):
    def __init__(self, upscale_factor):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, upscale_factor ** 2, 3, padding=1)
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

    def forward(self, x):
        x = torch.tanh(self.conv1(x))
        return self.pixel_shuffle(self.conv2(x))


hr = F.interpolate(torch.rand(4, 1, 4, 4), scale_factor=2, mode="bilinear", align_corners=False)
lr_img = F.avg_pool2d(hr, 2)
model = SuperResolution(upscale_factor=2)
optimizer = optim.Adam(model.parameters(), lr=0.01)
mse = nn.MSELoss()
for epoch in range(1, 6):
    optimizer.zero_grad()
    sr = model(lr_img)
    loss = mse(sr, hr)
    loss.backward()
    optimizer.step()
    psnr = 10 * math.log10(1 / loss.item())
    print(f"===> Epoch {epoch}: loss {loss.item():.5f}, PSNR {psnr:.2f} dB")
print("output:", tuple(sr.shape), sr.grad_fn.name())
baseline = mse(F.interpolate(lr_img, scale_factor=2, mode="nearest"), hr).item()
print(f"nearest-neighbour baseline PSNR {10 * math.log10(1 / baseline):.2f} dB")
