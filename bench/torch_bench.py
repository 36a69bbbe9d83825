"""Real PyTorch on the benchmark workloads, single-threaded, timing its own loop.

A long-lived child of bench/run.ts with the same line protocol as bench/child.ts: it first prints
{"ready": true, "torch": version, "blas": library}, then answers each stdin request `W1 300` (workload id,
milliseconds) with {"rate": steps per second, "cpuRate": steps per CPU second}. The workloads must stay identical to bench/workloads.ts:
same layers, loss, optimizer and batch, one fixed batch per run.
"""

import json
import sys
import time

import torch
import torch.nn as nn

torch.set_num_threads(1)
torch.manual_seed(0)


def w1():
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1), nn.Sigmoid())
    x = torch.rand(32, 2) * 2 - 1
    y = (x[:, :1] * x[:, 1:] > 0).float()
    return model, nn.BCELoss(), torch.optim.SGD(model.parameters(), lr=0.1), x, y


def w2():
    model = nn.Sequential(
        nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 2)
    )
    x = torch.rand(64, 2) * 2 - 1
    y = (x[:, 0] * x[:, 1] > 0).long()
    return model, nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9), x, y


def w3():
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    x = torch.rand(128, 784)
    y = torch.randint(0, 10, (128,))
    return model, nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr=1e-3), x, y


WORKLOADS = {"W1": w1, "W2": w2, "W3": w3}


def make_step(name):
    model, loss_fn, opt, x, y = WORKLOADS[name]()

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    return step


def run_round(step, seconds):
    """Steps per wall-clock second and per second of this process's CPU time."""
    steps = 0
    cpu = time.process_time()
    start = time.perf_counter()
    now = start
    while now - start < seconds:
        step()
        steps += 1
        now = time.perf_counter()
    return {"rate": steps / (now - start), "cpuRate": steps / max(time.process_time() - cpu, 1e-9)}


def loaded_blas():
    """The BLAS library actually mapped into this process (Debian's torch uses the system libblas.so.3)."""
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1].rsplit("/", 1)[-1] for line in maps if "blas" in line.lower()}
        return ", ".join(sorted(libs)) or "none"
    except OSError:
        return "unknown"


def main():
    print(json.dumps({"ready": True, "torch": torch.__version__, "blas": loaded_blas()}), flush=True)
    steps = {}
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        name, ms = parts[0], float(parts[1])
        try:
            if name not in steps:
                steps[name] = make_step(name)
                run_round(steps[name], max(0.5, ms / 1000))  # warm-up, as bench/child.ts
            print(json.dumps(run_round(steps[name], ms / 1000)), flush=True)
        except Exception as err:  # report, keep serving
            print(json.dumps({"error": repr(err)}), flush=True)


if __name__ == "__main__":
    main()
