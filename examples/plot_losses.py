# Plotting with matplotlib: a small classifier of two moons-like clouds, its loss curve drawn live while it
# trains (plt.pause shows the figure in the panel's Figures section and replaces it each time), then the loss
# and the decision boundary (contourf over a grid of predictions) side by side, saved as decision_boundary.png.
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn

np.random.seed(0)
torch.manual_seed(0)
n = 100
angle = np.random.rand(n) * np.pi
inner = np.c_[np.cos(angle), np.sin(angle)] + 0.1 * np.random.randn(n, 2)
outer = np.c_[1 - np.cos(angle), 0.5 - np.sin(angle)] + 0.1 * np.random.randn(n, 2)
X = torch.tensor(np.vstack([inner, outer]), dtype=torch.float32)
y = torch.cat([torch.zeros(n), torch.ones(n)]).unsqueeze(1)

model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

losses = []
for epoch in range(300):
    loss = loss_fn(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if epoch % 50 == 0:
        plt.figure(1)
        plt.clf()
        plt.plot(losses)
        plt.title(f"Loss after {epoch + 1} epochs")
        plt.pause(0.01)
print(f"final loss {losses[-1]:.4f}")

xx, yy = np.meshgrid(np.linspace(-1.5, 2.5, 100), np.linspace(-1, 1.5, 100))
grid = torch.tensor(np.c_[xx.ravel(), yy.ravel()], dtype=torch.float32)
with torch.no_grad():
    probs = torch.sigmoid(model(grid)).reshape(xx.shape).numpy()

plt.close(1)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
ax1.plot(losses, label="BCE loss")
ax1.set_xlabel("epoch")
ax1.set_ylabel("loss")
ax1.set_yscale("log")
ax1.grid(True)
ax1.legend()
ax1.set_title("Training loss")
cs = ax2.contourf(xx, yy, probs, levels=10, cmap="RdBu_r", alpha=0.8)
ax2.scatter(X[:n, 0].numpy(), X[:n, 1].numpy(), c="tab:blue", edgecolors="k", label="class 0")
ax2.scatter(X[n:, 0].numpy(), X[n:, 1].numpy(), c="tab:red", edgecolors="k", label="class 1")
ax2.set_title("Decision boundary")
ax2.legend(loc="lower left")
fig.colorbar(cs, ax=ax2, label="P(class 1)")
plt.tight_layout()
plt.savefig("decision_boundary.png")
plt.show()
