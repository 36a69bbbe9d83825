# A small GAN with a spectrally normalised discriminator, as SN-GAN / DCGAN notebooks write it:
# `from torch.nn.utils import spectral_norm`, every Conv2d and the final Linear of the discriminator wrapped
# in spectral_norm, LeakyReLU(0.2), a ConvTranspose2d generator with BatchNorm2d, Adam with betas=(0.5, 0.999),
# the hinge loss for D (relu(1 - real) + relu(1 + fake)) and -D(G(z)) for G, a few steps on generated 8x8
# "images"; then what learners print to check it: state_dict keys (weight_orig, weight_u, weight_v), the
# largest singular value of the normalised weight (about 1 after the power iteration), the buffers frozen in
# eval mode, n_power_iterations, remove_spectral_norm before export, and the error for wrapping twice.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import remove_spectral_norm, spectral_norm

torch.manual_seed(0)
nz = 8


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.ConvTranspose2d(nz, 16, 4, 1, 0, bias=False),
            nn.BatchNorm2d(16),
            nn.ReLU(True),
            nn.ConvTranspose2d(16, 1, 4, 2, 1, bias=False),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.net(z)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = spectral_norm(nn.Conv2d(1, 8, 3, 2, 1))
        self.conv2 = spectral_norm(nn.Conv2d(8, 16, 3, 2, 1))
        self.fc = spectral_norm(nn.Linear(16 * 2 * 2, 1))

    def forward(self, x):
        x = F.leaky_relu(self.conv1(x), 0.2)
        x = F.leaky_relu(self.conv2(x), 0.2)
        return self.fc(x.flatten(1))


G, D = Generator(), Discriminator()
print(D)
print(list(D.conv1.state_dict().keys()))
print([name for name, _ in D.named_parameters()])
print([name for name, _ in D.named_buffers()])

# "Real" images: a bright square at a random place on a dark background.
real = -torch.ones(16, 1, 8, 8)
for i in range(16):
    r, c = torch.randint(0, 5, (2,)).tolist()
    real[i, 0, r : r + 3, c : c + 3] = 1.0

opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
for step in range(4):
    z = torch.randn(16, nz, 1, 1)
    fake = G(z)
    opt_d.zero_grad()
    loss_d = F.relu(1.0 - D(real)).mean() + F.relu(1.0 + D(fake.detach())).mean()
    loss_d.backward()
    opt_d.step()
    opt_g.zero_grad()
    loss_g = -D(fake).mean()
    loss_g.backward()
    opt_g.step()
    print(f'step {step}: loss_D {loss_d.item():.4f} loss_G {loss_g.item():.4f}')

w = D.conv2.weight.detach().reshape(16, -1)
sigma = torch.linalg.matrix_norm(w, ord=2)
print('sigma of normalised conv2 weight:', round(sigma.item(), 3))
print('u norm:', round(D.conv2.weight_u.norm().item(), 4), 'v shape:', tuple(D.conv2.weight_v.shape))
print('weight_orig grad shape:', tuple(D.conv2.weight_orig.grad.shape))

D.eval()
u_before = D.fc.weight_u.clone()
with torch.no_grad():
    scores = D(real[:4])
print('eval scores:', scores.squeeze(1))
print('u unchanged in eval:', torch.equal(u_before, D.fc.weight_u))

# Three power iterations per step instead of one.
torch.manual_seed(1)
lin = spectral_norm(nn.Linear(5, 3), n_power_iterations=3)
x = torch.randn(4, 5)
for _ in range(2):
    y = lin(x)
print('3 iterations:', y.sum().item() != 0, lin.weight_u)

remove_spectral_norm(D.fc)
print(list(D.fc.state_dict().keys()), type(D.fc.weight).__name__)
try:
    spectral_norm(D.conv1)
except RuntimeError as e:
    print('RuntimeError:', e)
