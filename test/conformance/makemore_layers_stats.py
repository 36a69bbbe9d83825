# Karpathy's makemore part 3, second half ("PyTorch-ifying" the code): hand-written Linear, BatchNorm1d
# and Tanh classes with __call__, .out and parameters() (self.out += self.bias on a graph result, running
# statistics under torch.no_grad(), a training flag), a deep stack of them on made-up names, the last layer
# made less confident (layers[-1].gamma *= 0.1) and the others scaled by 5/3 under torch.no_grad(),
# layer.out.retain_grad() on every layer, the per-layer statistics printed with
# 'layer %d (%10s): mean %+.2f, std %.2f, saturated: %.2f%%' % (..., tensor, ...), torch.histogram of the
# activations (density=True), the 'weight %10s | mean %+f | std %e | grad:data ratio %e' table, the
# update-to-data ratios, then eval mode (layer.training = False) for the split losses and sampling.
import random

import torch
import torch.nn.functional as F

random.seed(11)
parts = ['ka', 'ri', 'mo', 'su', 'le', 'na', 'to', 'vi', 'ha', 'ji', 'ro', 'de', 'el', 'an', 'is', 'yu']
words = sorted(set(''.join(random.choice(parts) for _ in range(random.randint(1, 3))) for _ in range(300)))
print(len(words), words[:4])
chars = sorted(list(set(''.join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
vocab_size = len(itos)
block_size = 3


def build_dataset(words):
    X, Y = [], []
    for w in words:
        context = [0] * block_size
        for ch in w + '.':
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    return torch.tensor(X), torch.tensor(Y)


random.seed(42)
random.shuffle(words)
n1 = int(0.9 * len(words))
Xtr, Ytr = build_dataset(words[:n1])
Xdev, Ydev = build_dataset(words[n1:])
print(vocab_size, Xtr.shape, Xdev.shape)

g = torch.Generator().manual_seed(2147483647)


class Linear:

    def __init__(self, fan_in, fan_out, bias=True):
        self.weight = torch.randn((fan_in, fan_out), generator=g) / fan_in**0.5
        self.bias = torch.zeros(fan_out) if bias else None

    def __call__(self, x):
        self.out = x @ self.weight
        if self.bias is not None:
            self.out += self.bias
        return self.out

    def parameters(self):
        return [self.weight] + ([] if self.bias is None else [self.bias])


class BatchNorm1d:

    def __init__(self, dim, eps=1e-5, momentum=0.1):
        self.eps = eps
        self.momentum = momentum
        self.training = True
        self.gamma = torch.ones(dim)
        self.beta = torch.zeros(dim)
        self.running_mean = torch.zeros(dim)
        self.running_var = torch.ones(dim)

    def __call__(self, x):
        if self.training:
            xmean = x.mean(0, keepdim=True)
            xvar = x.var(0, keepdim=True)
        else:
            xmean = self.running_mean
            xvar = self.running_var
        xhat = (x - xmean) / torch.sqrt(xvar + self.eps)
        self.out = self.gamma * xhat + self.beta
        if self.training:
            with torch.no_grad():
                self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * xmean
                self.running_var = (1 - self.momentum) * self.running_var + self.momentum * xvar
        return self.out

    def parameters(self):
        return [self.gamma, self.beta]


class Tanh:

    def __call__(self, x):
        self.out = torch.tanh(x)
        return self.out

    def parameters(self):
        return []


n_embd = 6
n_hidden = 32
C = torch.randn((vocab_size, n_embd), generator=g)
layers = [
    Linear(n_embd * block_size, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
    Linear(n_hidden, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
    Linear(n_hidden, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
    Linear(n_hidden, vocab_size, bias=False), BatchNorm1d(vocab_size),
]
with torch.no_grad():
    layers[-1].gamma *= 0.1
    for layer in layers[:-1]:
        if isinstance(layer, Linear):
            layer.weight *= 5 / 3
parameters = [C] + [p for layer in layers for p in layer.parameters()]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

# a bias added in place to the product: AddBackward0 on the graph, no leaf touched
probe = Linear(4, 3)
probe.weight.requires_grad = True
out = probe(torch.ones(2, 4))
print(out.grad_fn.name(), out.is_leaf, probe.bias.requires_grad)

max_steps = 100
batch_size = 32
lossi = []
ud = []
for i in range(max_steps):
    ix = torch.randint(0, Xtr.shape[0], (batch_size,), generator=g)
    Xb, Yb = Xtr[ix], Ytr[ix]
    emb = C[Xb]
    x = emb.view(emb.shape[0], -1)
    for layer in layers:
        x = layer(x)
    loss = F.cross_entropy(x, Yb)
    for layer in layers:
        layer.out.retain_grad()
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1 if i < 80 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    if i % 25 == 0:
        print(f'{i:7d}/{max_steps:7d}: {loss.item():.4f}')
    lossi.append(loss.log10().item())
    with torch.no_grad():
        ud.append([((lr * p.grad).std() / p.data.std()).log10().item() for p in parameters])

print('activation distribution')
for i, layer in enumerate(layers[:-1]):
    if isinstance(layer, Tanh):
        t = layer.out
        print('layer %d (%10s): mean %+.2f, std %.2f, saturated: %.2f%%' % (
            i, layer.__class__.__name__, t.mean(), t.std(), (t.abs() > 0.97).float().mean() * 100))
        hy, hx = torch.histogram(t, density=True)
        print(hy.shape, hx.shape, f'{hx[0].item():.4f} {hx[-1].item():.4f}', f'{(hy * (hx[1] - hx[0])).sum().item():.4f}')
print('gradient distribution')
for i, layer in enumerate(layers[:-1]):
    if isinstance(layer, Tanh):
        t = layer.out.grad
        print('layer %d (%10s): std %.3e' % (i, layer.__class__.__name__, t.std()))
print('weights')
for i, p in enumerate(parameters):
    t = p.grad
    if p.ndim == 2:
        print('weight %10s | std %.4e | grad:data ratio %.4e' % (tuple(p.shape), t.std(), t.std() / p.std()))
print([f'{ud[-1][j]:.2f}' for j in range(len(parameters)) if parameters[j].ndim == 2])

counts, edges = torch.histogram(torch.tensor([0.1, 0.2, 0.25, 0.9, 1.0]), bins=4)
print(counts, edges)
print(torch.histogram(torch.tensor([1.0, 2.0, 2.5, 7.0]), bins=3, range=(0.0, 6.0)))
print(torch.histogram(torch.tensor([1.0, 2.0, 2.5, 7.0]), torch.tensor([0.0, 2.0, 5.0, 8.0]), density=True))

for layer in layers:
    layer.training = False
print(layers[1].running_mean[0, :3], layers[-1].running_var[0, :3])


@torch.no_grad()
def split_loss(split):
    x, y = {'train': (Xtr, Ytr), 'val': (Xdev, Ydev)}[split]
    emb = C[x]
    x = emb.view(emb.shape[0], -1)
    for layer in layers:
        x = layer(x)
    loss = F.cross_entropy(x, y)
    print(split, f'{loss.item():.4f}')


split_loss('train')
split_loss('val')

g = torch.Generator().manual_seed(2147483647 + 10)
for _ in range(5):
    out = []
    context = [0] * block_size
    while True:
        emb = C[torch.tensor([context])]
        x = emb.view(emb.shape[0], -1)
        for layer in layers:
            x = layer(x)
        probs = F.softmax(x, dim=1)
        ix = torch.multinomial(probs, num_samples=1, generator=g).item()
        context = context[1:] + [ix]
        out.append(ix)
        if ix == 0:
            break
    print(''.join(itos[i] for i in out))
