# torch.nn.utils as course notebooks use it: counting parameters, parameters_to_vector of the weights and of
# the gradients, vector_to_parameters to write a perturbed or interpolated vector back (the loss-landscape
# line between two trained models), a finite-difference check of one gradient entry through the flat
# vector, a Hessian-vector product on the flat gradient, and gradient clipping: clip_grad_norm_ with
# norm_type 2, 1 and inf (its returned total norm), error_if_nonfinite on a nan gradient, clip_grad_value_,
# and a training loop that logs the norm before clipping.
import math

import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_, clip_grad_value_, parameters_to_vector, vector_to_parameters

torch.manual_seed(3)
X = torch.randn(40, 3)
y = torch.sin(X[:, :1] * 2) + 0.5 * X[:, 1:2]


def make_model():
    return nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1))


model = make_model()
loss_fn = nn.MSELoss()
n_params = sum(p.numel() for p in model.parameters())
n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f'Total params: {n_params:,} trainable: {n_train}')
print([(name, p.numel()) for name, p in model.named_parameters()])

theta = parameters_to_vector(model.parameters())
print(theta.shape, theta.requires_grad, theta.grad_fn.name())
print(theta[:5])

loss = loss_fn(model(X), y)
loss.backward()
g = parameters_to_vector(p.grad for p in model.parameters())
print(g.shape, f'{g.norm().item():.5f}', g.requires_grad)

# Finite differences on one entry of the flat vector.
eps = 1e-3
with torch.no_grad():
    for i in (0, 7, 20):
        plus = theta.clone()
        plus[i] += eps
        vector_to_parameters(plus, model.parameters())
        lp = loss_fn(model(X), y).item()
        minus = theta.clone()
        minus[i] -= eps
        vector_to_parameters(minus, model.parameters())
        lm = loss_fn(model(X), y).item()
        print(i, f'{(lp - lm) / (2 * eps):.3f}', f'{g[i].item():.3f}')
vector_to_parameters(theta, model.parameters())
print(torch.equal(parameters_to_vector(model.parameters()), theta))
print(model[0].weight.is_leaf, model[0].weight.requires_grad)

try:
    vector_to_parameters([0.0] * n_params, model.parameters())
except TypeError as e:
    print('TypeError:', e)

# Hessian-vector product through the flat gradient.
model.zero_grad()
loss = loss_fn(model(X), y)
grads = torch.autograd.grad(loss, list(model.parameters()), create_graph=True)
flat = torch.cat([gr.reshape(-1) for gr in grads])
v = torch.ones_like(flat) / math.sqrt(n_params)
hv = torch.autograd.grad(flat @ v, list(model.parameters()))
hv = parameters_to_vector(hv)
print(hv.shape, f'{(v @ hv).item():.4f}')


def train(model, steps, lr, clip=None):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for step in range(steps):
        opt.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        if clip is not None:
            norm = clip_grad_norm_(model.parameters(), max_norm=clip)
            if step % 20 == 0:
                print(f'step {step:3d} loss {loss.item():.4f} grad norm {norm.item():.4f}')
        opt.step()
    return model


torch.manual_seed(10)
m1 = train(make_model(), 60, 0.5, clip=0.5)
torch.manual_seed(11)
m2 = train(make_model(), 60, 0.1)
v1 = parameters_to_vector(m1.parameters()).detach()
v2 = parameters_to_vector(m2.parameters()).detach()
print(f'distance {torch.dist(v1, v2).item():.4f}')
probe = make_model()
for alpha in [0.0, 0.25, 0.5, 0.75, 1.0]:
    vector_to_parameters((1 - alpha) * v1 + alpha * v2, probe.parameters())
    with torch.no_grad():
        print(f'alpha={alpha:.2f} loss={loss_fn(probe(X), y).item():.4f}')

# Clipping by norm of each kind, and by value.
for norm_type in (2.0, 1, float('inf')):
    probe.zero_grad()
    loss_fn(probe(X) * 10, y).backward()
    before = [p.grad.clone() for p in probe.parameters()]
    total = clip_grad_norm_(probe.parameters(), max_norm=1.0, norm_type=norm_type)
    after = parameters_to_vector(p.grad for p in probe.parameters())
    ratio = (after.norm() / parameters_to_vector(before).norm()).item()
    print(norm_type, f'{total.item():.4f}', f'{after.norm(norm_type).item():.4f}', f'{ratio:.4f}')

total = clip_grad_norm_(probe[0].weight, 100.0)
print('unclipped', f'{total.item():.4f}')
print(clip_grad_norm_([nn.Parameter(torch.ones(2))], 1.0))

probe.zero_grad()
loss_fn(probe(X) * 10, y).backward()
clip_grad_value_(probe.parameters(), clip_value=0.05)
print(probe[2].weight.grad)
print(max(p.grad.abs().max().item() for p in probe.parameters()))

probe[0].bias.grad[0] = float('nan')
try:
    clip_grad_norm_(probe.parameters(), 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print('RuntimeError:', e)
print(clip_grad_norm_(probe.parameters(), 1.0))
