# "딥러닝 파이토치 교과서" (서지영, 길벗) ch.7 (RNN cells and loops) and its clustering section, on data made
# here: an `RNNCell_Encoder` looping `for word in inputs: ht = self.rnn(word, ht)` over a time-major batch;
# LSTM and GRU cells written as classes (`x2h`/`h2h` Linear layers, `reset_parameters` with
# `std = 1.0 / math.sqrt(self.hidden_size)` and `w.data.uniform_(-std, std)`, `x.view(-1, x.size(1))`,
# `gates.chunk(4, 1)`, `torch.mul(cx, forgetgate) + torch.mul(ingate, cellgate)`,
# `newgate + inputgate * (hidden - newgate)`), models that unroll them with
# `Variable(torch.zeros(layer_dim, x.size(0), hidden_dim))`, `outs[-1].squeeze()`, the MNIST-as-rows training
# loop with `Variable(images.view(-1, seq_dim, input_dim))`, `torch.max(outputs.data, 1)`, a tensor `correct`
# (`(predicted == labels).sum()`) so that `100 * correct / total` prints as a tensor in
# `'Iteration: {}. Loss: {}. Accuracy: {}'`; the hand cells checked against `nn.LSTMCell`/`nn.GRUCell` given
# the same weights; and K-means written in torch (`torch.cdist`, `argmin`, centroid means, inertia).
import math

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(2022)


class RNNCell_Encoder(nn.Module):
    def __init__(self, input_dim, hidden_size):
        super(RNNCell_Encoder, self).__init__()
        self.rnn = nn.RNNCell(input_dim, hidden_size)

    def forward(self, inputs):
        bz = inputs.shape[1]
        ht = torch.zeros((bz, hidden_size))
        for word in inputs:
            ht = self.rnn(word, ht)
        return ht


hidden_size = 6
enc = RNNCell_Encoder(4, hidden_size)
print(enc)
seq = torch.randn(5, 3, 4)
ht = enc(seq)
print(ht.shape, ht.grad_fn.name())
print(ht)


class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super(LSTMCell, self).__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.x2h = nn.Linear(input_size, 4 * hidden_size, bias=bias)
        self.h2h = nn.Linear(hidden_size, 4 * hidden_size, bias=bias)
        self.reset_parameters()

    def reset_parameters(self):
        std = 1.0 / math.sqrt(self.hidden_size)
        for w in self.parameters():
            w.data.uniform_(-std, std)

    def forward(self, x, hidden):
        hx, cx = hidden
        x = x.view(-1, x.size(1))
        gates = self.x2h(x) + self.h2h(hx)
        gates = gates.squeeze()
        ingate, forgetgate, cellgate, outgate = gates.chunk(4, 1)
        ingate = torch.sigmoid(ingate)
        forgetgate = torch.sigmoid(forgetgate)
        cellgate = torch.tanh(cellgate)
        outgate = torch.sigmoid(outgate)
        cy = torch.mul(cx, forgetgate) + torch.mul(ingate, cellgate)
        hy = torch.mul(outgate, torch.tanh(cy))
        return (hy, cy)


class GRUCell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super(GRUCell, self).__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.x2h = nn.Linear(input_size, 3 * hidden_size, bias=bias)
        self.h2h = nn.Linear(hidden_size, 3 * hidden_size, bias=bias)
        self.reset_parameters()

    def reset_parameters(self):
        std = 1.0 / math.sqrt(self.hidden_size)
        for w in self.parameters():
            w.data.uniform_(-std, std)

    def forward(self, x, hidden):
        x = x.view(-1, x.size(1))
        gate_x = self.x2h(x)
        gate_h = self.h2h(hidden)
        gate_x = gate_x.squeeze()
        gate_h = gate_h.squeeze()
        i_r, i_i, i_n = gate_x.chunk(3, 1)
        h_r, h_i, h_n = gate_h.chunk(3, 1)
        resetgate = torch.sigmoid(i_r + h_r)
        inputgate = torch.sigmoid(i_i + h_i)
        newgate = torch.tanh(i_n + (resetgate * h_n))
        hy = newgate + inputgate * (hidden - newgate)
        return hy


# The hand cells against PyTorch's, given the same weights (PyTorch orders gates i, f, g, o and r, z, n).
x = torch.randn(3, 5)
h0 = torch.randn(3, 4)
c0 = torch.randn(3, 4)
mine = LSTMCell(5, 4)
ref = nn.LSTMCell(5, 4)
with torch.no_grad():
    ref.weight_ih.copy_(mine.x2h.weight)
    ref.weight_hh.copy_(mine.h2h.weight)
    ref.bias_ih.copy_(mine.x2h.bias)
    ref.bias_hh.copy_(mine.h2h.bias)
h1, c1 = mine(x, (h0, c0))
h2, c2 = ref(x, (h0, c0))
print('LSTM cell max diff: {:.2e} {:.2e}'.format((h1 - h2).abs().max().item(), (c1 - c2).abs().max().item()))
gmine = GRUCell(5, 4)
gref = nn.GRUCell(5, 4)
gref.load_state_dict({'weight_ih': gmine.x2h.weight, 'weight_hh': gmine.h2h.weight,
                      'bias_ih': gmine.x2h.bias, 'bias_hh': gmine.h2h.bias})
print('GRU cell max diff: {:.2e}'.format((gmine(x, h0) - gref(x, h0)).abs().max().item()))
print([n for n, _ in gref.named_parameters()])


class LSTMModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, layer_dim, output_dim, bias=True):
        super(LSTMModel, self).__init__()
        self.hidden_dim = hidden_dim
        self.layer_dim = layer_dim
        self.lstm = LSTMCell(input_dim, hidden_dim, layer_dim)
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        h0 = Variable(torch.zeros(self.layer_dim, x.size(0), self.hidden_dim))
        c0 = Variable(torch.zeros(self.layer_dim, x.size(0), self.hidden_dim))
        outs = []
        cn = c0[0, :, :]
        hn = h0[0, :, :]
        for seq in range(x.size(1)):
            hn, cn = self.lstm(x[:, seq, :], (hn, cn))
            outs.append(hn)
        out = outs[-1].squeeze()
        out = self.fc(out)
        return out


class GRUModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, layer_dim, output_dim, bias=True):
        super(GRUModel, self).__init__()
        self.hidden_dim = hidden_dim
        self.layer_dim = layer_dim
        self.gru_cell = GRUCell(input_dim, hidden_dim, layer_dim)
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        h0 = Variable(torch.zeros(self.layer_dim, x.size(0), self.hidden_dim))
        outs = []
        hn = h0[0, :, :]
        for seq in range(x.size(1)):
            hn = self.gru_cell(x[:, seq, :], hn)
            outs.append(hn)
        out = outs[-1].squeeze()
        out = self.fc(out)
        return out


# Ten classes of 12x12 "digits" read row by row (seq_dim rows of input_dim pixels).
seq_dim, input_dim = 12, 12
labels_all = torch.arange(120) % 10
images_all = torch.rand(120, 1, 12, 12) * 0.3
for i in range(120):
    k = int(labels_all[i])
    images_all[i, 0, k:k + 2, :] += 0.7
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(images_all, labels_all), batch_size=40,
                                     shuffle=True)
for Model in (LSTMModel, GRUModel):
    model = Model(input_dim, 16, 1, 10)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    print(model)
    iter = 0
    for epoch in range(4):
        for i, (images, labels) in enumerate(loader):
            images = Variable(images.view(-1, seq_dim, input_dim))
            labels = Variable(labels)
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 2)
            optimizer.step()
            iter += 1
            if iter % 6 == 0:
                correct = 0
                total = 0
                for images, labels in loader:
                    images = Variable(images.view(-1, seq_dim, input_dim))
                    outputs = model(images)
                    _, predicted = torch.max(outputs.data, 1)
                    total += labels.size(0)
                    correct += (predicted == labels).sum()
                accuracy = 100 * correct / total
                print('Iteration: {}. Loss: {}. Accuracy: {}'.format(iter, loss.item(), accuracy))

# K-means in torch on three blobs.
centers = torch.tensor([[0.0, 0.0], [3.0, 3.0], [0.0, 4.0]])
points = torch.cat([c + 0.5 * torch.randn(30, 2) for c in centers])
k = 3
centroids = points[torch.randperm(len(points))[:k]].clone()
for step in range(10):
    dist = torch.cdist(points, centroids)
    assign = dist.argmin(dim=1)
    new_centroids = torch.stack([points[assign == j].mean(dim=0) for j in range(k)])
    shift = (new_centroids - centroids).norm(dim=1).max().item()
    centroids = new_centroids
    inertia = (dist.min(dim=1).values ** 2).sum().item()
    print('step {} inertia {:.4f} shift {:.4f}'.format(step, inertia, shift))
    if shift < 1e-4:
        break
order = centroids[:, 0].argsort()
print(centroids[order])
print(torch.bincount(assign, minlength=k))
print(((points.unsqueeze(1) - centroids.unsqueeze(0)) ** 2).sum(-1).argmin(1).eq(assign).all())
