# Batch normalisation in a CNN as d2l 8.5 ("Batch Normalization", the concise LeNet with nn.BatchNorm2d after
# each conv) and course notebooks write it: Conv2d -> BatchNorm2d -> ReLU/Sigmoid -> pooling blocks,
# nn.Dropout2d between blocks, training a few Adam steps on generated images, net[1].running_mean /
# running_var / num_batches_tracked after training, eval() making repeated forwards equal, BatchNorm2d's
# repr (affine=False, momentum=None), the 'expected 4D input' error, F.batch_norm on a 4-D tensor, and
# nn.functional.dropout2d / dropout1d shapes. The convs before BatchNorm2d have bias=False (as ResNet-style code
# writes them): a conv bias there gets only rounding noise as its gradient, which Adam turns into steps.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(11)
net = nn.Sequential(
    nn.Conv2d(1, 4, kernel_size=3, padding=1, bias=False), nn.BatchNorm2d(4), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Dropout2d(0.2),
    nn.Conv2d(4, 6, kernel_size=3, bias=False), nn.BatchNorm2d(6), nn.ReLU(),
    nn.MaxPool2d(2), nn.Flatten(),
    nn.Linear(6, 3),
)
print(net)
X = torch.randn(12, 1, 8, 8)
y = (X[:, 0, :4].mean((1, 2)) > 0).long() + (X[:, 0, 4:].mean((1, 2)) > 0).long()
for layer in net:
    X_probe = layer(X if layer is net[0] else X_probe)
    print(layer.__class__.__name__, 'output shape:\t', X_probe.shape)

optimizer = torch.optim.Adam(net.parameters(), lr=0.05)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(6):
    net.train()
    optimizer.zero_grad()
    loss = loss_fn(net(X), y)
    loss.backward()
    optimizer.step()
    print(f'epoch {epoch + 1}, loss {loss.item():.4f}')

bn = net[1]
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(bn.weight.data, bn.bias.data)
net.eval()
with torch.no_grad():
    a, b = net(X), net(X)
print(torch.equal(a, b), (a.argmax(1) == y).float().mean().item())

print(nn.BatchNorm2d(8, affine=False, momentum=None), nn.BatchNorm2d(3, eps=1e-3))
try:
    nn.BatchNorm2d(2)(torch.ones(4, 2))
except ValueError as e:
    print('ValueError:', e)
feat = torch.arange(16.0).reshape(2, 2, 2, 2)
print(F.batch_norm(feat, torch.zeros(2), torch.ones(2), training=True))
print(F.batch_norm(feat, torch.zeros(2), torch.ones(2) * 4, training=False))
torch.manual_seed(0)
print(F.dropout2d(torch.ones(2, 3, 2, 2), 0.5)[:, :, 0, 0])
print(F.dropout1d(torch.ones(2, 4, 3), 0.5)[:, :, 0], F.dropout2d(torch.ones(1, 2, 2, 2), 0.5, training=False).sum())
