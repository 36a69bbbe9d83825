# d2l (current PyTorch edition) as it builds networks: every layer lazy. Builders' Guide 6.2 and 6.4 (parameters
# of `nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))`, `<UninitializedParameter>` before the
# first call, shapes after it, `net[2].state_dict()`), 6.3 (`net.apply(init)` with `type(module) == nn.Linear`
# once the lazy layers have become Linear), `apply_init` (a dummy forward, then the init function), the concise
# linear regression of 3.5 (`nn.LazyLinear(1)` whose optimizer is made before the first batch, as d2l's Trainer
# does), LeNet of 7.6 (`nn.LazyConv2d(6, kernel_size=5, padding=2)`, `nn.LazyLinear(120)`) with its layer-by-layer
# shape walk, and 8.5's batch normalization (`nn.LazyBatchNorm2d()`, `nn.LazyBatchNorm1d()`).
import warnings

import torch
from torch import nn

# PyTorch's "Lazy modules are a new feature" warning names its own file: left out (idioms.md says why).
warnings.filterwarnings('ignore', message='Lazy modules')
torch.manual_seed(0)

net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))
print(net)
print(net[0].weight)
X = torch.rand(size=(2, 4))
print(net(X).shape)
print(net)
print(net[2].state_dict())
print(type(net[2].bias), net[2].bias.data)
print(*[(name, param.shape) for name, param in net.named_parameters()])


def init_normal(module):
    if type(module) == nn.Linear:
        nn.init.normal_(module.weight, mean=0, std=0.01)
        nn.init.zeros_(module.bias)


net.apply(init_normal)
print(net[0].weight.data[0], net[0].bias.data[0])


def apply_init(model, inputs, init=None):
    model(*inputs)
    if init is not None:
        model.apply(init)


def init_xavier(module):
    if type(module) in (nn.Linear, nn.Conv2d):
        nn.init.xavier_uniform_(module.weight)


mlp = nn.Sequential(nn.Flatten(), nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
apply_init(mlp, [torch.rand(2, 1, 4, 4)], init_xavier)
print([p.shape for p in mlp.parameters()])
print(mlp[1].weight[0, :4])

# 3.5: the optimizer holds the lazy parameters before they have a shape.
true_w = torch.tensor([2.0, -3.4])
true_b = 4.2
features = torch.randn(100, 2)
labels = (features @ true_w + true_b + torch.randn(100) * 0.01).reshape(-1, 1)
model = nn.LazyLinear(1)
optim = torch.optim.SGD(model.parameters(), lr=0.03)
loss_fn = nn.MSELoss()
for epoch in range(3):
    for i in range(0, 100, 10):
        loss = loss_fn(model(features[i : i + 10]), labels[i : i + 10])
        optim.zero_grad()
        loss.backward()
        optim.step()
    print(f'epoch {epoch + 1}, loss {loss_fn(model(features), labels):f}')
print(f'error in estimating w: {true_w - model.weight.data.reshape(true_w.shape)}')
print(f'error in estimating b: {true_b - model.bias.data}')


def lenet(num_classes=10):
    return nn.Sequential(
        nn.LazyConv2d(6, kernel_size=5, padding=2),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.LazyConv2d(16, kernel_size=5),
        nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.LazyLinear(120),
        nn.Sigmoid(),
        nn.LazyLinear(84),
        nn.Sigmoid(),
        nn.LazyLinear(num_classes),
    )


def layer_summary(model, X_shape):
    X = torch.randn(*X_shape)
    for layer in model:
        X = layer(X)
        print(layer.__class__.__name__, 'output shape:\t', X.shape)


lenet_model = lenet()
layer_summary(lenet_model, (1, 1, 28, 28))
print(lenet_model[0])
print(sum(p.numel() for p in lenet_model.parameters()))

bn_net = nn.Sequential(
    nn.LazyConv2d(6, kernel_size=5),
    nn.LazyBatchNorm2d(),
    nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Flatten(),
    nn.LazyLinear(12),
    nn.LazyBatchNorm1d(),
    nn.Sigmoid(),
    nn.LazyLinear(3),
)
print(bn_net)
images = torch.randn(8, 1, 12, 12)
targets = torch.randint(0, 3, (8,))
bn_net(images)
opt = torch.optim.SGD(bn_net.parameters(), lr=0.1)
for step in range(5):
    loss = nn.functional.cross_entropy(bn_net(images), targets)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(bn_net[1])
print(bn_net[1].running_mean, bn_net[1].num_batches_tracked)
bn_net.eval()
print(bn_net(images[:2]).argmax(1))
