# "펭귄브로의 3분 딥러닝 파이토치맛" ch.10 (keon/3-min-pytorch `10-주어진_환경과_상호작용하며_성장하는_DQN/
# cartpole_dqn`), with a small cart-pole written here in numpy in place of gym: a `DQNAgent` holding an
# `nn.Sequential` of `Linear(4, 256)`/`ReLU`/`Linear(256, 2)`, `optim.Adam(self.model.parameters(), LR)`,
# `deque(maxlen=10000)` memory of `(state, action, torch.FloatTensor([reward]), torch.FloatTensor([next_state]))`
# where the states are numpy arrays (PyTorch warns once about a list of ndarrays: caught here and printed
# without the script's absolute path), epsilon-greedy `act` with
# `math.exp(-1. * self.steps_done / EPS_DECAY)` and `self.model(state).data.max(1)[1].view(1, 1)` or
# `torch.LongTensor([[random.randrange(2)]])`, `learn` with `random.sample`, `zip(*batch)`, `torch.cat`,
# `gather(1, actions)`, `.detach().max(1)[0]`, `F.mse_loss(current_q.squeeze(), expected_q)`, the
# `"에피소드:{0} 점수: {1}".format(e, steps)` line and the score history plotted with matplotlib.
import math
import random
import warnings
from collections import deque

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

random.seed(3)
np.random.seed(3)
torch.manual_seed(3)

EPISODES = 10
EPS_START = 0.9
EPS_END = 0.05
EPS_DECAY = 200
GAMMA = 0.8
LR = 0.001
BATCH_SIZE = 32


class CartPole:
    """The classic cart-pole (Barto, Sutton and Anderson 1983) with Euler steps, as gym's CartPole-v0."""

    def __init__(self, max_steps=60):
        self.max_steps = max_steps

    def reset(self):
        self.state = np.random.uniform(low=-0.05, high=0.05, size=(4,))
        self.t = 0
        return self.state

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = 10.0 if action == 1 else -10.0
        costheta, sintheta = math.cos(theta), math.sin(theta)
        temp = (force + 0.05 * theta_dot ** 2 * sintheta) / 1.1
        thetaacc = (9.8 * sintheta - costheta * temp) / (0.5 * (4.0 / 3.0 - 0.1 * costheta ** 2 / 1.1))
        xacc = temp - 0.05 * thetaacc * costheta / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * xacc
        theta, theta_dot = theta + 0.02 * theta_dot, theta_dot + 0.02 * thetaacc
        self.state = np.array([x, x_dot, theta, theta_dot])
        self.t += 1
        done = bool(x < -2.4 or x > 2.4 or theta < -0.2095 or theta > 0.2095 or self.t >= self.max_steps)
        return self.state, 1.0, done, {}


class DQNAgent:
    def __init__(self):
        self.model = nn.Sequential(
            nn.Linear(4, 256),
            nn.ReLU(),
            nn.Linear(256, 2)
        )
        self.optimizer = optim.Adam(self.model.parameters(), LR)
        self.steps_done = 0
        self.memory = deque(maxlen=10000)

    def memorize(self, state, action, reward, next_state):
        self.memory.append((state, action, torch.FloatTensor([reward]), torch.FloatTensor([next_state])))

    def act(self, state):
        eps_threshold = EPS_END + (EPS_START - EPS_END) * math.exp(-1. * self.steps_done / EPS_DECAY)
        self.steps_done += 1
        if random.random() > eps_threshold:
            return self.model(state).data.max(1)[1].view(1, 1)
        else:
            return torch.LongTensor([[random.randrange(2)]])

    def learn(self):
        if len(self.memory) < BATCH_SIZE:
            return None
        batch = random.sample(self.memory, BATCH_SIZE)
        states, actions, rewards, next_states = zip(*batch)
        states = torch.cat(states)
        actions = torch.cat(actions)
        rewards = torch.cat(rewards)
        next_states = torch.cat(next_states)
        current_q = self.model(states).gather(1, actions)
        max_next_q = self.model(next_states).detach().max(1)[0]
        expected_q = rewards + (GAMMA * max_next_q)
        loss = F.mse_loss(current_q.squeeze(), expected_q)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss


env = CartPole()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    first = torch.FloatTensor([env.reset()])
print(first.shape, first.dtype, [f'{w.category.__name__}: {w.message}' for w in caught])
agent = DQNAgent()
score_history = []
for e in range(1, EPISODES + 1):
    state = env.reset()
    steps = 0
    while True:
        state = torch.FloatTensor([state])
        action = agent.act(state)
        next_state, reward, done, _ = env.step(action.item())
        if done:
            reward = -1
        agent.memorize(state, action, reward, next_state)
        loss = agent.learn()
        state = next_state
        steps += 1
        if done:
            print("에피소드:{0} 점수: {1}".format(e, steps))
            score_history.append(steps)
            break
    if loss is not None:
        print('  loss {:.4f} eps steps {}'.format(loss.item(), agent.steps_done))

print(len(agent.memory), agent.memory[0][1], agent.memory[0][2], agent.memory[0][3].shape)
states, actions, rewards, next_states = zip(*list(agent.memory)[:3])
print(torch.cat(states).shape, torch.cat(actions).view(-1), torch.cat(rewards))
print(agent.model(torch.cat(states)).data.max(1))
plt.plot(score_history)
plt.ylabel('score')
print(list(plt.gca().lines[0].get_ydata()))
plt.close()
