# Michael Nielsen, "Neural Networks and Deep Learning" (neuralnetworksanddeeplearning.com), chapter 1
# "Using neural nets to recognize handwritten digits" and chapter 2 "How the backpropagation algorithm
# works", after src/network.py and mnist_loader.py of mnielsen/neural-networks-and-deep-learning (and the
# Python 3 ports learners use): a `Network(object)` built from `sizes` with biases and weights drawn by
# np.random.randn in list comprehensions over zip(sizes[:-1], sizes[1:]), feedforward, SGD that calls
# random.shuffle(training_data) and slices mini-batches, update_mini_batch summing nabla_b/nabla_w lists,
# backprop keeping `activations` and `zs` and walking `for l in range(2, self.num_layers)` with negative
# indices, evaluate by np.argmax, "Epoch {0}: {1} / {2}" prints; the data are small generated 4x4 "images"
# kept as lists of (x, y) column-vector tuples (np.reshape(x, (16, 1)), vectorized_result for training).
import random

import numpy as np


class Network(object):

    def __init__(self, sizes):
        self.num_layers = len(sizes)
        self.sizes = sizes
        self.biases = [np.random.randn(y, 1) for y in sizes[1:]]
        self.weights = [np.random.randn(y, x)
                        for x, y in zip(sizes[:-1], sizes[1:])]

    def feedforward(self, a):
        for b, w in zip(self.biases, self.weights):
            a = sigmoid(np.dot(w, a) + b)
        return a

    def SGD(self, training_data, epochs, mini_batch_size, eta,
            test_data=None):
        training_data = list(training_data)
        n = len(training_data)
        if test_data:
            test_data = list(test_data)
            n_test = len(test_data)
        for j in range(epochs):
            random.shuffle(training_data)
            mini_batches = [
                training_data[k:k + mini_batch_size]
                for k in range(0, n, mini_batch_size)]
            for mini_batch in mini_batches:
                self.update_mini_batch(mini_batch, eta)
            if test_data:
                print("Epoch {0}: {1} / {2}".format(
                    j, self.evaluate(test_data), n_test))
            else:
                print("Epoch {0} complete".format(j))

    def update_mini_batch(self, mini_batch, eta):
        nabla_b = [np.zeros(b.shape) for b in self.biases]
        nabla_w = [np.zeros(w.shape) for w in self.weights]
        for x, y in mini_batch:
            delta_nabla_b, delta_nabla_w = self.backprop(x, y)
            nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
            nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
        self.weights = [w - (eta / len(mini_batch)) * nw
                        for w, nw in zip(self.weights, nabla_w)]
        self.biases = [b - (eta / len(mini_batch)) * nb
                       for b, nb in zip(self.biases, nabla_b)]

    def backprop(self, x, y):
        nabla_b = [np.zeros(b.shape) for b in self.biases]
        nabla_w = [np.zeros(w.shape) for w in self.weights]
        # forward pass, remembering every weighted input and activation
        activation = x
        activations = [x]
        zs = []
        for b, w in zip(self.biases, self.weights):
            z = np.dot(w, activation) + b
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        # backward pass: the output error, then l = 2 is the second-last layer
        delta = self.cost_derivative(activations[-1], y) * \
            sigmoid_prime(zs[-1])
        nabla_b[-1] = delta
        nabla_w[-1] = np.dot(delta, activations[-2].transpose())
        for l in range(2, self.num_layers):
            z = zs[-l]
            sp = sigmoid_prime(z)
            delta = np.dot(self.weights[-l + 1].transpose(), delta) * sp
            nabla_b[-l] = delta
            nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())
        return (nabla_b, nabla_w)

    def evaluate(self, test_data):
        test_results = [(np.argmax(self.feedforward(x)), y)
                        for (x, y) in test_data]
        return sum(int(x == y) for (x, y) in test_results)

    def cost_derivative(self, output_activations, y):
        return (output_activations - y)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


# ---- a tiny stand-in for mnist_loader: four 4x4 patterns plus noise ----
PATTERNS = np.array([
    [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],   # top bar
    [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0],   # left bar
    [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],   # diagonal
    [0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0],   # centre block
], dtype=float)


def vectorized_result(j):
    e = np.zeros((4, 1))
    e[j] = 1.0
    return e


def load_data(n):
    labels = np.random.randint(0, 4, size=n)
    images = PATTERNS[labels] * 0.5 + np.random.rand(n, 16) * 0.9
    return images, labels


def load_data_wrapper():
    tr_d = load_data(200)
    te_d = load_data(40)
    training_inputs = [np.reshape(x, (16, 1)) for x in tr_d[0]]
    training_results = [vectorized_result(y) for y in tr_d[1]]
    training_data = zip(training_inputs, training_results)
    test_inputs = [np.reshape(x, (16, 1)) for x in te_d[0]]
    test_data = zip(test_inputs, te_d[1])
    return (training_data, test_data)


np.random.seed(12345678)
random.seed(12345678)

training_data, test_data = load_data_wrapper()
training_data = list(training_data)
test_data = list(test_data)
print(len(training_data), len(test_data))
x0, y0 = training_data[0]
print(x0.shape, y0.shape, x0.dtype, type(test_data[0][1]).__name__)
print(y0.T, np.argmax(y0))
print(np.round(x0.reshape(4, 4), 3))

net = Network([16, 10, 4])
print("num_layers:", net.num_layers, "sizes:", net.sizes)
print([b.shape for b in net.biases])
print([w.shape for w in net.weights])
print(net.weights[1])
print(net.biases[1])

out = net.feedforward(x0)
print("feedforward:", out.shape)
print(out)
print("sigmoid(0) =", sigmoid(0), "sigmoid_prime(0) =", sigmoid_prime(0))
print(sigmoid(np.array([-2.0, 0.0, 2.0])))

nabla_b, nabla_w = net.backprop(x0, y0)
print("nabla shapes:", [nb.shape for nb in nabla_b], [nw.shape for nw in nabla_w])
print(nabla_b[-1])
print(nabla_w[-1][:, :3])
print("norms: %.6f %.6f" % (np.linalg.norm(nabla_w[0]), np.linalg.norm(nabla_b[0])))

# the gradient from backprop against a finite difference on one weight
def quadratic_cost(net, x, y):
    return 0.5 * np.linalg.norm(net.feedforward(x) - y) ** 2

eps = 1e-6
net.weights[0][3, 5] += eps
c_plus = quadratic_cost(net, x0, y0)
net.weights[0][3, 5] -= 2 * eps
c_minus = quadratic_cost(net, x0, y0)
net.weights[0][3, 5] += eps
numeric = (c_plus - c_minus) / (2 * eps)
print("backprop %.8f numeric %.8f" % (nabla_w[0][3, 5], numeric))

print("before training: {0} / {1}".format(net.evaluate(test_data), len(test_data)))
net.SGD(training_data, 10, 10, 1.5, test_data=test_data)
print("after:", net.evaluate(test_data), "of", len(test_data))

# accuracy on the training set, where labels are one-hot columns
train_hits = sum(int(np.argmax(net.feedforward(x)) == np.argmax(y)) for (x, y) in training_data)
print("training accuracy: {0} / {1}".format(train_hits, len(training_data)))
for x, y in test_data[:6]:
    a = net.feedforward(x)
    print(y, np.argmax(a), np.round(a.ravel(), 4))

net2 = Network([16, 4])
net2.SGD(training_data[:60], 2, 6, 1.0)
print(net2.evaluate(test_data))
print(np.round(net2.weights[0][0], 5))
