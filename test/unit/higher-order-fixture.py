# Second derivatives through torch.autograd.grad(create_graph=True) and backward(create_graph=True): prints
# JSON of values and grad_fn names. Run with Debian's PyTorch 1.13 to write higher-order-torch113.json:
#   /usr/bin/python3 test/unit/higher-order-fixture.py > test/unit/higher-order-torch113.json
import json

import torch


def vals(t):
    return [round(float(v), 6) for v in t.detach().reshape(-1).clone().tolist()]


def name(t):
    return None if t.grad_fn is None else type(t.grad_fn).__name__


out = {}
torch.manual_seed(0)

# d/dx and d2/dx2 of a polynomial: the first derivative prints AddBackward0 (two paths summed).
x = torch.tensor(2.0, requires_grad=True)
y = x**3 + 2 * x
(d1,) = torch.autograd.grad(y, x, create_graph=True)
(d2,) = torch.autograd.grad(d1, x)
out['poly'] = [vals(d1), name(d1), vals(d2)]

# grad of grad of tanh and sigmoid (their double-backward ops), and of exp/log/sqrt/sin/cos/abs/relu.
a = torch.linspace(-1.5, 1.5, 7, requires_grad=True)
for fn in ['tanh', 'sigmoid', 'exp', 'sin', 'cos', 'abs', 'relu']:
    g = torch.autograd.grad(getattr(torch, fn)(a).sum(), a, create_graph=True)[0]
    gg = torch.autograd.grad(g.sum(), a)[0]
    out[fn] = [vals(g), name(g), vals(gg)]
p = torch.linspace(0.5, 2.5, 5, requires_grad=True)
for fn in ['log', 'sqrt']:
    g = torch.autograd.grad(getattr(torch, fn)(p).sum(), p, create_graph=True)[0]
    gg = torch.autograd.grad(g.sum(), p)[0]
    out[fn] = [vals(g), name(g), vals(gg)]
# Third derivative of tanh: grad of a grad of a grad.
g1 = torch.autograd.grad(torch.tanh(a).sum(), a, create_graph=True)[0]
g2 = torch.autograd.grad(g1.sum(), a, create_graph=True)[0]
g3 = torch.autograd.grad(g2.sum(), a)[0]
out['tanh3'] = vals(g3)

# Hessian-vector product of f(w) = sum(sigmoid(X w)^2) / 3 + (w / (1 + w^2)).sum() through matmul.
X = torch.randn(5, 4)
w = torch.randn(4, requires_grad=True)
v = torch.randn(4)
f = (torch.sigmoid(X @ w) ** 2).sum() / 3 + (w / (1 + w * w)).sum()
(gw,) = torch.autograd.grad(f, w, create_graph=True)
(hv,) = torch.autograd.grad(gw, w, grad_outputs=v)
out['hvp'] = [vals(gw), vals(hv)]

# Broadcasting, views, indexing, mean over dims, norm, mse_loss, linear.
m = torch.randn(3, 4, requires_grad=True)
b = torch.randn(4, requires_grad=True)
z = ((m * b - b.unsqueeze(0)) ** 2).mean(dim=1)
q = z.sum() + m.t()[1].pow(3).sum() + m.view(12)[3:7].exp().sum() + m.norm(2, dim=0).sum()
gm, gb = torch.autograd.grad(q, (m, b), create_graph=True)
hm, hb = torch.autograd.grad((gm**2).sum() + (gb * b).sum(), (m, b))
out['mixed'] = [vals(gm), vals(gb), vals(hm), vals(hb)]
lin = torch.nn.Linear(4, 3)
inp = torch.randn(6, 4, requires_grad=True)
loss = torch.nn.functional.mse_loss(lin(inp), torch.randn(6, 3))
(gi,) = torch.autograd.grad(loss, inp, create_graph=True)
gi.pow(2).sum().backward()
out['linear_mse'] = [vals(gi), vals(lin.weight.grad), vals(lin.bias.grad), vals(inp.grad)]

# backward(create_graph=True): .grad gets a graph (CloneBackward0), then a second backward through it.
c = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
(c**3).sum().backward(create_graph=True)
first = c.grad
out['grad_graph'] = [vals(first), name(first)]
c.grad = None
first.sum().backward()
out['grad_graph2'] = vals(c.grad)


def train_with_penalty(critic, opt):
    """Four WGAN-GP steps: the critic's loss plus 10 x the penalty on its input gradient's norm."""
    real = torch.randn(6, 3)
    fake = torch.randn(6, 3)
    losses = []
    for _ in range(4):
        opt.zero_grad()
        alpha = torch.rand(6, 1)
        mixed = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
        score = critic(mixed)
        (grad,) = torch.autograd.grad(score, mixed, grad_outputs=torch.ones_like(score), create_graph=True)
        penalty = ((grad.norm(2, dim=1) - 1) ** 2).mean()
        loss = critic(fake).mean() - critic(real).mean() + 10 * penalty
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 6))
    return losses


# Gradient penalty (WGAN-GP) trained for a few SGD steps.
critic = torch.nn.Sequential(torch.nn.Linear(3, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
opt = torch.optim.SGD(critic.parameters(), lr=0.1)
out['penalty_losses'] = train_with_penalty(critic, opt)
out['penalty_weight'] = vals(critic[0].weight)

# torch.autograd.functional.hessian and hvp.
from torch.autograd.functional import hessian, hvp  # noqa: E402

h = hessian(lambda t: (t**3).sum() + (t[0] * t[1]), torch.tensor([1.0, 2.0, 3.0]))
out['hessian'] = [list(h.shape), vals(h)]
fv, hvp_v = hvp(lambda t: torch.sin(t[0]) * torch.cos(t[1]), torch.tensor([0.3, 0.7]), torch.tensor([1.0, -2.0]))
out['hvp_functional'] = [vals(fv), vals(hvp_v)]
# Second and third derivatives of the activations and their first derivative's grad_fn.
F = torch.nn.functional
acts = {
    'leaky_relu': lambda t: F.leaky_relu(t, 0.2),
    'elu': F.elu,
    'gelu': F.gelu,
    'gelu_tanh': lambda t: F.gelu(t, approximate='tanh'),
    'softplus': lambda t: F.softplus(t, beta=2.0),
    'silu': F.silu,
    'hardtanh': lambda t: F.hardtanh(t, -0.8, 0.9),
}
e = torch.linspace(-1.7, 1.3, 7, requires_grad=True)
for key, fn in acts.items():
    g = torch.autograd.grad((fn(e) * torch.arange(7.0)).sum(), e, create_graph=True)[0]
    # Third derivatives of the smooth ones (leaky_relu's and hardtanh's second derivative has no graph).
    smooth = key in ('elu', 'gelu', 'softplus', 'silu')
    gg = torch.autograd.grad((g * g).sum(), e, create_graph=smooth)[0]
    row = [vals(g), name(g), vals(gg)]
    if smooth:
        row.append(vals(torch.autograd.grad(gg.sum(), e)[0]))
    out['act_' + key] = row

# softmax / log_softmax second derivatives (a Hessian-vector product through the softmax).
s_in = torch.randn(3, 5, requires_grad=True)
sv = torch.randn(3, 5)
for key, fn in [('softmax', F.softmax), ('log_softmax', F.log_softmax)]:
    y = fn(s_in, dim=1)
    g = torch.autograd.grad((y * sv).sum() + y[:, 0].pow(2).sum(), s_in, create_graph=True)[0]
    gg = torch.autograd.grad((g * sv).sum(), s_in)[0]
    out[key + '2'] = [vals(g), vals(gg)]

# Gradients of the losses wrt their input, then a penalty on them (input-gradient regularisation).
logits = torch.randn(4, 5, requires_grad=True)
labels = torch.tensor([1, 0, 4, 2])
cw = torch.tensor([1.0, 2.0, 0.5, 1.0, 1.5])
probs = torch.rand(4, 5)
losses = {
    'ce': lambda z: F.cross_entropy(z, labels),
    'ce_w_sum': lambda z: F.cross_entropy(z, labels, weight=cw, reduction='sum'),
    'ce_none_ls': lambda z: (
        F.cross_entropy(z, labels, reduction='none', label_smoothing=0.1) * torch.arange(1.0, 5.0)
    ).sum(),
    'ce_ignore': lambda z: F.cross_entropy(z, torch.tensor([1, -100, 4, 2])),
    'nll': lambda z: F.nll_loss(F.log_softmax(z, 1) * 1.5, labels),
    'bce': lambda z: F.binary_cross_entropy(torch.sigmoid(z), probs),
    'bce_logits': lambda z: F.binary_cross_entropy_with_logits(z, probs, pos_weight=torch.full((5,), 2.0)),
    'l1': lambda z: F.l1_loss(z * z, probs, reduction='sum'),
    'smooth_l1': lambda z: F.smooth_l1_loss(z, probs * 2, beta=0.7),
    'mse': lambda z: F.mse_loss(z, probs),
}
for key, fn in losses.items():
    g = torch.autograd.grad(fn(logits), logits, create_graph=True)[0]
    (gp,) = torch.autograd.grad((g**2).sum() + (g * probs).sum(), logits)
    out['loss_' + key] = [vals(g), name(g), vals(gp)]

# cat and stack inside the function whose gradient is penalised.
ca = torch.randn(2, 3, requires_grad=True)
cb = torch.randn(2, 2, requires_grad=True)
joined = torch.cat([ca.sin(), cb * cb, ca[:, :1]], dim=1)
stacked = torch.stack([ca, ca.exp()], dim=1)
q = (joined**3).sum() + (stacked * stacked.tanh()).sum()
ga, gb = torch.autograd.grad(q, (ca, cb), create_graph=True)
ha, hb = torch.autograd.grad(torch.cat([ga, gb], 1).pow(2).sum(), (ca, cb))
out['cat_stack'] = [vals(ga), vals(gb), vals(ha), vals(hb)]

# Reductions inside a gradient: max/min (with indices and of everything), amax, var/std, logsumexp.
r_in = torch.tensor([[0.3, -1.2, 2.0, 0.7], [1.5, 0.1, -0.4, 1.5]], requires_grad=True)
reds = {
    'max_dim': lambda t: t.max(dim=1).values * 2,
    'min_dim_keep': lambda t: t.min(dim=0, keepdim=True)[0],
    'max_all': lambda t: t.max(),
    'amax': lambda t: t.amax(dim=1),
    'var': lambda t: t.var(dim=1),
    'std': lambda t: t.std(),
    'logsumexp': lambda t: torch.logsumexp(t, dim=1),
}
for key, fn in reds.items():
    g = torch.autograd.grad((fn(r_in * r_in) ** 2).sum(), r_in, create_graph=True)[0]
    gg = torch.autograd.grad((g * g.detach().sign()).sum() + g.pow(2).sum(), r_in)[0]
    out['reduce_' + key] = [vals(g), vals(gg)]

# WGAN-GP with a LeakyReLU(0.2) critic trained with Adam.
torch.manual_seed(1)
critic = torch.nn.Sequential(
    torch.nn.Linear(3, 8),
    torch.nn.LeakyReLU(0.2),
    torch.nn.Linear(8, 8),
    torch.nn.LeakyReLU(0.2),
    torch.nn.Linear(8, 1),
)
opt = torch.optim.Adam(critic.parameters(), lr=0.01, betas=(0.5, 0.9))
out['wgan_leaky_losses'] = train_with_penalty(critic, opt)
out['wgan_leaky_weight'] = vals(critic[2].weight)

# PINN: u(x) a tanh MLP, residual u_xx + u = 0 with u_x and u_xx from create_graph, a few Adam steps.
torch.manual_seed(2)
net = torch.nn.Sequential(
    torch.nn.Linear(1, 10), torch.nn.Tanh(), torch.nn.Linear(10, 10), torch.nn.Tanh(), torch.nn.Linear(10, 1)
)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
xs = torch.linspace(0, 3, 12).unsqueeze(1).requires_grad_(True)
losses = []
for step in range(5):
    opt.zero_grad()
    u = net(xs)
    (u_x,) = torch.autograd.grad(u, xs, torch.ones_like(u), create_graph=True)
    (u_xx,) = torch.autograd.grad(u_x, xs, torch.ones_like(u_x), create_graph=True)
    boundary = (net(torch.zeros(1, 1)) - 1).pow(2).sum()
    loss = (u_xx + u).pow(2).mean() + boundary
    loss.backward()
    opt.step()
    losses.append(round(loss.item(), 6))
out['pinn_losses'] = losses
out['pinn_u_xx_name'] = [name(u_x), name(u_xx)]
out['pinn_weight'] = vals(net[2].weight)
print(json.dumps(out))
