# Sebastian Raschka et al., "Python Machine Learning" 3rd ed. / "Machine Learning with PyTorch and
# Scikit-Learn", chapter 2 (rasbt/machine-learning-book ch02/ch02.ipynb): the Perceptron(object) class with
# eta/n_iter/random_state, np.random.RandomState(...).normal(loc=0.0, scale=0.01, size=...) weights, an
# errors_ list and np.where(net_input >= 0.0, 1, -1); AdalineGD with its cost_ of (errors**2).sum() / 2.0;
# standardising the two features column by column with .mean() / .std(); AdalineSGD (the newer edition's
# b_ = np.float_(0.), losses_ as means, _shuffle through rgen.permutation, partial_fit); and the book's
# plot_decision_regions (ListedColormap, np.meshgrid over np.arange, np.array([xx1.ravel(), xx2.ravel()]).T,
# plt.contourf, plt.scatter(x=..., y=..., edgecolor='black')). The book's iris CSV read from the web is
# written from sklearn's load_iris to a temporary iris.data and read back with pd.read_csv(header=None), then
# np.where(df.iloc[0:100, 4] == 'Iris-setosa', -1, 1) and df.iloc[0:100, [0, 2]].values.
import os
import tempfile

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from sklearn.datasets import load_iris


class Perceptron(object):
    """Rosenblatt's rule: one weight update per misclassified example."""

    def __init__(self, eta=0.01, n_iter=50, random_state=1):
        self.eta = eta
        self.n_iter = n_iter
        self.random_state = random_state

    def fit(self, X, y):
        rgen = np.random.RandomState(self.random_state)
        # Small random weights rather than zeros, so that eta changes the direction of w, not only its scale.
        self.w_ = rgen.normal(loc=0.0, scale=0.01, size=1 + X.shape[1])
        self.errors_ = []
        for _ in range(self.n_iter):
            errors = 0
            for xi, target in zip(X, y):
                update = self.eta * (target - self.predict(xi))
                self.w_[1:] += update * xi
                self.w_[0] += update
                errors += int(update != 0.0)
            self.errors_.append(errors)
        return self

    def net_input(self, X):
        return np.dot(X, self.w_[1:]) + self.w_[0]

    def predict(self, X):
        return np.where(self.net_input(X) >= 0.0, 1, -1)


class AdalineGD(object):
    """ADAptive LInear NEuron: full-batch gradient descent on the sum of squared errors."""

    def __init__(self, eta=0.01, n_iter=50, random_state=1):
        self.eta = eta
        self.n_iter = n_iter
        self.random_state = random_state

    def fit(self, X, y):
        rgen = np.random.RandomState(self.random_state)
        self.w_ = rgen.normal(loc=0.0, scale=0.01, size=1 + X.shape[1])
        self.cost_ = []
        for i in range(self.n_iter):
            net_input = self.net_input(X)
            output = self.activation(net_input)
            errors = y - output
            self.w_[1:] += self.eta * X.T.dot(errors)
            self.w_[0] += self.eta * errors.sum()
            cost = (errors**2).sum() / 2.0
            self.cost_.append(cost)
        return self

    def net_input(self, X):
        return np.dot(X, self.w_[1:]) + self.w_[0]

    def activation(self, X):
        # The identity: kept as a method so that logistic regression can later swap in a sigmoid.
        return X

    def predict(self, X):
        return np.where(self.activation(self.net_input(X)) >= 0.0, 1, -1)


class AdalineSGD:
    """Adaline trained one example at a time, on a reshuffled order each epoch."""

    def __init__(self, eta=0.01, n_iter=10, shuffle=True, random_state=None):
        self.eta = eta
        self.n_iter = n_iter
        self.w_initialized = False
        self.shuffle = shuffle
        self.random_state = random_state

    def fit(self, X, y):
        self._initialize_weights(X.shape[1])
        self.losses_ = []
        for i in range(self.n_iter):
            if self.shuffle:
                X, y = self._shuffle(X, y)
            losses = []
            for xi, target in zip(X, y):
                losses.append(self._update_weights(xi, target))
            avg_loss = np.mean(losses)
            self.losses_.append(avg_loss)
        return self

    def partial_fit(self, X, y):
        # Online learning: keep the weights learnt so far and only update them with the new examples.
        if not self.w_initialized:
            self._initialize_weights(X.shape[1])
        if y.ravel().shape[0] > 1:
            for xi, target in zip(X, y):
                self._update_weights(xi, target)
        else:
            self._update_weights(X, y)
        return self

    def _shuffle(self, X, y):
        r = self.rgen.permutation(len(y))
        return X[r], y[r]

    def _initialize_weights(self, m):
        self.rgen = np.random.RandomState(self.random_state)
        self.w_ = self.rgen.normal(loc=0.0, scale=0.01, size=m)
        self.b_ = np.float_(0.)
        self.w_initialized = True

    def _update_weights(self, xi, target):
        output = self.activation(self.net_input(xi))
        error = target - output
        self.w_ += self.eta * 2.0 * xi * error
        self.b_ += self.eta * 2.0 * error
        loss = error**2
        return loss

    def net_input(self, X):
        return np.dot(X, self.w_) + self.b_

    def activation(self, X):
        return X

    def predict(self, X):
        return np.where(self.activation(self.net_input(X)) >= 0.5, 1, 0)


def plot_decision_regions(X, y, classifier, resolution=0.02):
    markers = ('o', 's', '^', 'v', '<')
    colors = ('red', 'blue', 'lightgreen', 'gray', 'cyan')
    cmap = ListedColormap(colors[:len(np.unique(y))])

    x1_min, x1_max = X[:, 0].min() - 1, X[:, 0].max() + 1
    x2_min, x2_max = X[:, 1].min() - 1, X[:, 1].max() + 1
    xx1, xx2 = np.meshgrid(np.arange(x1_min, x1_max, resolution),
                           np.arange(x2_min, x2_max, resolution))
    lab = classifier.predict(np.array([xx1.ravel(), xx2.ravel()]).T)
    lab = lab.reshape(xx1.shape)
    plt.contourf(xx1, xx2, lab, alpha=0.3, cmap=cmap)
    plt.xlim(xx1.min(), xx1.max())
    plt.ylim(xx2.min(), xx2.max())

    for idx, cl in enumerate(np.unique(y)):
        plt.scatter(x=X[y == cl, 0],
                    y=X[y == cl, 1],
                    alpha=0.8,
                    c=colors[idx],
                    marker=markers[idx],
                    label=f'Class {cl}',
                    edgecolor='black')
    return xx1, lab


# The book reads the UCI iris.data file (no header, species names in column 4) with pandas; the same file is
# written here from sklearn's copy into a temporary folder.
iris = load_iris()
species = [('Iris-setosa', 'Iris-versicolor', 'Iris-virginica')[t] for t in iris.target]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'iris.data')
    pd.DataFrame({i: iris.data[:, i] for i in range(4)} | {4: species}).to_csv(path, header=False, index=False)
    df = pd.read_csv(path, header=None, encoding='utf-8')
print(df.tail())
# The book takes .values of the species column first (an object array, which our numpy lacks); comparing the
# Series itself gives the same labels.
y = np.where(df.iloc[0:100, 4] == 'Iris-setosa', -1, 1)
X = df.iloc[0:100, [0, 2]].values
print('X shape:', X.shape, 'y counts:', np.unique(y, return_counts=True))
print(X[:3])
print(X[-3:])

plt.scatter(X[:50, 0], X[:50, 1], color='red', marker='o', label='Setosa')
plt.scatter(X[50:100, 0], X[50:100, 1], color='blue', marker='s', label='Versicolor')
plt.xlabel('Sepal length [cm]')
plt.ylabel('Petal length [cm]')
plt.legend(loc='upper left')
ax = plt.gca()
print('labels:', ax.get_xlabel(), '/', ax.get_ylabel())
plt.close()

ppn = Perceptron(eta=0.1, n_iter=10)
ppn.fit(X, y)
print('perceptron errors per epoch:', ppn.errors_)
print('perceptron weights:', ppn.w_)
print('perceptron predictions:', ppn.predict(X[[0, 1, 50, 99]]))
plt.plot(range(1, len(ppn.errors_) + 1), ppn.errors_, marker='o')
plt.xlabel('Epochs')
plt.ylabel('Number of updates')
print('line data:', plt.gca().lines[0].get_ydata())
plt.close()

cmap = ListedColormap(('red', 'blue', 'lightgreen')[:2])
print('cmap:', cmap.N, cmap.colors, cmap(0), cmap(1), cmap(0.75))
xx1, lab = plot_decision_regions(X, y, classifier=ppn)
print('grid:', xx1.shape, 'label counts:', np.unique(lab, return_counts=True))
ax = plt.gca()
print('xlim: (%.2f, %.2f)' % ax.get_xlim(), 'ylim: (%.2f, %.2f)' % ax.get_ylim())
plt.legend(loc='upper left')
plt.close()

# Two learning rates side by side: too large diverges, too small creeps.
fig, ax = plt.subplots(nrows=1, ncols=2, figsize=(10, 4))
ada1 = AdalineGD(n_iter=10, eta=0.01).fit(X, y)
ax[0].plot(range(1, len(ada1.cost_) + 1), np.log10(ada1.cost_), marker='o')
ax[0].set_xlabel('Epochs')
ax[0].set_ylabel('log(Sum-squared-error)')
ax[0].set_title('Adaline - Learning rate 0.01')
ada2 = AdalineGD(n_iter=10, eta=0.0001).fit(X, y)
ax[1].plot(range(1, len(ada2.cost_) + 1), ada2.cost_, marker='o')
ax[1].set_title('Adaline - Learning rate 0.0001')
plt.close(fig)
print('eta=0.01 log10 cost:', np.round(np.log10(ada1.cost_), 4))
print('eta=0.0001 cost:', np.round(ada2.cost_, 4))

X_std = np.copy(X)
X_std[:, 0] = (X[:, 0] - X[:, 0].mean()) / X[:, 0].std()
X_std[:, 1] = (X[:, 1] - X[:, 1].mean()) / X[:, 1].std()
print('standardized means/stds:', np.round(X_std.mean(axis=0), 10), X_std.std(axis=0))
print(X_std[:3])

ada_gd = AdalineGD(n_iter=15, eta=0.01)
ada_gd.fit(X_std, y)
for epoch in (0, 4, 9, 14):
    print(f'AdalineGD epoch {epoch + 1:2d} cost {ada_gd.cost_[epoch]:.6f}')
# On standardised data the bias ends at rounding noise (around 1e-16, its sign a matter of summation order).
print('AdalineGD weights:', ada_gd.w_[1:], 'bias ~ 0:', abs(ada_gd.w_[0]) < 1e-12)
print('AdalineGD training accuracy:', (ada_gd.predict(X_std) == y).mean())
plot_decision_regions(X_std, y, classifier=ada_gd)
plt.title('Adaline - Gradient Descent')
plt.xlabel('Sepal length [standardized]')
plt.ylabel('Petal length [standardized]')
plt.tight_layout()
plt.close()

# The newer edition's SGD Adaline with 0/1 labels.
y01 = np.where(y == -1, 0, 1)
ada_sgd = AdalineSGD(n_iter=15, eta=0.01, random_state=1)
ada_sgd.fit(X_std, y01)
print('AdalineSGD losses:', np.round(ada_sgd.losses_, 6))
print('AdalineSGD w_, b_:', ada_sgd.w_, ada_sgd.b_, type(ada_sgd.b_).__name__)
print('AdalineSGD accuracy:', np.mean(ada_sgd.predict(X_std) == y01))
ada_sgd.partial_fit(X_std[0, :], y01[0])
print('after partial_fit(one example):', ada_sgd.w_, ada_sgd.b_)
ada_sgd.partial_fit(X_std[50:53], y01[50:53])
print('after partial_fit(three examples):', ada_sgd.w_, ada_sgd.b_)
plt.plot(range(1, len(ada_sgd.losses_) + 1), ada_sgd.losses_, marker='o')
plt.xlabel('Epochs')
plt.ylabel('Average loss')
plt.close()
