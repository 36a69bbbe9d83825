# pytorch/examples mnist_forward_forward/main.py idioms (Hinton's forward-forward algorithm) on random
# flattened 6x6 "digits" (no download): argparse defaults via parse_args([]), overlay_y_on_x writing the
# one-hot label into the first pixels (`x_[:, :10] *= 0.0`, `x_[range(n), y] = x.max()`), a Layer that
# subclasses nn.Linear (positional bias/device/dtype to super().__init__) and overrides Module.train with its
# own Adam loop, `x / (x.norm(2, 1, keepdim=True) + 1e-4)`, `torch.mm(x, self.weight.T) + self.bias.unsqueeze(0)`,
# goodness `h.pow(2).mean(1)`, the softplus-style loss `torch.log(1 + torch.exp(torch.cat([...]))).mean()`,
# layers kept in a plain list (`self.layers = self.layers + [...]`), `sum(goodness)` over a list of tensors,
# predictions by `goodness_per_label.argmax(1)`, negatives from `y[torch.randperm(n)]`, 'train error:' lines.
import argparse

import torch
import torch.nn as nn
from torch.optim import Adam

parser = argparse.ArgumentParser(description="Forward-Forward on synthetic digits")
parser.add_argument("--epochs", type=int, default=60, metavar="N",
                    help="number of epochs to train each layer (default: 60)")
parser.add_argument("--lr", type=float, default=0.03, metavar="LR", help="learning rate (default: 0.03)")
parser.add_argument("--no_cuda", action="store_true", default=False, help="disables CUDA training")
parser.add_argument("--no_mps", action="store_true", default=False, help="disables MPS training")
parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default: 1)")
parser.add_argument("--threshold", type=float, default=2, help="goodness threshold for each layer")
parser.add_argument("--log-interval", type=int, default=15, metavar="N",
                    help="how many epochs to wait before logging the layer loss")
args = parser.parse_args([])

use_cuda = not args.no_cuda and torch.cuda.is_available()
use_mps = not args.no_mps and torch.backends.mps.is_available()
if use_cuda:
    device = torch.device("cuda")
elif use_mps:
    device = torch.device("mps")
else:
    device = torch.device("cpu")
torch.manual_seed(args.seed)

N_CLASSES = 10
PIXELS = 36


def overlay_y_on_x(x, y):
    """Replace the first 10 pixels of each image by a one-hot label at the image's brightest value."""
    x_ = x.clone()
    x_[:, :N_CLASSES] *= 0.0
    x_[range(x.shape[0]), y] = x.max()
    return x_


class Layer(nn.Linear):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__(in_features, out_features, bias, device, dtype)
        self.relu = torch.nn.ReLU()
        self.opt = Adam(self.parameters(), lr=args.lr)
        self.threshold = args.threshold
        self.num_epochs = args.epochs

    def forward(self, x):
        x_direction = x / (x.norm(2, 1, keepdim=True) + 1e-4)
        return self.relu(torch.mm(x_direction, self.weight.T) + self.bias.unsqueeze(0))

    def train(self, x_pos, x_neg):
        for i in range(self.num_epochs):
            g_pos = self.forward(x_pos).pow(2).mean(1)
            g_neg = self.forward(x_neg).pow(2).mean(1)
            # push positive goodness above the threshold and negative goodness below it
            loss = torch.log(1 + torch.exp(torch.cat([-g_pos + self.threshold, g_neg - self.threshold]))).mean()
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            if i % args.log_interval == 0:
                print("Loss: ", loss.item())
        return self.forward(x_pos).detach(), self.forward(x_neg).detach()


class Net(torch.nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.layers = []
        for d in range(len(dims) - 1):
            self.layers = self.layers + [Layer(dims[d], dims[d + 1]).to(device)]

    def predict(self, x):
        goodness_per_label = []
        for label in range(N_CLASSES):
            h = overlay_y_on_x(x, label)
            goodness = []
            for layer in self.layers:
                h = layer(h)
                goodness = goodness + [h.pow(2).mean(1)]
            goodness_per_label += [sum(goodness).unsqueeze(1)]
        goodness_per_label = torch.cat(goodness_per_label, 1)
        return goodness_per_label.argmax(1)

    def train(self, x_pos, x_neg):
        h_pos, h_neg = x_pos, x_neg
        for i, layer in enumerate(self.layers):
            print("training layer: ", i)
            h_pos, h_neg = layer.train(h_pos, h_neg)


def make_digits(n, generator):
    # class k brightens pixels 10 + 2k and 11 + 2k (outside the label slots) on top of noise
    y = torch.randint(0, N_CLASSES, (n,), generator=generator)
    x = torch.rand(n, PIXELS, generator=generator) * 0.2
    x[torch.arange(n), 10 + 2 * y] += 1.0
    x[torch.arange(n), 11 + 2 * y] += 1.0
    return (x - 0.1307) / 0.3081, y


if __name__ == "__main__":
    g = torch.Generator().manual_seed(3)
    x, y = make_digits(200, g)
    x_te, y_te = make_digits(100, g)
    x, y = x.to(device), y.to(device)

    net = Net([PIXELS, 40, 40])
    print(net)
    print("layers kept in a list:", len(net.layers), type(net.layers[0]).__name__,
          len(list(net.parameters())), len(list(net.layers[0].parameters())))
    x_pos = overlay_y_on_x(x, y)
    rnd = torch.randperm(x.size(0))
    x_neg = overlay_y_on_x(x, y[rnd])
    print("overlay:", x_pos[0, :12])
    print("same labels in negatives:", (y == y[rnd]).sum().item())

    net.train(x_pos, x_neg)

    print("train error:", 1.0 - net.predict(x).eq(y).float().mean().item())
    x_te, y_te = x_te.to(device), y_te.to(device)
    print("first predictions:", net.predict(x_te[:8]), y_te[:8])
    with torch.no_grad():
        print("layer-0 goodness of the true label:", net.layers[0](overlay_y_on_x(x_te[:3], y_te[:3])).pow(2).mean(1))
    print("test error:", 1.0 - net.predict(x_te).eq(y_te).float().mean().item())
