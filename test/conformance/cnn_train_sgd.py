# A small CNN trained for a few steps on seeded random "images" (two classes: a bright top half or a bright
# bottom half), as beginners' MNIST CNN labs do: Conv2d/ReLU/MaxPool2d blocks, an AvgPool2d, a linear head,
# CrossEntropyLoss, mini-batches from a DataLoader, optimizer.zero_grad/backward/step, the loss every step,
# then accuracy under torch.no_grad().
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(777)

n = 32
labels = torch.randint(0, 2, (n,))
images = torch.randn(n, 1, 12, 12) * 0.5
images[labels == 0, :, :6, :] += 1.0
images[labels == 1, :, 6:, :] += 1.0
loader = DataLoader(TensorDataset(images, labels), batch_size=8, shuffle=True)


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 4, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(4, 8, kernel_size=3),
            nn.ReLU(),
        )
        self.pool = nn.AvgPool2d(2)
        self.fc = nn.Linear(8 * 2 * 2, 2)

    def forward(self, x):
        x = self.features(x)
        x = self.pool(x)
        x = x.view(x.size(0), -1)
        return self.fc(x)


model = SmallCNN()
print(model)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

for epoch in range(3):
    avg_cost = 0
    for X, Y in loader:
        optimizer.zero_grad()
        hypothesis = model(X)
        cost = criterion(hypothesis, Y)
        cost.backward()
        optimizer.step()
        avg_cost += cost / len(loader)
        print('  batch cost = {:.6f}'.format(cost.item()))
    print('[Epoch: {:>4}] cost = {:>.9}'.format(epoch + 1, avg_cost))

with torch.no_grad():
    prediction = model(images)
    correct_prediction = torch.argmax(prediction, 1) == labels
    accuracy = correct_prediction.float().mean()
    print('Accuracy:', accuracy.item())
print(model.features[0].weight.grad[0, 0])
print(model.features[0].bias)
print(model.fc.weight)

# The same forward with the functional API and an adaptive pooling head.
x = images[:2]
h = F.relu(F.conv2d(x, model.features[0].weight, model.features[0].bias, padding=1))
h = F.max_pool2d(h, kernel_size=2, stride=2)
print(h.shape, torch.equal(h, model.features[:3](x)))
print(F.adaptive_avg_pool2d(h, (2, 3)))
print(F.adaptive_avg_pool2d(h, 1).flatten(1))
