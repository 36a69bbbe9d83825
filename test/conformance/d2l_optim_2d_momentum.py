# d2l 12.6-12.11 idioms on the 2-D quadratic f(x1, x2) = 0.1 x1^2 + 2 x2^2 (d2l-ai/d2l-en chapter_optimization/):
# train_2d over trainer functions of (x1, x2, s1, s2) with plain Python numbers -- momentum_2d at two
# (eta, beta) settings, adagrad_2d with s1 += g1 ** 2 and math.sqrt, rmsprop_2d with gamma -- printed as
# f'epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}', show_trace_2d's contour over
# torch.meshgrid(torch.arange(-5.5, 1.0, 0.1), ..., indexing='ij') on an Agg figure, the same RMSProp with
# 0-dim tensor states, the leaky-average weights gamma ** x and beta ** x over torch.arange(40).numpy(), Adam
# from scratch with ((v_w, s_w), (v_b, s_b)) state tuples and hyperparams['t'], MultiStepLR read through
# get_last_lr(), FactorScheduler and a warmup CosineScheduler by hand, ExponentialLR/CosineAnnealingLR/LambdaLR
# and torch.optim's SGD(momentum)/Adagrad/RMSprop/Adadelta/Adam on the same function with their state keys;
# schedulers' settings read back as attributes (step_size, milestones, lr_lambdas, ReduceLROnPlateau's patience).
import math
import torch
from torch import nn
from torch.optim import lr_scheduler
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt


def f_2d(x1, x2):
    return 0.1 * x1**2 + 2 * x2**2


def train_2d(trainer, steps=20, f_grad=None):
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(steps):
        if f_grad:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, f_grad)
        else:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2)
        results.append((x1, x2))
    print(f'epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}')
    return results


def show_trace_2d(f, results):
    fig = plt.figure(figsize=(3.5, 2.5))
    plt.plot(*zip(*results), '-o', color='#ff7f0e')
    x1, x2 = torch.meshgrid(torch.arange(-5.5, 1.0, 0.1), torch.arange(-3.0, 1.0, 0.1), indexing='ij')
    cs = plt.contour(x1, x2, f(x1, x2), colors='#1f77b4')
    plt.xlabel('x1')
    plt.ylabel('x2')
    print('grid', tuple(x1.shape), 'levels', len(cs.levels))
    plt.close(fig)


eta, beta = 0.4, 0.5


def momentum_2d(x1, x2, v1, v2):
    v1 = beta * v1 + 0.2 * x1
    v2 = beta * v2 + 4 * x2
    return x1 - eta * v1, x2 - eta * v2, v1, v2


show_trace_2d(f_2d, train_2d(momentum_2d))
eta, beta = 0.6, 0.25
show_trace_2d(f_2d, train_2d(momentum_2d))


def adagrad_2d(x1, x2, s1, s2):
    eps = 1e-6
    g1, g2 = 0.2 * x1, 4 * x2
    s1 += g1**2
    s2 += g2**2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


eta = 2
show_trace_2d(f_2d, train_2d(adagrad_2d))


def rmsprop_2d(x1, x2, s1, s2):
    g1, g2, eps = 0.2 * x1, 4 * x2, 1e-6
    s1 = gamma * s1 + (1 - gamma) * g1**2
    s2 = gamma * s2 + (1 - gamma) * g2**2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


eta, gamma = 0.4, 0.9
show_trace_2d(f_2d, train_2d(rmsprop_2d))


# tensor-valued version: states as tensors
def rmsprop_2d_t(x1, x2, s1, s2):
    g1, g2, eps = 0.2 * x1, 4 * x2, 1e-6
    s1 = gamma * s1 + (1 - gamma) * g1**2
    s2 = gamma * s2 + (1 - gamma) * g2**2
    x1 = x1 - eta / torch.sqrt(s1 + eps) * g1
    x2 = x2 - eta / torch.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


x = (torch.tensor(-5.0), torch.tensor(-2.0), torch.tensor(0.0), torch.tensor(0.0))
for i in range(20):
    x = rmsprop_2d_t(*x)
print(x)
# gammas plot
gammas = [0.95, 0.9, 0.8, 0.7]
for gm in gammas:
    x = torch.arange(40).detach().numpy()
    # float64 powers: numpy's AVX-512 pow may differ from libm's in the last bit, so 12 digits
    print(gm, (1 - gm) * gm ** x[:3], f'{(gm**x).sum():.12f}')
# momentum effective sample weights
betas = [0.95, 0.9, 0.6, 0]
for b in betas:
    x = torch.arange(40).detach().numpy()
    print(f'beta = {b:.2f}', (b**x)[:3])


# adam with state tuples
def init_adam_states(feature_dim):
    v_w, v_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((v_w, s_w), (v_b, s_b))


def adam(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-6
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = beta2 * s + (1 - beta2) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams['t'])
            s_bias_corr = s / (1 - beta2 ** hyperparams['t'])
            p[:] -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr) + eps)
        p.grad.data.zero_()
    hyperparams['t'] += 1


torch.manual_seed(0)
X = torch.randn(50, 3)
y = X @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3
w = torch.normal(mean=0.0, std=0.01, size=(3, 1), requires_grad=True)
b = torch.zeros((1), requires_grad=True)
states = init_adam_states(3)
hp = {'lr': 0.05, 't': 1}
for ep in range(30):
    l = ((X @ w + b - y) ** 2 / 2).mean()
    l.backward()
    adam([w, b], states, hp)
print(f'{l.item():.5f}', w.reshape(-1), b, hp['t'])

# lr schedulers
net = nn.Sequential(nn.Linear(4, 2))
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
scheduler = lr_scheduler.MultiStepLR(trainer, milestones=[15, 30], gamma=0.5)


def get_lr(trainer, scheduler):
    lr = scheduler.get_last_lr()[0]
    trainer.step()
    scheduler.step()
    return lr


lrs = [get_lr(trainer, scheduler) for t in range(40)]
print(lrs[::5])
print(scheduler.state_dict())
print(type(scheduler).__module__, lr_scheduler.__name__, scheduler.__module__ == lr_scheduler.__name__)


class FactorScheduler:
    def __init__(self, factor=1, stop_factor_lr=1e-7, base_lr=0.1):
        self.factor = factor
        self.stop_factor_lr = stop_factor_lr
        self.base_lr = base_lr

    def __call__(self, num_update):
        self.base_lr = max(self.stop_factor_lr, self.base_lr * self.factor)
        return self.base_lr


scheduler = FactorScheduler(factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)
print([round(scheduler(t), 4) for t in range(50)][::7])


class CosineScheduler:
    def __init__(self, max_update, base_lr=0.01, final_lr=0, warmup_steps=0, warmup_begin_lr=0):
        self.base_lr_orig = base_lr
        self.max_update = max_update
        self.final_lr = final_lr
        self.warmup_steps = warmup_steps
        self.warmup_begin_lr = warmup_begin_lr
        self.max_steps = self.max_update - self.warmup_steps

    def get_warmup_lr(self, epoch):
        increase = (self.base_lr_orig - self.warmup_begin_lr) * float(epoch) / float(self.warmup_steps)
        return self.warmup_begin_lr + increase

    def __call__(self, epoch):
        if epoch < self.warmup_steps:
            return self.get_warmup_lr(epoch)
        if epoch <= self.max_update:
            self.base_lr = (
                self.final_lr
                + (self.base_lr_orig - self.final_lr)
                * (1 + math.cos(math.pi * (epoch - self.warmup_steps) / self.max_steps))
                / 2
            )
        return self.base_lr


scheduler = CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01)
print([round(scheduler(t), 4) for t in range(30)][::3])
# plot as d2l does
plt.plot(torch.arange(30), [scheduler(t) for t in range(30)])
plt.close()
# torch schedulers misc
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
s = lr_scheduler.ExponentialLR(opt, gamma=0.9)
for e in range(3):
    opt.step()
    s.step()
print(s.get_last_lr(), opt.param_groups[0]['lr'])
s2 = lr_scheduler.CosineAnnealingLR(opt, T_max=10, eta_min=0.001)
print([round(x, 5) for x in s2.get_last_lr()])
s3 = lr_scheduler.LambdaLR(opt, lr_lambda=lambda e: 1 / math.sqrt(e + 1))
for e in range(3):
    opt.step()
    s3.step()
print(s3.get_last_lr(), s3.last_epoch, s3.base_lrs)
s4 = lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)
print(type(s4).__name__, s4.step_size, s4.gamma)
print(isinstance(s4, lr_scheduler._LRScheduler))
# momentum with torch
opt = torch.optim.SGD([torch.nn.Parameter(torch.tensor([-5.0, -2.0]))], lr=0.4, momentum=0.5)
p = opt.param_groups[0]['params'][0]
for i in range(20):
    opt.zero_grad()
    loss = 0.1 * p[0] ** 2 + 2 * p[1] ** 2
    loss.backward()
    opt.step()
print(p.data, opt.state[p]['momentum_buffer'])
for name, cls, kw in [
    ('Adagrad', torch.optim.Adagrad, dict(lr=0.4)),
    ('RMSprop', torch.optim.RMSprop, dict(lr=0.01, alpha=0.9)),
    ('Adadelta', torch.optim.Adadelta, dict(rho=0.9)),
    ('Adam', torch.optim.Adam, dict(lr=0.1)),
]:
    q = torch.nn.Parameter(torch.tensor([-5.0, -2.0]))
    o = cls([q], **kw)
    for i in range(20):
        o.zero_grad()
        (0.1 * q[0] ** 2 + 2 * q[1] ** 2).backward()
        o.step()
    print(name, q.data, sorted(o.state[q].keys()))
# a scheduler's settings read back as attributes, as learners check them
plateau = lr_scheduler.ReduceLROnPlateau(opt, mode='max', patience=3, factor=0.5)
multi = lr_scheduler.MultiStepLR(opt, milestones=[15, 30], gamma=0.5)
lam = lr_scheduler.LambdaLR(opt, lr_lambda=lambda e: 0.95**e)
print(s4.step_size, s4.gamma, multi.milestones, multi._step_count, len(lam.lr_lambdas), lam.lr_lambdas[0](2))
print(plateau.patience, plateau.mode, plateau.factor, plateau.cooldown, plateau.best, hasattr(plateau, 'nope'))
