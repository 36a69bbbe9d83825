# d2l 20 "Generative Adversarial Networks" idioms (d2l-ai/d2l-en chapter_generative-adversarial-networks/):
# Gaussian data made by torch.matmul(X, A) + b, a one-Linear generator against a tanh discriminator,
# update_D with fake_X.detach() and BCEWithLogitsLoss(reduction='sum') on ones/zeros reshaped to the
# prediction, update_G, nn.init.normal_(w, 0, 0.02) over every parameter, metrics summed from 0-dim loss
# tensors and formatted with :.3f; then DCGAN's G_block (ConvTranspose2d + BatchNorm2d + ReLU) and D_block
# (Conv2d + BatchNorm2d + LeakyReLU(alpha, inplace=True)) shapes, the printed networks, Adam with
# betas=[0.5, 0.999], two training steps, the image grid by nested torch.cat; and the LeakyReLU plot data for
# alpha = 0, whose negative side is -0. (float() and numpy keep the sign), with relu/clamp/relu6 at -0. and NaN.
import torch
from torch import nn

torch.manual_seed(1)
X = torch.normal(0.0, 1, (200, 2))
A = torch.tensor([[1, 2], [-0.1, 0.5]])
b = torch.tensor([1, 2])
data = torch.matmul(X, A) + b
print(f'The covariance matrix is\n{torch.matmul(A.T, A)}')
batch_size = 8
data_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data), batch_size, shuffle=True)
net_G = nn.Sequential(nn.Linear(2, 2))
net_D = nn.Sequential(nn.Linear(2, 5), nn.Tanh(), nn.Linear(5, 3), nn.Tanh(), nn.Linear(3, 1))


def update_D(X, Z, net_D, net_G, loss, trainer_D):
    batch_size = X.shape[0]
    ones = torch.ones((batch_size,), device=X.device)
    zeros = torch.zeros((batch_size,), device=X.device)
    trainer_D.zero_grad()
    real_Y = net_D(X)
    fake_X = net_G(Z)
    fake_Y = net_D(fake_X.detach())
    loss_D = (loss(real_Y, ones.reshape(real_Y.shape)) + loss(fake_Y, zeros.reshape(fake_Y.shape))) / 2
    loss_D.backward()
    trainer_D.step()
    return loss_D


def update_G(Z, net_D, net_G, loss, trainer_G):
    batch_size = Z.shape[0]
    ones = torch.ones((batch_size,), device=Z.device)
    trainer_G.zero_grad()
    fake_X = net_G(Z)
    fake_Y = net_D(fake_X)
    loss_G = loss(fake_Y, ones.reshape(fake_Y.shape))
    loss_G.backward()
    trainer_G.step()
    return loss_G


def train(net_D, net_G, data_iter, num_epochs, lr_D, lr_G, latent_dim, data):
    loss = nn.BCEWithLogitsLoss(reduction='sum')
    for w in net_D.parameters():
        nn.init.normal_(w, 0, 0.02)
    for w in net_G.parameters():
        nn.init.normal_(w, 0, 0.02)
    trainer_D = torch.optim.Adam(net_D.parameters(), lr=lr_D)
    trainer_G = torch.optim.Adam(net_G.parameters(), lr=lr_G)
    for epoch in range(num_epochs):
        metric = [0.0, 0.0, 0]
        for (X,) in data_iter:
            batch_size = X.shape[0]
            Z = torch.normal(0, 1, size=(batch_size, latent_dim))
            metric[0] += update_D(X, Z, net_D, net_G, loss, trainer_D)
            metric[1] += update_G(Z, net_D, net_G, loss, trainer_G)
            metric[2] += batch_size
        Z = torch.normal(0, 1, size=(100, latent_dim))
        fake_X = net_G(Z).detach().numpy()
        loss_D, loss_G = metric[0] / metric[2], metric[1] / metric[2]
        print(f'epoch {epoch}: loss_D {loss_D:.3f}, loss_G {loss_G:.3f}', type(metric[0]).__name__)
    print(f'loss_D {loss_D:.3f}, loss_G {loss_G:.3f}')
    print(fake_X.shape, fake_X.dtype)


train(net_D, net_G, data_iter, 4, 0.05, 0.005, 2, data[:100].detach().numpy())


# DCGAN shapes
class G_block(nn.Module):
    def __init__(self, out_channels, in_channels=3, kernel_size=4, strides=2, padding=1, **kwargs):
        super(G_block, self).__init__(**kwargs)
        self.conv2d_trans = nn.ConvTranspose2d(in_channels, out_channels, kernel_size, strides, padding, bias=False)
        self.batch_norm = nn.BatchNorm2d(out_channels)
        self.activation = nn.ReLU()

    def forward(self, X):
        return self.activation(self.batch_norm(self.conv2d_trans(X)))


x = torch.zeros((2, 3, 16, 16))
g_blk = G_block(20)
print(g_blk(x).shape)
x = torch.zeros((2, 3, 1, 1))
g_blk = G_block(20, strides=1, padding=0)
print(g_blk(x).shape)
n_G = 8
net_G = nn.Sequential(
    G_block(in_channels=16, out_channels=n_G * 8, strides=1, padding=0),
    G_block(in_channels=n_G * 8, out_channels=n_G * 4),
    G_block(in_channels=n_G * 4, out_channels=n_G * 2),
    G_block(in_channels=n_G * 2, out_channels=n_G),
    nn.ConvTranspose2d(in_channels=n_G, out_channels=3, kernel_size=4, stride=2, padding=1, bias=False),
    nn.Tanh(),
)
x = torch.zeros((1, 16, 1, 1))
print(net_G(x).shape)
print(net_G)
alphas = [0, 0.2, 0.4, 0.6, 0.8, 1]
x = torch.arange(-2, 1, 0.1)
Y = [nn.LeakyReLU(alpha)(x).detach().numpy() for alpha in alphas]
print([round(float(y[3]), 3) for y in Y])


class D_block(nn.Module):
    def __init__(self, out_channels, in_channels=3, kernel_size=4, strides=2, padding=1, alpha=0.2, **kwargs):
        super(D_block, self).__init__(**kwargs)
        self.conv2d = nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding, bias=False)
        self.batch_norm = nn.BatchNorm2d(out_channels)
        self.activation = nn.LeakyReLU(alpha, inplace=True)

    def forward(self, X):
        return self.activation(self.batch_norm(self.conv2d(X)))


x = torch.zeros((2, 3, 16, 16))
d_blk = D_block(20)
print(d_blk(x).shape)
n_D = 8
net_D = nn.Sequential(
    D_block(n_D),
    D_block(in_channels=n_D, out_channels=n_D * 2),
    D_block(in_channels=n_D * 2, out_channels=n_D * 4),
    D_block(in_channels=n_D * 4, out_channels=n_D * 8),
    nn.Conv2d(in_channels=n_D * 8, out_channels=1, kernel_size=4, bias=False),
)
x = torch.zeros((1, 3, 64, 64))
print(net_D(x).shape)
print(net_D)
loss = nn.BCEWithLogitsLoss(reduction='sum')
for w in net_D.parameters():
    nn.init.normal_(w, 0, 0.02)
for w in net_G.parameters():
    nn.init.normal_(w, 0, 0.02)
trainer_hp = {'lr': 0.005, 'betas': [0.5, 0.999]}
trainer_D = torch.optim.Adam(net_D.parameters(), **trainer_hp)
trainer_G = torch.optim.Adam(net_G.parameters(), **trainer_hp)
print(trainer_D)
Xr = torch.rand(4, 3, 64, 64) * 2 - 1
for step in range(2):
    Z = torch.normal(0, 1, size=(4, 16, 1, 1))
    lD = update_D(Xr, Z, net_D, net_G, loss, trainer_D)
    lG = update_G(Z, net_D, net_G, loss, trainer_G)
    print(step, f'{lD.item():.3f} {lG.item():.3f}')
Z = torch.normal(0, 1, size=(6, 16, 1, 1))
fake_x = net_G(Z).permute(0, 2, 3, 1) / 2 + 0.5
imgs = torch.cat(
    [torch.cat([fake_x[i * 3 + j].cpu().detach() for j in range(3)], dim=1) for i in range(len(fake_x) // 3)], dim=0
)
print(imgs.shape, float(imgs.min()) >= 0, float(imgs.max()) <= 1)

# signed zeros and NaN at the rectifiers, as the alpha = 0 curve above shows them
x = torch.tensor([-1.5, -0.0, 0.0, 2.0, float('nan')], requires_grad=True)
for name, f in [
    ('relu', torch.relu),
    ('leaky0', nn.LeakyReLU(0)),
    ('relu6', nn.ReLU6()),
    ('hardtanh', lambda v: nn.functional.hardtanh(v, 0.0, 1.0)),
    ('clamp', lambda v: v.clamp(min=0)),
    ('threshold', lambda v: nn.functional.threshold(v, 0.0, -1.0)),
]:
    x.grad = None
    y = f(x)
    y.sum().backward()
    print(f'{name:9s}', y.detach(), x.grad, [float(v) for v in y.detach()[:3]], y.detach().numpy()[1])
print(float(torch.tensor(-0.0)), torch.tensor([-0.0]).item(), f'{torch.tensor(-0.0):+.1f}', torch.tensor(-0.0).numpy())
