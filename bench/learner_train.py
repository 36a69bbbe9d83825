# The benchmark workloads as a learner writes them: the same three models, losses, optimizers and batch sizes
# as bench/workloads.ts (and bench/torch_bench.py), each trained for a fixed number of steps with the usual
# zero_grad / forward / loss / backward / step loop and timed inside the script. bench/run.ts runs this file
# through our CLI (Pyodide, the Python torch package and the engine calls it makes: what learners run) and,
# when available, with real PyTorch on one thread; it parses the `W1: ... steps/s` lines.
import time

import torch
import torch.nn as nn


def w1():
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())
    x = torch.rand(32, 2) * 2 - 1
    y = (x[:, :1] * x[:, 1:] > 0).float()
    return model, nn.BCELoss(), torch.optim.SGD(model.parameters(), lr=0.1), x, y, 4000


def w2():
    layers = [nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU()]
    model = nn.Sequential(*layers, nn.Linear(16, 2))
    x = torch.rand(64, 2) * 2 - 1
    y = (x[:, 0] * x[:, 1] > 0).long()
    return model, nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9), x, y, 2000


def w3():
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    x = torch.rand(128, 784)
    y = torch.randint(0, 10, (128,))
    return model, nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr=1e-3), x, y, 60


torch.manual_seed(0)
for name, make in [("W1", w1), ("W2", w2), ("W3", w3)]:
    model, loss_fn, optimizer, x, y, steps = make()
    start = time.perf_counter()
    for step in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    elapsed = time.perf_counter() - start
    print(f"{name}: {steps} steps in {elapsed:.3f} s: {steps / elapsed:.0f} steps/s, final loss {loss.item():.4f}")
