# Karpathy's makemore part 3 (activations, gradients, batch norm) on names made up in this file: a
# train/dev/test split after random.seed(42) + random.shuffle, the loss to expect at initialisation
# (-torch.tensor(1 / 27).log()), why large logits hurt, kaiming-style scaling (5/3) / fan_in ** 0.5 checked on
# x @ w statistics, an MLP whose batch norm is written by hand (hpreact = embcat @ W1 with no bias, bngain and
# bnbias, running statistics blended 0.999/0.001 under torch.no_grad()), tanh saturation
# (h.abs() > 0.97).float().mean(), retain_grad() on intermediates, update-to-data ratios
# ((lr * p.grad).std() / p.data.std()).log10().item(), a step learning-rate decay, lossi averaged with
# .view(-1, k).mean(1), the statistics calibrated over the whole training set, a @torch.no_grad() split_loss,
# and sampling with F.softmax + torch.multinomial(generator=g).
import random

import torch
import torch.nn.functional as F

random.seed(7)
onsets = ['b', 'd', 'j', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'h', 'ch', 'sh', 'y']
vowels = ['a', 'e', 'i', 'o', 'u', 'ae', 'ia', 'eo']
codas = ['', '', '', 'n', 'l', 'r', 's', 'h', 'x']


def make_name():
    syllables = random.randint(1, 3)
    return ''.join(random.choice(onsets) + random.choice(vowels) for _ in range(syllables)) + random.choice(codas)


words = sorted(set(make_name() for _ in range(400)))
print(len(words), words[:5], max(len(w) for w in words))

chars = sorted(list(set(''.join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
vocab_size = len(itos)
print(vocab_size, ''.join(chars))

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
    X = torch.tensor(X)
    Y = torch.tensor(Y)
    print(X.shape, Y.shape)
    return X, Y


random.seed(42)
random.shuffle(words)
n1 = int(0.8 * len(words))
n2 = int(0.9 * len(words))
Xtr, Ytr = build_dataset(words[:n1])
Xdev, Ydev = build_dataset(words[n1:n2])
Xte, Yte = build_dataset(words[n2:])
print(Xtr[:4].tolist(), [itos[i] for i in Ytr[:4].tolist()])

# What loss a model that knows nothing should have, and what confident wrong logits cost.
print('uniform loss', -torch.tensor(1 / vocab_size).log())
logits = torch.tensor([0.0, 0.0, 5.0, 0.0])
probs = torch.softmax(logits, dim=0)
print(probs, -probs[2].log())
torch.manual_seed(3)
logits = torch.randn(4) * 10
probs = torch.softmax(logits, dim=0)
print(logits, probs, -probs[2].log())

# Keeping activations at unit std: divide by sqrt(fan_in), times the tanh gain.
x = torch.randn(1000, 10)
w = torch.randn(10, 200) / 10**0.5
y = x @ w
print(f'x mean {x.mean().item():.4f} std {x.std().item():.4f}')
print(f'y mean {y.mean().item():.4f} std {y.std().item():.4f}')
print(torch.nn.init.calculate_gain('tanh'), (5 / 3) / (30**0.5))

n_embd = 6
n_hidden = 64
g = torch.Generator().manual_seed(2147483647)
C = torch.randn((vocab_size, n_embd), generator=g)
W1 = torch.randn((n_embd * block_size, n_hidden), generator=g) * (5 / 3) / ((n_embd * block_size) ** 0.5)
b1 = torch.randn(n_hidden, generator=g) * 0.01
W2 = torch.randn((n_hidden, vocab_size), generator=g) * 0.01
b2 = torch.randn(vocab_size, generator=g) * 0
bngain = torch.ones((1, n_hidden))
bnbias = torch.zeros((1, n_hidden))
bnmean_running = torch.zeros((1, n_hidden))
bnstd_running = torch.ones((1, n_hidden))
parameters = [C, W1, W2, b2, bngain, bnbias]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True
print(f'W1 std {W1.std().item():.4f}, W2 std {W2.std().item():.4f}, b2 {b2[:3]}')

max_steps = 240
batch_size = 32
lossi = []
ud = []
for i in range(max_steps):
    ix = torch.randint(0, Xtr.shape[0], (batch_size,), generator=g)
    Xb, Yb = Xtr[ix], Ytr[ix]
    emb = C[Xb]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1  # + b1: the batch mean below would cancel it
    bnmeani = hpreact.mean(0, keepdim=True)
    bnstdi = hpreact.std(0, keepdim=True)
    hpreact = bngain * (hpreact - bnmeani) / bnstdi + bnbias
    with torch.no_grad():
        bnmean_running = 0.999 * bnmean_running + 0.001 * bnmeani
        bnstd_running = 0.999 * bnstd_running + 0.001 * bnstdi
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Yb)
    if i == 0:
        for t in [emb, hpreact, h, logits]:
            t.retain_grad()
    for p in parameters:
        p.grad = None
    loss.backward()
    if i == 0:
        print('emb', emb.shape, emb.grad.shape, f'{emb.grad.abs().max().item():.6f}')
        print('hpreact', f'{hpreact.grad.std().item():.6f}', 'h', f'{h.grad.std().item():.6f}')
        print('logits grad row sums', f'{logits.grad.sum(1).abs().max().item():.6f}')
        print('bnmean_running', bnmean_running.requires_grad, bnmean_running.shape)
    lr = 0.1 if i < 160 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    if i % 40 == 0:
        print(f'{i:7d}/{max_steps:7d}: {loss.item():.4f}')
        print(f'  saturated {(h.abs() > 0.97).float().mean().item():.4f}, h std {h.std().item():.4f}')
    lossi.append(loss.log10().item())
    with torch.no_grad():
        ud.append([((lr * p.grad).std() / p.data.std()).log10().item() for p in parameters])

print(len(lossi), [f'{v:.3f}' for v in torch.tensor(lossi).view(-1, 40).mean(1).tolist()])
print('ud at step 0', [f'{v:.2f}' for v in ud[0][:2]], 'last', [f'{v:.2f}' for v in ud[-1][:2]])
for p in parameters:
    print(tuple(p.shape), f'grad:data {(p.grad.std() / p.data.std()).item():.4f}')

# calibrate the batch norm over the whole training set, then compare with the running estimate
with torch.no_grad():
    emb = C[Xtr]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1
    bnmean = hpreact.mean(0, keepdim=True)
    bnstd = hpreact.std(0, keepdim=True)
print(bnmean.shape, bnmean[0, :4], bnmean_running[0, :4])
print(f'{(bnstd - bnstd_running).abs().max().item():.4f}')


@torch.no_grad()  # this function never needs gradients
def split_loss(split):
    x, y = {
        'train': (Xtr, Ytr),
        'val': (Xdev, Ydev),
        'test': (Xte, Yte),
    }[split]
    emb = C[x]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1
    hpreact = bngain * (hpreact - bnmean_running) / bnstd_running + bnbias
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, y)
    print(split, f'{loss.item():.4f}', loss.requires_grad)


split_loss('train')
split_loss('val')

g = torch.Generator().manual_seed(2147483647 + 10)
for _ in range(6):
    out = []
    context = [0] * block_size
    while True:
        emb = C[torch.tensor([context])]
        hpreact = emb.view(1, -1) @ W1
        hpreact = bngain * (hpreact - bnmean) / bnstd + bnbias
        h = torch.tanh(hpreact)
        logits = h @ W2 + b2
        probs = F.softmax(logits, dim=1)
        ix = torch.multinomial(probs, num_samples=1, generator=g).item()
        context = context[1:] + [ix]
        out.append(ix)
        if ix == 0:
            break
    print(''.join(itos[i] for i in out))
