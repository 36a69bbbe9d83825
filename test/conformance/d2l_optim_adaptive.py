# d2l 12 "Optimization Algorithms", second half: minibatch SGD (a Timer around element-wise, column-wise,
# full and blocked matrix products, checked equal), get_data_ch11 reading a generated table saved with
# np.savetxt back through np.genfromtxt(dtype=np.float32, delimiter='\t'), standardised, torch.from_numpy,
# train_ch11 with optimizers written from scratch as functions of (params, states, hyperparams) -- sgd,
# sgd_momentum with init_momentum_states, AdaGrad, RMSProp, Adadelta, Adam with hyperparams['t'] and Yogi --
# updated through `p[:] -=` / `v[:] =` under torch.no_grad(), then train_concise_ch11 with the torch.optim
# classes (SGD, momentum, Adagrad, RMSprop(alpha=), Adadelta(rho=), Adam) on nn.MSELoss(reduction='none');
# finally 12.11 learning-rate scheduling: SquareRootScheduler, FactorScheduler, CosineScheduler with warmup,
# lr_scheduler.MultiStepLR read through get_last_lr(), and a train() that tells the two kinds apart by
# `scheduler.__module__ == lr_scheduler.__name__`, on a small LeNet-like net over generated 8x8 images.
import math
import os
import tempfile
import time

import numpy as np
import torch
from torch import nn
from torch.optim import lr_scheduler
from torch.utils import data


class Timer:
    """Record multiple running times."""

    def __init__(self):
        self.times = []
        self.start()

    def start(self):
        self.tik = time.time()

    def stop(self):
        self.times.append(time.time() - self.tik)
        return self.times[-1]

    def avg(self):
        return sum(self.times) / len(self.times)

    def sum(self):
        return sum(self.times)

    def cumsum(self):
        return np.array(self.times).cumsum().tolist()


class Accumulator:
    """For accumulating sums over n variables."""

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def __getitem__(self, idx):
        return self.data[idx]


# --- 12.5: vectorization and caches -------------------------------------------------------------------
torch.manual_seed(0)
A = torch.zeros(32, 32)
B = torch.randn(32, 32)
C = torch.randn(32, 32)
timer = Timer()

timer.start()
for i in range(32):
    for j in range(32):
        A[i, j] = torch.dot(B[i, :], C[:, j])
timer.stop()
elementwise = A.clone()

timer.start()
for j in range(32):
    A[:, j] = torch.mv(B, C[:, j])
timer.stop()
columnwise = A.clone()

timer.start()
A = torch.mm(B, C)
timer.stop()

timer.start()
for j in range(0, 32, 8):
    A[:, j:j + 8] = torch.mm(B, C[:, j:j + 8])
timer.stop()
print(len(timer.times), 'timings taken;', 'all products agree:',
      torch.allclose(elementwise, A, atol=1e-4), torch.allclose(columnwise, A, atol=1e-4))
gigaflops = [2 * 32 ** 3 / 1e9 / t for t in timer.times]  # divides by each time: none may read 0.0
print('gigaflops computed for', len(gigaflops), 'timings; all positive:', all(g > 0 for g in gigaflops))
print('cumulative timings increase:', all(a <= b for a, b in zip(timer.cumsum(), timer.cumsum()[1:])))


# --- minibatches on a generated regression set --------------------------------------------------------
def load_array(data_arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)


def write_airfoil(path, n=500):
    # a generated stand-in for the airfoil table, saved tab-separated as the download is
    rng = np.random.RandomState(11)
    raw = rng.randn(n, 5) * np.array([1.0, 3.0, 0.5, 2.0, 10.0]) + 4
    target = raw @ np.array([0.3, -0.2, 1.0, 0.1, 0.02]) + 0.05 * rng.randn(n)
    np.savetxt(path, np.column_stack([raw, target]), fmt='%.5f', delimiter='\t')


airfoil = os.path.join(tempfile.mkdtemp(), 'airfoil_self_noise.dat')
write_airfoil(airfoil)


def get_data_ch11(batch_size=10, n=500):
    data = np.genfromtxt(airfoil, dtype=np.float32, delimiter='\t')
    data = torch.from_numpy((data - data.mean(axis=0)) / data.std(axis=0))
    data_iter = load_array((data[:n, :-1], data[:n, -1]), batch_size, is_train=True)
    return data_iter, data.shape[1] - 1


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def evaluate_loss(net, data_iter, loss):
    metric = Accumulator(2)  # sum of losses, number of examples
    for X, y in data_iter:
        out = net(X)
        y = y.reshape(out.shape)
        l = loss(out, y)
        metric.add(l.sum(), l.numel())
    return metric[0] / metric[1]


def sgd(params, states, hyperparams):
    for p in params:
        p.data.sub_(hyperparams['lr'] * p.grad)
        p.grad.data.zero_()


def train_ch11(trainer_fn, states, hyperparams, data_iter, feature_dim, num_epochs=2):
    torch.manual_seed(3)
    w = torch.normal(mean=0.0, std=0.01, size=(feature_dim, 1), requires_grad=True)
    b = torch.zeros((1), requires_grad=True)
    net, loss = lambda X: linreg(X, w, b), squared_loss
    losses, n, timer = [], 0, Timer()
    for _ in range(num_epochs):
        for X, y in data_iter:
            l = loss(net(X), y).mean()
            l.backward()
            trainer_fn([w, b], states, hyperparams)
            n += X.shape[0]
            if n % 100 == 0:
                timer.stop()
                losses.append(evaluate_loss(net, data_iter, loss))
                timer.start()
    print(f'loss: {losses[-1]:.5f}, first {losses[0]:.4f}, {len(losses)} points, '
          f'{"fast" if timer.avg() < 100 else "slow"}')
    return losses


def train_sgd(lr, batch_size, num_epochs=2):
    torch.manual_seed(5)
    data_iter, feature_dim = get_data_ch11(batch_size)
    return train_ch11(sgd, None, {'lr': lr}, data_iter, feature_dim, num_epochs)


print('gd:', end=' ')
gd_res = train_sgd(1, 500, 10)
print('sgd:', end=' ')
sgd_res = train_sgd(0.005, 1, 1)
print('mini1:', end=' ')
mini1_res = train_sgd(0.4, 100)
print('mini2:', end=' ')
mini2_res = train_sgd(0.05, 10)
print('same start:', round(gd_res[0], 3), round(mini2_res[0], 3))

torch.manual_seed(5)
data_iter, feature_dim = get_data_ch11(10)
X, y = next(iter(data_iter))
print('batch:', X.shape, y.shape, X.dtype, len(data_iter))


# --- 12.6 momentum ------------------------------------------------------------------------------------
def init_momentum_states(feature_dim):
    v_w = torch.zeros((feature_dim, 1))
    v_b = torch.zeros(1)
    return (v_w, v_b)


def sgd_momentum(params, states, hyperparams):
    for p, v in zip(params, states):
        with torch.no_grad():
            v[:] = hyperparams['momentum'] * v + p.grad
            p[:] -= hyperparams['lr'] * v
        p.grad.data.zero_()


def train_momentum(lr, momentum, num_epochs=2):
    print(f'momentum {momentum}, lr {lr}:', end=' ')
    train_ch11(sgd_momentum, init_momentum_states(feature_dim), {'lr': lr, 'momentum': momentum}, data_iter,
               feature_dim, num_epochs)


train_momentum(0.02, 0.5)
train_momentum(0.01, 0.9)
train_momentum(0.005, 0.9)


# --- 12.7 AdaGrad -------------------------------------------------------------------------------------
def init_adagrad_states(feature_dim):
    s_w = torch.zeros((feature_dim, 1))
    s_b = torch.zeros(1)
    return (s_w, s_b)


def adagrad(params, states, hyperparams):
    eps = 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] += torch.square(p.grad)
            p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()


print('adagrad:', end=' ')
train_ch11(adagrad, init_adagrad_states(feature_dim), {'lr': 0.1}, data_iter, feature_dim)


# --- 12.8 RMSProp -------------------------------------------------------------------------------------
def init_rmsprop_states(feature_dim):
    return init_adagrad_states(feature_dim)


def rmsprop(params, states, hyperparams):
    gamma, eps = hyperparams['gamma'], 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] = gamma * s + (1 - gamma) * torch.square(p.grad)
            p[:] -= hyperparams['lr'] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()


print('rmsprop:', end=' ')
train_ch11(rmsprop, init_rmsprop_states(feature_dim), {'lr': 0.01, 'gamma': 0.9}, data_iter, feature_dim)


# --- 12.9 Adadelta ------------------------------------------------------------------------------------
def init_adadelta_states(feature_dim):
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    delta_w, delta_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((s_w, delta_w), (s_b, delta_b))


def adadelta(params, states, hyperparams):
    rho, eps = hyperparams['rho'], 1e-5
    for p, (s, delta) in zip(params, states):
        with torch.no_grad():
            # in-place updates through [:]
            s[:] = rho * s + (1 - rho) * torch.square(p.grad)
            g = (torch.sqrt(delta + eps) / torch.sqrt(s + eps)) * p.grad
            p[:] -= g
            delta[:] = rho * delta + (1 - rho) * g * g
        p.grad.data.zero_()


print('adadelta:', end=' ')
train_ch11(adadelta, init_adadelta_states(feature_dim), {'rho': 0.9}, data_iter, feature_dim)


# --- 12.10 Adam and Yogi ------------------------------------------------------------------------------
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


hp = {'lr': 0.01, 't': 1}
print('adam:', end=' ')
train_ch11(adam, init_adam_states(feature_dim), hp, data_iter, feature_dim)
print('adam steps taken:', hp['t'] - 1)


def yogi(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-3
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = s + (1 - beta2) * torch.sign(torch.square(p.grad) - s) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams['t'])
            s_bias_corr = s / (1 - beta2 ** hyperparams['t'])
            p[:] -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr) + eps)
        p.grad.data.zero_()
    hyperparams['t'] += 1


print('yogi:', end=' ')
train_ch11(yogi, init_adam_states(feature_dim), {'lr': 0.01, 't': 1}, data_iter, feature_dim)


# --- the concise versions -----------------------------------------------------------------------------
def train_concise_ch11(trainer_fn, hyperparams, data_iter, num_epochs=4):
    torch.manual_seed(3)
    net = nn.Sequential(nn.Linear(5, 1))

    def init_weights(module):
        if type(module) == nn.Linear:
            torch.nn.init.normal_(module.weight, std=0.01)

    net.apply(init_weights)
    optimizer = trainer_fn(net.parameters(), **hyperparams)
    loss = nn.MSELoss(reduction='none')
    losses, n = [], 0
    for _ in range(num_epochs):
        for X, y in data_iter:
            optimizer.zero_grad()
            out = net(X)
            y = y.reshape(out.shape)
            l = loss(out, y)
            l.mean().backward()
            optimizer.step()
            n += X.shape[0]
            if n % 100 == 0:
                # MSELoss has no 1/2 factor
                losses.append(evaluate_loss(net, data_iter, loss) / 2)
    print(f'{type(optimizer).__name__}: loss {losses[-1]:.5f}, lr {optimizer.param_groups[0]["lr"]}')
    return optimizer


train_concise_ch11(torch.optim.SGD, {'lr': 0.01}, data_iter)
opt = train_concise_ch11(torch.optim.SGD, {'lr': 0.005, 'momentum': 0.9}, data_iter)
print(sorted(k for k in opt.param_groups[0] if k != 'params'))
train_concise_ch11(torch.optim.Adagrad, {'lr': 0.1}, data_iter)
opt = train_concise_ch11(torch.optim.RMSprop, {'lr': 0.01, 'alpha': 0.9}, data_iter)
print(opt)
train_concise_ch11(torch.optim.Adadelta, {'rho': 0.9}, data_iter)
opt = train_concise_ch11(torch.optim.Adam, {'lr': 0.01}, data_iter)
state = opt.state[opt.param_groups[0]['params'][0]]
print('Adam state keys:', sorted(state), 'step', int(state['step']))


# --- 12.11 learning-rate scheduling -------------------------------------------------------------------
class SquareRootScheduler:
    def __init__(self, lr=0.1):
        self.lr = lr

    def __call__(self, num_update):
        return self.lr * pow(num_update + 1.0, -0.5)


class FactorScheduler:
    def __init__(self, factor=1, stop_factor_lr=1e-7, base_lr=0.1):
        self.factor = factor
        self.stop_factor_lr = stop_factor_lr
        self.base_lr = base_lr

    def __call__(self, num_update):
        self.base_lr = max(self.stop_factor_lr, self.base_lr * self.factor)
        return self.base_lr


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
            progress = (epoch - self.warmup_steps) / self.max_steps
            self.base_lr = self.final_lr + (self.base_lr_orig - self.final_lr) * (1 + math.cos(math.pi * progress)) / 2
        return self.base_lr


num_epochs = 30
scheduler = SquareRootScheduler(lr=1.0)
print('sqrt:', [round(scheduler(t), 4) for t in range(0, num_epochs, 5)])
scheduler = FactorScheduler(factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)
print('factor:', [round(scheduler(t), 4) for t in range(50)][::7])
scheduler = CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01)
print('cosine:', torch.tensor([scheduler(t) for t in range(num_epochs)])[::3])
scheduler = CosineScheduler(20, warmup_steps=5, base_lr=0.3, final_lr=0.01)
print('warmup:', [f'{scheduler(t):.3f}' for t in range(8)])

net = nn.Sequential(nn.Linear(2, 2))
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
scheduler = lr_scheduler.MultiStepLR(trainer, milestones=[15, 30], gamma=0.5)


def get_lr(trainer, scheduler):
    lr = scheduler.get_last_lr()[0]
    trainer.step()
    scheduler.step()
    return lr


lrs = [get_lr(trainer, scheduler) for t in range(num_epochs + 5)]
print('multistep:', lrs[13:17], lrs[-3:])
print(type(scheduler).__name__, scheduler.__module__ == lr_scheduler.__name__, lr_scheduler.__name__)
print('custom is torch:', SquareRootScheduler().__module__ == lr_scheduler.__name__)
trainer.param_groups[0]['lr'] = 0.1
print(f'learning rate is now {trainer.param_groups[0]["lr"]:.2f}')


def net_fn():
    return nn.Sequential(
        nn.Conv2d(1, 4, kernel_size=3, padding=1), nn.ReLU(),
        nn.MaxPool2d(kernel_size=2, stride=2),
        nn.Conv2d(4, 8, kernel_size=3), nn.ReLU(),
        nn.Flatten(),
        nn.Linear(8 * 2 * 2, 16), nn.ReLU(),
        nn.Linear(16, 3))


def make_images(n, g):
    labels = torch.randint(0, 3, (n,), generator=g)
    images = 0.5 * torch.randn(n, 1, 8, 8, generator=g)
    for k in range(3):
        images[labels == k, 0, 2 * k:2 * k + 3, :] += 1.0
    return images, labels


gen = torch.Generator().manual_seed(2)
train_iter = load_array(make_images(192, gen), 32)
test_iter = load_array(make_images(96, gen), 32, is_train=False)


def accuracy(y_hat, y):
    return float((y_hat.argmax(axis=1).type(y.dtype) == y).type(y.dtype).sum())


def evaluate_accuracy(net, data_iter):
    net.eval()
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


def train(net, train_iter, test_iter, num_epochs, loss, trainer, scheduler=None):
    history = []
    for epoch in range(num_epochs):
        metric = Accumulator(3)  # train_loss, train_acc, num_examples
        net.train()
        for i, (X, y) in enumerate(train_iter):
            trainer.zero_grad()
            y_hat = net(X)
            l = loss(y_hat, y)
            l.backward()
            trainer.step()
            with torch.no_grad():
                metric.add(l * X.shape[0], accuracy(y_hat, y), X.shape[0])
        train_loss = metric[0] / metric[2]
        train_acc = metric[1] / metric[2]
        test_acc = evaluate_accuracy(net, test_iter)
        history.append(trainer.param_groups[0]['lr'])
        if scheduler:
            if scheduler.__module__ == lr_scheduler.__name__:
                # a PyTorch scheduler
                scheduler.step()
            else:
                # our own: set every group's rate by hand
                for param_group in trainer.param_groups:
                    param_group['lr'] = scheduler(epoch)
    print(f'train loss {train_loss:.3f}, train acc {train_acc:.3f}, test acc {test_acc:.3f}')
    print('  lrs:', [round(lr, 4) for lr in history])


loss = nn.CrossEntropyLoss()
num_epochs = 8
for name, make in [('constant', lambda opt: None),
                   ('sqrt', lambda opt: SquareRootScheduler(lr=0.1)),
                   ('factor', lambda opt: FactorScheduler(factor=0.8, stop_factor_lr=1e-2, base_lr=0.1)),
                   ('multistep', lambda opt: lr_scheduler.MultiStepLR(opt, milestones=[3, 6], gamma=0.5)),
                   ('cosine', lambda opt: CosineScheduler(6, warmup_steps=2, base_lr=0.1, final_lr=0.01))]:
    torch.manual_seed(1)
    net = net_fn()
    trainer = torch.optim.SGD(net.parameters(), lr=0.1)
    print(name + ':', end=' ')
    train(net, train_iter, test_iter, num_epochs, loss, trainer, make(trainer))
