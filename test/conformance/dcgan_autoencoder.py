# A tiny DCGAN-style generator (ConvTranspose2d + BatchNorm2d + PReLU) and a convolutional autoencoder,
# each trained a few steps on patterns made in the file.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(999)
nz, ngf = 8, 8


def weights_init(m):
    # The DCGAN tutorial's custom init: N(0, 0.02) convolutions, N(1, 0.02) batch-norm scales.
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            # latent z [N, nz, 1, 1] -> [N, ngf * 2, 4, 4]
            nn.ConvTranspose2d(nz, ngf * 2, 4, 1, 0, bias=False),
            nn.BatchNorm2d(ngf * 2),
            nn.PReLU(),
            # -> [N, ngf, 8, 8]
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.PReLU(ngf, init=0.2),
            # -> [N, 1, 16, 16]
            nn.ConvTranspose2d(ngf, 1, 4, 2, 1, bias=False),
            nn.Tanh(),
        )

    def forward(self, input):
        return self.main(input)


netG = Generator()
netG.apply(weights_init)
print(netG)
fixed_noise = torch.randn(4, nz, 1, 1)
x = fixed_noise
for layer in netG.main:
    x = layer(x)
    print(f'{type(layer).__name__:>16}: {tuple(x.shape)}')

# Targets: 16x16 diagonal stripes and checkerboards in [-1, 1]
ii = torch.arange(16).view(16, 1)
jj = torch.arange(16).view(1, 16)
stripes = (((ii + jj) // 4) % 2).float() * 2 - 1
checks = (((ii // 4) + (jj // 4)) % 2).float() * 2 - 1
target = torch.stack([stripes, checks, stripes, checks]).unsqueeze(1)

optimizerG = torch.optim.Adam(netG.parameters(), lr=0.01, betas=(0.5, 0.999))
for step in range(8):
    netG.zero_grad()
    fake = netG(fixed_noise)
    errG = F.mse_loss(fake, target)
    errG.backward()
    optimizerG.step()
    print(f'[{step}/8] Loss_G: {errG.item():.4f}  D(G(z)) mean: {fake.mean().item():.4f}')
print('last deconv weight grad [0, 0]:', netG.main[6].weight.grad[0, 0])
print('first PReLU weight:', netG.main[2].weight.data, 'grad:', netG.main[2].weight.grad)
print('second PReLU grad:', netG.main[5].weight.grad)
print('bn running_mean:', netG.main[1].running_mean[:4])
netG.eval()
with torch.no_grad():
    sample = netG(fixed_noise[:1])
print('eval sample row 0:', sample[0, 0, 0, :6])


class AutoEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 4, 3, stride=2, padding=1),  # 16 -> 8
            nn.ReLU(),
            nn.Conv2d(4, 8, 3, stride=2, padding=1),  # 8 -> 4
            nn.ReLU(),
        )
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1),  # 4 -> 8
            nn.ReLU(),
            nn.ConvTranspose2d(4, 1, 3, stride=2, padding=1, output_padding=1),  # 8 -> 16
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))


torch.manual_seed(1)
ae = AutoEncoder()
print(ae)
images = (target + 1) / 2
code = ae.encoder(images)
print('code:', code.shape, 'reconstruction:', ae(images).shape)
opt = torch.optim.Adam(ae.parameters(), lr=0.02)
for epoch in range(10):
    opt.zero_grad()
    loss = F.binary_cross_entropy(ae(images), images)
    loss.backward()
    opt.step()
    if epoch % 3 == 0 or epoch == 9:
        print(f'epoch {epoch}: loss = {loss.item():.5f}')
print('decoder[0].bias.grad:', ae.decoder[0].bias.grad)
print('decoder[2].weight[0, 0]:', ae.decoder[2].weight[0, 0])

# output_size picks the output padding; the functional form; the shape errors
up = nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1)
print(up(code).shape, up(code, output_size=[8, 8]).shape, up(code, output_size=(2, 4, 8, 8)).shape)
w = torch.randn(2, 3, 2, 2, requires_grad=True)
y = F.conv_transpose2d(torch.ones(1, 2, 2, 2), w, stride=2)
print(y.shape, y.grad_fn.name())
y.sum().backward()
print('w.grad:', w.grad[0, 0])
print(nn.ConvTranspose1d(4, 2, 3, stride=2)(torch.randn(1, 4, 5)).shape)
try:
    up(code, output_size=[10, 10])
except ValueError as e:
    print('ValueError:', e)
try:
    F.conv_transpose2d(torch.randn(1, 5, 4, 4), torch.randn(4, 3, 3, 3))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    nn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=2)(torch.randn(1, 4, 3, 3))
except RuntimeError as e:
    print('RuntimeError:', e)
