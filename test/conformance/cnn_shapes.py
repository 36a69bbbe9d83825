# Following a tensor's shape through convolution and pooling layers, as the Korean CNN chapters do: a
# (batch, channel, height, width) input, Conv2d with padding, MaxPool2d, printing .shape after every layer and
# flattening with view(out.size(0), -1); then a model of nn.Sequential blocks (Conv2d, ReLU, MaxPool2d) in
# the style of the lab-10 MNIST CNNs, its repr, and what happens with the wrong number of channels.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(10)

inputs = torch.Tensor(1, 1, 28, 28)  # uninitialised values: only shapes are printed
print('텐서의 크기 : {}'.format(inputs.shape))

conv1 = nn.Conv2d(1, 32, 3, padding=1)
print(conv1)
conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
print(conv2)
pool = nn.MaxPool2d(2)
print(pool)

out = conv1(inputs)
print(out.shape)
out = pool(out)
print(out.shape)
out = conv2(out)
print(out.shape)
out = pool(out)
print(out.shape)
print(out.size(0), out.size(1), out.size(2), out.size(3))
out = out.view(out.size(0), -1)
print(out.shape)
fc = nn.Linear(3136, 10)
print(fc(out).shape)

# Other ways learners write the same layers.
print(nn.Conv2d(3, 8, kernel_size=(3, 5), stride=2, padding=(1, 2), bias=False))
print(nn.Conv2d(3, 8, 3, padding='same'), nn.Conv2d(3, 8, 3, dilation=2, groups=1))
print(nn.MaxPool2d(kernel_size=3, stride=2, padding=1), nn.AvgPool2d(2), nn.AdaptiveAvgPool2d((1, 1)))
print(F.max_pool2d(torch.zeros(2, 4, 9, 9), 3, 2, 1).shape, F.avg_pool2d(torch.zeros(2, 4, 9, 9), 3).shape)
print(F.conv2d(torch.zeros(2, 3, 10, 10), torch.zeros(5, 3, 3, 3), stride=2).shape)
print(nn.MaxPool2d(2, ceil_mode=True)(torch.zeros(1, 1, 5, 5)).shape)


class CNN(torch.nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.keep_prob = 0.5
        self.layer1 = torch.nn.Sequential(
            torch.nn.Conv2d(1, 8, kernel_size=3, stride=1, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.layer2 = torch.nn.Sequential(
            torch.nn.Conv2d(8, 16, kernel_size=3, stride=1, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.fc = torch.nn.Linear(7 * 7 * 16, 10, bias=True)
        torch.nn.init.xavier_uniform_(self.fc.weight)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = out.view(out.size(0), -1)  # flatten them for the fully connected layer
        out = self.fc(out)
        return out


model = CNN()
print(model)
print(sum(p.numel() for p in model.parameters()))
batch = torch.randn(4, 1, 28, 28)
print(model.layer1(batch).shape, model.layer2(model.layer1(batch)).shape)
logits = model(batch)
print(logits.shape)
print(logits)
print(logits.argmax(1))
print(type(logits.grad_fn).__name__, type(model.layer1(batch).grad_fn).__name__)
print(type(model.layer1[0](batch).grad_fn).__name__)
print(type(model.layer1[0]).__module__, type(model.layer1[2]).__module__)

try:
    model(torch.randn(4, 3, 28, 28))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    conv2(inputs)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    nn.Conv2d(1, 6, 5)(torch.randn(1, 1, 3, 3))
except RuntimeError as e:
    print('RuntimeError:', e)
