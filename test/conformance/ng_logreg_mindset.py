# deeplearning.ai "Deep Learning Specialization" (Andrew Ng, Coursera), course 1 week 2, programming
# assignment "Logistic Regression with a Neural Network mindset", on small generated "cat" pictures
# (random uint8 arrays of shape (m, 8, 8, 3), the cats' red channel brighter) instead of the h5 files:
# the shapes walk (train_set_x_orig.shape[0], .reshape(X.shape[0], -1).T, / 255.), sigmoid,
# initialize_with_zeros with its asserts, propagate returning grads and np.squeeze(cost), optimize keeping a
# costs list, predict with a loop over A[0, i], model() returning a dict, the train/test accuracy line
# format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100), and the learning-rate comparison plot.
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

np.random.seed(1)


def load_dataset(m_train=60, m_test=20, num_px=8):
    """Pictures of uint8 pixels; a picture is a "cat" (1) when its red channel is brighter on average."""
    def make(m):
        y = np.random.randint(0, 2, size=(1, m))
        x = np.random.randint(0, 200, size=(m, num_px, num_px, 3))
        # Cats get a redder picture, so that there is something to learn (and some noise left to overfit).
        x[:, :, :, 0] += 55 * y[0][:, None, None]
        return x.astype(np.uint8), y

    train_x, train_y = make(m_train)
    test_x, test_y = make(m_test)
    # The h5 file's classes are a numpy array of bytes; a list of bytes keeps the .decode("utf-8") idiom.
    classes = [b"non-cat", b"cat"]
    return train_x, train_y, test_x, test_y, classes


train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_dataset()

index = 5
print("y = " + str(train_set_y[:, index]) + ", it's a '" + classes[np.squeeze(train_set_y[:, index])].decode("utf-8") + "' picture.")
print(train_set_x_orig.dtype, train_set_x_orig[index, 0, :3])

m_train = train_set_x_orig.shape[0]
m_test = test_set_x_orig.shape[0]
num_px = train_set_x_orig.shape[1]
print("Number of training examples: m_train = " + str(m_train))
print("Number of testing examples: m_test = " + str(m_test))
print("Height/Width of each image: num_px = " + str(num_px))
print("Each image is of size: (" + str(num_px) + ", " + str(num_px) + ", 3)")
print("train_set_x shape: " + str(train_set_x_orig.shape))
print("train_set_y shape: " + str(train_set_y.shape))
print("test_set_x shape: " + str(test_set_x_orig.shape))
print("test_set_y shape: " + str(test_set_y.shape))

train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T
test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T
print("train_set_x_flatten shape: " + str(train_set_x_flatten.shape))
print("test_set_x_flatten shape: " + str(test_set_x_flatten.shape))
print("sanity check after reshaping: " + str(train_set_x_flatten[0:5, 0]))

train_set_x = train_set_x_flatten / 255.
test_set_x = test_set_x_flatten / 255.
print(train_set_x.dtype, train_set_x[0:3, 0])


def sigmoid(z):
    """Sigmoid of a scalar or numpy array."""
    s = 1 / (1 + np.exp(-z))
    return s


print("sigmoid([0, 2]) = " + str(sigmoid(np.array([0, 2]))))


def initialize_with_zeros(dim):
    """A (dim, 1) column of zeros for w and the scalar 0 for b."""
    w = np.zeros((dim, 1))
    b = 0
    assert(w.shape == (dim, 1))
    assert(isinstance(b, float) or isinstance(b, int))
    return w, b


w, b = initialize_with_zeros(2)
print("w = " + str(w))
print("b = " + str(b))


def propagate(w, b, X, Y):
    """Cost (cross-entropy) and its gradients for logistic regression, all examples at once."""
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    assert(dw.shape == w.shape)
    assert(db.dtype == float)
    cost = np.squeeze(cost)
    assert(cost.shape == ())
    grads = {"dw": dw, "db": db}
    return grads, cost


w, b, X, Y = np.array([[1.], [2.]]), 2., np.array([[1., 2., -1.], [3., 4., -3.2]]), np.array([[1, 0, 1]])
grads, cost = propagate(w, b, X, Y)
print("dw = " + str(grads["dw"]))
print("db = " + str(grads["db"]))
print("cost = " + str(cost))


def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    """Gradient descent on w and b; keeps the cost every 100 iterations."""
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
        if print_cost and i % 100 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


params, grads, costs = optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False)
print("w = " + str(params["w"]))
print("b = " + str(params["b"]))
print("dw = " + str(grads["dw"]))
print("db = " + str(grads["db"]))
print("costs =", costs)


def predict(w, b, X):
    """Label 1 where the predicted probability is above 0.5, else 0."""
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    assert(Y_prediction.shape == (1, m))
    return Y_prediction


w = np.array([[0.1124579], [0.23106775]])
b = -0.3
X = np.array([[1., -1.1, -3.2], [1.2, 2., 0.1]])
print("predictions = " + str(predict(w, b, X)))


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Initialize, optimize, predict, and report the accuracies; returns everything in a dict."""
    w, b = initialize_with_zeros(X_train.shape[0])
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
    print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d


d = model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations=500, learning_rate=0.005, print_cost=True)
print(sorted(d.keys()))
print("w shape:", d["w"].shape, "b = %.6f" % d["b"])

index = 1
print("y = " + str(test_set_y[0, index]) + ", you predicted that it is a \""
      + classes[int(d["Y_prediction_test"][0, index])].decode("utf-8") + "\" picture.")

costs = np.squeeze(d["costs"])
print("costs:", costs.shape, np.round(costs, 6))
plt.plot(costs)
plt.ylabel("cost")
plt.xlabel("iterations (per hundreds)")
plt.title("Learning rate =" + str(d["learning_rate"]))
plt.close()

learning_rates = [0.01, 0.001, 0.0001]
models = {}
for i in learning_rates:
    print("learning rate is: " + str(i))
    models[str(i)] = model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations=300, learning_rate=i, print_cost=False)
    print("\n" + "-------------------------------------------------------" + "\n")

for i in learning_rates:
    plt.plot(np.squeeze(models[str(i)]["costs"]), label=str(models[str(i)]["learning_rate"]))
plt.ylabel("cost")
plt.xlabel("iterations (hundreds)")
legend = plt.legend(loc="upper center", shadow=True)
frame = legend.get_frame()
frame.set_facecolor("0.90")
print([t.get_text() for t in legend.get_texts()])
print(len(plt.gca().get_lines()), "lines")
plt.close()
