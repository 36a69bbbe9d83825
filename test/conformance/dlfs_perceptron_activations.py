# "Deep Learning from Scratch" (Saito Koki, O'Reilly Japan; Korean edition 밑바닥부터 시작하는 딥러닝),
# ch02 perceptron (and_gate.py, nand_gate.py, or_gate.py, xor_gate.py) and ch03 neural network
# (step_function.py, sigmoid.py, relu.py, sig_step_compare.py, neuralnet_mnist.py and its batch version):
# gates as `np.sum(w*x) + b` with np.array weights, step_function by `np.array(x > 0, dtype=...)`
# (np.int removed in numpy 1.24), sigmoid/relu plotted with plt.plot and plt.ylim, a 3-layer network
# from an init_network() dict, identity_function, softmax with the np.max overflow fix, and batch
# prediction with np.argmax(y_batch, axis=1) counting accuracy. Synthetic data stands in for MNIST.
import warnings

import numpy as np
import matplotlib.pyplot as plt


def AND(x1, x2):
    x = np.array([x1, x2])
    w = np.array([0.5, 0.5])
    b = -0.7
    tmp = np.sum(w*x) + b
    if tmp <= 0:
        return 0
    else:
        return 1


def NAND(x1, x2):
    x = np.array([x1, x2])
    w = np.array([-0.5, -0.5])
    b = 0.7
    tmp = np.sum(w*x) + b
    if tmp <= 0:
        return 0
    else:
        return 1


def OR(x1, x2):
    x = np.array([x1, x2])
    w = np.array([0.5, 0.5])
    b = -0.2
    tmp = np.sum(w*x) + b
    if tmp <= 0:
        return 0
    else:
        return 1


def XOR(x1, x2):
    s1 = NAND(x1, x2)
    s2 = OR(x1, x2)
    y = AND(s1, s2)
    return y


for name, gate in [('AND', AND), ('NAND', NAND), ('OR', OR), ('XOR', XOR)]:
    for xs in [(0, 0), (1, 0), (0, 1), (1, 1)]:
        y = gate(xs[0], xs[1])
        print(name, str(xs) + " -> " + str(y))

# The weighted sum itself, as the book shows it at the prompt.
x = np.array([0, 1])
w = np.array([0.5, 0.5])
b = -0.7
print(w*x)
print(np.sum(w*x))
print(np.sum(w*x) + b)

# ch3: the step function. The book writes dtype=np.int, which numpy 1.24 removed.
try:
    np.array(np.array([-1.0, 1.0]) > 0, dtype=np.int)
except AttributeError as e:
    print('AttributeError:', e)


def step_function(x):
    return np.array(x > 0, dtype=int)


x = np.array([-1.0, 1.0, 2.0])
print(x)
y = x > 0
print(y)
y = y.astype(int)
print(y)
print(step_function(x), step_function(x).dtype)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def identity_function(x):
    return x


print(sigmoid(x))
print(relu(np.array([-2.0, -0.5, 0.0, 0.5, 2.0])))

t = np.array([1.0, 2.0, 3.0])
print(1.0 + t)
print(1.0 / t)

x = np.arange(-5.0, 5.0, 0.1)
print(x.shape, x[:3], x[-3:])
y1 = step_function(x)
y2 = sigmoid(x)
print(y1[45:56])
print(np.round(y2[45:56], 6))
lines = plt.plot(x, y1, linestyle='--')
lines += plt.plot(x, y2)
print(len(lines), lines[0].get_linestyle(), lines[1].get_linestyle())
print(plt.ylim(-0.1, 1.1))
plt.show()

y3 = relu(x)
plt.plot(x, y3)
print(plt.ylim(-1.0, 5.5))
plt.show()

# Multidimensional arrays and the dot product of ch3.3.
A = np.array([1, 2, 3, 4])
print(A, np.ndim(A), A.shape, A.shape[0])
B = np.array([[1, 2], [3, 4], [5, 6]])
print(B)
print(np.ndim(B), B.shape)
A = np.array([[1, 2], [3, 4]])
Bm = np.array([[5, 6], [7, 8]])
print(np.dot(A, Bm))
A = np.array([[1, 2, 3], [4, 5, 6]])
try:
    np.dot(A, np.array([[1, 2], [3, 4]]))
except ValueError as e:
    print('ValueError:', e)
X = np.array([1, 2])
W = np.array([[1, 3, 5], [2, 4, 6]])
print(W.shape, np.dot(X, W))


def init_network():
    network = {}
    network['W1'] = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    network['b1'] = np.array([0.1, 0.2, 0.3])
    network['W2'] = np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]])
    network['b2'] = np.array([0.1, 0.2])
    network['W3'] = np.array([[0.1, 0.3], [0.2, 0.4]])
    network['b3'] = np.array([0.1, 0.2])
    return network


def forward(network, x):
    W1, W2, W3 = network['W1'], network['W2'], network['W3']
    b1, b2, b3 = network['b1'], network['b2'], network['b3']
    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3
    y = identity_function(a3)
    return y


network = init_network()
x = np.array([1.0, 0.5])
y = forward(network, x)
print(y)


def softmax_naive(a):
    exp_a = np.exp(a)
    sum_exp_a = np.sum(exp_a)
    y = exp_a / sum_exp_a
    return y


a = np.array([0.3, 2.9, 4.0])
exp_a = np.exp(a)
print(exp_a)
sum_exp_a = np.sum(exp_a)
print(sum_exp_a)
print(exp_a / sum_exp_a)

# The overflow the book warns about, and the np.max fix.
# The RuntimeWarnings are caught and printed without the file's absolute path.
a = np.array([1010, 1000, 990])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(np.exp(a) / np.sum(np.exp(a)))
for w in caught:
    print(w.category.__name__ + ':', w.message)
c = np.max(a)
print(a - c)
print(np.exp(a - c) / np.sum(np.exp(a - c)))


def softmax(a):
    c = np.max(a)
    exp_a = np.exp(a - c)
    sum_exp_a = np.sum(exp_a)
    y = exp_a / sum_exp_a
    return y


a = np.array([0.3, 2.9, 4.0])
y = softmax(a)
print(y)
print(np.sum(y))


# Synthetic stand-in for MNIST: 10 class prototypes in 784 pixels plus noise, normalised to [0, 1].
def get_data():
    np.random.seed(0)
    protos = np.random.rand(10, 784)
    t = np.random.randint(0, 10, size=100)
    x = protos[t] + 0.3 * np.random.randn(100, 784)
    x = np.clip(x, 0.0, 1.0)
    return x, t


def init_trained_network():
    # The book loads sample_weight.pkl; here the weights come from the prototypes so they classify well.
    np.random.seed(0)
    protos = np.random.rand(10, 784)
    network = {}
    network['W1'] = np.random.randn(784, 50) * 0.01
    network['b1'] = np.zeros(50)
    network['W2'] = np.random.randn(50, 100) * 0.1
    network['b2'] = np.zeros(100)
    network['W3'] = (protos - protos.mean(axis=1, keepdims=True)).T
    network['b3'] = np.zeros(10)
    return network


def predict(network, x):
    W1, W2, W3 = network['W1'], network['W2'], network['W3']
    b1, b2, b3 = network['b1'], network['b2'], network['b3']
    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3[:100]) + b3
    y = softmax(a3)
    return y


def predict_direct(network, x):
    # A one-layer readout over the raw pixels, so that accuracy is high and meaningful.
    a = np.dot(x, network['W3']) + network['b3']
    return softmax(a)


x, t = get_data()
network = init_trained_network()
print(x.shape, t.shape, x.dtype, t[:10])
print(network['W1'].shape, network['W2'].shape, network['W3'].shape)

accuracy_cnt = 0
for i in range(len(x)):
    y = predict_direct(network, x[i])
    p = np.argmax(y)
    if p == t[i]:
        accuracy_cnt += 1
print("Accuracy:" + str(float(accuracy_cnt) / len(x)))

y = predict(network, x[0])
print(y.shape, np.round(y, 5), np.argmax(y))

batch_size = 10
accuracy_cnt = 0
for i in range(0, len(x), batch_size):
    x_batch = x[i:i+batch_size]
    y_batch = np.dot(x_batch, network['W3']) + network['b3']
    p = np.argmax(y_batch, axis=1)
    accuracy_cnt += np.sum(p == t[i:i+batch_size])
print("Accuracy:" + str(float(accuracy_cnt) / len(x)))

print(list(range(0, 10)))
print(list(range(0, 10, 3)))
x = np.array([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6], [0.2, 0.5, 0.3], [0.8, 0.1, 0.1]])
y = np.argmax(x, axis=1)
print(y)
y = np.array([1, 2, 1, 0])
t = np.array([1, 2, 0, 0])
print(y == t)
print(np.sum(y == t))

# ch1 img_show.py reads an image with matplotlib.image.imread and shows it; here the image is a figure saved
# as PNG first (a 2x1.5 inch figure at 50 dpi: 100x75 RGBA pixels).
import os
import tempfile
from matplotlib.image import imread

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'sin.png')
    fig = plt.figure(figsize=(2, 1.5), dpi=50)
    x = np.arange(0, 6, 0.1)
    plt.plot(x, np.sin(x), label="sin")
    plt.plot(x, np.cos(x), linestyle="--", label="cos")
    plt.title('sin & cos')
    plt.legend()
    plt.savefig(path)
    plt.close(fig)
    img = imread(path)
print(img.shape, img.dtype, float(img.min()) >= 0.0, float(img.max()) <= 1.0, img[0, 0])
plt.imshow(img)
plt.show()
