# d2l 10.1 "Long Short-Term Memory" and 10.2 "Gated Recurrent Units" idioms, from scratch and concise:
# parameters from three() helpers returning (normal(...), normal(...), zeros) tuples made with
# requires_grad_(True), init_gru_state/init_lstm_state returning tuples of torch.zeros((batch_size,
# num_hiddens)), gates as torch.sigmoid((X @ W_xz) + (H @ W_hz) + b_z), H = Z * H + (1 - Z) * H_tilde,
# C = F * C + I * C_tilda, Y = (H @ W_hq) + b_q, outputs catted on dim 0, a char-level toy corpus fed as
# F.one_hot(X.T, vocab_size).type(torch.float32), d2l's grad_clipping by hand, perplexity, greedy predict with
# outputs.append(int(y.argmax(dim=1).reshape(1))); then the concise RNNModel wrapper over nn.GRU / nn.LSTM
# (begin_state, self.linear(Y.reshape((-1, Y.shape[-1])))), the scratch GRU copied into nn.GRU's
# weight_ih_l0 rows (r, z, n order) to show both agree, nn.LSTM(num_layers=2) and bidirectional shapes.
import math

import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(42)
text = 'the time machine by h g wells ' * 4
vocab = sorted(set(text))
stoi = {ch: i for i, ch in enumerate(vocab)}
corpus = [stoi[ch] for ch in text]
vocab_size = len(vocab)
print(vocab_size, len(corpus), vocab[:5])

batch_size, num_steps = 4, 6


def data_iter(corpus, batch_size, num_steps):
    offset = 0
    n = (len(corpus) - offset - 1) // (batch_size * num_steps) * batch_size * num_steps
    Xs = torch.tensor(corpus[offset:offset + n]).reshape(batch_size, -1)
    Ys = torch.tensor(corpus[offset + 1:offset + 1 + n]).reshape(batch_size, -1)
    for i in range(0, Xs.shape[1] - num_steps + 1, num_steps):
        yield Xs[:, i:i + num_steps], Ys[:, i:i + num_steps]


def get_gru_params(vocab_size, num_hiddens):
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape) * 0.01

    def three():
        return (normal((num_inputs, num_hiddens)), normal((num_hiddens, num_hiddens)), torch.zeros(num_hiddens))

    W_xz, W_hz, b_z = three()
    W_xr, W_hr, b_r = three()
    W_xh, W_hh, b_h = three()
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs)
    params = [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params


def init_gru_state(batch_size, num_hiddens):
    return (torch.zeros((batch_size, num_hiddens)),)


def gru(inputs, state, params):
    W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        Z = torch.sigmoid((X @ W_xz) + (H @ W_hz) + b_z)
        R = torch.sigmoid((X @ W_xr) + (H @ W_hr) + b_r)
        H_tilda = torch.tanh((X @ W_xh) + ((R * H) @ W_hh) + b_h)
        H = Z * H + (1 - Z) * H_tilda
        Y = H @ W_hq + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)


def get_lstm_params(vocab_size, num_hiddens):
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape) * 0.01

    def three():
        return (normal((num_inputs, num_hiddens)), normal((num_hiddens, num_hiddens)), torch.zeros(num_hiddens))

    W_xi, W_hi, b_i = three()
    W_xf, W_hf, b_f = three()
    W_xo, W_ho, b_o = three()
    W_xc, W_hc, b_c = three()
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs)
    params = [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params


def init_lstm_state(batch_size, num_hiddens):
    return (torch.zeros((batch_size, num_hiddens)), torch.zeros((batch_size, num_hiddens)))


def lstm(inputs, state, params):
    [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q] = params
    (H, C) = state
    outputs = []
    for X in inputs:
        I = torch.sigmoid((X @ W_xi) + (H @ W_hi) + b_i)
        F_ = torch.sigmoid((X @ W_xf) + (H @ W_hf) + b_f)
        O = torch.sigmoid((X @ W_xo) + (H @ W_ho) + b_o)
        C_tilda = torch.tanh((X @ W_xc) + (H @ W_hc) + b_c)
        C = F_ * C + I * C_tilda
        H = O * torch.tanh(C)
        Y = (H @ W_hq) + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H, C)


class RNNModelScratch:
    def __init__(self, vocab_size, num_hiddens, get_params, init_state, forward_fn):
        self.vocab_size, self.num_hiddens = vocab_size, num_hiddens
        self.params = get_params(vocab_size, num_hiddens)
        self.init_state, self.forward_fn = init_state, forward_fn

    def __call__(self, X, state):
        X = F.one_hot(X.T, self.vocab_size).type(torch.float32)
        return self.forward_fn(X, state, self.params)

    def begin_state(self, batch_size):
        return self.init_state(batch_size, self.num_hiddens)


def grad_clipping(net, theta):
    if isinstance(net, nn.Module):
        params = [p for p in net.parameters() if p.requires_grad]
    else:
        params = net.params
    norm = torch.sqrt(sum(torch.sum((p.grad ** 2)) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm
    return norm


def predict(prefix, num_preds, net):
    state = net.begin_state(batch_size=1)
    outputs = [stoi[prefix[0]]]
    get_input = lambda: torch.tensor([outputs[-1]]).reshape((1, 1))
    for y in prefix[1:]:
        _, state = net(get_input(), state)
        outputs.append(stoi[y])
    for _ in range(num_preds):
        y, state = net(get_input(), state)
        outputs.append(int(y.argmax(dim=1).reshape(1)))
    return ''.join([vocab[i] for i in outputs])


def train_epoch(net, updater, lr):
    state = None
    total, count = 0.0, 0
    for X, Y in data_iter(corpus, batch_size, num_steps):
        if state is None:
            state = net.begin_state(batch_size=X.shape[0])
        else:
            if isinstance(net, nn.Module) and not isinstance(state, tuple):
                state.detach_()
            else:
                for s in state:
                    s.detach_()
        y = Y.T.reshape(-1)
        y_hat, state = net(X, state)
        l = loss(y_hat, y.long()).mean()
        if isinstance(updater, torch.optim.Optimizer):
            updater.zero_grad()
            l.backward()
            norm = grad_clipping(net, 1)
            updater.step()
        else:
            l.backward()
            norm = grad_clipping(net, 1)
            with torch.no_grad():
                for param in net.params:
                    param -= lr * param.grad
                    param.grad.zero_()
        total += float(l) * y.numel()
        count += y.numel()
    return math.exp(total / count), float(norm)


loss = nn.CrossEntropyLoss()
num_hiddens = 16
for name, get_params, init_state, fn in [('gru', get_gru_params, init_gru_state, gru),
                                         ('lstm', get_lstm_params, init_lstm_state, lstm)]:
    net = RNNModelScratch(vocab_size, num_hiddens, get_params, init_state, fn)
    X = torch.arange(10).reshape((2, 5))
    Y, new_state = net(X, net.begin_state(X.shape[0]))
    print(name, Y.shape, len(new_state), new_state[0].shape, Y.grad_fn.name())
    for epoch in range(8):
        ppl, norm = train_epoch(net, None, lr=4.0)
        if (epoch + 1) % 2 == 0:
            print(f'{name} epoch {epoch + 1}: perplexity {ppl:.3f}, grad norm {norm:.4f}')
    print(predict('the ', 10, net))


class RNNModel(nn.Module):
    def __init__(self, rnn_layer, vocab_size, **kwargs):
        super(RNNModel, self).__init__(**kwargs)
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.num_hiddens = self.rnn.hidden_size
        if not self.rnn.bidirectional:
            self.num_directions = 1
            self.linear = nn.Linear(self.num_hiddens, self.vocab_size)
        else:
            self.num_directions = 2
            self.linear = nn.Linear(self.num_hiddens * 2, self.vocab_size)

    def forward(self, inputs, state):
        X = F.one_hot(inputs.T.long(), self.vocab_size)
        X = X.to(torch.float32)
        Y, state = self.rnn(X, state)
        output = self.linear(Y.reshape((-1, Y.shape[-1])))
        return output, state

    def begin_state(self, batch_size=1):
        if not isinstance(self.rnn, nn.LSTM):
            return torch.zeros((self.num_directions * self.rnn.num_layers, batch_size, self.num_hiddens))
        else:
            return (torch.zeros((self.num_directions * self.rnn.num_layers, batch_size, self.num_hiddens)),
                    torch.zeros((self.num_directions * self.rnn.num_layers, batch_size, self.num_hiddens)))


gru_layer = nn.GRU(vocab_size, num_hiddens)
net = RNNModel(gru_layer, vocab_size)
print(net)
print([(n, tuple(p.shape)) for n, p in net.named_parameters()])
# The scratch GRU with nn.GRU's weights (rows r, z, n) gives nn.GRU's output.
scratch = RNNModelScratch(vocab_size, num_hiddens, get_gru_params, init_gru_state, gru)
with torch.no_grad():
    W_ir, W_iz, W_in = gru_layer.weight_ih_l0.chunk(3, 0)
    W_hr, W_hz, W_hn = gru_layer.weight_hh_l0.chunk(3, 0)
    b_ir, b_iz, b_in = gru_layer.bias_ih_l0.chunk(3)
    b_hr, b_hz, b_hn = gru_layer.bias_hh_l0.chunk(3)
X = torch.tensor([[1, 2, 3], [4, 5, 6]])
H = torch.zeros(2, num_hiddens)
with torch.no_grad():
    for x in F.one_hot(X.T, vocab_size).float():
        r = torch.sigmoid(x @ W_ir.T + b_ir + H @ W_hr.T + b_hr)
        z = torch.sigmoid(x @ W_iz.T + b_iz + H @ W_hz.T + b_hz)
        n = torch.tanh(x @ W_in.T + b_in + r * (H @ W_hn.T + b_hn))
        H = (1 - z) * n + z * H
    _, h_n = gru_layer(F.one_hot(X.T, vocab_size).float())
print(torch.allclose(H, h_n[0], atol=1e-6))
print(h_n[0, 0, :6])

updater = torch.optim.SGD(net.parameters(), lr=1.0)
for epoch in range(6):
    ppl, norm = train_epoch(net, updater, lr=None)
    if (epoch + 1) % 2 == 0:
        print(f'concise gru epoch {epoch + 1}: perplexity {ppl:.3f}, grad norm {norm:.4f}')
print(predict('time', 8, net))

lstm_layer = nn.LSTM(vocab_size, num_hiddens, num_layers=2)
net = RNNModel(lstm_layer, vocab_size)
print(net)
state = net.begin_state(batch_size=3)
out, (h, c) = net(torch.tensor([[1, 2], [3, 4], [5, 6]]), state)
print(out.shape, h.shape, c.shape)
updater = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(4):
    ppl, norm = train_epoch(net, updater, lr=None)
    print(f'concise lstm epoch {epoch + 1}: perplexity {ppl:.3f}')

bi = RNNModel(nn.LSTM(vocab_size, 8, bidirectional=True), vocab_size)
print(bi.linear)
out, (h, c) = bi(torch.tensor([[1, 2, 3]]), bi.begin_state(batch_size=1))
print(out.shape, h.shape, c.shape)
print(out[0, :4])
