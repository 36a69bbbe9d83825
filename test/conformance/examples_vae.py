# pytorch/examples vae/main.py idioms on synthetic 8x8 "images": argparse defaults read with
# parse_args([]), torch.manual_seed(args.seed), a VAE class with fc1/fc21/fc22/fc3/fc4, reparameterize
# with std = torch.exp(0.5 * logvar) and eps = torch.randn_like(std), decode through torch.sigmoid,
# x.view(-1, 64), loss_function as F.binary_cross_entropy(recon_x, x.view(-1, 64), reduction='sum') plus
# KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()), the 'Train Epoch: {} [{}/{} ({:.0f}%)]\t
# Loss: {:.6f}' and '====> Epoch: {} Average loss: {:.4f}' lines, a test loop under torch.no_grad() with
# torch.cat([data[:n], recon_batch.view(args.batch_size, 1, 8, 8)[:n]]), and sampling torch.randn(4, 3)
# through model.decode, plus a TensorDataset/DataLoader of the data.
import argparse

import torch
import torch.utils.data
from torch import nn, optim
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset

parser = argparse.ArgumentParser(description='VAE MNIST Example')
parser.add_argument('--batch-size', type=int, default=16, metavar='N',
                    help='input batch size for training (default: 16)')
parser.add_argument('--epochs', type=int, default=3, metavar='N',
                    help='number of epochs to train (default: 3)')
parser.add_argument('--no-cuda', action='store_true', default=False,
                    help='disables CUDA training')
parser.add_argument('--seed', type=int, default=1, metavar='S',
                    help='random seed (default: 1)')
parser.add_argument('--log-interval', type=int, default=2, metavar='N',
                    help='how many batches to wait before logging training status')
args = parser.parse_args([])
args.cuda = not args.no_cuda and torch.cuda.is_available()
print(args)

torch.manual_seed(args.seed)
device = torch.device("cuda" if args.cuda else "cpu")
kwargs = {'num_workers': 1, 'pin_memory': True} if args.cuda else {}

# Blobs: a bright square at a random place on a dark 8x8 canvas, values in [0, 1].
def make_images(n):
    imgs = torch.rand(n, 1, 8, 8) * 0.1
    for k in range(n):
        r, c = torch.randint(0, 5, (2,)).tolist()
        imgs[k, 0, r:r + 3, c:c + 3] = 0.9
    return imgs


train_x = make_images(64)
test_x = make_images(32)
train_loader = DataLoader(TensorDataset(train_x, torch.zeros(64)), batch_size=args.batch_size, shuffle=True,
                          **kwargs)
test_loader = DataLoader(TensorDataset(test_x, torch.zeros(32)), batch_size=args.batch_size, shuffle=False,
                         **kwargs)


class VAE(nn.Module):
    def __init__(self):
        super(VAE, self).__init__()
        self.fc1 = nn.Linear(64, 32)
        self.fc21 = nn.Linear(32, 3)
        self.fc22 = nn.Linear(32, 3)
        self.fc3 = nn.Linear(3, 32)
        self.fc4 = nn.Linear(32, 64)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        return mu + eps * std

    def decode(self, z):
        h3 = F.relu(self.fc3(z))
        return torch.sigmoid(self.fc4(h3))

    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 64))
        z = self.reparameterize(mu, logvar)
        return self.decode(z), mu, logvar


model = VAE().to(device)
print(model)
optimizer = optim.Adam(model.parameters(), lr=1e-3)
print(optimizer)


def loss_function(recon_x, x, mu, logvar):
    BCE = F.binary_cross_entropy(recon_x, x.view(-1, 64), reduction='sum')
    KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return BCE + KLD


def train(epoch):
    model.train()
    train_loss = 0
    for batch_idx, (data, _) in enumerate(train_loader):
        data = data.to(device)
        optimizer.zero_grad()
        recon_batch, mu, logvar = model(data)
        loss = loss_function(recon_batch, data, mu, logvar)
        loss.backward()
        train_loss += loss.item()
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader),
                loss.item() / len(data)))

    print('====> Epoch: {} Average loss: {:.4f}'.format(
          epoch, train_loss / len(train_loader.dataset)))


def test(epoch):
    model.eval()
    test_loss = 0
    with torch.no_grad():
        for i, (data, _) in enumerate(test_loader):
            data = data.to(device)
            recon_batch, mu, logvar = model(data)
            test_loss += loss_function(recon_batch, data, mu, logvar).item()
            if i == 0:
                n = min(data.size(0), 4)
                comparison = torch.cat([data[:n],
                                        recon_batch.view(args.batch_size, 1, 8, 8)[:n]])
                print(comparison.shape, comparison.grad_fn)
                print(comparison[n, 0, :2])

    test_loss /= len(test_loader.dataset)
    print('====> Test set loss: {:.4f}'.format(test_loss))


for epoch in range(1, args.epochs + 1):
    train(epoch)
    test(epoch)
    with torch.no_grad():
        sample = torch.randn(4, 3).to(device)
        sample = model.decode(sample).cpu()
        print(sample.view(4, 1, 8, 8).shape, f'{sample.mean():.4f}')

x = train_x[:2]
recon, mu, logvar = model(x)
print(mu)
print(logvar.exp())
print(recon.grad_fn.name(), mu.grad_fn.name())
loss = loss_function(recon, x, mu, logvar)
loss.backward()
print(model.fc21.bias.grad)
print(model.fc22.bias.grad)
