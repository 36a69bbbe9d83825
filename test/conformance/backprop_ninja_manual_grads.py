# Karpathy's makemore part 4 ("becoming a backprop ninja") on a small made-up dataset: the MLP's forward
# pass broken into atoms (logit_maxes from .max(1, keepdim=True).values, counts = norm_logits.exp(),
# counts_sum_inv = counts_sum**-1, logprobs[range(n), Yb], batch norm by hand with Bessel's 1/(n-1) and
# (bnvar + 1e-5)**-0.5), retain_grad() on every intermediate, then each gradient written by hand and checked by
# a cmp() printing torch.all(dt == t.grad).item(), torch.allclose(dt, t.grad) and the largest difference; the
# fused gradients (F.cross_entropy's dlogits = F.softmax(logits, 1); dlogits[range(n), Yb] -= 1; dlogits /= n,
# and the one-line batch-norm backward), dC accumulated row by row, and a few training steps with the manual
# gradients under torch.no_grad().
import torch
import torch.nn.functional as F

torch.manual_seed(42)
vocab_size = 12
block_size = 3
Xtr = torch.randint(0, vocab_size, (200, block_size))
Ytr = (Xtr[:, 0] * 3 + Xtr[:, 2]) % vocab_size
print(Xtr.shape, Ytr.shape, Xtr[:2].tolist(), Ytr[:2].tolist())


def cmp(s, dt, t):
    ex = torch.all(dt == t.grad).item()
    app = torch.allclose(dt, t.grad)
    maxdiff = (dt - t.grad).abs().max().item()
    print(f'{s:15s} | exact: {str(ex):5s} | approximate: {str(app):5s} | maxdiff: {maxdiff:.1e}')


n_embd = 5
n_hidden = 32
g = torch.Generator().manual_seed(2147483647)
C = torch.randn((vocab_size, n_embd), generator=g)
W1 = torch.randn((n_embd * block_size, n_hidden), generator=g) * (5 / 3) / ((n_embd * block_size) ** 0.5)
b1 = torch.randn(n_hidden, generator=g) * 0.1  # useless beside batch norm, but its gradient is checked too
W2 = torch.randn((n_hidden, vocab_size), generator=g) * 0.1
b2 = torch.randn(vocab_size, generator=g) * 0.1
bngain = torch.randn((1, n_hidden)) * 0.1 + 1.0
bnbias = torch.randn((1, n_hidden)) * 0.1
parameters = [C, W1, b1, W2, b2, bngain, bnbias]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

batch_size = 16
n = batch_size
ix = torch.randint(0, Xtr.shape[0], (batch_size,), generator=g)
Xb, Yb = Xtr[ix], Ytr[ix]
print(ix.tolist())

emb = C[Xb]
embcat = emb.view(emb.shape[0], -1)
hprebn = embcat @ W1 + b1
bnmeani = 1 / n * hprebn.sum(0, keepdim=True)
bndiff = hprebn - bnmeani
bndiff2 = bndiff**2
bnvar = 1 / (n - 1) * (bndiff2).sum(0, keepdim=True)
bnvar_inv = (bnvar + 1e-5) ** -0.5
bnraw = bndiff * bnvar_inv
hpreact = bngain * bnraw + bnbias
h = torch.tanh(hpreact)
logits = h @ W2 + b2
logit_maxes = logits.max(1, keepdim=True).values
norm_logits = logits - logit_maxes
counts = norm_logits.exp()
counts_sum = counts.sum(1, keepdims=True)
counts_sum_inv = counts_sum**-1
probs = counts * counts_sum_inv
logprobs = probs.log()
loss = -logprobs[range(n), Yb].mean()

for p in parameters:
    p.grad = None
for t in [logprobs, probs, counts, counts_sum, counts_sum_inv, norm_logits, logit_maxes, logits, h, hpreact,
          bnraw, bnvar_inv, bnvar, bndiff2, bndiff, hprebn, bnmeani, embcat, emb]:
    t.retain_grad()
loss.backward()
print(f'loss {loss.item():.6f}', loss.grad_fn.name(), logprobs.grad.shape, type(probs.grad_fn).__name__)

dlogprobs = torch.zeros_like(logprobs)
dlogprobs[range(n), Yb] = -1.0 / n
dprobs = (1.0 / probs) * dlogprobs
dcounts_sum_inv = (counts * dprobs).sum(1, keepdim=True)
dcounts = counts_sum_inv * dprobs
dcounts_sum = (-counts_sum**-2) * dcounts_sum_inv
dcounts += torch.ones_like(counts) * dcounts_sum
dnorm_logits = counts * dcounts
dlogits = dnorm_logits.clone()
dlogit_maxes = (-dnorm_logits).sum(1, keepdim=True)
dlogits += F.one_hot(logits.max(1).indices, num_classes=logits.shape[1]) * dlogit_maxes
dh = dlogits @ W2.T
dW2 = h.T @ dlogits
db2 = dlogits.sum(0)
dhpreact = (1.0 - h**2) * dh
dbngain = (bnraw * dhpreact).sum(0, keepdim=True)
dbnraw = bngain * dhpreact
dbnbias = dhpreact.sum(0, keepdim=True)
dbndiff = bnvar_inv * dbnraw
dbnvar_inv = (bndiff * dbnraw).sum(0, keepdim=True)
dbnvar = (-0.5 * (bnvar + 1e-5) ** -1.5) * dbnvar_inv
dbndiff2 = (1.0 / (n - 1)) * torch.ones_like(bndiff2) * dbnvar
dbndiff += (2 * bndiff) * dbndiff2
dhprebn = dbndiff.clone()
dbnmeani = (-dbndiff).sum(0)
dhprebn += 1.0 / n * (torch.ones_like(hprebn) * dbnmeani)
dembcat = dhprebn @ W1.T
dW1 = embcat.T @ dhprebn
db1 = dhprebn.sum(0)
demb = dembcat.view(emb.shape)
dC = torch.zeros_like(C)
for k in range(Xb.shape[0]):
    for j in range(Xb.shape[1]):
        ix = Xb[k, j]
        dC[ix] += demb[k, j]

print('logit_maxes grad is tiny:', f'{logit_maxes.grad.abs().max().item():.1e}', logit_maxes.grad.shape)
for name, dt, t in [('logprobs', dlogprobs, logprobs), ('probs', dprobs, probs),
                    ('counts_sum_inv', dcounts_sum_inv, counts_sum_inv), ('counts_sum', dcounts_sum, counts_sum),
                    ('counts', dcounts, counts), ('norm_logits', dnorm_logits, norm_logits),
                    ('logit_maxes', dlogit_maxes, logit_maxes), ('logits', dlogits, logits), ('h', dh, h),
                    ('W2', dW2, W2), ('b2', db2, b2), ('hpreact', dhpreact, hpreact), ('bngain', dbngain, bngain),
                    ('bnbias', dbnbias, bnbias), ('bnraw', dbnraw, bnraw), ('bnvar_inv', dbnvar_inv, bnvar_inv),
                    ('bnvar', dbnvar, bnvar), ('bndiff2', dbndiff2, bndiff2), ('bndiff', dbndiff, bndiff),
                    ('bnmeani', dbnmeani, bnmeani), ('hprebn', dhprebn, hprebn), ('embcat', dembcat, embcat),
                    ('W1', dW1, W1), ('b1', db1, b1), ('emb', demb, emb), ('C', dC, C)]:
    cmp(name, dt, t)

# the loss and its gradient in one piece
loss_fast = F.cross_entropy(logits, Yb)
print(f'{loss_fast.item():.6f}', 'diff:', abs((loss_fast - loss).item()) < 1e-6)
dlogits = F.softmax(logits, 1)
dlogits[range(n), Yb] -= 1
dlogits /= n
cmp('logits', dlogits, logits)
print(f'{dlogits[0].sum().item():.1e}', f'{(F.softmax(logits, 1)[0] * n).sum().item():.4f}')

# batch norm in one piece, forward and backward
hpreact_fast = bngain * (hprebn - hprebn.mean(0, keepdim=True)) / torch.sqrt(
    hprebn.var(0, keepdim=True, unbiased=True) + 1e-5) + bnbias
print('max diff:', f'{(hpreact_fast - hpreact).abs().max().item():.1e}')
dhprebn = bngain * bnvar_inv / n * (n * dhpreact - dhpreact.sum(0) - n / (n - 1) * bnraw * (dhpreact * bnraw).sum(0))
cmp('hprebn', dhprebn, hprebn)
print(dhprebn.shape)

# train with the hand-made gradients only
lr = 0.1
for i in range(30):
    ix = torch.randint(0, Xtr.shape[0], (batch_size,), generator=g)
    Xb, Yb = Xtr[ix], Ytr[ix]
    emb = C[Xb]
    embcat = emb.view(emb.shape[0], -1)
    hprebn = embcat @ W1 + b1
    bnmean = hprebn.mean(0, keepdim=True)
    bnvar = hprebn.var(0, keepdim=True, unbiased=True)
    bnvar_inv = (bnvar + 1e-5) ** -0.5
    bnraw = (hprebn - bnmean) * bnvar_inv
    hpreact = bngain * bnraw + bnbias
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Yb)
    for p in parameters:
        p.grad = None
    loss.backward()  # only to compare against at the end
    with torch.no_grad():
        dlogits = F.softmax(logits, 1)
        dlogits[range(n), Yb] -= 1
        dlogits /= n
        dh = dlogits @ W2.T
        dW2 = h.T @ dlogits
        db2 = dlogits.sum(0)
        dhpreact = (1.0 - h**2) * dh
        dbngain = (bnraw * dhpreact).sum(0, keepdim=True)
        dbnbias = dhpreact.sum(0, keepdim=True)
        dhprebn = bngain * bnvar_inv / n * (
            n * dhpreact - dhpreact.sum(0) - n / (n - 1) * bnraw * (dhpreact * bnraw).sum(0))
        dembcat = dhprebn @ W1.T
        dW1 = embcat.T @ dhprebn
        db1 = dhprebn.sum(0)
        demb = dembcat.view(emb.shape)
        dC = torch.zeros_like(C)
        for k in range(Xb.shape[0]):
            for j in range(Xb.shape[1]):
                dC[Xb[k, j]] += demb[k, j]
        grads = [dC, dW1, db1, dW2, db2, dbngain, dbnbias]
        for p, grad in zip(parameters, grads):
            p.data += -lr * grad
    if i % 10 == 0:
        print(f'{i:4d}: {loss.item():.4f}')

for p, grad in zip(parameters, grads):
    print(f'{str(tuple(p.shape)):10s} | approximate: {str(torch.allclose(grad, p.grad, atol=1e-6)):5s}')
