# Idioms: REINFORCE with `from torch.distributions import Categorical`: a policy net ending in
# `F.softmax(action_scores, dim=1)`, `m = Categorical(probs)`, `action = m.sample()`, `m.log_prob(action)`
# saved per step, discounted returns built with `returns.insert(0, R)`, normalised with
# `np.finfo(np.float32).eps.item()`, `torch.cat(policy_loss).sum()`; Categorical from logits, `entropy()`,
# `sample((4,))`, the repr; a toy environment in the file instead of gym.
# Seen in: pytorch/examples reinforcement_learning/reinforce.py (PT-examples), PyTorch docs torch.distributions
# ("Score function" example).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical

torch.manual_seed(543)
eps = np.finfo(np.float32).eps.item()


class Policy(nn.Module):
    def __init__(self):
        super(Policy, self).__init__()
        self.affine1 = nn.Linear(4, 16)
        self.dropout = nn.Dropout(p=0.6)
        self.affine2 = nn.Linear(16, 2)
        self.saved_log_probs = []
        self.rewards = []

    def forward(self, x):
        x = F.relu(self.dropout(self.affine1(x)))
        return F.softmax(self.affine2(x), dim=1)


policy = Policy()
optimizer = optim.Adam(policy.parameters(), lr=1e-2)


def select_action(state):
    state = torch.from_numpy(state).float().unsqueeze(0)
    probs = policy(state)
    m = Categorical(probs)
    action = m.sample()
    policy.saved_log_probs.append(m.log_prob(action))
    return action.item()


def env_step(state, action):
    # a cart that earns a reward while its position stays near zero
    nxt = state.copy()
    nxt[0] += 0.1 if action == 1 else -0.1
    nxt[1:] = np.tanh(nxt[:3] + 0.05)
    return nxt, 1.0 if abs(nxt[0]) < 0.35 else 0.0, abs(nxt[0]) >= 0.35


def finish_episode(gamma=0.99):
    R = 0
    policy_loss = []
    returns = []
    for r in policy.rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for log_prob, R in zip(policy.saved_log_probs, returns):
        policy_loss.append(-log_prob * R)
    optimizer.zero_grad()
    policy_loss = torch.cat(policy_loss).sum()
    policy_loss.backward()
    optimizer.step()
    del policy.rewards[:]
    del policy.saved_log_probs[:]
    return policy_loss.item()


for i_episode in range(1, 9):
    state = np.zeros(4, dtype=np.float64)
    ep_reward = 0
    for t in range(1, 30):
        action = select_action(state)
        state, reward, done = env_step(state, action)
        policy.rewards.append(reward)
        ep_reward += reward
        if done:
            break
    loss = finish_episode()
    print('Episode {}\tLast reward: {:.2f}\tsteps: {}\tloss: {:.4f}'.format(i_episode, ep_reward, t, loss))

m = Categorical(torch.tensor([0.25, 0.25, 0.25, 0.25]))
print(m, m.sample(), m.sample((4,)))
m = Categorical(logits=torch.tensor([[1.0, 2.0, 0.5], [0.0, 0.0, 3.0]]))
print(m, m.batch_shape, m.event_shape)
print(m.probs, m.logits)
draws = m.sample((3,))
print(draws, m.log_prob(draws), m.entropy())
counts = torch.bincount(Categorical(probs=torch.tensor([0.1, 0.6, 0.3])).sample((200,)), minlength=3)
print(counts)
