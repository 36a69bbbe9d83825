# Three interleaved spirals: a job for a deeper network with ReLU, Adam and a learning-rate schedule.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(4)
points_per_class, classes = 50, 3
inputs, labels = [], []
for k in range(classes):
    radius = torch.linspace(0.1, 1.0, points_per_class)
    angle = torch.linspace(k * 4.2, (k + 1) * 4.2, points_per_class) + 0.15 * torch.randn(points_per_class)
    inputs.append(torch.stack([radius * torch.sin(angle), radius * torch.cos(angle)], dim=1))
    labels.append(torch.full((points_per_class,), k, dtype=torch.long))
X = torch.cat(inputs)
y = torch.cat(labels)


class SpiralNet(nn.Module):
    def __init__(self, hidden=48):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.head = nn.Linear(hidden, classes)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.head(x)


model = SpiralNet()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=200, gamma=0.5)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(600):
    logits = model(X)
    loss = loss_fn(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()
    if epoch % 100 == 99:
        accuracy = (logits.argmax(dim=1) == y).float().mean().item()
        print(f"epoch {epoch + 1}: loss {loss.item():.4f} accuracy {accuracy:.2f}")
