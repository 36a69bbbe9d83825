# "Deep Learning from Scratch" (Saito Koki, O'Reilly Japan; Korean edition 밑바닥부터 시작하는 딥러닝),
# ch06 training techniques (common/optimizer.py, ch06/optimizer_compare_naive.py,
# weight_init_activation_histogram.py, weight_init_compare.py, batch_norm_test.py, overfit_weight_decay.py,
# overfit_dropout.py, common/layers.py Dropout and BatchNormalization, common/multi_layer_net.py):
# SGD/Momentum/AdaGrad/RMSprop/Adam classes updating a params dict (with plain float parameters too), the
# f(x, y) = x**2/20 + y**2 comparison in an OrderedDict with a contour plot, activation histograms with
# plt.hist(a.flatten(), 30, range=(0,1)) for std 1, 0.01, Xavier and He initialisation, weight decay added to
# the loss and the gradient, and Dropout / BatchNormalization forward and backward checked numerically.
from collections import OrderedDict

import numpy as np
import matplotlib.pyplot as plt


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)

        for key in params.keys():
            self.v[key] = self.momentum*self.v[key] - self.lr*grads[key]
            params[key] += self.v[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)

        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)

        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = {}, {}
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)

        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)

        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


def f(x, y):
    return x**2 / 20.0 + y**2


def df(x, y):
    return x / 10.0, 2.0*y


init_pos = (-7.0, 2.0)
params = {}
params['x'], params['y'] = init_pos[0], init_pos[1]
grads = {}
grads['x'], grads['y'] = 0, 0

optimizers = OrderedDict()
optimizers["SGD"] = SGD(lr=0.95)
optimizers["Momentum"] = Momentum(lr=0.1)
optimizers["AdaGrad"] = AdaGrad(lr=1.5)
optimizers["RMSprop"] = RMSprop(lr=0.3)
optimizers["Adam"] = Adam(lr=0.3)

idx = 1
for key in optimizers:
    optimizer = optimizers[key]
    x_history = []
    y_history = []
    params['x'], params['y'] = init_pos[0], init_pos[1]

    for i in range(30):
        x_history.append(params['x'])
        y_history.append(params['y'])

        grads['x'], grads['y'] = df(params['x'], params['y'])
        optimizer.update(params, grads)

    print(key, type(params['x']).__name__, "%.6f %.6f" % (params['x'], params['y']),
          "f=%.8f" % f(params['x'], params['y']))

    x = np.arange(-10, 10, 0.1)
    y = np.arange(-5, 5, 0.1)

    X, Y = np.meshgrid(x, y)
    Z = f(X, Y)

    # Keep the contour lines near the minimum only.
    mask = Z > 7
    Z[mask] = 0

    plt.subplot(2, 3, idx)
    idx += 1
    plt.plot(x_history, y_history, 'o-', color="red")
    plt.contour(X, Y, Z)
    plt.ylim(-10, 10)
    plt.xlim(-10, 10)
    plt.plot(0, 0, '+')
    plt.title(key)
    plt.xlabel("x")
    plt.ylabel("y")

print(X.shape, Z.shape, int(mask.sum()), "%.4f" % Z.max())
plt.show()

# The optimizer's state arrays: one per parameter, shaped like it.
opt = Adam()
p = {'W': np.array([[1.0, -2.0], [3.0, 0.5]]), 'b': np.zeros(2)}
g = {'W': np.array([[0.1, 0.2], [-0.3, 0.4]]), 'b': np.array([1.0, -1.0])}
for _ in range(3):
    opt.update(p, g)
print(opt.iter, sorted(opt.m.keys()), opt.m['W'].shape)
print(p['W'])
print(p['b'])


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def ReLU(x):
    return np.maximum(0, x)


def tanh(x):
    return np.tanh(x)


# The book uses 1000 samples of 100 nodes; a smaller stack keeps the run short and shows the same shapes.
np.random.seed(0)
input_data = np.random.randn(100, 50)
node_num = 50
hidden_layer_size = 5

for name, scale, act in [('std=1', lambda n: 1, sigmoid), ('std=0.01', lambda n: 0.01, sigmoid),
                         ('Xavier', lambda n: np.sqrt(1.0 / n), sigmoid), ('He', lambda n: np.sqrt(2.0 / n), ReLU)]:
    activations = {}
    x = input_data

    for i in range(hidden_layer_size):
        if i != 0:
            x = activations[i-1]

        w = np.random.randn(node_num, node_num) * scale(node_num)

        a = np.dot(x, w)
        z = act(a)

        activations[i] = z

    plt.figure()
    for i, a in activations.items():
        plt.subplot(1, len(activations), i+1)
        plt.title(str(i+1) + "-layer")
        if i != 0:
            plt.yticks([], [])
        counts, bins, patches = plt.hist(a.flatten(), 30, range=(0, 1))
        print(name, i + 1, counts[:5].astype(int), counts[-3:].astype(int), "%.4f" % a.mean(), "%.4f" % a.std())
    print(bins[:4], len(patches))
    plt.show()


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        else:
            return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask


np.random.seed(1)
x = np.arange(12.0).reshape(3, 4)
drop = Dropout(0.5)
out = drop.forward(x)
print(drop.mask)
print(out)
print(drop.backward(np.ones_like(x)))
print(drop.forward(x, train_flg=False))


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.input_shape = None

        self.running_mean = running_mean
        self.running_var = running_var

        self.batch_size = None
        self.xc = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        self.input_shape = x.shape
        if x.ndim != 2:
            N, C, H, W = x.shape
            x = x.reshape(N, -1)

        out = self.__forward(x, train_flg)

        return out.reshape(*self.input_shape)

    def __forward(self, x, train_flg):
        if self.running_mean is None:
            N, D = x.shape
            self.running_mean = np.zeros(D)
            self.running_var = np.zeros(D)

        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)
            std = np.sqrt(var + 10e-7)
            xn = xc / std

            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = self.momentum * self.running_mean + (1-self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1-self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / ((np.sqrt(self.running_var + 10e-7)))

        out = self.gamma * xn + self.beta
        return out

    def backward(self, dout):
        if dout.ndim != 2:
            N, C, H, W = dout.shape
            dout = dout.reshape(N, -1)

        dx = self.__backward(dout)

        dx = dx.reshape(*self.input_shape)
        return dx

    def __backward(self, dout):
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size

        self.dgamma = dgamma
        self.dbeta = dbeta

        return dx


np.random.seed(2)
x = np.random.randn(5, 3) * 2.0 + 1.0
bn = BatchNormalization(gamma=np.ones(3), beta=np.zeros(3))
out = bn.forward(x)
print(np.round(out, 6))
print(np.round(out.mean(axis=0), 10), np.round(out.std(axis=0), 6))
print(bn.running_mean, bn.running_var)
dout = np.random.randn(5, 3)
dx = bn.backward(dout)
print(np.round(dx, 6))
print(np.round(bn.dgamma, 6), np.round(bn.dbeta, 6))


# Numerical check of BatchNormalization's backward: d(sum(out * dout)) / dx.
def loss_of(xv):
    b = BatchNormalization(gamma=np.ones(3), beta=np.zeros(3))
    return np.sum(b.forward(xv) * dout)


h = 1e-4
num = np.zeros_like(x)
it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
while not it.finished:
    i = it.multi_index
    tmp = x[i]
    x[i] = tmp + h
    f1 = loss_of(x)
    x[i] = tmp - h
    f2 = loss_of(x)
    x[i] = tmp
    num[i] = (f1 - f2) / (2 * h)
    it.iternext()
print("bn grad diff < 1e-6:", np.average(np.abs(num - dx)) < 1e-6)
print(np.round(bn.forward(x, train_flg=False), 6))

# 4-D input goes through reshape(N, -1) and back.
x4 = np.random.randn(2, 2, 1, 3)
bn4 = BatchNormalization(gamma=np.ones(6), beta=np.zeros(6))
print(bn4.forward(x4).shape, bn4.backward(np.ones_like(x4)).shape)

# Weight decay as MultiLayerNet adds it: 0.5 * lambda * sum(W**2) to the loss, lambda * W to the gradient.
weight_decay_lambda = 0.1
params = {'W1': np.array([[0.5, -1.0], [2.0, 0.0]]), 'W2': np.array([[1.0], [-3.0]])}
weight_decay = 0
for idx in range(1, 3):
    W = params['W' + str(idx)]
    weight_decay += 0.5 * weight_decay_lambda * np.sum(W ** 2)
print("%.4f" % weight_decay)
dW1 = np.array([[0.1, 0.1], [0.1, 0.1]]) + weight_decay_lambda * params['W1']
print(dW1)
