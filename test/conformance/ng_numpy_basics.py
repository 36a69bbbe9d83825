# deeplearning.ai "Deep Learning Specialization" (Andrew Ng, Coursera), course 1 week 2, programming
# assignment "Python Basics with Numpy": basic_sigmoid with math.exp (and the TypeError it gives a list)
# against sigmoid with np.exp, sigmoid_derivative, image2vector with reshape, normalizeRows with
# np.linalg.norm(x, axis=1, keepdims=True), softmax by broadcasting, the L1 and L2 losses, and the
# vectorization section: loops against np.dot / np.outer / np.multiply / `*` (its timings left out),
# printed as the notebook prints them ("sigmoid(x) = " + str(...), "dot = " + str(dot)).
import math

import numpy as np


def basic_sigmoid(x):
    """Sigmoid of one real number, with the math module (no arrays)."""
    s = 1 / (1 + math.exp(-x))
    return s


print("basic_sigmoid(1) = " + str(basic_sigmoid(1)))
print("basic_sigmoid(-2.5) = " + str(basic_sigmoid(-2.5)))

# math.exp knows nothing of lists: this is why the course moves to numpy.
x = [1, 2, 3]
try:
    basic_sigmoid(x)
except TypeError as err:
    print("TypeError:", err)

x = np.array([1, 2, 3])
print(np.exp(x))
print(x + 3)
print(1 / x)


def sigmoid(x):
    """Sigmoid of a scalar or of a numpy array of any shape, element by element."""
    s = 1 / (1 + np.exp(-x))
    return s


print("sigmoid(x) = " + str(sigmoid(x)))
print("sigmoid(0.5) =", sigmoid(0.5), type(sigmoid(0.5)).__name__)


def sigmoid_derivative(x):
    """Slope of the sigmoid at x, written with the sigmoid itself: s * (1 - s)."""
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


print("sigmoid_derivative(x) = " + str(sigmoid_derivative(x)))
print("sigmoid_derivative(0) = " + str(sigmoid_derivative(0)))


def image2vector(image):
    """Flatten an image of shape (length, height, depth) into a column (length*height*depth, 1)."""
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    return v


np.random.seed(1)
image = np.round(np.random.rand(3, 3, 2), 8)
print("image shape:", image.shape)
print("image2vector(image) = " + str(image2vector(image)))
assert image2vector(image).shape == (18, 1)


def normalizeRows(x):
    """Divide each row of x by its L2 norm, so every row has unit length."""
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    print("x_norm =", x_norm.T, x_norm.shape)
    x = x / x_norm
    return x


x = np.array([[0, 3, 4], [1, 6, 4]])
print("normalizeRows(x) = " + str(normalizeRows(x)))
x = np.array([[0.0, 3.0, 4.0], [2.0, 6.0, 4.0], [1.0, 1.0, 1.0]])
normalized = normalizeRows(x)
print(normalized)
print("row norms:", np.linalg.norm(normalized, axis=1))
print("norm without axis:", np.linalg.norm(x), np.linalg.norm(x, axis=0))


def softmax(x):
    """Row-wise softmax of a (m, n) matrix: exponentiate, then divide by each row's sum (broadcasting)."""
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    print("x_sum shape:", x_sum.shape)
    s = x_exp / x_sum
    return s


x = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])
print("softmax(x) = " + str(softmax(x)))
print("rows sum to", np.sum(softmax(x), axis=1))


def L1(yhat, y):
    """L1 loss: the sum of absolute differences."""
    loss = np.sum(np.abs(y - yhat))
    return loss


def L2(yhat, y):
    """L2 loss: the sum of squared differences, written as a dot product."""
    loss = np.sum(np.dot(y - yhat, y - yhat))
    return loss


yhat = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
y = np.array([1, 0, 0, 1, 1])
print("L1 = " + str(L1(yhat, y)))
print("L2 = " + str(L2(yhat, y)))
print(type(L1(yhat, y)).__name__, type(L2(yhat, y)).__name__)

# Vectorization: the loops first, then numpy's one-liners, on the same lists.
x1 = [9, 2, 5, 0, 0, 7, 5, 0, 0, 0, 9, 2, 5, 0, 0]
x2 = [9, 2, 2, 9, 0, 9, 2, 5, 0, 0, 9, 2, 5, 0, 0]

dot = 0
for i in range(len(x1)):
    dot += x1[i] * x2[i]
print("dot = " + str(dot))

outer = np.zeros((len(x1), len(x2)))
for i in range(len(x1)):
    for j in range(len(x2)):
        outer[i, j] = x1[i] * x2[j]
print("outer = " + str(outer))

mul = np.zeros(len(x1))
for i in range(len(x1)):
    mul[i] = x1[i] * x2[i]
print("elementwise multiplication = " + str(mul))

np.random.seed(3)
W = np.random.rand(3, len(x1))
gdot = np.zeros(W.shape[0])
for i in range(W.shape[0]):
    for j in range(len(x1)):
        gdot[i] += W[i, j] * x1[j]
print("gdot = " + str(gdot))

dot = np.dot(x1, x2)
print("dot = " + str(dot), type(dot).__name__)
outer = np.outer(x1, x2)
print("outer = " + str(outer))
print(outer.dtype, outer.shape)
mul = np.multiply(x1, x2)
print("elementwise multiplication = " + str(mul))
dot = np.dot(W, x1)
print("gdot = " + str(dot))
print("same as the loop:", np.allclose(dot, gdot))

a = np.array(x1)
b = np.array(x2)
print("a * b =", a * b)
print("a @ b =", a @ b)
A = np.arange(6).reshape(2, 3)
B = np.arange(6).reshape(3, 2)
print("np.dot(A, B) =\n", np.dot(A, B))
print("A * A =\n", A * A)
print("np.multiply(A, 2) =\n", np.multiply(A, 2))
try:
    A * B
except ValueError as err:
    print("ValueError:", err)
try:
    np.dot(A, A)
except ValueError as err:
    print("ValueError:", err)

# Rank-1 arrays against column vectors, the course's warning.
a = np.random.randn(5)
print(a.shape, a.T.shape)
print(np.dot(a, a.T))
a = np.random.randn(5, 1)
print(a.shape, a.T.shape)
print(np.dot(a, a.T).shape)
assert a.shape == (5, 1)
