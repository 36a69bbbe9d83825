# The torch.nn.utils helpers tutorials reach for after the basics, as learners write them:
# the "Fusing Convolution and Batch Norm" tutorial's check (a small CNN in eval mode, each Conv2d+BatchNorm2d
# pair folded with torch.nn.utils.fusion.fuse_conv_bn_eval, outputs compared with the unfused model) and
# fuse_linear_bn_eval; torch.nn.utils.stateless.functional_call with a dict of replacement weights as
# meta-learning (MAML fast weights) and model-ensembling notebooks use it, gradients w.r.t. the given tensors;
# torch.nn.utils.parametrizations.orthogonal on a Linear layer (default map, cayley, householder on a
# non-square weight) trained a few steps, checking W^T W = I; parametrizations.spectral_norm on a
# discriminator's layers a few steps, printing weights and sigma; reprs and state_dict keys of the
# ParametrizedLinear; torch.backends.cudnn.enabled.
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.fusion
from torch.nn.utils import parametrizations, parametrize
from torch.nn.utils.stateless import functional_call

torch.manual_seed(0)
print('cudnn enabled:', torch.backends.cudnn.enabled)


# ---- fusing Conv2d + BatchNorm2d in eval mode --------------------------------------------------------------
class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 6, 3, bias=False)
        self.bn2 = nn.BatchNorm2d(6)
        self.fc = nn.Linear(6 * 4 * 4, 3)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        return self.fc(x.flatten(1))


net = SmallCNN()
opt = torch.optim.SGD(net.parameters(), lr=0.05)
x = torch.randn(8, 1, 6, 6)
y = torch.randint(0, 3, (8,))
for _ in range(3):  # a few training steps so the running statistics are not the defaults
    loss = F.cross_entropy(net(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
net.eval()

fused = copy.deepcopy(net)
fused.conv1 = torch.nn.utils.fusion.fuse_conv_bn_eval(net.conv1, net.bn1)
fused.bn1 = nn.Identity()
fused.conv2 = torch.nn.utils.fuse_conv_bn_eval(net.conv2, net.bn2)
fused.bn2 = nn.Identity()
print(fused)
with torch.no_grad():
    ref, out = net(x), fused(x)
print(out)
print('max abs diff:', (ref - out).abs().max().item() < 1e-5, torch.allclose(ref, out, atol=1e-5))
print(fused.conv1.weight.shape, type(fused.conv1.weight).__name__, fused.conv1.weight.requires_grad)
print(fused.conv2.bias)
w, b = torch.nn.utils.fusion.fuse_conv_bn_weights(
    net.conv1.weight, net.conv1.bias, net.bn1.running_mean, net.bn1.running_var, net.bn1.eps, net.bn1.weight,
    net.bn1.bias,
)
print(torch.equal(w, fused.conv1.weight), torch.equal(b, fused.conv1.bias))
# ConvTranspose: the output channels are dim 1 of its weight
ct, bnt = nn.ConvTranspose2d(4, 2, 3), nn.BatchNorm2d(2)
bnt.running_mean.uniform_(-1, 1)
bnt.running_var.uniform_(0.5, 2)
ct.eval(), bnt.eval()
fct = torch.nn.utils.fusion.fuse_conv_bn_eval(ct, bnt, transpose=True)
z = torch.randn(1, 4, 3, 3)
print(torch.allclose(fct(z), bnt(ct(z)), atol=1e-5))

lin, bn = nn.Linear(5, 3), nn.BatchNorm1d(3)
bn.running_mean.normal_()
bn.running_var.uniform_(0.5, 2)
lin.eval(), bn.eval()
flin = torch.nn.utils.fusion.fuse_linear_bn_eval(lin, bn)
v = torch.randn(4, 5)
print(flin.weight, flin.bias)
print(torch.allclose(flin(v), bn(lin(v)), atol=1e-5))
try:
    net.train()
    torch.nn.utils.fusion.fuse_conv_bn_eval(net.conv1, net.bn1)
except AssertionError as e:
    print('AssertionError:', e)

# ---- functional_call: fast weights (MAML inner step), gradients w.r.t. the given tensors ------------------
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
params = dict(model.named_parameters())
xs, ys = torch.randn(10, 3), torch.randn(10, 1)
inner = F.mse_loss(functional_call(model, params, (xs,)), ys)
grads = torch.autograd.grad(inner, list(params.values()), create_graph=True)
fast = {name: p - 0.1 * g for (name, p), g in zip(params.items(), grads)}
outer = F.mse_loss(functional_call(model, fast, xs), ys)
outer.backward()
print(inner.item(), outer.item(), outer.grad_fn.name())
print(model[0].weight.grad)
print(model[2].bias.grad)
print(type(model[0]).__name__, type(model[2]).__name__)  # the classes come back after the call
# replacement tensors that require grad: the module's own parameters get none
replacement = {k: torch.randn_like(v).requires_grad_() for k, v in model.state_dict().items()}
model.zero_grad(set_to_none=True)
out = functional_call(model, replacement, (xs,))
out.sum().backward()
print(replacement['0.weight'].grad)
print(replacement['2.bias'].grad, model[0].weight.grad)
print(torch.allclose(out, torch.tanh(xs @ replacement['0.weight'].T + replacement['0.bias'])
                     @ replacement['2.weight'].T + replacement['2.bias']))
# a buffer: BatchNorm's running mean swapped for one call, kwargs passed through
bnm = nn.BatchNorm1d(3).eval()
print(functional_call(bnm, {'running_mean': torch.ones(3)}, (xs[:2],)))
print(bnm.running_mean)


class Scaled(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(3, 2)

    def forward(self, x, scale=1.0):
        return self.lin(x) * scale


sm = Scaled()
print(functional_call(sm, {'lin.weight': torch.ones(2, 3), 'lin.bias': torch.zeros(2)}, (xs[:2],), {'scale': 2.0}))

# ---- orthogonal: a Linear whose weight stays orthogonal while training -------------------------------------
torch.manual_seed(2)
layer = parametrizations.orthogonal(nn.Linear(4, 4))
print(layer)
print(list(layer.state_dict().keys()))
print(parametrize.is_parametrized(layer), parametrize.type_before_parametrizations(layer).__name__)
W = layer.weight
print(W, W.grad_fn.name())
print(layer.parametrizations.weight.original)
opt = torch.optim.SGD(layer.parameters(), lr=0.05)
data, target = torch.randn(16, 4), torch.randn(16, 4)
for step in range(4):
    loss = F.mse_loss(layer(data), target)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
W = layer.weight
print(W)
print('W^T W = I:', torch.allclose(W.T @ W, torch.eye(4), atol=1e-5))
print(layer.parametrizations.weight.original.grad)
for shape, orth_map in [((6, 3), None), ((3, 5), 'cayley'), ((4, 4), 'householder'), ((5, 2), 'matrix_exp')]:
    torch.manual_seed(3)
    m = parametrizations.orthogonal(nn.Linear(shape[1], shape[0]), orthogonal_map=orth_map)
    o = torch.optim.Adam(m.parameters(), lr=0.01)
    inp = torch.randn(8, shape[1])
    for _ in range(3):
        loss = m(inp).pow(2).mean()
        o.zero_grad()
        loss.backward()
        o.step()
    Q = m.weight if shape[0] >= shape[1] else m.weight.T
    print(shape, orth_map, m.parametrizations.weight[0].orthogonal_map, m.weight.grad_fn.name())
    print(m.weight)
    print(torch.allclose(Q.T @ Q, torch.eye(Q.shape[1]), atol=1e-5))
# assigning an orthogonal matrix resets the base and the original
layer.weight = torch.eye(4)
print(layer.weight, layer.parametrizations.weight.original)
try:
    parametrizations.orthogonal(nn.Linear(3, 3), orthogonal_map='qr')
except ValueError as e:
    print('ValueError:', e)

# ---- spectral_norm (the parametrization): a small discriminator, a few steps --------------------------------
torch.manual_seed(4)
D = nn.Sequential(
    parametrizations.spectral_norm(nn.Conv2d(1, 4, 3, 2, 1)),
    nn.LeakyReLU(0.2),
    nn.Flatten(),
    parametrizations.spectral_norm(nn.Linear(4 * 3 * 3, 1)),
)
print(D)
print(list(D.state_dict().keys()))
sn = D[3].parametrizations.weight[0]
print(sn._u, sn._v)
print(D[3].weight)
opt = torch.optim.Adam(D.parameters(), lr=0.01, betas=(0.5, 0.999))
real, fake = torch.randn(6, 1, 6, 6) + 1, torch.randn(6, 1, 6, 6)
for step in range(3):
    loss = F.relu(1 - D(real)).mean() + F.relu(1 + D(fake)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
W = D[3].weight
sigma = torch.linalg.matrix_norm(W.detach(), 2)
print(W, W.grad_fn.name())
print('sigma:', round(sigma.item(), 3))
conv_w = D[0].weight.flatten(1)
print('conv sigma:', round(torch.linalg.matrix_norm(conv_w.detach(), 2).item(), 3))
print(D[0].parametrizations.weight[0]._u)
D.eval()
u_before = sn._u.clone()
D(real)
print('eval keeps u:', torch.equal(u_before, sn._u))
ctn = parametrizations.spectral_norm(nn.ConvTranspose2d(3, 2, 3))
print(ctn.parametrizations.weight[0].dim, ctn.parametrizations.weight[0]._u.shape)
