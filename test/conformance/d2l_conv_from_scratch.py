# d2l 7.2-7.5 "Convolutions for Images", "Padding and Stride", "Multiple Input and Multiple Output
# Channels" and "Pooling" idioms: corr2d written with two loops over Y[i, j] = (X[i:i + h, j:j + w] * K).sum(),
# a Conv2D module with nn.Parameter(torch.rand(kernel_size)), the black-and-white edge image X[:, 2:6] = 0
# and K = torch.tensor([[1.0, -1.0]]), learning that kernel with nn.Conv2d(1, 1, kernel_size=(1, 2),
# bias=False) and a hand-written step conv2d.weight.data[:] -= lr * conv2d.weight.grad, comp_conv2d over
# X.reshape((1, 1) + X.shape) with padding and stride, corr2d_multi_in as sum(... for x, k in zip(X, K)),
# torch.stack of output channels, torch.cat((K, K + 1, K + 2), 0), the 1x1 convolution as torch.matmul, and
# pool2d from scratch with mode='max'/'avg' beside nn.MaxPool2d(3, padding=1, stride=2) and
# torch.cat((X, X + 1), 1).
import torch
from torch import nn


def corr2d(X, K):
    """Compute 2D cross-correlation."""
    h, w = K.shape
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + h, j:j + w] * K).sum()
    return Y


X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
print(corr2d(X, K))


class Conv2D(nn.Module):
    def __init__(self, kernel_size):
        super().__init__()
        self.weight = nn.Parameter(torch.rand(kernel_size))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return corr2d(x, self.weight) + self.bias


torch.manual_seed(0)
layer = Conv2D(kernel_size=(2, 2))
print(layer)
print(layer.weight)
out = layer(X)
print(out)
print(out.grad_fn.name())

# Edge detection.
X = torch.ones((6, 8))
X[:, 2:6] = 0
print(X)
K = torch.tensor([[1.0, -1.0]])
Y = corr2d(X, K)
print(Y)
print(corr2d(X.t(), K))

# Learning the kernel.
conv2d = nn.Conv2d(1, 1, kernel_size=(1, 2), bias=False)
print(conv2d)
X = X.reshape((1, 1, 6, 8))
Y = Y.reshape((1, 1, 6, 7))
lr = 3e-2
for i in range(10):
    Y_hat = conv2d(X)
    l = (Y_hat - Y) ** 2
    conv2d.zero_grad()
    l.sum().backward()
    conv2d.weight.data[:] -= lr * conv2d.weight.grad
    if (i + 1) % 2 == 0:
        print(f'epoch {i + 1}, loss {l.sum():.3f}')
print(conv2d.weight.data.reshape((1, 2)))

# The scratch module learns the same kernel.
scratch = Conv2D(kernel_size=(1, 2))
for i in range(10):
    l = ((scratch(X[0, 0]) - Y[0, 0]) ** 2).sum()
    scratch.zero_grad()
    l.backward()
    with torch.no_grad():
        for p in scratch.parameters():
            p -= lr * p.grad
print(f'scratch loss {l:.4f}', scratch.weight.data, scratch.bias.data)


# Padding and stride.
def comp_conv2d(conv2d, X):
    X = X.reshape((1, 1) + X.shape)
    Y = conv2d(X)
    return Y.reshape(Y.shape[2:])


conv2d = nn.Conv2d(1, 1, kernel_size=3, padding=1)
X = torch.rand(size=(8, 8))
print(comp_conv2d(conv2d, X).shape)
conv2d = nn.Conv2d(1, 1, kernel_size=(5, 3), padding=(2, 1))
print(comp_conv2d(conv2d, X).shape)
conv2d = nn.Conv2d(1, 1, kernel_size=3, padding=1, stride=2)
print(comp_conv2d(conv2d, X).shape)
conv2d = nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))
print(conv2d)
print(comp_conv2d(conv2d, X).shape)
print(comp_conv2d(conv2d, X))


# Multiple input and output channels.
def corr2d_multi_in(X, K):
    return sum(corr2d(x, k) for x, k in zip(X, K))


X = torch.tensor([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]],
                  [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]])
K = torch.tensor([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]])
print(corr2d_multi_in(X, K))


def corr2d_multi_in_out(X, K):
    return torch.stack([corr2d_multi_in(X, k) for k in K], 0)


K = torch.stack((K, K + 1, K + 2), 0)
print(K.shape)
print(corr2d_multi_in_out(X, K))
K2 = torch.cat((K, K + 1), 0)
print(K2.shape)


def corr2d_multi_in_out_1x1(X, K):
    c_i, h, w = X.shape
    c_o = K.shape[0]
    X = X.reshape((c_i, h * w))
    K = K.reshape((c_o, c_i))
    Y = torch.matmul(K, X)
    return Y.reshape((c_o, h, w))


X = torch.normal(0, 1, (3, 3, 3))
K = torch.normal(0, 1, (2, 3, 1, 1))
Y1 = corr2d_multi_in_out_1x1(X, K)
Y2 = corr2d_multi_in_out(X, K)
print(float(torch.abs(Y1 - Y2).sum()) < 1e-6)
print(Y1)
print(torch.nn.functional.conv2d(X.unsqueeze(0), K).squeeze(0))


# Pooling.
def pool2d(X, pool_size, mode='max'):
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            if mode == 'max':
                Y[i, j] = X[i: i + p_h, j: j + p_w].max()
            elif mode == 'avg':
                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()
    return Y


X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
print(pool2d(X, (2, 2)))
print(pool2d(X, (2, 2), 'avg'))

X = torch.arange(16, dtype=torch.float32).reshape((1, 1, 4, 4))
print(X)
pool2d = nn.MaxPool2d(3)
print(pool2d)
print(pool2d(X))
pool2d = nn.MaxPool2d(3, padding=1, stride=2)
print(pool2d(X))
pool2d = nn.MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))
print(pool2d)
print(pool2d(X))
X = torch.cat((X, X + 1), 1)
print(X)
pool2d = nn.MaxPool2d(3, padding=1, stride=2)
print(pool2d(X))
print(nn.AvgPool2d(3, padding=1, stride=2)(X))
print(nn.AvgPool2d(3, padding=1, stride=2, count_include_pad=False)(X))

# Gradients through the loop-built cross-correlation match conv2d's.
Xg = torch.randn(5, 5, requires_grad=True)
Kg = torch.randn(2, 2, requires_grad=True)
corr2d(Xg, Kg).pow(2).sum().backward()
print(Xg.grad)
print(Kg.grad)
Xc = Xg.detach().clone().reshape(1, 1, 5, 5).requires_grad_()
Kc = Kg.detach().clone().reshape(1, 1, 2, 2).requires_grad_()
torch.nn.functional.conv2d(Xc, Kc).pow(2).sum().backward()
print(torch.allclose(Xc.grad.reshape(5, 5), Xg.grad), torch.allclose(Kc.grad.reshape(2, 2), Kg.grad, atol=1e-5))
