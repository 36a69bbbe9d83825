# Idioms: `torch.distributions.Normal(mu, sigma)` with `sample()`, `sample((n,))`, `rsample()` (the
# reparameterisation trick: gradients reach mu and sigma), `log_prob`, `entropy`, `cdf`, the repr;
# a Gaussian policy's `-dist.log_prob(action).sum()` loss; `Bernoulli(probs)` / `Bernoulli(logits=...)` with
# `sample`, `log_prob` and `entropy`; `Normal(0.0, 1.0)` from numbers.
# Seen in: PyTorch docs torch.distributions ("Pathwise derivative": `m = Normal(*params); action = m.rsample()`),
# VAE and actor-critic notebooks (continuous actions), d2l 2.6 sampling.
import torch
from torch.distributions import Bernoulli, Normal

torch.manual_seed(7)
mu = torch.tensor([0.0, 1.0, -2.0], requires_grad=True)
sigma = torch.tensor([1.0, 0.5, 2.0], requires_grad=True)
dist = Normal(mu, sigma)
print(dist, dist.batch_shape, dist.event_shape)
print(dist.sample(), dist.sample((2,)).shape)
x = dist.rsample()
print(x)
x.sum().backward()
print(mu.grad, sigma.grad)
value = torch.tensor([0.5, 0.5, 0.5])
print(dist.log_prob(value), dist.entropy(), dist.cdf(value))
print(dist.mean, dist.stddev, dist.variance)

std_normal = Normal(0.0, 1.0)
print(std_normal, std_normal.sample((4,)), std_normal.log_prob(torch.tensor(0.0)))

torch.manual_seed(0)
policy = torch.nn.Linear(2, 2)
log_std = torch.nn.Parameter(torch.zeros(2))
opt = torch.optim.SGD(list(policy.parameters()) + [log_std], lr=0.1)
for step in range(3):
    state = torch.randn(4, 2)
    d = Normal(policy(state), log_std.exp())
    action = d.sample()
    advantage = -(action**2).sum(dim=1)
    loss = -(d.log_prob(action).sum(dim=1) * advantage).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5), log_std.data)

coin = Bernoulli(torch.tensor([0.3, 0.9]))
flips = coin.sample((5,))
print(coin, flips, coin.log_prob(flips).sum(), coin.entropy())
logit_coin = Bernoulli(logits=torch.tensor([0.0, 2.0, -1.0]))
print(logit_coin.probs, logit_coin.sample(), logit_coin.log_prob(torch.tensor([1.0, 0.0, 1.0])))
print(Bernoulli(0.5).sample((3,)))
