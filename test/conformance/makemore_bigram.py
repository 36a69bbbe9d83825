# Karpathy's "makemore" lectures (karpathy/makemore, nn-zero-to-hero notebooks), the bigram and MLP parts, on
# a short name list of our own: a stoi/itos vocabulary with '.' as 0, a torch.zeros((27, 27), dtype=
# torch.int32) count table filled with N[ix1, ix2] += 1, P = (N + 1).float() normalised with
# P /= P.sum(1, keepdims=True), sampling names with torch.multinomial(p, num_samples=1, replacement=True,
# generator=g).item() from torch.Generator().manual_seed(2147483647), the log likelihood accumulated as a
# tensor and printed with f'{log_likelihood=}' and f'{nll/n}'; the neural bigram (F.one_hot(xs,
# num_classes=27).float() @ W, counts = logits.exp(), probs[torch.arange(num), ys].log().mean(), W.grad = None,
# W.data += -lr * W.grad); the MLP (C[X] embeddings, emb.view(-1, 6) @ W1 + b1, torch.tanh, F.cross_entropy,
# minibatches from torch.randint(0, X.shape[0], (8,), generator=g), sum(p.nelement() for p in parameters),
# a learning rate from 10 ** torch.linspace(-3, 0, steps)).
import torch
import torch.nn.functional as F

words = ['emma', 'olivia', 'ava', 'isabella', 'sophia', 'mia', 'amelia', 'harper', 'evelyn', 'abigail',
         'emily', 'ella', 'elizabeth', 'camila', 'luna', 'sofia', 'avery', 'mila', 'aria', 'scarlett',
         'minji', 'jisoo', 'yuna', 'seoyeon', 'haeun', 'jiwoo', 'subin', 'dahyun']
print(len(words), min(len(w) for w in words), max(len(w) for w in words))
chars = sorted(list(set(''.join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
V = len(stoi)
print(V, itos[1], itos[V - 1])

N = torch.zeros((V, V), dtype=torch.int32)
for w in words:
    chs = ['.'] + list(w) + ['.']
    for ch1, ch2 in zip(chs, chs[1:]):
        N[stoi[ch1], stoi[ch2]] += 1
print(N.dtype, N.sum(), N[0].max(), itos[N[0].argmax().item()], N[0, :6])

P = (N + 1).float()
P /= P.sum(1, keepdims=True)
print(P[0].sum(), P.shape)
g = torch.Generator().manual_seed(2147483647)
for i in range(5):
    out = []
    ix = 0
    while True:
        p = P[ix]
        ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
        out.append(itos[ix])
        if ix == 0:
            break
    print(''.join(out))

log_likelihood = 0.0
n = 0
for w in words[:5]:
    chs = ['.'] + list(w) + ['.']
    for ch1, ch2 in zip(chs, chs[1:]):
        prob = P[stoi[ch1], stoi[ch2]]
        log_likelihood += torch.log(prob)
        n += 1
print(f'{log_likelihood=}')
nll = -log_likelihood
print(f'{nll=}')
print(f'{nll/n}')

xs, ys = [], []
for w in words:
    chs = ['.'] + list(w) + ['.']
    for ch1, ch2 in zip(chs, chs[1:]):
        xs.append(stoi[ch1])
        ys.append(stoi[ch2])
xs = torch.tensor(xs)
ys = torch.tensor(ys)
num = xs.nelement()
print('number of examples: ', num)
g = torch.Generator().manual_seed(2147483647)
W = torch.randn((V, V), generator=g, requires_grad=True)
for k in range(20):
    xenc = F.one_hot(xs, num_classes=V).float()
    logits = xenc @ W
    counts = logits.exp()
    probs = counts / counts.sum(1, keepdims=True)
    loss = -probs[torch.arange(num), ys].log().mean() + 0.01 * (W ** 2).mean()
    if k % 5 == 0:
        print(k, loss.item())
    W.grad = None
    loss.backward()
    W.data += -10 * W.grad

block_size = 3
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
print(X.shape, X.dtype, Y.shape, Y.dtype)
C = torch.randn((V, 2), generator=g)
W1 = torch.randn((6, 20), generator=g)
b1 = torch.randn(20, generator=g)
W2 = torch.randn((20, V), generator=g)
b2 = torch.randn(V, generator=g)
parameters = [C, W1, b1, W2, b2]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True
emb = C[X]
print(emb.shape, emb.view(-1, 6).shape, C[5], C[torch.tensor([5, 6, 7])].shape)
lre = torch.linspace(-3, 0, 30)
lrs = 10 ** lre
for i in range(30):
    ix = torch.randint(0, X.shape[0], (8,), generator=g)
    emb = C[X[ix]]
    h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Y[ix])
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = lrs[i]
    for p in parameters:
        p.data += -lr * p.grad
    if i % 10 == 0:
        print(i, f'{lr:.4f}', loss.item())
emb = C[X]
h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
print('full loss', F.cross_entropy(h @ W2 + b2, Y).item())
