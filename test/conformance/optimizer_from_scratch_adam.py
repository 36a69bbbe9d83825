# Adam and RMSprop written from scratch as custom-optimizer posts write them (a torch.optim.Optimizer subclass,
# per-parameter state, exp_avg_sq.addcmul_ and p.data.addcdiv_ with value=), trained beside torch.optim.Adam
# and RMSprop on the same model; then the other ops such notebooks reach for: logit for a bias prior, xlogy
# for an entropy, logaddexp for a log-space sum, index_add_ for a scatter-sum over edges, trapz for an area
# under a curve, cov/corrcoef of features, hypot, result_type and einsum with '...'.
import copy
import math

import torch
import torch.nn as nn

torch.manual_seed(7)


class ScratchAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            for p in group['params']:
                if p.grad is None:
                    continue
                grad = p.grad
                if group['weight_decay'] != 0:
                    grad = grad.add(p, alpha=group['weight_decay'])
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = 0
                    state['exp_avg'] = torch.zeros_like(p)
                    state['exp_avg_sq'] = torch.zeros_like(p)
                exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
                state['step'] += 1
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                bias_correction1 = 1 - beta1 ** state['step']
                bias_correction2 = 1 - beta2 ** state['step']
                step_size = group['lr'] / bias_correction1
                denom = (exp_avg_sq.sqrt() / math.sqrt(bias_correction2)).add_(group['eps'])
                p.data.addcdiv_(exp_avg, denom, value=-step_size)
        return loss


class ScratchRMSprop(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8):
        super().__init__(params, dict(lr=lr, alpha=alpha, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if 'square_avg' not in state:
                    state['square_avg'] = torch.zeros_like(p)
                square_avg = state['square_avg']
                square_avg.mul_(group['alpha']).addcmul_(p.grad, p.grad, value=1 - group['alpha'])
                avg = square_avg.sqrt().add_(group['eps'])
                p.data.addcdiv_(p.grad, avg, value=-group['lr'])


X = torch.randn(64, 3)
true_w = torch.tensor([[1.5], [-2.0], [0.5]])
y = X @ true_w + 0.3 + 0.05 * torch.randn(64, 1)
base = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
loss_fn = nn.MSELoss()


def train(model, opt, steps, name):
    for step in range(steps):
        opt.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        opt.step()
        if step % 10 == 9:
            print(f'{name} step {step + 1:3d} loss {loss.item():.6f}')
    return model


for scratch_cls, torch_cls, kwargs in (
    (ScratchAdam, torch.optim.Adam, dict(lr=0.05)),
    (ScratchRMSprop, torch.optim.RMSprop, dict(lr=0.01)),
):
    mine = copy.deepcopy(base)
    ref = copy.deepcopy(base)
    train(mine, scratch_cls(mine.parameters(), **kwargs), 30, scratch_cls.__name__)
    train(ref, torch_cls(ref.parameters(), **kwargs), 30, torch_cls.__name__)
    diff = max((a - b).abs().max().item() for a, b in zip(mine.parameters(), ref.parameters()))
    print(scratch_cls.__name__, 'vs', torch_cls.__name__, 'max |difference|:', diff)
    print(mine[2].weight.data)

# torch.addcmul / addcdiv out of place, with grad_fn names.
a = torch.randn(4, requires_grad=True)
t1, t2 = torch.randn(4), torch.rand(4) + 0.5
prod = torch.addcmul(a, t1, t2, value=0.5)
quot = torch.addcdiv(a, t1, t2, value=-2)
print(prod, quot, prod.grad_fn.name(), quot.grad_fn.name())
(prod * quot).sum().backward()
print(a.grad)

# A classifier's last bias started at a positive-class prior of 1 %: logit(0.01).
head = nn.Linear(8, 1)
with torch.no_grad():
    head.bias.fill_(torch.logit(torch.tensor(0.01)).item())
print('prior bias', head.bias.data)
probs = torch.rand(6).clamp(0.05, 0.95)
print('logit', torch.logit(probs), 'clamped', torch.logit(probs, eps=0.2))

# Entropy of predicted distributions: -sum p log p, with 0 log 0 = 0 (torch.special.xlogy).
p = torch.softmax(torch.randn(3, 5), dim=1)
p = torch.cat([p, torch.tensor([[1.0, 0.0, 0.0, 0.0, 0.0]])])
entropy = -torch.special.xlogy(p, p).sum(dim=1)
print('entropy', entropy)

# A forward step in log space: log(sum exp) of two paths, pairwise.
log_alpha = torch.log_softmax(torch.randn(4), dim=0)
log_stay, log_move = torch.log(torch.tensor(0.7)), torch.log(torch.tensor(0.3))
shifted = torch.cat([torch.tensor([-float('inf')]), log_alpha[:-1]])
print('log-space step', torch.logaddexp(log_alpha + log_stay, shifted + log_move))
print('base 2', torch.logaddexp2(torch.tensor([0.0, 1.0, -3.0]), torch.tensor([0.0, 2.0, -3.5])))

# Message passing: each node sums its neighbours' features (out.index_add_(0, dst, x[src])).
edge_index = torch.tensor([[0, 1, 1, 2, 3, 4, 4], [1, 0, 2, 1, 4, 3, 0]])
x = torch.randn(5, 3, requires_grad=True)
src, dst = edge_index
agg = torch.zeros(5, 3).index_add(0, dst, x[src])
deg = torch.zeros(5).index_add_(0, dst, torch.ones(dst.numel()))
h = agg / deg.clamp(min=1).unsqueeze(1)
print('aggregated', h, h.grad_fn.name(), agg.grad_fn.name())
h.pow(2).sum().backward()
print('x.grad', x.grad)

# Area under a ROC curve by the trapezoid rule.
scores = torch.rand(20)
labels = (torch.rand(20) < 0.5).float()
order = scores.argsort(descending=True)
tps = torch.cumsum(labels[order], 0)
fps = torch.cumsum(1 - labels[order], 0)
tpr = torch.cat([torch.zeros(1), tps / tps[-1]])
fpr = torch.cat([torch.zeros(1), fps / fps[-1]])
print('AUC', torch.trapz(tpr, fpr).item(), 'dx', torch.trapezoid(torch.tensor([1.0, 2.0, 4.0]), dx=0.5).item())

# Feature statistics: rows are variables.
feats = torch.randn(3, 10)
feats[2] = 0.8 * feats[0] + 0.2 * torch.randn(10)
print('cov', torch.cov(feats))
print('corrcoef', torch.corrcoef(feats))
print('cov (population)', torch.cov(feats, correction=0))
noisy = feats.clone()
noisy[0, 3] = float('nan')
print('nanquantile', torch.nanquantile(noisy, 0.5, dim=1), torch.nanmedian(noisy, dim=1).values)

# Attention scores over any batch dims with einsum's '...'.
q = torch.randn(2, 3, 4, requires_grad=True)
k = torch.randn(2, 5, 4)
scores = torch.einsum('...qd,...kd->...qk', q, k) / math.sqrt(4)
print('scores', scores.shape, scores.grad_fn.name())
(scores.softmax(-1) * torch.arange(5.0)).sum().backward()
print('q.grad', q.grad[0])

# Odds and ends.
print(torch.hypot(torch.tensor([3.0, 5.0]), torch.tensor([4.0, 12.0])))
print(torch.fmax(torch.tensor([1.0, float('nan'), 3.0]), torch.tensor([2.0, 0.5, float('nan')])))
print(torch.result_type(torch.tensor([1, 2]), 2.5), torch.result_type(torch.tensor([1.0]), torch.tensor(2.0).double()))
v = torch.zeros(6)
v.put_(torch.tensor([0, 5, 5]), torch.tensor([1.0, 2.0, 3.0]), accumulate=True)
print(v, torch.take(torch.arange(12.0).view(3, 4), torch.tensor([[0, 11], [5, 6]])))
print(torch.zeros(2, 3).masked_scatter(torch.tensor([[True, False, True], [False, True, False]]), torch.arange(1.0, 7.0)))
