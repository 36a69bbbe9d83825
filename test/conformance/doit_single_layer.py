# Park Haesun, "Do it! Deep learning for beginners, coding honestly" (rickiepark/do-it-dl, Ch03.ipynb, Ch04.ipynb,
# Ch05.ipynb): sklearn's load_diabetes and its third column as x, the hand-made gradient steps (w_rate, b_rate,
# err) and epochs over zip(x, y), the Neuron class (forpass, backprop, fit); load_breast_cancer split with
# train_test_split(x, y, stratify=y, test_size=0.2, random_state=42), LogisticNeuron with np.clip(z, -100, None)
# before np.exp, SingleLayer with a losses list, np.random.permutation(np.arange(len(x))) each epoch, the clipped
# log loss and score; then chapter 5's SingleLayer with learning_rate, l1/l2 penalties, w_history, val_losses,
# standardisation by np.mean(x_train, axis=0) / np.std(x_train, axis=0) (and the mistake of scaling the validation
# set by its own statistics), and the plots (plt.plot, plt.ylim, plt.legend). Epoch counts are cut down so that
# the file runs in seconds.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.model_selection import train_test_split

# ---- Chapter 3: linear regression, one neuron -------------------------------------------------------------
diabetes = load_diabetes()
print(diabetes.data.shape, diabetes.target.shape)
print(diabetes.data[0:3])
print(diabetes.target[:3])

plt.scatter(diabetes.data[:, 2], diabetes.target)
plt.xlabel('x')
plt.ylabel('y')
plt.close()

x = diabetes.data[:, 2]
y = diabetes.target
x_sample = x[99:109]
print(x_sample, x_sample.shape)

w = 1.0
b = 1.0
y_hat = x[0] * w + b
print(y_hat)
print(y[0])

# How much does the prediction move when w moves a little? That ratio is x itself.
w_inc = w + 0.1
y_hat_inc = w_inc * x[0] + b
print(y_hat_inc)
w_rate = (y_hat_inc - y_hat) / (w_inc - w)
print(w_rate)
w_new = w + w_rate
print(w_new)

b_inc = b + 0.1
y_hat_inc = x[0] * w + b_inc
print(y_hat_inc)
b_rate = (y_hat_inc - y_hat) / (b_inc - b)
print(b_rate)
b_new = b + 1
print(b_new)

# Scaling the step by the error moves far when the guess is far off and changes the sign when it overshoots.
err = y[0] - y_hat
w_new = w + w_rate * err
b_new = b + 1 * err
print(w_new, b_new)

y_hat = x[1] * w_new + b_new
err = y[1] - y_hat
w_rate = x[1]
w_new = w_new + w_rate * err
b_new = b_new + 1 * err
print(w_new, b_new)

for x_i, y_i in zip(x, y):
    y_hat = x_i * w + b
    err = y_i - y_hat
    w_rate = x_i
    w = w + w_rate * err
    b = b + 1 * err
print(w, b)

for i in range(1, 20):
    for x_i, y_i in zip(x, y):
        y_hat = x_i * w + b
        err = y_i - y_hat
        w_rate = x_i
        w = w + w_rate * err
        b = b + 1 * err
print(w, b)

plt.scatter(x, y)
pt1 = (-0.1, -0.1 * w + b)
pt2 = (0.15, 0.15 * w + b)
plt.plot([pt1[0], pt2[0]], [pt1[1], pt2[1]])
print('line through', pt1, pt2)
plt.close()

x_new = 0.18
y_pred = x_new * w + b
print(y_pred)


class Neuron:

    def __init__(self):
        self.w = 1.0
        self.b = 1.0

    def forpass(self, x):
        y_hat = x * self.w + self.b
        return y_hat

    def backprop(self, x, err):
        w_grad = x * err
        b_grad = 1 * err
        return w_grad, b_grad

    def fit(self, x, y, epochs=100):
        for i in range(epochs):
            for x_i, y_i in zip(x, y):
                y_hat = self.forpass(x_i)
                # The gradient of the squared error carries the minus sign, so the update subtracts it.
                err = -(y_i - y_hat)
                w_grad, b_grad = self.backprop(x_i, err)
                self.w -= w_grad
                self.b -= b_grad


neuron = Neuron()
neuron.fit(x, y, epochs=20)
print('Neuron:', neuron.w, neuron.b, type(neuron.w).__name__)

# ---- Chapter 4: logistic regression on the breast cancer data ---------------------------------------------
probs = np.arange(0, 1, 0.01)
odds = [p / (1 - p) for p in probs]
plt.plot(probs, odds)
plt.close()
zs = np.arange(-10., 10., 0.1)
gs = [1 / (1 + np.exp(-z)) for z in zs]
print('sigmoid at -10, 0, 9.9:', gs[0], gs[100], gs[-1])

cancer = load_breast_cancer()
print(cancer.data.shape, cancer.target.shape)
print(cancer.data[:3])
plt.boxplot(cancer.data)
plt.xlabel('feature')
plt.ylabel('value')
plt.close()
print(cancer.feature_names[[3, 13, 23]])
print(np.unique(cancer.target, return_counts=True))

x = cancer.data
y = cancer.target
x_train, x_test, y_train, y_test = train_test_split(x, y, stratify=y, test_size=0.2, random_state=42)
print(x_train.shape, x_test.shape)
print(np.unique(y_train, return_counts=True))


class LogisticNeuron:

    def __init__(self):
        self.w = None
        self.b = None

    def forpass(self, x):
        z = np.sum(x * self.w) + self.b
        return z

    def backprop(self, x, err):
        w_grad = x * err
        b_grad = 1 * err
        return w_grad, b_grad

    def activation(self, z):
        # exp(-z) overflows for z below about -709; the sigmoid is 0 there anyway.
        z = np.clip(z, -100, None)
        a = 1 / (1 + np.exp(-z))
        return a

    def fit(self, x, y, epochs=100):
        self.w = np.ones(x.shape[1])
        self.b = 0
        for i in range(epochs):
            for x_i, y_i in zip(x, y):
                z = self.forpass(x_i)
                a = self.activation(z)
                err = -(y_i - a)
                w_grad, b_grad = self.backprop(x_i, err)
                self.w -= w_grad
                self.b -= b_grad

    def predict(self, x):
        z = [self.forpass(x_i) for x_i in x]
        a = self.activation(np.array(z))
        return a > 0.5


a = np.array([1, 2, 3])
b = np.array([3, 4, 5])
print(a + b, a * b, np.sum(a * b))
print(np.zeros((2, 3)))
print(np.full((2, 3), 7))
print(np.c_[np.zeros((2, 3)), np.ones((2, 3))])

neuron = LogisticNeuron()
neuron.fit(x_train, y_train, epochs=5)
print('LogisticNeuron accuracy:', np.mean(neuron.predict(x_test) == y_test))
print('LogisticNeuron b:', neuron.b, 'w[:4]:', neuron.w[:4])


class SingleLayer:  # pyright: ignore[reportRedeclaration] (chapter 5 redefines it)

    def __init__(self):
        self.w = None
        self.b = None
        self.losses = []

    def forpass(self, x):
        z = np.sum(x * self.w) + self.b
        return z

    def backprop(self, x, err):
        w_grad = x * err
        b_grad = 1 * err
        return w_grad, b_grad

    def activation(self, z):
        z = np.clip(z, -100, None)
        a = 1 / (1 + np.exp(-z))
        return a

    def fit(self, x, y, epochs=100):
        self.w = np.ones(x.shape[1])
        self.b = 0
        for i in range(epochs):
            loss = 0
            # A new order every epoch, so that the updates do not follow one fixed path.
            indexes = np.random.permutation(np.arange(len(x)))
            for i in indexes:
                z = self.forpass(x[i])
                a = self.activation(z)
                err = -(y[i] - a)
                w_grad, b_grad = self.backprop(x[i], err)
                self.w -= w_grad
                self.b -= b_grad
                # log(0) is -inf: keep a away from 0 and 1 before taking the loss.
                a = np.clip(a, 1e-10, 1 - 1e-10)
                loss += -(y[i] * np.log(a) + (1 - y[i]) * np.log(1 - a))
            self.losses.append(loss / len(y))

    def predict(self, x):
        z = [self.forpass(x_i) for x_i in x]
        return np.array(z) > 0

    def score(self, x, y):
        return np.mean(self.predict(x) == y)


np.random.seed(42)
layer = SingleLayer()
layer.fit(x_train, y_train, epochs=5)
print('SingleLayer score:', layer.score(x_test, y_test))
print('SingleLayer losses:', layer.losses)
plt.plot(layer.losses)
plt.xlabel('epoch')
plt.ylabel('loss')
plt.close()

# ---- Chapter 5: validation set, scaling, regularisation ---------------------------------------------------
x_train_all, x_test, y_train_all, y_test = train_test_split(x, y, stratify=y, test_size=0.2, random_state=42)
x_train, x_val, y_train, y_val = train_test_split(x_train_all, y_train_all, stratify=y_train_all,
                                                  test_size=0.2, random_state=42)
print(len(x_train), len(x_val))
print(cancer.feature_names[[2, 3]])
plt.boxplot(x_train[:, 2:4])
plt.close()


class SingleLayer:

    def __init__(self, learning_rate=0.1, l1=0, l2=0):
        self.w = None
        self.b = None
        self.losses = []
        self.val_losses = []
        self.w_history = []
        self.lr = learning_rate
        self.l1 = l1
        self.l2 = l2

    def forpass(self, x):
        z = np.sum(x * self.w) + self.b
        return z

    def backprop(self, x, err):
        w_grad = x * err
        b_grad = 1 * err
        return w_grad, b_grad

    def activation(self, z):
        z = np.clip(z, -100, None)
        a = 1 / (1 + np.exp(-z))
        return a

    def fit(self, x, y, epochs=100, x_val=None, y_val=None):
        self.w = np.ones(x.shape[1])
        self.b = 0
        self.w_history.append(self.w.copy())
        np.random.seed(42)
        for i in range(epochs):
            loss = 0
            indexes = np.random.permutation(np.arange(len(x)))
            for i in indexes:
                z = self.forpass(x[i])
                a = self.activation(z)
                err = -(y[i] - a)
                w_grad, b_grad = self.backprop(x[i], err)
                # The penalties' derivatives: sign(w) for L1, w for L2.
                w_grad += self.l1 * np.sign(self.w) + self.l2 * self.w
                self.w -= self.lr * w_grad
                self.b -= self.lr * b_grad
                self.w_history.append(self.w.copy())
                a = np.clip(a, 1e-10, 1 - 1e-10)
                loss += -(y[i] * np.log(a) + (1 - y[i]) * np.log(1 - a))
            self.losses.append(loss / len(y) + self.reg_loss())
            self.update_val_loss(x_val, y_val)

    def predict(self, x):
        z = [self.forpass(x_i) for x_i in x]
        return np.array(z) >= 0

    def score(self, x, y):
        return np.mean(self.predict(x) == y)

    def reg_loss(self):
        return self.l1 * np.sum(np.abs(self.w)) + self.l2 / 2 * np.sum(self.w**2)

    def update_val_loss(self, x_val, y_val):
        if x_val is None:
            return
        val_loss = 0
        for i in range(len(x_val)):
            z = self.forpass(x_val[i])
            a = self.activation(z)
            a = np.clip(a, 1e-10, 1 - 1e-10)
            val_loss += -(y_val[i] * np.log(a) + (1 - y_val[i]) * np.log(1 - a))
        self.val_losses.append(val_loss / len(y_val) + self.reg_loss())


layer1 = SingleLayer()
layer1.fit(x_train, y_train, epochs=3)
print('unscaled score:', layer1.score(x_val, y_val), len(layer1.w_history))
w2 = []
w3 = []
for w in layer1.w_history:
    w2.append(w[2])
    w3.append(w[3])
plt.plot(w2, w3)
plt.plot(w2[-1], w3[-1], 'ro')
plt.xlabel('w[2]')
plt.ylabel('w[3]')
print('w[2], w[3] after 1, 10 and all updates:', (w2[1], w3[1]), (w2[10], w3[10]), (w2[-1], w3[-1]))
plt.close()

train_mean = np.mean(x_train, axis=0)
train_std = np.std(x_train, axis=0)
x_train_scaled = (x_train - train_mean) / train_std
print('train mean/std of the first features:', train_mean[:3], train_std[:3])

layer2 = SingleLayer()
layer2.fit(x_train_scaled, y_train, epochs=3)
print('scaled train, unscaled val:', layer2.score(x_val, y_val))
val_mean = np.mean(x_val, axis=0)
val_std = np.std(x_val, axis=0)
x_val_scaled = (x_val - val_mean) / val_std
print('val scaled by its own statistics:', layer2.score(x_val_scaled, y_val))
plt.plot(x_train[:50, 0], x_train[:50, 1], 'bo')
plt.plot(x_val[:50, 0], x_val[:50, 1], 'ro')
plt.xlabel('feature 1')
plt.ylabel('feature 2')
plt.legend(['train set', 'val. set'])
plt.close()
# The validation set must go through the training set's transformation.
x_val_scaled = (x_val - train_mean) / train_std
print('val scaled by the train statistics:', layer2.score(x_val_scaled, y_val))

layer3 = SingleLayer()
layer3.fit(x_train_scaled, y_train, x_val=x_val_scaled, y_val=y_val, epochs=6)
plt.ylim(0, 0.3)
plt.plot(layer3.losses)
plt.plot(layer3.val_losses)
plt.ylabel('loss')
plt.xlabel('epoch')
plt.legend(['train_loss', 'val_loss'])
print('ylim:', plt.gca().get_ylim())
plt.close()
for epoch, (loss, val_loss) in enumerate(zip(layer3.losses, layer3.val_losses)):
    print(f'epoch {epoch}: loss {loss:.6f} val_loss {val_loss:.6f}')

for l1 in [0.001, 0.01]:
    lyr = SingleLayer(l1=l1)
    lyr.fit(x_train_scaled, y_train, x_val=x_val_scaled, y_val=y_val, epochs=3)
    plt.plot(lyr.losses)
    plt.plot(lyr.val_losses)
    plt.title('Learning Curve (l1={})'.format(l1))
    plt.ylim(0, 0.3)
    print(plt.gca().get_title(), np.round(lyr.val_losses, 6), lyr.score(x_val_scaled, y_val))
    plt.close()
    plt.plot(lyr.w, 'bo')
    plt.title('Weight (l1={})'.format(l1))
    plt.ylim(-4, 4)
    print('weights', np.round(lyr.w[:5], 5), 'sum |w|:', round(np.sum(np.abs(lyr.w)), 6))
    plt.close()

layer6 = SingleLayer(l2=0.01)
layer6.fit(x_train_scaled, y_train, epochs=5)
print('l2=0.01:', layer6.score(x_val_scaled, y_val), np.sum(layer6.predict(x_val_scaled) == y_val))
print('reg loss:', layer6.reg_loss())
