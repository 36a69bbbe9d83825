# A loop that builds autograd graphs and never calls backward() (a learner computing gradients by hand, or
# just watching a loss): 10,000 forward passes through a small MLP whose weights require grad, timed per 1000
# iterations. Each graph is unreachable once the next iteration replaces `loss`, so the time per 1000 must stay
# flat (it did not while graphs were kept alive). bench/full_batch.ts parses the `forward-loop:` lines.
import time

import torch

torch.manual_seed(0)
x = torch.randn(64, 2)
y = torch.randn(64, 1)
w1 = torch.randn(2, 32, requires_grad=True)
b1 = torch.zeros(32, requires_grad=True)
w2 = torch.randn(32, 1, requires_grad=True)
b2 = torch.zeros(1, requires_grad=True)
start = time.perf_counter()
for i in range(1, 10001):
    h = torch.tanh(x @ w1 + b1)
    out = h @ w2 + b2
    loss = ((out - y) ** 2).mean()
    grad_out = 2 * (out - y) / 64  # the start of a hand-written backward pass
    if i % 1000 == 0:
        now = time.perf_counter()
        print(f"forward-loop: {i} {(now - start) * 1000:.1f} ms")
        start = now
