# Michael Nielsen, "Neural Networks and Deep Learning", chapter 3 "Improving the way neural networks learn"
# (the cross-entropy cost, overfitting and regularization, weight initialization), after src/network2.py
# of mnielsen/neural-networks-and-deep-learning and its Python 3 ports: QuadraticCost and CrossEntropyCost
# as classes of @staticmethod fn/delta (np.nan_to_num around the log terms), default_weight_initializer
# dividing by np.sqrt(x) against large_weight_initializer, L2 weight decay (1-eta*(lmbda/n))*w, SGD that
# returns the four monitoring lists, accuracy(convert=...), total_cost with the 0.5*(lmbda/len(data)) term,
# vectorized_result, and save/load through json.dump/json.load with w.tolist() and
# getattr(sys.modules[__name__], data["cost"]); the chapter's single-neuron learning slowdown comes first.
import json
import os
import random
import sys
import tempfile
import warnings

import numpy as np


class QuadraticCost(object):

    @staticmethod
    def fn(a, y):
        return 0.5 * np.linalg.norm(a - y) ** 2

    @staticmethod
    def delta(z, a, y):
        return (a - y) * sigmoid_prime(z)


class CrossEntropyCost(object):

    @staticmethod
    def fn(a, y):
        # nan_to_num turns 0*log(0) at a saturated output into 0
        return np.sum(np.nan_to_num(-y * np.log(a) - (1 - y) * np.log(1 - a)))

    @staticmethod
    def delta(z, a, y):
        return (a - y)


class Network(object):

    def __init__(self, sizes, cost=CrossEntropyCost):
        self.num_layers = len(sizes)
        self.sizes = sizes
        self.default_weight_initializer()
        self.cost = cost

    def default_weight_initializer(self):
        self.biases = [np.random.randn(y, 1) for y in self.sizes[1:]]
        self.weights = [np.random.randn(y, x) / np.sqrt(x)
                        for x, y in zip(self.sizes[:-1], self.sizes[1:])]

    def large_weight_initializer(self):
        self.biases = [np.random.randn(y, 1) for y in self.sizes[1:]]
        self.weights = [np.random.randn(y, x)
                        for x, y in zip(self.sizes[:-1], self.sizes[1:])]

    def feedforward(self, a):
        for b, w in zip(self.biases, self.weights):
            a = sigmoid(np.dot(w, a) + b)
        return a

    def SGD(self, training_data, epochs, mini_batch_size, eta,
            lmbda=0.0,
            evaluation_data=None,
            monitor_evaluation_cost=False,
            monitor_evaluation_accuracy=False,
            monitor_training_cost=False,
            monitor_training_accuracy=False):
        training_data = list(training_data)
        n = len(training_data)
        if evaluation_data:
            evaluation_data = list(evaluation_data)
            n_data = len(evaluation_data)
        evaluation_cost, evaluation_accuracy = [], []
        training_cost, training_accuracy = [], []
        for j in range(epochs):
            random.shuffle(training_data)
            mini_batches = [
                training_data[k:k + mini_batch_size]
                for k in range(0, n, mini_batch_size)]
            for mini_batch in mini_batches:
                self.update_mini_batch(
                    mini_batch, eta, lmbda, len(training_data))
            print("Epoch %s training complete" % j)
            if monitor_training_cost:
                cost = self.total_cost(training_data, lmbda)
                training_cost.append(cost)
                print("Cost on training data: {}".format(cost))
            if monitor_training_accuracy:
                accuracy = self.accuracy(training_data, convert=True)
                training_accuracy.append(accuracy)
                print("Accuracy on training data: {} / {}".format(accuracy, n))
            if monitor_evaluation_cost:
                cost = self.total_cost(evaluation_data, lmbda, convert=True)
                evaluation_cost.append(cost)
                print("Cost on evaluation data: {}".format(cost))
            if monitor_evaluation_accuracy:
                accuracy = self.accuracy(evaluation_data)
                evaluation_accuracy.append(accuracy)
                print("Accuracy on evaluation data: {} / {}".format(
                    self.accuracy(evaluation_data), n_data))
            print()
        return evaluation_cost, evaluation_accuracy, \
            training_cost, training_accuracy

    def update_mini_batch(self, mini_batch, eta, lmbda, n):
        nabla_b = [np.zeros(b.shape) for b in self.biases]
        nabla_w = [np.zeros(w.shape) for w in self.weights]
        for x, y in mini_batch:
            delta_nabla_b, delta_nabla_w = self.backprop(x, y)
            nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
            nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
        # weight decay shrinks every weight before the gradient step
        self.weights = [(1 - eta * (lmbda / n)) * w - (eta / len(mini_batch)) * nw
                        for w, nw in zip(self.weights, nabla_w)]
        self.biases = [b - (eta / len(mini_batch)) * nb
                       for b, nb in zip(self.biases, nabla_b)]

    def backprop(self, x, y):
        nabla_b = [np.zeros(b.shape) for b in self.biases]
        nabla_w = [np.zeros(w.shape) for w in self.weights]
        activation = x
        activations = [x]
        zs = []
        for b, w in zip(self.biases, self.weights):
            z = np.dot(w, activation) + b
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        delta = (self.cost).delta(zs[-1], activations[-1], y)
        nabla_b[-1] = delta
        nabla_w[-1] = np.dot(delta, activations[-2].transpose())
        for l in range(2, self.num_layers):
            z = zs[-l]
            sp = sigmoid_prime(z)
            delta = np.dot(self.weights[-l + 1].transpose(), delta) * sp
            nabla_b[-l] = delta
            nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())
        return (nabla_b, nabla_w)

    def accuracy(self, data, convert=False):
        if convert:
            results = [(np.argmax(self.feedforward(x)), np.argmax(y))
                       for (x, y) in data]
        else:
            results = [(np.argmax(self.feedforward(x)), y)
                       for (x, y) in data]
        return sum(int(x == y) for (x, y) in results)

    def total_cost(self, data, lmbda, convert=False):
        cost = 0.0
        for x, y in data:
            a = self.feedforward(x)
            if convert:
                y = vectorized_result(y)
            cost += self.cost.fn(a, y) / len(data)
        cost += 0.5 * (lmbda / len(data)) * sum(
            np.linalg.norm(w) ** 2 for w in self.weights)
        return cost

    def save(self, filename):
        data = {"sizes": self.sizes,
                "weights": [w.tolist() for w in self.weights],
                "biases": [np.array(b).tolist() for b in self.biases],
                "cost": str(self.cost.__name__)}
        f = open(filename, "w")
        json.dump(data, f)
        f.close()


def load(filename):
    f = open(filename, "r")
    data = json.load(f)
    f.close()
    cost = getattr(sys.modules[__name__], data["cost"])
    net = Network(data["sizes"], cost=cost)
    net.weights = [np.array(w) for w in data["weights"]]
    net.biases = [np.array(b) for b in data["biases"]]
    return net


def vectorized_result(j):
    e = np.zeros((4, 1))
    e[j] = 1.0
    return e


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


# ---- the learning slowdown: one neuron, input 1, target 0, starting saturated ----
for cost in (QuadraticCost, CrossEntropyCost):
    w, b, eta = 2.0, 2.0, 0.15
    x, y = np.array([[1.0]]), np.array([[0.0]])
    print(cost.__name__)
    for epoch in range(300):
        z = w * x + b
        a = sigmoid(z)
        d = cost.delta(z, a, y)
        w -= eta * float(d * x)
        b -= eta * float(d)
        if epoch % 50 == 0:
            print("  epoch %3d  output %.5f  cost %.6f" % (epoch, a[0, 0], cost.fn(a, y)))

a_sat = np.array([[1.0], [0.0], [0.25]])
y_sat = np.array([[1.0], [0.0], [0.0]])
# the runner shows stderr after stdout: the warnings a saturated output raises are recorded and printed
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    saturated = CrossEntropyCost.fn(a_sat, y_sat)
print("saturated cross-entropy:", saturated)
for w in caught:
    print(w.category.__name__, w.message)
print(np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.5])))

# ---- small generated data: four 4x4 patterns plus noise ----
PATTERNS = np.array([
    [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0],
    [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0],
], dtype=float)


def load_data(n):
    labels = np.random.randint(0, 4, size=n)
    images = PATTERNS[labels] * 0.5 + np.random.rand(n, 16) * 0.9
    return images, labels


np.random.seed(2)
random.seed(2)
tr_d, va_d = load_data(150), load_data(50)
training_data = list(zip([np.reshape(x, (16, 1)) for x in tr_d[0]],
                         [vectorized_result(y) for y in tr_d[1]]))
validation_data = list(zip([np.reshape(x, (16, 1)) for x in va_d[0]], va_d[1]))
print(len(training_data), len(validation_data), validation_data[0][1])

net = Network([16, 12, 4], cost=CrossEntropyCost)
print([w.shape for w in net.weights], "std of first layer: %.4f" % np.std(net.weights[0]))
large = Network([16, 12, 4])
large.large_weight_initializer()
print("std with large init: %.4f" % np.std(large.weights[0]))
z_default = np.dot(net.weights[0], training_data[0][0]) + net.biases[0]
z_large = np.dot(large.weights[0], training_data[0][0]) + large.biases[0]
print("saturated hidden units:", int(np.sum(np.abs(z_default) > 4)), int(np.sum(np.abs(z_large) > 4)))

evaluation_cost, evaluation_accuracy, training_cost, training_accuracy = net.SGD(
    training_data, 6, 10, 0.5, lmbda=5.0,
    evaluation_data=validation_data,
    monitor_evaluation_cost=True,
    monitor_evaluation_accuracy=True,
    monitor_training_cost=True,
    monitor_training_accuracy=True)
print(len(evaluation_cost), evaluation_accuracy, training_accuracy)
print(["%.4f" % c for c in training_cost])
print(np.round(np.array(evaluation_cost), 6))
print("best epoch:", int(np.argmax(evaluation_accuracy)))

quad = Network([16, 12, 4], cost=QuadraticCost)
quad.large_weight_initializer()
results = quad.SGD(training_data, 3, 10, 0.5,
                   evaluation_data=validation_data,
                   monitor_evaluation_accuracy=True)
print([len(r) for r in results])
print("quadratic total cost: %.6f" % quad.total_cost(training_data, 0.0))
print("weight norms:", ["%.4f" % np.linalg.norm(w) for w in quad.weights])

with tempfile.TemporaryDirectory() as tmpdir:
    filename = os.path.join(tmpdir, "net.json")
    net.save(filename)
    with open(filename) as f:
        raw = json.load(f)
    print(sorted(raw.keys()), raw["cost"], raw["sizes"])
    print(type(raw["weights"][0]).__name__, len(raw["weights"][0]), len(raw["weights"][0][0]))
    net_loaded = load(filename)
    print(net_loaded.cost.__name__, net_loaded.cost is CrossEntropyCost)
    print(all(np.array_equal(w1, w2) for w1, w2 in zip(net.weights, net_loaded.weights)))
    print(net_loaded.biases[1].shape, net_loaded.biases[1].dtype)
    print(net_loaded.accuracy(validation_data), net.accuracy(validation_data))
    print(os.listdir(tmpdir))
