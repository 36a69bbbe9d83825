# Sebastian Raschka et al., "Machine Learning with PyTorch and Scikit-Learn", chapter 11 "Implementing a
# Multilayer Artificial Neural Network from Scratch" (rasbt/machine-learning-book ch11/ch11.ipynb and
# ch11/neuralnet.py): the numpy NeuralNetMLP with sigmoid and int_to_onehot, weights from
# np.random.RandomState(random_seed).normal(loc=0.0, scale=0.1, size=...), forward returning (a_h, a_out),
# backward spelled out with the chain rule (d_loss__d_a_out, delta_out, ...), minibatch_generator shuffling
# indices, mse_loss, accuracy, compute_mse_and_acc, the train loop printing
# `Epoch: 001/010 | Train MSE: ... | Train Acc: ...% | Valid Acc: ...%`, the loss and accuracy plots and the
# misclassified-images grid. The book's MNIST from fetch_openml becomes sklearn's 8x8 load_digits, scaled to
# [-1, 1] the same way and split twice with train_test_split(..., stratify=y).
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def sigmoid(z):
    return 1. / (1. + np.exp(-z))


def int_to_onehot(y, num_labels):
    ary = np.zeros((y.shape[0], num_labels))
    for i, val in enumerate(y):
        ary[i, val] = 1
    return ary


class NeuralNetMLP:

    def __init__(self, num_features, num_hidden, num_classes, random_seed=123):
        super().__init__()
        self.num_classes = num_classes
        rng = np.random.RandomState(random_seed)
        # Hidden layer: one row of weights per hidden unit.
        self.weight_h = rng.normal(loc=0.0, scale=0.1, size=(num_hidden, num_features))
        self.bias_h = np.zeros(num_hidden)
        # Output layer: one row per class.
        self.weight_out = rng.normal(loc=0.0, scale=0.1, size=(num_classes, num_hidden))
        self.bias_out = np.zeros(num_classes)

    def forward(self, x):
        # [n_examples, n_features] x [n_features, n_hidden] -> [n_examples, n_hidden]
        z_h = np.dot(x, self.weight_h.T) + self.bias_h
        a_h = sigmoid(z_h)
        # [n_examples, n_hidden] x [n_hidden, n_classes] -> [n_examples, n_classes]
        z_out = np.dot(a_h, self.weight_out.T) + self.bias_out
        a_out = sigmoid(z_out)
        return a_h, a_out

    def backward(self, x, a_h, a_out, y):
        y_onehot = int_to_onehot(y, self.num_classes)

        # Output layer. The loss is the mean over examples of the squared error, hence the 2/n factor.
        d_loss__d_a_out = 2. * (a_out - y_onehot) / y.shape[0]
        # The sigmoid's derivative, written with its own output.
        d_a_out__d_z_out = a_out * (1. - a_out)
        # Shared by both layers' gradients, so it is computed once.
        delta_out = d_loss__d_a_out * d_a_out__d_z_out
        # z_out is linear in w_out with the hidden activations as coefficients.
        d_z_out__dw_out = a_h
        d_loss__dw_out = np.dot(delta_out.T, d_z_out__dw_out)
        d_loss__db_out = np.sum(delta_out, axis=0)

        # Hidden layer: send delta_out back through the output weights, then through the hidden sigmoid.
        d_z_out__a_h = self.weight_out
        d_loss__a_h = np.dot(delta_out, d_z_out__a_h)
        d_a_h__d_z_h = a_h * (1. - a_h)
        d_z_h__d_w_h = x
        d_loss__d_w_h = np.dot((d_loss__a_h * d_a_h__d_z_h).T, d_z_h__d_w_h)
        d_loss__d_b_h = np.sum((d_loss__a_h * d_a_h__d_z_h), axis=0)

        return d_loss__dw_out, d_loss__db_out, d_loss__d_w_h, d_loss__d_b_h


digits = load_digits()
X, y = digits.data, digits.target
print(X.shape, y.shape, X.dtype, y.dtype, X.min(), X.max())
# Pixels 0..16 mapped onto [-1, 1], as the book maps MNIST's 0..255.
X = ((X / 16.) - .5) * 2
print(np.round(X[0, :16], 3))

X_temp, X_test, y_temp, y_test = train_test_split(X, y, test_size=300, random_state=123, stratify=y)
X_train, X_valid, y_train, y_valid = train_test_split(
    X_temp, y_temp, test_size=200, random_state=123, stratify=y_temp)
print('train/valid/test:', X_train.shape, X_valid.shape, X_test.shape)
print('train class counts:', np.bincount(y_train))

model = NeuralNetMLP(num_features=8*8, num_hidden=30, num_classes=10)
print('weights:', model.weight_h.shape, model.bias_h.shape, model.weight_out.shape, model.bias_out.shape)
print(np.round(model.weight_h[0, :5], 6), np.round(model.weight_out[-1, -3:], 6))

print(int_to_onehot(np.array([0, 3, 9]), 10))

num_epochs = 10
minibatch_size = 100


def minibatch_generator(X, y, minibatch_size):
    indices = np.arange(X.shape[0])
    np.random.shuffle(indices)
    # The last, incomplete minibatch is dropped.
    for start_idx in range(0, indices.shape[0] - minibatch_size + 1, minibatch_size):
        batch_idx = indices[start_idx:start_idx + minibatch_size]
        yield X[batch_idx], y[batch_idx]


np.random.seed(123)  # the order in which minibatch_generator shuffles the examples
for i in range(num_epochs):
    minibatch_gen = minibatch_generator(X_train, y_train, minibatch_size)
    for X_train_mini, y_train_mini in minibatch_gen:
        break
    break
print(X_train_mini.shape, y_train_mini.shape, y_train_mini[:10])


def mse_loss(targets, probas, num_labels=10):
    onehot_targets = int_to_onehot(targets, num_labels=num_labels)
    return np.mean((onehot_targets - probas)**2)


def accuracy(targets, predicted_labels):
    return np.mean(predicted_labels == targets)


_, probas = model.forward(X_valid)
mse = mse_loss(y_valid, probas)
predicted_labels = np.argmax(probas, axis=1)
acc = accuracy(y_valid, predicted_labels)
print(f'Initial validation MSE: {mse:.1f}')
print(f'Initial validation accuracy: {acc*100:.1f}%')


def compute_mse_and_acc(nnet, X, y, num_labels=10, minibatch_size=100):
    mse, correct_pred, num_examples = 0., 0, 0
    minibatch_gen = minibatch_generator(X, y, minibatch_size)
    for i, (features, targets) in enumerate(minibatch_gen):
        _, probas = nnet.forward(features)
        predicted_labels = np.argmax(probas, axis=1)
        onehot_targets = int_to_onehot(targets, num_labels=num_labels)
        loss = np.mean((onehot_targets - probas)**2)
        correct_pred += (predicted_labels == targets).sum()
        num_examples += targets.shape[0]
        mse += loss
    mse = mse / (i + 1)
    acc = correct_pred / num_examples
    return mse, acc


np.random.seed(123)
mse, acc = compute_mse_and_acc(model, X_valid, y_valid)
print(f'Initial valid MSE: {mse:.1f}')
print(f'Initial valid accuracy: {acc*100:.1f}%')


def train(model, X_train, y_train, X_valid, y_valid, num_epochs, learning_rate=0.1):
    epoch_loss = []
    epoch_train_acc = []
    epoch_valid_acc = []
    for e in range(num_epochs):
        minibatch_gen = minibatch_generator(X_train, y_train, minibatch_size)
        for X_train_mini, y_train_mini in minibatch_gen:
            a_h, a_out = model.forward(X_train_mini)
            d_loss__d_w_out, d_loss__d_b_out, d_loss__d_w_h, d_loss__d_b_h = \
                model.backward(X_train_mini, a_h, a_out, y_train_mini)
            model.weight_h -= learning_rate * d_loss__d_w_h
            model.bias_h -= learning_rate * d_loss__d_b_h
            model.weight_out -= learning_rate * d_loss__d_w_out
            model.bias_out -= learning_rate * d_loss__d_b_out

        train_mse, train_acc = compute_mse_and_acc(model, X_train, y_train)
        valid_mse, valid_acc = compute_mse_and_acc(model, X_valid, y_valid)
        train_acc, valid_acc = train_acc * 100, valid_acc * 100
        epoch_train_acc.append(train_acc)
        epoch_valid_acc.append(valid_acc)
        epoch_loss.append(train_mse)
        print(f'Epoch: {e+1:03d}/{num_epochs:03d} '
              f'| Train MSE: {train_mse:.4f} '
              f'| Train Acc: {train_acc:.2f}% '
              f'| Valid Acc: {valid_acc:.2f}%')
    return epoch_loss, epoch_train_acc, epoch_valid_acc


# The book trains 50 epochs at 0.1 on 55,000 MNIST images; 10 epochs over 1,297 small digits need a larger step.
np.random.seed(123)
epoch_loss, epoch_train_acc, epoch_valid_acc = train(
    model, X_train, y_train, X_valid, y_valid, num_epochs=num_epochs, learning_rate=2.0)

plt.plot(range(len(epoch_loss)), epoch_loss)
plt.ylabel('Mean squared error')
plt.xlabel('Epoch')
plt.close()

plt.plot(range(len(epoch_train_acc)), epoch_train_acc, label='Training')
plt.plot(range(len(epoch_valid_acc)), epoch_valid_acc, label='Validation')
plt.ylabel('Accuracy')
plt.xlabel('Epochs')
plt.legend(loc='lower right')
print('final accuracies: %.2f%% %.2f%%' % (epoch_train_acc[-1], epoch_valid_acc[-1]))
plt.close()

test_mse, test_acc = compute_mse_and_acc(model, X_test, y_test)
print(f'Test accuracy: {test_acc*100:.2f}%')

X_test_subset = X_test[:100, :]
y_test_subset = y_test[:100]
_, probas = model.forward(X_test_subset)
test_pred = np.argmax(probas, axis=1)
misclassified_images = X_test_subset[y_test_subset != test_pred][:25]
misclassified_labels = test_pred[y_test_subset != test_pred][:25]
correct_labels = y_test_subset[y_test_subset != test_pred][:25]
print('misclassified:', misclassified_images.shape[0], list(zip(correct_labels, misclassified_labels)))

n = max(1, misclassified_images.shape[0])
fig, ax = plt.subplots(nrows=1, ncols=n, sharex=True, sharey=True, figsize=(2 * n, 2))
ax = np.atleast_1d(ax).flatten()
for i in range(misclassified_images.shape[0]):
    img = misclassified_images[i].reshape(8, 8)
    ax[i].imshow(img, cmap='Greys', interpolation='nearest')
    ax[i].set_title(f'{i+1}) True: {correct_labels[i]}\n Predicted: {misclassified_labels[i]}')
ax[0].set_xticks([])
ax[0].set_yticks([])
plt.tight_layout()
print('titles:', [a.get_title() for a in ax[:misclassified_images.shape[0]]])
plt.close(fig)
