# Local minima: f(w) = w^4 - 3w^2 + w has two valleys, a deep one near w = -1.30 and a shallow one near
# w = 1.13. Gradient descent only ever walks downhill from where it stands, so the valley it ends in depends
# on where it starts: from the right it settles in the shallow (local) minimum and never sees the deeper one.
import torch


def f(w):
    return w**4 - 3 * w**2 + w


for start in [-2.0, 2.0]:
    w = torch.tensor(start, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.01)
    for step in range(150):
        loss = f(w)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"start w = {start:+.1f}: ends at w = {w.item():+.4f}, f(w) = {f(w).item():.4f}")
