# "Deep Learning from Scratch" (Saito Koki, O'Reilly Japan; Korean edition 밑바닥부터 시작하는 딥러닝),
# ch04 neural network learning (common/functions.py, common/gradient.py, ch04/gradient_1d.py,
# gradient_2d.py, gradient_method.py, gradient_simplenet.py, two_layer_net.py, train_neuralnet.py):
# mean_squared_error, cross_entropy_error with delta=1e-7 in its one-hot and label forms
# (`y[np.arange(batch_size), t]`), numerical_diff, numerical_gradient over
# `np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])`, gradient_descent on x0**2 + x1**2 with
# its history, simpleNet, and a TwoLayerNet trained on mini-batches from `np.random.choice` with
# numerical gradients. Small synthetic blobs stand in for MNIST so that numerical gradients stay quick.
import numpy as np
import matplotlib.pyplot as plt


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def mean_squared_error(y, t):
    return 0.5 * np.sum((y-t)**2)


def cross_entropy_error_onehot(y, t):
    delta = 1e-7
    return -np.sum(t * np.log(y + delta))


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)

    # One-hot teacher labels become class indices.
    if t.size == y.size:
        t = t.argmax(axis=1)

    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
print(mean_squared_error(np.array(y), np.array(t)))
y = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
print(mean_squared_error(np.array(y), np.array(t)))

t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
print(cross_entropy_error_onehot(np.array(y), np.array(t)))
y = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
print(cross_entropy_error_onehot(np.array(y), np.array(t)))

# Batch forms: one-hot and label teachers give the same loss.
y_batch = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
                    [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0],
                    [0.7, 0.05, 0.1, 0.0, 0.05, 0.0, 0.0, 0.1, 0.0, 0.0]])
t_label = np.array([2, 2, 0])
t_onehot = np.zeros_like(y_batch)
t_onehot[np.arange(3), t_label] = 1
print(t_onehot)
print(y_batch[np.arange(3), t_label])
print(cross_entropy_error(y_batch, t_label))
print(cross_entropy_error(y_batch, t_onehot))
print(cross_entropy_error(y_batch[0], t_onehot[0]))

# Mini-batch selection from a training set.
np.random.seed(0)
x_train = np.random.rand(60, 784)
t_train = np.eye(10)[np.random.randint(0, 10, size=60)]
print(x_train.shape, t_train.shape)
train_size = x_train.shape[0]
batch_size = 10
batch_mask = np.random.choice(train_size, batch_size)
print(batch_mask)
x_batch = x_train[batch_mask]
t_batch = t_train[batch_mask]
print(x_batch.shape, t_batch.shape, t_batch.argmax(axis=1))
print(np.random.choice(60000, 10))


# Numerical differentiation: the bad version rounds away, the central difference works.
def numerical_diff_bad(f, x):
    h = 10e-50
    return (f(x + h) - f(x)) / h


print(np.float32(1e-50))


def numerical_diff(f, x):
    h = 1e-4  # 0.0001
    return (f(x+h) - f(x-h)) / (2*h)


def function_1(x):
    return 0.01*x**2 + 0.1*x


def tangent_line(f, x):
    d = numerical_diff(f, x)
    print(d)
    y = f(x) - d*x
    return lambda t: d*t + y


print(numerical_diff_bad(function_1, 5))
print(numerical_diff(function_1, 5))
print(numerical_diff(function_1, 10))

x = np.arange(0.0, 20.0, 0.1)
y = function_1(x)
plt.xlabel("x")
plt.ylabel("f(x)")
tf = tangent_line(function_1, 5)
y2 = tf(x)
plt.plot(x, y)
plt.plot(x, y2)
print(y2[:4], y2[-2:])
plt.show()


def function_2(x):
    if x.ndim == 1:
        return np.sum(x**2)
    else:
        return np.sum(x**2, axis=1)


def function_tmp1(x0):
    return x0*x0 + 4.0**2.0


def function_tmp2(x1):
    return 3.0**2.0 + x1*x1


print(numerical_diff(function_tmp1, 3.0))
print(numerical_diff(function_tmp2, 4.0))


def _numerical_gradient_no_batch(f, x):
    h = 1e-4  # 0.0001
    grad = np.zeros_like(x)

    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)  # f(x+h)

        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2*h)

        x[idx] = tmp_val
    return grad


def numerical_gradient_2d(f, X):
    if X.ndim == 1:
        return _numerical_gradient_no_batch(f, X)
    else:
        grad = np.zeros_like(X)

        for idx, x in enumerate(X):
            grad[idx] = _numerical_gradient_no_batch(f, x)

        return grad


print(numerical_gradient_2d(function_2, np.array([3.0, 4.0])))
print(numerical_gradient_2d(function_2, np.array([0.0, 2.0])))
print(numerical_gradient_2d(function_2, np.array([3.0, 0.0])))

x0 = np.arange(-2, 2.5, 1.0)
x1 = np.arange(-2, 2.5, 1.0)
X, Y = np.meshgrid(x0, x1)
X = X.flatten()
Y = Y.flatten()
grad = numerical_gradient_2d(function_2, np.array([X, Y]))
print(X.shape, grad.shape)
print(np.round(grad, 6))
plt.figure()
plt.quiver(X, Y, -grad[0], -grad[1], angles="xy", color="#666666")
plt.xlim([-2, 2])
plt.ylim([-2, 2])
plt.xlabel('x0')
plt.ylabel('x1')
plt.grid()
plt.draw()
plt.show()


def numerical_gradient(f, x):
    h = 1e-4  # 0.0001
    grad = np.zeros_like(x)

    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)  # f(x+h)

        x[idx] = tmp_val - h
        fxh2 = f(x)  # f(x-h)
        grad[idx] = (fxh1 - fxh2) / (2*h)

        x[idx] = tmp_val
        it.iternext()

    return grad


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    x_history = []

    for i in range(step_num):
        x_history.append(x.copy())

        grad = numerical_gradient(f, x)
        x -= lr * grad

    return x, np.array(x_history)


def function_2b(x):
    return x[0]**2 + x[1]**2


init_x = np.array([-3.0, 4.0])
x, x_history = gradient_descent(function_2b, init_x, lr=0.1, step_num=20)
print(x)
print(x_history.shape, x_history[:3])
print(init_x is x)

# Too large and too small learning rates.
init_x = np.array([-3.0, 4.0])
print(gradient_descent(function_2b, init_x=init_x, lr=10.0, step_num=100)[0])
init_x = np.array([-3.0, 4.0])
print(gradient_descent(function_2b, init_x=init_x, lr=1e-10, step_num=100)[0])

plt.plot([-5, 5], [0, 0], '--b')
plt.plot([0, 0], [-5, 5], '--b')
plt.plot(x_history[:, 0], x_history[:, 1], 'o')
plt.xlim(-3.5, 3.5)
plt.ylim(-4.5, 4.5)
plt.xlabel("X0")
plt.ylabel("X1")
plt.show()

# nditer itself: the order of multi_index and writing through it.
a = np.arange(6.0).reshape(2, 3)
it = np.nditer(a, flags=['multi_index'], op_flags=['readwrite'])
while not it.finished:
    print(it.multi_index, end=' ')
    it.iternext()
print()


class simpleNet:
    def __init__(self):
        self.W = np.random.randn(2, 3)

    def predict(self, x):
        return np.dot(x, self.W)

    def loss(self, x, t):
        z = self.predict(x)
        y = softmax(z)
        loss = cross_entropy_error(y, t)

        return loss


np.random.seed(0)
x = np.array([0.6, 0.9])
t = np.array([0, 0, 1])

net = simpleNet()
print(net.W)
p = net.predict(x)
print(p)
print(np.argmax(p))
print(net.loss(x, t))

f = lambda w: net.loss(x, t)
dW = numerical_gradient(f, net.W)
print(dW)


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def predict(self, x):
        W1, W2 = self.params['W1'], self.params['W2']
        b1, b2 = self.params['b1'], self.params['b2']

        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        y = softmax(a2)

        return y

    def loss(self, x, t):
        y = self.predict(x)

        return cross_entropy_error(y, t)

    def accuracy(self, x, t):
        y = self.predict(x)
        y = np.argmax(y, axis=1)
        t = np.argmax(t, axis=1)

        accuracy = np.sum(y == t) / float(x.shape[0])
        return accuracy

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)

        grads = {}
        grads['W1'] = numerical_gradient(loss_W, self.params['W1'])
        grads['b1'] = numerical_gradient(loss_W, self.params['b1'])
        grads['W2'] = numerical_gradient(loss_W, self.params['W2'])
        grads['b2'] = numerical_gradient(loss_W, self.params['b2'])

        return grads


# Three Gaussian blobs in 6 features, one-hot teachers.
np.random.seed(1)
centers = np.random.randn(3, 6) * 2.0
t_lab = np.random.randint(0, 3, size=90)
x_all = centers[t_lab] + np.random.randn(90, 6)
t_all = np.eye(3)[t_lab]
x_train, t_train = x_all[:60], t_all[:60]
x_test, t_test = x_all[60:], t_all[60:]

net = TwoLayerNet(input_size=6, hidden_size=5, output_size=3, weight_init_std=0.5)
for key in ('W1', 'b1', 'W2', 'b2'):
    print(key, net.params[key].shape)
y = net.predict(x_train[:3])
print(np.round(y, 6))

train_loss_list = []
train_acc_list = []
test_acc_list = []

iters_num = 30
train_size = x_train.shape[0]
batch_size = 20
learning_rate = 1.0
iter_per_epoch = max(train_size / batch_size, 1)
print(iter_per_epoch)

for i in range(iters_num):
    batch_mask = np.random.choice(train_size, batch_size)
    x_batch = x_train[batch_mask]
    t_batch = t_train[batch_mask]

    grad = net.numerical_gradient(x_batch, t_batch)

    for key in ('W1', 'b1', 'W2', 'b2'):
        net.params[key] -= learning_rate * grad[key]

    loss = net.loss(x_batch, t_batch)
    train_loss_list.append(loss)

    if i % iter_per_epoch == 0:
        train_acc = net.accuracy(x_train, t_train)
        test_acc = net.accuracy(x_test, t_test)
        train_acc_list.append(train_acc)
        test_acc_list.append(test_acc)
        print("train acc, test acc | " + str(train_acc) + ", " + str(test_acc))

print("loss: " + " ".join("%.6f" % v for v in train_loss_list[::5]))
print(np.round(grad['b2'], 8))

markers = {'train': 'o', 'test': 's'}
x = np.arange(len(train_acc_list))
plt.plot(x, train_acc_list, label='train acc')
plt.plot(x, test_acc_list, label='test acc', linestyle='--')
plt.xlabel("epochs")
plt.ylabel("accuracy")
plt.ylim(0, 1.0)
plt.legend(loc='lower right')
plt.show()
