# Gradient checkpointing, pairwise distances and polynomial features as learners write them: a deep MLP whose
# blocks run through torch.utils.checkpoint.checkpoint (gradients compared with the plain run, the
# CheckpointFunctionBackward node), dropout inside a checkpoint (the same mask when the block is recomputed),
# checkpoint_sequential over an nn.Sequential, use_reentrant=False, a block with two outputs and a non-tensor
# argument, and the warning and errors checkpoint gives; F.pdist / torch.pdist for the pairwise distances of a
# clustering and a metric-learning snippet (condensed vector to square matrix with triu_indices, p = 1, inf,
# gradients, its errors); torch.vander for polynomial least squares (float and int inputs, increasing, the
# grad_fn it gives and the backward PyTorch 1.13 refuses); anomaly detection as a call and as a `with` block.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.checkpoint

print(torch.utils.checkpoint.checkpoint.__module__, torch.utils.checkpoint.CheckpointFunction)


def show_warnings(caught):
    for w in caught:
        print(f'{w.category.__name__}: {w.message}')


# --- gradient checkpointing a deep MLP -----------------------------------------------------------------------
torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc1 = nn.Linear(width, width)
        self.fc2 = nn.Linear(width, width)

    def forward(self, x):
        return x + self.fc2(torch.tanh(self.fc1(x)))


class DeepMLP(nn.Module):
    def __init__(self, width=6, depth=4, use_checkpoint=False):
        super().__init__()
        self.blocks = nn.ModuleList([Block(width) for _ in range(depth)])
        self.head = nn.Linear(width, 1)
        self.use_checkpoint = use_checkpoint

    def forward(self, x):
        for block in self.blocks:
            if self.use_checkpoint:
                x = torch.utils.checkpoint.checkpoint(block, x)
            else:
                x = block(x)
        return self.head(x)


plain = DeepMLP()
ckpt = DeepMLP(use_checkpoint=True)
ckpt.load_state_dict(plain.state_dict())
x = torch.randn(5, 6)
y = torch.randn(5, 1)

loss_plain = F.mse_loss(plain(x), y)
loss_plain.backward()
# The first block's input is the data, which needs no gradient: checkpoint warns that its own parameters
# will get none (the reentrant form only backpropagates into inputs that require grad).
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    out = ckpt(x)
show_warnings(caught)
loss_ckpt = F.mse_loss(out, y)
loss_ckpt.backward()
print('loss', loss_plain.item(), loss_ckpt.item())
for (name, p1), p2 in zip(plain.named_parameters(), ckpt.parameters()):
    same = p2.grad is not None and torch.allclose(p1.grad, p2.grad, atol=1e-6)
    print(f'{name:18s} {tuple(p1.shape)} grad matches: {same}', None if p2.grad is None else p2.grad.norm().item())

# With an input that requires grad every block gets its gradients.
ckpt.zero_grad()
plain.zero_grad()
xr = x.clone().requires_grad_(True)
xp = x.clone().requires_grad_(True)
hidden = torch.utils.checkpoint.checkpoint(ckpt.blocks[0], xr)
print(hidden.grad_fn.name(), hidden.requires_grad, [type(f).__name__ for f, _ in hidden.grad_fn.next_functions])
F.mse_loss(ckpt(xr), y).backward()
F.mse_loss(plain(xp), y).backward()
print('input grad matches:', torch.allclose(xr.grad, xp.grad, atol=1e-6))
print(xr.grad)
print(max((p1.grad - p2.grad).abs().max().item() for p1, p2 in zip(plain.parameters(), ckpt.parameters())) < 1e-6)

# --- dropout inside a checkpoint: recomputed with the same random state -------------------------------------
torch.manual_seed(1)
drop_block = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(8, 2))
inp = torch.randn(3, 4, requires_grad=True)
torch.manual_seed(7)
out_ck = torch.utils.checkpoint.checkpoint(drop_block, inp)
out_ck.sum().backward()
grad_ck = inp.grad.clone()
print(out_ck)
inp.grad = None
torch.manual_seed(7)
out_pl = drop_block(inp)
out_pl.sum().backward()
print(torch.equal(out_ck, out_pl), torch.allclose(grad_ck, inp.grad))
print(grad_ck)
print('next draw after the checkpoint:', torch.rand(2))
torch.manual_seed(7)
out_nr = torch.utils.checkpoint.checkpoint(drop_block, inp, preserve_rng_state=False)
print(torch.equal(out_nr, out_ck))

# --- checkpoint_sequential over an nn.Sequential --------------------------------------------------------------
torch.manual_seed(2)
model = nn.Sequential(
    nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3)
)
data = torch.randn(8, 5, requires_grad=True)
target = torch.randint(0, 3, (8,))
out = torch.utils.checkpoint.checkpoint_sequential(model, 3, data)
loss = F.cross_entropy(out, target)
print(out.grad_fn.name(), loss)
loss.backward()
seq_grads = [p.grad.clone() for p in model.parameters()]
data_grad = data.grad.clone()
model.zero_grad()
data.grad = None
F.cross_entropy(model(data), target).backward()
print([torch.allclose(a, p.grad, atol=1e-6) for a, p in zip(seq_grads, model.parameters())])
print(torch.allclose(data_grad, data.grad, atol=1e-6))
print(model[0].weight.grad[:2])

# --- use_reentrant=False: the graph is kept, its saved values recomputed ---------------------------------------
w = torch.randn(4, 4, requires_grad=True)
v = torch.randn(2, 4)


def layer(a, scale=1.0):
    return torch.sigmoid(a @ w) * scale


out = torch.utils.checkpoint.checkpoint(layer, v, use_reentrant=False, scale=2.0)
print(out.grad_fn.name())
out.sum().backward()
g_nr = w.grad.clone()
w.grad = None
layer(v, 2.0).sum().backward()
print(torch.allclose(g_nr, w.grad), g_nr[0])

# --- two outputs, a non-tensor argument ----------------------------------------------------------------------
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)


def two(t, power):
    return t.pow(power), t.sum()


p3, s = torch.utils.checkpoint.checkpoint(two, a, 3)
print(p3, s, p3.grad_fn.name(), len(p3.grad_fn.next_functions))
(p3.sum() + 10 * s).backward()
print(a.grad)

# --- warnings and errors --------------------------------------------------------------------------------------
try:
    torch.utils.checkpoint.checkpoint(layer, v, scale=2.0)
except ValueError as e:
    print('ValueError:', e)
q = torch.randn(3, requires_grad=True)
try:
    torch.autograd.grad(torch.utils.checkpoint.checkpoint(torch.exp, q).sum(), q)
except RuntimeError as e:
    print('RuntimeError:', e)
with torch.no_grad():
    print(torch.utils.checkpoint.checkpoint(torch.exp, q).requires_grad)

# --- pairwise distances: clustering ---------------------------------------------------------------------------
torch.manual_seed(3)
points = torch.cat([torch.randn(4, 2) * 0.3, torch.randn(4, 2) * 0.3 + torch.tensor([2.0, 2.0])])
condensed = F.pdist(points)
print(condensed.shape, condensed)
n = points.size(0)
rows, cols = torch.triu_indices(n, n, offset=1)
square = torch.zeros(n, n)
square[rows, cols] = condensed
square = square + square.T
print(square)
print(torch.allclose(square, torch.cdist(points, points), atol=1e-5))
print('nearest neighbour:', (square + torch.eye(n) * 1e9).argmin(dim=1))
print('within 1.0:', (condensed < 1.0).sum().item(), 'pairs')
print(torch.pdist(points, p=1)[:5])
print(torch.pdist(points, p=float('inf'))[:5])
print(torch.pdist(points, p=0.5)[:3], torch.pdist(points, p=3)[:3])
print(torch.pdist(points.double())[:3])

# --- pairwise distances: a metric-learning loss -----------------------------------------------------------------
torch.manual_seed(4)
emb = torch.randn(6, 5, requires_grad=True)
labels = torch.tensor([0, 0, 1, 1, 2, 2])
d = torch.pdist(emb)
print(type(d.grad_fn).__name__, [type(f).__name__ for f, _ in d.grad_fn.next_functions])
i, j = torch.triu_indices(6, 6, offset=1)
same = labels[i] == labels[j]
margin = 2.0
loss = torch.where(same, d.pow(2), F.relu(margin - d).pow(2)).mean()
print(same, loss)
loss.backward()
print(emb.grad)
emb.grad = None
torch.pdist(emb, p=1).sum().backward()
print(emb.grad)
dup = torch.tensor([[0.0, 1.0], [0.0, 1.0], [3.0, 5.0]], requires_grad=True)
torch.pdist(dup).sum().backward()
print(dup.grad)
g, = torch.autograd.grad(torch.pdist(emb).sum(), emb, create_graph=True)
print(g.grad_fn.name())
try:
    g.sum().backward()
except NotImplementedError as e:
    print('NotImplementedError:', e)
for bad in (torch.randn(4), torch.randn(2, 3, 4), torch.tensor([[1, 2], [3, 4]])):
    try:
        F.pdist(bad)
    except RuntimeError as e:
        print('RuntimeError:', e)
try:
    F.pdist(points, p=-1)
except RuntimeError as e:
    print('RuntimeError:', e)
print(F.pdist(points[:1]), F.pdist(torch.zeros(3, 0)))

# --- vander: polynomial features for least squares --------------------------------------------------------------
xs = torch.linspace(-1.0, 1.0, 7)
ys = 0.5 - 1.5 * xs + 2.0 * xs**2 + 0.05 * torch.sin(9 * xs)
V = torch.vander(xs, N=3, increasing=True)
print(V)
coef = torch.linalg.lstsq(V, ys.unsqueeze(1)).solution
print(coef.squeeze())
print(torch.linalg.solve(V.T @ V, V.T @ ys))
print(torch.vander(xs, N=4)[:3])
print(torch.vander(torch.tensor([1, 2, 3])), torch.vander(torch.tensor([1, 2, 3])).dtype)
print(torch.vander(torch.tensor([2, 3], dtype=torch.int32), 4, True).dtype)
print(torch.vander(torch.tensor([True, False]), N=3))
print(torch.vander(torch.tensor([1.5, 2.0], dtype=torch.float64)))
print(torch.vander(xs[:2], N=1), torch.vander(xs[:2], N=0))
print(torch.linalg.vander(xs[:3]))
xg = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
Vg = torch.vander(xg)
print(type(Vg.grad_fn).__name__, [type(f).__name__ for f, _ in Vg.grad_fn.next_functions[0][0].next_functions])
print(torch.vander(xg, increasing=True).grad_fn.name(), torch.vander(xg, N=1).grad_fn)
try:
    Vg.sum().backward()
except RuntimeError as e:
    print('RuntimeError:', e)
Lg = torch.linalg.vander(xg)
Lg.sum().backward()
print(Lg.grad_fn.name(), xg.grad)
for bad, kw in ((torch.ones(2, 2), {}), (torch.tensor(1.0), {}), (xs, {'N': -1})):
    try:
        torch.vander(bad, **kw)
    except RuntimeError as e:
        print('RuntimeError:', e)

# --- anomaly detection, as a call and as a context manager ------------------------------------------------------
print(torch.is_anomaly_enabled())
torch.autograd.set_detect_anomaly(True)
print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
zero = torch.tensor([0.0, 4.0], requires_grad=True)
# PyTorch also warns with the traceback of the forward call: left out here (its frames name files).
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    try:
        (zero.sqrt() * 0).sum().backward()
    except RuntimeError as e:
        print('RuntimeError:', e)
torch.autograd.set_detect_anomaly(False)
print(torch.is_anomaly_enabled())
with torch.autograd.set_detect_anomaly(True):
    print('inside:', torch.is_anomaly_enabled())
    (zero * 2).sum().backward()
print('after:', torch.is_anomaly_enabled(), zero.grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    with torch.autograd.detect_anomaly(check_nan=False):
        print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
        (zero.sqrt() * 0).sum().backward()
show_warnings(caught)
print(torch.is_anomaly_enabled(), zero.grad)
print(type(torch.autograd.set_detect_anomaly(False)))
