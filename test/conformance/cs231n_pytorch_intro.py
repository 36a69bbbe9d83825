# CS231n's PyTorch notebook (assignment 2, "PyTorch.ipynb") on synthetic CIFAR-sized data: the three
# levels of the API. Barebones: flatten(x), two_layer_fc and three_layer_convnet written with F.conv2d
# (padding=2, padding=1) and F.relu, random_weight (kaiming: randn * sqrt(2 / fan_in)) and zero_weight
# with requires_grad=True, the shape tests, check_accuracy with 'Got %d / %d correct (%.2f%%)', a manual
# SGD step under torch.no_grad() with w.grad.zero_(); then nn.Module classes with nn.init.kaiming_normal_
# and nn.init.zeros_, optim.SGD with nesterov momentum, and nn.Sequential with a Flatten module.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

USE_GPU = True
dtype = torch.float32
if USE_GPU and torch.cuda.is_available():
    device = torch.device('cuda')
else:
    device = torch.device('cpu')
print_every = 4
print('using device:', device)

torch.manual_seed(231)
N_train, N_val = 96, 32
C, H, W = 3, 8, 8
num_classes = 4


def make_split(n):
    x = torch.randn(n, C, H, W)
    # the class is which quadrant of the red channel is brightest
    q = torch.stack([x[:, 0, :4, :4].mean((1, 2)), x[:, 0, :4, 4:].mean((1, 2)),
                     x[:, 0, 4:, :4].mean((1, 2)), x[:, 0, 4:, 4:].mean((1, 2))], dim=1)
    return x, q.argmax(1)


x_train, y_train = make_split(N_train)
x_val, y_val = make_split(N_val)
print(x_train.shape, y_train.shape, torch.bincount(y_train))
loader_train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x_train, y_train), batch_size=16,
                                           shuffle=True)
loader_val = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x_val, y_val), batch_size=16)


def flatten(x):
    N = x.shape[0]  # read in N, C, H, W
    return x.view(N, -1)  # "flatten" the C * H * W values into a single vector per image


def test_flatten():
    x = torch.arange(12).view(2, 1, 3, 2)
    print('Before flattening: ', x)
    print('After flattening: ', flatten(x))


test_flatten()


def two_layer_fc(x, params):
    x = flatten(x)
    w1, w2 = params
    x = F.relu(x.mm(w1))
    x = x.mm(w2)
    return x


def two_layer_fc_test():
    hidden_layer_size = 42
    x = torch.zeros((64, 50), dtype=dtype)
    w1 = torch.zeros((50, hidden_layer_size), dtype=dtype)
    w2 = torch.zeros((hidden_layer_size, 10), dtype=dtype)
    scores = two_layer_fc(x, [w1, w2])
    print(scores.size())


two_layer_fc_test()


def three_layer_convnet(x, params):
    conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b = params
    x = F.relu(F.conv2d(x, conv_w1, conv_b1, padding=2))
    x = F.relu(F.conv2d(x, conv_w2, conv_b2, padding=1))
    x = flatten(x)
    scores = x.mm(fc_w) + fc_b
    return scores


def three_layer_convnet_test():
    x = torch.zeros((64, 3, 16, 16), dtype=dtype)
    conv_w1 = torch.zeros((6, 3, 5, 5), dtype=dtype)
    conv_b1 = torch.zeros((6,))
    conv_w2 = torch.zeros((9, 6, 3, 3), dtype=dtype)
    conv_b2 = torch.zeros((9,))
    fc_w = torch.zeros((9 * 16 * 16, 10))
    fc_b = torch.zeros(10)
    scores = three_layer_convnet(x, [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b])
    print(scores.size())


three_layer_convnet_test()


def random_weight(shape):
    if len(shape) == 2:  # FC weight
        fan_in = shape[0]
    else:
        fan_in = np.prod(shape[1:])  # conv weight [out_channel, in_channel, kH, kW]
    w = torch.randn(shape, device=device, dtype=dtype) * np.sqrt(2. / fan_in)
    w.requires_grad = True
    return w


def zero_weight(shape):
    return torch.zeros(shape, device=device, dtype=dtype, requires_grad=True)


w = random_weight((3, 5))
print(w.shape, w.requires_grad, w.dtype, np.prod((8, 3, 3)), type(np.sqrt(2. / 72)).__name__)
print(zero_weight((2,)))


def check_accuracy_part2(loader, model_fn, params):
    split = 'val' if loader is loader_val else 'train'
    print('Checking accuracy on the %s set' % split)
    num_correct, num_samples = 0, 0
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.int64)
            scores = model_fn(x, params)
            _, preds = scores.max(1)
            num_correct += (preds == y).sum()
            num_samples += preds.size(0)
        acc = float(num_correct) / num_samples
        print('Got %d / %d correct (%.2f%%)' % (num_correct, num_samples, 100 * acc))


def train_part2(model_fn, params, learning_rate):
    for t, (x, y) in enumerate(loader_train):
        x = x.to(device=device, dtype=dtype)
        y = y.to(device=device, dtype=torch.long)
        scores = model_fn(x, params)
        loss = F.cross_entropy(scores, y)
        loss.backward()
        with torch.no_grad():
            for w in params:
                w -= learning_rate * w.grad
                w.grad.zero_()
        if t % print_every == 0:
            print('Iteration %d, loss = %.4f' % (t, loss.item()))
    check_accuracy_part2(loader_val, model_fn, params)


hidden_layer_size = 64
w1 = random_weight((C * H * W, hidden_layer_size))
w2 = random_weight((hidden_layer_size, num_classes))
train_part2(two_layer_fc, [w1, w2], 1e-2)

conv_w1 = random_weight((8, 3, 5, 5))
conv_b1 = zero_weight((8,))
conv_w2 = random_weight((4, 8, 3, 3))
conv_b2 = zero_weight((4,))
fc_w = random_weight((4 * H * W, num_classes))
fc_b = zero_weight((num_classes,))
params = [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b]
train_part2(three_layer_convnet, params, 3e-3)


class TwoLayerFC(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        nn.init.kaiming_normal_(self.fc1.weight)
        self.fc2 = nn.Linear(hidden_size, num_classes)
        nn.init.kaiming_normal_(self.fc2.weight)

    def forward(self, x):
        x = flatten(x)
        scores = self.fc2(F.relu(self.fc1(x)))
        return scores


class ThreeLayerConvNet(nn.Module):
    def __init__(self, in_channel, channel_1, channel_2, num_classes):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channel, channel_1, kernel_size=5, padding=2)
        nn.init.kaiming_normal_(self.conv1.weight)
        nn.init.zeros_(self.conv1.bias)
        self.conv2 = nn.Conv2d(channel_1, channel_2, kernel_size=3, padding=1)
        nn.init.kaiming_normal_(self.conv2.weight)
        nn.init.zeros_(self.conv2.bias)
        self.fc = nn.Linear(channel_2 * H * W, num_classes)
        nn.init.kaiming_normal_(self.fc.weight)
        nn.init.zeros_(self.fc.bias)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        return self.fc(flatten(x))


def test_TwoLayerFC():
    input_size = 50
    x = torch.zeros((64, input_size), dtype=dtype)
    model = TwoLayerFC(input_size, 42, 10)
    scores = model(x)
    print(scores.size())


test_TwoLayerFC()


def check_accuracy_part34(loader, model):
    num_correct, num_samples = 0, 0
    model.eval()  # set model to evaluation mode
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.long)
            scores = model(x)
            _, preds = scores.max(1)
            num_correct += (preds == y).sum()
            num_samples += preds.size(0)
        acc = float(num_correct) / num_samples
        print('Got %d / %d correct (%.2f)' % (num_correct, num_samples, 100 * acc))


def train_part34(model, optimizer, epochs=1):
    model = model.to(device=device)
    for e in range(epochs):
        for t, (x, y) in enumerate(loader_train):
            model.train()
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.long)
            scores = model(x)
            loss = F.cross_entropy(scores, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if t % print_every == 0:
                print('Epoch %d, Iteration %d, loss = %.4f' % (e, t, loss.item()))
        check_accuracy_part34(loader_val, model)


model = TwoLayerFC(C * H * W, hidden_layer_size, num_classes)
optimizer = optim.SGD(model.parameters(), lr=1e-2)
train_part34(model, optimizer)

model = ThreeLayerConvNet(3, 8, 4, num_classes)
optimizer = optim.SGD(model.parameters(), lr=3e-3)
train_part34(model, optimizer)


class Flatten(nn.Module):
    def forward(self, x):
        return flatten(x)


model = nn.Sequential(
    Flatten(),
    nn.Linear(C * H * W, hidden_layer_size),
    nn.ReLU(),
    nn.Linear(hidden_layer_size, num_classes),
)
optimizer = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9, nesterov=True)
train_part34(model, optimizer, epochs=2)

model = nn.Sequential(
    nn.Conv2d(3, 8, 5, padding=2),
    nn.ReLU(),
    nn.Conv2d(8, 4, 3, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(4 * H * W, num_classes),
)
print(model)
optimizer = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9, nesterov=True)
train_part34(model, optimizer, epochs=2)
