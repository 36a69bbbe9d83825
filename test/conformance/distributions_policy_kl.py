# An actor-critic loop on a made-up corridor, a Gaussian policy with Independent(Normal), PPO-style KL checks
# between old and new policies, a VAE-style KL between MultivariateNormals, and the other draws RL and VAE code
# reach for (Uniform, Exponential, Laplace, gumbel_softmax, a weight-normalised critic).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import (Categorical, Exponential, Independent, Laplace, MultivariateNormal, Normal,
                                 Uniform, kl_divergence)

torch.manual_seed(11)


class Corridor:
    """Five cells; start in the middle, reward 1 at the right end, -1 at the left end."""

    def reset(self):
        self.pos = 2
        return self.obs()

    def obs(self):
        return F.one_hot(torch.tensor(self.pos), 5).float()

    def step(self, action):
        self.pos += 1 if action == 1 else -1
        done = self.pos in (0, 4)
        reward = 1.0 if self.pos == 4 else (-1.0 if self.pos == 0 else -0.05)
        return self.obs(), reward, done


class ActorCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(5, 16)
        self.action_head = nn.Linear(16, 2)
        self.value_head = nn.utils.weight_norm(nn.Linear(16, 1))

    def forward(self, x):
        h = F.relu(self.body(x))
        return F.softmax(self.action_head(h), dim=-1), self.value_head(h)


env = Corridor()
model = ActorCritic()
print(model)
print([name for name, _ in model.named_parameters()])
optimizer = torch.optim.Adam(model.parameters(), lr=3e-2)
gamma = 0.9
for episode in range(6):
    state = env.reset()
    log_probs, values, rewards, entropies = [], [], [], []
    for t in range(12):
        probs, value = model(state)
        m = Categorical(probs)
        action = m.sample()
        log_probs.append(m.log_prob(action))
        entropies.append(m.entropy())
        values.append(value)
        state, reward, done = env.step(action.item())
        rewards.append(reward)
        if done:
            break
    R = 0
    returns = []
    for r in rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    policy_losses, value_losses = [], []
    for log_prob, value, R in zip(log_probs, values, returns):
        advantage = R - value.item()
        policy_losses.append(-log_prob * advantage)
        value_losses.append(F.smooth_l1_loss(value, torch.tensor([R])))
    optimizer.zero_grad()
    loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum() - 0.01 * torch.stack(entropies).sum()
    loss.backward()
    optimizer.step()
    print(f'episode {episode}: steps {len(rewards)}, return {sum(rewards):.2f}, loss {loss.item():.4f}')
print('value_g', model.value_head.weight_g)

# PPO-style: KL between the policy before and after an update, and the clipped ratio.
states = torch.eye(5)
with torch.no_grad():
    old = Categorical(probs=model(states)[0])
actions = old.sample()
old_log_probs = old.log_prob(actions)
new = Categorical(logits=model.action_head(F.relu(model.body(states))) + 0.3 * torch.arange(2.0))
ratio = (new.log_prob(actions) - old_log_probs).exp()
print('actions', actions, 'ratio', ratio)
print('clipped', torch.clamp(ratio, 0.8, 1.2))
print('kl', kl_divergence(old, new), kl_divergence(old, new).mean().item())
print(old, old.batch_shape, old.event_shape)

# A Gaussian policy over a 2-D action: Independent Normal, rsample, summed log_prob.
mu = torch.tensor([[0.2, -0.4], [1.0, 0.0]], requires_grad=True)
log_std = torch.tensor([-0.5, 0.1], requires_grad=True)
pi = Independent(Normal(mu, log_std.exp()), 1)
print(pi, pi.batch_shape, pi.event_shape)
a = pi.rsample()
lp = pi.log_prob(a)
print('action', a, 'log_prob', lp, 'entropy', pi.entropy())
(-lp.sum() + a.pow(2).sum()).backward()
print('grads', mu.grad, log_std.grad)
print('kl to prior', kl_divergence(pi, Independent(Normal(torch.zeros(2), torch.ones(2)), 1)))

# VAE-style: a full-covariance posterior against the standard normal prior.
loc = torch.tensor([0.3, -0.7], requires_grad=True)
raw = torch.tensor([[0.9, 0.0], [0.4, 1.3]], requires_grad=True)
scale_tril = torch.tril(raw)
q = MultivariateNormal(loc, scale_tril=scale_tril)
p = MultivariateNormal(torch.zeros(2), covariance_matrix=torch.eye(2))
print(q, p)
z = q.rsample((3,))
kl = kl_divergence(q, p)
print('z', z)
print('kl', kl, 'log_prob', q.log_prob(z), 'entropy', q.entropy())
(kl + z.sum()).backward()
print('loc.grad', loc.grad, 'raw.grad', raw.grad)
print('covariance', q.covariance_matrix, 'variance', q.variance)
cov_q = MultivariateNormal(torch.zeros(3, 2), torch.tensor([[2.0, 0.3], [0.3, 0.5]]))
print(cov_q.sample(), cov_q.log_prob(torch.ones(2)))
try:
    MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except ValueError as e:
    print('ValueError:', e)

# Exploration noise and other draws.
print(Uniform(-1.0, 1.0).sample((4,)), Uniform(torch.zeros(2), torch.tensor([1.0, 3.0])))
print(Exponential(torch.tensor([0.5, 2.0])).sample((2,)), Exponential(2.0).log_prob(torch.tensor(0.5)))
print(Laplace(0.0, 0.5).rsample((3,)), Laplace(0.0, 0.5).entropy())
print(kl_divergence(Uniform(0.0, 1.0), Uniform(-1.0, 2.0)), kl_divergence(Laplace(0.0, 1.0), Laplace(1.0, 2.0)))

# Discrete latent: gumbel_softmax relaxed and straight-through.
logits = torch.tensor([[1.0, 0.2, -0.5], [0.0, 2.0, 0.1]], requires_grad=True)
soft = F.gumbel_softmax(logits, tau=0.5)
hard = F.gumbel_softmax(logits, tau=1.0, hard=True)
print(soft, hard)
(hard * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(logits.grad)
nn.utils.remove_weight_norm(model.value_head)
print([name for name, _ in model.value_head.named_parameters()])
