# PyTorch "Reinforcement Learning (DQN) Tutorial" idioms on a tiny deterministic corridor instead of gym:
# Transition = namedtuple('Transition', ('state', 'action', 'next_state', 'reward')), a ReplayMemory over
# deque([], maxlen=capacity) with random.sample, a DQN of three nn.Linear layers, select_action with
# eps_threshold = EPS_END + (EPS_START - EPS_END) * math.exp(-1. * steps_done / EPS_DECAY), the greedy
# action policy_net(state).max(1)[1].view(1, 1) under torch.no_grad() and a random one as
# torch.tensor([[random.randrange(2)]], device=device, dtype=torch.long), optimize_model with
# Transition(*zip(*transitions)), non_final_mask from torch.tensor(tuple(map(lambda s: s is not None, ...)),
# dtype=torch.bool), torch.cat of states, state_action_values = policy_net(state_batch).gather(1,
# action_batch), next_state_values[non_final_mask] = target_net(...).max(1)[0], nn.SmoothL1Loss on
# expected_state_action_values.unsqueeze(1), optim.AdamW(lr=LR, amsgrad=True), clip_grad_value_(..., 100),
# and the soft target update over state_dict() keys with TAU; older versions' target_net.eval() and
# hard copies with load_state_dict(policy_net.state_dict()).
import math
import random
from collections import deque, namedtuple
from itertools import count

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
random.seed(3)
torch.manual_seed(3)

Transition = namedtuple('Transition', ('state', 'action', 'next_state', 'reward'))


class ReplayMemory(object):
    def __init__(self, capacity):
        self.memory = deque([], maxlen=capacity)

    def push(self, *args):
        """Save a transition"""
        self.memory.append(Transition(*args))

    def sample(self, batch_size):
        return random.sample(self.memory, batch_size)

    def __len__(self):
        return len(self.memory)


class Corridor:
    """Positions 0..5; action 1 moves right, 0 left; reaching 5 gives reward 1 and ends."""

    def reset(self):
        self.pos = 1
        return self.obs(), {}

    def obs(self):
        return [self.pos / 5.0, 1.0 - self.pos / 5.0, float(self.pos % 2), 1.0]

    def step(self, action):
        self.pos = max(0, self.pos + (1 if action == 1 else -1))
        terminated = self.pos == 5
        reward = 1.0 if terminated else -0.1
        return self.obs(), reward, terminated, self.pos == 0, {}


class DQN(nn.Module):
    def __init__(self, n_observations, n_actions):
        super(DQN, self).__init__()
        self.layer1 = nn.Linear(n_observations, 16)
        self.layer2 = nn.Linear(16, 16)
        self.layer3 = nn.Linear(16, n_actions)

    def forward(self, x):
        x = F.relu(self.layer1(x))
        x = F.relu(self.layer2(x))
        return self.layer3(x)


BATCH_SIZE = 8
GAMMA = 0.9
EPS_START = 0.9
EPS_END = 0.05
EPS_DECAY = 50
TAU = 0.05
LR = 1e-3

env = Corridor()
n_actions = 2
state, info = env.reset()
n_observations = len(state)

policy_net = DQN(n_observations, n_actions).to(device)
target_net = DQN(n_observations, n_actions).to(device)
target_net.load_state_dict(policy_net.state_dict())
print(policy_net)
optimizer = optim.AdamW(policy_net.parameters(), lr=LR, amsgrad=True)
print(optimizer)
memory = ReplayMemory(200)
steps_done = 0


def select_action(state):
    global steps_done
    sample = random.random()
    eps_threshold = EPS_END + (EPS_START - EPS_END) * math.exp(-1. * steps_done / EPS_DECAY)
    steps_done += 1
    if sample > eps_threshold:
        with torch.no_grad():
            return policy_net(state).max(1)[1].view(1, 1)
    else:
        return torch.tensor([[random.randrange(n_actions)]], device=device, dtype=torch.long)


def optimize_model():
    if len(memory) < BATCH_SIZE:
        return None
    transitions = memory.sample(BATCH_SIZE)
    batch = Transition(*zip(*transitions))
    non_final_mask = torch.tensor(tuple(map(lambda s: s is not None, batch.next_state)), device=device,
                                  dtype=torch.bool)
    non_final_next_states = torch.cat([s for s in batch.next_state if s is not None])
    state_batch = torch.cat(batch.state)
    action_batch = torch.cat(batch.action)
    reward_batch = torch.cat(batch.reward)

    state_action_values = policy_net(state_batch).gather(1, action_batch)
    next_state_values = torch.zeros(BATCH_SIZE, device=device)
    with torch.no_grad():
        next_state_values[non_final_mask] = target_net(non_final_next_states).max(1)[0]
    expected_state_action_values = (next_state_values * GAMMA) + reward_batch

    criterion = nn.SmoothL1Loss()
    loss = criterion(state_action_values, expected_state_action_values.unsqueeze(1))
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_value_(policy_net.parameters(), 100)
    optimizer.step()
    return loss


episode_durations = []
for i_episode in range(12):
    state, info = env.reset()
    state = torch.tensor(state, dtype=torch.float32, device=device).unsqueeze(0)
    last_loss = None
    for t in count():
        action = select_action(state)
        observation, reward, terminated, truncated, _ = env.step(action.item())
        reward = torch.tensor([reward], device=device)
        done = terminated or truncated or t >= 14
        if terminated:
            next_state = None
        else:
            next_state = torch.tensor(observation, dtype=torch.float32, device=device).unsqueeze(0)
        memory.push(state, action, next_state, reward)
        state = next_state
        loss = optimize_model()
        if loss is not None:
            last_loss = loss
        target_net_state_dict = target_net.state_dict()
        policy_net_state_dict = policy_net.state_dict()
        for key in policy_net_state_dict:
            target_net_state_dict[key] = policy_net_state_dict[key] * TAU + target_net_state_dict[key] * (1 - TAU)
        target_net.load_state_dict(target_net_state_dict)
        if done:
            episode_durations.append(t + 1)
            break
    print(f'episode {i_episode}: duration {t + 1}, memory {len(memory)}, steps {steps_done}, '
          f'loss {"-" if last_loss is None else format(last_loss.item(), ".6f")}')

print('Complete', episode_durations)
durations_t = torch.tensor(episode_durations, dtype=torch.float)
print(durations_t)
if len(durations_t) >= 4:
    means = durations_t.unfold(0, 4, 1).mean(1).view(-1)
    means = torch.cat((torch.zeros(3), means))
    print(means)
sample = memory.sample(3)
print(type(sample[0]).__name__, sample[0]._fields, sample[0].action, sample[0].reward)
batch = Transition(*zip(*sample))
print(len(batch.state), torch.cat(batch.state).shape)
with torch.no_grad():
    q = policy_net(torch.tensor([[0.2, 0.8, 1.0, 1.0], [0.8, 0.2, 0.0, 1.0]]))
print(q)
print(q.max(1), q.max(1).indices.view(-1, 1))
print(optimizer.state_dict()['state'][0].keys())
print(optimizer.state_dict()['param_groups'][0]['amsgrad'])
print(target_net.layer3.bias)
