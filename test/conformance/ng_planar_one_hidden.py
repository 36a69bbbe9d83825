# deeplearning.ai "Deep Learning Specialization" (Andrew Ng, Coursera), course 1 week 3, programming
# assignment "Planar data classification with one hidden layer" (the sklearn LogisticRegressionCV baseline
# left out): planar_utils' flower generator (np.random.seed(1), rows filled through X[ix] with ix a range,
# np.linspace / np.sin / np.cos and np.random.randn noise, np.c_), layer_sizes, initialize_parameters with
# np.random.randn(n_h, n_x) * 0.01, forward_propagation with np.tanh and a sigmoid, compute_cost with
# np.multiply / np.log and float(np.squeeze(cost)), backward_propagation with (1 - np.power(A1, 2)),
# update_parameters, nn_model printing "Cost after iteration %i: %f", predict with (A2 > 0.5), the accuracy
# expression with np.dot(Y, predictions.T) over a uint8 Y and a boolean prediction, plot_decision_boundary
# (np.meshgrid, np.c_[xx.ravel(), yy.ravel()], plt.contourf with plt.cm.Spectral, plt.scatter with c=Y),
# and the loop over hidden layer sizes with plt.subplot(5, 2, i + 1).
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np


def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s


def load_planar_dataset():
    np.random.seed(1)
    m = 400  # number of examples
    N = int(m / 2)  # points per class
    D = 2
    X = np.zeros((m, D))
    Y = np.zeros((m, 1), dtype="uint8")  # 0 for red, 1 for blue
    a = 4  # longest petal
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2  # angle
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2  # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    X = X.T
    Y = Y.T
    return X, Y


def plot_decision_boundary(model, X, y):
    # The notebook steps by 0.01; 0.25 keeps the grid small while drawing the same regions.
    x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1
    y_min, y_max = X[1, :].min() - 1, X[1, :].max() + 1
    h = 0.25
    xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))
    Z = model(np.c_[xx.ravel(), yy.ravel()])
    Z = Z.reshape(xx.shape)
    plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral)
    plt.ylabel("x2")
    plt.xlabel("x1")
    plt.scatter(X[0, :], X[1, :], c=y, cmap=plt.cm.Spectral)
    return xx.shape, int(Z.sum())


X, Y = load_planar_dataset()
print(X.dtype, Y.dtype, X[:, :3], Y[0, 195:205])
plt.scatter(X[0, :], X[1, :], c=Y, s=40, cmap=plt.cm.Spectral)
plt.close()

shape_X = X.shape
shape_Y = Y.shape
m = shape_X[1]
print("The shape of X is: " + str(shape_X))
print("The shape of Y is: " + str(shape_Y))
print("I have m = %d training examples!" % (m))


def layer_sizes(X, Y):
    """Sizes of the input, hidden and output layers."""
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    return (n_x, n_h, n_y)


(n_x, n_h, n_y) = layer_sizes(X, Y)
print("The size of the input layer is: n_x = " + str(n_x))
print("The size of the hidden layer is: n_h = " + str(n_h))
print("The size of the output layer is: n_y = " + str(n_y))


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights (so tanh starts in its linear part) and zero biases."""
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    assert (W1.shape == (n_h, n_x))
    assert (b1.shape == (n_h, 1))
    assert (W2.shape == (n_y, n_h))
    assert (b2.shape == (n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


parameters = initialize_parameters(n_x, n_h, n_y)
print("W1 = " + str(parameters["W1"]))
print("b1 = " + str(parameters["b1"]))
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))


def forward_propagation(X, parameters):
    """tanh hidden layer, sigmoid output; the cache keeps what backprop needs."""
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    assert (A2.shape == (1, X.shape[1]))
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


A2, cache = forward_propagation(X, parameters)
print(np.mean(cache["Z1"]), np.mean(cache["A1"]), np.mean(cache["Z2"]), np.mean(cache["A2"]))


def compute_cost(A2, Y, parameters):
    """Cross-entropy cost as a Python float."""
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), (1 - Y))
    cost = -np.sum(logprobs) / m
    cost = float(np.squeeze(cost))
    assert (isinstance(cost, float))
    return cost


print("cost = %.10f" % compute_cost(A2, Y, parameters))


def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost for W1, b1, W2, b2 (tanh' = 1 - A1**2)."""
    m = X.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


grads = backward_propagation(parameters, cache, X, Y)
print("dW1 = " + str(grads["dW1"]))
print("db1 = " + str(grads["db1"]))
print("dW2 = " + str(grads["dW2"]))
print("db2 = " + str(grads["db2"]))


def update_parameters(parameters, grads, learning_rate=1.2):
    """One gradient descent step on every parameter."""
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Initialize, then loop: forward, cost, backward, update."""
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 200 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters


def predict(parameters, X):
    """Class 1 where the output probability is above one half."""
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 > 0.5)
    return predictions


parameters = nn_model(X, Y, n_h=4, num_iterations=600, print_cost=True)
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))

predictions = predict(parameters, X)
print(predictions.dtype, predictions.shape, "predictions mean = " + str(np.mean(predictions)))
print("Accuracy: %d" % float((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T)) / float(Y.size) * 100) + "%")
print(np.dot(Y, predictions.T), np.dot(Y, predictions.T).dtype, (1 - Y).dtype, (1 - predictions.T).dtype)

grid_shape, blue = plot_decision_boundary(lambda x: predict(parameters, x.T), X, Y)
plt.title("Decision Boundary for hidden layer size " + str(4))
print("grid", grid_shape, "blue cells", blue)
plt.close()

plt.figure(figsize=(16, 32))
hidden_layer_sizes = [1, 2, 5]
for i, n_h in enumerate(hidden_layer_sizes):
    plt.subplot(5, 2, i + 1)
    plt.title("Hidden Layer of size %d" % n_h)
    parameters = nn_model(X, Y, n_h, num_iterations=200)
    grid_shape, blue = plot_decision_boundary(lambda x: predict(parameters, x.T), X, Y)
    predictions = predict(parameters, X)
    accuracy = float((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T)) / float(Y.size) * 100)
    print("Accuracy for {} hidden units: {} %".format(n_h, accuracy))
print(len(plt.gcf().axes), "subplots")
plt.close()
