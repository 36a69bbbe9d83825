# Image-model spatial ops: reflection/replication padding in style-transfer and CycleGAN-style residual
# blocks, Conv2d padding modes, a U-Net-like upsampling path (bilinear, bicubic, F.pad to match a skip),
# convolution written as im2col with F.unfold, patches folded back with F.fold, and 1-D / 3-D resizing.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
img = torch.arange(16.0).view(1, 1, 4, 4)
print(F.pad(img, (2, 2, 2, 2), mode='reflect'))
print(F.pad(img, (1, 1, 1, 1), mode='replicate'))
print(F.pad(img, (1, 1, 1, 1), mode='circular'))
print(nn.ReflectionPad2d(1), nn.ReplicationPad2d((1, 0, 1, 0)), nn.ReflectionPad1d(2))


class ConvLayer(nn.Module):
    def __init__(self, cin, cout, kernel_size, stride):
        super().__init__()
        self.reflection_pad = nn.ReflectionPad2d(kernel_size // 2)
        self.conv2d = nn.Conv2d(cin, cout, kernel_size, stride)

    def forward(self, x):
        return self.conv2d(self.reflection_pad(x))


class ResidualBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = ConvLayer(channels, channels, 3, 1)
        self.in1 = nn.InstanceNorm2d(channels, affine=True)
        self.conv2 = ConvLayer(channels, channels, 3, 1)
        self.in2 = nn.InstanceNorm2d(channels, affine=True)
        self.relu = nn.ReLU()

    def forward(self, x):
        out = self.relu(self.in1(self.conv1(x)))
        return self.in2(self.conv2(out)) + x


class UpsampleConvLayer(nn.Module):
    def __init__(self, cin, cout, kernel_size, upsample):
        super().__init__()
        self.upsample = upsample
        self.pad = nn.ReflectionPad2d(kernel_size // 2)
        self.conv = nn.Conv2d(cin, cout, kernel_size)

    def forward(self, x):
        x = F.interpolate(x, mode='nearest', scale_factor=self.upsample)
        return self.conv(self.pad(x))


def resnet_block(dim, padding_type):
    pad = nn.ReflectionPad2d(1) if padding_type == 'reflect' else nn.ReplicationPad2d(1)
    return nn.Sequential(
        pad,
        nn.Conv2d(dim, dim, 3, padding=0),
        nn.InstanceNorm2d(dim),
        nn.ReLU(True),
        nn.ReflectionPad2d(1),
        nn.Conv2d(dim, dim, 3, padding=0),
        nn.InstanceNorm2d(dim),
    )


net = nn.Sequential(ConvLayer(3, 4, 3, 1), ResidualBlock(4), UpsampleConvLayer(4, 3, 3, 2))
print(net)
x = torch.rand(2, 3, 6, 6)
y = net(x)
print(y.shape, y.grad_fn.name())
loss = y.square().mean()
loss.backward()
print('loss', round(loss.item(), 6))
print(net[0].conv2d.weight.grad[0, 0])
print(net[1].in1.weight.grad)

block = resnet_block(3, 'replicate')
out = x + block(x)
print(block[0], out.shape, block(x).grad_fn.name())
out.square().sum().backward()
print(block[1].weight.grad[0, 0])

for mode in ['reflect', 'replicate', 'circular']:
    conv = nn.Conv2d(1, 2, 3, padding=1, padding_mode=mode)
    o = conv(img)
    print(conv, o.shape, conv(img.requires_grad_()).grad_fn.next_functions[0][0].name())
    img.requires_grad_(False)
    print(o[0, 0, 0])
conv1 = nn.Conv1d(2, 2, 5, padding=2, padding_mode='circular', bias=False)
seq = torch.randn(1, 2, 8, requires_grad=True)
conv1(seq).pow(2).sum().backward()
print(seq.grad)

# U-Net-like decoder step: upsample the deep map, pad it to the skip connection's size, concatenate.
deep = torch.randn(1, 4, 3, 3, requires_grad=True)
skip = torch.randn(1, 2, 7, 7)
up = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
u = up(deep)
diffY, diffX = skip.size(2) - u.size(2), skip.size(3) - u.size(3)
u = F.pad(u, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
cat = torch.cat([skip, u], dim=1)
print(up, cat.shape)
smooth = F.interpolate(deep, size=(5, 6), mode='bicubic', align_corners=False)
print(smooth.grad_fn.name())
print(smooth[0, 0])
(cat.sum() + smooth.square().sum()).backward()
print(deep.grad[0, 0])
print(F.interpolate(img, scale_factor=1.5, mode='bicubic', align_corners=True)[0, 0])
print(F.interpolate(img, size=3, mode='nearest-exact'), F.interpolate(img, size=2, mode='area'))

# im2col: a convolution as one matrix product over unfolded patches.
inp = torch.randn(2, 3, 5, 5, requires_grad=True)
w = torch.randn(4, 3, 3, 3, requires_grad=True)
inp_unf = F.unfold(inp, kernel_size=3, padding=1)
print(inp_unf.shape, inp_unf.grad_fn.name())
out_unf = inp_unf.transpose(1, 2).matmul(w.view(w.size(0), -1).t()).transpose(1, 2)
out = F.fold(out_unf, (5, 5), (1, 1))
print(out.shape, out.grad_fn.name(), (out - F.conv2d(inp, w, padding=1)).abs().max() < 1e-4)
out.sum().backward()
print(inp.grad[0, 0])
print(w.grad[0, 0])

# Patches and back: non-overlapping 2x2 patches, then overlapping ones averaged by the overlap count.
patches = nn.Unfold(kernel_size=2, stride=2)(img)
print(nn.Unfold(kernel_size=2, stride=2), patches)
print(nn.Fold(output_size=(4, 4), kernel_size=2, stride=2)(patches).equal(img))
ones = torch.ones_like(img)
fold = nn.Fold(output_size=(4, 4), kernel_size=3, padding=1)
print(fold(F.unfold(img, 3, padding=1)) / fold(F.unfold(ones, 3, padding=1)))

# 1-D signals and 3-D volumes.
sig = torch.linspace(0, 1, 5).view(1, 1, 5).requires_grad_()
s2 = F.interpolate(sig, scale_factor=2, mode='linear', align_corners=False)
print(s2, F.interpolate(sig, size=8, mode='nearest'))
s2.pow(2).sum().backward()
print(sig.grad)
vol = torch.arange(8.0).view(1, 1, 2, 2, 2)
print(F.interpolate(vol, scale_factor=2, mode='trilinear', align_corners=False)[0, 0, 1])
print(F.pad(vol, (1, 1, 1, 1, 1, 1), mode='replicate').shape, nn.ReflectionPad3d(1)(vol)[0, 0, 0])
try:
    F.pad(img, (4, 4, 0, 0), mode='reflect')
except RuntimeError as e:
    print('RuntimeError:', e)
