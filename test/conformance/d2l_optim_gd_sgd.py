# d2l 12 "Optimization Algorithms", first half: risk vs empirical risk (f and g), a local minimum of
# x * cos(pi * x), the saddle of x**3 and of x**2 - y**2 (its Hessian's eigenvalues), the vanishing gradient
# of tanh; convexity checked by the secant inequality; gradient descent in 1-D on x**2 with a good, a too
# small and a too large learning rate (the trace oscillates and diverges), on the nonconvex x * cos(c * x),
# then in 2-D with train_2d/gd_2d on f_2d = x1**2 + 2 * x2**2; Newton's method with the Hessian written by
# hand on cosh(c * x) and on the nonconvex function (where it goes the wrong way) and damped; stochastic
# gradient descent with noisy gradients and the dynamic learning rates constant_lr, exponential_lr and
# polynomial_lr; the momentum / AdaGrad / RMSProp 2-D traces on the ill-conditioned 0.1 * x1**2 + 2 * x2**2.
import math

import numpy as np
import torch

# --- 12.1: the goal of optimization ---------------------------------------------------------------------


def f(x):
    return x * torch.cos(np.pi * x)


def g(x):
    return f(x) + 0.2 * torch.cos(5 * np.pi * x)


x = torch.arange(0.5, 1.5, 0.01)
print('risk min at', round(float(x[f(x).argmin()]), 2), 'empirical risk min at', round(float(x[g(x).argmin()]), 2))

x = torch.arange(-1.0, 2.0, 0.01)
local = x[:150][f(x[:150]).argmin()]
glob = x[f(x).argmin()]
print(f'local minimum near {float(local):.2f}: f = {float(f(local)):.4f}')
print(f'global minimum near {float(glob):.2f}: f = {float(f(glob)):.4f}')

# a saddle point of x**3: the gradient is zero at 0 but it is no minimum
x = torch.arange(-2.0, 2.0, 0.5, requires_grad=True)
y = x ** 3
y.sum().backward()
print('x**3 grad:', x.grad)
print('grad at 0 is', x.grad[4].item(), 'yet f(-0.5) < f(0) < f(0.5):', (y[3] < y[4] < y[5]).item())

# x**2 - y**2: the Hessian has one positive and one negative eigenvalue
p = torch.tensor([0.0, 0.0], requires_grad=True)
hess = torch.autograd.functional.hessian(lambda v: v[0] ** 2 - v[1] ** 2, p)
print(hess)
print('eigenvalues:', torch.linalg.eigvalsh(hess))

# vanishing gradients: tanh is flat far from zero
x = torch.tensor([0.0, 2.0, 4.0, 8.0], requires_grad=True)
torch.tanh(x).sum().backward()
print('tanh gradient:', x.grad)

# --- 12.2: convexity ----------------------------------------------------------------------------------


def f_conv(x):
    return 0.5 * x ** 2


def cos_pi(x):
    return torch.cos(np.pi * x)


def cube(x):
    return x ** 3


xs = torch.arange(-2, 2, 0.25)
for name, fn in [('0.5 * x**2', f_conv), ('cos(pi * x)', cos_pi), ('x**3', cube)]:
    # convex iff the secant lies above the curve for every pair and every lambda
    ok = True
    for lam in (0.25, 0.5, 0.75):
        lhs = fn(lam * xs[:, None] + (1 - lam) * xs[None, :])
        rhs = lam * fn(xs)[:, None] + (1 - lam) * fn(xs)[None, :]
        ok = ok and bool((lhs <= rhs + 1e-6).all())
    print(f'{name:>12s} convex on [-2, 2): {ok}')

# Jensen: E[f(X)] >= f(E[X]) for the convex square
torch.manual_seed(0)
samples = torch.randn(1000) * 2 + 1
print(f'E[X^2] = {torch.mean(samples ** 2):.4f} >= E[X]^2 = {torch.mean(samples) ** 2:.4f}')

# --- 12.3: gradient descent ---------------------------------------------------------------------------


def f1(x):  # objective
    return x ** 2


def f1_grad(x):  # its gradient
    return 2 * x


def gd(eta, f_grad):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x)
        results.append(float(x))
    print(f'epoch 10, x: {x:f}')
    return results


results = gd(0.2, f1_grad)
print([round(r, 4) for r in results])
print('too small:', end=' ')
gd(0.05, f1_grad)
print('too large:', end=' ')
results = gd(1.1, f1_grad)
print('oscillates:', ['%.1f' % r for r in results[:6]])

c = torch.tensor(0.15 * np.pi)


def f_nc(x):  # nonconvex objective
    return x * torch.cos(c * x)


def f_nc_grad(x):
    return torch.cos(c * x) - c * x * torch.sin(c * x)


results = gd(2, f_nc_grad)
print('nonconvex trace:', torch.tensor(results[:4]))


def train_2d(trainer, steps=20, f_grad=None):
    """Optimize a 2-D objective with a customized trainer."""
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


def f_2d(x1, x2):
    return x1 ** 2 + 2 * x2 ** 2


def f_2d_grad(x1, x2):
    return (2 * x1, 4 * x2)


def gd_2d(x1, x2, s1, s2, f_grad):
    g1, g2 = f_grad(x1, x2)
    return (x1 - eta * g1, x2 - eta * g2, 0, 0)


eta = 0.1
res = train_2d(gd_2d, f_grad=f_2d_grad)
print('last 3 values of f_2d:', [round(f_2d(*r), 6) for r in res[-3:]])
grid = torch.meshgrid(torch.arange(-5.5, 1.0, 0.5), torch.arange(-3.0, 1.0, 0.5), indexing='ij')
print('contour grid', grid[0].shape, 'max f', f_2d(*grid).max().item())

# Newton's method: divide by the Hessian written by hand
c = torch.tensor(0.5)


def f_cosh(x):
    return torch.cosh(c * x)


def f_cosh_grad(x):
    return c * torch.sinh(c * x)


def f_cosh_hess(x):
    return c ** 2 * torch.cosh(c * x)


def newton(eta=1, f=f_cosh, f_grad=f_cosh_grad, f_hess=f_cosh_hess):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x) / f_hess(x)
        results.append(float(x))
    print('epoch 10, x:', x)
    return results


newton()
c = torch.tensor(0.15 * np.pi)


def f_nc_hess(x):
    return -2 * c * torch.sin(c * x) - x * c ** 2 * torch.cos(c * x)


print('nonconvex, full step:', end=' ')
newton(f=f_nc, f_grad=f_nc_grad, f_hess=f_nc_hess)
print('nonconvex, eta=0.5:', end=' ')
newton(0.5, f=f_nc, f_grad=f_nc_grad, f_hess=f_nc_hess)

# preconditioning with the diagonal of the Hessian of f_2d takes one step
h = torch.autograd.functional.hessian(lambda v: v[0] ** 2 + 2 * v[1] ** 2, torch.tensor([-5.0, -2.0]))
print('Hessian of f_2d:', h.diag(), 'one Newton step:', torch.tensor([-5.0, -2.0]) - torch.tensor([-10.0, -8.0]) / h.diag())

# --- 12.4: stochastic gradient descent ------------------------------------------------------------------


def sgd_2d(x1, x2, s1, s2, f_grad):
    g1, g2 = f_grad(x1, x2)
    # simulate a noisy gradient
    g1 += torch.normal(0.0, 1, (1,)).item()
    g2 += torch.normal(0.0, 1, (1,)).item()
    eta_t = eta * lr()
    return (x1 - eta_t * g1, x2 - eta_t * g2, 0, 0)


def constant_lr():
    return 1


torch.manual_seed(42)
eta = 0.1
lr = constant_lr
train_2d(sgd_2d, steps=50, f_grad=f_2d_grad)


def exponential_lr():
    # a global counter outside the function: it grows with each call
    global t
    t += 1
    return math.exp(-0.1 * t)


t = 1
lr = exponential_lr
train_2d(sgd_2d, steps=1000, f_grad=f_2d_grad)
print(f'exponential lr after {t} calls: {lr():.3e}')


def polynomial_lr():
    global t
    t += 1
    return (1 + 0.1 * t) ** (-0.5)


t = 1
lr = polynomial_lr
train_2d(sgd_2d, steps=50, f_grad=f_2d_grad)
print(f'polynomial lr after {t} calls: {lr():.4f}')

# sampling with replacement: how often is each of n items drawn in n draws?
n = 1000
draws = torch.randint(0, n, (n,))
seen = torch.bincount(draws, minlength=n)
print(f'never drawn: {(seen == 0).float().mean():.3f} (1 - 1/e = {1 - math.exp(-1):.3f} drawn at least once)')

# --- 12.6-12.8: the 2-D traces on an ill-conditioned problem --------------------------------------------


def f_ill(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2


def gd_ill(x1, x2, s1, s2):
    return (x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0)


eta = 0.4
print('gd, eta 0.4:', end=' ')
train_2d(gd_ill)
eta = 0.6
print('gd, eta 0.6 diverges in x2:', end=' ')
train_2d(gd_ill)


def momentum_2d(x1, x2, v1, v2):
    v1 = beta * v1 + 0.2 * x1
    v2 = beta * v2 + 4 * x2
    return x1 - eta * v1, x2 - eta * v2, v1, v2


eta, beta = 0.6, 0.5
print('momentum 0.6/0.5:', end=' ')
train_2d(momentum_2d)
eta, beta = 0.6, 0.25
print('momentum 0.6/0.25:', end=' ')
train_2d(momentum_2d)

# leaky averages: the effective number of terms is 1 / (1 - beta)
betas = [0.95, 0.9, 0.6, 0]
for beta in betas:
    w = beta ** torch.arange(40).float()
    print(f'beta = {beta:.2f}: weights sum to {w.sum():.4f}, 1 / (1 - beta) = {1 / (1 - beta):.2f}')


def adagrad_2d(x1, x2, s1, s2):
    eps = 1e-6
    g1, g2 = 0.2 * x1, 4 * x2
    s1 += g1 ** 2
    s2 += g2 ** 2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


eta = 0.4
print('adagrad 0.4:', end=' ')
train_2d(adagrad_2d)
eta = 2
print('adagrad 2:', end=' ')
train_2d(adagrad_2d)


def rmsprop_2d(x1, x2, s1, s2):
    g1, g2, eps = 0.2 * x1, 4 * x2, 1e-6
    s1 = gamma * s1 + (1 - gamma) * g1 ** 2
    s2 = gamma * s2 + (1 - gamma) * g2 ** 2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


eta, gamma = 0.4, 0.9
print('rmsprop:', end=' ')
train_2d(rmsprop_2d)
gammas = [0.95, 0.9, 0.8, 0.7]
for gamma in gammas:
    print(f'gamma = {gamma:.2f}: weight of the 10th-last term {(1 - gamma) * gamma ** 10:.5f}')
