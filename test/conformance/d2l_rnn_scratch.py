# d2l 9.1 "Working with Sequences" and 9.5 "Recurrent Neural Network Implementation from Scratch" idioms:
# a noisy sine from torch.sin(0.01 * time) + torch.normal(0, 0.2, (T,)), lagged features filled column by
# column (features[:, i] = x[i: T - tau + i]), one-hot inputs F.one_hot(X.T, vocab) of a (batch, steps)
# index tensor, parameters from a get_params() helper with requires_grad_(True), a hand-written rnn() loop
# over time steps with torch.tanh(torch.mm(X, W_xh) + torch.mm(H, W_hh) + b_h), torch.cat(outputs, dim=0),
# state as a 1-tuple, cross entropy on Y against y.T.reshape(-1), d2l's grad_clipping (norm =
# torch.sqrt(sum(torch.sum(p.grad ** 2) for p in params)), param.grad[:] *= theta / norm), perplexity as
# math.exp of the mean loss, SGD by hand under no_grad, and greedy prediction of a few steps.
import math

import torch
import torch.nn.functional as F

torch.manual_seed(5)
T = 60
time = torch.arange(1, T + 1, dtype=torch.float32)
x = torch.sin(0.01 * time) + torch.normal(0, 0.2, (T,))
tau = 4
features = torch.zeros((T - tau, tau))
for i in range(tau):
    features[:, i] = x[i: T - tau + i]
labels = x[tau:].reshape((-1, 1))
print(features.shape, labels.shape)
print(features[:3], labels[:3].T)

vocab_size, num_hiddens = 6, 12


def get_params(vocab_size, num_hiddens):
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape) * 0.1

    W_xh = normal((num_inputs, num_hiddens))
    W_hh = normal((num_hiddens, num_hiddens))
    b_h = torch.zeros(num_hiddens)
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs)
    params = [W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params


def init_rnn_state(batch_size, num_hiddens):
    return (torch.zeros((batch_size, num_hiddens)),)


def rnn(inputs, state, params):
    W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        H = torch.tanh(torch.mm(X, W_xh) + torch.mm(H, W_hh) + b_h)
        Y = torch.mm(H, W_hq) + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)


def grad_clipping(params, theta):
    norm = torch.sqrt(sum(torch.sum((p.grad ** 2)) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm
    return norm


# A repeating pattern 0 1 2 3 4 5 0 1 ... cut into (batch, steps) windows; the target is the next token.
corpus = torch.arange(40) % vocab_size
params = get_params(vocab_size, num_hiddens)
X = torch.stack([corpus[i:i + 5] for i in range(0, 30, 6)])
Y = torch.stack([corpus[i + 1:i + 6] for i in range(0, 30, 6)])
print(X.shape, F.one_hot(X.T, vocab_size).shape)
lr = 1.0
for epoch in range(30):
    state = init_rnn_state(X.shape[0], num_hiddens)
    y_hat, state = rnn(F.one_hot(X.T, vocab_size).type(torch.float32), state, params)
    l = F.cross_entropy(y_hat, Y.T.reshape(-1).long()).mean()
    for p in params:
        p.grad = None
    l.backward()
    norm = grad_clipping(params, 1)
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
    if (epoch + 1) % 5 == 0:
        print(f'epoch {epoch + 1}, perplexity {math.exp(l.item()):.3f}, grad norm {norm.item():.4f}')


def predict(prefix, num_preds):
    state = init_rnn_state(1, num_hiddens)
    outputs = [prefix[0]]
    get_input = lambda: F.one_hot(torch.tensor([outputs[-1]]).reshape((1, 1)), vocab_size).float()  # noqa: E731
    for y in prefix[1:]:
        _, state = rnn(get_input(), state, params)
        outputs.append(y)
    for _ in range(num_preds):
        y, state = rnn(get_input(), state, params)
        outputs.append(int(y.argmax(dim=1).reshape(1)))
    return outputs


print(predict([2, 3], 8))
print(state[0].shape, len(state))
