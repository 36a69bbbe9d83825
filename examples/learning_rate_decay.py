# Learning rate: too small is slow, too large oscillates, so start large and decay.
# One weight w in the valley of f(w) = w^4 - 3w^2 + w (its bottom is at w = -1.3008). Each run takes 60
# gradient-descent steps from w = -1.5 with a different learning rate (the step size of w -= lr * w.grad).
import torch


def f(w):
    return w**4 - 3 * w**2 + w


def descend(lr, decay=None, steps=60):
    w = torch.tensor(-1.5, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=decay) if decay else None
    for step in range(steps):
        loss = f(w)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if scheduler:
            scheduler.step()
    return w.item(), loss.item()


for name, lr, decay in [("too small", 0.0005, None), ("too large", 0.17, None), ("large, then decayed", 0.17, 0.95)]:
    w, loss = descend(lr, decay)
    schedule = f", x{decay} per step" if decay else ""
    print(f"lr {lr}{schedule} ({name}): w = {w:+.4f}, f(w) = {loss:.4f}")
