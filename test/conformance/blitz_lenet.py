# A LeNet-style network the way the "60 minute blitz" Neural Networks tutorial builds and pokes at it:
# a class with two convolutions and three linear layers, printing the model and its parameters, a random
# 32x32 input, backward from a random gradient, a loss and its grad_fn chain, the conv1 bias gradient before
# and after backward, a hand-written update through .data and an optim.SGD step.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(2)


class LeNet(nn.Module):
    def __init__(self):
        super(LeNet, self).__init__()
        # one grey input plane, 6 feature maps, 5x5 kernels; then 16 maps
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)  # a 5x5 map is left after two poolings
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


net = LeNet()
print(net)

params = list(net.parameters())
print(len(params))
print(params[0].size())
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.numel())
print(net.conv1.weight[0, 0])
print(net.conv1.bias)
print(type(net.conv1), type(net.conv1.weight))

image = torch.randn(1, 1, 32, 32)
out = net(image)
print(out)
print(out.shape, type(out.grad_fn).__name__)

net.zero_grad()
out.backward(torch.randn(1, 10))
print(net.conv1.bias.grad)

output = net(image)
target = torch.randn(10).view(1, -1)
criterion = nn.MSELoss()
loss = criterion(output, target)
print(loss)
print(type(loss.grad_fn).__name__)
print(type(loss.grad_fn.next_functions[0][0]).__name__)
print(type(loss.grad_fn.next_functions[0][0].next_functions[0][0]).__name__)
print([type(f).__name__ for f, _ in loss.grad_fn.next_functions[0][0].next_functions])

net.zero_grad()
print('conv1.bias.grad before backward')
print(net.conv1.bias.grad)
loss.backward()
print('conv1.bias.grad after backward')
print(net.conv1.bias.grad)
print(net.conv2.weight.grad[3, 2])

learning_rate = 0.01
for f in net.parameters():
    f.data.sub_(f.grad.data * learning_rate)
print(criterion(net(image), target))

optimizer = optim.SGD(net.parameters(), lr=0.01)
for step in range(5):
    optimizer.zero_grad()
    output = net(image)
    loss = criterion(output, target)
    loss.backward()
    optimizer.step()
    print(step, loss)
print(net.conv1.weight[2])
print(net(image))
